"""Chapter 03's exercise checks: each accepts a worked solution and rejects a wrong answer."""
import numpy as np
import torch

from helpers import sine_data, train_cubic
from helpers.exercises import verdict


def test_03_1_trained_coefficients_as_a_float64_numpy_array():
    trained = train_cubic(1e-6, 2000).coefficients  # chapter 02's training, float64
    near_best = torch.tensor(trained, dtype=torch.float32)  # as chapter 03 would hold them
    assert verdict("03.1", near_best.to(torch.float64).cpu().numpy())[0]
    ok, message = verdict("03.1", near_best)
    assert not ok and "NumPy array" in message
    ok, message = verdict("03.1", near_best.numpy())
    assert not ok and "float64" in message
    ok, message = verdict("03.1", np.array([1.0, 2.0, 3.0, 4.0]))
    assert not ok and "trained" in message


def test_03_2_bytes_of_float64_x():
    x, _ = sine_data(2000)
    assert verdict("03.2", x.to(torch.float64).nbytes)[0]
    assert verdict("03.2", np.int64(x.double().numpy().nbytes))[0]
    ok, message = verdict("03.2", x.nbytes)
    assert not ok and "float32" in message
    assert not verdict("03.2", 2000)[0]


def test_03_3_as_tensor_shares_memory():
    array = np.ones(2)
    shares = np.shares_memory(array, torch.as_tensor(array).numpy())  # an independent test
    assert verdict("03.3", bool(shares))[0]
    assert not verdict("03.3", not shares)[0]
    assert not verdict("03.3", "yes")[0]
