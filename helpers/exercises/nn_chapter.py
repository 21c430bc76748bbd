"""Checks for chapter 06's exercises, each against an independent NumPy computation."""
import numpy as np

from helpers.exercises import close_to, exercise, sine_points
from helpers.reference import to_float64


def as_array(answer):
    """Return `answer` (a tensor, array or nested list) as a float64 NumPy array, or None."""
    try:
        return to_float64(answer)
    except (TypeError, ValueError):
        return None


@exercise("06.1")
def quintic_features(answer):
    """Check the (2000, 5) features x, x^2, ..., x^5."""
    x, _ = sine_points()
    expected = np.vander(x, 6, increasing=True)[:, 1:]  # columns x^1 .. x^5
    array = as_array(answer)
    if array is None or array.shape != expected.shape:
        shape = None if array is None else array.shape
        return False, f"expected a tensor of shape (2000, 5), got {shape}"
    close = np.isclose(array, expected, rtol=1e-5, atol=1e-5).all(axis=0)  # one per column
    if not close.all():
        column = int(np.argmin(close))  # the first column that is off
        return False, f"column {column} should hold x^{column + 1}"
    return True, "shape (2000, 5), columns x, x^2, x^3, x^4, x^5"


@exercise("06.2")
def mean_squared_error_of_best_cubic(answer):
    """Check the mean (not summed) squared error of the best cubic."""
    x, y = sine_points()
    cubic = np.polynomial.Polynomial.fit(x, y, 3)  # an independent least-squares solver
    return close_to(answer, float(np.mean((cubic(x) - y) ** 2)), "mean squared error", rel=1e-3)
