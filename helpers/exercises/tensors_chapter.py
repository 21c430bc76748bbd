"""Checks for chapter 03's exercises, each against an independent computation."""
import numpy as np
import torch

from helpers.exercises import exercise, sine_points
from helpers.reference import least_squares_fit, polynomial_loss


@exercise("03.1")
def coefficients_as_numpy(answer):
    """Check trained coefficients handed over as a float64 NumPy array of shape (4,)."""
    if not isinstance(answer, np.ndarray):
        return False, f"should be a NumPy array, got {type(answer).__name__}: try .cpu().numpy()"
    if answer.dtype != np.float64 or answer.shape != (4,):
        return False, f"should be float64 of shape (4,), got {answer.dtype} of shape {answer.shape}"
    x, y = sine_points()
    loss, best = polynomial_loss(answer, x, y), least_squares_fit(x, y).loss
    if not loss < 1.5 * best:
        return False, f"these coefficients give loss {loss:.4f}: are they the trained ones?"
    return True, f"float64 array of shape (4,), loss {loss:.4f}"


@exercise("03.2")
def bytes_of_float64_x(answer):
    """Check the memory of 2,000 float64 numbers, in bytes (8 bytes each)."""
    expected = 2000 * np.dtype(np.float64).itemsize
    if answer == 2000 * np.dtype(np.float32).itemsize:
        return False, f"{answer} bytes is float32's size: convert x to float64 first"
    if isinstance(answer, int | np.integer) and not isinstance(answer, bool) and answer == expected:
        return True, f"{expected} bytes: 8 bytes for each of the 2000 numbers"
    return False, f"{answer!r} is not the size in bytes yet (a whole number)"


@exercise("03.3")
def as_tensor_shares_memory(answer):
    """Check whether torch.as_tensor shares memory with a float64 NumPy array (found by test)."""
    if not isinstance(answer, bool):
        return False, f"answer True or False, got {type(answer).__name__}"
    array = np.zeros(3)
    tensor = torch.as_tensor(array)
    array[0] = 1.0
    shares = bool(tensor[0] == 1.0)
    if answer != shares:
        return False, "not what happens: change the array and look at the tensor"
    return True, f"torch.as_tensor {'shares' if shares else 'copies'} here"
