"""The one visible set-up call at the top of every notebook."""
import random

import numpy as np

from helpers.plotting import use_course_style


def setup(seed=0, threads=1, numpy_only=False):
    """Seed Python, NumPy and torch, fix torch's thread count and the plot style; return the device.

    numpy_only=True (chapter 02) seeds Python and NumPy, never imports torch and returns None.
    """
    if int(threads) != threads or threads < 1:
        raise ValueError(f"threads must be a whole number >= 1 (got {threads!r})")
    random.seed(seed)
    np.random.seed(seed)
    use_course_style()
    if numpy_only:
        print(f"NumPy only, PyTorch not loaded | seed {seed}")
        return None
    import torch  # here, not at the top: a NumPy-only chapter never pays for loading it

    from helpers.device import course_device

    torch.manual_seed(seed)
    torch.set_num_threads(int(threads))  # one thread: sums reduce in the same order every run
    device = course_device()
    print(f"torch {torch.__version__} | device {device} | seed {seed} | threads {threads}")
    return device
