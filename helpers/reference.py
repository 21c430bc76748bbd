"""Exact references every notebook measures its training against, computed in float64."""
from typing import NamedTuple

import numpy as np

from helpers.validation import float_array, point_count, whole_number

MAX_DEGREE = 30  # beyond about 20 the powers of x are too alike for float64 to tell apart


class Fit(NamedTuple):
    """A polynomial fit: coefficients lowest power first, and its summed squared error."""

    coefficients: np.ndarray
    loss: float


def sine_points(n=2000):
    """Return x = linspace(-pi, pi, n) and y = sin(x) as float64 NumPy arrays (for references)."""
    x = np.linspace(-np.pi, np.pi, point_count(n))
    return x, np.sin(x)


def to_float64(values):
    """Return `values` (a tensor on any device, an array or a nested list) as float64 NumPy."""
    if hasattr(values, "detach"):
        values = values.detach().cpu().double().numpy()
    return np.asarray(values, dtype=np.float64)


def as_float64(values, name):
    """Return `values` (a tensor, array or list of numbers) as a flat float64 NumPy array."""
    return float_array(values, name, finite=False)


def same_length(x, y):
    """Return None if data x and y have the same shape; raise ValueError saying why not."""
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same shape (got {x.shape} and {y.shape})")


def polynomial_features(x, degree):
    """Return the columns 1, x, x^2, ... x^degree of points x, after checking both arguments."""
    degree = whole_number(degree, "degree", 0, MAX_DEGREE,
                          f"a whole number >= 0 and at most {MAX_DEGREE}")
    x = float_array(x, "x")
    if len(np.unique(x)) <= degree:  # fewer distinct x than coefficients: a flat direction
        raise ValueError(f"x must hold more than degree={degree} distinct values "
                         f"(got {len(np.unique(x))})")
    return np.vander(x, degree + 1, increasing=True)


def least_squares_fit(x, y, degree=3):
    """Return the exact least-squares polynomial Fit of y on x (cubic by default)."""
    x, y = float_array(x, "x"), float_array(y, "y")
    same_length(x, y)
    if len(x) < 2:
        raise ValueError(f"need at least 2 points (got {len(x)})")
    features = polynomial_features(x, degree)
    coefficients, *_ = np.linalg.lstsq(features, y, rcond=None)
    residual = features @ coefficients - y
    return Fit(coefficients, float(residual @ residual))


def polynomial_loss(coefficients, x, y):
    """Return the summed squared error of the polynomial (lowest power first) on x, y."""
    x, y = float_array(x, "x"), float_array(y, "y")
    same_length(x, y)
    coefficients = float_array(coefficients, "coefficients", min_length=1)
    residual = np.polynomial.polynomial.polyval(x, coefficients) - y
    return float(residual @ residual)


class DescentLimits(NamedTuple):
    """Gradient descent on the summed squared error of a polynomial: its two deciding figures."""

    learning_rate_limit: float  # 2 / largest eigenvalue of the Hessian 2 X^T X: diverges above
    condition_number: float  # largest / smallest eigenvalue: steps per factor e at best ~ kappa/2


def descent_limits(x, degree=3):
    """Return the DescentLimits of fitting a polynomial of `degree` on points x (chapter 02)."""
    features = polynomial_features(x, degree)  # a flat direction (infinite condition) refused
    eigenvalues = np.linalg.eigvalsh(2 * features.T @ features)  # the Hessian's, ascending
    return DescentLimits(float(2 / eigenvalues[-1]), float(eigenvalues[-1] / eigenvalues[0]))
