"""tools/course_nav.py: navigation lines point at the right neighbours, the contents notebook links
every chapter, slide types follow the rule, and --check reports a stale notebook without touching
it (on copies in a temporary folder; the real notebooks are only read)."""
import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from helpers.course import CHAPTERS

ROOT = Path(__file__).resolve().parent.parent
BOOKS = ROOT / "notebooks"
NAMES = [name for name, *_ in CHAPTERS]
PRESENT = [name for name in NAMES if (BOOKS / name).exists()]
spec = importlib.util.spec_from_file_location("course_nav", ROOT / "tools" / "course_nav.py")
nav = importlib.util.module_from_spec(spec)
spec.loader.exec_module(nav)


def links(markdown):
    """Return the link targets of a Markdown text, in order."""
    return re.findall(r"\]\(([^)\s]+)\)", markdown)


def nav_cell(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return next(c for c in cells if "nav" in c["metadata"].get("tags", []))


@pytest.mark.parametrize("name", PRESENT)
def test_nav_line_links_previous_contents_next(name):
    i = NAMES.index(name)
    expected = NAMES[i - 1:i] + ["00_contents.ipynb"] + NAMES[i + 1:i + 2]
    cell = nav_cell(BOOKS / name)
    assert links("".join(cell["source"])) == expected
    assert cell["metadata"]["slideshow"]["slide_type"] == "skip"


def test_contents_links_every_chapter_in_order():
    contents = json.loads((BOOKS / "00_contents.ipynb").read_text(encoding="utf-8"))
    assert links("".join(contents["cells"][0]["source"])) == NAMES


def cell(kind, text, tags=()):
    return {"cell_type": kind, "source": [text], "metadata": {"tags": list(tags)}}


@pytest.mark.parametrize("current, previous, expected", [
    (cell("markdown", "# 01 · Title"), None, "slide"),
    (cell("markdown", "## Section\ntext"), cell("code", "x = 1"), "slide"),
    (cell("markdown", "### Exercise 01.2: a line"), cell("markdown", "text"), "subslide"),
    (cell("markdown", "Prose after code."), cell("code", "x = 1"), "subslide"),
    (cell("markdown", "Prose after prose."), cell("markdown", "text"), "-"),
    (cell("markdown", "#hashtag is not a heading"), cell("markdown", "text"), "-"),
    (cell("code", "x = 1"), cell("markdown", "## Section"), "-"),
    (cell("code", "# Solution: ...", ["solution"]), cell("code", "x = 1"), "skip"),
    (cell("markdown", "[Contents](00_contents.ipynb)", ["nav"]), None, "skip"),
])
def test_slide_type_rule(current, previous, expected):
    assert nav.slide_type(current, previous) == expected


@pytest.fixture
def course_copy(tmp_path, monkeypatch):
    """Point the tool at a copy of README.md and chapter 01 in `tmp_path`; return that folder."""
    (tmp_path / "notebooks").mkdir()
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    shutil.copy(BOOKS / NAMES[0], tmp_path / "notebooks" / NAMES[0])
    monkeypatch.setattr(nav, "ROOT", tmp_path)
    monkeypatch.setattr(nav, "BOOKS", tmp_path / "notebooks")
    return tmp_path


def run_tool(monkeypatch, *args):
    monkeypatch.setattr(sys, "argv", ["course_nav.py", *args])
    return nav.main()


def test_check_reports_a_stale_nav_line_and_changes_nothing(course_copy, monkeypatch, capsys):
    assert run_tool(monkeypatch) == 0  # writes the contents notebook into the copy
    assert run_tool(monkeypatch, "--check") == 0
    path = course_copy / "notebooks" / NAMES[0]
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"][1]["source"] = ["[Contents](00_contents.ipynb) | [somewhere](old.ipynb)"]
    stale = json.dumps(notebook)
    path.write_text(stale, encoding="utf-8")
    capsys.readouterr()
    assert run_tool(monkeypatch, "--check") == 1
    assert capsys.readouterr().out == f"notebooks/{NAMES[0]}: stale (run make nav)\n"
    assert path.read_text(encoding="utf-8") == stale
    assert run_tool(monkeypatch, f"{path}") == 0  # rewriting just this chapter repairs it
    assert run_tool(monkeypatch, "--check") == 0
    assert links("".join(nav_cell(path)["source"]))[-1] == NAMES[1]


def test_check_reports_stale_slide_metadata(course_copy, monkeypatch, capsys):
    run_tool(monkeypatch)
    path = course_copy / "notebooks" / NAMES[0]
    notebook = json.loads(path.read_text(encoding="utf-8"))
    solution = next(c for c in notebook["cells"] if "solution" in c["metadata"].get("tags", []))
    solution["metadata"]["slideshow"]["slide_type"] = "-"  # a solution that would show on a slide
    path.write_text(nav.dump(notebook), encoding="utf-8")
    assert run_tool(monkeypatch, "--check") == 1


def test_a_chapter_without_its_title_is_refused(course_copy, monkeypatch):
    path = course_copy / "notebooks" / NAMES[0]
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"][0]["source"] = ["# Some other title\n"]
    path.write_text(nav.dump(notebook), encoding="utf-8")
    with pytest.raises(SystemExit, match="must start with"):
        run_tool(monkeypatch, "--check")
