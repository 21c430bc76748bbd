"""Chapter 03's training as a plain script: the NumPy fit rewritten with torch tensors.

Gradients are still derived by hand; the tensors live on `device` (CPU unless given). Initial
values are drawn on the CPU in float64 so that every device and dtype starts from the same point.
"""
import math

import torch


def fit(device="cpu", dtype=torch.float32, steps=2000, seed=0, report_every=0):
    """Return (every step's loss, final [a, b, c, d]); print the loss every `report_every`."""
    x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
    y = torch.sin(x)
    start = torch.randn(4, dtype=torch.float64, generator=torch.Generator().manual_seed(seed))
    a, b, c, d = start.to(device=device, dtype=dtype)
    learning_rate = 1e-6
    losses = torch.empty(steps, device=device, dtype=dtype)  # every step's loss
    for step in range(steps):
        y_pred = a + b * x + c * x**2 + d * x**3  # forward
        loss = (y_pred - y).pow(2).sum()
        losses[step] = loss.detach()  # copied in place: no memory kept per step
        if report_every and step % report_every == report_every - 1:
            print(step, loss.item())
        grad_y_pred = 2.0 * (y_pred - y)  # backward, by the chain rule
        a = a - learning_rate * grad_y_pred.sum()
        b = b - learning_rate * (grad_y_pred * x).sum()
        c = c - learning_rate * (grad_y_pred * x**2).sum()
        d = d - learning_rate * (grad_y_pred * x**3).sum()
    return losses.tolist(), [a.item(), b.item(), c.item(), d.item()]


if __name__ == "__main__":
    _, (a, b, c, d) = fit(report_every=100)
    print(f"Result: y = {a} + {b} x + {c} x^2 + {d} x^3")
