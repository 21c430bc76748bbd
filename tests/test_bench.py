"""tools/bench.py: its memory reader and runners measure what they say, its verdicts follow the
targets given fake timings, and a failing chapter or script fails the run (never timings)."""
import os
import resource
import runpy
from pathlib import Path

import nbformat
import numpy as np
import pytest

from helpers import least_squares_fit, noisy_line
from helpers.course import CHAPTERS, Chapter
from tools import bench

HAS_PROC = Path("/proc/self/status").exists()


def chapter(number, scripts=(), less_work=None):
    """Return a made-up chapter `number` with the given plain scripts."""
    return Chapter(f"{number}_made_up.ipynb", f"{number} · Made up", "nothing", 1, "none",
                   scripts=tuple(scripts), less_work=less_work)


def row(number, wall, peak=100.0, scripts=None, less_work=None):
    """Return a bench row: chapter `number` took `wall` s, its scripts {name: wall s}."""
    scripts = scripts or {}
    return {"chapter": chapter(number, scripts, less_work), "wall": wall, "peak": peak,
            "scripts": scripts}


def verdict_of(rows, target, redraws=None):
    """Return (figure, met) of `target` for `rows`."""
    return next((figure, met) for name, figure, _, met in bench.verdicts(rows, redraws)
                if name == target)


@pytest.mark.skipif(not HAS_PROC, reason="no /proc on this system: bench prints n/a")
def test_peak_memory_is_what_getrusage_reports_for_this_process():
    peak = bench.peak_memory_mb(os.getpid())
    expected = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    assert peak == pytest.approx(expected, rel=0.05)
    assert bench.peak_memory_mb(2**22 + 1) is None  # above Linux's largest pid: no such process


def test_a_notebook_is_timed_from_kernel_start_with_its_kernel_peak_memory(tmp_path):
    code = "import time\ntime.sleep(0.3)\nblock = bytearray(50 * 2**20)  # 50 MB"
    path = tmp_path / "02_numpy.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)]), path)
    wall, peak = bench.run_notebook(path)
    assert wall > 0.3
    if HAS_PROC:
        assert 50 < peak < 600  # a bare Python kernel holding 50 MB, not this process


def test_a_script_is_timed_with_its_exit_status_and_last_line(tmp_path):
    good, bad = tmp_path / "good.py", tmp_path / "bad.py"
    good.write_text("import time\ntime.sleep(0.2)\nprint('done')\n")
    bad.write_text("raise SystemExit('broken')\n")
    wall, status, last = bench.run_script(good)
    assert wall > 0.2 and status == 0 and last == "done"
    assert bench.run_script(bad)[1:] == (1, "broken")


def test_each_target_is_met_up_to_its_limit_and_missed_above_it():
    assert verdict_of([row("01", 30.0), row("02", 30.0)], "whole course") == (
        "60.0 s (2 chapters)", True)
    assert verdict_of([row("01", 30.0), row("02", 30.1)], "whole course")[1] is False
    assert verdict_of([row("01", 15.0), row("02", 3.0)], "slowest chapter") == ("15.0 s (01)", True)
    assert verdict_of([row("01", 3.0), row("02", 15.5)], "slowest chapter") == (
        "15.5 s (02)", False)
    assert verdict_of([row("01", 1.0, 601.0), row("02", 1.0, 300.0)], "kernel peak memory") == (
        "601 MB (01)", False)
    assert verdict_of([row("01", 1.0, 600.0)], "kernel peak memory")[1] is True


def test_overhead_is_notebook_time_over_script_time_where_there_are_scripts():
    rows = [row("01", 5.0),  # no scripts: not counted
            row("02", 6.0, scripts={"a": 2.0}), row("03", 3.0, scripts={"b": 2.0, "c": 2.0})]
    assert bench.overhead(rows) == pytest.approx((6.0 + 3.0) / (2.0 + 2.0 + 2.0))
    assert verdict_of(rows, "overhead over the plain scripts") == ("1.50 x", True)
    rows.append(row("04", 2.0, scripts={"long": 30.0}, less_work="trains 1/10 of the script"))
    assert verdict_of(rows, "overhead over the plain scripts") == ("0.31 x", True)  # 11 / 36
    assert verdict_of(rows, "overhead without the chapters that train less") == ("1.50 x", True)
    rows[1]["wall"] = 7.0  # (7 + 3) / 6
    assert verdict_of(rows, "overhead without the chapters that train less")[1] is False


def test_what_was_not_measured_is_neither_met_nor_missed():
    rows = [row("01", 1.0, peak=None)]  # no /proc, no scripts, no explorer timed
    for target in ("kernel peak memory", "overhead over the plain scripts",
                   "slowest explorer redraw"):
        assert verdict_of(rows, target) == ("n/a", None)
    assert verdict_of(rows, "slowest explorer redraw", {"lr": 0.3, "optim": 0.1}) == (
        "0.30 s (lr)", True)
    assert verdict_of(rows, "slowest explorer redraw", {"lr": 0.31})[1] is False
    assert "01" in "\n".join(bench.report(rows))


def test_the_explorers_timed_are_those_of_the_chapters_own_modules():
    import helpers

    names = bench.explorer_names(CHAPTERS)
    assert len(names) == sum(m.startswith("explorers.") for c in CHAPTERS for m in c.helpers)
    assert all(callable(getattr(helpers, name)) for name in names)
    assert bench.explorer_names([c for c in CHAPTERS if c.number == "01"]) == []


@pytest.fixture
def no_explorers(monkeypatch):
    """Time no explorer and no start-up in bench.main (each starts kernels or trains for real)."""
    monkeypatch.setattr(bench, "explorer_redraws", lambda chapters: {})
    monkeypatch.setattr(bench, "start_up_seconds", lambda: (3.0, 1.5))


def test_the_start_up_is_the_kernel_time_less_what_its_first_optimizer_printed(monkeypatch):
    class Client:  # runs no kernel: takes 0.2 s and prints what the optimizer cell would
        def __init__(self, notebook, **_):
            self.notebook = notebook

        def execute(self):
            import time

            time.sleep(0.2)
            self.notebook.cells[1].outputs = [nbformat.v4.new_output("stream", text="0.15\n")]
            return self.notebook

    monkeypatch.setattr(bench, "NotebookClient", Client)
    kernel, optimizer = bench.start_up_seconds()
    assert optimizer == 0.15 and 0.05 <= kernel < 0.2


def test_the_report_gives_the_start_up_of_every_chapter_and_their_sum():
    text = "\n".join(bench.report([row("01", 5.0), row("02", 6.0)], start_up=(3.3, 1.5)))
    assert "(kernel, torch, helpers.setup()): 3.3 s, 6.6 s for 2 chapters" in text
    assert "first torch.optim optimizer adds 1.5 s" in text
    assert "start-up" not in "\n".join(bench.report([row("01", 5.0)]))  # not measured: no line


def test_every_chapter_and_its_scripts_are_run_and_a_failure_fails_the_run(monkeypatch, capsys):
    monkeypatch.setattr(bench, "explorer_redraws", lambda chapters: {"lr_explorer": 0.25})
    monkeypatch.setattr(bench, "start_up_seconds", lambda: (3.0, 1.5))
    ran = []
    monkeypatch.setattr(bench, "run_notebook", lambda path: ran.append(path.name) or (1.0, 90.0))
    monkeypatch.setattr(bench, "run_script", lambda path: ran.append(path.name) or (
        (0.5, 1, "Traceback: boom") if path.name == "numpy_fit.py" else (0.5, 0, "ok")))
    books = [bench.ROOT / "notebooks" / name for name in
             ("02_numpy.ipynb", "09_control_flow_weight_sharing.ipynb")]
    assert bench.main([str(path) for path in books]) == 1
    assert ran == ["02_numpy.ipynb", "numpy_fit.py", "09_control_flow_weight_sharing.ipynb",
                   "dynamic_net.py", "repeated_linear.py"]  # from helpers/course.py
    out = capsys.readouterr().out
    assert "FAILED numpy_fit.py: exit 1: Traceback: boom" in out and "whole course" in out
    assert "lr_explorer 0.25" in out and "0.25 s (lr_explorer)" in out
    assert "3.0 s, 6.0 s for 2 chapters" in out


def test_a_broken_notebook_is_reported_and_the_others_still_timed(monkeypatch, capsys,
                                                                 no_explorers):
    def run_notebook(path):
        if path.name.startswith("01"):
            raise RuntimeError("cell 3 failed\nNameError: x")
        return 2.0, 90.0
    monkeypatch.setattr(bench, "run_notebook", run_notebook)
    monkeypatch.setattr(bench, "run_script", lambda path: (0.5, 0, "ok"))
    books = [bench.ROOT / "notebooks" / name for name in ("01_introduction.ipynb", "06_nn.ipynb")]
    assert bench.main([str(path) for path in books]) == 1
    out = capsys.readouterr().out
    assert "FAILED 01_introduction.ipynb: RuntimeError" in out and "4.00 x" in out  # 2.0 / 0.5


def test_a_notebook_that_is_not_a_chapter_is_refused():
    with pytest.raises(SystemExit, match="not chapters of helpers/course.py: scratch.ipynb"):
        bench.main(["scratch.ipynb"])


def test_the_line_scripts_reach_the_exact_solutions():
    fit = runpy.run_path(str(bench.SCRIPT_DIR / "line_one_sample.py"))["fit"]
    assert np.allclose(fit()[1], [1.233, 0.988], atol=1e-3)  # y = w x + b itself
    # applied twice it settles within 1e-2 by step 1,000 (of the bench's 5,000): w^2, b (w + 1)
    assert np.allclose(fit(steps=1000, twice=True)[1], [1.1104, 0.4682], atol=1e-2)
    regression = runpy.run_path(str(bench.SCRIPT_DIR / "linear_regression.py"))["fit"]
    intercept, slope = least_squares_fit(*noisy_line(), degree=1).coefficients
    assert np.allclose(regression()[1], [intercept, slope], atol=0.05)  # 100 epochs: close
