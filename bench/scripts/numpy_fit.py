"""Chapter 02's training as a plain script: a cubic fitted to sin(x) with NumPy alone.

The gradients of the summed squared error are derived by hand; 2,000 steps of gradient descent
with learning rate 1e-6, the loss printed every 100 steps, as in the tutorial.
"""
import math

import numpy as np


def fit(steps=2000, seed=0, report_every=0):
    """Return (every step's loss, final [a, b, c, d]); print the loss every `report_every`."""
    x = np.linspace(-math.pi, math.pi, 2000)
    y = np.sin(x)
    rng = np.random.RandomState(seed)
    a, b, c, d = rng.randn(4)
    learning_rate, losses = 1e-6, []
    for step in range(steps):
        y_pred = a + b * x + c * x**2 + d * x**3  # forward
        loss = float(np.square(y_pred - y).sum())
        losses.append(loss)
        if report_every and step % report_every == report_every - 1:
            print(step, loss)
        grad_y_pred = 2.0 * (y_pred - y)  # backward, by the chain rule
        grads = [grad_y_pred.sum(), (grad_y_pred * x).sum(),
                 (grad_y_pred * x**2).sum(), (grad_y_pred * x**3).sum()]
        a, b, c, d = (w - learning_rate * g for w, g in zip((a, b, c, d), grads, strict=True))
    return losses, [float(a), float(b), float(c), float(d)]


if __name__ == "__main__":
    _, (a, b, c, d) = fit(report_every=100)
    print(f"Result: y = {a} + {b} x + {c} x^2 + {d} x^3")
