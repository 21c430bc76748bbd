"""The checks every helper runs at its door. Each returns the clean value or raises an error that
names the argument, what it got and what is allowed: "steps must be a whole number from 1 to
10000 (got 1e+09)". A NumPy or torch scalar counts as the number it holds; a bool is not a number.

Loads neither torch nor NumPy's heavier parts: a value can only be a tensor once torch is imported.
"""
import math
import numbers
import sys

import numpy as np

MAX_POINTS = 10**8  # data sets: 400 MB of float32, far more than any chapter draws
MAX_SEED = 2**32 - 1  # NumPy's RandomState takes seeds from 0 to 2**32 - 1


DIMENSIONS = {1: "one-dimensional", 2: "two-dimensional"}


class WrongType(TypeError, ValueError):
    """An argument of the wrong kind. Also a ValueError: code that caught ValueError still does."""


def is_tensor(value):
    """Return whether `value` is a torch tensor (False, without importing torch, if torch isn't)."""
    torch = sys.modules.get("torch")
    return torch is not None and isinstance(value, torch.Tensor)


def kind(values):
    """Return NumPy's kind letter of an array's or tensor's dtype: b, i, u, f, c, or O, U, ..."""
    if not is_tensor(values):
        return values.dtype.kind
    dtype = values.dtype
    return ("b" if dtype == sys.modules["torch"].bool else "c" if dtype.is_complex else
            "f" if dtype.is_floating_point else "i")


def shown(value):
    """Return `value` as a message shows it: numbers as typed, arrays and tensors by shape."""
    if is_tensor(value) or isinstance(value, np.ndarray):
        if value.ndim == 0 and value.dtype != bool:
            return f"{shown(value.item())} as a 0-d {type(value).__name__}"
        kind = "tensor" if is_tensor(value) else "array"
        return f"a {kind} of shape {tuple(value.shape)} and dtype {value.dtype}"
    if isinstance(value, float | np.floating):
        return f"{float(value):g}"
    if isinstance(value, list | tuple) and len(value) > 6:
        return f"a {type(value).__name__} of {len(value)} items"
    text = repr(value)
    return text if len(text) <= 60 else f"a {type(value).__name__} ({text[:40]}...)"


def refuse(name, allowed, value, error=ValueError):
    """Raise `error` saying "`name` must be `allowed` (got `value`)"."""
    raise error(f"{name} must be {allowed} (got {shown(value)})")


def is_number(value):
    """Return whether `value` is a real number: int, float, NumPy or 0-d torch scalar, not bool."""
    if is_tensor(value) or isinstance(value, np.ndarray):
        return value.ndim == 0 and kind(value) in "iuf"
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def number(value, name, low=-math.inf, high=math.inf, allowed=None):
    """Return `value` as a float after checking it is a finite number from `low` to `high`."""
    allowed = allowed or ("a finite number" if (low, high) == (-math.inf, math.inf) else
                          f"a number from {low:g} to {high:g}")
    if not is_number(value):
        refuse(name, allowed, value, WrongType)
    if not low <= float(value) <= high or not math.isfinite(float(value)):
        refuse(name, allowed, value)
    return float(value)


def positive_number(value, name, high=math.inf, allowed="a positive number"):
    """Return `value` as a float after checking it is a finite number above 0 and at most `high`."""
    number(value, name, allowed=allowed)
    if not 0 < float(value) <= high:
        refuse(name, allowed, value)
    return float(value)


def whole_number(value, name, low, high, allowed=None):
    """Return `value` as an int after checking it is a whole number from `low` to `high`."""
    allowed = allowed or f"a whole number from {low} to {high}"
    if not is_number(value):
        refuse(name, allowed, value, WrongType)
    if not math.isfinite(float(value)) or float(value) != int(value) or not low <= value <= high:
        refuse(name, allowed, value)
    return int(value)


def seed(value, name="seed"):
    """Return `value` as an int after checking it is a seed NumPy and torch both take."""
    return whole_number(value, name, 0, MAX_SEED)


def point_count(value, name="n", low=2):
    """Return `value` as an int after checking it is a number of points from `low` to MAX_POINTS."""
    return whole_number(value, name, low, MAX_POINTS,
                        f"a whole number of points, at least {low} and at most {MAX_POINTS:.0e}")


def choice(value, name, options):
    """Return `value` after checking it is one of `options`."""
    if not any(value is option or (type(value) is type(option) and value == option)
               for option in options):
        refuse(name, f"one of {', '.join(map(str, options))}", value)
    return value


def text(value, name, none=True):
    """Return `value` after checking it is a string (or None, if `none`)."""
    if not (isinstance(value, str) or (none and value is None)):
        refuse(name, "a string" + (" or None" if none else ""), value, WrongType)
    return value


def float_array(values, name, ndim=1, finite=True, min_length=0):
    """Return `values` (a tensor on any device, an array or a list of numbers) as float64 NumPy,
    after checking it holds real numbers (no bools, no strings), has `ndim` dimensions (any
    if None) and, if `finite`, no NaN or inf."""
    if is_tensor(values):
        array = values.detach().cpu().double().numpy() if kind(values) in "iuf" else values
    else:
        try:
            array = np.asarray(values)
        except ValueError:  # a ragged nested list
            array = np.asarray(values, dtype=object)
    if kind(array) not in "iuf":
        refuse(name, "a tensor, array or list of real numbers", values, WrongType)
    array = np.asarray(array, dtype=np.float64)
    if ndim is not None and array.ndim != ndim:
        refuse(name, DIMENSIONS.get(ndim, f"{ndim}-dimensional"), values)
    if array.size < min_length:
        refuse(name, f"at least {min_length} long", values)
    if finite and not np.isfinite(array).all():
        raise ValueError(f"{name} must hold finite numbers only (got "
                         f"{np.count_nonzero(~np.isfinite(array))} NaN or inf)")
    return array


def array_or_tensor(values, name, ndim):
    """Return `values` after checking it is an `ndim`-D real floating NumPy array or torch tensor
    of finite numbers (for helpers that compute in the caller's type)."""
    allowed = f"a {ndim}-D floating-point NumPy array or torch tensor"
    if is_tensor(values):
        finite = kind(values) == "f" and bool(values.detach().isfinite().all())
    elif isinstance(values, np.ndarray):
        finite = kind(values) == "f" and bool(np.isfinite(values).all())
    else:
        refuse(name, allowed, values, WrongType)
    if kind(values) != "f":
        refuse(name, allowed, values, WrongType)
    if values.ndim != ndim:
        refuse(name, allowed, values)
    if not finite:
        raise ValueError(f"{name} must hold finite numbers only (got NaN or inf)")
    return values
