"""Exercise checks: `check(exercise_id, answer)` tells a learner whether an answer is right.

Each chapter's checks live in a module of this package and register with `@exercise("02.1")`.
A chapter's module is imported at its first check, so chapter 02's checks never load torch.
"""
import importlib

from helpers.course import CHAPTERS
from helpers.reference import sine_points  # noqa: F401 (the chapters' checks import it from here)

CHECKS = {}
CHECK_MODULES = {  # chapter -> the module of this package that holds its checks
    chapter.number: chapter.checks for chapter in CHAPTERS}


def exercise(exercise_id):
    """Return a decorator that registers a check function under `exercise_id`."""
    def register(function):
        if exercise_id in CHECKS:
            raise ValueError(f"exercise {exercise_id!r} is registered twice")
        CHECKS[exercise_id] = function
        return function
    return register


def load_checks(chapters=CHECK_MODULES):
    """Import the check modules of `chapters` (default: all), registering them; return CHECKS."""
    for chapter in chapters:
        importlib.import_module(f"{__name__}.{CHECK_MODULES[chapter]}")
    return CHECKS


def verdict(exercise_id, answer):
    """Return (ok, message): whether `answer` solves exercise `exercise_id`, and why."""
    chapter = str(exercise_id).split(".")[0]
    if chapter in CHECK_MODULES:
        load_checks([chapter])
    if exercise_id not in CHECKS:
        load_checks()  # every chapter's, to list every known exercise
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
