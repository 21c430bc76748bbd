"""Chapter 03's exercise checks: each accepts a worked solution and names each typical mistake."""
import numpy as np
import pytest
import torch

from helpers import least_squares_fit, sine_data, train_cubic
from helpers.exercises import verdict

X = np.linspace(-np.pi, np.pi, 2000)
BEST = least_squares_fit(X, np.sin(X))


def near_optimum(loss_ratio):
    """Coefficients whose loss is `loss_ratio` times the optimum's: the optimum with a moved."""
    shift = np.sqrt((loss_ratio - 1) * BEST.loss / len(X))  # moving a by s adds n s² to the loss
    return BEST.coefficients + np.array([shift, 0.0, 0.0, 0.0])


def test_03_1_trained_coefficients_as_a_float64_numpy_array():
    trained = torch.tensor(train_cubic(1e-6, 2000).coefficients, dtype=torch.float32)
    ok, message = verdict("03.1", trained.to(torch.float64).cpu().numpy())  # the worked solution
    assert ok and "trained cubic" in message
    for wrong, fix in [(trained, ".cpu().numpy()"), (trained.numpy(), "float64"),
                       (trained.double().numpy().reshape(4, 1), "shape (4,)"),
                       (trained.tolist(), "NumPy array"),
                       (trained.double().numpy()[::-1].copy(), "order is reversed"),
                       (BEST.coefficients, "least-squares optimum"),
                       (BEST.coefficients.astype(np.float32).astype(np.float64), "least-squares"),
                       (np.array([1.0, 2.0, 3.0, 4.0]), "after the 2,000 training steps"),
                       (np.full(4, np.nan), "NaN")]:
        ok, message = verdict("03.1", wrong)
        assert not ok and fix in message, (wrong, message)


@pytest.mark.parametrize("ratio, trained", [(1 + 1e-7, False), (1 + 5e-6, True), (1.5, True),
                                            (3.0, False)])
def test_03_1_the_bounds_between_least_squares_trained_and_untrained(ratio, trained):
    ok, message = verdict("03.1", near_optimum(ratio))
    assert ok == trained, message


def test_03_2_bytes_of_float64_x():
    x, _ = sine_data(2000)
    for right in (x.to(torch.float64).nbytes, np.int64(x.double().numpy().nbytes), 16000.0,
                  x.double().element_size() * x.numel(), torch.tensor(16000)):
        ok, message = verdict("03.2", right)  # the number still counts; the function is preferred
        assert ok and "preferred answer" in message, right
    for wrong, fix in [(x.nbytes, "float32"), (x.numel(), "number of elements"),
                       (x.double().element_size(), "one element"), (128000, "bits"),
                       (16001, "ask the float64 tensor"), ("16000", "whole number"),
                       (np.array([16000, 1]), "one whole number"), (True, "whole number")]:
        ok, message = verdict("03.2", wrong)
        assert not ok and fix in message, (wrong, message)


def float64_bytes(tensor):
    """The preferred answer to 03.2: any tensor's size once converted to float64, in bytes."""
    return tensor.to(torch.float64).nbytes


def test_03_2_the_preferred_answer_a_function_that_asks_any_tensor():
    ok, message = verdict("03.2", float64_bytes)
    assert ok and "16000 bytes" in message
    assert verdict("03.2", lambda t: t.double().element_size() * t.numel())[0]
    for wrong, fix in [(lambda t: t.nbytes, "own dtype: convert to float64"),
                       (lambda t: 16000, "returns 16000 whatever the tensor"),
                       (lambda t: t.numel(), "counts the elements"),
                       (lambda t: 4 * t.numel(), "does not give the float64 size"),
                       (lambda t: t.double(), "should return one number of bytes"),
                       (lambda t: t.missing(), "failed with AttributeError")]:
        ok, message = verdict("03.2", wrong)
        assert not ok and fix in message, message


def test_03_3_as_tensor_shares_memory():
    array = np.ones(2)
    shares = bool(np.shares_memory(array, torch.as_tensor(array).numpy()))  # independent test
    for right in (shares, np.bool_(shares), torch.tensor(shares)):
        assert verdict("03.3", right)[0], right
    ok, message = verdict("03.3", not shares)
    assert not ok and "change the array and look at the tensor" in message
    assert "without quotes" in verdict("03.3", str(shares))[1]
    assert "True or False, got an int" in verdict("03.3", 1)[1]
