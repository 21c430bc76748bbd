"""The problem chapter 03 times: the cubic's features and sine targets, and bad sizes refused.
Speed itself is never asserted: it depends on the machine and its load."""
import numpy as np
import pytest
import torch

from helpers.timing import cubic_problem


def test_cubic_problem_has_the_features_one_x_x2_x3_and_sine_targets():
    features, y = cubic_problem(500)
    x = np.linspace(-np.pi, np.pi, 500)
    assert features.shape == (500, 4) and y.shape == (500,)
    assert features.dtype == np.float32 and y.dtype == np.float32
    np.testing.assert_allclose(features, np.vander(x, 4, increasing=True), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(y, np.sin(x), atol=1e-6)


def test_torch_views_of_the_problem_share_its_memory():
    features, y = cubic_problem(10)
    tensor = torch.from_numpy(features)
    features[3, 2] = 42.0
    assert tensor[3, 2] == 42.0 and tensor.shape == (10, 4)


def test_the_features_give_the_loss_and_gradient_of_the_cubic():
    features, y = cubic_problem(200)
    w = np.array([0.1, 0.9, -0.05, -0.1], dtype=np.float64)
    x = np.linspace(-np.pi, np.pi, 200)
    residual = w[0] + w[1] * x + w[2] * x**2 + w[3] * x**3 - np.sin(x)
    loss = (features.astype(np.float64) @ w - y) @ (features.astype(np.float64) @ w - y)
    assert loss == pytest.approx(residual @ residual, rel=1e-5)


@pytest.mark.parametrize("n", [1, 2.5, -10])
def test_cubic_problem_rejects_bad_sizes(n):
    with pytest.raises(ValueError, match="n must be a whole number of points, at least 2"):
        cubic_problem(n)
