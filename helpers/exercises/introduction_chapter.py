"""Checks for chapter 01's exercises, each against an independent NumPy computation."""
import numpy as np

from helpers.exercises import close_to, exercise, sine_points


@exercise("01.1")
def loss_of_zero_prediction(answer):
    """Check the summed squared error of predicting 0 everywhere."""
    _, y = sine_points()
    return close_to(answer, float(np.sum(y**2)), "loss of predicting 0")


@exercise("01.2")
def loss_of_best_line(answer):
    """Check the summed squared error of the best straight line a + b x."""
    x, y = sine_points()
    line = np.polynomial.Polynomial.fit(x, y, 1)  # an independent least-squares solver
    return close_to(answer, float(np.sum((line(x) - y) ** 2)), "loss of the best line")
