"""The exact least-squares reference against an independent solver (torch normal equations)."""
import math

import numpy as np
import pytest
import torch

from helpers import least_squares_fit, polynomial_loss, sine_data


def normal_equations(x, y, degree):
    """Solve (X^T X) w = X^T y in torch float64: independent of NumPy's lstsq."""
    features = torch.stack([x**p for p in range(degree + 1)], dim=1)
    w = torch.linalg.solve(features.T @ features, features.T @ y)
    return w, float(((features @ w - y) ** 2).sum())


@pytest.mark.parametrize("degree", [0, 1, 3, 5])
def test_least_squares_fit_matches_normal_equations(degree):
    x, y = sine_data(2000, dtype=torch.float64)
    fit = least_squares_fit(x, y, degree)
    w, loss = normal_equations(x, y, degree)
    np.testing.assert_allclose(fit.coefficients, w.numpy(), atol=1e-8)
    assert fit.loss == pytest.approx(loss, rel=1e-9)


def test_cubic_reference_figures():
    fit = least_squares_fit(*sine_data(2000, dtype=torch.float64))
    a, b, c, d = fit.coefficients
    assert abs(a) < 1e-12 and abs(c) < 1e-12
    assert round(b, 6) == 0.856741 and round(d, 6) == -0.093330
    assert round(fit.loss, 4) == 8.8172


def test_float32_inputs_give_the_float64_optimum_of_those_points():
    x, y = sine_data(2000)  # float32
    assert least_squares_fit(x, y).loss == pytest.approx(8.8172, abs=1e-3)


def test_polynomial_loss_of_the_optimum_is_its_loss():
    x, y = sine_data(2000, dtype=torch.float64)
    fit = least_squares_fit(x, y)
    assert polynomial_loss(fit.coefficients, x, y) == pytest.approx(fit.loss, rel=1e-12)
    assert polynomial_loss([0.0], x, y) == pytest.approx(float((y**2).sum()))


@pytest.mark.parametrize("degree", [-1, 1.5])
def test_rejects_a_degree_below_zero_or_fractional(degree):
    with pytest.raises(ValueError, match="degree must be a whole number >= 0"):
        least_squares_fit([0.0, 1.0, 2.0], [0.0, 1.0, 2.0], degree)


def test_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match="same shape"):
        least_squares_fit([0.0, 1.0, 2.0], [0.0, 1.0])
    with pytest.raises(ValueError, match="same shape"):
        polynomial_loss([1.0], [0.0, 1.0, 2.0], [0.0, 1.0])


def test_rejects_too_few_points():
    with pytest.raises(ValueError, match="at least 2 points"):
        least_squares_fit([1.0], [1.0], degree=0)
    with pytest.raises(ValueError, match="more than degree=3"):
        least_squares_fit([0.0, 1.0, 2.0], [0.0, 1.0, 2.0], degree=3)


def test_rejects_two_dimensional_input():
    with pytest.raises(ValueError, match="one-dimensional"):
        least_squares_fit(np.zeros((3, 2)), np.zeros((3, 2)))


def test_sine_points_are_float64_numpy_linspace_and_sin():
    from helpers.reference import sine_points

    x, y = sine_points()
    np.testing.assert_array_equal(x, np.linspace(-np.pi, np.pi, 2000))
    np.testing.assert_array_equal(y, np.sin(x))
    with pytest.raises(ValueError, match="at least 2"):
        sine_points(1)


def test_to_float64_converts_tensors_arrays_and_lists_keeping_shape():
    from helpers.reference import to_float64

    tensor = torch.tensor([[0.1, 2.0], [3.0, 4.0]], requires_grad=True)  # float32, in a graph
    array = to_float64(tensor)
    assert array.dtype == np.float64 and array.shape == (2, 2)
    assert array[0, 0] == np.float64(np.float32(0.1))  # the float32 value, widened exactly
    assert to_float64([[1, 2]]).tolist() == [[1.0, 2.0]]


def test_refuses_x_with_too_few_distinct_values_instead_of_an_arbitrary_fit():
    with pytest.raises(ValueError, match=r"x must hold more than degree=3 distinct values \(got 1"):
        least_squares_fit(np.zeros(50), np.arange(50.0))
    assert least_squares_fit([0.0, 1.0, 2.0, 3.0], [1.0, 2.0, 0.0, 5.0]).loss < 1e-20  # 4 suffice


def test_refuses_nan_data_and_a_degree_above_the_bound():
    with pytest.raises(ValueError, match="x must hold finite numbers only"):
        least_squares_fit([0.0, math.nan, 2.0], [0.0, 1.0, 2.0], degree=1)
    x = np.linspace(-1, 1, 40)
    assert len(least_squares_fit(x, x, degree=30).coefficients) == 31
    with pytest.raises(ValueError, match="degree must be a whole number >= 0 and at most 30"):
        least_squares_fit(x, x, degree=31)
    with pytest.raises(ValueError, match="degree"):
        least_squares_fit(x, x, degree=True)


def test_polynomial_loss_wants_at_least_one_coefficient():
    with pytest.raises(ValueError, match="coefficients must be at least 1 long"):
        polynomial_loss([], [0.0, 1.0], [0.0, 1.0])


def test_descent_limits_match_the_singular_values_and_chapter_02():
    from helpers import descent_limits
    x = np.linspace(-np.pi, np.pi, 2000)
    for degree in (1, 3, 5):
        singular = np.linalg.svd(np.vander(x, degree + 1), compute_uv=False)  # another algorithm
        limits = descent_limits(x, degree)
        assert limits.learning_rate_limit == pytest.approx(1 / singular[0] ** 2, rel=1e-9)
        assert limits.condition_number == pytest.approx((singular[0] / singular[-1]) ** 2,
                                                        rel=1e-6)
    assert descent_limits(x).learning_rate_limit == pytest.approx(3.558e-6, rel=1e-3)


def test_descent_limits_refuse_too_few_distinct_points_and_bad_degrees():
    from helpers import descent_limits
    with pytest.raises(ValueError, match="distinct values"):
        descent_limits([0.0, 1.0, 1.0, 0.0], degree=3)
    with pytest.raises(ValueError, match="degree"):
        descent_limits([0.0, 1.0, 2.0], degree=-1)
