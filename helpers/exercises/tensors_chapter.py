"""Checks for chapter 03's exercises, each against an independent computation."""
import numpy as np
import torch

from helpers.exercises import (
    as_array,
    as_number,
    describe,
    exercise,
    is_tensor,
    not_finite,
    oneline,
    sine_points,
)
from helpers.reference import least_squares_fit, polynomial_loss

OPTIMUM_TOL = 1e-6  # relative: a loss this near the optimum's is least squares', not training's
TRAINED_RATIO = 2.0  # the chapter's 2,000 steps end at 1.4 times the optimum's loss; 300 at 100


def coefficient_array_problem(answer):
    """Return what keeps `answer` from being a float64 NumPy array of shape (4,), or None."""
    if is_tensor(answer):
        return f"that is still {describe(answer)}: bring it to NumPy with .cpu().numpy()"
    if not isinstance(answer, np.ndarray):
        return f"should be a NumPy array, got {describe(answer)}: stack the four, then .numpy()"
    if answer.shape != (4,):
        return (f"should have shape (4,), got {answer.shape}: stack the four 0-d tensors "
                "(torch.stack), or flatten")
    if answer.dtype != np.float64:
        return f"should be float64, got {answer.dtype}: convert with .to(torch.float64) first"
    return not_finite(answer, "the coefficients")


@exercise("03.1")
def coefficients_as_numpy(answer):
    """Check trained coefficients handed over as a float64 NumPy array of shape (4,)."""
    problem = coefficient_array_problem(answer)
    if problem:
        return False, problem
    x, y = sine_points()
    loss, best = polynomial_loss(answer, x, y), least_squares_fit(x, y).loss
    if loss <= best * (1 + OPTIMUM_TOL):
        return False, ("these are the least-squares optimum's coefficients: hand over the a, b, "
                       "c, d your training loop produced")
    if polynomial_loss(answer[::-1], x, y) <= TRAINED_RATIO * best:
        return False, "the order is reversed: lowest power first, [a, b, c, d]"
    if loss > TRAINED_RATIO * best:
        return False, (f"these coefficients give loss {loss:.4g}, more than {TRAINED_RATIO:g} "
                       "times the optimum's: are they a, b, c, d after the 2,000 training steps?")
    return True, f"a float64 array of shape (4,): the trained cubic, loss {loss:.5g}"


def float64_bytes_verdict(function):
    """Return (ok, message): whether `function(tensor)` gives any tensor's size in float64 bytes."""
    name = getattr(function, "__name__", "your function")
    probes = [lambda: torch.zeros(2000), lambda: torch.zeros(3, 5, dtype=torch.int8),
              lambda: torch.zeros(7, dtype=torch.float64), lambda: torch.zeros(4, 2).half()]
    try:
        got = [as_number(function(make()), "")[0] for make in probes]  # None: not a number
    except Exception as error:  # the learner's function failed: report it instead of crashing
        return False, f"{name}(tensor) failed with {oneline(error)}"
    tensors = [make() for make in probes]
    if None in got:
        return False, f"{name}(tensor) should return one number of bytes for any tensor"
    if got == [8 * t.numel() for t in tensors]:
        return True, (f"{name} asks the tensor: x in float64 takes {got[0]:.0f} bytes, 8 for "
                      "each of its 2,000 numbers")
    if got == [t.nbytes for t in tensors]:
        return False, f"{name} gives the size in the tensor's own dtype: convert to float64 first"
    if len(set(got)) == 1:
        return False, f"{name} returns {got[0]:g} whatever the tensor: ask the tensor it is given"
    if got == [t.numel() for t in tensors]:
        return False, f"{name} counts the elements: multiply by the bytes per float64 element"
    return False, f"{name} does not give the float64 size of its tensor: try torch.zeros(3)"


@exercise("03.2")
def bytes_of_float64_x(answer):
    """Check a function giving any tensor's float64 size in bytes, or the number for x (16000)."""
    if callable(answer) and not isinstance(answer, type):
        return float64_bytes_verdict(answer)
    if isinstance(answer, str | bool | np.bool_ | list | tuple | dict):
        return False, f"should be a whole number of bytes, got {describe(answer)}"
    values = as_array(answer)
    if values is None or values.size != 1:
        return False, f"should be one whole number of bytes, got {describe(answer)}"
    value = float(values.reshape(()))
    mistakes = {8000: "that is float32's size (4 bytes each): convert x to float64 first",
                2000: "that is the number of elements: multiply by the bytes per element",
                8: "that is the size of one element: the tensor holds 2,000 of them",
                128000: "that is in bits: a byte holds 8 bits, nbytes counts bytes"}
    if value == 2000 * 8:
        return True, ("16000 bytes: 8 bytes for each of the 2,000 float64 numbers (a function "
                      "float64_bytes(tensor) that asks any tensor is the preferred answer)")
    if value in mistakes:
        return False, mistakes[value]
    return False, ("that is not the size yet: ask the float64 tensor (nbytes, or "
                   "element_size() * numel())")


@exercise("03.3")
def as_tensor_shares_memory(answer):
    """Check whether torch.as_tensor shares memory with a float64 NumPy array (found by test)."""
    if is_tensor(answer) and answer.dtype == torch.bool and answer.numel() == 1:
        answer = bool(answer.item())
    if isinstance(answer, str):
        return False, f"answer True or False (without quotes), got {describe(answer)}"
    if not isinstance(answer, bool | np.bool_):
        return False, f"answer True or False, got {describe(answer)}"
    array = np.zeros(3)
    tensor = torch.as_tensor(array)
    array[0] = 1.0
    shares = bool(tensor[0] == 1.0)
    if bool(answer) != shares:
        return False, "not what happens: change the array and look at the tensor"
    return True, f"torch.as_tensor {'shares memory with' if shares else 'copies'} the array here"
