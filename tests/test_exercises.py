"""Exercise checks, all chapters: one line for any answer, never an exception; shared helpers;
each numeric check's tolerance pinned from both sides by an answer just inside and just outside."""
import math

import numpy as np
import pytest
import torch

from helpers import check, least_squares_fit, noisy_line
from helpers.exercises import CHECK_MODULES, as_number, describe, load_checks, verdict


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


class Hostile:
    """An answer whose every method raises, as a half-written class of a learner's might."""

    def __getattr__(self, name):
        raise RuntimeError("half written")

    def __float__(self):
        raise RuntimeError("half written")

    def __len__(self):
        raise RuntimeError("half written")

    def __iter__(self):
        raise RuntimeError("half written")

    def __eq__(self, other):
        raise RuntimeError("half written")

    __hash__ = object.__hash__


class BrokenInit(torch.nn.Module):
    def __init__(self):
        raise RuntimeError("not written yet")


STRANGE_ANSWERS = [
    "999.5", "", [], [1.0, 2.0], (1.0,), {"a": 1}, True, np.True_, np.float32("nan"),
    float("inf"), complex(1, 2), np.array([16000, 1]), np.zeros((2, 3)), np.array(["a", "b"]),
    torch.tensor(float("nan")), torch.ones(3, requires_grad=True), torch.zeros(2, 2),
    torch.tensor([1 + 2j]), torch.tensor(True), lambda u: u, BrokenInit, Hostile(), Hostile,
    object(), [[1.0], [2.0, 3.0]], [(1.0, float("nan"))], np.array(5), int,
]
TRUTHS = [STRANGE_ANSWERS[6], STRANGE_ANSWERS[7], STRANGE_ANSWERS[18]]  # True, np.True_, tensor


@pytest.mark.parametrize("exercise_id", sorted(load_checks()))
def test_any_answer_gets_one_line_in_words_and_no_exception(exercise_id, capsys):
    for answer in STRANGE_ANSWERS:
        if exercise_id == "03.3" and any(answer is truth for truth in TRUTHS):
            continue  # True, in any form, is 03.3's right answer
        check(exercise_id, answer)
        lines = capsys.readouterr().out.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Not yet ({exercise_id}): "), answer
        assert "could not use" not in lines[0], (answer, lines[0])  # each check handles it


def test_the_last_resort_turns_an_unforeseen_error_into_words(monkeypatch, capsys):
    from helpers import exercises

    def crashes(answer):
        raise RuntimeError("surprise\nsecond line")
    monkeypatch.setitem(exercises.CHECKS, "01.1", crashes)
    check("01.1", 1.0)
    assert capsys.readouterr().out == (
        "Not yet (01.1): the check could not use this answer (a float): RuntimeError: "
        "surprise second line\n")


def test_as_number_accepts_numbers_in_every_form_and_names_what_else_it_got():
    for number in (999.5, np.float32(999.5), np.int64(1), torch.tensor(999.5),
                   torch.tensor([999.5], requires_grad=True), np.array([[999.5]])):
        assert as_number(number, "x")[1] is None, number
    assert as_number(torch.tensor(2.5, requires_grad=True) * 2, "x") == (5.0, None)
    assert "not text" in as_number("999.5", "the loss")[1]
    assert "one number, got the truth value True" in as_number(True, "the loss")[1]
    assert "one number, got a tensor of shape (4,)" in as_number(torch.zeros(4), "the loss")[1]
    assert "NaN" in as_number(float("nan"), "the loss")[1]
    assert "infinity" in as_number(-np.inf, "the loss")[1]
    assert "a number, got a complex" in as_number(1j, "the loss")[1]


def test_describe_names_type_and_shape():
    assert describe(np.zeros((2, 3))) == "a NumPy array of shape (2, 3)"
    assert describe([1, 2]) == "a list of 2 items" and describe((1,)) == "a tuple of 1 item"
    assert describe("abc") == "the text 'abc'" and describe(np.False_) == "the truth value False"
    assert describe(Hostile()) == "a Hostile"


def test_a_wrong_number_is_never_echoed():
    for exercise_id in ("01.1", "01.2", "02.1", "02.3", "04.3", "06.2", "07.2", "09.1", "10.2"):
        ok, message = verdict(exercise_id, 12345.678)
        assert not ok and "12345" not in message, (exercise_id, message)


def test_close_but_not_right_is_said_within_one_percent_only():
    ok, message = verdict("01.1", 999.5 * 1.005)  # 0.5% off: a rounded or typed answer
    assert not ok and "close, but not" in message
    ok, message = verdict("01.1", 999.5 * 1.03)  # 3% off: just wrong
    assert not ok and "close" not in message and "not the loss of predicting 0 yet" in message


def independent_values():
    """Each numeric exercise's answer, computed here in float64 with torch, independently."""
    x, y = (torch.from_numpy(v) for v in sine())
    features = torch.stack([x**k for k in range(4)], dim=1)
    hessian = 2 * features.T @ features
    coefficients = -1e-6 * 2 * features.T @ (-y)  # one step from zero
    w = torch.zeros(4, dtype=torch.float64)
    for _ in range(500):
        w = w - 2e-6 * 2 * features.T @ (features @ w - y)
    t = torch.stack([(x / math.pi) ** k for k in range(4)], dim=1)
    e = 0.001
    residual = 0.1 + x - x**3 / 6 + e * (x**4 + x**5) - y
    xl, yl = (torch.from_numpy(v) for v in noisy_line())
    line = torch.stack([xl, torch.ones_like(xl)], dim=1)
    line_fit = torch.linalg.lstsq(line, yl.unsqueeze(1)).solution.squeeze(1)
    line_residual = yl - line @ line_fit
    return {
        "01.1": (y @ y).item(),
        "01.2": least_squares_fit(x, y, 1).loss,
        "02.1": (2 * (x - y) * x**3).sum().item(),
        "02.2": 2 / torch.linalg.eigvalsh(hessian)[-1].item(),
        "02.3": ((features @ w - y) ** 2).sum().item(),
        "04.3": ((features @ coefficients - y) ** 2).sum().item(),
        "06.2": least_squares_fit(x, y).loss / len(x),
        "07.1": 1.9 / torch.linalg.eigvalsh(features.T @ features)[-1].item(),
        "07.2": torch.linalg.cond(t.T @ t).item(),
        "09.1": (2 * residual * (x**4 + x**5)).sum().item(),
        "10.1": 2 / torch.linalg.eigvalsh(2 * line.T @ line / len(xl))[-1].item(),
        "10.2": (line_residual @ line_residual / (len(xl) - 2)).sqrt().item(),
    }


TOLERANCES = {  # relative: what each exercise promises (the tests pin them; the checks name them)
    "01.1": 1e-5, "01.2": 1e-5, "02.1": 1e-5, "02.2": 0.02, "02.3": 1e-5, "04.3": 1e-5,
    "06.2": 1e-5, "07.1": 0.02, "07.2": 1e-4, "09.1": 1e-5, "10.1": 1e-5, "10.2": 1e-5,
}


@pytest.mark.parametrize("exercise_id", sorted(TOLERANCES))
def test_each_tolerance_accepts_just_inside_and_refuses_just_outside(exercise_id):
    value, tol = independent_values()[exercise_id], TOLERANCES[exercise_id]
    for factor in (1 - tol / 2, 1 + tol / 2):
        ok, message = verdict(exercise_id, value * factor)
        assert ok, (factor, message)
    for factor in (1 - 3 * tol, 1 + 3 * tol):
        assert not verdict(exercise_id, value * factor)[0], factor


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
    assert all(name.endswith("_chapter") for name in modules), modules
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
