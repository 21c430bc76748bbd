"""Hand-derived gradients against autograd and finite differences; the closed-form descent path
against gradient descent run step by step."""
import math

import numpy as np
import pytest
import torch

from helpers import least_squares_fit, polynomial_loss, sine_data
from helpers.gradients import cubic_gradients, descent_loss, loss_and_gradient

X, Y = sine_data(2000, dtype=torch.float64)
START = [0.3, -0.2, 0.1, 0.05]


def autograd_gradients(coefficients):
    """Gradients of the summed squared error by torch autograd, float64: an independent route."""
    w = torch.tensor(coefficients, dtype=torch.float64, requires_grad=True)
    ((w[0] + w[1] * X + w[2] * X**2 + w[3] * X**3 - Y) ** 2).sum().backward()
    return w.grad.numpy()


def test_cubic_gradients_match_autograd_for_tensors_and_arrays():
    expected = autograd_gradients(START)
    from_tensors = cubic_gradients(X, Y, torch.tensor(START, dtype=torch.float64))
    from_arrays = cubic_gradients(X.numpy(), Y.numpy(), np.array(START))
    np.testing.assert_allclose(torch.stack(from_tensors).numpy(), expected, rtol=1e-10)
    np.testing.assert_allclose(np.array(from_arrays), expected, rtol=1e-10)


def test_cubic_gradients_vanish_at_the_least_squares_optimum():
    best = least_squares_fit(X, Y)
    scale = np.abs(cubic_gradients(X.numpy(), Y.numpy(), best.coefficients + 0.1)).max()
    assert np.abs(cubic_gradients(X.numpy(), Y.numpy(), best.coefficients)).max() < 1e-9 * scale


@pytest.mark.parametrize("coefficients", [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0, 4.0, 5.0]])
def test_cubic_gradients_want_exactly_four_coefficients(coefficients):
    with pytest.raises(ValueError, match="four numbers a, b, c, d"):
        cubic_gradients(X, Y, coefficients)


def test_cubic_gradients_reject_mismatched_points():
    with pytest.raises(ValueError, match="same shape"):
        cubic_gradients(X, Y[:10], START)


def test_loss_and_gradient_agree_with_the_reference_loss_and_autograd():
    features = np.vander(X.numpy(), 4, increasing=True)
    loss, gradient = loss_and_gradient(features, Y.numpy(), np.array(START))
    assert loss == pytest.approx(polynomial_loss(START, X, Y), rel=1e-12)
    np.testing.assert_allclose(gradient, autograd_gradients(START), rtol=1e-10)


def test_loss_and_gradient_reject_wrong_shapes():
    features = np.ones((5, 4))
    with pytest.raises(ValueError, match=r"features must be \(n, k\)"):
        loss_and_gradient(features, np.ones(4), np.ones(4))
    with pytest.raises(ValueError, match="one coefficient per feature column"):
        loss_and_gradient(features, np.ones(5), np.ones(3))


@pytest.mark.parametrize(("learning_rate", "steps"), [(1e-6, 0), (1e-6, 1), (2e-6, 300)])
def test_descent_loss_is_the_loss_after_that_many_updates(learning_rate, steps):
    w = np.array(START)
    for _ in range(steps):  # gradient descent, one update at a time, with autograd's gradients
        w = w - learning_rate * autograd_gradients(w.tolist())
    expected = polynomial_loss(w, X, Y)
    assert descent_loss(X, Y, START, learning_rate, steps) == pytest.approx(expected, rel=1e-9)


def test_descent_loss_never_goes_below_the_optimum_and_diverges_to_infinity():
    best = least_squares_fit(X, Y).loss
    assert best <= descent_loss(X, Y, START, 3e-6, 5000) < best * (1 + 1e-9)
    assert descent_loss(X, Y, START, 1e-3, 10**6) == np.inf


@pytest.mark.parametrize(("learning_rate", "steps", "match"), [
    (0.0, 10, "learning_rate"), (-1e-6, 10, "learning_rate"), (1e-6, -1, "steps"),
    (1e-6, 2.5, "steps")])
def test_descent_loss_rejects_bad_settings(learning_rate, steps, match):
    with pytest.raises(ValueError, match=match):
        descent_loss(X, Y, START, learning_rate, steps)


def test_descent_loss_wants_four_starting_coefficients():
    with pytest.raises(ValueError, match="start must be the four coefficients"):
        descent_loss(X, Y, [0.0, 1.0], 1e-6, 10)


@pytest.mark.parametrize(("args", "message"), [
    ((list(X), Y, START), "x must be a 1-D floating-point NumPy array or torch tensor"),
    ((X, Y, [math.nan, 0.0, 0.0, 0.0]), "coefficients must hold finite numbers only"),
    ((X, Y, "abcd"), "coefficients must be the four numbers"), ((X, Y, None), "coefficients")])
def test_cubic_gradients_refuse_lists_and_nan(args, message):
    with pytest.raises(ValueError, match=message):
        cubic_gradients(*args)


def test_descent_loss_takes_numpy_scalars_and_refuses_bools_and_nan_starts():
    assert descent_loss(X, Y, START, np.float32(1e-6), np.int64(3)) == pytest.approx(
        descent_loss(X, Y, START, float(np.float32(1e-6)), 3))
    assert descent_loss(X, Y, START, 1e-6, 0) == pytest.approx(polynomial_loss(START, X, Y))
    for kwargs, message in (({"learning_rate": True}, "learning_rate"), ({"steps": True}, "steps"),
                            ({"start": [math.nan] * 4}, "start must hold finite numbers"),
                            ({"steps": 10**12 + 1}, "at most 1e\\+12")):
        with pytest.raises(ValueError, match=message):
            descent_loss(**{"x": X, "y": Y, "start": START, "learning_rate": 1e-6, "steps": 3,
                            **kwargs})
