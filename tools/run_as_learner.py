"""Run every chapter as a learner who experiments: another seed, or learning rates scaled.

Usage: python tools/run_as_learner.py [--seed N] [--lr-scale F] [--jobs J] [NN ...]
       (default: all chapters, as many at once as this machine has cores)
Each chapter runs top to bottom in a fresh kernel with the lessons' claims in learner mode (a claim
that no longer holds prints a verdict instead of failing) and nothing saved. Prints, per chapter,
whether Run All went through and how many claims no longer held; exits 1 if any chapter stopped.
"""
import argparse
import asyncio
import os
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from helpers.course import CHAPTERS

BOOKS = Path(__file__).resolve().parent.parent / "notebooks"
# a literal rate, not the first term of an expression (`learning_rate = 1 / (...)` is a formula)
LEARNING_RATE = re.compile(r"\b(lr|learning_rate)(\s*=\s*)(\d[\d.]*(?:e-?\d+)?)(?![\d.]|\s*[-+*/])")


def as_learner(source, seed, lr_scale):
    """Return code `source` with the set-up's seed and each literal learning rate changed."""
    source = source.replace("helpers.setup(", f"helpers.setup(seed={seed}, ", 1)
    source = source.replace(f"seed={seed}, )", f"seed={seed})")
    return LEARNING_RATE.sub(lambda m: f"{m[1]}{m[2]}{float(m[3]) * lr_scale!r}", source)


async def run(path, seed, lr_scale):
    """Run chapter `path` as a learner; return (stopped at: None or a message, claims not held)."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.source = as_learner(cell.source, seed, lr_scale)
    env = {k: v for k, v in os.environ.items() if k != "COURSE_CLAIMS"}
    env["COURSE_PROGRESS"] = "off"  # a learner's own progress file is never written
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        await client.async_execute(env=env)
        stopped = None
    except CellExecutionError as error:
        stopped = str(error).strip().splitlines()[-1]
    printed = "".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", []))
    return stopped, printed.count("✗ ")


async def run_all(paths, seed, lr_scale, jobs):
    """Return run(path, seed, lr_scale) of every path, in order, with at most `jobs` at once."""
    slots = asyncio.Semaphore(jobs)

    async def in_a_slot(path):
        async with slots:  # each kernel computes on one thread (helpers.setup): one per core
            return await run(path, seed, lr_scale)

    return await asyncio.gather(*map(in_a_slot, paths))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lr-scale", type=float, default=1.0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="chapters at once")
    parser.add_argument("chapters", nargs="*", help="chapter numbers (default: all)")
    args = parser.parse_args(argv)
    chosen = [c for c in CHAPTERS if not args.chapters or c.number in args.chapters]
    results = asyncio.run(run_all([BOOKS / c.file for c in chosen], args.seed, args.lr_scale,
                                  max(1, args.jobs)))
    stopped_any = False
    for chapter, (stopped, not_held) in zip(chosen, results, strict=True):
        stopped_any |= stopped is not None
        verdict = f"stopped: {stopped}" if stopped else "ran to the end"
        print(f"{chapter.number} (seed {args.seed}, lr x{args.lr_scale:g}): {verdict}; "
              f"{not_held} claims no longer held", flush=True)
    return 1 if stopped_any else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
