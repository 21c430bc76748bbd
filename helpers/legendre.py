"""The exact optimum of chapter 05's model a + b * P3(c + d * x), computed in float64."""
import math
from typing import NamedTuple

import numpy as np

from helpers.reference import least_squares_fit
from helpers.validation import WrongType, float_array, is_number, is_tensor, kind, refuse


class LegendreFit(NamedTuple):
    """Parameters of y = a + b * P3(c + d * x) and their summed squared error."""

    a: float
    b: float
    c: float
    d: float
    loss: float


def legendre_p3(u):
    """Return the Legendre polynomial P3(u) = (5 u^3 - 3 u) / 2 (for numbers, arrays, tensors)."""
    if not (is_number(u) or (is_tensor(u) or isinstance(u, np.ndarray)) and kind(u) in "iuf"):
        refuse("u", "a number, or a NumPy array or tensor of numbers", u, WrongType)
    finite = u.detach().isfinite().all() if is_tensor(u) else np.isfinite(u).all()
    if not finite:
        raise ValueError("u must hold finite numbers only (got NaN or inf)")
    return 0.5 * (5 * u**3 - 3 * u)


def legendre_least_squares_fit(x, y):
    """Return the exact least-squares LegendreFit (d > 0) of y on x for a + b * P3(c + d * x).

    The model is a cubic in x, so no choice beats the best cubic; this inverts the best cubic
    p(x) around its inflection point x0: a = p(x0), -3bd/2 = p'(x0), 5bd^3/2 = its x^3 term.
    """
    cubic = least_squares_fit(x, y, degree=3)
    _, k1, k2, k3 = cubic.coefficients  # lowest power first
    x0 = -k2 / (3 * k3) if k3 else 0.0  # inflection point of the best cubic: c + d * x0 = 0
    slope = k1 + 2 * k2 * x0 + 3 * k3 * x0**2  # p'(x0)
    if slope * k3 >= 0:  # includes k3 == 0: P3 needs an x^3 term
        raise ValueError("the best cubic is out of reach: a + b * P3(c + d * x) needs its slope "
                         f"at the inflection point ({slope:.4g}) and its x^3 term ({k3:.4g}) "
                         "to have opposite signs")
    d = math.sqrt(-3 * k3 / (5 * slope))
    b = 2 * k3 / (5 * d**3)
    a = float(np.polynomial.polynomial.polyval(x0, cubic.coefficients))
    x, y = float_array(x, "x"), float_array(y, "y")
    residual = a + b * legendre_p3(d * (x - x0)) - y  # the model itself, evaluated in float64
    return LegendreFit(a, float(b), float(-d * x0), d, float(residual @ residual))
