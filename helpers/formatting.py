"""Readable text for fitted models: a polynomial's formula with rounded coefficients."""
from helpers.validation import float_array, whole_number

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_x(power):
    """Return how the power `power` of x is written: '', ' x', ' x²', ' x³', ..."""
    return "" if power == 0 else " x" if power == 1 else " x" + str(power).translate(SUPERSCRIPTS)


def polynomial_formula(coefficients, digits=4):
    """Return 'y = a + b x + c x² ...' for coefficients lowest power first, rounded to `digits`."""
    values = float_array(coefficients, "coefficients", min_length=1)
    digits = whole_number(digits, "digits", 0, 10)
    text = "y ="
    for power, value in enumerate(values):
        value = round(float(value), digits) + 0.0  # + 0.0 turns -0.0 into 0.0: no noise sign
        sign = "-" if value < 0 else "" if power == 0 else "+"
        text += f" {sign}{' ' if power and sign else ''}{abs(value):.{digits}f}"
        text += power_of_x(power)
    return text
