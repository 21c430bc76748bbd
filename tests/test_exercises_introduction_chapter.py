"""Chapter 01's exercise checks: the worked solutions in float32 pass; each typical mistake is
named; text, rounded and nearby numbers are refused."""
import numpy as np
import torch

from helpers import sine_data
from helpers.exercises import verdict


def test_01_1_loss_of_predicting_zero():
    x, y = sine_data(2000)  # float32, as the chapter computes it
    ok, message = verdict("01.1", (y**2).sum().item())
    assert ok and "999.5" in message
    assert verdict("01.1", (y**2).sum())[0]  # the 0-d tensor itself is fine too
    y64 = np.sin(np.linspace(-np.pi, np.pi, 2000))
    for wrong, fix in [((y64**2).mean(), "the mean of y²"), (np.sqrt(y64 @ y64), "square root"),
                       (np.abs(y64).sum(), "sum of |y|"), (y64.sum(), "sum of y itself"),
                       (1000.0, "close, but not"), ("999.5", "not text")]:
        ok, message = verdict("01.1", wrong)
        assert not ok and fix in message, (wrong, message)
        assert "1000" not in message and "999.5" not in message.replace("'999.5'", "")


def test_01_2_loss_of_the_best_line():
    x, y = sine_data(2000)
    features = torch.stack([x**0, x], dim=1)
    w = torch.linalg.solve(features.T @ features, features.T @ y)  # the worked solution
    line = ((features @ w - y) ** 2).sum().item()
    assert verdict("01.2", line)[0]
    x64, y64 = np.linspace(-np.pi, np.pi, 2000), np.sin(np.linspace(-np.pi, np.pi, 2000))
    cubic = np.vander(x64, 4, increasing=True)
    cubic_loss = np.sum((cubic @ np.linalg.lstsq(cubic, y64, rcond=None)[0] - y64) ** 2)
    for wrong, fix in [(cubic_loss, "best cubic's"), (line / 2000, "mean squared error"),
                       (line**0.5, "square root"), (float(y64 @ y64), "predicting 0")]:
        ok, message = verdict("01.2", wrong)
        assert not ok and fix in message, (wrong, message)
    assert "solve" in verdict("01.2", 500.0)[1]
