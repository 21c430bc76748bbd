"""Checks for chapter 10's exercises, each against an independent NumPy computation in float64."""
import numpy as np

from helpers.data import noisy_line
from helpers.exercises import describe, exercise, number_verdict

STABLE_RATE_TOL = 1e-5  # relative; float64 throughout; momentum's 1.9/λ is 5% off
NOISE_TOL = 1e-5  # relative; dividing by n - 1 instead of n - 2 is 0.5% off


@exercise("10.1")
def plain_gradient_descent_learning_rate_limit(answer):
    """Check 2 / (largest curvature) of the mean squared error of a line on chapter 10's data."""
    x, _ = noisy_line()
    features = np.vander(x, 2)  # columns x, 1, shape (100, 2)
    largest_singular_value = np.linalg.svd(features, compute_uv=False)[0]
    curvature = 2 * largest_singular_value**2 / len(x)  # largest eigenvalue of (2/n) A^T A
    return number_verdict(answer, 2 / curvature, "the largest stable learning rate",
                          STABLE_RATE_TOL, shown=4, mistakes=[
        (1.9 / curvature, "that is the limit with momentum 0.9, (1 + β)/λmax: here momentum is 0"),
        (1 / curvature, "that is 1/λmax: ηλ < 2 allows up to 2/λmax"),
        (2 / (curvature * len(x)), "that is for the summed loss: the chapter's loss is the mean"),
        (4 / curvature, "that uses the eigenvalue of XᵀX/n: the Hessian, `hessian`, has the 2"),
        (len(x) / np.linalg.svd(features, compute_uv=False)[1] ** 2,
         "that uses the smallest curvature: the steepest direction sets the limit"),
    ], hint="ηλmax < 2, with λmax the largest eigenvalue of `hessian`")


@exercise("10.2")
def noise_standard_deviation(answer):
    """Check the residual standard deviation sqrt(sum(r²) / (n - 2)) of the best line."""
    x, y = noisy_line()
    residual = y - np.polyval(np.polyfit(x, y, 1), x)
    squares, n = float(residual @ residual), len(x)
    return number_verdict(answer, (squares / (n - 2)) ** 0.5, "the noise standard deviation",
                          NOISE_TOL, mistakes=[
        ((squares / n) ** 0.5, "that divides by n: the line's two fitted parameters cost two "
         "degrees of freedom, divide by n - 2"),
        ((squares / (n - 1)) ** 0.5, "that divides by n - 1: the line has two fitted "
         "parameters, divide by n - 2"),
        (squares / (n - 2), "that is the variance: take its square root"),
        (2.0, "2 is the true noise level the data were made with: estimate it from the residuals"),
    ], hint="residuals of the least-squares line, then sqrt(sum(r²) / (n - 2))")


TRAINING_POINTS, BATCH_SIZE = 80, 32  # the chapter's training split and the exercise's batch


@exercise("10.3")
def mini_batch_sizes(answer):
    """Check the list of mini-batch sizes of one epoch: full batches, then the remainder."""
    full, rest = divmod(TRAINING_POINTS, BATCH_SIZE)
    expected = [BATCH_SIZE] * full + [rest] * (rest > 0)  # [32, 32, 16]
    what = "the list of mini-batch sizes"
    if type(answer).__name__ == "DataLoader":  # asked of its type: answers may be hostile
        return False, f"that is the DataLoader itself: give {what}, [len(xb) for xb, yb in loader]"
    if isinstance(answer, str) or not isinstance(answer, list | tuple):
        return False, f"{what} should be a list of whole numbers, got {describe(answer)}"
    if not all(isinstance(size, int | np.integer) and not isinstance(size, bool)
               for size in answer):
        return False, f"{what} should hold whole numbers (len(xb) of each batch), got {answer!r}"
    sizes = [int(size) for size in answer]
    if sizes == expected:
        return True, f"{what} is {sizes}: the last batch holds the {rest} points left over"
    if sizes == [BATCH_SIZE] * full:
        return False, f"that drops the last {rest} points (drop_last=True): keep every point"
    if sorted(sizes) == sorted(expected):
        return False, "the sizes are right but not in their order: the short batch comes last"
    if sum(sizes) != TRAINING_POINTS:
        return False, (f"those sizes add up to {sum(sizes)}: one epoch deals each of the "
                       f"{TRAINING_POINTS} training points once, in batches of {BATCH_SIZE}")
    return False, f"that is not {what} with batch_size={BATCH_SIZE} yet"
