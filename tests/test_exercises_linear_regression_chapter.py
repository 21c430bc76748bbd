"""Chapter 10's exercise checks: each accepts a worked solution and names each typical mistake."""
import torch

from helpers import least_squares_fit, noisy_line
from helpers.exercises import verdict


def mse_hessian():
    """Return the Hessian of the mean squared error of w x + b on the line data, by autograd."""
    x, y = (torch.from_numpy(v) for v in noisy_line())
    return torch.autograd.functional.hessian(
        lambda p: ((p[0] * x + p[1] - y) ** 2).mean(), torch.zeros(2, dtype=torch.float64))


def test_10_1_largest_stable_learning_rate():
    flattest, steepest = torch.linalg.eigvalsh(mse_hessian()).tolist()
    assert verdict("10.1", 2 / steepest)[0]
    ok, message = verdict("10.1", round(2 / steepest, 4))  # as the chapter prints it
    assert ok and "as the chapter prints it" in message
    for wrong, fix in [(1.9 / steepest, "with momentum 0.9"), (1 / steepest, "1/λmax"),
                       (2 / (steepest * 100), "summed loss"), (4 / steepest, "XᵀX/n"),
                       (2 / flattest, "smallest curvature"), ("small", "not text"),
                       (round(2 / steepest, 3), "close, but not")]:
        ok, message = verdict("10.1", wrong)
        assert not ok and fix in message, (wrong, message)


def test_10_2_noise_standard_deviation():
    x, y = noisy_line()
    best = least_squares_fit(x, y, 1)
    n = len(x)
    assert verdict("10.2", (best.loss / (n - 2)) ** 0.5)[0]
    for wrong, fix in [((best.loss / n) ** 0.5, "divides by n:"),
                       ((best.loss / (n - 1)) ** 0.5, "divides by n - 1"),
                       (best.loss / (n - 2), "variance"), (2.0, "true noise level")]:
        ok, message = verdict("10.2", wrong)
        assert not ok and fix in message, (wrong, message)
