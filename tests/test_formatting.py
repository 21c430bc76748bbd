"""polynomial_formula: rounded, signed terms that read back as the coefficients."""
import math
import re

import numpy as np
import pytest
import torch

from helpers.formatting import polynomial_formula


def read_back(text):
    """Parse 'y = a + b x - c x² ...' back into signed numbers, independently of the formatter."""
    body = text.removeprefix("y = ").replace(" - ", " + -")
    return [float(re.match(r"-?[\d.]+", term).group()) for term in body.split(" + ")]


def test_a_small_polynomial_reads_as_written_by_hand():
    assert polynomial_formula([1, -2, 0.5]) == "y = 1.0000 - 2.0000 x + 0.5000 x²"
    assert polynomial_formula([-0.5, 3], digits=1) == "y = -0.5 + 3.0 x"


def test_random_coefficients_read_back_as_their_rounded_values():
    values = np.random.default_rng(0).normal(size=8)
    text = polynomial_formula(torch.tensor(values), digits=3)
    assert read_back(text) == pytest.approx(np.round(values, 3), abs=1e-12)
    assert text.endswith(" x⁷")


def test_rounding_noise_never_shows_a_minus_sign():
    assert polynomial_formula([-3e-6, 1.0, -1e-9]) == "y = 0.0000 + 1.0000 x + 0.0000 x²"


@pytest.mark.parametrize("coefficients, digits", [([], 4), ([[1.0, 2.0]], 4), ([1.0], -1),
                                                  ([1.0], 2.5)])
def test_bad_input_says_what_is_allowed(coefficients, digits):
    with pytest.raises(ValueError, match="must be"):
        polynomial_formula(coefficients, digits)


@pytest.mark.parametrize(("coefficients", "digits", "message"), [
    ([math.nan], 4, "coefficients must hold finite numbers"), (["1", "2"], 4, "coefficients"),
    ([1.0], True, "digits must be a whole number from 0 to 10"), ([1.0], 11, "digits"),
    ([1.0], math.nan, "digits")])
def test_nan_strings_and_bool_digits_are_refused(coefficients, digits, message):
    with pytest.raises(ValueError, match=message):
        polynomial_formula(coefficients, digits)


def test_numpy_digits_count_as_whole_numbers():
    assert polynomial_formula([1.0, 2.0], np.int64(1)) == "y = 1.0 + 2.0 x"
