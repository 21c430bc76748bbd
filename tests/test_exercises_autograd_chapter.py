"""Chapter 04's exercise checks: each accepts an autograd solution and names each typical
mistake; the vector tolerances are pinned by answers just inside and just outside them."""
import numpy as np
import pytest
import torch

from helpers import sine_data
from helpers.exercises import verdict


def zero_cubic_loss():
    """Return the four zero coefficients and the loss they give on the running example."""
    x, y = sine_data(2000)
    params = [torch.zeros((), requires_grad=True) for _ in range(4)]
    a, b, c, d = params
    return params, x, y, (a + b * x + c * x**2 + d * x**3 - y).pow(2).sum()


def test_04_1_vector_jacobian_product():
    x = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)
    (x**3).backward(torch.tensor([1.0, 2.0, 3.0]))
    ok, message = verdict("04.1", x.grad)
    assert ok and "[3, 1.5, 36]" in message
    assert verdict("04.1", [3, 1.5, 36])[0]  # predicted on paper
    (x**3).backward(torch.tensor([1.0, 2.0, 3.0]))  # a second backward accumulates
    x0 = x.detach()
    for wrong, fix in [(x.grad, "gradients accumulate"), (3 * x0**2, "without v"),
                       (torch.tensor([1.0, 2.0, 3.0]) * x0**3, "v times y"),
                       (torch.tensor([1.0, 2.0, 3.0]) * 3 * x0, "3x²"), ([1.0, 2.0], "3 numbers"),
                       ([[3.0, 1.5, 36.0]], "shape (3,)"), ([3, float("nan"), 36], "NaN")]:
        ok, message = verdict("04.1", wrong)
        assert not ok and fix in message, (wrong, message)


@pytest.mark.parametrize("exercise_id, tol", [("04.1", 1e-6), ("04.2", 1e-5)])
def test_04_vector_tolerance_relative_to_the_largest_entry(exercise_id, tol):
    x = np.array([-1.0, 0.5, 2.0])
    if exercise_id == "04.1":
        right = np.array([1.0, 2.0, 3.0]) * 3 * x**2
    else:
        x = np.linspace(-np.pi, np.pi, 2000)
        right = np.array([-2 * np.sum(np.sin(x) * x**k) for k in range(4)])
    scale = np.abs(right).max()
    for offset, ok in [(tol / 2, True), (-tol / 2, True), (3 * tol, False), (-3 * tol, False)]:
        answer = right.copy()
        answer[0] += offset * scale  # the smallest entry moved by a share of the largest
        assert verdict(exercise_id, answer)[0] == ok, offset


def test_04_2_gradient_at_the_zero_cubic():
    params, _, _, loss = zero_cubic_loss()
    loss.backward()
    grads = torch.stack([p.grad for p in params])
    ok, message = verdict("04.2", grads)
    assert ok and "-0" not in message and "-3998" in message
    for wrong, fix in [(grads / 2000, "mean squared error"), (grads / 2, "(ŷ - y).pow(2)"),
                       (-grads, "sign is flipped"), (2 * grads, "accumulate"),
                       (grads.flip(0), "order is reversed"), ("four numbers", "4 numbers"),
                       (grads[1:], "shape (4,)")]:
        ok, message = verdict("04.2", wrong)
        assert not ok and fix in message, (wrong, message)


def test_04_3_loss_after_one_step():
    def loss_after(step):
        params, x, y, loss = zero_cubic_loss()
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= step * p.grad
        a, b, c, d = params
        return loss.item(), (a + b * x + c * x**2 + d * x**3 - y).pow(2).sum().item()
    before, after = loss_after(1e-6)
    assert verdict("04.3", after)[0]
    for wrong, fix in [(before, "before the step"), (loss_after(2e-6)[1], "twice the gradient"),
                       (loss_after(-1e-6)[1], "against the gradient"),
                       (loss_after(1e-6 / 2000)[1], "mean's gradient")]:
        ok, message = verdict("04.3", wrong)
        assert not ok and fix in message, (wrong, message)
