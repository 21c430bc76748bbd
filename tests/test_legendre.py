"""The optimum of a + b * P3(c + d * x) against independent computations: torch's own Legendre
polynomial, normal equations in torch, an LBFGS minimisation, and the shared reference figures."""
import math

import numpy as np
import pytest
import torch

from helpers import legendre_least_squares_fit, legendre_p3, sine_data


def model_loss(params, x, y):
    """Summed squared error of a + b * P3(c + d * x), with torch's Legendre polynomial."""
    a, b, c, d = params
    prediction = a + b * torch.special.legendre_polynomial_p(c + d * x, 3)
    return float(((prediction - y) ** 2).sum())


def cubic_lower_bound(x, y):
    """Best cubic's loss from the normal equations: no a, b, c, d can do better."""
    features = torch.stack([x**p for p in range(4)], dim=1)
    w = torch.linalg.solve(features.T @ features, features.T @ y)
    return float(((features @ w - y) ** 2).sum())


def lbfgs_minimum(x, y, start):
    """Minimise the model's loss numerically in float64 from `start`; return a, b, c, d."""
    params = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.LBFGS([params], max_iter=500, tolerance_grad=1e-12,
                                  tolerance_change=1e-15, line_search_fn="strong_wolfe")

    def closure():
        optimizer.zero_grad()
        a, b, c, d = params
        loss = ((a + b * legendre_p3(c + d * x) - y) ** 2).sum()
        loss.backward()
        return loss

    optimizer.step(closure)
    return params.detach()


def test_legendre_p3_is_torchs_legendre_polynomial():
    u = torch.linspace(-1.5, 1.5, 31, dtype=torch.float64)
    expected = torch.special.legendre_polynomial_p(u, 3)
    assert torch.allclose(legendre_p3(u), expected, atol=1e-12)


def test_sine_optimum_matches_the_shared_reference_figures():
    x, y = sine_data(2000, dtype=torch.float64)
    fit = legendre_least_squares_fit(x, y)
    assert abs(fit.a) < 1e-12 and abs(fit.c) < 1e-12
    assert round(fit.b, 3) == -2.234 and round(fit.d, 4) == 0.2557
    assert round(fit.loss, 4) == 8.8172  # the cubic optimum: the model reaches it exactly
    assert model_loss(fit[:4], x, y) == pytest.approx(fit.loss, rel=1e-12)
    # The README's 8.8174 is the loss at its rounded b and d; the tutorial's end point gives 8.94.
    assert round(model_loss((0.0, -2.234, 0.0, 0.2557), x, y), 4) == 8.8174
    assert round(model_loss((0.0, -2.2085, 0.0, 0.2555), x, y), 2) == 8.94


def test_lbfgs_from_the_tutorials_start_finds_the_same_optimum():
    x, y = sine_data(500, dtype=torch.float64)
    fit = legendre_least_squares_fit(x, y)
    found = lbfgs_minimum(x, y, [0.0, -1.0, 0.0, 0.3])
    assert torch.allclose(found, torch.tensor(fit[:4], dtype=torch.float64), atol=1e-6)


@pytest.mark.parametrize("shift, offset", [(0.3, 0.5), (-1.0, -2.0)])
def test_optimum_reaches_the_cubic_lower_bound_when_c_is_not_zero(shift, offset):
    x, _ = sine_data(500, dtype=torch.float64)
    y = torch.sin(x - shift) + offset
    fit = legendre_least_squares_fit(x, y)
    assert abs(fit.c) > 1e-3 and fit.d > 0
    assert model_loss(fit[:4], x, y) == pytest.approx(cubic_lower_bound(x, y), rel=1e-9)
    assert fit.loss == pytest.approx(cubic_lower_bound(x, y), rel=1e-9)


def test_a_cubic_out_of_reach_is_rejected_with_the_reason():
    x, _ = sine_data(100, dtype=torch.float64)
    with pytest.raises(ValueError, match="out of reach.*opposite signs"):
        legendre_least_squares_fit(x, 1 + x + x**3)  # slope and x^3 term both positive
    with pytest.raises(ValueError, match="out of reach"):
        legendre_least_squares_fit(x, -x - 2 * x**3)  # both negative


@pytest.mark.parametrize("u", [math.nan, np.array([0.5, math.inf]), torch.tensor([math.nan, 0.0])])
def test_legendre_p3_refuses_nan_and_inf_in_words(u):
    with pytest.raises(ValueError, match="u must hold finite numbers only"):
        legendre_p3(u)


@pytest.mark.parametrize("u", [1e100, np.array([-1.0, 1.0]), torch.tensor([0.0, 1.0])])
def test_legendre_p3_takes_finite_input_of_every_kind(u):
    v = np.asarray(u, dtype=np.float64)
    expected = 0.5 * (5 * v**3 - 3 * v)
    assert np.allclose(np.asarray(legendre_p3(u), dtype=np.float64), expected)
