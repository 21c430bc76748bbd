"""Readable text for fitted models: a polynomial's formula with rounded coefficients."""
from helpers.reference import to_float64

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_x(power):
    """Return how the power `power` of x is written: '', ' x', ' x²', ' x³', ..."""
    return "" if power == 0 else " x" if power == 1 else " x" + str(power).translate(SUPERSCRIPTS)


def polynomial_formula(coefficients, digits=4):
    """Return 'y = a + b x + c x² ...' for coefficients lowest power first, rounded to `digits`."""
    values = to_float64(coefficients)
    if values.ndim != 1 or len(values) == 0:
        raise ValueError(f"coefficients must be a non-empty 1-D sequence (got {values.shape})")
    if int(digits) != digits or not 0 <= digits <= 10:
        raise ValueError(f"digits must be a whole number from 0 to 10 (got {digits!r})")
    text = "y ="
    for power, value in enumerate(values):
        value = round(float(value), int(digits)) + 0.0  # + 0.0 turns -0.0 into 0.0: no noise sign
        sign = "-" if value < 0 else "" if power == 0 else "+"
        text += f" {sign}{' ' if power and sign else ''}{abs(value):.{int(digits)}f}"
        text += power_of_x(power)
    return text
