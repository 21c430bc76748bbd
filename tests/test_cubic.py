"""The cubic network helpers: features, model shapes and coefficients, against plain formulas."""
import numpy as np
import pytest
import torch

from helpers import cubic_coefficients, cubic_features, cubic_model, polynomial_loss, sine_data


def test_cubic_features_are_the_powers_one_to_three():
    x = torch.linspace(-2.0, 2.0, 7, dtype=torch.float64)
    expected = np.vander(x.numpy(), 4, increasing=True)[:, 1:]  # columns x, x^2, x^3
    np.testing.assert_allclose(cubic_features(x).numpy(), expected)


@pytest.mark.parametrize("bad", [torch.ones(3, 2), [1.0, 2.0], torch.tensor(1.0)])
def test_cubic_features_want_a_one_dimensional_tensor(bad):
    with pytest.raises(ValueError, match="one-dimensional tensor"):
        cubic_features(bad)


def test_cubic_model_maps_n_by_3_features_to_n_outputs():
    model = cubic_model()
    assert model(torch.zeros(5, 3)).shape == (5,)
    assert [p.shape for p in model.parameters()] == [(1, 3), (1,)]


def test_cubic_coefficients_are_bias_then_weights_and_give_the_model_loss():
    x, y = sine_data(50, dtype=torch.float64)
    model = cubic_model().double()
    coefficients = cubic_coefficients(model)
    assert coefficients.tolist() == [model[0].bias.item(), *model[0].weight[0].tolist()]
    model_loss = ((model(cubic_features(x)) - y) ** 2).sum().item()
    assert polynomial_loss(coefficients, x, y) == pytest.approx(model_loss, rel=1e-12)


def test_cubic_coefficients_reject_other_models():
    with pytest.raises(ValueError, match="cubic_model"):
        cubic_coefficients(torch.nn.Linear(2, 1))


def test_cubic_features_want_floating_point_and_coefficients_a_cubic_model():
    with pytest.raises(ValueError, match="floating-point one-dimensional tensor"):
        cubic_features(torch.arange(5))
    with pytest.raises(ValueError, match="model must be cubic_model"):
        cubic_coefficients(torch.nn.Sequential())
    with pytest.raises(TypeError, match="model must be cubic_model"):
        cubic_coefficients(None)
