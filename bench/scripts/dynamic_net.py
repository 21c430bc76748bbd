"""Chapter 09's training as a plain script: a cubic plus a fifth parameter e that each forward
pass reuses for x^4 and maybe x^5 (Python's random picks how many), trained for 30,000 steps
by SGD with learning rate 1e-8 and momentum 0.9, as in the tutorial.
"""
import math
import random

import torch


class DynamicNet(torch.nn.Module):
    """a + b x + c x^2 + d x^3, plus e x^4 (+ e x^5) chosen at random on every call."""

    def __init__(self):
        super().__init__()
        self.a, self.b, self.c, self.d, self.e = (
            torch.nn.Parameter(torch.randn(())) for _ in range(5))

    def forward(self, x):
        y = self.a + self.b * x + self.c * x**2 + self.d * x**3
        for power in range(4, random.randint(4, 6)):  # 0, 1 or 2 extra terms sharing e
            y = y + self.e * x**power
        return y


def fit(device="cpu", dtype=torch.float32, steps=30_000, seed=0, report_every=0):
    """Return (every step's loss, final [a, b, c, d, e]); print every `report_every`."""
    x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
    y = torch.sin(x)
    random.seed(seed)
    torch.manual_seed(seed)
    model = DynamicNet().to(device=device, dtype=dtype)
    criterion = torch.nn.MSELoss(reduction="sum")
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-8, momentum=0.9)
    losses = torch.empty(steps, device=device, dtype=dtype)  # every step's loss
    for step in range(steps):
        loss = criterion(model(x), y)
        losses[step] = loss.detach()  # copied in place: no memory kept per step
        if report_every and step % report_every == report_every - 1:
            print(step, loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return losses.tolist(), [p.item() for p in model.parameters()]  # a, b, c, d, e


if __name__ == "__main__":
    _, (a, b, c, d, e) = fit(report_every=2000)
    print(f"Result: y = {a} + {b} x + {c} x^2 + {d} x^3 + {e} x^4 (+ {e} x^5)")
