"""Chapter 09's exercise checks: each accepts a worked solution (computed here with torch or by
algebra, independently of the check) and rejects wrong answers with a reason."""
import math

import torch

from helpers import sine_data, twice_applied_line_solutions
from helpers.exercises import verdict
from helpers.exercises.control_flow_chapter import EXERCISE_POINT


def shared_e_gradient(uses):
    """dL/de by autograd, with e used for the powers in `uses` (4, 5 or both), in float64."""
    x, y = sine_data(2000, device="cpu", dtype=torch.float64)
    a, b, c, d, e = (torch.tensor(v, dtype=torch.float64, requires_grad=True)
                     for v in EXERCISE_POINT)
    y_pred = a + b * x + c * x**2 + d * x**3 + e * (x**4 + x**5)  # the two-term graph
    separate = [torch.tensor(EXERCISE_POINT[4], dtype=torch.float64, requires_grad=True)
                for _ in (4, 5)]  # two copies of e that differ only in which use they feed
    y_copies = y_pred.detach() - EXERCISE_POINT[4] * (x**4 + x**5)
    y_copies = y_copies + separate[0] * x**4 + separate[1] * x**5
    ((y_pred - y) ** 2).sum().backward()
    ((y_copies - y) ** 2).sum().backward()
    shares = {4: separate[0].grad.item(), 5: separate[1].grad.item()}
    return e.grad.item() if uses == (4, 5) else shares[uses[0]]


def test_09_1_the_shared_gradient_is_right_and_one_share_is_not():
    total = shared_e_gradient((4, 5))
    assert math.isclose(total, shared_e_gradient((4,)) + shared_e_gradient((5,)), rel_tol=1e-9)
    ok, message = verdict("09.1", total)
    assert ok, message
    ok, message = verdict("09.1", shared_e_gradient((5,)))
    assert not ok and "only the x^5 use's share" in message
    assert not verdict("09.1", -total)[0]


def test_09_2_both_solutions_of_4x_plus_3_in_any_order():
    solutions = [(2.0, 1.0), (-2.0, -3.0)]  # w² = 4; b = 3 / (w + 1)
    assert list(twice_applied_line_solutions(4.0, 3.0)) == solutions
    assert verdict("09.2", solutions)[0] and verdict("09.2", solutions[::-1])[0]
    assert "different w" in verdict("09.2", [(2.0, 1.0), (2.0, 1.0)])[1]
    assert "misses" in verdict("09.2", [(2.0, 1.0), (-2.0, 3.0)])[1]
    assert "list of two (w, b) pairs" in verdict("09.2", 4.0)[1]


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
    assert not verdict("09.3", twice_applied_line_solutions(1.233, 0.988)[0])[0]
    assert "one (w, b) pair" in verdict("09.3", "w")[1]
