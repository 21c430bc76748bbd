"""Chapter 07's exercise checks: each accepts a worked solution and rejects a wrong answer."""
import math

import torch

from helpers import cubic_features, sine_data, train_with_optimizer
from helpers.exercises import verdict


def gram(columns):
    """X^T X for the columns stacked side by side, in float64."""
    matrix = torch.stack(columns, dim=1)
    return matrix.T @ matrix


def test_07_1_largest_stable_momentum_rate():
    x, _ = sine_data(2000, dtype=torch.float64)
    largest = torch.linalg.eigvalsh(gram([x**0, *cubic_features(x).T]))[-1].item()
    ok, message = verdict("07.1", 1.9 / largest)
    assert ok and "6.76e-06" in message
    assert verdict("07.1", 1.01 * 1.9 / largest)[0]  # an experiment's answer, 1% off, passes
    ok, message = verdict("07.1", 1 / largest)  # plain SGD's limit
    assert not ok and "too small" in message
    ok, message = verdict("07.1", 2 / largest)
    assert not ok and "too large" in message
    assert not verdict("07.1", "small")[0]


def test_07_1_the_limit_is_where_momentum_runs_start_to_diverge():
    x, _ = sine_data(2000, dtype=torch.float64)
    limit = 1.9 / torch.linalg.eigvalsh(gram([x**0, *cubic_features(x).T]))[-1].item()
    assert train_with_optimizer("momentum", 0.95 * limit, steps=300).diverged_at is None
    assert train_with_optimizer("momentum", 1.05 * limit, steps=300).diverged_at is not None


def test_07_2_condition_number_after_rescaling():
    x, _ = sine_data(2000, dtype=torch.float64)
    t = x / math.pi
    assert verdict("07.2", torch.linalg.cond(gram([t**0, t, t**2, t**3])).item())[0]
    assert not verdict("07.2", torch.linalg.cond(gram([x**0, x, x**2, x**3])).item())[0]
