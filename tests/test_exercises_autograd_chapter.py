"""Chapter 04's exercise checks: each accepts an autograd solution and rejects a wrong answer."""
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
    assert verdict("04.1", x.grad)[0]
    assert not verdict("04.1", 3 * x.detach() ** 2)[0]  # forgot to multiply by v
    assert not verdict("04.1", [1.0, 2.0])[0]


def test_04_2_gradient_at_the_zero_cubic():
    params, _, _, loss = zero_cubic_loss()
    loss.backward()
    grads = torch.stack([p.grad for p in params])
    ok, message = verdict("04.2", grads)
    assert ok and "-0.0" not in message
    assert not verdict("04.2", grads / 2)[0]  # forgot the 2 of the square's derivative
    assert not verdict("04.2", "four numbers")[0]


def test_04_3_loss_after_one_step():
    params, x, y, loss = zero_cubic_loss()
    loss.backward()
    with torch.no_grad():
        for p in params:
            p -= 1e-6 * p.grad
    a, b, c, d = params
    after = (a + b * x + c * x**2 + d * x**3 - y).pow(2).sum().item()
    assert verdict("04.3", after)[0]
    assert not verdict("04.3", loss.item())[0]  # the loss before the step
