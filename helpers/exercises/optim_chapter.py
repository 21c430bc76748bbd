"""Checks for chapter 07's exercises, each against an independent NumPy computation."""
import numpy as np

from helpers.exercises import close_to, exercise, sine_points


@exercise("07.1")
def largest_stable_momentum_rate(answer):
    """Check heavy-ball momentum's (beta 0.9) limit: (1 + beta) / largest eigenvalue of X^T X."""
    features = np.vander(sine_points()[0], 4, increasing=True)  # columns 1, x, x^2, x^3
    limit = (1 + 0.9) / np.linalg.eigvalsh(features.T @ features).max()
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return False, f"the learning rate should be a number, got {type(answer).__name__}"
    if abs(value - limit) <= 0.02 * limit:
        return True, f"momentum 0.9 diverges above a learning rate of about {value:.2e}"
    side = "too large: runs diverge there" if value > limit else "too small: runs still converge"
    return False, f"{value:.2e} is {side}"


@exercise("07.2")
def condition_number_after_rescaling(answer):
    """Check cond(S^T S) for the rescaled columns 1, t, t^2, t^3 with t = x / pi."""
    features = np.vander(sine_points()[0] / np.pi, 4, increasing=True)
    return close_to(answer, float(np.linalg.cond(features.T @ features)), "cond(S^T S)")
