"""Plots: the right curves, scales and reference line, and clear errors."""
import math

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


def test_plot_refuses_one_tensor_each_instead_of_lists_of_curves():
    x, y = sine_data(50)
    with pytest.raises(TypeError, match=r"xs must be a list of curves, one per line: plot\(\[x\]"):
        plot(x, y)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"xs": [["1", "2"]], "ys": [[1.0, 2.0]]}, "each of xs must be a tensor, array or list"),
    ({"xs": [[1.0]], "ys": [[1.0]], "yscale": "bogus"}, "yscale must be one of linear, log"),
    ({"xs": [[1.0]], "ys": [[1.0]], "hline": 5}, r"hline must be a pair \(value, label\)"),
    ({"xs": [[1.0]], "ys": [[1.0]], "ax": "x"}, "ax must be a matplotlib Axes or None")])
def test_plot_names_the_bad_argument(kwargs, message):
    with pytest.raises(ValueError, match=message):
        plot(**kwargs)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"losses": []}, "losses must be at least 1 long"), ({"losses": None}, "losses"),
    ({"losses": [2.0], "optimum": 0.0}, "optimum must be a positive finite number"),
    ({"losses": [2.0], "optimum": math.nan}, "optimum"),
    ({"losses": [2.0], "optimum": True}, "optimum")])
def test_plot_losses_refuses_what_a_log_scale_cannot_show(kwargs, message):
    with pytest.raises(ValueError, match=message):
        plot_losses(**kwargs)


def test_log_axes_label_powers_of_ten_in_plain_text():
    from helpers.plotting import power_of_ten

    assert [power_of_ten(v) for v in (1e3, 1e-6, 1.0, 2e3, 0.0)] == ["10³", "10⁻⁶", "10⁰", "", ""]
    assert plot_losses([1e3, 10.0]).yaxis.get_major_formatter()(100.0) == "10²"


def test_overlapping_curves_differ_in_colour_and_line_style():
    from helpers import use_course_style

    x, _ = sine_data(50)
    with plt.rc_context():  # the course's style for this test only
        use_course_style()
        ax = plot([x] * 4, [torch.cos(x), torch.cos(x), x, -x], labels=["grad", "cos", "c", "d"])
    styles = [(line.get_color(), line.get_linestyle()) for line in ax.get_lines()]
    assert len({color for color, _ in styles}) == len({style for _, style in styles}) == 4
    assert styles[0][1] == "-" and styles[1][1] == "--"  # 04: backward's curve, then cos(x)


def test_describe_names_the_axes_scale_and_curves():
    from helpers.plotting import describe

    ax = plot_losses({"SGD": [3.0, 2.0], "Adam": [3.0, 1.0]}, optimum=0.5)
    assert describe(ax.figure) == (
        "Plot of loss against step (log scale): SGD, Adam, optimum 0.5000.")
    figure = plt.figure()
    figure.add_subplot(1, 2, 1).plot([1, 2])
    figure.add_subplot(1, 2, 2, title="right").scatter([1], [2])
    assert describe(figure) == ("Plot of y against x: 1 unlabelled curve; "
                                "right: plot of y against x: 1 unlabelled curve.")
    figure.axes[1].set_axis_off()  # a notice in place of a plot: its text is what it shows
    figure.axes[1].text(0.5, 0.5, "diverged at step 2")
    assert describe(figure) == "Plot of y against x: 1 unlabelled curve; diverged at step 2."


def test_jupyter_shows_figures_as_retina_pngs_with_alt_text(monkeypatch):
    import base64
    import struct

    from IPython.core.interactiveshell import InteractiveShell

    from helpers import use_course_style
    from helpers.plotting import describe

    shell = InteractiveShell.instance()
    try:
        monkeypatch.setattr(plt, "get_backend", lambda: "module://matplotlib_inline.backend_inline")
        style = use_course_style()
        x, y = sine_data(50)
        figure = plot_fit(x, y, 0.9 * x).figure
        data, metadata = shell.display_formatter.format(figure)
    finally:
        InteractiveShell.clear_instance()
    png = base64.b64decode(data["image/png"])
    pixels = struct.unpack(">II", png[16:24])  # the PNG's IHDR: width, height
    shown = [round(inches * style["figure.dpi"]) for inches in style["figure.figsize"]]
    assert [metadata["image/png"][key] for key in ("width", "height")] == shown == [480, 288]
    assert list(pixels) == [2 * size for size in shown]  # retina: twice the pixels
    assert style["figure.autolayout"] and plt.rcParams["figure.autolayout"]  # labels fit, 1 pass
    assert b"Software" not in png and b"Matplotlib" not in png  # no version: stored PNGs stay put
    assert metadata["image/png"]["alt"] == describe(figure) == (
        "Plot of y against x: target, fitted.")
