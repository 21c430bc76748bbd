"""Build the student edition: an nbgrader course folder with each chapter's source and release.

Usage: python tools/student_edition.py [--course DIR] [CHAPTER ...]   (default: every chapter,
       into build/nbgrader; a chapter is named by its number, "01", or its notebook's name)

Each chapter is one nbgrader assignment named after its notebook (01_introduction). Its source,
DIR/source/<assignment>/<notebook>, is the chapter notebook (notebooks/NN_name.ipynb) with, per
exercise (see the course's exercise format: the exercise's Markdown, a learner cell tagged
"exercise", a check cell tagged "check"):
- the learner cell as an autograded answer cell: the hint comment, then the worked solution from
  notebooks/solutions/NN_name.ipynb between `### BEGIN SOLUTION` and `### END SOLUTION`;
- the check cell as an autograded test cell worth 1 point: the chapter's `helpers.check` line, then
  `helpers.grade` between `### BEGIN HIDDEN TESTS` and `### END HIDDEN TESTS`, which fails the
  cell unless the answer is right;
- no outputs in either; no line or sentence of the Markdown points at the worked solutions, and
  the navigation line goes (its links lead nowhere in a release). Lessons keep their outputs.
- links to the course's notebooks lead to their places in the release: another chapter is
  ../<assignment>/<notebook>; the glossary is written into each chapter's release folder as
  glossary/glossary.ipynb (a subfolder, so nbgrader never takes it for a notebook to grade).
Then `nbgrader generate_assignment` writes DIR/release/<assignment>/<notebook>: answer cells hold
the hint and `answer = None`, test cells only the `helpers.check` line.
"""
import argparse
import copy
import os
import re
import sys
from pathlib import Path

import nbformat

from helpers.course import CHAPTERS

ROOT = Path(__file__).resolve().parent.parent
BOOKS = ROOT / "notebooks"
COURSE = ROOT / "build" / "nbgrader"
GLOSSARY = "glossary.ipynb"
CHECK_CALL = re.compile(r'^helpers\.check\("(\d\d\.\d+)", answer\)$')
SOLUTION_LINK = re.compile(r"\]\((\.\./)?(notebooks/)?solutions/")  # a Markdown link to them
SOLUTION_SENTENCE = re.compile(  # a sentence that says where the worked solutions are
    r"(?:(?<=[.!?])|^)[^.!?]*(?:\bworked solutions?\b|`solutions`)[^.!?]*[.!?]", re.MULTILINE)
CONFIG = '''"""nbgrader's settings for this course folder (written by tools/student_edition.py)."""
import os

c = get_config()  # noqa: F821 (nbgrader defines get_config when it reads this file)
c.CourseDirectory.course_id = "learning-pytorch"
# A release's answer cell: the hint comment, then what the chapter's learner cell has.
c.ClearSolutions.code_stub = {"python": "answer = None"}
# The lessons keep their stored outputs, so the edition reads like the chapter; the exercise
# cells of the source have none (tools/student_edition.py).
c.ClearOutput.enabled = False
# Every cell of a chapter runs in seconds; a learner's slow loop gets two minutes.
c.Execute.timeout = 120
# Grading runs each submission's helpers.check: none of that is the teacher's own progress.
os.environ["COURSE_PROGRESS"] = "off"
'''


def tags(cell):
    """Return the cell's tags (a list, empty when it has none)."""
    return cell.get("metadata", {}).get("tags", [])


def exercise_id_of(cell):
    """Return the exercise id a check cell checks ("01.1"), or None if `cell` is no check cell."""
    match = CHECK_CALL.match(cell.source.strip()) if cell.cell_type == "code" else None
    return match.group(1) if match and "check" in tags(cell) else None


def worked_solutions(solutions):
    """Return {exercise id: solution code} from a solutions notebook (one solution per exercise)."""
    found, pending = {}, None
    for cell in solutions.cells:
        if "solution" in tags(cell):
            if pending is not None:
                raise ValueError(f"two solution cells before a check: {cell.source[:60]!r}")
            pending = cell.source.strip()
        elif exercise_id_of(cell) and pending is not None:
            found[exercise_id_of(cell)], pending = pending, None
    return found


def nbgrader_metadata(grade_id, **kind):
    """Return the nbgrader cell metadata (schema 3) of a cell `grade_id` of the given kind."""
    return {"grade": False, "grade_id": grade_id, "locked": False, "schema_version": 3,
            "solution": False, "task": False, **kind}


def graded_cell(cell, source, nbgrader):
    """Return a copy of the code cell `cell` with `source`, no outputs and nbgrader's metadata."""
    graded = copy.deepcopy(cell)
    graded.update(source=source, outputs=[], execution_count=None)
    graded.metadata["nbgrader"] = nbgrader
    return graded


def answer_cell(learner, exercise_id, solution):
    """Return the learner cell as an autograded answer cell holding `solution`, hint kept."""
    hint = learner.source.partition("#")[2].strip()
    if not learner.source.startswith("answer = None") or not hint:
        raise ValueError(f"{exercise_id}: the learner cell must be 'answer = None  # <hint>', "
                         f"got {learner.source!r}")
    return graded_cell(learner, f"# {hint}\n### BEGIN SOLUTION\n{solution}\n### END SOLUTION",
                       nbgrader_metadata(f"answer-{exercise_id.replace('.', '-')}", solution=True))


def test_cell(check, exercise_id):
    """Return the check cell as an autograded test cell worth 1 point, with the hidden grade."""
    hidden = f'### BEGIN HIDDEN TESTS\nhelpers.grade("{exercise_id}", answer)\n### END HIDDEN TESTS'
    return graded_cell(check, f"{check.source.strip()}\n{hidden}", nbgrader_metadata(
        f"check-{exercise_id.replace('.', '-')}", grade=True, locked=True, points=1))


def without_solution_promises(cell):
    """Return the Markdown cell without its lines and sentences that point at worked solutions."""
    lines = [line for line in cell.source.splitlines() if not SOLUTION_LINK.search(line)]
    text = SOLUTION_SENTENCE.sub("", "\n".join(lines))
    return nbformat.from_dict({**cell, "source": text.rstrip()})


def release_links(notebook, up):
    """Return `notebook` without its navigation line, its Markdown links to the course's
    notebooks pointed at their places in the release, seen from `up` folders below it."""
    top, files = "../" * up, "|".join(re.escape(chapter.file) for chapter in CHAPTERS)
    chapter_link = re.compile(rf"\]\(({files})(?=[#)])")
    glossary_link = re.compile(rf"\]\({re.escape(GLOSSARY)}(?=[#)])")
    cells = []
    for cell in notebook.cells:
        if "nav" in tags(cell):  # the contents it leads to is not handed out
            continue
        if cell.cell_type == "markdown":
            text = chapter_link.sub(lambda m: f"]({top}{Path(m[1]).stem}/{m[1]}", cell.source)
            text = glossary_link.sub(f"]({'../' * (up - 1)}glossary/{GLOSSARY}", text)
            cell = nbformat.from_dict({**cell, "source": text})
        cells.append(cell)
    return nbformat.from_dict({**notebook, "cells": cells})


def source_notebook(chapter, solutions):
    """Return the nbgrader source of the chapter notebook, solutions from `solutions` inserted,
    without its navigation line and with its links pointed into the release (release_links)."""
    answers, cells = worked_solutions(solutions), []
    for cell in chapter.cells:
        exercise_id = exercise_id_of(cell)
        if exercise_id:
            learner = cells.pop() if cells and "exercise" in tags(cells[-1]) else None
            if learner is None or exercise_id not in answers:
                missing = ("no learner cell (tagged exercise) before its check cell"
                           if learner is None else "no worked solution in the solutions notebook")
                raise ValueError(f"exercise {exercise_id}: {missing}")
            cells += [answer_cell(learner, exercise_id, answers.pop(exercise_id)),
                      test_cell(cell, exercise_id)]
        else:
            cells.append(without_solution_promises(cell) if cell.cell_type == "markdown" else cell)
    if answers or not any("nbgrader" in cell.metadata for cell in cells):
        raise ValueError(f"solutions without an exercise in the chapter: {sorted(answers)}"
                         if answers else "the chapter has no exercise in the course's format")
    return release_links(nbformat.from_dict({**chapter, "cells": cells}), up=1)


def write_source(course, chapter):
    """Write the nbgrader source of `chapter` (a helpers.course.Chapter) under `course`; return
    its assignment name."""
    assignment = Path(chapter.file).stem
    paths = BOOKS / chapter.file, BOOKS / "solutions" / chapter.file
    for path in paths:
        if not path.exists():
            raise SystemExit(f"{chapter.file}: {path.relative_to(ROOT)} is missing")
    try:
        source = source_notebook(*(nbformat.read(path, as_version=4) for path in paths))
    except ValueError as error:
        raise SystemExit(f"{chapter.file}: {error}") from None
    folder = course / "source" / assignment
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(source, folder / chapter.file)
    return assignment


def write_glossary(release, chapters):
    """Write the glossary into each chapter's release folder (nbgrader copies no notebook that is
    not an assignment's); return the paths written."""
    glossary = release_links(nbformat.read(BOOKS / GLOSSARY, as_version=4), up=2)
    paths = [release / Path(chapter.file).stem / "glossary" / GLOSSARY for chapter in chapters]
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(glossary, path)
    return paths


def build(course, chapters):
    """Write the course folder's config and sources, run nbgrader generate_assignment on each
    chapter; return the release folder."""
    course.mkdir(parents=True, exist_ok=True)
    (course / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
    problems = []
    for chapter in chapters:
        try:
            write_source(course, chapter)
        except SystemExit as problem:  # say what every chapter lacks, not only the first
            problems.append(str(problem))
    if problems:
        raise SystemExit("no student edition: the exercises must follow the course's format "
                         "(CONTRIBUTING.md)\n" + "\n".join(problems))
    succeeded(nbgrader_api(course).generate_assignment("*"))  # every assignment in source/
    write_glossary(course / "release", chapters)
    return course / "release"


def nbgrader_api(course):
    """Return nbgrader's Python API on the course folder `course`, set by its nbgrader_config.py."""
    from nbgrader.apps import NbGraderAPI  # imported here: it takes seconds, only teachers need it
    from traitlets.config.loader import PyFileConfigLoader

    bin_folder = str(Path(sys.executable).parent)  # nbgrader runs its `alembic` for a new gradebook
    if bin_folder not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join([bin_folder, os.environ.get("PATH", "")])
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    config.CourseDirectory.root = str(course)
    return NbGraderAPI(config=config)


def succeeded(result):
    """Return the log of an nbgrader API call's `result`; fail with its log if it failed."""
    if not result["success"]:
        raise SystemExit(f"nbgrader failed:\n{result.get('log', '')}\n{result.get('error', '')}")
    return result.get("log", "")


def chosen_chapters(names):
    """Return the chapters `names` picks (numbers "01" or notebook names), all if none."""
    known = {key: chapter for chapter in CHAPTERS
             for key in (chapter.number, chapter.file, Path(chapter.file).stem)}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise SystemExit(f"unknown chapters {unknown}; known: {', '.join(sorted(known))}")
    return [known[name] for name in names] if names else list(CHAPTERS)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--course", type=Path, default=COURSE, help="the nbgrader course folder")
    parser.add_argument("chapters", nargs="*", help="chapter numbers (01) or notebook names")
    args = parser.parse_args(argv)
    chapters = chosen_chapters(args.chapters)
    release = build(args.course.resolve(), chapters)
    first = Path(chapters[0].file)
    print(f"The student edition is in {release}: hand out each chapter's folder "
          f"({first.stem}/{first.name}{', ...' * (len(chapters) > 1)}); grade in "
          f"{release.parent} (README: For teachers).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
