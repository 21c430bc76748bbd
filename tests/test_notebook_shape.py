"""Every chapter has the course's shape: title, goals, navigation, set-up, short cells, summary,
exercises with checks and collapsed solutions; executed top to bottom, with no error stored."""
import json
import re
from pathlib import Path

import pytest

from helpers.course import CHAPTERS

BOOKS = Path(__file__).resolve().parent.parent / "notebooks"
PRESENT = [name for name, *_ in CHAPTERS if (BOOKS / name).exists()]
MAX_CODE_LINES = 12  # "about five lines"; a training loop with its comments needs up to twelve


def cells(name):
    notebook = json.loads((BOOKS / name).read_text(encoding="utf-8"))
    return [(c["cell_type"], "".join(c["source"]), c) for c in notebook["cells"]]


def test_all_ten_chapters_exist():
    assert PRESENT == [name for name, *_ in CHAPTERS]


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
    for kind, text, _ in cells(name):
        if kind == "code":
            assert len(text.strip().splitlines()) <= MAX_CODE_LINES, f"{name}: long cell\n{text}"
            assert "sys.path" not in text


@pytest.mark.parametrize("name", PRESENT)
def test_summary_then_at_least_two_exercises_with_checks_and_solutions(name):
    all_cells = cells(name)
    headings = [text.splitlines()[0] for kind, text, _ in all_cells if kind == "markdown"]
    assert "## Summary" in headings and any(h.startswith("## Exercises") for h in headings)
    assert headings.index("## Summary") < max(i for i, h in enumerate(headings)
                                              if h.startswith("## Exercises"))
    tried = {m for k, t, _ in all_cells if k == "code" for m in re.findall(r'check\("([\d.]+)"', t)}
    solutions = [c for _, _, c in all_cells if "solution" in c["metadata"].get("tags", [])]
    assert len(tried) >= 2, f"{name}: needs at least two exercises with helpers.check"
    assert len(solutions) >= len(tried)
    for cell in solutions:
        assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True
        printed = "".join("".join(o.get("text", "")) for o in cell["outputs"])
        assert printed.startswith("Correct ("), f"{name}: a solution does not pass its check"


@pytest.mark.parametrize("name", PRESENT)
def test_stored_outputs_come_from_one_clean_run(name):
    code = [c for kind, text, c in cells(name) if kind == "code" and text.strip()]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    for cell in code:
        for output in cell["outputs"]:
            assert output["output_type"] != "error"
            text = "".join(output.get("text", ""))
            assert not (output.get("name") == "stderr" and re.search("Warning|Traceback", text))


BUILD_STRING = re.compile(r"\b\d+\.\d+\.\d+\+[a-z0-9]+")  # "2.13.0+cpu", "2.13.0+cu130"


@pytest.mark.parametrize("path", sorted(BOOKS.glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.name)
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
