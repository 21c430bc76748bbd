"""Chapter 02's exercise checks: each accepts a worked solution and names each typical mistake."""
import numpy as np

from helpers import cubic_gradients, train_cubic
from helpers.exercises import verdict

X = np.linspace(-np.pi, np.pi, 2000)
Y = np.sin(X)


def loss(w):
    return float(((np.vander(X, 4, increasing=True) @ w - Y) ** 2).sum())


def descend(steps, learning_rate=2e-6):
    """The losses from zero after 0, 1, ..., `steps` updates, by chapter 02's gradients."""
    w, losses = np.zeros(4), [loss(np.zeros(4))]
    for _ in range(steps):
        w = w - learning_rate * np.array(cubic_gradients(X, Y, w))
        losses.append(loss(w))
    return losses


def test_02_1_gradient_with_respect_to_d():
    grad_a, grad_b, grad_c, grad_d = cubic_gradients(X, Y, [0.0, 1.0, 0.0, 0.0])
    assert verdict("02.1", np.sum(2 * (X - Y) * X**3))[0]  # the worked solution
    assert verdict("02.1", np.float32(grad_d))[0]
    for wrong, fix in [(-grad_d, "sign is flipped"), (grad_d / 2, "factor 2"),
                       (grad_d / 2000, "gradient of the mean"), (grad_b, "dL/db")]:
        ok, message = verdict("02.1", wrong)
        assert not ok and fix in message, (wrong, message)


def test_02_2_largest_learning_rate_found_by_bisection():
    low, high = 1e-6, 1e-5  # converges, diverges: halve the gap with train_cubic itself
    for _ in range(10):
        middle = (low + high) / 2
        converges = train_cubic(middle, 2000).diverged_at is None
        low, high = (middle, high) if converges else (low, middle)
    ok, message = verdict("02.2", low)
    assert ok and "largest stable learning rate" in message
    assert verdict("02.2", np.float32(low))[0]
    ok, message = verdict("02.2", 0.9 * low)
    assert not ok and "still converges" in message
    ok, message = verdict("02.2", 1.1 * low)
    assert not ok and "diverges" in message
    features = np.vander(X, 4, increasing=True)
    eigenvalues = np.linalg.eigvalsh(2 * features.T @ features)  # the chapter's `eigenvalues`
    for wrong, fix in [(1 / eigenvalues.max(), "1/λmax"), (4 / eigenvalues.max(), "XᵀX"),
                       (2 / eigenvalues.min(), "smallest eigenvalue"), (-low, "positive"),
                       (float("nan"), "NaN")]:
        ok, message = verdict("02.2", wrong)
        assert not ok and fix in message and "converges" not in message, (wrong, message)


def test_02_3_loss_after_500_updates_from_zero():
    losses = descend(501)
    assert verdict("02.3", losses[500])[0]
    for wrong, fix in [(losses[499], "before the last update"), (losses[501], "one update too"),
                       (descend(500, 1e-6)[-1], "learning rate 1e-6"), (losses[0], "start"),
                       (losses[500] / 2000, "mean squared error")]:
        ok, message = verdict("02.3", wrong)
        assert not ok and fix in message, (wrong, message)
    assert not verdict("02.3", 8.8172)[0]
