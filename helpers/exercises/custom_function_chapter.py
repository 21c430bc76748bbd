"""Checks for chapter 05's exercises: a learner's torch.autograd.Function must compute the right
values (against torch's own operation) and pass torch.autograd.gradcheck in float64."""
import torch

from helpers.exercises import exercise


def function_check(answer, reference, what):
    """Return (ok, message): whether Function `answer` computes `reference`, backward included."""
    if not (isinstance(answer, type) and issubclass(answer, torch.autograd.Function)):
        return False, ("answer should be your torch.autograd.Function subclass itself "
                       f"(the class, not an instance or .apply), got {type(answer).__name__}")
    u = torch.linspace(-1.7, 1.9, 9, dtype=torch.float64, requires_grad=True)
    try:
        forward_ok = torch.allclose(answer.apply(u), reference(u.detach()), rtol=1e-10, atol=0)
        backward_ok = torch.autograd.gradcheck(answer.apply, (u,), raise_exception=False)
    except Exception as error:  # the learner's code failed: report it instead of crashing
        return False, f"{answer.__name__}.apply raised {type(error).__name__}: {error}"
    if not forward_ok:
        return False, f"{answer.__name__}.forward does not compute {what}"
    if not backward_ok:
        return False, f"{answer.__name__}.backward disagrees with finite differences (gradcheck)"
    return True, f"{answer.__name__} computes {what} and passes gradcheck"


@exercise("05.1")
def cube_function(answer):
    """Check a Function computing u**3 (derivative 3 u^2)."""
    return function_check(answer, lambda u: u**3, "u**3")


@exercise("05.2")
def exp_function(answer):
    """Check a Function computing exp(u) (derivative exp(u): save the output)."""
    return function_check(answer, torch.exp, "exp(u)")
