"""Time the course: each chapter in a fresh kernel, beside plain scripts of its training.

Usage: python tools/bench.py [notebooks/NN_name.ipynb ...]   (default: every chapter that exists)

Per chapter it prints the notebook's wall time (kernel start to stop, as nbval runs it; the kernel
is stopped at once) and the kernel's peak resident memory (VmHWM from /proc, n/a elsewhere), and
beside them the wall time of the chapter's plain scripts (Chapter.scripts in helpers/course.py:
the tutorial's training in ordinary Python, each run as a whole process). Below come the targets,
each met or MISSED. The overhead is the notebooks' wall time over their scripts', summed over the
chapters that have scripts; it is printed again without the chapters that train far less than
their script (Chapter.less_work). Figures to read, never tests: the exit status is non-zero only
when a notebook or a script fails.
"""
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from helpers.course import CHAPTERS

ROOT = Path(__file__).resolve().parent.parent
SCRIPT_DIR = ROOT / "bench" / "scripts"
TARGETS = {  # the most each figure may be on the 2-core CPU machine
    "whole course": 60.0, "slowest chapter": 15.0, "kernel peak memory": 600.0,
    "overhead over the plain scripts": 1.5, "overhead without the chapters that train less": 1.5,
    "slowest explorer redraw": 0.3}


def peak_memory_mb(pid):
    """Return the peak resident memory (VmHWM) of process `pid` in MB, or None without /proc."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+)\s+kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


def run_notebook(path):
    """Execute the notebook at `path` in a fresh kernel; return (wall seconds, kernel peak MB)."""
    kernel, peaks = [], [None]  # VmHWM only grows: the read after the last cell is the peak

    def started(**_):
        kernel.append(getattr(client.km.provisioner, "pid", None))

    client = NotebookClient(
        nbformat.read(path, as_version=4), timeout=600, kernel_name="python3",
        shutdown_kernel="immediate", resources={"metadata": {"path": str(Path(path).parent)}},
        on_notebook_start=started,
        on_cell_executed=lambda **_: peaks.append(kernel[0] and peak_memory_mb(kernel[0])))
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start, peaks[-1]


def run_script(path):
    """Run a plain script as its own process; return (wall seconds, exit status, last line)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(path)], cwd=ROOT, capture_output=True, text=True)
    lines = (done.stdout + done.stderr).strip().splitlines() or [""]
    return time.perf_counter() - start, done.returncode, lines[-1]


def overhead(rows):
    """Return the rows' notebook wall time over their scripts' (rows without scripts left out)."""
    paired = [row for row in rows if row["scripts"]]
    plain = sum(sum(row["scripts"].values()) for row in paired)
    return sum(row["wall"] for row in paired) / plain if plain else None


def verdicts(rows, redraws=None):
    """Return (target, figure, limit, met) for each target; met is None where nothing was measured.

    `rows` hold each chapter's "chapter" (helpers.course.Chapter), "wall" seconds, kernel "peak" MB
    (None if unknown) and "scripts" {name: wall seconds}; `redraws` is {explorer: seconds}.
    """
    slowest = max(rows, key=lambda row: row["wall"])
    heaviest = max((row for row in rows if row["peak"] is not None), key=lambda row: row["peak"],
                   default=None)
    redraws = redraws or {}
    worst = max(redraws, key=redraws.get, default=None)
    figures = {  # target: (value, where, unit, digits)
        "whole course": (sum(row["wall"] for row in rows), f"{len(rows)} chapters", "s", 1),
        "slowest chapter": (slowest["wall"], slowest["chapter"].number, "s", 1),
        "kernel peak memory": (heaviest and heaviest["peak"],
                               heaviest and heaviest["chapter"].number, "MB", 0),
        "overhead over the plain scripts": (overhead(rows), "", "x", 2),
        "overhead without the chapters that train less": (
            overhead([row for row in rows if not row["chapter"].less_work]), "", "x", 2),
        "slowest explorer redraw": (worst and redraws[worst], worst, "s", 2),
    }
    results = []
    for target, (value, where, unit, digits) in figures.items():
        figure = "n/a" if value is None else f"{value:.{digits}f} {unit}"
        figure += f" ({where})" if value is not None and where else ""
        met = None if value is None else value <= TARGETS[target]
        results.append((target, figure, f"{TARGETS[target]:g} {unit}", met))
    return results


def report(rows, redraws=None):
    """Return the lines `make bench` prints: one per chapter, then each target and its verdict."""
    lines = [f"{'chapter':<8}{'wall s':>7}{'peak MB':>9}   plain scripts (wall s)"]
    for row in rows:
        peak = "n/a" if row["peak"] is None else f"{row['peak']:.0f}"
        plain = ", ".join(f"{name} {wall:.1f}" for name, wall in row["scripts"].items())
        lines.append(f"{row['chapter'].number:<8}{row['wall']:>7.1f}{peak:>9}   {plain or '-'}")
    if redraws:
        lines.append("explorer redraws (s): "
                     + ", ".join(f"{name} {seconds:.2f}" for name, seconds in redraws.items()))
    lines += ["", "targets (2-core CPU)"] + [
        f"  {target:<46} {figure:<22} at most {limit:<7} "
        f"{'n/a' if met is None else 'met' if met else 'MISSED'}"
        for target, figure, limit, met in verdicts(rows, redraws)]
    less = [row["chapter"].less_work for row in rows if row["chapter"].less_work]
    return lines + [f"  (trains less: {note})" for note in less]


def load_line(start, end):
    """Return the load-average line, saying whether other work shared the machine."""
    busy = start[0] >= 1.0 or end[0] >= os.cpu_count() + 1
    return (f"load average (1 min) {start[0]:.1f} at start, {end[0]:.1f} at end, on "
            f"{os.cpu_count()} cores: {'busy, figures are upper bounds' if busy else 'quiet'}")


def main(argv):
    """Time the chapters named in `argv` (default: all); print the report; return the status."""
    by_file = {chapter.file: chapter for chapter in CHAPTERS}
    paths = [Path(p).resolve() for p in argv] or [
        ROOT / "notebooks" / c.file for c in CHAPTERS if (ROOT / "notebooks" / c.file).exists()]
    unknown = [p.name for p in paths if p.name not in by_file]
    if unknown:
        raise SystemExit(f"not chapters of helpers/course.py: {', '.join(unknown)}")
    print(f"notebooks on COURSE_DEVICE={os.environ.get('COURSE_DEVICE') or 'cpu'}; plain scripts "
          "on the CPU", flush=True)
    start_load, rows, failed = os.getloadavg(), [], []
    for path in paths:
        chapter, scripts = by_file[path.name], {}
        try:
            wall, peak = run_notebook(path)
        except Exception as error:  # report and go on: one broken chapter hides no figures
            failed.append(f"{path.name}: {type(error).__name__}: {str(error).splitlines()[-1:]}")
            continue
        for name in chapter.scripts:
            scripts[name], status, last = run_script(SCRIPT_DIR / f"{name}.py")
            failed += [f"{name}.py: exit {status}: {last}"] if status else []
        rows.append({"chapter": chapter, "wall": wall, "peak": peak, "scripts": scripts})
        print(f"  {chapter.number}: {wall:.1f} s", flush=True)
    redraws = {}  # hook: {explorer: seconds of one slider redraw}, once helpers can time one
    if rows:
        print("\n".join(["", *report(rows, redraws), "", load_line(start_load, os.getloadavg())]))
    print("".join(f"FAILED {line}\n" for line in failed), end="")
    return 1 if failed or not rows else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
