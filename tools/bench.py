"""Time the course: each chapter in a fresh kernel, beside plain scripts of its training.

Usage: python tools/bench.py [notebooks/NN_name.ipynb ...]   (default: every chapter that exists)

Per chapter: the notebook's wall time (kernel start to stop, as nbval runs it) and its kernel's
peak memory (VmHWM from /proc), beside the wall time of its plain scripts (Chapter.scripts in
helpers/course.py: the tutorial's training in ordinary Python, each a whole process). Then what
every chapter's kernel spends before its first lesson cell, each explorer's redraw time, and the
targets met or MISSED. The overhead is the notebooks' wall time over their scripts', also without
the chapters that train far less (Chapter.less_work).
Figures to read, never tests: the exit status is non-zero only when something fails to run.
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
TARGETS = {  # figure: (the most it may be on the 2-core CPU machine, unit, decimals printed)
    "whole course": (60, "s", 1), "slowest chapter": (15, "s", 1),
    "kernel peak memory": (600, "MB", 0), "overhead over the plain scripts": (1.5, "x", 2),
    "overhead without the chapters that train less": (1.5, "x", 2),
    "slowest explorer redraw": (0.3, "s", 2)}
VERDICT = {None: "n/a", True: "met", False: "MISSED"}
START_UP = ["import helpers\n\ndevice = helpers.setup()", "import time\nimport torch\n\n"  # then
            "start = time.perf_counter()\ntorch.optim.SGD([torch.zeros(1, requires_grad=True)])\n"
            "print(time.perf_counter() - start)"]  # what a kernel's first optimizer costs


def peak_memory_mb(pid):
    """Return the peak resident memory (VmHWM) of process `pid` in MB, or None without /proc."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+)\s+kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


def run_notebook(path, notebook=None):
    """Execute the notebook at `path` (or `notebook`, run in `path`'s folder) in a fresh kernel;
    return (wall seconds, kernel peak MB)."""
    kernel, peaks = [], [None]  # VmHWM only grows: the read after the last cell is the peak

    def started(**_):
        kernel.append(getattr(client.km.provisioner, "pid", None))

    client = NotebookClient(
        notebook or nbformat.read(path, as_version=4), timeout=600, kernel_name="python3",
        shutdown_kernel="immediate", resources={"metadata": {"path": str(Path(path).parent)}},
        on_notebook_start=started,
        on_cell_executed=lambda **_: peaks.append(kernel[0] and peak_memory_mb(kernel[0])))
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start, peaks[-1]


def start_up_seconds():
    """Return (wall s of a kernel that only runs the set-up call, s its first optimizer adds)."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in START_UP])
    wall, _ = run_notebook(ROOT / "notebooks" / "start_up.ipynb", notebook)  # fills its outputs
    optimizer = float(notebook.cells[1].outputs[0].text)
    return wall - optimizer, optimizer


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
    """Return (target, figure, limit, met) per target (met None: not measured) for `rows`, each
    {"chapter": Chapter, "wall": s, "peak": MB or None, "scripts": {name: s}}, and `redraws`."""
    slowest = max(rows, key=lambda row: row["wall"])
    peaks = [row for row in rows if row["peak"] is not None]
    heaviest = max(peaks, key=lambda row: row["peak"]) if peaks else None
    worst = max(redraws, key=redraws.get) if redraws else None
    measured = {  # target: (value or None, where)
        "whole course": (sum(row["wall"] for row in rows), f"{len(rows)} chapters"),
        "slowest chapter": (slowest["wall"], slowest["chapter"].number),
        "kernel peak memory": (heaviest["peak"], heaviest["chapter"].number) if heaviest else (
            None, None),
        "overhead over the plain scripts": (overhead(rows), None),
        "overhead without the chapters that train less": (
            overhead([row for row in rows if not row["chapter"].less_work]), None),
        "slowest explorer redraw": (redraws[worst], worst) if worst else (None, None)}
    results = []
    for target, (value, where) in measured.items():
        limit, unit, digits = TARGETS[target]
        text = "n/a" if value is None else f"{value:.{digits}f} {unit}"
        text += f" ({where})" if where else ""
        met = None if value is None else value <= limit
        results.append((target, text, f"{limit:g} {unit}", met))
    return results


def report(rows, redraws=None, start_up=None):
    """Return the lines `make bench` prints: one per chapter, the start-up every chapter pays
    (`start_up`: the two figures of start_up_seconds), then each target and its verdict."""
    lines = [f"{'chapter':<8}{'wall s':>7}{'peak MB':>9}   plain scripts (wall s)"]
    for row in rows:
        peak = "n/a" if row["peak"] is None else f"{row['peak']:.0f}"
        plain = ", ".join(f"{name} {wall:.1f}" for name, wall in row["scripts"].items())
        lines.append(f"{row['chapter'].number:<8}{row['wall']:>7.1f}{peak:>9}   {plain or '-'}")
    if start_up:
        kernel, optimizer = start_up
        lines.append(f"start-up before a chapter's first lesson cell (kernel, torch, "
                     f"helpers.setup()): {kernel:.1f} s, {len(rows) * kernel:.1f} s for {len(rows)}"
                     f" chapters; a kernel's first torch.optim optimizer adds {optimizer:.1f} s "
                     "(it loads torch._dynamo)")
    if redraws:
        lines.append("explorer redraws (s): "
                     + ", ".join(f"{name} {seconds:.2f}" for name, seconds in redraws.items()))
    lines += ["", "targets (2-core CPU)"]
    for target, text, limit, met in verdicts(rows, redraws):
        lines.append(f"  {target:<46} {text:<22} at most {limit:<7} {VERDICT[met]}")
    return lines + [f"  (trains less: {row['chapter'].less_work})" for row in rows
                    if row["chapter"].less_work]


def explorer_names(chapters):
    """Return the names of the explorers the chapters' own explorer modules define."""
    import helpers

    return [name for chapter in chapters for module in chapter.helpers
            if module.startswith("explorers.") for name in helpers.HOMES[module]
            if name.endswith("_explorer")]


def explorer_redraws(chapters):
    """Return {explorer: median seconds from a slider move to its redrawn output} in this process,
    set up as a chapter is (seeds, one thread, the course's style)."""
    import helpers
    from helpers.explorers import redraw_seconds

    helpers.setup()  # prints the versions and device the explorers run with
    return {name: redraw_seconds(getattr(helpers, name)()) for name in explorer_names(chapters)}


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
    start_load, rows, failed = os.getloadavg()[0], [], []
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
    redraws, start_up = {}, None
    try:
        redraws = explorer_redraws([row["chapter"] for row in rows])
        start_up = start_up_seconds()
    except Exception as error:  # the chapters' figures still print
        failed.append(f"explorer redraw or start-up: {type(error).__name__}: {error}")
    if rows:
        print("\n".join(["", *report(rows, redraws, start_up), "",
                          f"load average (1 min) {start_load:.1f} at start, "
                          f"{os.getloadavg()[0]:.1f} at end, on {os.cpu_count()} cores"]))
    print("".join(f"FAILED {line}\n" for line in failed), end="")
    return 1 if failed or not rows else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
