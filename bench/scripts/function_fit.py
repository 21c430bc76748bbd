"""Chapter 05's training as a plain script: y = a + b * P3(c + d x) with P3, the Legendre
polynomial of degree three, written as a torch.autograd.Function with its own backward.

Starts near the answer (a, b, c, d = 0, -1, 0, 0.3) with learning rate 5e-6, as in the tutorial.
"""
import math

import torch


class LegendreP3(torch.autograd.Function):
    """P3(t) = (5 t^3 - 3 t) / 2, with its derivative 1.5 (5 t^2 - 1) written by hand."""

    @staticmethod
    def forward(ctx, t):
        ctx.save_for_backward(t)
        return 0.5 * (5 * t**3 - 3 * t)

    @staticmethod
    def backward(ctx, grad_output):
        (t,) = ctx.saved_tensors
        return grad_output * 1.5 * (5 * t**2 - 1)


def fit(device="cpu", dtype=torch.float32, steps=2000, report_every=0):
    """Return (every step's loss, final [a, b, c, d]); print the loss every `report_every`."""
    x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
    y = torch.sin(x)
    weights = [torch.tensor(v, device=device, dtype=dtype, requires_grad=True)
               for v in (0.0, -1.0, 0.0, 0.3)]
    a, b, c, d = weights
    learning_rate = 5e-6
    losses = torch.empty(steps, device=device, dtype=dtype)  # every step's loss
    for step in range(steps):
        loss = (a + b * LegendreP3.apply(c + d * x) - y).pow(2).sum()  # forward and loss
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
    print(f"Result: y = {a} + {b} * P3({c} + {d} x)")
