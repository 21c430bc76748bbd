"""The data helpers against independent NumPy computations."""
import math

import numpy as np
import pytest
import torch

from helpers import least_squares_fit, noisy_line, sine_data


def test_sine_data_matches_numpy_linspace_and_sin():
    x, y = sine_data(2000, dtype=torch.float64)
    expected = np.linspace(-math.pi, math.pi, 2000)
    assert x.shape == y.shape == (2000,)
    np.testing.assert_allclose(x.numpy(), expected, rtol=0, atol=1e-12)
    np.testing.assert_allclose(y.numpy(), np.sin(expected), rtol=0, atol=1e-12)


def test_sine_data_honours_dtype_and_device():
    x, y = sine_data(10, device="cpu")
    assert x.dtype == y.dtype == torch.float32
    assert x.device.type == "cpu"


@pytest.mark.parametrize("n", [1, 0, -5, 2.5])
def test_sine_data_rejects_fewer_than_two_points(n):
    with pytest.raises(ValueError, match="at least 2"):
        sine_data(n)


def test_noisy_line_draws_what_np_random_seed_draws():
    np.random.seed(0)
    noise = np.random.randn(100)
    x, y = noisy_line()
    np.testing.assert_allclose(x, np.linspace(0, 10, 100))
    np.testing.assert_allclose(y, 2 * x + 3 + 2 * noise)


def test_noisy_line_least_squares_is_the_published_reference():
    fit = least_squares_fit(*noisy_line(), degree=1)
    intercept, slope = fit.coefficients
    assert round(slope, 4) == 1.9405 and round(intercept, 4) == 3.4169


@pytest.mark.parametrize("kwargs, message", [({"n": 1}, "at least 2"), ({"noise": -1}, ">= 0")])
def test_noisy_line_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        noisy_line(**kwargs)



@pytest.mark.parametrize("kwargs, message", [
    ({"noise": math.nan}, "noise must be a standard deviation"), ({"slope": math.inf}, "slope"),
    ({"intercept": True}, "intercept"), ({"seed": -1}, "seed must be a whole number from 0"),
    ({"seed": 2**32}, "seed"), ({"seed": None}, "seed"), ({"n": 10**8 + 1}, "at most 1e\\+08")])
def test_noisy_line_refuses_what_would_give_nan_or_an_unseeded_draw(kwargs, message):
    with pytest.raises(ValueError, match=message):
        noisy_line(**kwargs)


def test_noisy_line_takes_numpy_scalars_and_the_largest_seed():
    x, y = noisy_line(np.int64(5), np.float32(1.0), seed=2**32 - 1)
    assert x.shape == y.shape == (5,) and np.isfinite(y).all()


@pytest.mark.parametrize("dtype", [torch.int64, torch.bool, "float32", np.float32])
def test_sine_data_wants_a_torch_floating_dtype(dtype):
    with pytest.raises(ValueError, match="dtype must be one of torch.float16"):
        sine_data(10, dtype=dtype)
