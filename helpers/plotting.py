"""Plotting: one `plot` entry point in one style, and the two figures every chapter draws."""
import matplotlib.pyplot as plt
import numpy as np

from helpers.reference import to_float64

STYLE = {
    "figure.figsize": (6.0, 3.6),
    "figure.dpi": 80,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "figure.autolayout": True,  # fit labels in one pass (the inline backend's "tight" draws twice)
}


def use_course_style():
    """Apply the course's matplotlib style (size, grid, no top/right frame) and return it."""
    plt.rcParams.update(STYLE)
    if "inline" in plt.get_backend():  # in Jupyter: autolayout fits the labels, skip a redraw
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png", bbox_inches=None)
    return STYLE


def plot(xs, ys, labels=None, xlabel=None, ylabel=None, yscale="linear", hline=None, ax=None):
    """Draw each (x, y) pair as a line on one axes (new unless `ax` given); return the axes."""
    if len(xs) != len(ys):
        raise ValueError(f"need one x per y curve (got {len(xs)} xs and {len(ys)} ys)")
    labels = labels if labels is not None else [None] * len(ys)
    if len(labels) != len(ys):
        raise ValueError(f"need one label per curve (got {len(labels)} for {len(ys)} curves)")
    ax = ax if ax is not None else plt.figure().gca()
    for x, y, label in zip(xs, ys, labels, strict=True):
        x, y = to_float64(x), to_float64(y)
        if x.shape != y.shape:
            raise ValueError(f"x and y must have the same shape (got {x.shape} and {y.shape})")
        ax.plot(x, y, label=label)
    if hline is not None:
        value, label = hline
        ax.axhline(value, color="black", linestyle="--", linewidth=1, label=label)
    ax.set(xlabel=xlabel, ylabel=ylabel, yscale=yscale)
    if any(labels) or hline is not None:
        ax.legend()
    return ax


def plot_fit(x, y, fitted, label="fitted", ax=None):
    """Draw the target y = sin(x) against a fitted curve (or a dict of them); return the axes."""
    curves = fitted if isinstance(fitted, dict) else {label: fitted}
    return plot([x] * (len(curves) + 1), [y, *curves.values()], ["target", *curves],
                xlabel="x", ylabel="y", ax=ax)


def plot_losses(losses, optimum=None, ax=None):
    """Draw loss curves (a list, or a dict of lists) on a log scale with the optimum dashed."""
    curves = losses if isinstance(losses, dict) else {"training loss": losses}
    steps = [np.arange(1, len(curve) + 1) for curve in curves.values()]
    hline = None if optimum is None else (optimum, f"optimum {optimum:.4f}")
    return plot(steps, list(curves.values()), list(curves), xlabel="step", ylabel="loss",
                yscale="log", hline=hline, ax=ax)
