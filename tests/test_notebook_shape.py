"""Every chapter has the course's shape: title, goals, navigation, set-up, short cells, summary,
exercises in three cells (statement, learner cell, check) and no solution; each chapter's worked
solutions are in notebooks/solutions/ under the same name, one solution cell (as long as it
needs) and a passing check per exercise. Chapters and solutions are executed top to bottom, with
no error stored."""
import json
import re
from pathlib import Path

import pytest

from helpers.course import CHAPTERS

BOOKS = Path(__file__).resolve().parent.parent / "notebooks"
PRESENT = [c.file for c in CHAPTERS if (BOOKS / c.file).exists()]
SOLVED = [name for name in PRESENT if (BOOKS / "solutions" / name).exists()]
EVERY_NOTEBOOK = PRESENT + [f"solutions/{name}" for name in SOLVED]  # chapters, solutions
MAX_CODE_LINES = 12  # "about five lines"; a training loop with its comments needs up to twelve
AS_WRITTEN_LINES = 24  # a seed's loop that cannot be split, as its source wrote it (tag
# "as-written"): the NumPy and tensor loops with their comments, one 1280x720 slide


def cells(name):
    notebook = json.loads((BOOKS / name).read_text(encoding="utf-8"))
    return [(c["cell_type"], "".join(c["source"]), c) for c in notebook["cells"]]


def test_all_ten_chapters_exist():
    assert PRESENT == [chapter.file for chapter in CHAPTERS]


@pytest.mark.parametrize("name", PRESENT)
def test_title_goals_and_navigation(name):
    (kind, title, _), (_, nav, nav_cell) = cells(name)[:2]
    assert kind == "markdown" and title.startswith("# ")
    goals = title.split("**Learning goals**", 1)[1] if "**Learning goals**" in title else ""
    bullets = [line for line in goals.splitlines() if line.startswith("- ")]
    assert 2 <= len(bullets) <= 4, f"{name}: needs 2-4 learning goals, has {len(bullets)}"
    assert nav_cell["metadata"].get("tags") == ["nav"] and "[Contents](00_contents.ipynb)" in nav


@pytest.mark.parametrize("name", PRESENT)
def test_first_code_cell_is_the_setup_call(name):
    code = [text for kind, text, _ in cells(name) if kind == "code"]
    assert "helpers.setup(" in code[0], f"{name}: first code cell must call helpers.setup()"


@pytest.mark.parametrize("name", PRESENT)
def test_code_cells_are_short_and_never_edit_sys_path(name):
    for kind, text, cell in cells(name):
        if kind == "code":
            most = AS_WRITTEN_LINES if "as-written" in cell["metadata"].get("tags", []) \
                else MAX_CODE_LINES
            assert len(text.strip().splitlines()) <= most, f"{name}: long cell\n{text}"
            assert "sys.path" not in text


def exercises(name):
    """Return [(exercise id, title, markdown, learner, check)] of a chapter's three-cell exercises,
    one per check cell; None stands for a cell that is not where the format puts it."""
    all_cells, found = cells(name), []
    for i, (kind, text, cell) in enumerate(all_cells):
        if kind == "code" and "helpers.check(" in text:
            markdown, learner = ([c for _, _, c in all_cells[max(i - 2, 0):i]] + [None, None])[:2]
            match = re.fullmatch(r'helpers\.check\("(\d\d\.\d+)", answer\)', text.strip())
            heading = re.match(r"### Exercise (\d\d\.\d+): (.+)", source(markdown))
            found.append((match and match.group(1), heading and heading.groups(), markdown,
                          learner, cell))
    return found


def source(cell):
    """Return a cell's source as one string ("" for None)."""
    return "".join(cell["source"]) if cell else ""


def printed(cell):
    """Return what a code cell's stored outputs printed."""
    return "".join("".join(output.get("text", "")) for output in cell["outputs"])


@pytest.mark.parametrize("name", PRESENT)
def test_summary_then_at_least_two_exercises_in_three_cells(name):
    all_cells = cells(name)
    headings = [text.splitlines()[0] for kind, text, _ in all_cells if kind == "markdown"]
    assert "## Summary" in headings and any(h.startswith("## Exercises") for h in headings)
    assert headings.index("## Summary") < max(i for i, h in enumerate(headings)
                                              if h.startswith("## Exercises"))
    found = exercises(name)
    assert len(found) >= 2, f"{name}: needs at least two exercises with helpers.check"
    number = name[:2]
    assert [e[0] for e in found] == [f"{number}.{k}" for k in range(1, len(found) + 1)]
    promise = f"*A worked solution is in [solutions/{name}](solutions/{name}); try first.*"
    for exercise_id, heading, markdown, learner, check in found:
        assert heading and heading[0] == exercise_id, f"{name}: no '### Exercise {exercise_id}: '"
        assert source(markdown).strip().splitlines()[-1] == promise, f"{name} {exercise_id}"
        assert learner["metadata"].get("tags") == ["exercise"], f"{name} {exercise_id}"
        assert re.fullmatch(r"answer = None  # your code: \S.*", source(learner).strip())
        assert learner["outputs"] == [] and check["metadata"].get("tags") == ["check"]
        assert printed(check).startswith(f"Not yet ({exercise_id}): no answer yet"), exercise_id


@pytest.mark.parametrize("name", PRESENT)
def test_no_solution_or_its_output_stays_in_the_chapter(name):
    for kind, text, cell in cells(name):
        assert "solution" not in cell["metadata"].get("tags", []), f"{name}: a solution cell"
        if kind == "code":
            assert "Correct (" not in printed(cell), f"{name}: a solution's output\n{text}"


def test_every_chapter_has_its_solutions_notebook():
    assert sorted(p.name for p in (BOOKS / "solutions").glob("*.ipynb")) == sorted(PRESENT)


@pytest.mark.parametrize("name", SOLVED)
def test_solutions_notebook_solves_each_exercise_under_its_heading(name):
    chapter = next(c for c in CHAPTERS if c.file == name)
    solutions = cells(f"solutions/{name}")
    title = solutions[0][1].splitlines()[0] if solutions[0][0] == "markdown" else ""
    assert title == f"# {chapter.title}: worked solutions" and f"](../{name})" in solutions[0][1]
    setup = [re.findall(r"helpers\.setup\([^)]*\)", text) for kind, text, _ in cells(name)
             if kind == "code"][0]
    first_code = next(text for kind, text, _ in solutions if kind == "code")
    assert "import helpers" in first_code and setup and setup[0] in first_code
    sections, current = {}, None
    for kind, text, cell in solutions:
        heading = re.match(r"### Exercise (\d\d\.\d+): (.+)", text) if kind == "markdown" else None
        if heading:
            current = sections.setdefault(heading.group(1), (heading.group(2), []))[1]
        elif current is not None:
            current.append(cell)
    assert not any("sys.path" in text for _, text, _ in solutions)
    asked = {e[0]: e[1] and e[1][1] for e in exercises(name)}
    assert {k: title for k, (title, _) in sections.items()} == asked
    for exercise_id, (_, section) in sections.items():
        solution_cells = [c for c in section if "solution" in c["metadata"].get("tags", [])]
        assert len(solution_cells) == 1, f"{name} {exercise_id}: one solution cell"
        assert re.match(r"answer\s*=", source(solution_cells[0]).strip().splitlines()[-1])
        after = section[section.index(solution_cells[0]) + 1]
        assert source(after).strip() == f'helpers.check("{exercise_id}", answer)'
        assert after["metadata"].get("tags") == ["check"]
        assert printed(after).startswith(f"Correct ({exercise_id}): "), f"{name} {exercise_id}"


@pytest.mark.parametrize("name", EVERY_NOTEBOOK)
def test_stored_outputs_come_from_one_clean_run(name):
    code = [c for kind, text, c in cells(name) if kind == "code" and text.strip()]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    for cell in code:
        assert "raises-exception" not in cell["metadata"].get("tags", []), (
            f"{name}: an error the lesson shows is caught and its message printed, not raised")
        for output in cell["outputs"]:
            assert output["output_type"] != "error", (  # a traceback names this machine's paths,
                f"{name}: a stored error")  # and test-browser fails on it
            text = "".join(output.get("text", ""))
            assert not (output.get("name") == "stderr" and re.search("Warning|Traceback", text))


BUILD_STRING = re.compile(r"\b\d+\.\d+\.\d+\+[a-z0-9]+")  # "2.13.0+cpu", "2.13.0+cu130"


@pytest.mark.parametrize("path", sorted(BOOKS.glob("[0-9][0-9]_*.ipynb"))
                         + sorted(BOOKS.glob("solutions/[0-9][0-9]_*.ipynb")),
                         ids=lambda p: str(p.relative_to(BOOKS)))
def test_stored_outputs_hold_no_build_string_widget_state_or_test_marker(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in notebook["metadata"], "widget state changes on every run: not stored"
    for cell in notebook["cells"]:
        assert "# NBVAL" not in "".join(cell["source"]), "test markers go in cell tags"
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            assert "application/vnd.jupyter.widget-view+json" not in data
            text = "".join(output.get("text", "")) + "".join(data.get("text/plain", ""))
            assert not BUILD_STRING.search(text), f"a build string in {path.name}: {text[:80]}"
