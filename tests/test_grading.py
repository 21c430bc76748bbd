"""helpers.grade, the student edition (tools/student_edition.py) and the nbgrader round trip: the
release of two real chapters holds no solution and no output in its exercise cells; nbgrader
autograde of one real chapter gives the worked solutions full marks, typical wrong answers and the
untouched release zero, and its feedback shows each check's message."""
import json
import re
import warnings
from pathlib import Path

import nbformat
import numpy as np
import pytest
import sqlalchemy.exc
from nbgrader.api import Gradebook

import helpers
from helpers.course import CHAPTERS
from helpers.exercises import sine_points
from tools import student_edition

RELEASED = ["01_introduction.ipynb", "02_numpy.ipynb"]  # built, then read: no kernel runs
# Graded: each submission runs in a kernel. Chapter 02 is the quickest to run (NumPy only, no
# torch to load) and has three exercises; the grading is the same code for every chapter.
GRADED = "02_numpy.ipynb"
WRONG = {  # a typical wrong answer to each of its exercises, typed in the chapter's context
    "02.1": "answer = np.sum(2 * (y - x) * x**3)  # the sign flipped",
    "02.2": "answer = 1 / eigenvalues.max()  # where 1 - lr * eigenvalue reaches 0, not -1",
    "02.3": "answer = float(np.sum(y**2))  # the loss at the start, before any update",
}
STUDENTS = ["correct", "wrong", "untouched"]


def right_answer_02_1():
    """Return dL/dd at a = 0, b = 1, c = 0, d = 0, in float64: sum of 2 (x - y) x^3."""
    x, y = (np.asarray(v, dtype=np.float64) for v in sine_points())
    return float(np.sum(2 * (x - y) * x**3))


def test_grade_passes_a_right_answer_silently(capsys):
    assert helpers.grade("02.1", right_answer_02_1()) is None
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("answer", [None, "sign flipped", "62612.61", [1.0, 2.0]])
def test_grade_fails_any_other_answer_with_the_checks_message(capsys, answer):
    answer = -right_answer_02_1() if answer == "sign flipped" else answer
    helpers.check("02.1", answer)
    printed = capsys.readouterr().out.strip()
    with pytest.raises(AssertionError) as failure:
        helpers.grade("02.1", answer)
    assert str(failure.value) == printed and printed.startswith("Not yet (02.1): ")


def chapter_and_solutions(learner_tags):
    """Return a one-exercise chapter (its learner cell tagged `learner_tags`) and its solutions."""
    markdown = nbformat.v4.new_markdown_cell(
        "### Exercise 01.1: zero\nWhat is 0? See [the chapter](../x.ipynb).\n\n"
        "*A worked solution is in [solutions/01_x.ipynb](solutions/01_x.ipynb); try first.*")
    learner = nbformat.v4.new_code_cell("answer = None  # your code: zero (a number)")
    learner.metadata.tags = learner_tags
    check = nbformat.v4.new_code_cell('helpers.check("01.1", answer)', metadata={"tags": ["check"]})
    solution = nbformat.v4.new_code_cell("answer = 0.0", metadata={"tags": ["solution"]})
    return (nbformat.v4.new_notebook(cells=[markdown, learner, check]),
            nbformat.v4.new_notebook(cells=[solution, nbformat.from_dict(check)]))


def test_the_source_of_an_exercise_holds_its_solution_and_its_hidden_grade():
    source = student_edition.source_notebook(*chapter_and_solutions(["exercise"]))
    markdown, answer, test = source.cells
    assert markdown.source == "### Exercise 01.1: zero\nWhat is 0? See [the chapter](../x.ipynb)."
    assert answer.source == ("# your code: zero (a number)\n### BEGIN SOLUTION\nanswer = 0.0\n"
                             "### END SOLUTION")
    assert test.source == ('helpers.check("01.1", answer)\n### BEGIN HIDDEN TESTS\n'
                           'helpers.grade("01.1", answer)\n### END HIDDEN TESTS')
    assert answer.metadata.nbgrader["grade_id"] == "answer-01-1"
    assert test.metadata.nbgrader["points"] == 1 and test.metadata.nbgrader["locked"]


def test_a_chapter_not_in_the_exercise_format_is_refused_with_the_exercise_named():
    with pytest.raises(ValueError, match="exercise 01.1: no learner cell .tagged exercise."):
        student_edition.source_notebook(*chapter_and_solutions([]))


@pytest.mark.parametrize("text, kept", [
    ("Try it. The worked solutions are in the `solutions` folder; open it later. Then go on.",
     "Try it. Then go on."),
    ("One.\n*A worked solution is in [solutions/01_x.ipynb](solutions/01_x.ipynb); try first.*",
     "One."),
    ("A solution of the equation is x = 1.", "A solution of the equation is x = 1."),
])
def test_the_edition_promises_no_worked_solution(text, kept):
    cell = nbformat.v4.new_markdown_cell(text)
    assert student_edition.without_solution_promises(cell).source == kept


def exercise_ids(notebook):
    """Return the exercise ids of the check cells of a notebook, in order."""
    return [i for i in map(student_edition.exercise_id_of, notebook.cells) if i]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """Return an nbgrader course folder with the source and release of the RELEASED chapters."""
    folder = tmp_path_factory.mktemp("nbgrader")
    assert student_edition.main(["--course", str(folder), *RELEASED]) == 0
    return folder


def read(path):
    """Return the notebook at `path` (nbformat 4)."""
    return nbformat.read(path, as_version=4)


def released(course, name):
    """Return the release notebook of chapter notebook `name`."""
    return read(course / "release" / name.removesuffix(".ipynb") / name)


@pytest.mark.parametrize("name", RELEASED)
def test_the_release_holds_no_solution_and_no_output_in_exercise_cells(course, name):
    chapter, release = read(student_edition.BOOKS / name), released(course, name)
    solutions = student_edition.worked_solutions(read(student_edition.BOOKS / "solutions" / name))
    graded = [cell for cell in release.cells if "nbgrader" in cell.metadata]
    assert exercise_ids(release) == exercise_ids(chapter) == list(solutions)
    assert len(graded) == 2 * len(solutions)
    for cell in graded:
        assert cell.outputs == [] and cell.execution_count is None
        lines = cell.source.splitlines()
        if cell.metadata.nbgrader["solution"]:  # the hint, then what the chapter's cell has
            assert len(lines) == 2 and lines[0].startswith("# ") and lines[1] == "answer = None"
        else:
            assert cell.metadata.nbgrader["points"] == 1 and len(lines) == 1
    text = json.dumps(release.cells)
    for solution in solutions.values():
        assert solution not in text and solution.splitlines()[-1] not in text
    for hidden in ("SOLUTION", "HIDDEN TESTS", "helpers.grade", "solutions/", "worked solution"):
        assert hidden not in text
    assert not any("nav" in cell.metadata.get("tags", []) for cell in release.cells)


def markdown_links(notebook):
    """Return the (target, anchor) of each relative Markdown link of the notebook, in order."""
    return [link for cell in notebook.cells if cell.cell_type == "markdown"
            for link in re.findall(r"\]\(([^)#]*)(#[^)]*)?\)", cell.source)
            if "://" not in link[0]]


def test_every_link_of_the_release_leads_to_a_notebook_handed_out_with_it(course):
    # a chapter's glossary links (and the glossary's links to chapters) work in the release
    release = course / "release"
    unreleased = {release / Path(c.file).stem / c.file for c in CHAPTERS} - {
        release / Path(name).stem / name for name in RELEASED}  # where they would lie
    notebooks = sorted(path.relative_to(release).as_posix() for path in release.rglob("*.ipynb"))
    assert notebooks == sorted(f"{Path(name).stem}/{sub}" for name in RELEASED
                               for sub in (name, "glossary/glossary.ipynb"))
    for name in notebooks:
        links = markdown_links(read(release / name))
        original = markdown_links(read(student_edition.BOOKS / Path(name).name))
        anchors = [anchor for _, anchor in links if anchor]
        assert anchors and anchors == [anchor for _, anchor in original if anchor]  # none lost
        for target, _ in links:
            if target:  # "" is a link inside the notebook (#anchor)
                path = (release / name).parent / target
                assert path.exists() or path.resolve() in unreleased, (name, target)


def submission(release, answers):
    """Return a copy of `release` with answer cell of each id in `answers` set to its code."""
    notebook = nbformat.from_dict(json.loads(json.dumps(release)))
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        exercise_id = grade_id.removeprefix("answer-").replace("-", ".")
        if grade_id.startswith("answer-") and exercise_id in answers:
            cell.source = answers[exercise_id]
    return notebook


TORCH_LOADED = "import sys\nprint('torch' in sys.modules)"  # a learner's cell, run last


@pytest.fixture(scope="module")
def autograded(course):
    """Return (course folder, points) after nbgrader autograde of GRADED for the STUDENTS: the
    worked solutions (and a last cell printing whether torch was loaded), WRONG, the release."""
    assignment, release = GRADED.removesuffix(".ipynb"), released(course, GRADED)
    solutions = student_edition.worked_solutions(read(student_edition.BOOKS / "solutions" / GRADED))
    assert sorted(solutions) == sorted(WRONG), "WRONG: one typical wrong answer per exercise"
    for student, answers in zip(STUDENTS, [solutions, WRONG, {}], strict=True):
        folder = course / "submitted" / student / assignment
        folder.mkdir(parents=True)
        notebook = submission(release, answers)
        if student == "correct":
            notebook.cells.append(nbformat.v4.new_code_cell(TORCH_LOADED))
        nbformat.write(notebook, folder / GRADED)
    with pytest.MonkeyPatch.context() as patch, warnings.catch_warnings():
        patch.setenv("MPLBACKEND", "Agg")  # the graders' kernels draw no figure: 10% faster
        # nbgrader 0.9.6's gradebook with SQLAlchemy 2 warns "not in session, add operation ...
        # will not proceed" while it records a submission; the scores show the records are right.
        warnings.filterwarnings("ignore", "Object of type <Submitted", sqlalchemy.exc.SAWarning)
        autograde_every_submission(course)
    return course, len(solutions)


def autograded_notebook(course, student):
    """Return the notebook of `student` as nbgrader autograde ran it."""
    return read(course / "autograded" / student / GRADED.removesuffix(".ipynb") / GRADED)


def test_autograde_full_marks_for_solutions_zero_for_wrong_and_untouched(autograded):
    course, points = autograded
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {student: gradebook.find_submission(GRADED.removesuffix(".ipynb"), student).score
                  for student in STUDENTS}
    assert scores == {"correct": points, "wrong": 0, "untouched": 0}


def test_the_feedback_on_a_wrong_answer_is_what_the_check_says(autograded):
    assert_each_test_cell_fails_with_the_checks_message(autograded_notebook(autograded[0], "wrong"))


def test_chapter_02_with_its_solutions_never_loads_torch(autograded):
    # the NumPy chapter's promise (helpers.setup(numpy_only=True)): every lesson cell and every
    # worked solution ran in the grader's kernel, then the learner's last cell asked
    last = autograded_notebook(autograded[0], "correct").cells[-1]
    assert last.source == TORCH_LOADED and last.outputs[0].text == "False\n"


def autograde_every_submission(course):
    """Run `nbgrader autograde "*"` on the course folder `course`, through nbgrader's API."""
    student_edition.succeeded(student_edition.nbgrader_api(course).autograde("*", "*"))


def assert_each_test_cell_fails_with_the_checks_message(notebook):
    """Fail unless each test cell printed "Not yet (NN.k): ..." and failed with that message."""
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id.startswith("check-"):
            exercise_id = grade_id.removeprefix("check-").replace("-", ".")
            printed = "".join(output.get("text", "") for output in cell.outputs)
            errors = [output for output in cell.outputs if output.output_type == "error"]
            assert printed.startswith(f"Not yet ({exercise_id}): "), (exercise_id, printed)
            assert [(e.ename, e.evalue) for e in errors] == [("AssertionError", printed.strip())]
