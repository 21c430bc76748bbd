"""The problem chapter 03 times: the cubic fit's features and targets as float32 NumPy arrays.

The timing itself is done in the notebook with torch.utils.benchmark, where learners see it."""
import numpy as np

from helpers.data import sine_data


def cubic_problem(n):
    """Return float32 NumPy features (n, 4) with columns 1, x, x², x³ and targets sin(x) (n,)."""
    x, y = sine_data(n, device="cpu")  # checks n; torch's float32 linspace is the fastest here
    powers = np.empty((4, len(x)), dtype=np.float32)  # rows 1, x, x², x³: written in place,
    powers[0], powers[1] = 1.0, x.numpy()  # no temporaries (fresh memory is slow to touch)
    np.multiply(powers[1], powers[1], out=powers[2])
    np.multiply(powers[2], powers[1], out=powers[3])
    return powers.T, y.numpy()  # a (n, 4) view whose columns are contiguous; .numpy() shares
