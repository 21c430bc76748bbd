"""Plots: the right curves, scales and reference line, and clear errors."""
import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

from helpers import plot, plot_fit, plot_losses, sine_data


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_plot_fit_draws_target_and_fit_from_tensors():
    x, y = sine_data(50)
    ax = plot_fit(x, y, 0.9 * x, label="line")
    assert [line.get_label() for line in ax.get_lines()] == ["target", "line"]
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), y.numpy())


def test_plot_fit_accepts_several_curves():
    x, y = sine_data(50)
    ax = plot_fit(x, y, {"a": x, "b": -x})
    assert [line.get_label() for line in ax.get_lines()] == ["target", "a", "b"]


def test_plot_losses_is_log_scaled_with_the_optimum_dashed():
    ax = plot_losses([100.0, 20.0, 9.0], optimum=8.8172)
    assert ax.get_yscale() == "log"
    curve, optimum = ax.get_lines()
    np.testing.assert_allclose(curve.get_xdata(), [1, 2, 3])
    assert optimum.get_linestyle() == "--"
    assert optimum.get_ydata()[0] == pytest.approx(8.8172)
    assert "optimum 8.8172" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_plot_losses_draws_one_curve_per_name():
    ax = plot_losses({"SGD": [3.0, 2.0], "Adam": [3.0, 1.0, 0.5]})
    assert [line.get_label() for line in ax.get_lines()] == ["SGD", "Adam"]


def test_plot_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match="same shape"):
        plot([torch.zeros(3)], [torch.zeros(4)])
    with pytest.raises(ValueError, match="one x per y"):
        plot([torch.zeros(3)], [torch.zeros(3), torch.zeros(3)])
    with pytest.raises(ValueError, match="one label per curve"):
        plot([np.zeros(3)], [np.zeros(3)], labels=["a", "b"])
