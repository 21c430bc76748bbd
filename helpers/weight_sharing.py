"""Chapter 09's exact references: the random-depth DynamicNet's best average loss, and the two
exact solutions of one linear layer applied twice, y = w(wx + b) + b = w²x + b(w + 1)."""
import math

import numpy as np

from helpers.reference import Fit, as_float64

EXTRA_TERMS = (0, 1, 2)  # DynamicNet adds no term, e x⁴, or e x⁴ + e x⁵: each 1/3 of the time


def dynamic_net_features(x, extra_terms):
    """Return the (n, 5) float64 features 1, x, x², x³ and the sum of x⁴ ... x^(3+extra_terms)."""
    if extra_terms not in EXTRA_TERMS:
        raise ValueError(f"extra_terms must be one of {EXTRA_TERMS} (got {extra_terms!r})")
    x = as_float64(x, "x")
    shared = sum((x**power for power in range(4, 4 + extra_terms)), np.zeros_like(x))
    return np.stack([x**0, x, x**2, x**3, shared], axis=1)  # the 5th column is e's feature


def dynamic_net_losses(coefficients, x, y):
    """Return the summed squared errors of (a, b, c, d, e) under the 0-, 1- and 2-term graphs."""
    coefficients, y = as_float64(coefficients, "coefficients"), as_float64(y, "y")
    if coefficients.shape != (5,):
        raise ValueError(f"need the five coefficients a, b, c, d, e (got {len(coefficients)})")
    if len(x) != len(y):
        raise ValueError(f"x and y must have the same length (got {len(x)} and {len(y)})")
    residuals = [dynamic_net_features(x, k) @ coefficients - y for k in EXTRA_TERMS]
    return np.array([float(r @ r) for r in residuals])


def dynamic_net_optimum(x, y):
    """Return the Fit (a, b, c, d, e) with the smallest loss averaged over the three graphs."""
    y = as_float64(y, "y")
    if len(x) != len(y) or len(y) < 5:
        raise ValueError(f"need x and y of one length, at least 5 (got {len(x)} and {len(y)})")
    # The average of three least-squares losses is one least-squares problem on stacked rows.
    features = np.concatenate([dynamic_net_features(x, k) for k in EXTRA_TERMS])
    coefficients, *_ = np.linalg.lstsq(features, np.tile(y, len(EXTRA_TERMS)), rcond=None)
    return Fit(coefficients, float(dynamic_net_losses(coefficients, x, y).mean()))


def twice_applied_line_solutions(slope, intercept):
    """Return both (w, b) with w²x + b(w + 1) = slope·x + intercept: w >= 0 first, then w <= 0."""
    if not all(isinstance(v, int | float) and math.isfinite(v) for v in (slope, intercept)):
        raise ValueError(f"slope and intercept must be finite numbers (got {slope!r}, "
                         f"{intercept!r})")
    if slope < 0:
        raise ValueError(f"slope must be >= 0: w² = slope has no real w (got {slope!r})")
    if slope == 1:
        raise ValueError("slope 1 gives w = -1, where b(w + 1) = 0 cannot reach the intercept; "
                         "allowed: any slope >= 0 except 1")
    w = math.sqrt(slope)  # slope 0 gives w = 0 twice: the two solutions coincide
    return (w, intercept / (w + 1)), (-w, intercept / (1 - w))
