"""Chapter 10's training as a plain script: simple linear regression with nn.Linear(1, 1) on
100 noisy points of y = 2x + 3 (np.random.seed(0), noise 2 N(0, 1)), nn.MSELoss (mean) and
SGD with learning rate 0.01 and momentum 0.9 for 100 epochs, printing the loss every 10.
"""
import numpy as np
import torch


def fit(epochs=100, seed=0, report_every=0):
    """Return (every epoch's loss, final [intercept, slope]) after `epochs` full-batch steps."""
    rng = np.random.RandomState(seed)
    x = np.linspace(0, 10, 100)
    y = 2 * x + 3 + 2 * rng.randn(100)
    inputs = torch.from_numpy(x.astype("float32")).reshape(-1, 1)  # (100, 1)
    targets = torch.from_numpy(y.astype("float32")).reshape(-1, 1)  # (100, 1)
    torch.manual_seed(seed)
    model = torch.nn.Linear(1, 1)
    cost = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    losses = torch.empty(epochs)  # every step's loss, written in place
    for epoch in range(epochs):
        loss = cost(model(inputs), targets)
        losses[epoch] = loss.detach()  # copied in place: no memory kept per step
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if report_every and (epoch + 1) % report_every == 0:
            print(f"epoch {epoch + 1}, loss {loss.item():.4f}")
    return losses.tolist(), [model.bias.item(), model.weight.item()]


if __name__ == "__main__":
    _, (b, w) = fit(report_every=10)
    print(f"Result: y = {w} x + {b}")
