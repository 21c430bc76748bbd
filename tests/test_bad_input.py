"""Every public helper, driven by Hypothesis with bad and good input, one argument at a time:
it returns (and then no NaN) or refuses in words (a ValueError or TypeError raised inside the
helpers, whose message names an argument), and every call ends within Hypothesis's deadline."""
import inspect
import math
import os
import traceback
from datetime import timedelta

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import helpers

HELPERS_DIR = os.path.dirname(helpers.__file__)
CHECKS = {"claims", "exercises", "grading", "learner_progress"}  # the learner's checks: own tests
NOT_DRIVEN = {"setup", "Fit", "LegendreFit", "DescentLimits", "use_course_style",  # no input
              "available_devices"}
X, Y = helpers.sine_points(40)
XT, YT = torch.tensor(X, dtype=torch.float32), torch.tensor(Y, dtype=torch.float32)
FEATURES, TARGETS = helpers.cubic_problem(40)
BAD = [None, "1", "abc", True, False, math.nan, math.inf, -math.inf, -1, 0, 2.5, 10**12, 1e300,
       [], [math.nan], ["1", "2"], np.float32(math.nan), np.int64(-5), np.bool_(True),
       torch.tensor(math.nan), torch.zeros(0), torch.ones(3, 2), np.ones(40, dtype=bool), object()]
COUNT, RATE = st.integers(2, 30), st.sampled_from([1e-6, np.float32(3e-6), 1e-7])
STEPS = st.integers(1, 5) | st.just(np.int64(3))
SEED = st.integers(0, 2**32 - 1) | st.just(np.int64(7))
SMALL = st.floats(-3, 3) | st.just(np.float32(0.5))
DATA = st.sampled_from([X, list(X), XT])
RUN = helpers.train_twice_applied_line(0.0, 0.0, steps=3)
LEAF = torch.ones(3, requires_grad=True)
LOSS = (LEAF * 2).sum()  # a tensor with a recorded graph
# helper -> (valid arguments that run fast, good values for each argument)
CALLS = {
    "course_device": ({}, {"name": st.sampled_from(["cpu", " CPU", torch.device("cpu")])}),
    "sine_data": ({"n": 10}, {"n": COUNT, "device": st.just("cpu"),
                              "dtype": st.sampled_from([torch.float32, torch.float64])}),
    "sine_points": ({"n": 10}, {"n": COUNT}),
    "cubic_problem": ({"n": 10}, {"n": COUNT}),
    "noisy_line": ({"n": 10}, {"n": COUNT, "slope": SMALL, "intercept": SMALL,
                               "noise": st.floats(0, 3), "seed": SEED}),
    "cubic_features": ({"x": XT}, {"x": st.just(XT.double())}),
    "cubic_model": ({}, {"device": st.just("cpu")}),
    "cubic_coefficients": ({"model": helpers.cubic_model()}, {}),
    "polynomial_formula": ({"coefficients": [1.0, -2.0]},
                           {"coefficients": st.lists(SMALL, min_size=1, max_size=5),
                            "digits": st.integers(0, 10)}),
    "cubic_gradients": ({"x": X, "y": Y, "coefficients": [0.1, 0.2, 0.3, 0.4]},
                        {"x": st.just(X), "coefficients": st.lists(SMALL, min_size=4, max_size=4)}),
    "loss_and_gradient": ({"features": FEATURES, "y": TARGETS,
                           "coefficients": np.zeros(4, np.float32)}, {"y": st.just(TARGETS)}),
    "descent_loss": ({"x": X, "y": Y, "start": [0.0] * 4, "learning_rate": 1e-4, "steps": 10},
                     {"x": DATA, "start": st.lists(SMALL, min_size=4, max_size=4),
                      "learning_rate": RATE, "steps": st.integers(0, 10**6)}),
    "legendre_p3": ({"u": 0.5}, {"u": SMALL}),
    "legendre_least_squares_fit": ({"x": X, "y": Y}, {"x": DATA}),
    "least_squares_fit": ({"x": X, "y": Y}, {"x": DATA, "degree": st.integers(0, 8)}),
    "polynomial_loss": ({"coefficients": [1.0], "x": X, "y": Y},
                        {"coefficients": st.lists(SMALL, min_size=1, max_size=4)}),
    "plot": ({"xs": [X], "ys": [Y]}, {"labels": st.just(["sine"]),
                                      "yscale": st.sampled_from(["linear", "symlog"])}),
    "plot_fit": ({"x": X, "y": Y, "fitted": Y}, {"label": st.just("fit")}),
    "plot_losses": ({"losses": [3.0, 2.0]}, {"optimum": st.floats(0.1, 10)}),
    "descent_limits": ({"x": X}, {"x": DATA, "degree": st.integers(0, 5)}),
    "backward_graph": ({"tensor": LOSS}, {"names": st.just({"w": LEAF}) | st.none()}),
    "draw_backward_graph": ({"nodes": ["PowBackward0", "AccumulateGrad"], "edges": [(0, 1)]},
                            {"edges": st.just([])}),
    "dynamic_net_losses": ({"coefficients": np.zeros(5), "x": X, "y": Y}, {"x": DATA}),
    "dynamic_net_optimum": ({"x": X, "y": Y}, {"x": DATA}),
    "twice_applied_line_solutions": ({"slope": 2.0, "intercept": 1.0},
                                     {"slope": st.floats(1.5, 3), "intercept": SMALL}),
    "twice_applied_line_data": ({"n": 10}, {"n": COUNT, "seed": SEED}),
    "twice_applied_line_loss": ({"w": 0.5, "b": 0.5, "x": X, "y": Y}, {"w": SMALL, "b": SMALL}),
    "draw_twice_applied_runs": ({"runs": [RUN]}, {"labels": st.just(["run"])}),
    "train_cubic": ({"learning_rate": 1e-6, "steps": 3},
                    {"learning_rate": RATE, "steps": STEPS, "seed": SEED}),
    "train_with_optimizer": ({"name": "Adam", "learning_rate": 1e-2, "steps": 3},
                             {"learning_rate": RATE, "steps": STEPS, "seed": SEED}),
    "train_twice_applied_line": ({"w0": 0.0, "b0": 0.0, "steps": 3},
                                 {"w0": SMALL, "b0": SMALL, "steps": STEPS}),
    # the widgets: bad values only (a good one draws a whole figure)
    "learning_rate_explorer": ({}, {}),
    "optimizer_explorer": ({}, {}),
    "weight_sharing_explorer": ({}, {}),
}


def test_every_public_helper_is_driven():
    checks = {name for name, module in helpers.MODULE_OF.items() if module in CHECKS}
    assert set(helpers.__all__) - NOT_DRIVEN - checks == set(CALLS)


def has_nan(value):
    """Return whether a helper's result holds a NaN anywhere (numbers, arrays, tensors, tuples)."""
    if isinstance(value, float | np.floating):
        return math.isnan(value)
    if isinstance(value, torch.Tensor):
        return value.is_floating_point() and bool(value.isnan().any())
    if isinstance(value, np.ndarray):
        return value.dtype.kind == "f" and bool(np.isnan(value).any())
    return isinstance(value, tuple | list) and any(has_nan(v) for v in value)


@st.composite
def calls(draw):
    """Draw (helper name, keyword arguments): its fast valid call with one argument replaced."""
    name = draw(st.sampled_from(sorted(CALLS)))
    base, good = CALLS[name]
    argument = draw(st.sampled_from(list(inspect.signature(getattr(helpers, name)).parameters)))
    value = draw(st.sampled_from(BAD) | good.get(argument, st.nothing()))
    return name, {**base, argument: value}


@settings(max_examples=250, derandomize=True, deadline=timedelta(seconds=5), database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(calls())
def test_bad_input_is_refused_in_words_and_good_input_gives_no_nan(call):
    name, kwargs = call
    parameters = [*inspect.signature(getattr(helpers, name)).parameters, "device"]
    try:
        result = getattr(helpers, name)(**kwargs)
    except (ValueError, TypeError) as error:
        where = traceback.extract_tb(error.__traceback__)[-1].filename
        assert where.startswith(HELPERS_DIR), f"{name}{kwargs}: raised inside {where}: {error}"
        assert any(p in str(error) for p in parameters), f"{name}: no argument named: {error}"
    else:
        assert not has_nan(result), f"{name}{kwargs} returned a NaN"
    finally:
        plt.close("all")


@pytest.mark.parametrize("name", ["learning_rate_explorer", "optimizer_explorer",
                                  "weight_sharing_explorer"])
def test_explorers_refuse_a_runaway_step_count(name):
    with pytest.raises(ValueError, match=r"steps must be a whole number from \d+ to \d+"):
        getattr(helpers, name)(steps=10**9)
