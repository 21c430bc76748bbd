"""Learning-rate explorer: chapter 02's gradient descent at any learning rate and step count.

`train_cubic` is the plain, tested function; `learning_rate_explorer` is a thin ipywidgets layer
that calls it whenever a learner moves a slider, and draws the loss curve and the fitted cubic.
"""
import functools
import math
from typing import NamedTuple

import numpy as np

from helpers.explorers import (
    DIVERGED,
    check_learning_rate,
    check_start,
    diverged_message,
    empty_axes,
    explorer_figure,
    figure_outputs,
)
from helpers.gradients import squared_error_and_gradient
from helpers.plotting import plot_fit, plot_losses
from helpers.reference import least_squares_fit, sine_points
from helpers.validation import seed as check_seed
from helpers.validation import whole_number

MAX_STEPS = 5_000
RATE_EXPONENTS, STEP_SLIDER = (-8, -4), (100, MAX_STEPS, 100)  # the sliders: 1e-8 to 1e-4, ...


class LearningRateRun(NamedTuple):
    """Loss at steps 1, 2, ... (before each update), final coefficients, step it diverged at."""

    losses: list
    coefficients: np.ndarray
    diverged_at: int | None


@functools.cache
def sine_problem():
    """Return chapter 02's float64 features (2000, 4) (columns 1, x, x², x³), x and sin(x)."""
    x, y = sine_points()
    return np.vander(x, 4, increasing=True), x, y


def check_settings(learning_rate, steps):
    """Return the learning rate and step count as float and int; raise ValueError if not valid."""
    return check_learning_rate(learning_rate), whole_number(steps, "steps", 1, MAX_STEPS)


@functools.cache
def best_loss():
    """Return the smallest summed squared error a cubic reaches on chapter 02's data."""
    _, x, y = sine_problem()
    return least_squares_fit(x, y).loss


def train_cubic(learning_rate, steps=2000, seed=0):
    """Return the LearningRateRun of chapter 02's gradient descent, stopped if it diverges."""
    learning_rate, steps = check_settings(learning_rate, steps)
    features, _, y = sine_problem()
    coefficients = np.random.RandomState(check_seed(seed)).randn(4)  # chapter 02's a, b, c, d
    losses = []
    with np.errstate(over="ignore", invalid="ignore"):  # a huge rate may overflow: caught below
        for step in range(1, steps + 1):
            loss, gradient = squared_error_and_gradient(features, y, coefficients)  # fwd, bwd
            if not math.isfinite(loss) or (losses and loss > DIVERGED * losses[0]):
                finite = [float(loss)] if math.isfinite(loss) else []
                return LearningRateRun(losses + finite, coefficients, step)
            losses.append(float(loss))
            coefficients = coefficients - learning_rate * gradient  # update
    return LearningRateRun(losses, coefficients, None)


def describe(run, learning_rate):
    """Return one line saying how the run at `learning_rate` ended, compared with the optimum."""
    if run.diverged_at is not None:
        return diverged_message(f"learning rate {learning_rate:.2e}", run.diverged_at)
    final, best = run.losses[-1], best_loss()
    return (f"learning rate {learning_rate:.2e}: loss {final:.4f} after {len(run.losses)} steps, "
            f"{max(0.0, 100 * (final / best - 1)):.2f}% above the optimum {best:.4f}")


def new_figure():
    """Return the explorer's empty figure: the loss curve on the left, the fit on the right."""
    return explorer_figure(11, 3.6, left=0.07, right=0.985, bottom=0.15, top=0.96, wspace=0.2)


def run_outputs(run, learning_rate, figure=None):
    """Return the Jupyter outputs (the message, then loss curve and fit as a PNG) for `run`,
    drawn into `figure` (emptied first; a new one if None: a widget reuses its own)."""
    features, x, y = sine_problem()
    figure = figure or new_figure()
    losses_axes, fit_axes = empty_axes(figure, 2)
    plot_losses(run.losses, optimum=best_loss(), ax=losses_axes)
    if run.diverged_at is None:  # a diverged run has no fit worth drawing
        plot_fit(x, y, features @ run.coefficients, label="gradient descent", ax=fit_axes)
    else:
        fit_axes.set_axis_off()
        fit_axes.text(0.5, 0.5, f"diverged at step {run.diverged_at}", ha="center", fontsize=14)
    message = describe(run, learning_rate)
    return figure_outputs(figure, message)


def learning_rate_explorer(learning_rate=1e-6, steps=2000):
    """Return a widget: log learning-rate and step sliders, the loss curve and fit they give."""
    import ipywidgets as widgets

    learning_rate, steps = check_settings(learning_rate, steps)  # fail early, with its message
    check_start(learning_rate, "learning_rate", *(10.0**e for e in RATE_EXPONENTS))
    low, high, notch = STEP_SLIDER
    check_start(steps, "steps", low, high)
    rate = widgets.FloatLogSlider(value=learning_rate, base=10, min=RATE_EXPONENTS[0],
                                  max=RATE_EXPONENTS[1], step=0.01, description="learning rate",
                                  readout_format=".2e", continuous_update=False)
    count = widgets.IntSlider(value=steps, min=low, max=high, step=notch,
                              description="steps", continuous_update=False)
    output, figure = widgets.Output(), new_figure()

    def redraw(change=None):
        output.outputs = run_outputs(train_cubic(rate.value, count.value), rate.value, figure)

    rate.observe(redraw, names="value")
    count.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox([rate, count]), output])
