"""The lessons' checks of what they state: a verdict line for a learner, a failure under the tests.

A learner who changes a seed or a learning rate sees "✗ ...: does not hold in this run" and the
notebook runs on. The test suite sets COURSE_CLAIMS=strict (conftest.py, tools/run_notebooks.py),
so there a claim that does not hold fails its cell.
"""
import os

STRICT_ENV = "COURSE_CLAIMS"  # "strict": a claim that does not hold raises


class ClaimFailed(AssertionError):
    """A lesson's claim did not hold while the tests ran (COURSE_CLAIMS=strict)."""


def truth(holds):
    """Return `holds` as a Python bool: a bool, a NumPy bool or a one-element tensor or array."""
    if hasattr(holds, "numel") and holds.numel() == 1 or getattr(holds, "size", None) == 1:
        holds = holds.item()
    if type(holds).__name__ not in ("bool", "bool_"):
        raise TypeError(f"holds must be True or False (a comparison), got {holds!r}")
    return bool(holds)


def claim(statement, holds):
    """Print '✓ statement' when `holds`, else say it does not hold (raise under the tests)."""
    if not isinstance(statement, str) or not statement.strip():
        raise TypeError(f"statement must be a sentence (a non-empty str), got {statement!r}")
    if truth(holds):
        print(f"✓ {statement}")
    elif os.environ.get(STRICT_ENV) == "strict":
        raise ClaimFailed(f"does not hold: {statement}")
    else:
        print(f"✗ {statement}: does not hold in this run (did you change a setting above?)")
