"""Run the whole test suite in fresh virtual environments, one per set-up; print a table.

Usage: python tools/test_matrix.py [SETUP ...]   (default: every set-up in SETUPS; make test-matrix
SETUPS='py3.12-pypi py3.13-pypi' runs some)
Each set-up gets build/matrix/SETUP/ (made anew): the venv is created with that Python, the course
installed as `make install` does (plus the set-up's pip options), then `python -m pytest` runs in
the repository with that venv. Prints, per set-up: passed, failed, venv size, install time.
"""
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A plain pip, as on a learner's machine: PyPI only, no pip.conf, no local wheel folders.
# None: the variable is removed from pip's environment.
NO_LOCAL_CONFIG = {"PIP_CONFIG_FILE": "/dev/null", "PIP_FIND_LINKS": None,
                   "PIP_EXTRA_INDEX_URL": None, "PIP_CONSTRAINT": None}
SETUPS = {  # name -> (Python, extra pip arguments, extra environment for pip)
    "py3.11": ("python3.11", [], {}),  # pip as this machine sets it up (a local CPU-only wheel)
    "py3.11-lowest": ("python3.11", ["-c", "constraints-lowest.txt"], {}),
    "py3.11-pypi": ("python3.11", [], NO_LOCAL_CONFIG),
    "py3.12-pypi": ("python3.12", [], NO_LOCAL_CONFIG),
    "py3.13-pypi": ("python3.13", [], NO_LOCAL_CONFIG),
}


def interpreter(name):
    """Return a command that runs Python `name` (e.g. python3.12): on PATH, else under pyenv."""
    candidates = [name, *sorted(Path.home().glob(f".pyenv/versions/*/bin/{name}"))]
    for candidate in candidates:
        if subprocess.run([str(candidate), "-c", ""], capture_output=True).returncode == 0:
            return str(candidate)
    raise SystemExit(f"{name} not found: install it or put it on PATH")


def folder_mb(path):
    """Return the size of the files under `path` in MB."""
    files = (f for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    return sum(f.stat().st_size for f in files) / 1e6


def run_setup(name):
    """Install set-up `name` in a fresh venv, run pytest there; return its row of figures."""
    python, pip_args, pip_env = SETUPS[name]
    venv = ROOT / "build" / "matrix" / name
    shutil.rmtree(venv, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([interpreter(python), "-m", "venv", str(venv)], check=True)
    env = {k: v for k, v in {**os.environ, **pip_env}.items() if v is not None}
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-input"]
    requirements = ["-r", "requirements.txt", "-r", "requirements-teacher.txt"]  # make test's
    install = [*pip, *requirements, "-e", ".", *pip_args]
    subprocess.run(install, cwd=ROOT, env=env, check=True)
    minutes = (time.perf_counter() - start) / 60
    test = subprocess.run([str(venv / "bin" / "python"), "-m", "pytest", "-q"],
                          cwd=ROOT, capture_output=True, text=True)
    (venv / "pytest.log").write_text(test.stdout + test.stderr)
    counts = {word: int(n) for n, word in re.findall(r"(\d+) (passed|failed|error)", test.stdout)}
    version = subprocess.run([str(venv / "bin" / "python"), "-c", "import torch, sys; "
                              "print(sys.version.split()[0], torch.__version__)"],
                             capture_output=True, text=True).stdout.strip()
    failed = counts.get("failed", 0) + counts.get("error", 0) + (test.returncode not in (0, 1))
    return [name, version, counts.get("passed", 0), failed, f"{folder_mb(venv) / 1000:.1f} GB",
            f"{minutes:.1f} min"]


def print_table(header, rows):
    """Print `rows` under the column names `header` as a Markdown table."""
    for line in (header, ["---"] * len(header), *rows):
        print("| " + " | ".join(str(cell) for cell in line) + " |")


def main(names):
    rows = [run_setup(name) for name in (names or SETUPS)]
    print_table(["set-up", "Python, torch", "passed", "failed", "venv", "install"], rows)
    return 1 if any(row[3] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
