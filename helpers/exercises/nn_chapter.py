"""Checks for chapter 06's exercises, each against an independent NumPy computation."""
import numpy as np

from helpers.exercises import as_array, describe, exercise, not_finite, number_verdict, sine_points

FEATURES_TOL = 1e-5  # relative to each column's largest entry; float32 x⁵ is off by up to 4e-7
MEAN_ERROR_TOL = 1e-5  # relative; float32 is off by about 3e-7, the chapter's trained model 0.1%+


def features_shape_problem(shape):
    """Return what is wrong with the shape of a quintic features answer, or None for (2000, 5)."""
    if shape == (2000, 5):
        return None
    if shape == (5, 2000):
        return "shape (5, 2000) is transposed: one row per point, unsqueeze(-1) on x"
    if shape == (2000, 6):
        return "shape (2000, 6): drop the column x⁰ = 1, the powers run from 1 to 5"
    return f"expected shape (2000, 5), one row per point and one column per power, got {shape}"


@exercise("06.1")
def quintic_features(answer):
    """Check the (2000, 5) features x, x^2, ..., x^5."""
    x, _ = sine_points()
    expected = np.vander(x, 6, increasing=True)[:, 1:]  # columns x^1 .. x^5
    array = as_array(answer)
    if array is None:
        return False, f"expected a tensor of shape (2000, 5), got {describe(answer)}"
    problem = features_shape_problem(array.shape) or not_finite(array, "the features")
    if problem:
        return False, problem
    scale = np.abs(expected).max(axis=0)
    close = (np.abs(array - expected) <= FEATURES_TOL * scale).all(axis=0)  # one per column
    if close.all():
        return True, "shape (2000, 5), columns x, x^2, x^3, x^4, x^5"
    column = int(np.argmin(close))  # the first column that is off
    if np.allclose(array[:, 0], 1.0):
        return False, "column 0 holds x⁰ = 1: the powers run from 1 to 5 (torch.arange(1, 6))"
    return False, f"column {column} should hold x^{column + 1}, the powers of x in order"


def mean_error_mistakes(x, y, coefficients):
    """Return (wrong value, what to fix) for the typical wrong answers to 06.2."""
    a, b, c, d = coefficients
    mean = float(np.mean((a + b * x + c * x**2 + d * x**3 - y) ** 2))
    swapped = d + a * x + b * x**2 + c * x**3  # bias <- d, weight <- a, b, c; as a, c ≈ 0 (sin
    # is odd), reversing the list gives the same loss
    prediction = a + b * x + c * x**2 + d * x**3
    broadcast = np.mean(prediction**2) - 2 * prediction.mean() * y.mean() + np.mean(y**2)
    return [
        (mean * len(x), "that is the summed squared error: nn.MSELoss() takes the mean"),
        (mean**0.5, "that is the square root of the mean squared error: no root"),
        (float(np.mean((swapped - y) ** 2)), "the coefficients went to the wrong places: "
         "best.coefficients lists a, b, c, d (lowest power first); the bias is a, the weight "
         "row b, c, d"),
        (float(broadcast), "prediction and target have different shapes, (n, 1) and (n,), and "
         "MSELoss broadcast them to (n, n): flatten the prediction"),
    ]


@exercise("06.2")
def mean_squared_error_of_best_cubic(answer):
    """Check the mean (not summed) squared error of the best cubic; 0.0044 as printed is fine."""
    x, y = sine_points()
    cubic = np.polynomial.Polynomial.fit(x, y, 3).convert()  # an independent least-squares solver
    coefficients = np.pad(cubic.coef, (0, 4 - len(cubic.coef)))
    mean = float(np.mean((cubic(x) - y) ** 2))
    return number_verdict(answer, mean, "the mean squared error", MEAN_ERROR_TOL,
                          mistakes=mean_error_mistakes(x, y, coefficients), shown=4,
                          hint="copy a into the bias and b, c, d into the weight under "
                               "torch.no_grad(), then nn.MSELoss()(model(xx), y)")
