"""Timing one training step of the cubic fit, the same way in NumPy and in torch (any device)."""
import time

import numpy as np
import torch

from helpers.data import sine_data
from helpers.gradients import loss_and_gradient


def cubic_problem(n):
    """Return float32 NumPy features (n, 4) with columns 1, x, x², x³ and targets sin(x) (n,)."""
    x, y = sine_data(n, device="cpu")  # checks n; torch's float32 linspace is the fastest here
    powers = np.empty((4, int(n)), dtype=np.float32)  # rows 1, x, x², x³: written in place,
    powers[0], powers[1] = 1.0, x.numpy()  # no temporaries (fresh memory is slow to touch)
    np.multiply(powers[1], powers[1], out=powers[2])
    np.multiply(powers[2], powers[1], out=powers[3])
    return powers.T, y.numpy()  # a (n, 4) view whose columns are contiguous; .numpy() shares


def wait_for(device):
    """Wait until `device` (a torch.device, or None for NumPy) has finished its queued work."""
    if device is not None and device.type != "cpu":
        getattr(torch, device.type).synchronize()  # GPUs run asynchronously


def seconds_per_step(features, y, steps=10, warmup=1):
    """Return the mean wall-clock seconds of one gradient-descent step on these arrays."""
    if int(steps) != steps or steps < 1 or int(warmup) != warmup or warmup < 0:
        raise ValueError(f"steps must be a whole number >= 1 and warmup >= 0 (got {steps!r}, "
                         f"{warmup!r})")
    if isinstance(features, torch.Tensor) != isinstance(y, torch.Tensor):
        raise ValueError("features and y must both be NumPy arrays or both torch tensors")
    device = features.device if isinstance(features, torch.Tensor) else None
    w = features[0] * 0  # zero coefficients of the same type, dtype and device, shape (4,)
    learning_rate = 1e-3 / len(y)  # stable at any size: the loss sums len(y) squared errors
    for step in range(int(warmup) + int(steps)):
        if step == warmup:  # the first calls pay one-off costs (allocation, kernel loading)
            wait_for(device)
            start = time.perf_counter()
        loss, gradient = loss_and_gradient(features, y, w)  # forward, loss and backward
        w = w - learning_rate * gradient  # update
    wait_for(device)
    return (time.perf_counter() - start) / steps
