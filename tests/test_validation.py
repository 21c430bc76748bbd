"""The shared input checks: what counts as a number, a whole number, finite data, and how the
messages name the argument, what it got and what is allowed."""
import math

import numpy as np
import pytest
import torch

from helpers.validation import (
    WrongType,
    array_or_tensor,
    choice,
    float_array,
    is_number,
    number,
    point_count,
    positive_number,
    seed,
    whole_number,
)


@pytest.mark.parametrize("value", [3, 2.5, np.float32(1e-6), np.int64(7), torch.tensor(0.5),
                                   torch.tensor(4), np.array(2.0)])
def test_numpy_and_torch_scalars_are_numbers(value):
    assert is_number(value)


@pytest.mark.parametrize("value", [True, np.bool_(False), "1", None, [1.0], torch.ones(2),
                                   torch.tensor(True), 1j])
def test_bools_strings_and_arrays_are_not_numbers(value):
    assert not is_number(value)


def test_number_returns_a_float_inside_its_range_and_refuses_outside():
    assert number(np.float32(2.0), "w0", -20, 20) == 2.0 and number(-20, "w0", -20, 20) == -20.0
    with pytest.raises(ValueError, match=r"^w0 must be a number from -20 to 20 \(got 20\.5\)$"):
        number(20.5, "w0", -20, 20)
    for bad in (math.nan, math.inf):
        with pytest.raises(ValueError, match="slope must be a finite number"):
            number(bad, "slope")


def test_a_wrong_type_is_a_type_error_that_old_value_error_handlers_still_catch():
    with pytest.raises(WrongType, match=r"slope must be a finite number \(got True\)"):
        number(True, "slope")
    assert issubclass(WrongType, TypeError) and issubclass(WrongType, ValueError)


def test_positive_number_refuses_zero_and_above_its_bound():
    assert positive_number(1e-300, "learning_rate") == 1e-300
    for bad in (0.0, -1e-6, 2.0):
        with pytest.raises(ValueError, match="learning_rate must be a positive number"):
            positive_number(bad, "learning_rate", high=1.0)


def test_whole_number_on_both_sides_of_its_bounds():
    assert whole_number(1, "steps", 1, 100) == 1 and whole_number(100.0, "steps", 1, 100) == 100
    assert whole_number(np.int64(5), "steps", 1, 100) == 5
    assert whole_number(torch.tensor(5), "steps", 1, 100) == 5
    for bad in (0, 101, 2.5, math.nan, math.inf, 1e9):
        with pytest.raises(ValueError, match=r"steps must be a whole number from 1 to 100 \(got"):
            whole_number(bad, "steps", 1, 100)
    with pytest.raises(WrongType, match=r"\(got True\)"):
        whole_number(True, "steps", 1, 100)


def test_seeds_and_point_counts_have_upper_bounds():
    assert seed(0) == 0 and seed(2**32 - 1) == 2**32 - 1
    with pytest.raises(ValueError, match="seed must be a whole number from 0 to 4294967295"):
        seed(2**32)
    assert point_count(10**8) == 10**8
    with pytest.raises(ValueError, match="n must be a whole number of points, at least 2"):
        point_count(10**8 + 1)


def test_choice_names_the_allowed_values():
    assert choice("log", "yscale", ["linear", "log"]) == "log"
    with pytest.raises(ValueError, match=r"^yscale must be one of linear, log \(got 'Log'\)$"):
        choice("Log", "yscale", ["linear", "log"])


def test_float_array_converts_tensors_and_lists_and_refuses_strings_bools_and_nan():
    np.testing.assert_array_equal(float_array(torch.tensor([1, 2]), "x"), [1.0, 2.0])
    assert float_array([[1.0]], "w", ndim=None).shape == (1, 1)
    for bad in (["1", "2"], np.ones(3, dtype=bool), None, [[1.0], [2.0, 3.0]]):
        with pytest.raises(WrongType, match="x must be a tensor, array or list of real numbers"):
            float_array(bad, "x")
    with pytest.raises(ValueError, match=r"x must hold finite numbers only \(got 1 NaN or inf\)"):
        float_array([1.0, math.nan], "x")
    assert math.isnan(float_array([math.nan], "x", finite=False)[0])
    with pytest.raises(ValueError, match="x must be one-dimensional"):
        float_array(np.zeros((2, 2)), "x")


def test_array_or_tensor_wants_floating_point_of_the_right_rank():
    assert array_or_tensor(np.zeros(3), "y", 1) is not None
    with pytest.raises(WrongType, match="y must be a 1-D floating-point NumPy array or torch"):
        array_or_tensor([0.0, 1.0], "y", 1)
    with pytest.raises(WrongType):
        array_or_tensor(torch.arange(3), "y", 1)
    with pytest.raises(ValueError, match="y must hold finite numbers only"):
        array_or_tensor(torch.tensor([math.inf]), "y", 1)
