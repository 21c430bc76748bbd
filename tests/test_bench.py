"""tools/bench.py: its training-cell rule, memory reader, runners and table (never timings)."""
import importlib.util
import os
import resource
import runpy
from pathlib import Path

import nbformat
import numpy as np
import pytest

from helpers import least_squares_fit, noisy_line

ROOT = Path(__file__).resolve().parent.parent
HAS_PROC = Path("/proc/self/status").exists()


def load_bench():
    """Return the module tools/bench.py (a script, not a package)."""
    spec = importlib.util.spec_from_file_location("bench", ROOT / "tools" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = load_bench()


def test_training_cells_are_loops_with_an_update_step_and_cells_calling_them():
    sources = [
        "import helpers\ndevice = helpers.setup()",
        "for name in names:\n    print(name)",  # a loop without an update step
        "for t in range(2000):\n    # update: one step down the gradient\n    w = w - lr * g",
        "def train(optimizer, steps):\n    for t in range(steps):\n        optimizer.step()",
        "losses = {name: train(opt, 500) for name, opt in optimizers.items()}",  # calls train
        "optimizer.step()  # one step, not a loop",
        "while loss > 9.0:\n    a -= lr * a.grad",
        "runs = [helpers.train_with_optimizer(name, 1e-3, steps=500) for name in names]",
        "optimizer.step(closure)  # L-BFGS: its iterations run inside step",
        "print(helpers.cubic_features(x).shape)",  # a call, but no training
    ]
    assert bench.training_cells(sources) == [2, 3, 4, 6, 7, 8]
    assert bench.training_cells(["for t in range(3):\n    w -= g", "print(w)"]) == [0]
    assert bench.first_code_line("# NBVAL_IGNORE_OUTPUT\n# why\n\nhelpers.explorer()") == (
        "helpers.explorer()")
    assert bench.loop_ranges(sources, [2, 3]) == ["2000", "steps"]


@pytest.mark.skipif(not HAS_PROC, reason="no /proc on this system: bench prints n/a")
def test_cpu_seconds_are_what_getrusage_reports_for_this_process():
    sum(i * i for i in range(2_000_000))  # spend some CPU time
    usage = resource.getrusage(resource.RUSAGE_SELF)
    measured = bench.cpu_seconds(os.getpid())
    assert measured == pytest.approx(usage.ru_utime + usage.ru_stime, abs=0.05)
    assert bench.cpu_seconds(2**22 + 1) is None


@pytest.mark.skipif(not HAS_PROC, reason="no /proc on this system: bench prints n/a")
def test_peak_memory_is_what_getrusage_reports_for_this_process():
    peak = bench.peak_memory_mb(os.getpid())
    expected = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    assert peak == pytest.approx(expected, rel=0.05)
    assert bench.peak_memory_mb(2**22 + 1) is None  # above Linux's largest pid: no such process


def test_a_notebook_is_timed_cell_by_cell_with_its_kernel_memory(tmp_path):
    cells = [nbformat.v4.new_markdown_cell("# A title"), nbformat.v4.new_code_cell("x = 0"),
             nbformat.v4.new_code_cell(
                 "import time\nfor step in range(3):\n    time.sleep(0.1)\n    x -= 1  # update")]
    path = tmp_path / "02_numpy.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    book = bench.run_notebook(path)
    assert len(book["cells"]) == 2 and book["slowest"] == 1 and book["training_cells"] == 1
    assert book["training"] == book["cells"][1] >= 0.3  # three sleeps of 0.1 s
    assert book["ranges"] == ["3"] and book["setup"] == book["cells"][0]
    assert book["optimizer"] is False  # no torch.optim optimizer in it
    assert book["wall"] > book["kernel"] + sum(book["cells"])
    if HAS_PROC:
        assert 10 < book["peak"] < 600  # a bare Python kernel: tens of MB
        assert 0 < book["cpu"] < book["wall"]  # the sleeps use no CPU


def test_a_script_is_timed_with_its_peak_memory_and_exit_status(tmp_path):
    good, bad = tmp_path / "good.py", tmp_path / "bad.py"
    good.write_text("import time\ntime.sleep(0.2)\nprint('done')\n")  # long enough to sample
    bad.write_text("raise SystemExit('broken')\n")
    ran, failed = bench.run_script(good), bench.run_script(bad)
    assert ran["returncode"] == 0 and ran["tail"] == ["done"] and ran["wall"] > 0
    assert failed["returncode"] == 1 and failed["tail"] == ["broken"]
    if HAS_PROC:
        assert 1 < ran["peak"] < 100  # a bare interpreter, not this process with torch loaded
    if hasattr(os, "wait4"):
        assert 0 < ran["cpu"] < ran["wall"] - 0.2  # the 0.2 s sleep uses no CPU


def fake_book(name, wall, peak):
    """Return a bench result for a notebook with a 1 s kernel start and two timed cells."""
    return {"name": name, "wall": wall, "cpu": wall - 1, "kernel": 1.0, "setup": 2.0,
            "cells": [2.0, 3.5],
            "peak": peak, "training": 3.5, "training_cells": 1, "ranges": ["2000"], "slowest": 1,
            "first_lines": ["device = helpers.setup()", "for t in range(2000):"],
            "optimizer": name.startswith("07")}


def test_table_rows_totals_targets_and_overhead():
    books = [fake_book("01_introduction.ipynb", 8.0, 300.0),
             fake_book("02_numpy.ipynb", 9.0, 650.0)]
    scripts = {"02_numpy.ipynb": [{"name": "numpy_fit.py", "wall": 4.5, "cpu": 4.0, "peak": 30.0}]}
    head, rule, first, second, total = bench.notebook_rows(books, scripts)
    assert head.split() == ["chapter", "wall", "s", "cpu", "s", "kernel", "setup", "train", "s",
                            "peak", "MB", "slowest", "cell", "|", "script(s)", "wall", "s", "cpu",
                            "s", "MB"]
    assert set(rule) == {"-"} and len(rule) == len(head)
    assert first.split() == ["01_introduction.ipynb", "8.0", "7.0", "1.0", "2.0", "3.5", "300",
                             "[2]", "3.5", "s", "|", "-"]
    assert second.split()[-4:] == ["numpy_fit", "4.5", "4.0", "30"]
    assert total.split() == ["total", "(2", "notebooks)", "17.0", "15.0", "7.0", "|", "all",
                             "scripts", "4.5", "4.0"]
    targets = "\n".join(bench.target_lines(books, scripts))
    assert "17.0 s" in targets and "max 9.0 s (02_numpy.ipynb)" in targets
    assert "max 650 MB (02_numpy.ipynb)" in targets and "2.00x" in targets  # 9.0 s / 4.5 s
    assert "in CPU seconds: 2.00" in targets  # (9.0 - 1) / 4.0
    books.append(fake_book("09_control_flow_weight_sharing.ipynb", 10.0, 400.0))
    scripts[books[-1]["name"]] = [{"name": "dynamic_net.py", "wall": 40.0, "cpu": 36.0}]
    lines = bench.target_lines(books, scripts)
    assert "0.43x" in lines[4]  # (9 + 10) / (4.5 + 40)
    assert lines[-1].endswith("without it: 2.00; in CPU seconds: 2.00")
    assert [line.split()[-1] for line in targets.splitlines()[1:5]] == [
        "met", "met", "MISSED", "MISSED"]
    assert "02: notebook range(2000) | script numpy_fit.py 2,000 steps" in "\n".join(
        bench.work_lines(books))
    assert "02 [2]   3.5 s: for t in range(2000):" in "\n".join(bench.slow_cell_lines(books))


def test_notebooks_that_build_a_torch_optim_optimizer_are_found():
    assert bench.builds_optimizer(["x = 1", "opt = torch.optim.SGD(model.parameters(), lr=1)"])
    assert bench.builds_optimizer(["run = helpers.train_with_optimizer('Adam', 0.1)"])
    assert not bench.builds_optimizer(["import torch.optim", "a -= lr * a.grad  # update"])


def test_startup_is_timed_in_a_fresh_process_after_its_preparation():
    assert bench.startup_seconds("import time", "time.sleep(0.2)") >= 0.2
    assert bench.startup_seconds("import sys", "assert 'torch' not in sys.modules") < 0.2


def test_startup_lines_add_kernels_setups_and_first_optimizers():
    books = [fake_book("06_nn.ipynb", 8.0, 300.0), fake_book("07_optim.ipynb", 12.0, 300.0)]
    lines = bench.startup_lines(books, {"torch": 1.9, "pyplot": 0.8, "optimizer": 2.2})
    assert lines[1].split()[-2:] == ["2.0", "s"] and lines[2].split()[-2:] == ["4.0", "s"]
    assert lines[3].strip() == "import torch: 1.9 s in a fresh process"
    assert lines[5].endswith("notebooks that build one: 07; about 2.2 s")
    assert lines[6].strip() == ("together about 8.2 s of the 20.0 s total; "
                                "the lessons' code: about 11.8 s")  # 2 + 4 + 2.2; 20 - 8.2


def test_the_line_scripts_reach_the_exact_solutions():
    fit = runpy.run_path(str(bench.SCRIPT_DIR / "line_one_sample.py"))["fit"]
    assert np.allclose(fit()[1], [1.233, 0.988], atol=1e-3)  # y = w x + b itself
    assert np.allclose(fit(twice=True)[1], [1.1104, 0.4682], atol=1e-2)  # w^2, b (w + 1)
    regression = runpy.run_path(str(bench.SCRIPT_DIR / "linear_regression.py"))["fit"]
    intercept, slope = least_squares_fit(*noisy_line(), degree=1).coefficients
    assert np.allclose(regression()[1], [intercept, slope], atol=0.05)  # 100 epochs: close
