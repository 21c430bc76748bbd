"""Checks for chapter 05's exercises: a learner's torch.autograd.Function must compute the right
values (against torch's own operation), save what its backward needs with save_for_backward,
use grad_output (the chain rule) and pass torch.autograd.gradcheck in float64."""
import torch

from helpers.exercises import describe, exercise, oneline

FORWARD_TOL = 1e-10  # relative, float64: the forward must compute the operation itself
BACKWARD_TOL = 1e-10  # relative, float64: the backward must compute the exact derivative


def function_class_problem(answer):
    """Return why `answer` is not a torch.autograd.Function subclass, or None if it is one."""
    if isinstance(answer, type) and issubclass(answer, torch.autograd.Function):
        return None
    owner = getattr(answer, "__self__", None) if callable(answer) else None  # a bound .apply
    if isinstance(owner, type) and issubclass(owner, torch.autograd.Function):
        return f"that is {owner.__name__}.apply: answer with the class itself, {owner.__name__}"
    if isinstance(answer, torch.autograd.Function):
        return "that is an instance: answer with the class itself (no parentheses)"
    return ("answer should be your torch.autograd.Function subclass (the class itself), "
            f"got {describe(answer)}")


def forward_record(function, u):
    """Return (output, its ctx's saved tensors, the names of tensors kept as ctx attributes)."""
    output = function.apply(u)
    if not isinstance(output, torch.Tensor) or output.grad_fn is None:
        raise TypeError(f"forward should return a tensor computed from u, got {describe(output)}")
    ctx = output.grad_fn
    kept = [name for name, value in vars(ctx).items() if isinstance(value, torch.Tensor)]
    return output, list(ctx.saved_tensors), kept


def holds(tensors, values):
    """Return whether one of `tensors` equals `values` (same shape, same numbers)."""
    return any(t.shape == values.shape and torch.equal(t.detach(), values) for t in tensors)


def same(a, b, tol):
    """Return whether tensors `a` and `b` agree in shape and within relative `tol`."""
    return a.shape == b.shape and torch.allclose(a.detach(), b, rtol=tol, atol=0)


def function_verdict(answer, operation, derivative, what, needs):
    """Return (ok, message) for a Function computing `operation` whose ctx saves `needs`."""
    problem = function_class_problem(answer)
    if problem:
        return False, problem
    name = answer.__name__
    u = torch.linspace(-1.7, 1.9, 9, dtype=torch.float64, requires_grad=True)
    grad_output = torch.linspace(0.5, 2.5, 9, dtype=torch.float64)  # not all ones: the chain rule
    try:
        output, saved, kept = forward_record(answer, u)
    except Exception as error:  # the learner's code failed: report it instead of crashing
        return False, f"{name}.apply(u) failed in forward with {oneline(error)}"
    exact, target = derivative(u.detach()), operation(u.detach())
    if not same(output, target, FORWARD_TOL):
        return False, f"{name}.forward(u) does not compute {what} (try it on a few numbers)"
    if not saved:
        how = f"you kept ctx.{kept[0]} as an attribute; " if kept else ""
        return False, (f"nothing saved with ctx.save_for_backward: {how}save tensors with it, "
                       "so that autograd checks they were not changed in place and frees them")
    problem = needs(saved, u.detach(), target)
    if problem:
        return False, problem
    try:
        (gradient,) = torch.autograd.grad(output, u, grad_output)
    except Exception as error:
        return False, f"{name}.backward failed with {oneline(error)}"
    if same(gradient, exact * grad_output, BACKWARD_TOL):
        return gradcheck_verdict(answer, u, what)
    if same(gradient, exact, BACKWARD_TOL):
        return False, (f"{name}.backward ignores grad_output: return grad_output times the "
                       "derivative (the chain rule)")
    return False, (f"{name}.backward does not return grad_output times the derivative of {what}: "
                   "work the derivative out on paper and compare")


def gradcheck_verdict(function, u, what):
    """Return (ok, message): whether `function` passes gradcheck at the float64 points `u`."""
    try:
        passed = torch.autograd.gradcheck(function.apply, (u,), raise_exception=False)
    except Exception as error:
        return False, f"gradcheck of {function.__name__} failed with {oneline(error)}"
    if not passed:
        return False, f"{function.__name__}.backward disagrees with finite differences (gradcheck)"
    return True, f"{function.__name__} computes {what}, saves what backward needs, passes gradcheck"


def saves_the_input(saved, u, output):
    """Return why the saved tensors of u**3 miss u (the derivative 3u² needs it), or None."""
    if holds(saved, u):
        return None
    return "the derivative 3u² needs u: save the input, ctx.save_for_backward(u)"


def saves_the_output(saved, u, output):
    """Return why the saved tensors of exp(u) are not just the output exp(u), or None."""
    if holds(saved, u):
        return ("you saved the input u: save the output exp(u) instead, the derivative itself; "
                "then backward needs no second exp")
    if not holds(saved, output):
        return "save the output exp(u) with ctx.save_for_backward: it is the derivative itself"
    return None


@exercise("05.1")
def cube_function(answer):
    """Check a Function computing u**3 (derivative 3 u^2, from the saved input)."""
    return function_verdict(answer, lambda u: u**3, lambda u: 3 * u**2, "u**3", saves_the_input)


@exercise("05.2")
def exp_function(answer):
    """Check a Function computing exp(u) (derivative exp(u): save the output, not the input)."""
    return function_verdict(answer, torch.exp, torch.exp, "exp(u)", saves_the_output)
