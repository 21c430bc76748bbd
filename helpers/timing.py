"""Timing one training step of the cubic fit, the same way in NumPy and in torch (any device)."""
import time

import numpy as np
import torch

from helpers.data import sine_data
from helpers.gradients import loss_and_gradient, squared_error_and_gradient
from helpers.validation import array_or_tensor, whole_number

MAX_TIMED_STEPS, MAX_WARMUP = 100_000, 1_000


def cubic_problem(n):
    """Return float32 NumPy features (n, 4) with columns 1, x, x², x³ and targets sin(x) (n,)."""
    x, y = sine_data(n, device="cpu")  # checks n; torch's float32 linspace is the fastest here
    powers = np.empty((4, len(x)), dtype=np.float32)  # rows 1, x, x², x³: written in place,
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
    steps = whole_number(steps, "steps", 1, MAX_TIMED_STEPS)
    warmup = whole_number(warmup, "warmup", 0, MAX_WARMUP)
    features, y = array_or_tensor(features, "features", 2), array_or_tensor(y, "y", 1)
    if isinstance(features, torch.Tensor) != isinstance(y, torch.Tensor):
        raise ValueError("features and y must both be NumPy arrays or both torch tensors")
    device = features.device if isinstance(features, torch.Tensor) else None
    w = features[0] * 0  # zero coefficients of the same type, dtype and device, shape (4,)
    loss_and_gradient(features, y, w)  # checks shapes, dtypes and finiteness once, untimed
    learning_rate = 1e-3 / len(y)  # stable at any size: the loss sums len(y) squared errors
    for step in range(warmup + steps):
        if step == warmup:  # the first calls pay one-off costs (allocation, kernel loading)
            wait_for(device)
            start = time.perf_counter()
        loss, gradient = squared_error_and_gradient(features, y, w)  # forward, loss, backward
        w = w - learning_rate * gradient  # update
    wait_for(device)
    return (time.perf_counter() - start) / steps
