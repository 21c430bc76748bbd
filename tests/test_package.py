"""`helpers.name` loads the module that defines `name` at first use, and only that; every name a
notebook uses is one of them."""
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import helpers


@pytest.mark.parametrize("name", helpers.__all__)
def test_every_helper_comes_from_the_module_that_defines_it(name):
    home = helpers.MODULE_OF.get(name, "setup")  # setup is bound eagerly, see helpers/__init__
    assert getattr(helpers, name).__module__ == f"helpers.{home}"
    assert name in dir(helpers)  # tab completion lists it, loaded or not


def test_an_unknown_helper_is_an_attribute_error_that_names_it():
    with pytest.raises(AttributeError, match="module 'helpers' has no attribute 'sine_dta'"):
        helpers.sine_dta  # noqa: B018 (the lookup itself is the test)


def test_a_fresh_interpreter_loads_torch_only_when_a_helper_needs_it():
    # One fresh interpreter for every 'not loaded yet' fact (each costs a second or more).
    code = ("import random, sys; import numpy as np; import helpers\n"
            "def torch(): return 'torch' in sys.modules\n"
            "print(torch(), callable(helpers.setup))\n"
            "print(helpers.setup(seed=3, numpy_only=True))\n"
            "print(random.random() == random.Random(3).random(), "
            "np.random.rand() == np.random.RandomState(3).rand(), torch())\n"
            "helpers.least_squares_fit; print(torch())\n"
            "helpers.sine_data; print(torch())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported, numpy_only, versions, returned, seeded, numpy_helper, torch_helper = (
        out.stdout.splitlines())
    assert imported == "False True"  # import helpers: no torch, setup bound
    # setup(numpy_only=True): prints its line, seeds Python and NumPy, returns None, no torch
    assert numpy_only == "NumPy only, PyTorch not loaded | seed 3" and "torch" not in versions
    assert (returned, seeded) == ("None", "True True False")
    assert (numpy_helper, torch_helper) == ("False", "True")  # a NumPy helper, then a torch one


def test_every_helper_a_notebook_uses_is_a_public_name_of_the_package():
    books = Path(__file__).resolve().parent.parent / "notebooks"
    lines = [line for path in books.glob("*.ipynb")
             for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"
             for line in cell.source.splitlines() if not line.lstrip().startswith("from ")]
    used = {name for line in lines for name in re.findall(r"\bhelpers\.(\w+)", line)}
    assert "sine_data" in used and sorted(used - set(helpers.__all__)) == []
