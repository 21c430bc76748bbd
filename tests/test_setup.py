"""The one set-up call: seeds, threads, style, and what it prints."""
import random
import subprocess
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import numpy as np
import pytest
import torch
from nbclient import NotebookClient

from helpers import setup

ROOT = Path(__file__).resolve().parent.parent


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


def test_numpy_only_seeds_python_and_numpy_without_loading_torch():
    code = ("import random, sys; import numpy as np; import helpers; "
            "print(helpers.setup(seed=3, numpy_only=True)); "
            "print(random.random() == random.Random(3).random(), "
            "np.random.rand() == np.random.RandomState(3).rand(), 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "NumPy only, PyTorch not loaded | seed 3\nNone\nTrue True False\n"


def test_chapter_02_never_loads_torch():
    notebook = nbformat.read(ROOT / "notebooks" / "02_numpy.ipynb", as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("import sys\nprint('torch' in sys.modules)"))
    NotebookClient(notebook, timeout=300, kernel_name="python3", shutdown_kernel="immediate",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    assert notebook.cells[-1].outputs[0].text == "False\n"
