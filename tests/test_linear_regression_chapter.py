"""Chapter 10's course table: each row's code is quoted from the chapter it credits."""
import re
from pathlib import Path

import nbformat

from helpers.course import CHAPTERS

BOOKS = Path(__file__).resolve().parent.parent / "notebooks"
TABLE_HEADING = "## The whole course in one table"


def code_of(file):
    """Return the source of every code cell of notebooks/`file`, joined."""
    notebook = nbformat.read(BOOKS / file, as_version=4)
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")


def table_rows():
    """Return [(chapter number, [code quoted in the tool column])] of chapter 10's course table."""
    chapter_10 = nbformat.read(BOOKS / CHAPTERS[-1].file, as_version=4)
    table = next(c.source for c in chapter_10.cells if TABLE_HEADING in c.source)
    rows = re.findall(r"^\| (\d\d) [^|]+\|[^|]+\|([^|]+)\|", table, flags=re.MULTILINE)
    return [(number, re.findall(r"`([^`]+)`", tool)) for number, tool in rows]


def test_every_chapter_has_a_row_with_code():
    rows = table_rows()
    assert [number for number, _ in rows] == [chapter.number for chapter in CHAPTERS]
    assert all(quoted for _, quoted in rows), rows


def test_each_row_quotes_code_of_the_chapter_it_credits():
    files = {chapter.number: chapter.file for chapter in CHAPTERS}
    for number, quoted in table_rows():
        code = code_of(files[number])
        missing = [snippet for snippet in quoted if snippet not in code]
        assert not missing, f"chapter {number}'s code has no {missing}"


def test_the_project_script_nears_least_squares_and_reloads_exactly():
    import runpy

    import numpy as np
    import torch

    from helpers import least_squares_fit, noisy_line

    fit = runpy.run_path(str(BOOKS.parent / "bench/scripts/linear_regression_project.py"))["fit"]
    training, validation, line, same = fit()
    x, y = noisy_line()
    train = torch.randperm(100, generator=torch.Generator().manual_seed(0))[:80].numpy()
    best = least_squares_fit(x[train], y[train], degree=1)  # independent: exact, float64
    assert best.loss / 80 <= training[-1] < 1.1 * best.loss / 80
    assert len(validation) == 50 and np.isfinite(validation).all() and same
