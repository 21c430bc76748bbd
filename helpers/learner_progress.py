"""A learner's progress: the exercises they have solved, kept in a JSON file on their own machine.

`helpers.check` adds each exercise it finds solved to the file; `helpers.progress()` prints, per
chapter, the exercises solved and those not yet. The file is progress.json in the user's data
folder (Linux: ~/.local/share/learning-pytorch/), or the path COURSE_PROGRESS names;
COURSE_PROGRESS=off keeps nothing (the test suite and nbgrader's grading set it). Nothing is sent
anywhere. (The module is not called `progress`: that name is the function's, `helpers.progress`.)
"""
import datetime
import json
import os
import tempfile
import warnings
from pathlib import Path

from helpers.course import CHAPTERS

PROGRESS_ENV = "COURSE_PROGRESS"  # a file's path, or "off"; unset: progress.json, user data folder


def progress_path():
    """Return the path of the progress file, or None when COURSE_PROGRESS=off."""
    setting = os.environ.get(PROGRESS_ENV, "").strip()
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting).expanduser()
    import platformdirs  # Jupyter's own choice of folders (jupyter_core depends on it)

    return Path(platformdirs.user_data_dir("learning-pytorch", appauthor=False)) / "progress.json"


def home_relative(path):
    """Return `path` as text, with the home folder written `~` when the path lies inside it."""
    try:
        return str(Path("~") / path.resolve().relative_to(Path.home().resolve()))
    except ValueError:  # not inside the home folder
        return str(path)


def solved_exercises(path):
    """Return {exercise id: when first solved} from the progress file `path` ({} if none yet)."""
    if path is None or not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    solved = data.get("solved") if isinstance(data, dict) else None
    if not isinstance(solved, dict):
        raise ValueError(f'{path} is not a progress file (no "solved" table of exercise ids)')
    return solved


def record_verdict(exercise_id, ok):
    """Add `exercise_id` to the progress file if `ok`; return the file's path (None: not kept)."""
    path = progress_path()
    if not ok or path is None:
        return None
    try:
        solved = solved_exercises(path)
        if exercise_id not in solved:
            solved[exercise_id] = datetime.datetime.now().isoformat(timespec="seconds")
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False) as file:
                json.dump({"solved": solved}, file, indent=1, sort_keys=True)
            os.replace(file.name, path)  # whole or not at all, even with two kernels at once
    except (OSError, ValueError) as error:  # a check answers, whatever the file's state
        warnings.warn(f"progress not recorded in {path}: {error}", stacklevel=2)
        return None
    return path


def exercise_order(exercise_id):
    """Return the sort key of an exercise id: ("01", 10) after ("01", 2)."""
    chapter, _, number = exercise_id.partition(".")
    return chapter, int(number)


def progress_rows(solved, exercise_ids):
    """Return one (chapter title, solved ids, ids not yet solved) per chapter of the manifest."""
    rows = []
    for chapter in CHAPTERS:
        ids = sorted((e for e in exercise_ids if e.startswith(f"{chapter.number}.")),
                     key=exercise_order)
        rows.append((chapter.title, [e for e in ids if e in solved],
                     [e for e in ids if e not in solved]))
    return rows


def progress():
    """Print which exercises of each chapter you have solved and which not yet; return None."""
    from helpers.exercises import load_checks  # every chapter's checks: the course's exercises

    path = progress_path()
    if path is None:
        print(f"Progress is not kept here ({PROGRESS_ENV}=off).")
        return
    try:
        solved = solved_exercises(path)
    except (OSError, ValueError) as error:
        print(f"Cannot read your progress: {error}")
        return
    rows = progress_rows(solved, load_checks())
    done, total = sum(len(row[1]) for row in rows), sum(len(row[1] + row[2]) for row in rows)
    print(f"Solved {done} of {total} exercises (kept on this machine in {home_relative(path)}).")
    table = [("chapter", "solved", "not yet")] + [
        (title, " ".join(yes) or "-", " ".join(no) or "-") for title, yes, no in rows]
    widths = [max(len(row[i]) for row in table) for i in range(2)]
    for title, yes, no in table:
        print(f"{title:<{widths[0]}}  {yes:<{widths[1]}}  {no}")
