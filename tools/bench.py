"""Measure the course's speed: each chapter in a fresh kernel, beside plain scripts of its training.

Usage: python tools/bench.py [notebooks/NN_name.ipynb ...]   (default: every chapter that exists)

Chapter by chapter, it executes the notebook with nbclient in a fresh kernel (outputs are not
saved), then runs that chapter's plain scripts from bench/scripts/ (the tutorial's training in
ordinary Python, see SCRIPTS) as separate processes, so the two are measured side by side under
the same machine load. Per notebook it prints:

- wall: seconds from starting the kernel to stopping it, as tools/run_notebooks.py and nbval do
  (stopped at once: a graceful shutdown of a kernel that has loaded torch adds 2-3 s of waiting);
- cpu: CPU seconds the kernel process used (user + system, /proc/<pid>/stat, read after the last
  cell); other processes on the machine slow the wall clock much more than this;
- kernel: seconds until the kernel answered, before any cell ran;
- setup: seconds of the first code cell (helpers.setup() imports torch, NumPy and matplotlib);
- training: seconds of its training cells. A code cell is a training cell when it has a loop
  (a line starting with `for` or `while`) and an update step in it (the course's `# update`
  comment, a `.step(` call or an in-place `-=`); or when it calls a function that such a cell
  defines, or any function whose name starts with `train` (`helpers.train_with_optimizer(...)`);
  or when it steps an optimizer with a closure (`optimizer.step(closure)`: L-BFGS iterates
  inside). Cell seconds are taken here, from sending a cell to the kernel to its reply;
- peak: the kernel process's peak resident memory (VmHWM in /proc/<pid>/status, read after each
  cell, so the last read is the peak before shutdown; n/a where there is no /proc);
- slowest: the slowest cell, as [index of the code cell, counting from 1] and its seconds.

Below the targets it splits off the fixed start-up that no lesson can shorten: the kernels'
start, the set-up cells (helpers.setup() imports torch and matplotlib), and the first torch.optim
optimizer of each notebook that builds one (Optimizer.add_param_group imports torch._dynamo on
first use). Those imports are timed once more in fresh Python processes (STARTUP), to name them.

Scripts are timed as whole processes (interpreter start and imports included, like the
tutorial's figures), their CPU seconds from os.wait4, their peak memory sampled from /proc while
they run (wait4's ru_maxrss would count this process, which the child starts as a copy of).
The course overhead is (sum of notebook wall times) / (sum of script wall times), over the
chapters that have scripts; the same ratio in CPU seconds is printed beside it.
Where a notebook trains far less than its script (LESS_WORK), the ratio is printed without it too.
Timings are figures to read, never tests: the TARGETS are marked met or missed, and the exit
status is non-zero only when a notebook or a script fails.
"""
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from helpers.course import CHAPTERS

ROOT = Path(__file__).resolve().parent.parent
BOOKS = ROOT / "notebooks"
SCRIPT_DIR = ROOT / "bench" / "scripts"
SCRIPTS = {  # chapter -> (script, training steps it runs): the tutorial's training for that chapter
    "02_numpy.ipynb": [("numpy_fit.py", 2000)],
    "03_tensors.ipynb": [("tensors_fit.py", 2000)],
    "04_autograd.ipynb": [("autograd_fit.py", 2000)],
    "05_custom_autograd_function.ipynb": [("function_fit.py", 2000)],
    "06_nn.ipynb": [("nn_fit.py", 2000)],
    "07_optim.ipynb": [("optim_fit.py", 2000)],
    "08_custom_module.ipynb": [("module_fit.py", 2000)],
    "09_control_flow_weight_sharing.ipynb": [("dynamic_net.py", 30_000),
                                             ("repeated_linear.py", 5000)],
    "10_linear_regression.ipynb": [("linear_regression.py", 100), ("line_one_sample.py", 5000)],
}
LESS_WORK = {  # chapters whose notebook deliberately trains far less than the tutorial's script
    "09_control_flow_weight_sharing.ipynb":
        "09 trains its dynamic net at most 1,400 steps (400 + 1,000), the tutorial 30,000",
}
TARGETS = {"total_s": 60.0, "notebook_s": 15.0, "peak_mb": 600.0, "overhead": 1.5}
LOOP = re.compile(r"^\s*(for|while)\b", re.MULTILINE)
UPDATE = re.compile(r"#\s*update\b|\.step\(|-=", re.IGNORECASE)
DEFINES = re.compile(r"^def\s+(\w+)\s*\(", re.MULTILINE)
RANGE = re.compile(r"^\s*for\s.+\sin\s+range\(([^()]*)\)", re.MULTILINE)
OPTIMIZER = re.compile(r"\btorch\.optim\.[A-Z]\w*\(|\btrain_with_optimizer\(")
STARTUP = {  # what a fresh Python process pays before the lesson's first line: (label, code, timed)
    "torch": ("import torch", "", "import torch"),
    "pyplot": ("import matplotlib.pyplot", "", "import matplotlib.pyplot"),
    "optimizer": ("the first torch.optim optimizer (it imports torch._dynamo)", "import torch",
                  "torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)"),
}


def training_cells(sources):
    """Return the indices of the training cells among code-cell `sources` (rule: see above)."""
    loops = {i for i, text in enumerate(sources) if LOOP.search(text) and UPDATE.search(text)}
    names = {name for i in loops for name in DEFINES.findall(sources[i])}
    functions = "|".join([r"train\w*", *map(re.escape, sorted(names))])
    call = re.compile(rf"\b({functions})\s*\(|\.step\(\s*closure")
    callers = {i for i, text in enumerate(sources) if call.search(DEFINES.sub("", text))}
    return sorted(loops | callers)


def loop_ranges(sources, cells):
    """Return the `range(...)` arguments of the for loops in the given cells, in order."""
    return [arg.strip() for i in cells for arg in RANGE.findall(sources[i])]


def builds_optimizer(sources):
    """Return whether any of the code-cell `sources` builds a torch.optim optimizer."""
    return any(OPTIMIZER.search(text) for text in sources)


def startup_seconds(before, timed):
    """Return the seconds `timed` takes in a fresh Python process, after running `before`."""
    code = (f"{before}\nimport time\nstart = time.perf_counter()\n{timed}\n"
            "print(time.perf_counter() - start)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[-1])


def startup_lines(books, seconds):
    """Return the fixed start-up lines: kernel and setup sums, and `seconds` of STARTUP's parts."""
    kernel = sum(b["kernel"] or 0.0 for b in books)
    setup = sum(b["setup"] for b in books)
    optimizers = [b for b in books if b["optimizer"]]
    first_step = seconds["optimizer"] * len(optimizers)
    total = sum(b["wall"] for b in books)
    lines = ["fixed start-up, paid before the lessons' own code runs",
             f"  kernels starting ({len(books)} notebooks){kernel:>21.1f} s",
             f"  set-up cells (their imports){setup:>24.1f} s"]
    lines += [f"    {STARTUP[key][0]}: {seconds[key]:.1f} s in a fresh process"
              for key in ("torch", "pyplot")]
    payers = ", ".join(b["name"][:2] for b in optimizers) or "none"
    lines.append(f"  {STARTUP['optimizer'][0]}: {seconds['optimizer']:.1f} s in a fresh process; "
                 f"notebooks that build one: {payers}; about {first_step:.1f} s")
    fixed = kernel + setup + first_step
    lines.append(f"  together about {fixed:.1f} s of the {total:.1f} s total; the lessons' code: "
                 f"about {total - fixed:.1f} s")
    return lines


def first_code_line(source):
    """Return the first line of `source` that is not a comment, cut to 60 characters."""
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    return next((line for line in lines if not line.startswith("#")), lines[0])[:60]


def peak_memory_mb(pid):
    """Return the peak resident memory (VmHWM) of process `pid` in MB, or None without /proc."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+)\s+kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


def cpu_seconds(pid):
    """Return the user + system CPU seconds process `pid` has used, or None without /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def run_notebook(path):
    """Execute the notebook at `path` in a fresh kernel; return its timings and peak memory."""
    notebook = nbformat.read(path, as_version=4)
    sources = [c.source for c in notebook.cells if c.cell_type == "code" and c.source.strip()]
    seconds, clock, state = [], {}, {"peak": None, "cpu": None}

    def started(**_):
        clock["kernel"] = time.perf_counter() - clock["start"]
        state["pid"] = getattr(client.km.provisioner, "pid", None)

    def executed(**_):
        seconds.append(time.perf_counter() - clock["cell"])
        state["peak"] = peak_memory_mb(state["pid"]) if state["pid"] else None
        state["cpu"] = cpu_seconds(state["pid"]) if state["pid"] else None

    client = NotebookClient(
        notebook, timeout=600, kernel_name="python3", shutdown_kernel="immediate",
        resources={"metadata": {"path": str(Path(path).parent)}}, on_notebook_start=started,
        on_cell_execute=lambda **_: clock.update(cell=time.perf_counter()),
        on_cell_executed=executed)
    clock["start"] = time.perf_counter()
    client.execute()
    wall = time.perf_counter() - clock["start"]
    training = training_cells(sources)
    slowest = max(range(len(seconds)), key=seconds.__getitem__) if seconds else None
    return {"name": Path(path).name, "wall": wall, "kernel": clock.get("kernel"),
            "setup": seconds[0] if seconds else 0.0, "cells": seconds, "peak": state["peak"],
            "cpu": state["cpu"],
            "training": sum(seconds[i] for i in training), "training_cells": len(training),
            "ranges": loop_ranges(sources, training), "slowest": slowest,
            "optimizer": builds_optimizer(sources),
            "first_lines": [first_code_line(text) for text in sources]}


def run_script(path):
    """Run a plain script as its own process; return its wall seconds, peak MB and exit status."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, str(path)], stdout=out, stderr=out, cwd=ROOT)
        peaks = []  # VmHWM only grows: sampling every 20 ms misses at most the last 20 ms
        sampler = threading.Thread(target=sample_peak, args=(process, peaks), daemon=True)
        sampler.start()
        cpu = None
        if hasattr(os, "wait4"):  # the child's own CPU time: unlike memory, not inherited
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            cpu = usage.ru_utime + usage.ru_stime
        else:
            process.wait()
        seconds = time.perf_counter() - start
        sampler.join()
        out.seek(0)
        tail = out.read().decode(errors="replace").strip().splitlines()[-3:]
    return {"name": Path(path).name, "wall": seconds, "cpu": cpu, "peak": max(peaks, default=None),
            "returncode": process.returncode, "tail": tail}


def sample_peak(process, peaks):
    """Append the running process's peak memory (MB) to `peaks` every 20 ms until it exits."""
    while process.returncode is None:
        peak = peak_memory_mb(process.pid)
        peaks += [] if peak is None else [peak]
        time.sleep(0.02)


def fmt(value, spec=".1f", missing="n/a"):
    """Return `value` formatted with `spec`, or `missing` when it is None."""
    return missing if value is None else format(value, spec)


def notebook_rows(books, scripts):
    """Return the per-chapter table lines: notebook figures, then its scripts' figures."""
    head = (f"{'chapter':<38} {'wall s':>6} {'cpu s':>6} {'kernel':>6} {'setup':>6} "
            f"{'train s':>7} {'peak MB':>7} {'slowest cell':>13} | {'script(s)':<28} "
            f"{'wall s':>6} {'cpu s':>6} {'MB':>5}")
    lines = [head, "-" * len(head)]
    for book in books:
        runs = scripts.get(book["name"], [])
        slowest = (f"[{book['slowest'] + 1}] {book['cells'][book['slowest']]:.1f} s"
                   if book["slowest"] is not None else "")
        plain = (f"{'+'.join(r['name'].removesuffix('.py') for r in runs):<28} "
                 f"{sum(r['wall'] for r in runs):>6.1f} {fmt(total_cpu(runs)):>6} "
                 f"{fmt(max((r['peak'] or 0) for r in runs), '.0f'):>5}") if runs else "-"
        lines.append(
            f"{book['name']:<38} {book['wall']:>6.1f} {fmt(book['cpu']):>6} "
            f"{fmt(book['kernel']):>6} {book['setup']:>6.1f} {book['training']:>7.1f} "
            f"{fmt(book['peak'], '.0f'):>7} {slowest:>13} | {plain}")
    every_run = [r for runs in scripts.values() for r in runs]
    lines.append(f"{'total (' + str(len(books)) + ' notebooks)':<38} "
                 f"{sum(b['wall'] for b in books):>6.1f} {fmt(total_cpu(books)):>6} {'':>6} "
                 f"{'':>6} {sum(b['training'] for b in books):>7.1f} {'':>7} {'':>13} | "
                 f"{'all scripts':<28} {sum(r['wall'] for r in every_run):>6.1f} "
                 f"{fmt(total_cpu(every_run)):>6}")
    return lines


def total_cpu(runs):
    """Return the summed CPU seconds of notebook or script runs, or None if any is unknown."""
    values = [run["cpu"] for run in runs]
    return None if None in values else sum(values)


def target_lines(books, scripts):
    """Return the targets, each with its measured figure and met or missed."""
    paired = [b for b in books if b["name"] in scripts]
    overhead, cpu_overhead = overheads(paired, scripts)
    slowest = max(books, key=lambda b: b["wall"])
    peaks = [b for b in books if b["peak"] is not None]
    heaviest = max(peaks, key=lambda b: b["peak"]) if peaks else None
    checks = [
        (f"all notebooks <= {TARGETS['total_s']:.0f} s in total",
         f"{sum(b['wall'] for b in books):.1f} s", sum(b["wall"] for b in books), "total_s"),
        (f"no notebook over {TARGETS['notebook_s']:.0f} s",
         f"max {slowest['wall']:.1f} s ({slowest['name']})", slowest["wall"], "notebook_s"),
        (f"kernel peak memory <= {TARGETS['peak_mb']:.0f} MB each",
         f"max {heaviest['peak']:.0f} MB ({heaviest['name']})" if heaviest else "n/a",
         heaviest["peak"] if heaviest else None, "peak_mb"),
        (f"course overhead <= {TARGETS['overhead']}x the plain scripts",
         f"{overhead:.2f}x" if overhead else "n/a (no chapter with scripts)", overhead, "overhead"),
    ]
    lines = ["targets (2-core CPU)"]
    for text, figure, value, key in checks:
        verdict = "n/a" if value is None else ("met" if value <= TARGETS[key] else "MISSED")
        lines.append(f"  {text:<44} {figure:<42} {verdict}")
    lines.append(f"  overhead = (wall time of the {len(paired)} notebooks that have scripts) / "
                 f"(whole-process time of their scripts) = {fmt(overhead, '.2f')}; "
                 f"in CPU seconds: {fmt(cpu_overhead, '.2f')}")
    alike = [b for b in paired if b["name"] not in LESS_WORK]
    for book in (b for b in paired if b["name"] in LESS_WORK):
        lines.append(f"  {LESS_WORK[book['name']]}; without it: "
                     + "; in CPU seconds: ".join(fmt(r, ".2f") for r in overheads(alike, scripts)))
    return lines


def overheads(books, scripts):
    """Return (wall, CPU) ratios of the notebooks' time to their scripts' time (None if unknown)."""
    runs = [r for b in books for r in scripts[b["name"]]]
    wall, cpu = sum(r["wall"] for r in runs), total_cpu(runs)
    notebook_cpu = total_cpu(books)
    return (sum(b["wall"] for b in books) / wall if wall else None,
            notebook_cpu / cpu if notebook_cpu and cpu else None)


def work_lines(books):
    """Return, per chapter with scripts, its training loops' ranges beside its scripts' steps."""
    lines = ["work done (training loops found in the notebook vs the script's steps)"]
    for book in books:
        if book["name"] in SCRIPTS:
            loops = ", ".join(f"range({r})" for r in book["ranges"]) or "no training loop found"
            steps = ", ".join(f"{name} {steps:,} steps" for name, steps in SCRIPTS[book["name"]])
            lines.append(f"  {book['name'][:2]}: notebook {loops} | script {steps}")
    return lines


def slow_cell_lines(books, threshold=0.5):
    """Return each notebook's cells that took `threshold` seconds or more, slowest first."""
    lines = [f"cells taking {threshold} s or more ([code cell] seconds: first line)"]
    for book in books:
        slow = sorted((s, i) for i, s in enumerate(book["cells"]) if s >= threshold)[::-1]
        lines += [f"  {book['name'][:2]} [{i + 1}] {seconds:5.1f} s: {book['first_lines'][i]}"
                  for seconds, i in slow]
    return lines


def load_line(start, end):
    """Return the load-average line, saying whether other work shared the machine."""
    if start is None:
        return "load average: n/a on this system"
    busy = start[0] >= 1.0 or end[0] >= os.cpu_count() + 1
    note = "machine busy: figures are upper bounds" if busy else "machine quiet"
    return (f"load average (1 min) at start {start[0]:.1f}, at end {end[0]:.1f}, "
            f"on {os.cpu_count()} cores: {note}")


def main(argv):
    paths = [Path(p).resolve() for p in argv] or [
        BOOKS / name for name, *_ in CHAPTERS if (BOOKS / name).exists()]
    loadavg = os.getloadavg if hasattr(os, "getloadavg") else lambda: None
    start_load, books, scripts, failed = loadavg(), [], {}, []
    device = os.environ.get("COURSE_DEVICE") or "(unset: cpu)"
    print(f"notebooks on COURSE_DEVICE={device}; the plain scripts always on the CPU", flush=True)
    for path in paths:
        try:
            books.append(run_notebook(path))
        except Exception as error:  # report and go on: one broken chapter hides no figures
            failed.append(f"{path.name}: {type(error).__name__}: {str(error).splitlines()[-1:]}")
            continue
        runs = [run_script(SCRIPT_DIR / name) for name, _ in SCRIPTS.get(path.name, [])]
        failed += [f"{r['name']}: exit {r['returncode']}: {r['tail']}" for r in runs
                   if r["returncode"] != 0]
        scripts.update({path.name: runs} if runs else {})
        print(f"  {path.name}: {books[-1]['wall']:.1f} s"
              + "".join(f", {r['name']}: {r['wall']:.1f} s" for r in runs), flush=True)
    if books:
        seconds = {key: startup_seconds(*code) for key, (_, *code) in STARTUP.items()}
        print("\n" + "\n".join(notebook_rows(books, scripts) + [""] + target_lines(books, scripts)
                               + [""] + startup_lines(books, seconds)
                               + [""] + work_lines(books) + [""] + slow_cell_lines(books)
                               + [""] + [load_line(start_load, loadavg())]))
    for line in failed:
        print(f"FAILED {line}")
    return 1 if failed or not books else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
