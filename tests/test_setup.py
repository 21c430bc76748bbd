"""The one set-up call: seeds, threads, style, and what it prints."""
import random

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

from helpers import setup


def draws():
    """Return one draw from each random number generator the course uses."""
    return random.random(), float(np.random.rand()), float(torch.rand(()))


def test_setup_makes_every_generator_repeat(capsys):
    setup(seed=7)
    first = draws()
    setup(seed=7)
    assert draws() == first
    setup(seed=8)
    assert draws() != first


def test_setup_fixes_threads_prints_versions_and_returns_the_device(capsys):
    previous = torch.get_num_threads()
    try:
        device = setup(threads=1)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(previous)
    assert device == torch.device("cpu")
    printed = capsys.readouterr().out
    assert printed == f"torch {torch.__version__} | device cpu | seed 0 | threads 1\n"
    assert plt.rcParams["axes.grid"] is True


@pytest.mark.parametrize("threads", [0, -1, 1.5])
def test_setup_rejects_a_bad_thread_count(threads):
    with pytest.raises(ValueError, match="threads must be a whole number >= 1"):
        setup(threads=threads)
