"""helpers.check keeps each exercise a learner solves in a local JSON file; helpers.progress()
prints them per chapter. Every test here uses a file under tmp_path: the suite sets
COURSE_PROGRESS=off (conftest.py) and never touches the learner's own file."""
import json
import os
import sys
from pathlib import Path

import numpy as np
import pytest

import helpers
from helpers import learner_progress
from helpers.course import CHAPTERS
from helpers.exercises import load_checks, sine_points


@pytest.fixture
def progress_file(tmp_path, monkeypatch):
    """Point COURSE_PROGRESS at a file under tmp_path (not there yet); return its path."""
    path = tmp_path / "kept" / "progress.json"
    monkeypatch.setenv("COURSE_PROGRESS", str(path))
    return path


def right_answer_02_1():
    """Return dL/dd at a = 0, b = 1, c = 0, d = 0, in float64: sum of 2 (x - y) x^3."""
    x, y = (np.asarray(v, dtype=np.float64) for v in sine_points())
    return float(np.sum(2 * (x - y) * x**3))


def test_the_test_suite_keeps_no_progress():
    assert os.environ["COURSE_PROGRESS"] == "off"
    assert learner_progress.progress_path() is None


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG data folder is Linux's")
def test_the_default_file_is_in_the_users_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_PROGRESS")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert learner_progress.progress_path() == tmp_path / "learning-pytorch" / "progress.json"


def test_off_in_any_case_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    for setting in ("off", "OFF", " Off "):
        monkeypatch.setenv("COURSE_PROGRESS", setting)
        assert learner_progress.record_verdict("01.1", True) is None
    assert list(tmp_path.iterdir()) == []


def test_a_correct_check_is_kept_and_a_wrong_one_is_not(progress_file, capsys):
    helpers.check("02.1", right_answer_02_1() * 1.5)
    assert not progress_file.exists()
    helpers.check("02.1", right_answer_02_1())
    assert capsys.readouterr().out.splitlines()[-1].startswith("Correct (02.1)")
    solved = json.loads(progress_file.read_text(encoding="utf-8"))["solved"]
    assert list(solved) == ["02.1"]


def test_solving_again_keeps_the_first_date_and_adds_the_others(progress_file):
    progress_file.parent.mkdir()
    progress_file.write_text('{"solved": {"01.1": "2020-01-01T00:00:00"}}', encoding="utf-8")
    assert learner_progress.record_verdict("01.1", True) == progress_file
    assert learner_progress.record_verdict("02.3", True) == progress_file
    solved = json.loads(progress_file.read_text(encoding="utf-8"))["solved"]
    assert solved["01.1"] == "2020-01-01T00:00:00" and sorted(solved) == ["01.1", "02.3"]
    assert [p.name for p in progress_file.parent.iterdir()] == ["progress.json"]  # no temp left


@pytest.mark.parametrize("text", ["not json", "[1, 2]", '{"solved": 3}'])
def test_an_unreadable_file_warns_and_the_check_still_answers(progress_file, capsys, text):
    progress_file.parent.mkdir()
    progress_file.write_text(text, encoding="utf-8")
    with pytest.warns(UserWarning, match="progress not recorded in .*progress.json"):
        helpers.check("02.1", right_answer_02_1())
    assert capsys.readouterr().out.startswith("Correct (02.1)")
    assert progress_file.read_text(encoding="utf-8") == text  # left as it was


def test_rows_list_every_registered_exercise_once_in_its_chapter():
    ids = sorted(load_checks())
    rows = learner_progress.progress_rows({"01.2": "date", "02.3": "date"}, ids)
    assert [title for title, *_ in rows] == [chapter.title for chapter in CHAPTERS]
    assert sorted(e for _, yes, no in rows for e in yes + no) == ids
    for chapter, (_, yes, no) in zip(CHAPTERS, rows, strict=True):
        assert all(e.split(".")[0] == chapter.number for e in yes + no)
        assert yes == [e for e in ("01.2", "02.3") if e.startswith(chapter.number)]


def test_exercises_are_ordered_by_number_not_as_text():
    rows = learner_progress.progress_rows({}, ["01.10", "01.2", "01.1"])
    assert rows[0][2] == ["01.1", "01.2", "01.10"]


def test_progress_prints_solved_and_not_yet_per_chapter(progress_file, capsys):
    for exercise_id in ("01.1", "02.1", "02.3"):
        learner_progress.record_verdict(exercise_id, True)
    helpers.progress()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Solved 3 of {len(load_checks())} exercises (kept on this machine in " \
                       f"{learner_progress.home_relative(progress_file)})."
    assert lines[1].split() == ["chapter", "solved", "not", "yet"]
    by_chapter = dict(zip((c.title for c in CHAPTERS), lines[2:], strict=True))
    numpy_row = by_chapter["02 · NumPy"].removeprefix("02 · NumPy").split()
    assert numpy_row[:2] == ["02.1", "02.3"] and "02.2" in numpy_row[2:]
    assert by_chapter["10 · Linear regression"].split()[4] == "-"  # none solved there


def test_a_path_in_the_home_folder_is_shown_from_tilde(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    inside = tmp_path / ".local" / "share" / "learning-pytorch" / "progress.json"
    assert learner_progress.home_relative(inside) == "~/.local/share/learning-pytorch/progress.json"
    assert learner_progress.home_relative(Path("/elsewhere/p.json")) == "/elsewhere/p.json"


def test_progress_says_when_nothing_is_kept(capsys):
    helpers.progress()
    assert capsys.readouterr().out == "Progress is not kept here (COURSE_PROGRESS=off).\n"


def test_progress_says_when_the_file_cannot_be_read(progress_file, capsys):
    progress_file.parent.mkdir()
    progress_file.write_text("not json", encoding="utf-8")
    helpers.progress()
    assert capsys.readouterr().out.startswith("Cannot read your progress: ")
