"""The manifest (helpers/course.py) lists every chapter and names files that exist; and
tools/course_nav.py: navigation lines point at the right neighbours, the contents notebook links
every chapter and the glossary, slide types follow the rule, the README tables are set between
their markers (the course map links the glossary), the glossary keeps the nav line the tool gives
it, and --check reports a stale notebook without touching it (on copies in a temporary folder; the
real notebooks are only read). That the stored contents and README match what the tool writes is
`course_nav.py --check`, which `make test` runs."""
import json
import re
import shlex
import shutil
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from helpers.course import CHAPTERS
from helpers.exercises import CHECK_MODULES, CHECKS, load_checks
from tools import course_nav as nav

ROOT = Path(__file__).resolve().parent.parent
BOOKS = ROOT / "notebooks"
NAMES = [chapter.file for chapter in CHAPTERS]
PRESENT = [name for name in NAMES if (BOOKS / name).exists()]


def test_every_chapter_notebook_is_in_the_manifest():
    files = sorted(path.name for path in BOOKS.glob("*.ipynb")
                   if path.name not in (nav.CONTENTS, nav.GLOSSARY))
    assert files == sorted(NAMES), "add the chapter to helpers/course.py (CONTRIBUTING.md)"
    solutions = {path.name for path in (BOOKS / "solutions").glob("*.ipynb")}
    assert solutions <= set(NAMES), "a worked-solutions notebook is named after its chapter"


def test_chapters_are_numbered_in_order_and_titled_by_their_number():
    assert [chapter.number for chapter in CHAPTERS] == [f"{i:02d}" for i in range(1, 11)]
    for chapter in CHAPTERS:
        assert re.fullmatch(rf"{chapter.number}_\w+\.ipynb", chapter.file), chapter.file
        assert chapter.title.startswith(f"{chapter.number} · "), chapter.title
        assert chapter.minutes > 0 and chapter.summary


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda chapter: chapter.number)
def test_the_files_a_chapter_names_exist(chapter):
    assert (ROOT / "helpers" / "exercises" / f"{chapter.checks}.py").is_file()
    for module in chapter.helpers:
        assert (ROOT / "helpers" / f"{module.replace('.', '/')}.py").is_file(), module
    for script in chapter.scripts:
        assert (ROOT / "bench" / "scripts" / f"{script}.py").is_file(), script
    assert chapter.parity_fit in (None, *chapter.scripts)


def test_each_exercise_is_checked_in_its_chapters_check_module():
    load_checks()
    assert {exercise[:2] for exercise in CHECKS} == set(CHECK_MODULES)
    for exercise, function in CHECKS.items():
        assert function.__module__ == f"helpers.exercises.{CHECK_MODULES[exercise[:2]]}", exercise


def test_the_chapter_files_table_names_existing_files_of_every_chapter():
    rows = nav.chapter_files(CHAPTERS).splitlines()[2:]
    assert [links(line)[0] for line in rows] == [f"notebooks/{name}" for name in NAMES]
    for chapter, line in zip(CHAPTERS, rows, strict=True):
        paths = re.findall(r"`([^`]+\.py)`", line)
        assert len(paths) == 1 + len(chapter.helpers) + len(chapter.scripts), line
        assert all((ROOT / path).is_file() for path in paths), line


def test_readme_tables_are_set_between_their_markers_only():
    readme = "intro\n<!-- a:start -->\nold\n<!-- a:end -->\n<!-- b:start --><!-- b:end -->\n"
    assert nav.with_tables(readme, {"a": "A", "b": "B", "c": "C"}) == (
        "intro\n<!-- a:start -->\nA\n<!-- a:end -->\n<!-- b:start -->\nB\n<!-- b:end -->\n")


def links(markdown, local=True):
    """Return the link targets of a Markdown text, in order (only those to notebooks if `local`)."""
    found = re.findall(r"\]\(([^)\s]+)\)", markdown)
    return [link for link in found if not re.match(r"https?:", link)] if local else found


def nav_cell_of(notebook):
    """Return the notebook's navigation cell."""
    return next(c for c in notebook["cells"] if "nav" in c["metadata"].get("tags", []))


def nav_cell(path):
    """Return the navigation cell of the notebook at `path`."""
    return nav_cell_of(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", PRESENT)
def test_nav_line_links_previous_contents_next(name):
    i = NAMES.index(name)
    expected = NAMES[i - 1:i] + ["00_contents.ipynb"] + NAMES[i + 1:i + 2]
    cell = nav_cell(BOOKS / name)
    assert links("".join(cell["source"])) == expected
    assert cell["metadata"]["slideshow"]["slide_type"] == "skip"


def test_contents_links_every_chapter_in_order_then_the_glossary():
    contents = nav.contents_notebook(CHAPTERS)
    assert links("".join(contents["cells"][0]["source"])) == [*NAMES, "glossary.ipynb"]
    assert (BOOKS / nav.GLOSSARY).is_file()


def test_the_course_map_lists_every_chapter_then_links_the_glossary():
    lines = nav.course_map(CHAPTERS).splitlines()
    table = [line for line in lines if line.startswith("|")]
    assert [links(line)[0] for line in table[2:-1]] == [f"notebooks/{name}" for name in NAMES]
    assert table[-1].startswith("| **whole course** |")
    assert links(lines[-1]) == ["notebooks/glossary.ipynb"] and lines[-2] == ""  # below the table


def test_the_glossary_has_a_contents_nav_line_and_is_as_the_tool_writes_it():
    path = BOOKS / nav.GLOSSARY
    written = nav.expected_files({path.resolve()})
    assert list(written) == [path], "only the glossary when only it is asked for"
    notebook = json.loads(written[path])
    assert links("".join(nav_cell_of(notebook)["source"])) == ["00_contents.ipynb"]
    assert notebook["cells"][0]["source"][0] == "# Glossary\n"
    assert written[path] == path.read_text(encoding="utf-8"), "run tools/course_nav.py on it"


def test_a_glossary_without_its_title_is_refused(course_copy, monkeypatch):
    (course_copy / "notebooks" / nav.GLOSSARY).write_text(
        nav.dump(nav.contents_notebook(CHAPTERS)), encoding="utf-8")  # a notebook titled wrong
    with pytest.raises(SystemExit, match="glossary.ipynb: the first cell must start with '# Glos"):
        run_tool(monkeypatch, "--check")


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


def test_prose_after_speaker_notes_is_typed_by_the_cell_the_slide_shows():
    notebook = {"cells": [cell("markdown", "# 01 · Title"), cell("code", "x = 1"),
                          cell("markdown", "Notes for the speaker.", ["notes"]),
                          cell("markdown", "Prose after code, past the notes.")]}
    types = [c["metadata"]["slideshow"]["slide_type"]
             for c in nav.with_navigation(notebook, "nav line")["cells"]]
    assert types == ["slide", "skip", "-", "subslide", "subslide"]


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


# Where the course's public repository appears: GitHub, Colab, Binder and nbgitpuller addresses.
LAUNCH = re.compile(r"https://(?:github\.com|colab\.research\.google\.com/github|mybinder\.org/v2"
                    r"/gh|HUB\.EXAMPLE\.ORG/hub/)[^\s)\"<>\\]*")


def launch_links(*paths):
    """Return every launch or repository address in the files at `paths`."""
    return [link for path in paths for link in LAUNCH.findall(path.read_text(encoding="utf-8"))]


def test_every_launch_link_is_derived_from_repository(course_copy, monkeypatch, capsys):
    readme, chapter = course_copy / "README.md", course_copy / "notebooks" / NAMES[0]
    monkeypatch.setattr(nav, "REPOSITORY", "a-fork/its-course")
    assert run_tool(monkeypatch) == 0
    found = launch_links(readme, chapter)
    assert "OWNER" not in chapter.read_text()
    assert all("a-fork/its-course" in unquote(link) for link in found), found
    assert nav.binder_url(nav.FIRST) in found and nav.colab_url(nav.FIRST) in found  # README
    assert nav.nbgitpuller_url() in found  # README, teachers
    badges = links("".join(nav_cell(chapter)["source"]), local=False)
    own = f"notebooks/{NAMES[0]}"
    assert nav.colab_url(own) in badges and nav.binder_url(own) in badges
    assert nav.github_url() in launch_links(chapter)  # the set-up cell's Colab install
    assert "\n".join(nav.colab_lines()) in readme.read_text()  # the README shows those lines
    assert run_tool(monkeypatch, "--check") == 0 and "warning" not in capsys.readouterr().err
    monkeypatch.setattr(nav, "REPOSITORY", "OWNER/REPOSITORY")  # one line changed back...
    assert run_tool(monkeypatch, "--check") == 1  # ...and everything derived from it is stale
    assert capsys.readouterr().out.splitlines() == [f"notebooks/{NAMES[0]}: stale (run make nav)",
                                                    "README.md: stale (run make nav)"]


def test_the_placeholder_repository_is_reported_not_failed(course_copy, monkeypatch, capsys):
    monkeypatch.setattr(nav, "REPOSITORY", nav.PLACEHOLDER_REPOSITORY)
    assert run_tool(monkeypatch) == 0 and run_tool(monkeypatch, "--check") == 0
    err = capsys.readouterr().err
    assert err.count("warning: helpers/course.py names the repository 'OWNER/REPOSITORY', "
                     "a placeholder") == 2, err


class Shell:
    """Stands in for IPython's get_ipython(): records line magics; `name` is its str()."""

    def __init__(self, name):
        self.name, self.magics = name, []

    def __str__(self):
        return self.name

    def run_line_magic(self, magic, line):
        self.magics.append((magic, line))


@pytest.mark.parametrize("shell, installs", [
    ("<google.colab._shell.Shell object at 0x7f>", True),
    ("<ipykernel.zmqshell.ZMQInteractiveShell object at 0x7f>", False)])
def test_the_set_up_cell_installs_the_helpers_on_colab_only(shell, installs, monkeypatch):
    from IPython.core.inputtransformer2 import TransformerManager

    monkeypatch.setattr(nav, "REPOSITORY", "a-fork/its-course")
    source = nav.with_colab_lines("import helpers\n\ndevice = helpers.setup()")
    assert source.splitlines()[2:] == ["import helpers", "", "device = helpers.setup()"]
    python = TransformerManager().transform_cell(source)  # how IPython runs the indented %pip
    fake = Shell(shell)
    exec(compile(python.replace("import helpers", "pass"), "cell", "exec"),
         {"get_ipython": lambda: fake, "helpers": type("helpers", (), {"setup": list})})
    expected = ["install", "--no-deps", "git+https://github.com/a-fork/its-course"]
    assert [(magic, shlex.split(line)) for magic, line in fake.magics] == (
        [("pip", expected)] if installs else [])
    assert expected == nav.colab_install(nav.github_url())  # the command make test-colab runs


def test_colab_lines_are_replaced_not_repeated(monkeypatch):
    source = nav.with_colab_lines("import helpers\n\ndevice = helpers.setup()")
    monkeypatch.setattr(nav, "REPOSITORY", "a-fork/its-course")
    again = nav.with_colab_lines(source)
    assert again == nav.with_colab_lines(again) and again.count("google.colab") == 1
    assert "a-fork/its-course" in again and "OWNER" not in again


def test_nbgitpuller_link_clones_the_repository_and_opens_chapter_01(monkeypatch):
    monkeypatch.setattr(nav, "REPOSITORY", "a-fork/its-course")
    url = urlsplit(nav.nbgitpuller_url("https://hub.example.org"))
    assert (url.netloc, url.path) == ("hub.example.org", "/hub/user-redirect/git-pull")
    assert parse_qs(url.query) == {"repo": ["https://github.com/a-fork/its-course"],
                                   "urlpath": [f"lab/tree/its-course/notebooks/{NAMES[0]}"]}


def test_check_reports_stale_slide_metadata(course_copy, monkeypatch, capsys):
    run_tool(monkeypatch)
    path = course_copy / "notebooks" / NAMES[0]
    notebook = json.loads(path.read_text(encoding="utf-8"))
    nav_cell_of(notebook)["metadata"]["slideshow"]["slide_type"] = "-"  # a link shown on a slide
    path.write_text(nav.dump(notebook), encoding="utf-8")
    assert run_tool(monkeypatch, "--check") == 1


def test_a_chapter_without_its_title_is_refused(course_copy, monkeypatch):
    path = course_copy / "notebooks" / NAMES[0]
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"][0]["source"] = ["# Some other title\n"]
    path.write_text(nav.dump(notebook), encoding="utf-8")
    with pytest.raises(SystemExit, match="must start with"):
        run_tool(monkeypatch, "--check")


def test_the_contents_keeps_its_progress_cells_run_while_the_code_is_unchanged():
    stored = nav.contents_notebook(CHAPTERS)
    progress = stored["cells"][1]
    progress |= {"execution_count": 1, "outputs": [{"output_type": "stream", "name": "stdout",
                                                    "text": "Solved 0 of 25 exercises\n"}]}
    stored["metadata"]["language_info"] = {"name": "python"}
    kept = nav.contents_notebook(CHAPTERS, stored)
    assert kept["cells"][1]["outputs"] == progress["outputs"]
    assert kept["cells"][1]["execution_count"] == 1 and kept["metadata"]["language_info"]
    progress["source"] = ["helpers.progress()  # an older line"]
    fresh = nav.contents_notebook(CHAPTERS, stored)
    assert fresh["cells"][1]["outputs"] == [] and fresh["cells"][1]["execution_count"] is None
    assert "language_info" not in fresh["metadata"]
