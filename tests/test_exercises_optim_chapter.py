"""Chapter 07's exercise checks: each accepts a worked solution and names each typical mistake."""
import math

import torch

from helpers import cubic_features, sine_data, train_with_optimizer
from helpers.exercises import verdict


def gram(columns):
    """X^T X for the columns stacked side by side, in float64."""
    matrix = torch.stack(columns, dim=1)
    return matrix.T @ matrix


def largest_eigenvalue():
    x, _ = sine_data(2000, dtype=torch.float64)
    return torch.linalg.eigvalsh(gram([x**0, *cubic_features(x).T]))[-1].item()


def test_07_1_largest_stable_momentum_rate():
    largest = largest_eigenvalue()
    ok, message = verdict("07.1", 1.9 / largest)
    assert ok and "6.76e-06" in message
    assert verdict("07.1", 1.01 * 1.9 / largest)[0]  # an experiment's answer, 1% off, passes
    for wrong, fix in [(1 / largest, "plain SGD's limit"), (2 / largest, "2/λmax with λ of XᵀX"),
                       (1.9 / (2 * largest), "Hessian 2XᵀX"), (10 / largest, "1/(1 - β)"),
                       (1.5 / largest, "too small"), (2.5 / largest, "too large"),
                       (0.0, "positive"), ("small", "not text")]:
        ok, message = verdict("07.1", wrong)
        assert not ok and fix in message, (wrong, message)


def test_07_1_the_limit_is_where_momentum_runs_start_to_diverge():
    limit = 1.9 / largest_eigenvalue()
    assert train_with_optimizer("momentum", 0.95 * limit, steps=300).diverged_at is None
    assert train_with_optimizer("momentum", 1.05 * limit, steps=300).diverged_at is not None


def test_07_2_condition_number_after_rescaling():
    x, _ = sine_data(2000)  # float32, and float64 as the worked solution
    for t in (x / math.pi, x.double() / math.pi):
        assert verdict("07.2", torch.linalg.cond(gram([t**0, t, t**2, t**3])).item())[0]
    t = x.double() / math.pi
    s = torch.stack([t**0, t, t**2, t**3], dim=1)
    x64 = x.double()
    for wrong, fix in [(torch.linalg.cond(s).item(), "cond(S)"),
                       (torch.linalg.cond(gram([x64**0, x64, x64**2, x64**3])).item(), "raw"),
                       (torch.linalg.cond(gram([t, t**2, t**3])).item(), "column 1"),
                       (67.5, "close, but not")]:
        ok, message = verdict("07.2", wrong)
        assert not ok and fix in message, (wrong, message)
