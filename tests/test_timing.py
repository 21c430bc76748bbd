"""Timing helpers: the problem they time is the cubic fit, and bad settings are refused.
Speed itself is never asserted: it depends on the machine and its load."""
import numpy as np
import pytest
import torch

from helpers import available_devices
from helpers.timing import cubic_problem, seconds_per_step


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


@pytest.mark.parametrize("device", available_devices())
def test_seconds_per_step_returns_a_positive_float_for_numpy_and_torch(device):
    features, y = cubic_problem(1000)
    for arrays in [(features, y), (torch.from_numpy(features).to(device),
                                   torch.from_numpy(y).to(device))]:
        seconds = seconds_per_step(*arrays, steps=3)
        assert isinstance(seconds, float) and 0 < seconds < 10


def test_seconds_per_step_leaves_its_inputs_unchanged():
    features, y = cubic_problem(100)
    before = features.copy(), y.copy()
    seconds_per_step(features, y, steps=2, warmup=0)
    np.testing.assert_array_equal(features, before[0])
    np.testing.assert_array_equal(y, before[1])


@pytest.mark.parametrize(("steps", "warmup", "message"), [
    (0, 1, "steps must be a whole number from 1 to 100000"), (2.5, 1, "steps"),
    (True, 1, "steps"), (100_001, 1, r"steps .* \(got 100001\)"), (3, -1, "warmup"),
    (3, 0.5, "warmup"), (3, 1001, "warmup must be a whole number from 0 to 1000")])
def test_seconds_per_step_rejects_bad_step_counts(steps, warmup, message):
    with pytest.raises(ValueError, match=message):
        seconds_per_step(*cubic_problem(10), steps=steps, warmup=warmup)


def test_seconds_per_step_rejects_mixed_libraries():
    features, y = cubic_problem(10)
    with pytest.raises(ValueError, match="both be NumPy arrays or both torch tensors"):
        seconds_per_step(features, torch.from_numpy(y))


@pytest.mark.parametrize("n", [1, 2.5, -10])
def test_cubic_problem_rejects_bad_sizes(n):
    with pytest.raises(ValueError, match="n must be a whole number of points, at least 2"):
        cubic_problem(n)


@pytest.mark.parametrize("n", [10, 10**5])
def test_the_timed_steps_stay_finite_at_any_size(n):
    features, y = cubic_problem(n)
    with np.errstate(all="raise"):  # an overflow in the timed steps would raise here
        seconds_per_step(features, y, steps=200, warmup=0)
