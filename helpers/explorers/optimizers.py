"""Optimizer explorer: chapter 07's cubic trained with SGD, momentum, RMSprop or Adam.

`train_with_optimizer` is the plain, tested function; `optimizer_explorer` is a thin ipywidgets
layer that calls it whenever a learner picks another optimizer or learning rate.
"""
import functools
import math
from typing import NamedTuple

import torch

from helpers.cubic import cubic_features, cubic_model
from helpers.data import sine_data
from helpers.device import course_device
from helpers.explorers import (
    DIVERGED,
    MAX_STEPS,
    check_learning_rate,
    diverged_message,
    empty_axes,
    explorer_figure,
    figure_outputs,
)
from helpers.plotting import plot_losses
from helpers.reference import least_squares_fit
from helpers.validation import choice, whole_number
from helpers.validation import seed as check_seed

OPTIMIZERS = {  # name -> how to build it from (parameters, learning rate)
    "SGD": lambda params, lr: torch.optim.SGD(params, lr=lr),
    "momentum": lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9),
    "RMSprop": lambda params, lr: torch.optim.RMSprop(params, lr=lr),
    "Adam": lambda params, lr: torch.optim.Adam(params, lr=lr),
}
LEARNING_RATES = [float(f"{m}e{e}") for e in range(-7, 0) for m in (1, 3)] + [1.0]  # slider
SUGGESTED_LEARNING_RATES = {"SGD": 3e-6, "momentum": 3e-6, "RMSprop": 1e-2, "Adam": 1e-1}


class TrainingRun(NamedTuple):
    """Loss before each update (summed squared error), and the step it diverged at (or None)."""

    losses: list
    diverged_at: int | None


def check_settings(name, learning_rate, steps):
    """Return the learning rate and step count as float and int; raise ValueError if not valid."""
    choice(name, "name", list(OPTIMIZERS))
    return check_learning_rate(learning_rate), whole_number(steps, "steps", 1, MAX_STEPS)


@functools.cache
def best_loss(device):
    """Return the smallest summed squared error a cubic reaches on the sine data on `device`."""
    return least_squares_fit(*sine_data(2000, device=device)).loss


def train_with_optimizer(name, learning_rate, steps=500, seed=0):
    """Return the TrainingRun of the sine cubic under optimizer `name`, stopped if it diverges."""
    learning_rate, steps = check_settings(name, learning_rate, steps)
    seed = check_seed(seed)
    x, y = sine_data(2000)
    features = cubic_features(x)  # shape (2000, 3)
    with torch.random.fork_rng(devices=[]):  # every run starts alike; the caller's RNG is untouched
        torch.default_generator.manual_seed(seed)  # the CPU's alone: GPUs' are not reseeded
        model = cubic_model(x.device)  # drawn on the CPU, then moved
    optimizer = OPTIMIZERS[name](model.parameters(), learning_rate)
    loss_fn, losses = torch.nn.MSELoss(reduction="sum"), []
    for step in range(steps):
        loss = loss_fn(model(features), y)  # forward and loss: summed squared error
        losses.append(loss.item())
        if not math.isfinite(losses[-1]) or losses[-1] > DIVERGED * losses[0]:
            return TrainingRun([v for v in losses if math.isfinite(v)], step)
        optimizer.zero_grad()  # zero: drop the previous step's gradients
        loss.backward()  # backward: d loss / d parameter into .grad
        optimizer.step()  # update: the optimizer's own rule, in place
    return TrainingRun(losses, None)


def new_figure():
    """Return the explorer's empty figure, for the loss curve."""
    return explorer_figure(6.0, 3.6, left=0.14, right=0.97, bottom=0.16, top=0.95)


def run_outputs(run, name, learning_rate, steps, figure=None):
    """Return the Jupyter outputs (a message, the loss curve over `steps` as PNG) for `run`,
    drawn into `figure` (emptied first; a new one if None: a widget reuses its own)."""
    optimum, label = best_loss(str(course_device())), f"{name}, lr {learning_rate:.0e}"
    if run.diverged_at is not None:
        message = diverged_message(label, run.diverged_at)
    else:
        gap = max(0.0, 100 * (run.losses[-1] / optimum - 1))  # float32 may dip a hair below
        message = f"{label}: final loss {run.losses[-1]:.4f}, {gap:.2f}% above the optimum"
    figure = figure or new_figure()
    ax = plot_losses({label: run.losses}, optimum=optimum, ax=empty_axes(figure, 1)[0])
    ax.set_xlim(0, steps)  # a diverged run stops early: show where, on the full axis
    return figure_outputs(figure, message)


def optimizer_explorer(steps=500):
    """Return a widget: pick an optimizer and learning rate, see its loss curve and the optimum."""
    import ipywidgets as widgets

    _, steps = check_settings("SGD", SUGGESTED_LEARNING_RATES["SGD"], steps)
    name = widgets.Dropdown(options=list(OPTIMIZERS), value="SGD", description="optimizer")
    rate = widgets.SelectionSlider(options=[(f"{r:.0e}", r) for r in LEARNING_RATES],
                                   value=SUGGESTED_LEARNING_RATES["SGD"],
                                   description="learning rate", continuous_update=False)
    output, figure = widgets.Output(), new_figure()

    def redraw(change=None):
        run = train_with_optimizer(name.value, rate.value, steps)
        output.outputs = run_outputs(run, name.value, rate.value, steps, figure)

    def pick(change):  # a new optimizer starts at its suggested learning rate
        if rate.value == SUGGESTED_LEARNING_RATES[change.new]:
            redraw()
        rate.value = SUGGESTED_LEARNING_RATES[change.new]  # redraws when it changes the value

    name.observe(pick, names="value")
    rate.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox([name, rate]), output])
