"""Exercise checks: each accepts a worked solution and rejects a wrong answer."""
import numpy as np
import pytest

from helpers import check, least_squares_fit
from helpers.exercises import CHECK_MODULES, load_checks, verdict


def sine():
    x = np.linspace(-np.pi, np.pi, 2000)
    return x, np.sin(x)


def test_unknown_exercise_lists_the_known_ones():
    with pytest.raises(ValueError, match="unknown exercise '99.9'; known: 01.1"):
        check("99.9", 1.0)


def test_no_answer_yet_is_not_correct(capsys):
    check("01.1", None)
    assert capsys.readouterr().out == (
        "Not yet (01.1): no answer yet: replace None with your answer\n")


def test_a_non_number_is_rejected_with_a_reason():
    ok, message = verdict("01.1", "lots")
    assert not ok and "should be a number" in message


def test_01_1_loss_of_predicting_zero():
    _, y = sine()
    assert verdict("01.1", float(y @ y))[0]
    assert not verdict("01.1", float(np.abs(y).sum()))[0]


def test_01_2_loss_of_best_line():
    x, y = sine()
    assert verdict("01.2", least_squares_fit(x, y, 1).loss)[0]
    assert not verdict("01.2", least_squares_fit(x, y, 3).loss)[0]


def test_every_exercise_has_a_test_here_or_in_a_chapter_test():
    from pathlib import Path
    texts = "".join(p.read_text() for p in Path(__file__).parent.glob("test_*.py"))
    untested = [eid for eid in load_checks() if f'"{eid}"' not in texts]
    assert not untested, f"exercise checks without a test: {untested}"


def test_each_chapter_module_holds_exactly_that_chapters_checks():
    import pkgutil

    import helpers.exercises

    modules = {m.name for m in pkgutil.iter_modules(helpers.exercises.__path__)}
    assert modules == set(CHECK_MODULES.values()), "CHECK_MODULES must name every check module"
    checks = load_checks()
    for chapter, module in CHECK_MODULES.items():
        registered = {eid for eid, check in checks.items() if check.__module__.endswith(module)}
        assert registered and all(eid.startswith(f"{chapter}.") for eid in registered), module


def test_a_chapters_checks_load_at_its_first_check_without_torch():
    import subprocess
    import sys

    code = ("import sys; from helpers.exercises import verdict, CHECKS; verdict('02.1', None); "
            "print(sorted(CHECKS), 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "['02.1', '02.2', '02.3'] False\n"
