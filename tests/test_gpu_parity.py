"""GPU parity: the training of chapters 03-08 ends on CUDA where it ends on the CPU.

The runs are `fit(device, dtype)` from bench/scripts/: each chapter's training as one plain
function (the same data, model, learning rate and 2,000 steps as the chapter), drawing its
initial values on the CPU so that every device and dtype starts from the same point.

Tolerances, float32 on both sides (TOLERANCES below):
- gradient descent (03 tensors, 04 autograd, 05 custom Function, 06 nn, 08 custom Module): the
  last loss within 1e-4 relative, every coefficient within 1e-4. Gradient descent at these
  learning rates contracts, so rounding differences (a GPU's summation order, float32 against
  float64) stay near float32's own rounding: about 1e-7 here, a thousand times below the tolerance.
- RMSprop (07): it moves every coefficient by about its learning rate (1e-3) at each step, so it
  never settles: it ends jittering around the optimum (single steps up to 1.4 times the optimal
  loss), and runs whose rounding differs end at different points of the jitter. So coefficients
  within 5e-3 (five learning rates) and the mean loss of the last 100 steps within 2%.
Where no CUDA device exists the CUDA comparison is skipped with its reason. The same functions and
tolerances are exercised on the CPU in any case: each float32 run against a float64 reference (a
larger rounding difference than a GPU's summation order), which is gradient descent's exact closed
form on this quadratic loss where there is one (03, 04, 06, 08, and chapter 02's NumPy fit), and
otherwise the same training in float64, itself checked against the optimum
(helpers.least_squares_fit, 8.8172) and, for 05, against the tutorial's printed result.
"""
import functools
import runpy
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pytest
import torch

from helpers import least_squares_fit, polynomial_loss
from helpers.course import CHAPTERS
from helpers.reference import sine_points

ROOT = Path(__file__).resolve().parent.parent
CHAPTER_FITS = {c.number: c.parity_fit for c in CHAPTERS if c.parity_fit}  # chapter -> script


class Tolerance(NamedTuple):
    """How close two runs must end: loss (mean of the last `window` steps) and coefficients."""

    loss_rel: float
    coefficient_abs: float
    window: int


GRADIENT_DESCENT = Tolerance(loss_rel=1e-4, coefficient_abs=1e-4, window=1)
TOLERANCES = {**dict.fromkeys(CHAPTER_FITS, GRADIENT_DESCENT),
              "07": Tolerance(loss_rel=2e-2, coefficient_abs=5e-3, window=100)}
CLOSED_FORM = ("03", "04", "06", "08")  # plain gradient descent on the cubic, learning rate 1e-6
NO_CUDA = "no CUDA device here: the same tolerances are checked on CPU, float32 against float64"


def script_fit(name):
    """Return the function fit of the plain script bench/scripts/<name>.py."""
    return runpy.run_path(str(ROOT / "bench" / "scripts" / f"{name}.py"))["fit"]


@functools.cache
def run(chapter, device="cpu", dtype=torch.float32):
    """Return (every step's loss, final coefficients) of chapter's training on device, dtype."""
    losses, coefficients = script_fit(CHAPTER_FITS[chapter])(device=device, dtype=dtype)
    return np.array(losses), np.array(coefficients)


def assert_ends_alike(result, reference, chapter):
    """Fail unless two runs of chapter's training end within its stated tolerance."""
    tolerance = TOLERANCES[chapter]
    (losses, coefficients), (reference_losses, reference_coefficients) = result, reference
    loss = losses[-tolerance.window:].mean()
    reference_loss = reference_losses[-tolerance.window:].mean()
    assert abs(loss - reference_loss) <= tolerance.loss_rel * reference_loss, (loss, reference_loss)
    np.testing.assert_allclose(coefficients, reference_coefficients, rtol=0,
                               atol=tolerance.coefficient_abs)


@pytest.mark.skipif(not torch.cuda.is_available(), reason=NO_CUDA)
@pytest.mark.parametrize("chapter", CHAPTER_FITS)
def test_cuda_training_ends_where_cpu_training_ends(chapter):
    # TF32 matrix products (precision "high") round to 10 bits: far outside these tolerances
    assert torch.get_float32_matmul_precision() == "highest"
    assert_ends_alike(run(chapter, "cuda"), run(chapter, "cpu"), chapter)


def cubic_start(chapter):
    """Return the initial [a, b, c, d] the chapter's fit draws, drawn again here."""
    if chapter == "02":
        return np.random.RandomState(0).randn(4)
    if chapter in ("03", "04"):
        return torch.randn(4, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    torch.manual_seed(0)
    if chapter == "06":
        linear = torch.nn.Linear(3, 1)
        return torch.cat([linear.bias, linear.weight[0]]).detach().double()
    return torch.stack([torch.randn(()) for _ in range(4)]).double()  # 08: four scalar draws


def gradient_descent_closed_form(start, steps=2000, learning_rate=1e-6):
    """Return (loss before the last step, final coefficients) of gradient descent on the cubic's
    summed squared error, from w_t - w* = (I - 2 lr X^T X)^t (w_0 - w*), in float64."""
    x, y = sine_points()
    best = least_squares_fit(x, y).coefficients
    features = np.vander(x, 4, increasing=True)  # columns 1, x, x^2, x^3
    contraction = np.eye(4) - 2 * learning_rate * features.T @ features
    before_last = best + np.linalg.matrix_power(contraction, steps - 1) @ (np.asarray(start) - best)
    return polynomial_loss(before_last, x, y), best + contraction @ (before_last - best)


def float64_reference(chapter):
    """Return (losses, coefficients) that chapter's float32 run is held against: the closed form
    of gradient descent where the chapter is plain gradient descent, else its float64 run."""
    if chapter in CLOSED_FORM:
        loss, coefficients = gradient_descent_closed_form(cubic_start(chapter))
        return np.array([loss]), coefficients
    return run(chapter, dtype=torch.float64)


@pytest.mark.parametrize("chapter", CHAPTER_FITS)
def test_float32_training_ends_within_tolerance_of_float64(chapter):
    assert_ends_alike(run(chapter), float64_reference(chapter), chapter)


def test_numpy_gradient_descent_is_the_closed_form_to_float64_precision():
    losses, coefficients = script_fit("numpy_fit")()
    loss, expected = gradient_descent_closed_form(cubic_start("02"))
    assert losses[-1] == pytest.approx(loss, rel=1e-9)
    np.testing.assert_allclose(coefficients, expected, rtol=0, atol=1e-9)
    assert loss > least_squares_fit(*sine_points()).loss  # not converged: above the optimum


def test_legendre_fit_ends_where_the_tutorial_ends_just_above_the_optimum():
    losses, (a, b, c, d) = run("05", dtype=torch.float64)
    optimum = least_squares_fit(*sine_points()).loss  # the P3 model is a cubic: never below
    assert optimum < losses[-1] < 1.02 * optimum
    assert abs(a) < 1e-6 and abs(c) < 1e-6  # odd target, odd start: even terms stay zero
    assert round(b, 4) == -2.2085 and round(d, 4) == 0.2555  # the tutorial's printed result


def test_rmsprop_jitters_within_two_percent_of_the_optimum():
    losses, coefficients = run("07", dtype=torch.float64)
    best = least_squares_fit(*sine_points())
    assert best.loss < losses[-100:].mean() < 1.02 * best.loss
    np.testing.assert_allclose(coefficients, best.coefficients, rtol=0, atol=5e-3)


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_pytest_stops_before_collecting_when_course_device_is_missing(pytestconfig, monkeypatch):
    # The root conftest's pytest_configure, called as pytest calls it before collecting: a
    # UsageError there ends the run with exit status 4 and this message, before any notebook runs.
    configure = pytestconfig.pluginmanager.get_plugin(str(ROOT / "conftest.py")).pytest_configure
    monkeypatch.setenv("COURSE_DEVICE", "cuda")
    with pytest.raises(pytest.UsageError) as stopped:
        configure(pytestconfig)
    assert str(stopped.value).startswith(
        "COURSE_DEVICE=cuda: device 'cuda' is not available on this machine; available: cpu")
    monkeypatch.setenv("COURSE_DEVICE", "cpu")
    configure(pytestconfig)  # a device this machine has: the run goes on
