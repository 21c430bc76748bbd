"""Device choice: CPU by default, overridden in one place by the COURSE_DEVICE variable."""
import os

import torch

from helpers.validation import WrongType, shown

DEVICE_NAMES = ("cpu", "cuda", "mps", "auto")


def available_devices():
    """Return the names of the devices this machine can run torch on, CPU first."""
    names = ["cpu"]
    if torch.cuda.is_available():
        names.append("cuda")
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        names.append("mps")
    return names


def course_device(name=None):
    """Return the torch.device named by `name` or COURSE_DEVICE (default cpu; auto picks a GPU).

    Every helper's `device` argument goes through here: 'cuda:1' or torch.device('cuda', 1) too.
    """
    if name is None:
        name = os.environ.get("COURSE_DEVICE", "") or "cpu"
    if not isinstance(name, str | torch.device):
        raise WrongType(f"device must be a name like 'cpu' or a torch.device (got {shown(name)})")
    key, _, index = str(name).strip().lower().partition(":")
    if key not in DEVICE_NAMES or (index and (key == "auto" or not index.isdigit())):
        raise ValueError(f"unknown device {name!r}: use one of {', '.join(DEVICE_NAMES)}")
    here = available_devices()
    if key == "auto":
        key = here[-1] if len(here) > 1 else "cpu"
    if key not in here:
        raise ValueError(
            f"device {key!r} is not available on this machine; available: {', '.join(here)} "
            "(set COURSE_DEVICE=cpu or leave it unset)"
        )
    count = torch.cuda.device_count() if key == "cuda" else 1
    if index and int(index) >= count:
        raise ValueError(f"device {str(name)!r} is not available on this machine: it has "
                         f"{count} {key} device{'s' * (count != 1)}")
    return torch.device(f"{key}:{index}" if index else key)
