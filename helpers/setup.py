"""The one visible set-up call at the top of every notebook."""
import platform
import random

import numpy as np

from helpers.plotting import use_course_style


def versions_line(torch=None):
    """Return the 'versions: ...' line: Python, NumPy and, when given the module, torch's build."""
    parts = [f"Python {platform.python_version()}", f"NumPy {np.__version__}"]
    if torch is not None:
        release = torch.__version__.split("+")[0]  # "2.13.0+cpu" -> "2.13.0"; the build follows
        cuda = torch.version.cuda
        parts.append(f"torch {release} ({f'CUDA {cuda}' if cuda else 'CPU-only'} build)")
    return "versions: " + ", ".join(parts)


def setup(seed=0, threads=1, numpy_only=False):
    """Seed Python, NumPy and torch, fix torch's thread count and the plot style; return the device.

    numpy_only=True (chapter 02) seeds Python and NumPy, never imports torch and returns None.
    The second printed line names the versions this machine runs. They differ from one learner's
    machine to the next, so the tests do not compare that line (tests/nbval_sanitize.cfg).
    """
    if isinstance(threads, bool) or int(threads) != threads or threads < 1:
        raise ValueError(f"threads must be a whole number >= 1 (got {threads!r})")
    random.seed(seed)
    np.random.seed(seed)
    use_course_style()
    if numpy_only:
        print(f"NumPy only, PyTorch not loaded | seed {seed}\n{versions_line()}")
        return None
    import torch  # here, not at the top: a NumPy-only chapter never pays for loading it

    from helpers.device import course_device

    torch.manual_seed(seed)
    torch.set_num_threads(int(threads))  # one thread: sums reduce in the same order every run
    device = course_device()
    print(f"device {device} | seed {seed} | threads {threads}\n{versions_line(torch)}")
    return device
