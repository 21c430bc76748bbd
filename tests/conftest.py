"""Test set-up: plots render off screen, and no test depends on the user's COURSE_DEVICE."""
import matplotlib
import pytest

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def cpu_by_default(monkeypatch):
    """Run every helper test as on a fresh machine: COURSE_DEVICE unset."""
    monkeypatch.delenv("COURSE_DEVICE", raising=False)
