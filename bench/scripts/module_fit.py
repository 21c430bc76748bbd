"""Chapter 08's training as a plain script: the cubic as a custom nn.Module with four
nn.Parameters, trained by torch.optim.SGD with learning rate 1e-6.
"""
import math

import torch


class Polynomial3(torch.nn.Module):
    """y = a + b x + c x^2 + d x^3 with four scalar parameters drawn from N(0, 1)."""

    def __init__(self):
        super().__init__()
        self.a, self.b, self.c, self.d = (torch.nn.Parameter(torch.randn(())) for _ in range(4))

    def forward(self, x):
        return self.a + self.b * x + self.c * x**2 + self.d * x**3


def fit(device="cpu", dtype=torch.float32, steps=2000, seed=0, report_every=0):
    """Return (every step's loss, final [a, b, c, d]); print the loss every `report_every`."""
    x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
    y = torch.sin(x)
    torch.manual_seed(seed)
    model = Polynomial3().to(device=device, dtype=dtype)
    criterion = torch.nn.MSELoss(reduction="sum")
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-6)
    losses = torch.empty(steps, device=device, dtype=dtype)  # every step's loss
    for step in range(steps):
        loss = criterion(model(x), y)
        losses[step] = loss.detach()  # copied in place: no memory kept per step
        if report_every and step % report_every == report_every - 1:
            print(step, loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return losses.tolist(), [p.item() for p in (model.a, model.b, model.c, model.d)]


if __name__ == "__main__":
    _, (a, b, c, d) = fit(report_every=100)
    print(f"Result: y = {a} + {b} x + {c} x^2 + {d} x^3")
