"""The learning-rate explorer: the plain training function, then the widget built headlessly."""
import math

import numpy as np
import pytest

from helpers import learning_rate_explorer, least_squares_fit, train_cubic
from helpers.explorers.learning_rate import DIVERGED, MAX_STEPS, run_outputs
from helpers.gradients import descent_loss

X = np.linspace(-np.pi, np.pi, 2000)
Y = np.sin(X)
BEST = least_squares_fit(X, Y).loss
START = np.random.RandomState(0).randn(4)  # chapter 02's start: np.random.randn(4) after seed 0
LIMIT = 1 / np.linalg.eigvalsh(np.vander(X, 4).T @ np.vander(X, 4)).max()  # 2 / max eig of 2X^TX


def test_a_small_rate_follows_the_closed_form_path_towards_the_optimum():
    run = train_cubic(3e-6, 2000)
    assert run.diverged_at is None and len(run.losses) == 2000
    expected = [descent_loss(X, Y, START, 3e-6, k) for k in (0, 10, 1999)]
    np.testing.assert_allclose([run.losses[k] for k in (0, 10, 1999)], expected, rtol=1e-9)
    assert BEST <= run.losses[-1] < 1.0001 * BEST  # 3e-6 converges in 2,000 steps


def test_the_final_coefficients_are_the_ones_after_every_update():
    run = train_cubic(1e-6, 500)
    final = (np.vander(X, 4, increasing=True) @ run.coefficients - Y) ** 2
    assert final.sum() == pytest.approx(descent_loss(X, Y, START, 1e-6, 500), rel=1e-9)


def test_a_too_large_rate_reports_the_step_it_diverged_at_without_nan():
    run = train_cubic(1.1 * LIMIT, 2000)
    step = run.diverged_at
    assert step is not None and len(run.losses) == step
    assert all(math.isfinite(v) for v in run.losses)
    losses = [descent_loss(X, Y, START, 1.1 * LIMIT, k) for k in range(step)]  # steps 1..N
    assert max(losses[:-1]) <= DIVERGED * losses[0] < losses[-1]  # step N is the first to blow up
    assert train_cubic(0.98 * LIMIT, 2000).diverged_at is None


def test_an_overflowing_rate_stops_before_any_nan():
    run = train_cubic(1e300, 100)
    assert run.diverged_at == 2 and all(math.isfinite(v) for v in run.losses)


@pytest.mark.parametrize(("rate", "steps"), [(0.0, 10), (-1e-6, 10), (math.nan, 10), (math.inf, 10),
                                             ("1e-6", 10), (True, 10), (1e-6, 0), (1e-6, 2.5),
                                             (1e-6, MAX_STEPS + 1)])
def test_bad_rate_or_steps_are_rejected(rate, steps):
    with pytest.raises(ValueError, match="learning_rate must be a positive|steps must be a whole"):
        train_cubic(rate, steps)


def test_outputs_say_how_far_from_the_optimum_or_where_it_diverged():
    text, image = run_outputs(train_cubic(1e-6, 2000), 1e-6)
    gap = 100 * (descent_loss(X, Y, START, 1e-6, 1999) / BEST - 1)
    assert f"{gap:.2f}% above the optimum {BEST:.4f}" in text["text"]
    assert image["data"]["text/plain"].startswith("Plot of loss against step (log scale)")
    text, image = run_outputs(train_cubic(1e-4, 2000), 1e-4)
    assert text["text"].startswith("learning rate 1.00e-04 diverged at step 2:")
    assert image["data"]["text/plain"].endswith("optimum 8.8172; diverged at step 2.")  # no fit


def test_the_widget_reruns_training_when_a_slider_moves():
    widget = learning_rate_explorer()
    (rate, steps), output = widget.children[0].children, widget.children[1]
    final = descent_loss(X, Y, START, 1e-6, 1999)  # the loss at step 2000, before its update
    assert f"loss {final:.4f} after 2000 steps" in output.outputs[0]["text"]
    rate.value = 1e-4
    assert "diverged at step 2" in output.outputs[0]["text"]
    rate.value, steps.value = 3e-6, 300
    assert "after 300 steps" in output.outputs[0]["text"]
    assert 'alt="Plot of loss against step' in output.outputs[1]["data"]["text/html"]


def test_the_widget_refuses_bad_starting_values():
    with pytest.raises(ValueError, match="steps must be a whole number"):
        learning_rate_explorer(steps=0)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"learning_rate": 1e-2}, r"learning_rate must be on the slider, from 1e-08 to 0.0001 \(got"),
    ({"learning_rate": 1e-9}, "learning_rate must be on the slider"),
    ({"steps": 50}, r"steps must be on the slider, from 100 to 5000 \(got 50\)")])
def test_the_widget_refuses_a_start_off_its_slider_instead_of_clamping_it(kwargs, message):
    with pytest.raises(ValueError, match=message):
        learning_rate_explorer(**kwargs)


def test_the_widget_starts_at_the_edge_of_its_sliders():
    widget = learning_rate_explorer(learning_rate=1e-4, steps=100)
    rate, steps = widget.children[0].children
    assert (rate.value, steps.value) == (1e-4, 100)


def test_numpy_scalars_are_rates_and_step_counts_and_the_seed_is_checked():
    run = train_cubic(np.float32(1e-6), np.int64(5), seed=np.int64(0))
    assert run.losses == train_cubic(float(np.float32(1e-6)), 5).losses
    with pytest.raises(ValueError, match="seed must be a whole number from 0 to 4294967295"):
        train_cubic(1e-6, 5, seed=-1)


def test_redraw_seconds_moves_a_slider_and_times_the_redraw():
    from helpers.explorers import redraw_seconds

    widget, redraws = learning_rate_explorer(steps=100), []
    widget.children[1].observe(redraws.append, names="outputs")
    assert redraw_seconds(widget, moves=2) > 0 and len(redraws) == 4  # down, back, down, back
