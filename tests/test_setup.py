"""The one set-up call: seeds, threads, style, and what it prints."""
import configparser
import random
import re
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

# Not named `setup` here: pytest 8.0's nose plugin would call a module-level `setup` as a hook.
from helpers import setup as course_setup

ROOT = Path(__file__).resolve().parent.parent


def draws():
    """Return one draw from each random number generator the course uses."""
    return random.random(), float(np.random.rand()), float(torch.rand(()))


def test_setup_makes_every_generator_repeat(capsys):
    course_setup(seed=7)
    first = draws()
    course_setup(seed=7)
    assert draws() == first
    course_setup(seed=8)
    assert draws() != first


def sanitized(text):
    """Return `text` as strict nbval compares it: with tests/nbval_sanitize.cfg applied."""
    config = configparser.ConfigParser()
    config.read(ROOT / "tests" / "nbval_sanitize.cfg")
    for section in config.sections():
        text = re.sub(config[section]["regex"], config[section]["replace"], text)
    return text


def test_setup_fixes_threads_and_style_and_returns_the_device(capsys):
    previous = torch.get_num_threads()
    try:
        device = course_setup(threads=1)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(previous)
    assert device == torch.device("cpu")
    assert plt.rcParams["axes.grid"] is True


def test_setup_prints_the_settings_then_the_versions_without_a_build_suffix(capsys):
    course_setup(seed=5, threads=1)
    settings, versions = capsys.readouterr().out.splitlines()
    assert settings.split(" | ") == ["device cpu", "seed 5", "threads 1"]
    release = torch.__version__.split("+")[0]
    assert f"torch {release} (" in versions and torch.__version__.partition("+")[1] not in versions
    assert f"NumPy {np.__version__}" in versions and f"Python {sys.version.split()[0]}" in versions


def test_only_the_versions_line_escapes_strict_comparison(capsys):
    course_setup()
    course_setup(numpy_only=True)
    printed = capsys.readouterr().out
    other_machine = re.sub(r"\d+\.\d+\.\d+", "9.99.0", printed).replace("CPU-only", "CUDA 13.0")
    assert other_machine != printed
    assert sanitized(other_machine) == sanitized(printed)
    assert sanitized(printed.replace("seed 0", "seed 1")) != sanitized(printed)
    assert sanitized(printed).count("not compared") == 2


@pytest.mark.parametrize("threads", [0, -1, 1.5])
def test_setup_rejects_a_bad_thread_count(threads):
    with pytest.raises(ValueError, match="threads must be a whole number >= 1"):
        course_setup(threads=threads)


# setup(numpy_only=True) in a fresh interpreter (seeds Python and NumPy, returns None, loads no
# torch): tests/test_package.py, in the one fresh interpreter of the lazy-import facts.

# Chapter 02 (lessons and worked solutions) never loads torch: tests/test_grading.py, in the
# grader's kernel that runs it anyway.
