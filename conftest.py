"""Strict lesson claims in every kernel the tests start; and stop a pytest run before it collects
anything when COURSE_DEVICE names a device this machine lacks (`make test-gpu` on a machine
without CUDA): one clear error instead of every notebook failing on its set-up cell."""
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
