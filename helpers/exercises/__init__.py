"""Exercise checks: `check(exercise_id, answer)` tells a learner whether an answer is right.

Each chapter's checks live in a module of this package and register with `@exercise("02.1")`.
"""
import importlib
import pkgutil

from helpers.data import sine_points  # noqa: F401 (the chapters' checks import it from here)

CHECKS = {}


def exercise(exercise_id):
    """Return a decorator that registers a check function under `exercise_id`."""
    def register(function):
        if exercise_id in CHECKS:
            raise ValueError(f"exercise {exercise_id!r} is registered twice")
        CHECKS[exercise_id] = function
        return function
    return register


def verdict(exercise_id, answer):
    """Return (ok, message): whether `answer` solves exercise `exercise_id`, and why."""
    if exercise_id not in CHECKS:
        raise ValueError(f"unknown exercise {exercise_id!r}; known: {', '.join(sorted(CHECKS))}")
    if answer is None:
        return False, "no answer yet: replace None with your answer"
    return CHECKS[exercise_id](answer)


def check(exercise_id, answer):
    """Print whether `answer` solves exercise `exercise_id` (Correct or Not yet, and why)."""
    ok, message = verdict(exercise_id, answer)
    print(f"{'Correct' if ok else 'Not yet'} ({exercise_id}): {message}")


def close_to(answer, expected, what, rel=1e-3):
    """Return (ok, message) saying whether the number `answer` is within `rel` of `expected`."""
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return False, f"{what} should be a number, got {type(answer).__name__}"
    if abs(value - expected) <= rel * abs(expected):
        return True, f"{what} = {value:.4f}"
    return False, f"{what} = {value:.4f} is not right yet (off by more than {rel:.0e} relative)"


for module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{module.name}")
