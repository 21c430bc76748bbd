"""Chapter 10's exercise checks: each accepts a worked solution and names each typical mistake."""
import numpy as np
import torch

from helpers import least_squares_fit, noisy_line
from helpers.exercises import verdict


def mse_hessian():
    """Return the Hessian of the mean squared error of w x + b on the line data, by autograd."""
    x, y = (torch.from_numpy(v) for v in noisy_line())
    return torch.autograd.functional.hessian(
        lambda p: ((p[0] * x + p[1] - y) ** 2).mean(), torch.zeros(2, dtype=torch.float64))


def test_10_1_largest_stable_learning_rate():
    flattest, steepest = torch.linalg.eigvalsh(mse_hessian()).tolist()
    assert verdict("10.1", 2 / steepest)[0]
    ok, message = verdict("10.1", round(2 / steepest, 4))  # as the chapter prints it
    assert ok and "as the chapter prints it" in message
    for wrong, fix in [(1.9 / steepest, "with momentum 0.9"), (1 / steepest, "1/λmax"),
                       (2 / (steepest * 100), "summed loss"), (4 / steepest, "XᵀX/n"),
                       (2 / flattest, "smallest curvature"), ("small", "not text"),
                       (round(2 / steepest, 3), "close, but not")]:
        ok, message = verdict("10.1", wrong)
        assert not ok and fix in message, (wrong, message)


def test_10_2_noise_standard_deviation():
    x, y = noisy_line()
    best = least_squares_fit(x, y, 1)
    n = len(x)
    assert verdict("10.2", (best.loss / (n - 2)) ** 0.5)[0]
    for wrong, fix in [((best.loss / n) ** 0.5, "divides by n:"),
                       ((best.loss / (n - 1)) ** 0.5, "divides by n - 1"),
                       (best.loss / (n - 2), "variance"), (2.0, "true noise level")]:
        ok, message = verdict("10.2", wrong)
        assert not ok and fix in message, (wrong, message)


def test_10_3_mini_batch_sizes_from_a_real_loader():
    from torch.utils.data import DataLoader, TensorDataset
    x = torch.arange(80.0).unsqueeze(1)  # the chapter's 80 training points, any values
    loader = DataLoader(TensorDataset(x, x), batch_size=32, shuffle=True,
                        generator=torch.Generator().manual_seed(1))
    sizes = [len(xb) for xb, yb in loader]  # an independent computation: torch's own loader
    ok, message = verdict("10.3", sizes)
    assert ok and "16" in message, message
    assert verdict("10.3", tuple(sizes))[0] and verdict("10.3", [np.int64(s) for s in sizes])[0]
    dropped = [len(xb) for xb, _ in DataLoader(TensorDataset(x, x), batch_size=32,
                                                    drop_last=True)]
    for wrong, fix in [(dropped, "drop_last=True"), (sizes[::-1], "short batch comes last"),
                       ([32, 32, 32, 4], "add up to 100"), (loader, "DataLoader itself"),
                       (3, "list of whole numbers"), ("[32, 32, 16]", "list of whole numbers"),
                       ([32.0, 32.0, 16.0], "whole numbers"), ([True, 32, 16], "whole numbers"),
                       ([40, 40], "not the list")]:
        ok, message = verdict("10.3", wrong)
        assert not ok and fix in message, (wrong, message)
