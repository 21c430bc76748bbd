"""The one visible set-up call at the top of every notebook."""
import random

import numpy as np
import torch

from helpers.device import course_device
from helpers.plotting import use_course_style


def setup(seed=0, threads=1):
    """Seed Python, NumPy and torch, fix the thread count and plot style; return the device."""
    if int(threads) != threads or threads < 1:
        raise ValueError(f"threads must be a whole number >= 1 (got {threads!r})")
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(int(threads))  # one thread: sums reduce in the same order every run
    use_course_style()
    device = course_device()
    print(f"torch {torch.__version__} | device {device} | seed {seed} | threads {threads}")
    return device
