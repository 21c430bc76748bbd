"""Execute notebooks top to bottom in a fresh kernel each and save them with their outputs.

Usage: python tools/run_notebooks.py [notebooks/NN_name.ipynb ...]   (default: contents, chapters)
Run `make nav` first so the navigation cells are current; this prints each notebook's wall time.
"""
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from helpers.course import CHAPTERS
from helpers.learner_progress import PROGRESS_ENV

BOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CONTENTS = "00_contents.ipynb"  # its progress cell runs as a new learner's (new_learner_env)
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"  # a reference to a live widget model
os.environ["COURSE_CLAIMS"] = "strict"  # a lesson's claim that does not hold stops the run
os.environ["COURSE_PROGRESS"] = "off"  # the solutions' checks are not a learner's progress


def merged_streams(outputs):
    """Return `outputs` with consecutive prints to the same stream joined into one output."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.output_type == "stream" and previous is not None
                and previous.output_type == "stream" and previous.name == output.name):
            previous.text += output.text  # one print can arrive in pieces: store it whole
        else:
            merged.append(output)
    return merged


def without_widget_views(outputs):
    """Return `outputs` with live-widget views dropped, keeping their text/plain fallback.

    A view only names a widget model by a random id, new on every run, and no widget state is
    stored: the fallback is what a stored notebook can show, and it stays the same from run to run.
    """
    for output in outputs:
        output.get("data", {}).pop(WIDGET_VIEW, None)
    return outputs


def new_learner_env(home):
    """Return this process's environment as a new learner's kernel has it: progress kept in the
    default file of an empty home folder `home` (the contents' progress cell shows no exercise
    solved yet, and no path of this machine)."""
    env = {k: v for k, v in os.environ.items() if k not in (PROGRESS_ENV, "XDG_DATA_HOME")}
    return {**env, "HOME": str(home)}


def execute(path):
    """Execute the notebook at `path` in place and return the seconds it took."""
    notebook = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as home:
        env = new_learner_env(home) if path.name == CONTENTS else dict(os.environ)
        # stopped at once, as nbval does: a graceful shutdown of a kernel with torch loaded waits
        NotebookClient(notebook, timeout=600, kernel_name="python3", record_timing=False,
                       shutdown_kernel="immediate", store_widget_state=False,
                       resources={"metadata": {"path": str(path.parent)}}).execute(env=env)
    seconds = time.perf_counter() - start
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = without_widget_views(merged_streams(cell.outputs))
    notebook.metadata.pop("widgets", None)  # widget state of an earlier run, if any
    nbformat.write(notebook, path)
    return seconds


def main(argv):
    paths = [Path(p).resolve() for p in argv] or [
        BOOKS / name for name in [CONTENTS] + [chapter.file for chapter in CHAPTERS]]
    for path in paths:
        print(f"{path.name}: {execute(path):.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
