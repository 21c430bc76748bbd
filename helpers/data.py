"""The course's data sets: the running sine example and the noisy straight line."""
import math

import numpy as np
import torch

from helpers.device import course_device


def sine_data(n=2000, device=None, dtype=torch.float32):
    """Return x = linspace(-pi, pi, n) and y = sin(x) as tensors on the course device."""
    if int(n) != n or n < 2:
        raise ValueError(f"n must be a whole number of points, at least 2 (got {n!r})")
    device = course_device() if device is None else torch.device(device)
    x = torch.linspace(-math.pi, math.pi, int(n), device=device, dtype=dtype)
    return x, torch.sin(x)


def noisy_line(n=100, slope=2.0, intercept=3.0, noise=2.0, seed=0):
    """Return NumPy arrays x = linspace(0, 10, n) and y = slope*x + intercept + noise*N(0, 1)."""
    if int(n) != n or n < 2:
        raise ValueError(f"n must be a whole number of points, at least 2 (got {n!r})")
    if noise < 0:
        raise ValueError(f"noise is a standard deviation and must be >= 0 (got {noise!r})")
    rng = np.random.RandomState(seed)  # the same draws as np.random.seed(seed); np.random.randn
    x = np.linspace(0.0, 10.0, int(n))
    return x, slope * x + intercept + noise * rng.randn(int(n))
