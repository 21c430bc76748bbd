"""Chapter 06's exercise checks: each accepts a worked solution and names each typical mistake."""
import numpy as np
import torch
from torch import nn

import helpers
from helpers import cubic_features, least_squares_fit, sine_data
from helpers.exercises import verdict


def test_06_1_quintic_features():
    x, _ = sine_data(2000)
    ok, message = verdict("06.1", x.unsqueeze(-1).pow(torch.arange(1, 6)))
    assert ok, message
    for wrong, fix in [(x.unsqueeze(-1).pow(torch.arange(0, 5)), "column 0 holds x⁰ = 1"),
                       (x.unsqueeze(-1).pow(torch.arange(0, 6)), "drop the column x⁰"),
                       (x.unsqueeze(-1).pow(torch.arange(1, 6)).T, "transposed"),
                       (cubic_features(x), "got (2000, 3)"),
                       (x.unsqueeze(-1).pow(torch.tensor([1, 2, 3, 5, 4])), "column 3 should"),
                       ("features", "got the text")]:
        ok, message = verdict("06.1", wrong)
        assert not ok and fix in message, (wrong, message)


def test_06_1_tolerance_relative_to_each_columns_largest_entry():
    x = np.linspace(-np.pi, np.pi, 2000)
    right = np.stack([x**k for k in range(1, 6)], axis=1)
    for offset, ok in [(5e-6, True), (-5e-6, True), (3e-5, False), (-3e-5, False)]:
        answer = right.copy()
        answer[:, 4] += offset * np.pi**5  # column x⁵ moved by a share of its largest entry
        assert verdict("06.1", answer)[0] == ok, offset


def fitted_model(coefficients, bias, weight):
    """Return helpers.cubic_model() with its bias and weight taken from `coefficients`."""
    model = helpers.cubic_model("cpu")
    coefficients = torch.tensor(coefficients, dtype=torch.float32)
    with torch.no_grad():
        model[0].bias.copy_(coefficients[bias])
        model[0].weight.copy_(coefficients[weight].reshape(1, 3))
    return model


def test_06_2_mean_squared_error_of_the_best_cubic():
    x, y = sine_data(2000)
    best = least_squares_fit(x, y)
    right = fitted_model(best.coefficients, [0], [1, 2, 3])
    answer = nn.MSELoss()(right(cubic_features(x)), y)
    ok, message = verdict("06.2", answer.item())  # the worked solution, in float32
    assert ok and "0.00440" in message
    ok, message = verdict("06.2", 0.0044)  # as the chapter prints it
    assert ok and "as the chapter prints it" in message
    for wrong in (0.0045, 0.0043, 0.00441):
        assert not verdict("06.2", wrong)[0], wrong
    swapped = fitted_model(best.coefficients, [3], [0, 1, 2])
    reversed_ = fitted_model(best.coefficients[::-1].copy(), [0], [1, 2, 3])
    with torch.no_grad():
        column = right(cubic_features(x)).unsqueeze(1)  # (n, 1) against y (n,)
        broadcast = ((column - y) ** 2).mean()
    for wrong, fix in [(answer * 2000, "summed squared error"), (answer.sqrt(), "square root"),
                       (nn.MSELoss()(swapped(cubic_features(x)), y), "wrong places"),
                       (nn.MSELoss()(reversed_(cubic_features(x)), y), "wrong places"),
                       (broadcast, "broadcast them to (n, n)")]:
        ok, message = verdict("06.2", wrong)
        assert not ok and fix in message, (wrong, message)
