"""Checks for chapter 10's exercises, each against an independent NumPy computation in float64."""
import numpy as np

from helpers.data import noisy_line
from helpers.exercises import close_to, exercise


@exercise("10.1")
def plain_gradient_descent_learning_rate_limit(answer):
    """Check 2 / (largest curvature) of the mean squared error of a line on chapter 10's data."""
    x, _ = noisy_line()
    features = np.vander(x, 2)  # columns x, 1, shape (100, 2)
    largest_singular_value = np.linalg.svd(features, compute_uv=False)[0]
    curvature = 2 * largest_singular_value**2 / len(x)  # largest eigenvalue of (2/n) A^T A
    return close_to(answer, 2 / curvature, "largest stable learning rate")


@exercise("10.2")
def noise_standard_deviation(answer):
    """Check the residual standard deviation sqrt(sum(r²) / (n - 2)) of the best line."""
    x, y = noisy_line()
    residual = y - np.polyval(np.polyfit(x, y, 1), x)
    return close_to(answer, float(np.sqrt(residual @ residual / (len(x) - 2))),
                    "noise standard deviation")
