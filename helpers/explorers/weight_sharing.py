"""Weight-sharing explorer: one nn.Linear(1, 1) applied twice, y = w(wx + b) + b, trained on
y = 1.233x + 0.988 from a starting point (w0, b0): which of the two exact solutions does it reach?

`train_twice_applied_line` is the plain, tested function; `weight_sharing_explorer` is a thin
ipywidgets layer that calls it and draws the run on the loss surface whenever a slider moves.
"""
import math
from typing import NamedTuple

import numpy as np
import torch

from helpers.explorers import (
    MAX_STEPS,
    check_learning_rate,
    explorer_figure,
    figure_outputs,
)
from helpers.validation import number, whole_number
from helpers.weight_sharing import (  # chapter 09's references; imported from here until 09 moves
    B_RANGE,
    INTERCEPT,
    SLOPE,
    W_RANGE,
    draw_twice_applied_runs,
    loss_surface,
    twice_applied_line_data,
    twice_applied_line_loss,
    twice_applied_line_solutions,
)

STEPS, LEARNING_RATE = 300, 0.05  # Adam: a few hundred steps of about lr each
START_LIMIT = 20.0  # |w0| and |b0| allowed; their starting losses stay below DIVERGED_LOSS
DIVERGED_LOSS = 1e6  # the drawn window's largest loss is about 2e3
CONVERGED_DISTANCE = 0.01  # "converged": the end point is this close to an exact solution
FITS_LOSS, FITS_W = 1e-4, 0.05  # "fits": mean squared error below 1e-4 and w this close
__all__ = ["LineRun", "train_twice_applied_line", "weight_sharing_explorer",  # and, until chapter
           "B_RANGE", "INTERCEPT", "SLOPE", "W_RANGE", "draw_twice_applied_runs",  # 09 imports
           "loss_surface", "twice_applied_line_data", "twice_applied_line_loss"]  # from helpers


class LineRun(NamedTuple):
    """A run: (w, b) before each update, its loss, the exact solution on its side, the verdict."""

    path: np.ndarray  # shape (k, 2): the start first, then one row per update
    losses: np.ndarray  # shape (k,): mean squared error at each row of path
    solution: tuple | None  # the exact (w, b) in the end's region of w (w > 0, w < -1), or None
    outcome: str


def check_settings(w0, b0, steps, learning_rate):
    """Return w0, b0, steps and the learning rate, checked; raise ValueError saying what's wrong."""
    w0, b0 = (number(value, name, -START_LIMIT, START_LIMIT) for value, name in ((w0, "w0"),
                                                                                 (b0, "b0")))
    return w0, b0, whole_number(steps, "steps", 1, MAX_STEPS), check_learning_rate(learning_rate)


def describe(path, losses, diverged_at):
    """Return the LineRun of this path: the exact solution in its region, and a verdict in words."""
    path, losses = np.array(path), np.array(losses)
    # Three regions of w. On the wall w = -1 the intercept b(w + 1) is 0 whatever b is; the best
    # loss for a fixed w peaks on the ridge w = 0. For w > 0 the exact solution there is the
    # positive one, for w < -1 the negative one; between the two lines there is none (the best
    # fits there lie against the wall, with b growing without bound). The end's region is named,
    # not a basin: a run can cross the ridge on its way.
    positive, negative = twice_applied_line_solutions(SLOPE, INTERCEPT)
    w_end = path[-1, 0]
    solution = positive if w_end > 0 else negative if w_end < -1 else None
    steps = len(path) - 1
    if diverged_at is not None:
        outcome = f"diverged at step {diverged_at}: the loss passed {DIVERGED_LOSS:.0e}"
    elif solution is None:
        outcome = (f"not converged after {steps} steps; w ends between the wall w = -1 and the "
                   "ridge w = 0, where no exact solution lies")
    elif math.dist(path[-1], solution) < CONVERGED_DISTANCE:
        outcome = f"converged to ({solution[0]:.4f}, {solution[1]:.4f})"
    elif losses[-1] < FITS_LOSS and abs(w_end - solution[0]) < FITS_W:
        outcome = (f"fits the line near ({solution[0]:.4f}, {solution[1]:.4f}); "
                   f"b is still {path[-1, 1] - solution[1]:+.2f} off")
    else:
        outcome = (f"not converged after {steps} steps; w is on the side of "
                   f"({solution[0]:.4f}, {solution[1]:.4f})")
    return LineRun(path, losses, solution, outcome)


def train_twice_applied_line(w0, b0, steps=STEPS, learning_rate=LEARNING_RATE):
    """Return the LineRun of Adam training one nn.Linear(1, 1), applied twice, from (w0, b0)."""
    w0, b0, steps, learning_rate = check_settings(w0, b0, steps, learning_rate)
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


def new_figure():
    """Return the explorer's empty figure, for the loss surface and its colour bar."""
    return explorer_figure(6.0, 4.5, left=0.11, right=0.97, bottom=0.11, top=0.96)


def draw_run(figure, run):
    """Draw `run` on the loss surface in `figure`: all of it into an empty figure, and only the
    run's path, start and end into one that already shows the surface (no contours redrawn)."""
    if not figure.axes:
        draw_twice_applied_runs([run], ax=figure.subplots())
        for ax in figure.axes:  # the surface and its colour bar: an image inside the SVG
            for collection in ax.collections:
                collection.set_rasterized(True)
    path, start, end = figure.axes[0].get_lines()[:3]  # drawn first, in this order
    path.set_data(run.path[:, 0], run.path[:, 1])
    start.set_data(run.path[:1, 0], run.path[:1, 1])
    end.set_data(run.path[-1:, 0], run.path[-1:, 1])


def run_outputs(run, figure=None):
    """Return the Jupyter outputs (the verdict, the run on the loss surface as PNG) of `run`,
    drawn into `figure` (a new one if None: a widget reuses its own)."""
    start, end = run.path[0], run.path[-1]
    message = (f"start ({start[0]:.2f}, {start[1]:.2f}) -> end ({end[0]:.4f}, {end[1]:.4f}), "
               f"loss {run.losses[-1]:.1e}: {run.outcome}")
    figure = figure or new_figure()
    draw_run(figure, run)
    return figure_outputs(figure, message, picture(run))


def picture(run):
    """Return a text description of what draw_run shows for `run` (the figure's alt text)."""
    (w0, b0), (w, b) = run.path[0], run.path[-1]
    solutions = " and ".join(f"({sw:.2f}, {sb:.2f})" for sw, sb in twice_applied_line_solutions(
        SLOPE, INTERCEPT))
    return (f"Loss surface over w (across, {W_RANGE[0]:g} to {W_RANGE[1]:g}) and b (up, "
            f"{B_RANGE[0]:g} to {B_RANGE[1]:g}), darker where the loss is lower, with the run's "
            f"path from its start ({w0:.2f}, {b0:.2f}) to its end ({w:.2f}, {b:.2f}); stars mark "
            f"the exact solutions {solutions}, a dotted line the wall w = -1.")


def weight_sharing_explorer(steps=STEPS, learning_rate=LEARNING_RATE):
    """Return a widget: pick the start (w0, b0), see which exact solution training reaches."""
    import ipywidgets as widgets

    _, _, steps, learning_rate = check_settings(0.0, 0.0, steps, learning_rate)
    w0 = widgets.FloatSlider(value=0.0, min=W_RANGE[0], max=W_RANGE[1], step=0.1,
                             description="start w0", continuous_update=False)
    b0 = widgets.FloatSlider(value=0.0, min=B_RANGE[0], max=B_RANGE[1], step=0.5,
                             description="start b0", continuous_update=False)
    output, figure = widgets.Output(), new_figure()

    def redraw(change=None):
        run = train_twice_applied_line(w0.value, b0.value, steps, learning_rate)
        output.outputs = run_outputs(run, figure)

    w0.observe(redraw, names="value")
    b0.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox([w0, b0]), output])
