"""Exercise checks: `check(exercise_id, answer)` tells a learner whether an answer is right.

Each chapter's checks live in a module of this package and register with `@exercise("02.1")`.
A chapter's module is imported at its first check, so chapter 02's checks never load torch.
"""
import importlib

import numpy as np

from helpers.course import CHAPTERS
from helpers.learner_progress import record_verdict
from helpers.reference import sine_points  # noqa: F401 (the chapters' checks import it from here)

CLOSE = 0.01  # nearer than this (relative) but not right: "close, but not to the precision asked"
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
    try:
        return CHECKS[exercise_id](answer)
    except Exception as error:  # an answer no check foresaw: explain instead of crashing
        return False, f"the check could not use this answer ({describe(answer)}): {oneline(error)}"


def check(exercise_id, answer):
    """Print one line: whether `answer` solves exercise `exercise_id` (Correct or Not yet), why."""
    ok, message = verdict(exercise_id, answer)
    print(f"{'Correct' if ok else 'Not yet'} ({exercise_id}): {' '.join(str(message).split())}")
    record_verdict(exercise_id, ok)  # a solved exercise joins helpers.progress()


def oneline(error, limit=160):
    """Return the exception `error` as one short line: its type and the start of its message."""
    text = " ".join(str(error).split())
    text = text if len(text) <= limit else text[:limit] + "..."
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def describe(answer):
    """Return a few words saying what `answer` is: its type, and its shape or length if any."""
    kind = "NumPy array" if isinstance(answer, np.ndarray) else type(answer).__name__
    kind = "tensor" if is_tensor(answer) else kind
    article = "an" if kind[:1].lower() in "aeiou" else "a"
    if isinstance(answer, str):
        return f"the text {answer[:24]!r}"
    if isinstance(answer, bool | np.bool_):
        return f"the truth value {bool(answer)}"
    try:
        shape = getattr(answer, "shape", None)
    except Exception:  # an object whose attributes raise
        shape = None
    if isinstance(shape, tuple):  # NumPy arrays and torch tensors (torch.Size is a tuple)
        return f"{article} {kind} of shape {tuple(shape)}"
    if isinstance(answer, list | tuple | dict):
        return f"{article} {kind} of {len(answer)} item{'s' * (len(answer) != 1)}"
    return f"{article} {kind}"


def is_tensor(answer):
    """Return whether `answer` is a torch tensor (asking its type: torch need not be loaded)."""
    return hasattr(type(answer), "detach") and hasattr(type(answer), "numel")


def as_array(answer):
    """Return `answer` (a tensor on any device, array, number or nested list) as NumPy, or None."""
    try:
        values = answer.detach().cpu().tolist() if is_tensor(answer) else answer
        array = np.array(values)
    except Exception:  # ragged lists, objects whose methods raise, ...
        return None
    return array.astype(np.float64) if array.dtype.kind in "iuf" else None


def not_finite(array, what):
    """Return why the float array `array` is not usable (NaN or infinite), or None if it is."""
    if np.isnan(array).any():
        return (f"{what}: got NaN (not a number), a step of your computation overflowed or took "
                "0/0 or inf - inf; print the intermediate values to find the first NaN")
    if np.isinf(array).any():
        return f"{what}: got infinity, a step of your computation overflowed; print its values"
    return None


def as_number(answer, what):
    """Return (value, None) if `answer` is one finite real number, else (None, why not)."""
    if isinstance(answer, str):
        return None, (f"{what} should be the number your code computes, not text "
                      f"({describe(answer)}): pass the result itself, without quotes")
    if isinstance(answer, bool | np.bool_) or isinstance(answer, list | tuple | dict):
        return None, f"{what} should be one number, got {describe(answer)}"
    array = as_array(answer)
    if array is None:
        return None, f"{what} should be a number, got {describe(answer)}"
    if array.size != 1:
        return None, f"{what} should be one number, got {describe(answer)}"
    why = not_finite(array, what)
    return (None, why) if why else (float(array.reshape(())), None)


def near(value, target, rel):
    """Return whether `value` is within the relative tolerance `rel` of `target`."""
    return abs(value - target) <= rel * abs(target)


def number_verdict(answer, expected, what, rel, mistakes=(), hint="", shown=None):
    """Return (ok, message) for the number `answer`: right within `rel`, a known mistake, or not.

    `mistakes` holds (wrong value, what to fix) pairs; `shown`, if given, is the number of
    decimals a chapter displays, and exactly that rounding of `expected` is accepted too.
    """
    value, why = as_number(answer, what)
    if why:
        return False, why
    if near(value, expected, rel):
        return True, f"{what} is {value:.5g}"
    if shown is not None and value == round(expected, shown):
        return True, f"{what} is {value:g} as the chapter prints it; computed, {expected:.5g}"
    for wrong, fix in mistakes:
        if near(value, wrong, rel):
            return False, fix
    if near(value, expected, CLOSE):
        return False, (f"close, but not {what} to the precision asked: do not round or type it, "
                       "let your code compute it and pass the result")
    return False, f"that is not {what} yet{': ' + hint if hint else ''}"
