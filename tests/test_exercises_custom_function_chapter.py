"""Chapter 05's exercise checks: a right Function passes; a wrong forward or backward fails."""
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


class CubeWrongBackward(Cube):
    @staticmethod
    def backward(ctx, grad_output):
        (u,) = ctx.saved_tensors
        return grad_output * u**2  # forgot the 3


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


class ExpWrongBackward(Exp):
    @staticmethod
    def backward(ctx, grad_output):
        return grad_output  # the derivative of u, not of exp(u)


class Broken(Exp):
    @staticmethod
    def forward(ctx, u):
        raise RuntimeError("not written yet")


def test_05_1_cube_function():
    assert verdict("05.1", Cube) == (True, "Cube computes u**3 and passes gradcheck")
    ok, message = verdict("05.1", CubeWrongBackward)
    assert not ok and "gradcheck" in message
    assert not verdict("05.1", Exp)[0]  # right Function, wrong operation


def test_05_2_exp_function():
    assert verdict("05.2", Exp)[0]
    ok, message = verdict("05.2", ExpWrongBackward)
    assert not ok and "disagrees with finite differences" in message


def test_non_functions_and_failing_code_are_explained():
    ok, message = verdict("05.2", Exp.apply)
    assert not ok and "the class, not an instance or .apply" in message
    ok, message = verdict("05.2", Broken)
    assert not ok and "raised RuntimeError: not written yet" in message
