"""Chapter 07's training as a plain script: chapter 06's nn model, now updated by
torch.optim.RMSprop with learning rate 1e-3 (zero_grad, backward, step).
"""
import math

import torch


def fit(device="cpu", dtype=torch.float32, steps=2000, seed=0, report_every=0):
    """Return (every step's loss, final [a, b, c, d]); print the loss every `report_every`."""
    x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
    y = torch.sin(x)
    xx = x.unsqueeze(-1).pow(torch.tensor([1, 2, 3], device=device))  # (2000, 3)
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(3, 1), torch.nn.Flatten(0, 1))
    model.to(device=device, dtype=dtype)
    loss_fn = torch.nn.MSELoss(reduction="sum")
    optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3)
    losses = torch.empty(steps, device=device, dtype=dtype)  # every step's loss
    for step in range(steps):
        loss = loss_fn(model(xx), y)
        losses[step] = loss.detach()  # copied in place: no memory kept per step
        if report_every and step % report_every == report_every - 1:
            print(step, loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    linear = model[0]
    return losses.tolist(), [linear.bias.item(), *linear.weight[0].tolist()]


if __name__ == "__main__":
    _, (a, b, c, d) = fit(report_every=100)
    print(f"Result: y = {a} + {b} x + {c} x^2 + {d} x^3")
