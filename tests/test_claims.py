"""helpers.claim: a verdict line for learners, a failure under the tests."""
import numpy as np
import pytest
import torch

from helpers.claims import STRICT_ENV, ClaimFailed, claim


@pytest.mark.parametrize("holds", [True, np.bool_(True), torch.tensor(True), np.array([True]),
                                   torch.tensor([1.0]) > 0])
def test_a_claim_that_holds_prints_a_tick_in_either_mode(holds, capsys, monkeypatch):
    for mode in ("strict", ""):
        monkeypatch.setenv(STRICT_ENV, mode)
        claim("the loss falls", holds)
    assert capsys.readouterr().out == "✓ the loss falls\n" * 2


def test_a_false_claim_tells_a_learner_and_goes_on(capsys, monkeypatch):
    monkeypatch.delenv(STRICT_ENV, raising=False)
    claim("loss within 2% of the optimum", np.float64(9.5) < 1.02 * 8.8172)
    out = capsys.readouterr().out
    assert out.startswith("✗ loss within 2% of the optimum: does not hold in this run")


def test_a_false_claim_fails_under_the_tests(monkeypatch):
    monkeypatch.setenv(STRICT_ENV, "strict")
    with pytest.raises(ClaimFailed, match="does not hold: loss within 2%"):
        claim("loss within 2%", torch.tensor(False))


@pytest.mark.parametrize("holds", [1, 0.0, "yes", None, torch.tensor([True, False]),
                                   np.array([True, True]), [True]])
def test_holds_must_be_one_truth_value(holds):
    with pytest.raises(TypeError, match="holds must be True or False"):
        claim("a statement", holds)


@pytest.mark.parametrize("statement", ["", "  ", None, 3])
def test_the_statement_must_be_a_sentence(statement):
    with pytest.raises(TypeError, match="statement must be a sentence"):
        claim(statement, True)
