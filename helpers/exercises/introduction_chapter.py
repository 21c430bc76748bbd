"""Checks for chapter 01's exercises, each against an independent NumPy computation."""
import numpy as np

from helpers.exercises import as_number, exercise, number_verdict, sine_points

ZERO_LOSS_TOL = 1e-5  # relative; float32's sum of y² is off by about 1e-7, 1000 by 5e-4
LINE_LOSS_TOL = 1e-5  # relative; float32 normal equations are off by about 1e-7


@exercise("01.1")
def loss_of_zero_prediction(answer):
    """Check the summed squared error of predicting 0 everywhere: the sum of y²."""
    _, y = sine_points()
    value, _ = as_number(answer, "")
    if value is not None and abs(value) < 1e-3:
        return False, "that is about 0, the sum of y itself (sin is odd): square y before adding"
    loss = float(np.sum(y**2))
    return number_verdict(answer, loss, "the loss of predicting 0", ZERO_LOSS_TOL, mistakes=[
        (loss / len(y), "that is the mean of y²: the loss here is the sum, not the mean"),
        (loss**0.5, "that is the square root of the loss: add up the squares, without a root"),
        (float(np.sum(np.abs(y))), "that is the sum of |y|: square each residual before adding"),
    ], hint="predicting 0 leaves the residual 0 - y at every point; add up the squares")


@exercise("01.2")
def loss_of_best_line(answer):
    """Check the summed squared error of the best straight line a + b x."""
    x, y = sine_points()
    line = np.polynomial.Polynomial.fit(x, y, 1)  # an independent least-squares solver
    loss = float(np.sum((line(x) - y) ** 2))
    cubic = np.polynomial.Polynomial.fit(x, y, 3)
    return number_verdict(answer, loss, "the loss of the best line", LINE_LOSS_TOL, mistakes=[
        (float(np.sum((cubic(x) - y) ** 2)), "that is the best cubic's loss: use the two "
         "features 1 and x only"),
        (loss / len(y), "that is the mean squared error: the loss is the sum over the points"),
        (loss**0.5, "that is the square root of the loss: give the summed squared error"),
        (float(np.sum(y**2)), "that is the loss of predicting 0: solve for a and b first"),
    ], hint="solve (X1ᵀX1) w = X1ᵀy with X1 = [1, x], then add up (X1 w - y)²")
