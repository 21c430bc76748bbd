"""Checks for chapter 09's exercises, each against an independent NumPy computation or by
substituting the learner's answer back into the equations it must solve."""
import numpy as np

from helpers.exercises import as_array, describe, exercise, not_finite, number_verdict, sine_points

EXERCISE_POINT = (0.1, 1.0, 0.0, -1.0 / 6.0, 0.001)  # a, b, c, d, e for exercise 09.1
SHARED_GRADIENT_TOL = 1e-5  # relative; float32 points made float64 are off by about 3e-7
TWICE_PAIR_TOL = 1e-6  # absolute, on w and b: the two solutions (2, 1) and (-2, -3) are exact
THRICE_PAIR_TOL = 5e-5  # absolute: (1.0723, 0.3066), rounded to 4 decimals, is within 3e-5


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
    total = fourth + fifth
    return number_verdict(answer, total, "dL/de", SHARED_GRADIENT_TOL, mistakes=[
        (fourth, "that is only the x^4 use's share: e is used twice, its gradient adds both"),
        (fifth, "that is only the x^5 use's share: e is used twice, its gradient adds both"),
        (-total, "the sign is flipped: the residual is prediction minus target, ŷ - y"),
        (total / 2000, "that is the gradient of the mean: the loss is the summed squared error"),
        (total / 2, "half the gradient: the loss squares the residual, (ŷ - y)**2"),
    ], hint="build ŷ with e x⁴ + e x⁵ in float64, sum the squared errors, backward(), e.grad")


def pairs(answer):
    """Return `answer` as a list of (w, b) float pairs, or None if it is not a list of pairs."""
    array = as_array(answer)
    if array is None or array.ndim != 2 or array.shape[1] != 2:
        return None
    return [(float(w), float(b)) for w, b in array]


def composed(pair, times):
    """Return (slope, intercept) of the layer (w, b) applied `times` times: w^n x + b(1 + ... )."""
    w, b = pair
    return w**times, b * sum(w**k for k in range(times))


def pair_near(pair, solution, tol):
    """Return whether both numbers of `pair` are within `tol` of `solution`'s."""
    return abs(pair[0] - solution[0]) <= tol and abs(pair[1] - solution[1]) <= tol


def computes(pair, times):
    """Return in words the line that the layer `pair` applied `times` times computes."""
    slope, intercept = composed(pair, times)
    sign = "-" if intercept < 0 else "+"
    return (f"({pair[0]:.5g}, {pair[1]:.5g}) applied {times} times computes "
            f"{slope:.5g}x {sign} {abs(intercept):.5g}")


@exercise("09.2")
def twice_applied_solutions_for_4x_plus_3(answer):
    """Check both (w, b) whose layer, applied twice, computes y = 4x + 3, in any order."""
    found = pairs(answer)
    if found is None:
        return False, f"answer should be a list of two (w, b) pairs, got {describe(answer)}"
    if not np.isfinite(found).all():
        return False, not_finite(np.array(found), "a pair")
    if len(found) != 2:
        return False, f"give both pairs, [(w1, b1), (w2, b2)]: you gave {len(found)}"
    solutions = [(2.0, 1.0), (-2.0, -3.0)]  # w² = 4; b (w + 1) = 3
    matched = [any(pair_near(p, s, TWICE_PAIR_TOL) for p in found) for s in solutions]
    if all(matched):
        return True, "both pairs give w² = 4 and b(w + 1) = 3"
    wrong = [p for p in found if not any(pair_near(p, s, TWICE_PAIR_TOL) for s in solutions)]
    if len(wrong) == 1 and any(matched):
        return False, f"one pair is right, the other is not: {computes(wrong[0], 2)}, not 4x + 3"
    if not wrong:
        return False, "both pairs are the same solution: w² = 4 has two roots"
    return False, f"{computes(wrong[0], 2)}, not 4x + 3: expand w(wx + b) + b"


@exercise("09.3")
def three_times_applied_solution(answer):
    """Check the one real (w, b) whose layer, applied three times, computes 1.233x + 0.988."""
    found = pairs([answer] if np.ndim(as_array(answer)) == 1 else answer)
    if found is None:
        return False, f"answer should be one (w, b) pair, got {describe(answer)}"
    if not np.isfinite(found).all():
        return False, not_finite(np.array(found), "the pair")
    if len(found) != 1:
        return False, f"give one pair (w, b): w³ = 1.233 has one real root, you gave {len(found)}"
    w = 1.233 ** (1 / 3)
    solution = (w, 0.988 / (w**2 + w + 1))
    if pair_near(found[0], solution, THRICE_PAIR_TOL):
        return True, (f"w³ = 1.233 and b(w² + w + 1) = 0.988 at (w, b) = "
                      f"({solution[0]:.4f}, {solution[1]:.4f}): the one real solution")
    return False, f"{computes(found[0], 3)}, not 1.233x + 0.988: expand w(w(wx + b) + b) + b"
