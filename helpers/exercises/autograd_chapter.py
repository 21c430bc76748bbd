"""Checks for chapter 04's exercises, each against an independent NumPy computation in float64."""
import numpy as np

from helpers.exercises import close_to, exercise, sine_points
from helpers.reference import as_float64


def vector_close_to(answer, expected, what, atol):
    """Return (ok, message): whether the vector `answer` is within `atol` of `expected`."""
    try:
        values = as_float64(answer, what)
    except (TypeError, ValueError):
        return False, f"{what} should be a 1-D tensor or list of {len(expected)} numbers"
    if values.shape != expected.shape:
        return False, f"{what} should hold {len(expected)} numbers, not {values.size}"
    shown = ", ".join(f"{round(v, 1) + 0.0:.1f}" for v in values)  # + 0.0: no "-0.0"
    if np.allclose(values, expected, rtol=1e-4, atol=atol):
        return True, f"{what} = [{shown}]"
    return False, f"{what} = [{shown}] is not right yet"


@exercise("04.1")
def vector_jacobian_product(answer):
    """Check x.grad after y = x**3 and y.backward(v) at x = [-1, 0.5, 2], v = [1, 2, 3]."""
    x, v = np.array([-1.0, 0.5, 2.0]), np.array([1.0, 2.0, 3.0])
    return vector_close_to(answer, v * 3 * x**2, "x.grad", atol=1e-6)  # dy_i/dx_i = 3 x_i^2


@exercise("04.2")
def gradient_at_zero_cubic(answer):
    """Check the loss gradient for a, b, c, d when all four are zero: -2 * sum(y * x^k)."""
    x, y = sine_points()
    expected = np.array([-2 * np.sum(y * x**k) for k in range(4)])
    return vector_close_to(answer, expected, "gradients [a, b, c, d]", atol=1e-2)


@exercise("04.3")
def loss_after_one_step(answer):
    """Check the loss after one gradient-descent step (lr 1e-6) from a = b = c = d = 0."""
    x, y = sine_points()
    features = np.vander(x, 4, increasing=True)  # columns 1, x, x^2, x^3
    coefficients = -1e-6 * (2 * features.T @ (0 - y))  # zero minus lr times the gradient
    loss = float(np.sum((features @ coefficients - y) ** 2))
    return close_to(answer, loss, "loss after one step", rel=1e-4)
