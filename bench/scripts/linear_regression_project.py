"""Chapter 10's project as a plain script: y = 2x + 3 + 2 N(0, 1) on 100 points, a seeded 80/20
training and validation split, a DataLoader of shuffled mini-batches of 16, nn.Linear(1, 1) with
nn.MSELoss and SGD (lr 0.002, momentum 0.9) for 50 epochs, the validation loss after each epoch,
then the state_dict saved to a temporary folder and loaded into a fresh model.
"""
import tempfile
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset


def fit(epochs=50, seed=0):
    """Return (training losses, validation losses, [b, w], whether a reloaded copy agrees)."""
    x_np = np.linspace(0, 10, 100)
    y_np = 2 * x_np + 3 + 2 * np.random.RandomState(0).randn(100)
    x, y = (torch.tensor(a, dtype=torch.float32).unsqueeze(1) for a in (x_np, y_np))
    order = torch.randperm(100, generator=torch.Generator().manual_seed(seed))
    train, val = order[:80], order[80:]
    loader = DataLoader(TensorDataset(x[train], y[train]), batch_size=16, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    torch.manual_seed(seed)
    model, cost = torch.nn.Linear(1, 1), torch.nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.002, momentum=0.9)
    training, validation = [], []
    for _ in range(epochs):
        model.train()
        for xb, yb in loader:
            loss = cost(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.inference_mode():
            training.append(cost(model(x[train]), y[train]).item())
            validation.append(cost(model(x[val]), y[val]).item())
    return training, validation, [model.bias.item(), model.weight.item()], reloaded(model, x)


def reloaded(model, x):
    """Return whether a fresh nn.Linear loaded from `model`'s saved state_dict predicts alike."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "line.pt"
        torch.save(model.state_dict(), path)
        fresh = torch.nn.Linear(1, 1)
        fresh.load_state_dict(torch.load(path, weights_only=True))
    with torch.inference_mode():
        return torch.equal(fresh(x), model(x))


if __name__ == "__main__":
    training, validation, (b, w), same = fit()
    print(f"training loss {training[-1]:.4f}, validation loss {validation[-1]:.4f}")
    print(f"Result: y = {w:.4f} x + {b:.4f}; the loaded copy predicts the same: {same}")
