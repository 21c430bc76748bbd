"""Chapter 09's references: the random-depth DynamicNet's best average loss; for one linear layer
applied twice, y = w(wx + b) + b = w²x + b(w + 1), its data, loss, two exact solutions, drawing."""
import functools
import math

import numpy as np
import torch

from helpers.plotting import plot
from helpers.reference import Fit, same_length
from helpers.validation import WrongType, float_array, is_number, point_count, refuse, shown
from helpers.validation import seed as check_seed

EXTRA_TERMS = (0, 1, 2)  # DynamicNet adds no term, e x⁴, or e x⁴ + e x⁵: each 1/3 of the time
SLOPE, INTERCEPT = 1.233, 0.988  # the twice-applied layer's target line (the chapter's blog post)
W_RANGE, B_RANGE = (-3.0, 3.0), (-12.0, 6.0)  # the drawn window; it holds both solutions


def dynamic_net_features(x, extra_terms):
    """Return the (n, 5) float64 features 1, x, x², x³ and the sum of x⁴ ... x^(3+extra_terms)."""
    if extra_terms not in EXTRA_TERMS:
        raise ValueError(f"extra_terms must be one of {EXTRA_TERMS} (got {extra_terms!r})")
    x = float_array(x, "x")
    shared = sum((x**power for power in range(4, 4 + extra_terms)), np.zeros_like(x))
    return np.stack([x**0, x, x**2, x**3, shared], axis=1)  # the 5th column is e's feature


def dynamic_net_losses(coefficients, x, y):
    """Return the summed squared errors of (a, b, c, d, e) under the 0-, 1- and 2-term graphs."""
    coefficients = float_array(coefficients, "coefficients")
    x, y = float_array(x, "x"), float_array(y, "y")
    if coefficients.shape != (5,):
        raise ValueError(f"need the five coefficients a, b, c, d, e (got {len(coefficients)})")
    if len(x) != len(y):
        raise ValueError(f"x and y must have the same length (got {len(x)} and {len(y)})")
    residuals = [dynamic_net_features(x, k) @ coefficients - y for k in EXTRA_TERMS]
    return np.array([float(r @ r) for r in residuals])


def dynamic_net_optimum(x, y):
    """Return the Fit (a, b, c, d, e) with the smallest loss averaged over the three graphs."""
    x, y = float_array(x, "x"), float_array(y, "y")
    if len(x) != len(y) or len(y) < 5:
        raise ValueError(f"need x and y of one length, at least 5 (got {len(x)} and {len(y)})")
    if len(np.unique(x)) < 6:  # x⁰ ... x³ and e's column need that many to be told apart
        raise ValueError(f"x must hold at least 6 distinct values (got {len(np.unique(x))})")
    # The average of three least-squares losses is one least-squares problem on stacked rows.
    features = np.concatenate([dynamic_net_features(x, k) for k in EXTRA_TERMS])
    coefficients, *_ = np.linalg.lstsq(features, np.tile(y, len(EXTRA_TERMS)), rcond=None)
    return Fit(coefficients, float(dynamic_net_losses(coefficients, x, y).mean()))


def twice_applied_line_solutions(slope, intercept):
    """Return both (w, b) with w²x + b(w + 1) = slope·x + intercept: w >= 0 first, then w <= 0."""
    for name, value in (("slope", slope), ("intercept", intercept)):
        if not (is_number(value) and math.isfinite(value)):
            raise (ValueError if is_number(value) else WrongType)(
                f"slope and intercept must be finite numbers (got {name}={shown(value)})")
    slope, intercept = float(slope), float(intercept)
    if slope < 0:
        raise ValueError(f"slope must be >= 0: w² = slope has no real w (got {slope!r})")
    if slope == 1:
        raise ValueError("slope 1 gives w = -1, where b(w + 1) = 0 cannot reach the intercept; "
                         "allowed: any slope >= 0 except 1")
    w = math.sqrt(slope)  # slope 0 gives w = 0 twice: the two solutions coincide
    return (w, intercept / (w + 1)), (-w, intercept / (1 - w))


def twice_applied_line_data(n=100, seed=0):
    """Return x of shape (n, 1), drawn uniformly from [0, 1), and y = 1.233x + 0.988."""
    n, seed = point_count(n), check_seed(seed)
    x = torch.rand(n, 1, generator=torch.Generator().manual_seed(seed))  # its own generator
    return x, SLOPE * x + INTERCEPT


def twice_applied_line_loss(w, b, x, y):
    """Return the mean squared error of w(wx + b) + b for arrays w, b of one shape (NumPy)."""
    w, b = float_array(w, "w", ndim=None), float_array(b, "b", ndim=None)
    if w.shape != b.shape:
        raise ValueError(f"w and b must have the same shape (got {w.shape} and {b.shape})")
    x, y = float_array(x, "x", ndim=None).ravel(), float_array(y, "y", ndim=None).ravel()
    same_length(x, y)
    return ((w[..., None] * (w[..., None] * x + b[..., None]) + b[..., None] - y) ** 2).mean(-1)


@functools.cache
def loss_surface():
    """Return grids w, b over the drawn window and log10 of the loss on them (computed once)."""
    w_grid, b_grid = np.meshgrid(np.linspace(*W_RANGE, 241), np.linspace(*B_RANGE, 241))
    loss = twice_applied_line_loss(w_grid, b_grid, *twice_applied_line_data())
    return w_grid, b_grid, np.log10(loss)


def draw_twice_applied_runs(runs, labels=None, ax=None):
    """Draw the loss surface (log10), both exact solutions and each run's path; return the axes."""
    if not isinstance(runs, list | tuple) or not runs or not all(
            isinstance(getattr(run, "path", None), np.ndarray) for run in runs):
        refuse("runs", "a non-empty list of train_twice_applied_line() runs", runs, WrongType)
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
