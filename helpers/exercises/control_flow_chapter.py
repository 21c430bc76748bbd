"""Checks for chapter 09's exercises, each against an independent NumPy computation or by
substituting the learner's answer back into the equations it must solve."""
import math

import numpy as np

from helpers.exercises import close_to, exercise, sine_points

EXERCISE_POINT = (0.1, 1.0, 0.0, -1.0 / 6.0, 0.001)  # a, b, c, d, e for exercise 09.1


def shared_e_shares():
    """Return the x⁴ use's and the x⁵ use's shares of dL/de on the two-term graph at the point."""
    x, y = sine_points()
    a, b, c, d, e = EXERCISE_POINT
    residual = a + b * x + c * x**2 + d * x**3 + e * (x**4 + x**5) - y  # y_pred - y
    return float(np.sum(2 * residual * x**4)), float(np.sum(2 * residual * x**5))


@exercise("09.1")
def gradient_of_shared_e(answer):
    """Check dL/de of the two-term graph: the sum of the x⁴ use's and the x⁵ use's shares."""
    fourth, fifth = shared_e_shares()
    for share, power in ((fourth, 4), (fifth, 5)):
        if close_to(answer, share, "dL/de")[0]:
            return False, f"that is only the x^{power} use's share: e is used twice, add both"
    return close_to(answer, fourth + fifth, "dL/de")


def pairs(answer, count):
    """Return `answer` as a list of `count` (w, b) float pairs, or None if it is not one."""
    try:
        values = [(float(w), float(b)) for w, b in answer]
    except (TypeError, ValueError):
        return None
    ok = len(values) == count and all(math.isfinite(v) for pair in values for v in pair)
    return values if ok else None


def substitution_error(pair, slope, intercept, times):
    """Return the largest error in slope and intercept of the layer (w, b) applied `times`."""
    w, b = pair
    powers = [w**k for k in range(times)]  # applied n times: w^n x + b (1 + w + ... + w^(n-1))
    return max(abs(w**times - slope), abs(b * sum(powers) - intercept))


@exercise("09.2")
def twice_applied_solutions_for_4x_plus_3(answer):
    """Check two different (w, b) whose layer, applied twice, computes y = 4x + 3."""
    found = pairs(answer, 2)
    if found is None:
        return False, "answer should be a list of two (w, b) pairs, e.g. [(w1, b1), (w2, b2)]"
    if abs(found[0][0] - found[1][0]) < 1e-6:
        return False, "the two pairs should have different w: w² = 4 has two roots"
    worst = max(substitution_error(pair, 4.0, 3.0, times=2) for pair in found)
    if worst > 1e-6:
        return False, f"substituted back, a pair misses the slope or intercept by {worst:.2g}"
    return True, "both pairs give w² = 4 and b(w + 1) = 3"


@exercise("09.3")
def three_times_applied_solution(answer):
    """Check the one real (w, b) whose layer, applied three times, computes 1.233x + 0.988."""
    found = pairs([answer], 1)
    if found is None:
        return False, "answer should be one (w, b) pair"
    worst = substitution_error(found[0], 1.233, 0.988, times=3)
    if worst > 1e-6:
        return False, f"substituted back, it misses the slope or intercept by {worst:.2g}"
    w, b = found[0]
    return True, f"w³ = 1.233 and b(w² + w + 1) = 0.988 at (w, b) = ({w:.4f}, {b:.4f})"
