"""Exact references every notebook measures its training against, computed in float64."""
from typing import NamedTuple

import numpy as np


class Fit(NamedTuple):
    """A polynomial fit: coefficients lowest power first, and its summed squared error."""

    coefficients: np.ndarray
    loss: float


def sine_points(n=2000):
    """Return x = linspace(-pi, pi, n) and y = sin(x) as float64 NumPy arrays (for references)."""
    if int(n) != n or n < 2:
        raise ValueError(f"n must be a whole number of points, at least 2 (got {n!r})")
    x = np.linspace(-np.pi, np.pi, int(n))
    return x, np.sin(x)


def to_float64(values):
    """Return `values` (a tensor on any device, an array or a nested list) as float64 NumPy."""
    if hasattr(values, "detach"):
        values = values.detach().cpu().double().numpy()
    return np.asarray(values, dtype=np.float64)


def as_float64(values, name):
    """Return `values` (a tensor, array or list) as a flat float64 NumPy array."""
    array = to_float64(values)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional (got shape {array.shape})")
    return array


def least_squares_fit(x, y, degree=3):
    """Return the exact least-squares polynomial Fit of y on x (cubic by default)."""
    if int(degree) != degree or degree < 0:
        raise ValueError(f"degree must be a whole number >= 0 (got {degree!r})")
    x, y = as_float64(x, "x"), as_float64(y, "y")
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same shape (got {x.shape} and {y.shape})")
    if len(x) < 2 or len(x) <= degree:
        raise ValueError(f"need at least 2 points and more than degree={degree} (got {len(x)})")
    features = np.vander(x, int(degree) + 1, increasing=True)  # columns 1, x, x^2, ...
    coefficients, *_ = np.linalg.lstsq(features, y, rcond=None)
    residual = features @ coefficients - y
    return Fit(coefficients, float(residual @ residual))


def polynomial_loss(coefficients, x, y):
    """Return the summed squared error of the polynomial (lowest power first) on x, y."""
    x, y = as_float64(x, "x"), as_float64(y, "y")
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same shape (got {x.shape} and {y.shape})")
    residual = np.polynomial.polynomial.polyval(x, as_float64(coefficients, "coefficients")) - y
    return float(residual @ residual)
