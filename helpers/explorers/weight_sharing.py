"""Weight-sharing explorer: one nn.Linear(1, 1) applied twice, y = w(wx + b) + b, trained on
y = 1.233x + 0.988 from a starting point (w0, b0): which of the two exact solutions does it reach?

`train_twice_applied_line` is the plain, tested function; `weight_sharing_explorer` is a thin
ipywidgets layer that calls it and draws the run on the loss surface whenever a slider moves.
"""
import functools
import math
from typing import NamedTuple

import numpy as np
import torch

from helpers.explorers import check_learning_rate, figure_outputs
from helpers.plotting import plot
from helpers.weight_sharing import twice_applied_line_solutions

SLOPE, INTERCEPT = 1.233, 0.988  # the target line of the blog post the chapter follows
STEPS, LEARNING_RATE = 300, 0.05  # Adam: a few hundred steps of about lr each
W_RANGE, B_RANGE = (-3.0, 3.0), (-12.0, 6.0)  # the drawn window; it holds both solutions
START_LIMIT = 20.0  # |w0| and |b0| allowed; their starting losses stay below DIVERGED_LOSS
DIVERGED_LOSS = 1e6  # the drawn window's largest loss is about 2e3
CONVERGED_DISTANCE = 0.01  # "converged": the end point is this close to an exact solution
FITS_LOSS, FITS_W = 1e-4, 0.05  # "fits": mean squared error below 1e-4 and w this close


class LineRun(NamedTuple):
    """A run: (w, b) before each update, its loss, the exact solution on its side, the verdict."""

    path: np.ndarray  # shape (k, 2): the start first, then one row per update
    losses: np.ndarray  # shape (k,): mean squared error at each row of path
    solution: tuple  # the exact (w, b) on the same side of the wall w = -1 as the end of path
    outcome: str


def twice_applied_line_data(n=100, seed=0):
    """Return x of shape (n, 1), drawn uniformly from [0, 1), and y = 1.233x + 0.988."""
    if int(n) != n or n < 2:
        raise ValueError(f"n must be a whole number of points, at least 2 (got {n!r})")
    x = torch.rand(int(n), 1, generator=torch.Generator().manual_seed(seed))  # own generator
    return x, SLOPE * x + INTERCEPT


def twice_applied_line_loss(w, b, x, y):
    """Return the mean squared error of w(wx + b) + b for arrays w, b of one shape (NumPy)."""
    w, b = np.asarray(w, dtype=np.float64)[..., None], np.asarray(b, dtype=np.float64)[..., None]
    x, y = np.asarray(x, dtype=np.float64).ravel(), np.asarray(y, dtype=np.float64).ravel()
    return ((w * (w * x + b) + b - y) ** 2).mean(axis=-1)  # shape of w and b


def check_settings(w0, b0, steps, learning_rate):
    """Return None if a run's settings are valid; raise ValueError saying why not."""
    for name, value in (("w0", w0), ("b0", b0)):
        if not (isinstance(value, int | float) and abs(value) <= START_LIMIT):
            raise ValueError(f"{name} must be a number from -{START_LIMIT:g} to {START_LIMIT:g} "
                             f"(got {value!r})")
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps must be a whole number >= 1 (got {steps!r})")
    check_learning_rate(learning_rate)


def describe(path, losses, diverged_at):
    """Return the LineRun of this path: the exact solution on its side, and a verdict in words."""
    path, losses = np.array(path), np.array(losses)
    # On the line w = -1 the intercept b(w + 1) is 0 whatever b is: the model is y = x there, a
    # wall of equal loss between the halves w > -1 (positive solution) and w < -1 (negative).
    positive, negative = twice_applied_line_solutions(SLOPE, INTERCEPT)
    w, b = positive if path[-1, 0] > -1 else negative
    name = f"({w:.4f}, {b:.4f})"
    if diverged_at is not None:
        outcome = f"diverged at step {diverged_at}: the loss passed {DIVERGED_LOSS:.0e}"
    elif math.dist(path[-1], (w, b)) < CONVERGED_DISTANCE:
        outcome = f"converged to {name}"
    elif losses[-1] < FITS_LOSS and abs(path[-1, 0] - w) < FITS_W:
        outcome = f"fits the line near {name}; b is still {path[-1, 1] - b:+.2f} off"
    else:
        outcome = f"not converged after {len(path) - 1} steps; on the side of {name}"
    return LineRun(path, losses, (w, b), outcome)


def train_twice_applied_line(w0, b0, steps=STEPS, learning_rate=LEARNING_RATE):
    """Return the LineRun of Adam training one nn.Linear(1, 1), applied twice, from (w0, b0)."""
    check_settings(w0, b0, steps, learning_rate)
    x, y = twice_applied_line_data()  # x, y: shape (100, 1)
    layer = torch.nn.utils.skip_init(torch.nn.Linear, 1, 1)  # no random draw: we set w, b
    with torch.no_grad():
        layer.weight.fill_(w0)
        layer.bias.fill_(b0)
    optimizer, loss_fn = torch.optim.Adam(layer.parameters(), lr=learning_rate), torch.nn.MSELoss()
    path, losses = [], []
    for step in range(steps + 1):
        loss = loss_fn(layer(layer(x)), y)  # forward: the same layer twice; loss: mean sq. error
        if not loss.item() < DIVERGED_LOSS:  # also true for nan
            return describe(path, losses, step)
        path.append((layer.weight.item(), layer.bias.item()))
        losses.append(loss.item())
        if step < steps:
            optimizer.zero_grad()  # zero: drop the previous step's gradients
            loss.backward()  # backward: each use of w and b adds its share to .grad
            optimizer.step()  # update: Adam's step, about learning_rate long per parameter
    return describe(path, losses, None)


@functools.cache
def loss_surface():
    """Return grids w, b over the drawn window and log10 of the loss on them (computed once)."""
    w_grid, b_grid = np.meshgrid(np.linspace(*W_RANGE, 241), np.linspace(*B_RANGE, 241))
    loss = twice_applied_line_loss(w_grid, b_grid, *twice_applied_line_data())
    return w_grid, b_grid, np.log10(loss)


def draw_twice_applied_runs(runs, labels=None, ax=None):
    """Draw the loss surface (log10), both exact solutions and each run's path; return the axes."""
    ax = plot([run.path[:, 0] for run in runs], [run.path[:, 1] for run in runs], labels=labels,
              xlabel="w", ylabel="b", ax=ax)  # new axes unless ax is given
    surface = ax.contourf(*loss_surface(), levels=20, cmap="Greys_r", zorder=0)
    ax.figure.colorbar(surface, ax=ax, label="log10 loss")
    for line, run in zip(ax.get_lines(), runs, strict=True):
        ax.plot(*run.path[0], "o", color=line.get_color())  # start
        ax.plot(*run.path[-1], "X", color=line.get_color(), markeredgecolor="white")  # end
    ax.axvline(-1.0, color="black", linestyle=":", linewidth=1)  # the wall w = -1
    for w, b in twice_applied_line_solutions(SLOPE, INTERCEPT):
        ax.plot(w, b, "*", color="gold", markersize=16, markeredgecolor="black", zorder=3)
    ax.set(xlim=W_RANGE, ylim=B_RANGE)
    return ax


def run_outputs(run):
    """Return the Jupyter outputs (the verdict, the run on the loss surface as PNG) of `run`."""
    from matplotlib.figure import Figure

    start, end = run.path[0], run.path[-1]
    message = (f"start ({start[0]:.2f}, {start[1]:.2f}) -> end ({end[0]:.4f}, {end[1]:.4f}), "
               f"loss {run.losses[-1]:.1e}: {run.outcome}")
    figure = Figure(figsize=(6.0, 4.5), layout="tight")
    draw_twice_applied_runs([run], ax=figure.subplots())
    return figure_outputs(figure, message)


def weight_sharing_explorer(steps=STEPS, learning_rate=LEARNING_RATE):
    """Return a widget: pick the start (w0, b0), see which exact solution training reaches."""
    import ipywidgets as widgets

    check_settings(0.0, 0.0, steps, learning_rate)
    w0 = widgets.FloatSlider(value=0.0, min=W_RANGE[0], max=W_RANGE[1], step=0.1,
                             description="start w0", continuous_update=False)
    b0 = widgets.FloatSlider(value=0.0, min=B_RANGE[0], max=B_RANGE[1], step=0.5,
                             description="start b0", continuous_update=False)
    output = widgets.Output()

    def redraw(change=None):
        run = train_twice_applied_line(w0.value, b0.value, steps, learning_rate)
        output.outputs = run_outputs(run)

    w0.observe(redraw, names="value")
    b0.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox([w0, b0]), output])
