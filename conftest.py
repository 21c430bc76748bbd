"""Strict lesson claims in every kernel the tests start; the longest test files and notebooks
handed out first; and stop a pytest run before it collects anything when COURSE_DEVICE names a
device this machine lacks (`make test-gpu` on a machine without CUDA): one clear error instead of
every notebook failing on its set-up cell."""
import os

import pytest

# Every kernel the tests start (nbval, nbclient) inherits this: a lesson's helpers.claim that does
# not hold fails its cell instead of printing a verdict (helpers/claims.py).
os.environ["COURSE_CLAIMS"] = "strict"
os.environ["COURSE_PROGRESS"] = "off"  # and no check writes the learner's progress file


def pytest_configure(config):
    if not os.environ.get("COURSE_DEVICE"):
        return  # the default, CPU: nothing to check, and no torch import here
    from helpers.device import course_device

    try:
        course_device()
    except ValueError as error:
        raise pytest.UsageError(f"COURSE_DEVICE={os.environ['COURSE_DEVICE']}: {error}") from None


# The longest scopes (test files, notebooks) by measured run time on the 2-core machine, longest
# first, as path prefixes. pytest-xdist's --dist loadscope hands out scopes in collection order,
# and testpaths collects tests/ before notebooks/: without this the longest notebooks start last
# and one worker runs them alone at the end. Unlisted scopes keep their order, after these.
LONGEST_FIRST = ("notebooks/09_", "tests/test_grading.py", "notebooks/07_", "notebooks/10_",
                 "tests/test_gpu_parity.py", "notebooks/08_",
                 "notebooks/05_", "notebooks/03_", "notebooks/06_", "notebooks/04_")


def start_rank(item):
    """Return where the scope of test `item` comes in LONGEST_FIRST (its length if unlisted)."""
    scope = item.nodeid.split("::")[0]
    return next((rank for rank, prefix in enumerate(LONGEST_FIRST) if scope.startswith(prefix)),
                len(LONGEST_FIRST))


def pytest_collection_modifyitems(items):
    items.sort(key=start_rank)  # stable: each scope's tests (a notebook's cells) stay in order
