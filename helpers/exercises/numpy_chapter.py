"""Checks for chapter 02's exercises, each against an independent float64 computation."""
import functools

import numpy as np

from helpers.exercises import as_number, exercise, number_verdict, sine_points
from helpers.gradients import descent_loss
from helpers.reference import polynomial_loss

GRADIENT_TOL = 1e-5  # relative; float32 sums are off by about 2e-7
LEARNING_RATE_TOL = 0.02  # relative; the exercise says "within 2% counts" (found by experiment)
DESCENT_LOSS_TOL = 1e-5  # relative; one update more or fewer changes the loss by 0.5%


def loss_gradient(x, y, coefficients, index):
    """Return dL/d(coefficient `index`) by a central difference (exact: L is quadratic)."""
    step = np.zeros(4)
    step[index] = 1e-3
    return (polynomial_loss(coefficients + step, x, y)
            - polynomial_loss(coefficients - step, x, y)) / 2e-3


@exercise("02.1")
def gradient_with_respect_to_d(answer):
    """Check dL/dd at a = 0, b = 1, c = 0, d = 0."""
    x, y = sine_points()
    at = np.array([0.0, 1.0, 0.0, 0.0])
    grad_d = loss_gradient(x, y, at, 3)
    return number_verdict(answer, grad_d, "dL/dd at (0, 1, 0, 0)", GRADIENT_TOL, mistakes=[
        (-grad_d, "the sign is flipped: the derivative of (ŷ - y)² is 2(ŷ - y), prediction minus "
         "target"),
        (grad_d / 2, "half the gradient: the derivative of a square brings a factor 2"),
        (grad_d / len(x), "that is the gradient of the mean: the loss is the sum over points"),
        (loss_gradient(x, y, at, 1), "that is dL/db (times x): for d the factor is x³"),
    ], hint="dL/dd = sum of 2 (ŷ - y) x³ with ŷ = x")


def stable_learning_rate_mistake(value, limit, eigenvalues):
    """Return what a wrong learning-rate answer to 02.2 got wrong, in words."""
    mistakes = [
        (limit / 2, "that is 1/λmax, where 1 - ηλ reaches 0; |1 - ηλ| < 1 holds until it "
         "reaches -1"),
        (2 * limit, "that is 2/λmax for the eigenvalues of XᵀX: the Hessian of the summed "
         "loss is 2XᵀX, the `eigenvalues` above"),
        (2 / eigenvalues.min(), "that uses the smallest eigenvalue: every eigenvalue must "
         "satisfy |1 - ηλ| < 1, so the largest one sets the limit"),
    ]
    for wrong, fix in mistakes:
        if abs(value - wrong) <= LEARNING_RATE_TOL * wrong:
            return fix
    side = ("too large: gradient descent diverges there" if value > limit else
            "too small: gradient descent still converges there, the limit is higher")
    return f"{side} (within 2% counts); check it with helpers.train_cubic"


@exercise("02.2")
def largest_stable_learning_rate(answer):
    """Check the learning rate where gradient descent stops converging: 2 / largest eigenvalue."""
    x, _ = sine_points()
    features = np.vander(x, 4, increasing=True)  # the Hessian of L is 2 X^T X
    eigenvalues = np.linalg.eigvalsh(2 * features.T @ features)
    limit = 2 / eigenvalues.max()
    value, why = as_number(answer, "the learning rate")
    if why:
        return False, why
    if value <= 0:
        return False, "a learning rate is positive: gradient descent steps against the gradient"
    if abs(value - limit) <= LEARNING_RATE_TOL * limit:
        return True, f"the largest stable learning rate is {value:.4g} (the limit 2/λmax)"
    return False, stable_learning_rate_mistake(value, limit, eigenvalues)


@functools.cache
def descent_losses():
    """Return the losses from zero after 499, 500 and 501 updates at 2e-6 and 500 at 1e-6."""
    x, y = sine_points()
    return [descent_loss(x, y, np.zeros(4), rate, steps)
            for rate, steps in ((2e-6, 499), (2e-6, 500), (2e-6, 501), (1e-6, 500))]


@exercise("02.3")
def loss_from_zero_start(answer):
    """Check the loss after 500 updates with learning rate 2e-6 from a = b = c = d = 0."""
    x, y = sine_points()
    before, loss, after, slower = descent_losses()
    return number_verdict(answer, loss, "the loss after 500 updates", DESCENT_LOSS_TOL, mistakes=[
        (before, "that is the loss before the last update: compute it from the final a, b, c, d"),
        (after, "that is one update too many: make 500"),
        (slower, "that is learning rate 1e-6: use 2e-6"),
        (polynomial_loss(np.zeros(4), x, y), "that is the loss at the start: update a, b, c, d"),
        (loss / len(x), "that is the mean squared error: give the summed loss"),
    ], hint="start from zeros, update 500 times with learning rate 2e-6, then compute the loss")
