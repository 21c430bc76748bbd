"""Chapter 09's exercise checks: each accepts a worked solution (computed here with torch or by
algebra, independently of the check) and names what is wrong with the typical wrong answers."""
import math

import pytest
import torch

from helpers import sine_data, twice_applied_line_solutions
from helpers.exercises import verdict

POINT = (0.1, 1.0, 0.0, -1.0 / 6.0, 0.001)  # a, b, c, d, e, as the exercise states them


def shared_e_gradient(uses, dtype=torch.float64):
    """dL/de by autograd, with e used for the powers in `uses` (4, 5 or both)."""
    x, y = (v.double().to(dtype) for v in sine_data(2000))  # as the chapter: x.double()
    a, b, c, d, e = (torch.tensor(v, dtype=dtype, requires_grad=True) for v in POINT)
    separate = [torch.tensor(POINT[4], dtype=dtype, requires_grad=True) for _ in (4, 5)]
    y_pred = a + b * x + c * x**2 + d * x**3 + e * x**4 + e * x**5  # the two-term graph
    y_copies = a + b * x + c * x**2 + d * x**3 + separate[0] * x**4 + separate[1] * x**5
    ((y_pred - y) ** 2).sum().backward()
    ((y_copies - y) ** 2).sum().backward()
    shares = {4: separate[0].grad.item(), 5: separate[1].grad.item()}
    return e.grad.item() if uses == (4, 5) else shares[uses[0]]


def test_09_1_the_shared_gradient_is_right_and_one_share_is_not():
    total = shared_e_gradient((4, 5))
    assert math.isclose(total, shared_e_gradient((4,)) + shared_e_gradient((5,)), rel_tol=1e-9)
    assert verdict("09.1", total)[0]
    assert verdict("09.1", shared_e_gradient((4, 5), torch.float32))[0]  # float32 is fine too
    for wrong, fix in [(shared_e_gradient((5,)), "only the x^5 use's share"),
                       (shared_e_gradient((4,)), "only the x^4 use's share"),
                       (-total, "sign is flipped"), (total / 2000, "gradient of the mean"),
                       (total / 2, "half the gradient")]:
        ok, message = verdict("09.1", wrong)
        assert not ok and fix in message, (wrong, message)


def test_09_2_both_solutions_of_4x_plus_3_in_any_order():
    solutions = [(2.0, 1.0), (-2.0, -3.0)]  # w² = 4; b = 3 / (w + 1)
    assert list(twice_applied_line_solutions(4.0, 3.0)) == solutions
    assert verdict("09.2", solutions)[0] and verdict("09.2", solutions[::-1])[0]
    assert verdict("09.2", torch.tensor(solutions))[0]
    for wrong, fix in [([(2.0, 1.0), (2.0, 1.0)], "same solution: w² = 4 has two roots"),
                       ([(2.0, 1.0), (-2.0, 3.0)], "computes 4x - 3, not 4x + 3"),
                       ([(2.0, 3.0), (-2.0, 3.0)], "(2, 3) applied 2 times computes 4x + 9"),
                       ([(2.0, 1.0)], "give both pairs"), (4.0, "list of two (w, b) pairs"),
                       ([(2.0, 1.0), (-2.0, math.nan)], "NaN")]:
        ok, message = verdict("09.2", wrong)
        assert not ok and fix in message, (wrong, message)


@pytest.mark.parametrize("offset, ok", [(5e-7, True), (-5e-7, True), (3e-6, False),
                                        (-3e-6, False)])
def test_09_2_tolerance_on_each_number(offset, ok):
    assert verdict("09.2", [(2.0, 1.0 + offset), (-2.0 + offset, -3.0)])[0] == ok


def test_09_3_the_one_real_solution_of_three_applications():
    w = 1.233 ** (1 / 3)  # w³ = slope has one real root; w² + w + 1 > 0, so b follows
    b = 0.988 / (w**2 + w + 1)
    layer = torch.nn.Linear(1, 1, dtype=torch.float64)
    with torch.no_grad():
        layer.weight.fill_(w)
        layer.bias.fill_(b)
    x = torch.linspace(0, 1, 5, dtype=torch.float64).unsqueeze(1)
    torch.testing.assert_close(layer(layer(layer(x))), 1.233 * x + 0.988)  # the line, exactly
    ok, message = verdict("09.3", (w, b))
    assert ok and "(1.0723, 0.3066)" in message
    for right in [(1.0723, 0.3066), [(w, b)], torch.tensor([w, b], dtype=torch.float32)]:
        assert verdict("09.3", right)[0], right  # as printed, in a list, in float32
    for wrong, fix in [(twice_applied_line_solutions(1.233, 0.988)[0], "applied 3 times"),
                       ((1.072, 0.307), "not 1.233x + 0.988"),  # rounded to 3 decimals
                       ((w + 1.5e-4, b), "not 1.233x + 0.988"), ((w, b - 1.5e-4), "applied 3"),
                       ((w, 0.988 / 3), "not 1.233x + 0.988"), ("w", "one (w, b) pair"),
                       ([(w, b), (-w, b)], "one real root")]:
        ok, message = verdict("09.3", wrong)
        assert not ok and fix in message, (wrong, message)
