"""Checks for chapter 02's exercises, each against an independent float64 computation."""
import numpy as np

from helpers.exercises import close_to, exercise, sine_points
from helpers.gradients import descent_loss
from helpers.reference import polynomial_loss


@exercise("02.1")
def gradient_with_respect_to_d(answer):
    """Check dL/dd at a = 0, b = 1, c = 0, d = 0 by a central difference (exact: L is quadratic)."""
    x, y = sine_points()
    h = 1e-3
    numeric = (polynomial_loss([0, 1, 0, h], x, y) - polynomial_loss([0, 1, 0, -h], x, y)) / (2 * h)
    return close_to(answer, numeric, "dL/dd at (0, 1, 0, 0)", rel=1e-6)


@exercise("02.2")
def largest_stable_learning_rate(answer):
    """Check the learning rate where gradient descent stops converging: 2 / largest eigenvalue."""
    x, _ = sine_points()
    features = np.vander(x, 4, increasing=True)  # the Hessian of L is 2 X^T X
    limit = 2 / np.linalg.eigvalsh(2 * features.T @ features).max()
    ok, message = close_to(answer, limit, "largest learning rate", rel=0.02)
    if isinstance(answer, int | float) and not isinstance(answer, bool):
        side = "diverges" if answer > limit else "still converges: try larger"
        message = (f"largest learning rate {answer:.3e} (the limit is {limit:.3e})" if ok else
                   f"learning rate {answer:.3e} is not the limit yet ({side}; within 2% counts)")
    return ok, message


@exercise("02.3")
def loss_from_zero_start(answer):
    """Check the loss after 500 updates with learning rate 2e-6 from a = b = c = d = 0."""
    x, y = sine_points()
    ok, message = close_to(answer, descent_loss(x, y, np.zeros(4), 2e-6, 500), "loss", rel=1e-6)
    if not ok and close_to(answer, descent_loss(x, y, np.zeros(4), 2e-6, 499), "", rel=1e-6)[0]:
        message = "that is the loss before the last update: compute it from the final a, b, c, d"
    return ok, message
