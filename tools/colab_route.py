"""Test the Colab route here: other torch versions, the helpers installed as the set-up cell does.

Usage: python -m tools.colab_route [TORCH_VERSION ...]   (make test-colab; default: VERSIONS)
For each torch version, in build/colab/torch-<version>/ (made anew):
1. a fresh venv with that torch and, as on Colab, NumPy, matplotlib, ipywidgets and ipykernel
   already installed (bounds from requirements.txt), plus the test's tools (pytest, nbval);
2. the helpers installed by the set-up cell's own pip command (tools/course_nav.py,
   colab_install) with a local git URL in place of GitHub's: pip clones this repository's
   committed tree (HEAD; uncommitted changes are not in it);
3. every chapter run under lax nbval (each cell must run; the chapter's claims and checks are
   strict, COURSE_CLAIMS=strict, as in make test), from a copy of the notebooks outside the
   repository, so that `import helpers` finds only the installed package.
Prints a table: torch, passed, failed, venv size, install and run minutes; pytest's log is in
build/colab/torch-<version>/pytest.log. Exit status 1 if a chapter failed.
"""
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from helpers.course import CHAPTERS
from tools.course_nav import colab_install
from tools.test_matrix import folder_mb, print_table

ROOT = Path(__file__).resolve().parent.parent
# The newest release (a local wheel on the course's CI machine) and one older minor (PyPI's).
VERSIONS = ("2.14.1", "2.12.*")
COLAB_SHIPS = ("numpy", "matplotlib", "ipywidgets", "ipykernel")  # preinstalled on Colab
TEST_TOOLS = ("pytest", "pytest-xdist", "nbval")


def requirement_lines(names, requirements=ROOT / "requirements.txt"):
    """Return the lines of requirements.txt that name one of `names` (their version bounds)."""
    lines = [line.strip() for line in requirements.read_text().splitlines()]
    found = [line for line in lines if re.match(r"[\w.-]+", line) and
             re.match(r"[\w.-]+", line).group().lower() in names]
    missing = set(names) - {re.match(r"[\w.-]+", line).group().lower() for line in found}
    if missing:
        raise SystemExit(f"requirements.txt does not name {', '.join(sorted(missing))}")
    return found


def run_folder(folder):
    """Copy the chapters into `folder`/notebooks beside an empty pytest.ini; return the folder."""
    (folder / "notebooks").mkdir(parents=True)
    for chapter in CHAPTERS:
        shutil.copy2(ROOT / "notebooks" / chapter.file, folder / "notebooks" / chapter.file)
    (folder / "pytest.ini").write_text("[pytest]\n")  # not the repository's options or conftest
    return folder


def run_version(version):
    """Set up torch `version` and the helpers as on Colab, run every chapter; return its row."""
    home = ROOT / "build" / "colab" / f"torch-{version.replace('*', 'x')}"
    shutil.rmtree(home, ignore_errors=True)
    venv, python = home / "venv", str(home / "venv" / "bin" / "python")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [python, "-m", "pip", "--no-input"]
    subprocess.run([*pip, "install", "-q", f"torch=={version}",
                    *requirement_lines(COLAB_SHIPS + TEST_TOOLS)], check=True)
    ready = time.perf_counter()
    route = [*pip, *colab_install(ROOT.as_uri())]  # the set-up cell's command, a local URL
    print("$", " ".join(route[1:]), flush=True)
    subprocess.run(route, check=True)
    installed = time.perf_counter()
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
           "COURSE_CLAIMS": "strict", "COURSE_PROGRESS": "off"}
    test = subprocess.run([python, "-m", "pytest", "-q", "-rf", "-n", "auto", "--dist", "loadscope",
                           "--nbval-lax", "--nbval-current-env", "notebooks"],
                          cwd=run_folder(home / "run"), env=env, capture_output=True, text=True)
    (home / "pytest.log").write_text(test.stdout + test.stderr)
    counts = {word: int(n) for n, word in re.findall(r"(\d+) (passed|failed|error)", test.stdout)}
    torch = subprocess.run([python, "-c", "import torch; print(torch.__version__)"],
                           capture_output=True, text=True).stdout.strip()
    failed = counts.get("failed", 0) + counts.get("error", 0) + (test.returncode not in (0, 1))
    cells = ", ".join(re.findall(r"^(?:FAILED|ERROR) notebooks/(\S+)", test.stdout, re.MULTILINE))
    times = [start, ready, installed, time.perf_counter()]
    minutes = [f"{(end - begin) / 60:.1f} min" for begin, end in zip(times[:-1], times[1:],
                                                                      strict=True)]
    return [torch, counts.get("passed", 0), failed, cells or "none",
            f"{folder_mb(venv) / 1000:.1f} GB", *minutes]


def main(versions):
    rows = [run_version(version) for version in (versions or VERSIONS)]
    print_table(["torch", "cells passed", "failed", "failing cells", "venv",
                 "torch and Colab's packages", "helpers (git)", "chapters"], rows)
    return 1 if any(row[2] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
