"""Chapter 10's one-sample-at-a-time fit as a plain script: nn.Linear(1, 1) learns
y = 1.233 x + 0.988 from 5,000 SGD steps (learning rate 1e-2), each on one random x in [0, 1).
"""
import torch


def fit(steps=5000, seed=1024, twice=False):
    """Return (every step's loss, final [w, b]); with `twice`, the layer is applied twice."""
    torch.manual_seed(seed)
    layer = torch.nn.Linear(1, 1)
    optimizer = torch.optim.SGD(layer.parameters(), lr=1e-2)
    losses = torch.empty(steps)  # every step's loss, written in place
    for step in range(steps):
        x = torch.rand(1)  # one sample, shape (1,)
        y_pred = layer(layer(x)) if twice else layer(x)  # forward
        loss = torch.nn.functional.mse_loss(y_pred, 1.233 * x + 0.988)
        losses[step] = loss.detach()  # copied in place: no memory kept per step
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return losses.tolist(), [layer.weight.item(), layer.bias.item()]


if __name__ == "__main__":
    _, (w, b) = fit()
    print(f"weight={w:.3f} bias={b:.3f}")
