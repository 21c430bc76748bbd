"""Chapter 10's exercise checks: each accepts a worked solution and rejects a wrong answer."""
import torch

from helpers import least_squares_fit, noisy_line
from helpers.exercises import verdict


def mse_hessian():
    """Return the Hessian of the mean squared error of w x + b on the line data, by autograd."""
    x, y = (torch.from_numpy(v) for v in noisy_line())
    return torch.autograd.functional.hessian(
        lambda p: ((p[0] * x + p[1] - y) ** 2).mean(), torch.zeros(2, dtype=torch.float64))


def test_10_1_largest_stable_learning_rate():
    largest = torch.linalg.eigvalsh(mse_hessian())[-1].item()
    assert verdict("10.1", 2 / largest)[0]
    assert not verdict("10.1", 2 * 1.9 / largest)[0]  # the bound with momentum 0.9
    assert not verdict("10.1", "small")[0]


def test_10_2_noise_standard_deviation():
    x, y = noisy_line()
    best = least_squares_fit(x, y, 1)
    assert verdict("10.2", (best.loss / (len(x) - 2)) ** 0.5)[0]
    assert not verdict("10.2", (best.loss / len(x)) ** 0.5)[0]  # divides by n, not n - 2
    assert not verdict("10.2", 2.0)[0]  # the true noise level, not its estimate
