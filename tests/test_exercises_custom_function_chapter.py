"""Chapter 05's exercise checks: a right Function passes; each typical mistake in forward,
in what ctx saves, or in backward is named; the float64 tolerances are pinned from both sides."""
import pytest
import torch

from helpers.exercises import verdict


class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, u):
        ctx.save_for_backward(u)
        return u**3

    @staticmethod
    def backward(ctx, grad_output):
        (u,) = ctx.saved_tensors
        return grad_output * 3 * u**2


class CubeKeptAsAttribute(Cube):
    @staticmethod
    def forward(ctx, u):
        ctx.u = u  # not save_for_backward
        return u**3

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * 3 * ctx.u**2


class CubeWithoutChainRule(Cube):
    @staticmethod
    def backward(ctx, grad_output):
        (u,) = ctx.saved_tensors
        return 3 * u**2  # forgot grad_output


class CubeWrongBackward(Cube):
    @staticmethod
    def backward(ctx, grad_output):
        (u,) = ctx.saved_tensors
        return grad_output * u**2  # forgot the 3


class CubeSavesTheOutput(Cube):
    @staticmethod
    def forward(ctx, u):
        result = u**3
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        (result,) = ctx.saved_tensors
        return grad_output * 3 * result.sign() * result.abs() ** (2 / 3)


class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, u):
        result = u.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        (result,) = ctx.saved_tensors
        return grad_output * result


class ExpSavesTheInput(Exp):
    @staticmethod
    def forward(ctx, u):
        ctx.save_for_backward(u)
        return u.exp()

    @staticmethod
    def backward(ctx, grad_output):
        (u,) = ctx.saved_tensors
        return grad_output * u.exp()  # right, but computes exp twice


class ExpWrongBackward(Exp):
    @staticmethod
    def backward(ctx, grad_output):
        return grad_output  # the derivative of u, not of exp(u)


class Broken(Exp):
    @staticmethod
    def forward(ctx, u):
        raise RuntimeError("not written yet")


class BrokenBackward(Exp):
    @staticmethod
    def backward(ctx, grad_output):
        raise NotImplementedError("later")


class ReturnsANumber(Exp):
    @staticmethod
    def forward(ctx, u):
        return 1.0


def test_05_1_cube_function():
    assert verdict("05.1", Cube) == (
        True, "Cube computes u**3, saves what backward needs, passes gradcheck")
    for wrong, fix in [(CubeKeptAsAttribute, "you kept ctx.u as an attribute"),
                       (CubeWithoutChainRule, "ignores grad_output"),
                       (CubeWrongBackward, "does not return grad_output times the derivative"),
                       (CubeSavesTheOutput, "save the input"),
                       (Exp, "does not compute u**3")]:
        ok, message = verdict("05.1", wrong)
        assert not ok and fix in message, (wrong, message)


def test_05_2_exp_function():
    assert verdict("05.2", Exp)[0]
    for wrong, fix in [(ExpSavesTheInput, "you saved the input u"),
                       (ExpWrongBackward, "does not return grad_output times the derivative"),
                       (Cube, "does not compute exp(u)")]:
        ok, message = verdict("05.2", wrong)
        assert not ok and fix in message, (wrong, message)


def test_non_functions_and_failing_code_are_explained():
    for wrong, fix in [(Exp.apply, "that is Exp.apply: answer with the class itself"),
                       (lambda u: u.exp(), "got a function"), ("Exp", "got the text"),
                       (Broken, "failed in forward with RuntimeError: not written yet"),
                       (BrokenBackward, "backward failed with NotImplementedError: later"),
                       (ReturnsANumber, "should return a tensor computed from u, got a float")]:
        ok, message = verdict("05.2", wrong)
        assert not ok and fix in message, (wrong, message)


def scaled(factor, where):
    """An Exp whose forward or backward is off by the relative `factor`."""
    class Off(Exp):
        @staticmethod
        def forward(ctx, u):
            result = u.exp()
            ctx.save_for_backward(result)
            return result * (factor if where == "forward" else 1.0)

        @staticmethod
        def backward(ctx, grad_output):
            (result,) = ctx.saved_tensors
            scale = factor if where == "backward" else 1.0
            return grad_output * result / (factor if where == "forward" else 1.0) * scale
    return Off


@pytest.mark.parametrize("where", ["forward", "backward"])
def test_05_float64_tolerances_of_forward_and_backward(where):
    assert verdict("05.2", scaled(1 + 5e-11, where))[0]
    ok, message = verdict("05.2", scaled(1 + 3e-10, where))
    assert not ok and where in message
