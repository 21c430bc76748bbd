"""Checks for chapter 07's exercises, each against an independent NumPy computation."""
import numpy as np

from helpers.exercises import as_number, exercise, number_verdict, sine_points

MOMENTUM_RATE_TOL = 0.02  # relative; the exercise asks for the limit within 2%, by experiment
CONDITION_TOL = 1e-4  # relative; float32's cond(SᵀS) is off by about 2e-6


def momentum_rate_mistake(value, largest):
    """Return what a wrong answer to 07.1 got wrong, in words (largest: λmax of XᵀX)."""
    mistakes = [
        (1 / largest, "that is plain SGD's limit, 1/λmax: momentum 0.9 stays stable above it"),
        (2 / largest, "that is 2/λmax with λ of XᵀX, above the limit: with momentum β the "
         "bound is (1 + β)/λmax"),
        (1.9 / (2 * largest), "that uses the eigenvalues of the Hessian 2XᵀX: the formula's "
         "λmax is of XᵀX (`eigenvalues` above)"),
        (1 / (0.1 * largest), "1/(1 - β) is momentum's long-run step multiplier, not its "
         "stability limit"),
    ]
    for wrong, fix in mistakes:
        if abs(value - wrong) <= MOMENTUM_RATE_TOL * wrong:
            return fix
    side = "too large: runs diverge there" if value > 1.9 / largest else "too small: runs converge"
    return f"{side} (within 2% counts)"


@exercise("07.1")
def largest_stable_momentum_rate(answer):
    """Check heavy-ball momentum's (beta 0.9) limit: (1 + beta) / largest eigenvalue of X^T X."""
    features = np.vander(sine_points()[0], 4, increasing=True)  # columns 1, x, x^2, x^3
    largest = np.linalg.eigvalsh(features.T @ features).max()
    value, why = as_number(answer, "the learning rate")
    if why:
        return False, why
    if value <= 0:
        return False, "a learning rate is positive"
    if abs(value - 1.9 / largest) <= MOMENTUM_RATE_TOL * 1.9 / largest:
        return True, f"momentum 0.9 diverges above a learning rate of about {value:.3g}"
    return False, momentum_rate_mistake(value, largest)


@exercise("07.2")
def condition_number_after_rescaling(answer):
    """Check cond(S^T S) for the rescaled columns 1, t, t^2, t^3 with t = x / pi."""
    x = sine_points()[0]
    rescaled = np.vander(x / np.pi, 4, increasing=True)
    raw = np.vander(x, 4, increasing=True)
    cond = float(np.linalg.cond(rescaled.T @ rescaled))
    return number_verdict(answer, cond, "cond(SᵀS)", CONDITION_TOL, mistakes=[
        (float(np.linalg.cond(rescaled)), "that is cond(S): the exercise asks for SᵀS, which "
         "squares it"),
        (float(np.linalg.cond(raw.T @ raw)), "that is the raw columns' 325: divide x by π first"),
        (float(np.linalg.cond(rescaled[:, 1:].T @ rescaled[:, 1:])), "the column 1 (t⁰) is "
         "missing: S has the four columns 1, t, t², t³"),
    ], hint="S = torch.stack([t**0, t, t**2, t**3], dim=1) with t = x / π, then "
            "torch.linalg.cond(S.T @ S)")
