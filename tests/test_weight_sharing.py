"""Chapter 09's references against independent computations: substitution, nn.Linear applied
twice, autograd on the average loss, and the cubic least-squares bound."""
import math
import random

import numpy as np
import pytest
import torch

from helpers import (
    dynamic_net_losses,
    dynamic_net_optimum,
    least_squares_fit,
    sine_data,
    twice_applied_line_solutions,
)


@pytest.mark.parametrize(("slope", "intercept"), [(1.233, 0.988), (4.0, 3.0), (0.25, -2.0)])
def test_both_solutions_give_back_the_line_when_substituted(slope, intercept):
    (w1, b1), (w2, b2) = twice_applied_line_solutions(slope, intercept)
    assert w1 > 0 > w2
    for w, b in ((w1, b1), (w2, b2)):
        assert w * w == pytest.approx(slope, rel=1e-12)
        assert b * (w + 1) == pytest.approx(intercept, rel=1e-12)


def test_the_published_figures_and_nn_linear_applied_twice():
    solutions = twice_applied_line_solutions(1.233, 0.988)
    assert [tuple(round(v, 4) for v in s) for s in solutions] == [(1.1104, 0.4682),
                                                                    (-1.1104, -8.9488)]
    x = torch.linspace(-2, 2, 9, dtype=torch.float64).unsqueeze(1)  # shape (9, 1)
    for w, b in solutions:
        layer = torch.nn.Linear(1, 1, dtype=torch.float64)
        with torch.no_grad():
            layer.weight.fill_(w)
            layer.bias.fill_(b)
        torch.testing.assert_close(layer(layer(x)), 1.233 * x + 0.988, rtol=0, atol=1e-12)


def test_zero_slope_has_one_solution_twice():
    assert twice_applied_line_solutions(0.0, 0.5) == ((0.0, 0.5), (-0.0, 0.5))


@pytest.mark.parametrize(("slope", "intercept", "message"), [
    (-1.0, 1.0, "slope must be >= 0"), (1.0, 0.988, "slope 1 gives w = -1"),
    (math.nan, 1.0, "finite numbers"), (1.233, math.inf, "finite numbers"),
    ("1.233", 1.0, "finite numbers")])
def test_lines_without_two_solutions_are_rejected(slope, intercept, message):
    with pytest.raises(ValueError, match=message):
        twice_applied_line_solutions(slope, intercept)


def sine64():
    return sine_data(2000, dtype=torch.float64)


def graph_loss(params, x, y, extra_terms):
    """The DynamicNet forward pass with a fixed number of extra terms, in torch."""
    a, b, c, d, e = params
    y_pred = a + b * x + c * x**2 + d * x**3
    for power in range(4, 4 + extra_terms):
        y_pred = y_pred + e * x**power
    return ((y_pred - y) ** 2).sum()


def test_dynamic_net_losses_match_the_torch_forward_pass():
    x, y = sine64()
    params = torch.tensor([0.1, 0.8, -0.05, -0.09, 2e-4], dtype=torch.float64)
    expected = [graph_loss(params, x, y, k).item() for k in (0, 1, 2)]
    np.testing.assert_allclose(dynamic_net_losses(params, x, y), expected, rtol=1e-12)


def test_dynamic_net_optimum_is_a_stationary_point_of_the_average_loss():
    x, y = sine64()
    fit = dynamic_net_optimum(x, y)
    params = torch.tensor(fit.coefficients, requires_grad=True)
    average = sum(graph_loss(params, x, y, k) for k in (0, 1, 2)) / 3
    average.backward()
    assert average.item() == pytest.approx(fit.loss, rel=1e-12)
    assert params.grad.abs().max().item() < 1e-6  # autograd, not lstsq, says: a minimum
    rng = random.Random(0)
    for _ in range(5):  # and every nearby point is worse
        nudged = fit.coefficients * (1 + 1e-3 * np.array([rng.uniform(-1, 1) for _ in range(5)]))
        assert dynamic_net_losses(nudged, x, y).mean() > fit.loss


def test_dynamic_net_optimum_beats_the_cubic_bound_and_matches_the_figures():
    x, y = sine64()
    fit, cubic = dynamic_net_optimum(x, y), least_squares_fit(x, y)
    with_e_zero = dynamic_net_losses(np.append(cubic.coefficients, 0.0), x, y)
    np.testing.assert_allclose(with_e_zero, cubic.loss, rtol=1e-12)  # e = 0: the cubic, always
    assert fit.loss < cubic.loss
    assert round(fit.loss, 4) == 8.7553 and round(cubic.loss, 4) == 8.8172


@pytest.mark.parametrize(("call", "message"), [
    (lambda x, y: dynamic_net_losses([1.0, 2.0], x, y), "five coefficients"),
    (lambda x, y: dynamic_net_losses(np.zeros(5), x, y[:-1]), "same length"),
    (lambda x, y: dynamic_net_optimum(x[:3], y[:3]), "at least 5")])
def test_dynamic_net_helpers_reject_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call(*sine64())


def test_dynamic_net_features_reject_an_impossible_graph():
    from helpers.weight_sharing import dynamic_net_features

    with pytest.raises(ValueError, match="extra_terms must be one of"):
        dynamic_net_features(np.zeros(3), 3)
