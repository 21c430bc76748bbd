"""Chapter 04's training as a plain script: the cubic fit with gradients from autograd.

The four coefficients require gradients, `loss.backward()` fills their `.grad`, and the update
runs under `torch.no_grad()`. Initial values are drawn on the CPU in float64 (same start on
every device and dtype).
"""
import math

import torch


def fit(device="cpu", dtype=torch.float32, steps=2000, seed=0, report_every=0):
    """Return (every step's loss, final [a, b, c, d]); print the loss every `report_every`."""
    x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
    y = torch.sin(x)
    start = torch.randn(4, dtype=torch.float64, generator=torch.Generator().manual_seed(seed))
    weights = [w.to(device=device, dtype=dtype).requires_grad_() for w in start]
    a, b, c, d = weights
    learning_rate = 1e-6
    losses = torch.empty(steps, device=device, dtype=dtype)  # every step's loss
    for step in range(steps):
        loss = (a + b * x + c * x**2 + d * x**3 - y).pow(2).sum()  # forward and loss
        losses[step] = loss.detach()  # copied in place: no memory kept per step
        if report_every and step % report_every == report_every - 1:
            print(step, loss.item())
        loss.backward()
        with torch.no_grad():
            for w in weights:
                w -= learning_rate * w.grad
                w.grad = None
    return losses.tolist(), [w.item() for w in weights]


if __name__ == "__main__":
    _, (a, b, c, d) = fit(report_every=100)
    print(f"Result: y = {a} + {b} x + {c} x^2 + {d} x^3")
