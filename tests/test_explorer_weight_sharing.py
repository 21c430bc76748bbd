"""The weight-sharing explorer: the plain training function against independent computations
(the loss formula in NumPy, Adam's first step, the exact solutions), then the widget headlessly."""
import math

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

from helpers import (
    draw_twice_applied_runs,
    train_twice_applied_line,
    twice_applied_line_data,
    twice_applied_line_loss,
    twice_applied_line_solutions,
    weight_sharing_explorer,
)
from helpers.weight_sharing import loss_surface

POSITIVE, NEGATIVE = twice_applied_line_solutions(1.233, 0.988)


def test_data_are_the_line_at_uniform_points_and_leave_the_global_generator_alone():
    torch.manual_seed(5)
    expected = torch.rand(2)
    torch.manual_seed(5)
    x, y = twice_applied_line_data(50, seed=3)
    assert torch.equal(torch.rand(2), expected)
    assert x.shape == y.shape == (50, 1) and 0 <= x.min() and x.max() < 1
    torch.testing.assert_close(y, 1.233 * x + 0.988)
    assert torch.equal(twice_applied_line_data(50, seed=3)[0], x)
    with pytest.raises(ValueError, match="at least 2"):
        twice_applied_line_data(1)


def test_loss_formula_matches_nn_linear_applied_twice():
    x, y = twice_applied_line_data()
    layer = torch.nn.Linear(1, 1)
    with torch.no_grad():
        layer.weight.fill_(-0.7)
        layer.bias.fill_(2.5)
    expected = torch.nn.functional.mse_loss(layer(layer(x)), y).item()
    assert twice_applied_line_loss(-0.7, 2.5, x, y) == pytest.approx(expected, rel=1e-6)
    assert twice_applied_line_loss(*POSITIVE, x, y) < 1e-12  # y is float32: not exactly 0


def test_the_line_w_equals_minus_one_is_a_wall_of_equal_loss():
    x, y = twice_applied_line_data()
    on_wall = twice_applied_line_loss(np.full(5, -1.0), np.linspace(-12, 6, 5), x, y)
    np.testing.assert_allclose(on_wall, np.mean((x.numpy() - y.numpy()) ** 2))  # model is y = x


def test_from_the_origin_training_converges_to_the_positive_solution():
    run = train_twice_applied_line(0.0, 0.0)
    assert run.path.shape == (301, 2) and run.losses.shape == (301,)
    assert tuple(run.path[0]) == (0.0, 0.0) and run.solution == POSITIVE
    assert math.dist(run.path[-1], POSITIVE) < 0.01
    assert run.outcome == "converged to (1.1104, 0.4682)"
    x, y = twice_applied_line_data()
    np.testing.assert_allclose(run.losses, twice_applied_line_loss(*run.path.T, x, y),
                               rtol=1e-4, atol=1e-9)  # each loss is the formula's at its point


def test_the_first_step_is_adams_learning_rate_against_the_analytic_gradient():
    w, b, lr = 0.3, -2.0, 0.05
    x, y = (v.double().numpy().ravel() for v in twice_applied_line_data())
    residual = w * (w * x + b) + b - y  # d/dw of the mean square: mean(2 r (2wx + b))
    gradient = np.array([np.mean(2 * residual * (2 * w * x + b)), np.mean(2 * residual * (w + 1))])
    run = train_twice_applied_line(w, b, steps=1, learning_rate=lr)
    np.testing.assert_allclose(run.path[1] - run.path[0], -lr * np.sign(gradient), rtol=1e-4)


@pytest.mark.parametrize("start", [(-2.0, -10.0), (2.0, -10.0), (-1.1, -9.0)])
def test_from_low_starts_training_fits_the_line_with_the_negative_solution(start):
    run = train_twice_applied_line(*start)
    assert run.solution == NEGATIVE and run.losses[-1] < 1e-4
    assert abs(run.path[-1, 0] - NEGATIVE[0]) < 0.05  # w is pinned; b only loosely (flat valley)
    assert run.outcome.startswith("fits the line near (-1.1104, -8.9488); b is still ")


def test_a_start_above_the_saddle_runs_off_along_the_valley_and_says_so():
    run = train_twice_applied_line(-3.0, 5.0)
    assert run.losses[-1] > 1e-3 and -1 < run.path[-1, 0] < 0  # heading for w = -1, b = +inf
    assert run.solution is None and run.outcome == (
        "not converged after 300 steps; w ends between the wall w = -1 and the ridge w = 0, "
        "where no exact solution lies")


def test_an_end_right_of_the_ridge_is_on_the_positive_solutions_side():
    run = train_twice_applied_line(2.0, 2.0, steps=10)
    assert run.path[-1, 0] > 0 and run.solution == POSITIVE
    assert run.outcome.endswith("w is on the side of (1.1104, 0.4682)")


def test_a_far_too_large_rate_is_reported_as_divergence_without_nan():
    run = train_twice_applied_line(3.0, 6.0, learning_rate=100.0)
    assert run.outcome == "diverged at step 1: the loss passed 1e+06"
    assert run.path.shape == (1, 2) and np.isfinite(run.path).all()
    assert np.isfinite(run.losses).all()


def test_training_leaves_the_callers_random_state_alone():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    train_twice_applied_line(0.5, 0.5, steps=3)
    assert torch.equal(torch.rand(3), expected)


@pytest.mark.parametrize(("args", "message"), [
    ((25.0, 0.0, 10, 0.05), "w0 must be a number from -20 to 20"),
    ((0.0, math.nan, 10, 0.05), "b0 must be a number"), ((0.0, 0.0, 0, 0.05), "steps"),
    ((0.0, 0.0, 2.5, 0.05), "steps"), ((0.0, 0.0, 10, 0.0), "learning_rate"),
    ((0.0, 0.0, 10, True), "learning_rate"), ((0.0, 0.0, 10, "0.1"), "learning_rate")])
def test_bad_settings_are_rejected(args, message):
    with pytest.raises(ValueError, match=message):
        train_twice_applied_line(*args)


def test_the_drawn_surface_is_log10_of_the_loss_over_the_window():
    w_grid, b_grid, log_loss = loss_surface()
    assert (w_grid.min(), w_grid.max(), b_grid.min(), b_grid.max()) == (-3, 3, -12, 6)
    x, y = twice_applied_line_data()
    i, j = 37, 150
    assert 10 ** log_loss[i, j] == pytest.approx(
        float(torch.nn.functional.mse_loss(w_grid[i, j] * (w_grid[i, j] * x + b_grid[i, j])
                                           + b_grid[i, j], y)), rel=1e-5)


def test_the_drawing_marks_both_solutions_and_each_path():
    runs = [train_twice_applied_line(0.0, 0.0, steps=5), train_twice_applied_line(-2.0, -10.0, 5)]
    ax = draw_twice_applied_runs(runs, labels=["a", "b"])
    stars = [line for line in ax.get_lines() if line.get_marker() == "*"]
    assert sorted((s.get_xdata()[0], s.get_ydata()[0]) for s in stars) == sorted([POSITIVE,
                                                                                   NEGATIVE])
    np.testing.assert_allclose(ax.get_lines()[1].get_ydata(), runs[1].path[:, 1])
    plt.close("all")


def printed(output):
    return "".join(o.get("text", "") for o in output.outputs if o["output_type"] == "stream")


def test_the_widget_draws_a_run_and_redraws_when_a_slider_moves():
    widget = weight_sharing_explorer(steps=20)
    (w0, b0), output = widget.children[0].children, widget.children[1]
    assert printed(output).startswith("start (0.00, 0.00) -> end (")
    assert "path from its start (0.00, 0.00) to its end (" in output.outputs[1]["data"]["text/html"]
    before = output.outputs
    w0.value = -2.0
    b0.value = -10.0
    assert output.outputs != before
    assert printed(output).startswith("start (-2.00, -10.00) -> end (")
    assert "(-1.1104, -8.9488)" in printed(output)


def test_the_widget_rejects_bad_settings():
    with pytest.raises(ValueError, match="steps"):
        weight_sharing_explorer(steps=0)


def test_the_old_import_path_of_chapter_09_still_works():
    from helpers.explorers import weight_sharing as explorer

    assert explorer.twice_applied_line_data is twice_applied_line_data
    assert explorer.draw_twice_applied_runs is draw_twice_applied_runs
    assert explorer.twice_applied_line_loss is twice_applied_line_loss


def test_steps_and_starts_are_bounded_on_both_sides():
    from helpers.explorers import MAX_STEPS
    from helpers.explorers.weight_sharing import check_settings

    assert check_settings(np.float32(20.0), -20, np.int64(MAX_STEPS), 0.05) == (
        20.0, -20.0, MAX_STEPS, 0.05)
    for args, message in (((True, 0.0, 10, 0.05), "w0"), ((0.0, 0.0, MAX_STEPS + 1, 0.05),
                                                          "steps must be a whole number from 1")):
        with pytest.raises(ValueError, match=message):
            train_twice_applied_line(*args)
    with pytest.raises(ValueError, match="steps must be a whole number from 1 to 10000"):
        weight_sharing_explorer(steps=10**9)


def test_the_loss_refuses_nan_and_mismatched_data():
    x, y = twice_applied_line_data()
    with pytest.raises(ValueError, match="w must hold finite numbers"):
        twice_applied_line_loss(math.nan, 0.0, x, y)
    with pytest.raises(ValueError, match="x and y must have the same shape"):
        twice_applied_line_loss(0.0, 0.0, x[:5], y)
    with pytest.raises(TypeError, match="runs must be a non-empty list"):
        draw_twice_applied_runs([])
