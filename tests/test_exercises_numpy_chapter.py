"""Chapter 02's exercise checks: each accepts a worked solution and rejects a wrong answer."""
import numpy as np

from helpers import cubic_gradients, train_cubic
from helpers.exercises import verdict

X = np.linspace(-np.pi, np.pi, 2000)
Y = np.sin(X)


def test_02_1_gradient_with_respect_to_d():
    grad_a, grad_b, grad_c, grad_d = cubic_gradients(X, Y, [0.0, 1.0, 0.0, 0.0])
    assert verdict("02.1", grad_d)[0]
    assert not verdict("02.1", grad_b)[0]
    assert not verdict("02.1", -grad_d)[0]


def test_02_2_largest_learning_rate_found_by_bisection():
    low, high = 1e-6, 1e-5  # converges, diverges: halve the gap with train_cubic itself
    for _ in range(10):
        middle = (low + high) / 2
        converges = train_cubic(middle, 2000).diverged_at is None
        low, high = (middle, high) if converges else (low, middle)
    assert verdict("02.2", low)[0]
    ok, message = verdict("02.2", 0.9 * low)
    assert not ok and "still converges" in message
    ok, message = verdict("02.2", 1.1 * low)
    assert not ok and "diverges" in message


def test_02_3_loss_after_500_updates_from_zero():
    w = np.zeros(4)
    losses = []
    for _ in range(500):
        losses.append(float(((np.vander(X, 4, increasing=True) @ w - Y) ** 2).sum()))
        w = w - 2e-6 * np.array(cubic_gradients(X, Y, w))
    final = float(((np.vander(X, 4, increasing=True) @ w - Y) ** 2).sum())
    assert verdict("02.3", final)[0]
    ok, message = verdict("02.3", losses[-1])  # before the last update: a near miss, explained
    assert not ok and "before the last update" in message
    assert not verdict("02.3", 8.8172)[0]
