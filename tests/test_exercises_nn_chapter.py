"""Chapter 06's exercise checks: each accepts a worked solution and rejects a wrong answer."""
import numpy as np
import torch

from helpers import cubic_features, least_squares_fit, sine_data
from helpers.exercises import verdict


def test_06_1_quintic_features():
    x, _ = sine_data(2000)
    ok, message = verdict("06.1", x.unsqueeze(-1).pow(torch.arange(1, 6)))
    assert ok, message
    ok, message = verdict("06.1", x.unsqueeze(-1).pow(torch.arange(0, 5)))  # x^0 .. x^4
    assert not ok and "column 0 should hold x^1" in message
    ok, message = verdict("06.1", cubic_features(x))
    assert not ok and "shape (2000, 5)" in message
    assert not verdict("06.1", "features")[0]


def test_06_2_mean_squared_error_of_the_best_cubic():
    x, y = np.linspace(-np.pi, np.pi, 2000), np.sin(np.linspace(-np.pi, np.pi, 2000))
    best = least_squares_fit(x, y)
    assert verdict("06.2", best.loss / len(x))[0]
    assert not verdict("06.2", best.loss)[0]  # the summed error, not the mean
