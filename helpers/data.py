"""The course's data sets: the running sine example and the noisy straight line."""
import math

import numpy as np
import torch

from helpers.device import course_device
from helpers.validation import choice, number, point_count
from helpers.validation import seed as check_seed

FLOAT_DTYPES = (torch.float16, torch.bfloat16, torch.float32, torch.float64)


def sine_data(n=2000, device=None, dtype=torch.float32):
    """Return x = linspace(-pi, pi, n) and y = sin(x) as tensors on the course device."""
    n = point_count(n)
    choice(dtype, "dtype", FLOAT_DTYPES)
    x = torch.linspace(-math.pi, math.pi, n, device=course_device(device), dtype=dtype)
    return x, torch.sin(x)


def noisy_line(n=100, slope=2.0, intercept=3.0, noise=2.0, seed=0):
    """Return NumPy arrays x = linspace(0, 10, n) and y = slope*x + intercept + noise*N(0, 1)."""
    n, slope, intercept = point_count(n), number(slope, "slope"), number(intercept, "intercept")
    noise = number(noise, "noise", 0.0, allowed="a standard deviation, a finite number >= 0")
    rng = np.random.RandomState(check_seed(seed))  # the draws of np.random.seed(seed); randn
    x = np.linspace(0.0, 10.0, n)
    return x, slope * x + intercept + noise * rng.randn(n)
