"""The optimizer explorer: the plain training function, then the widget built headlessly."""
import math

import numpy as np
import pytest
import torch

from helpers import least_squares_fit, optimizer_explorer, sine_data, train_with_optimizer
from helpers.explorers.optimizers import OPTIMIZERS, SUGGESTED_LEARNING_RATES

BEST = least_squares_fit(*sine_data(2000)).loss


def quadratic_gradient_descent(learning_rate, steps):
    """Plain gradient descent on the summed squared error, in float64 NumPy: loss per step."""
    x, y = np.linspace(-np.pi, np.pi, 2000), np.sin(np.linspace(-np.pi, np.pi, 2000))
    features = np.vander(x, 4, increasing=True)
    torch.manual_seed(0)  # the explorer's starting point: nn.Linear(3, 1) drawn from seed 0
    layer = torch.nn.Linear(3, 1)
    w = np.concatenate([layer.bias.detach().numpy(), layer.weight[0].detach().numpy()])
    losses = []
    for _ in range(steps):
        residual = features @ w - y
        losses.append(residual @ residual)
        w = w - learning_rate * 2 * features.T @ residual
    return losses


def test_sgd_follows_gradient_descent_computed_by_hand():
    run = train_with_optimizer("SGD", 3e-6, steps=50)
    assert run.diverged_at is None and len(run.losses) == 50
    np.testing.assert_allclose(run.losses, quadratic_gradient_descent(3e-6, 50), rtol=1e-4)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_each_optimizer_at_its_suggested_rate_gets_near_the_optimum(name):
    run = train_with_optimizer(name, SUGGESTED_LEARNING_RATES[name], steps=500)
    assert run.diverged_at is None and len(run.losses) == 500
    assert min(run.losses) > BEST * (1 - 1e-6)  # float32 may dip a hair below the optimum
    assert run.losses[-1] < 1.3 * BEST
    assert run.losses[-1] < run.losses[0] / 1000


def test_momentum_and_adam_really_differ_from_plain_sgd():
    sgd, momentum = (train_with_optimizer(n, 3e-6, 20).losses for n in ("SGD", "momentum"))
    adam = train_with_optimizer("Adam", 3e-6, 20).losses
    assert sgd[:2] == momentum[:2] and sgd[5] != momentum[5]  # same first step, then momentum
    assert abs(adam[1] - adam[0]) < abs(sgd[1] - sgd[0])  # Adam's first step is only ~lr long


def sgd_stability_limit():
    """SGD on the summed loss diverges above 1 / (largest eigenvalue of X^T X), X: 1, x, x², x³."""
    features = np.vander(np.linspace(-np.pi, np.pi, 2000), 4)
    return 1 / np.linalg.eigvalsh(features.T @ features).max()


def test_a_too_large_rate_is_reported_as_divergence_not_nan():
    limit = sgd_stability_limit()
    run = train_with_optimizer("SGD", 1.2 * limit, steps=500)
    assert run.diverged_at is not None and run.diverged_at < 500
    assert len(run.losses) == run.diverged_at + 1
    assert all(math.isfinite(v) for v in run.losses) and run.losses[-1] > 100 * run.losses[0]
    assert train_with_optimizer("SGD", 0.9 * limit, steps=100).diverged_at is None


def test_an_overflowing_rate_stops_before_any_nan():
    run = train_with_optimizer("SGD", 1.0, steps=200)
    assert run.diverged_at is not None and all(math.isfinite(v) for v in run.losses)


@pytest.mark.parametrize("name", ["sgd", "LBFGS", "", None])
def test_an_unknown_optimizer_name_lists_the_allowed_ones(name):
    with pytest.raises(ValueError, match="name must be one of SGD, momentum, RMSprop, Adam"):
        train_with_optimizer(name, 1e-3)


@pytest.mark.parametrize(("rate", "steps"), [(0.0, 10), (-1e-3, 10), (math.nan, 10), ("1e-3", 10),
                                             (True, 10), (1e-3, 0), (1e-3, 2.5), (1e-3, True)])
def test_bad_rate_or_steps_are_rejected(rate, steps):
    with pytest.raises(ValueError, match="learning_rate|steps"):
        train_with_optimizer("SGD", rate, steps)


def test_training_leaves_the_callers_random_state_alone():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    train_with_optimizer("Adam", 1e-2, steps=3)
    assert torch.equal(torch.rand(3), expected)


def test_training_reseeds_no_gpu_generator(monkeypatch):
    reseeded = []  # torch.manual_seed would also reseed (lazily, without a GPU) CUDA and MPS
    monkeypatch.setattr(torch.cuda, "manual_seed_all", reseeded.append)
    monkeypatch.setattr(torch.mps, "manual_seed", reseeded.append)
    torch.manual_seed(0)
    reseeded.clear()
    train_with_optimizer("Adam", 1e-2, steps=3)
    assert reseeded == []


def explorer_parts(steps):
    widget = optimizer_explorer(steps=steps)
    (controls, output) = widget.children
    name, rate = controls.children
    return name, rate, output


def printed(output):
    return "".join(o.get("text", "") for o in output.outputs if o["output_type"] == "stream")


def test_the_widget_draws_a_curve_and_redraws_when_the_optimizer_changes():
    name, rate, output = explorer_parts(steps=20)
    assert printed(output).startswith("SGD, lr 3e-06: final loss ")
    assert 'alt="Plot of loss against step (log scale): SGD, lr 3e-06' in \
        output.outputs[1]["data"]["text/html"]
    name.value = "Adam"
    assert rate.value == SUGGESTED_LEARNING_RATES["Adam"]
    assert printed(output).startswith("Adam, lr 1e-01: final loss ")


def test_the_widget_reports_divergence_when_the_rate_is_too_large():
    name, rate, output = explorer_parts(steps=50)
    rate.value = 1e-3
    assert printed(output).startswith("SGD, lr 1e-03 diverged at step ")
    rate.value = 1e-6
    assert "final loss" in printed(output)


def test_the_widget_rejects_bad_steps():
    with pytest.raises(ValueError, match="steps"):
        optimizer_explorer(steps=0)


def test_steps_are_bounded_on_both_sides_and_numpy_scalars_count():
    from helpers.explorers import MAX_STEPS
    from helpers.explorers.optimizers import check_settings

    assert check_settings("SGD", np.float32(1e-3), np.int64(MAX_STEPS)) == (
        pytest.approx(1e-3), MAX_STEPS)
    with pytest.raises(ValueError, match=r"steps must be a whole number from 1 to 10000 \(got"):
        train_with_optimizer("SGD", 1e-3, steps=MAX_STEPS + 1)
    with pytest.raises(ValueError, match="steps must be a whole number from 1 to 10000"):
        optimizer_explorer(steps=10**9)
    with pytest.raises(ValueError, match="seed"):
        train_with_optimizer("SGD", 1e-3, steps=2, seed=1.5)
