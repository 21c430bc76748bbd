"""Checks for chapter 08's exercises: each builds the learner's Module, tests its Parameters and
forward against a formula and that gradients reach every Parameter, then trains it (Newton's
method with autograd's Hessian, float64: exact for these models) to the least-squares optimum."""
import torch

from helpers.data import sine_data
from helpers.exercises import describe, exercise, oneline
from helpers.reference import least_squares_fit

FORMULA_TOL = 1e-10  # relative, float64: forward must compute the formula itself
OPTIMUM_LOSS_TOL = 1e-4  # relative; Newton's method in float64 reaches it to about 1e-12


def built_module(answer):
    """Return (module in float64, None) built from the class `answer`, or (None, why not)."""
    if isinstance(answer, torch.nn.Module):
        return None, f"that is an instance ({type(answer).__name__}()): answer with the class"
    if not (isinstance(answer, type) and issubclass(answer, torch.nn.Module)):
        return None, f"answer should be a class that subclasses nn.Module, got {describe(answer)}"
    try:
        module = answer()
    except TypeError as error:
        return None, f"{answer.__name__}() should build with no arguments ({oneline(error)})"
    except Exception as error:  # the learner's __init__ failed
        return None, f"{answer.__name__}() failed in __init__ with {oneline(error)}"
    return module.double(), None


def parameter_problem(module, want, hint):
    """Return what is wrong with the module's Parameters (want: {name: shape}), or None."""
    found = {name: tuple(p.shape) for name, p in module.named_parameters()}
    if not found:
        return f"no Parameters registered: {hint}"
    if set(found) != set(want):
        return f"want the Parameters {sorted(want)}, got {sorted(found)}: {hint}"
    if found != want:
        return f"want the shapes {want}, got {found}"
    frozen = [name for name, p in module.named_parameters() if not p.requires_grad]
    return f"{frozen} do not require grad: training cannot change them" if frozen else None


def forward_problem(module, x, want, formula):
    """Return what is wrong with module(x) against `want` (the formula's values), or None."""
    try:
        with torch.no_grad():
            output = module(x)
    except Exception as error:
        return f"forward(x) failed with {oneline(error)} (the check runs it in float64)"
    if not isinstance(output, torch.Tensor):
        return f"forward(x) should return a tensor, got {describe(output)}"
    if output.shape != x.shape:
        return (f"forward(x) returns shape {tuple(output.shape)} for x of shape {tuple(x.shape)}: "
                "want one prediction per x, shape (n,) (squeeze(-1) the last dimension)")
    if torch.allclose(output, want, rtol=FORMULA_TOL, atol=0):
        return None
    return (f"forward(x) does not compute {formula}: at x = {x[-1].item():g} it returns "
            f"{output[-1].item():.4g}, want {want[-1].item():.4g}")


def gradient_problem(module, x):
    """Return the name of a Parameter that no gradient reaches through forward, or None."""
    module.zero_grad()
    module(x).pow(2).sum().backward()
    missing = [name for name, p in module.named_parameters()
               if p.grad is None or not torch.any(p.grad != 0)]
    if missing:
        return (f"no gradient reaches {missing[0]}: use the Parameter itself in forward, with no "
                ".item(), .detach() or torch.tensor(...) copy")
    return None


def newton_step(loss, parameters):
    """Move `parameters` by one Newton step on `loss` (exact for a loss quadratic in them)."""
    grads = torch.autograd.grad(loss, parameters, create_graph=True)
    flat = torch.cat([g.reshape(-1) for g in grads])
    rows = []
    for entry in flat:  # one row of the Hessian per parameter entry (2 or 4 here)
        row = torch.autograd.grad(entry, parameters, retain_graph=True, allow_unused=True)
        rows.append(torch.cat([(torch.zeros_like(p) if r is None else r).reshape(-1)
                               for r, p in zip(row, parameters, strict=True)]))
    step = torch.linalg.lstsq(torch.stack(rows), -flat.detach().unsqueeze(1)).solution
    with torch.no_grad():
        for p, change in zip(parameters, step.split([p.numel() for p in parameters]), strict=True):
            p += change.reshape(p.shape)


def trained_loss(module):
    """Return the summed squared error on the sine data after training `module` (Newton)."""
    x, y = sine_data(2000, device="cpu", dtype=torch.float64)
    parameters = list(module.parameters())
    for _ in range(2):  # the second step only polishes rounding
        newton_step(((module(x) - y) ** 2).sum(), parameters)
    with torch.no_grad():
        return ((module(x) - y) ** 2).sum().item()


def module_verdict(answer, want, hint, set_values, formula, what):
    """Return (ok, message) for a Module class: Parameters, forward, gradients, training."""
    module, why_not = built_module(answer)
    if module is None:
        return False, why_not
    problem = parameter_problem(module, want, hint)
    x = torch.linspace(-2.0, 2.0, 9, dtype=torch.float64)
    if problem is None:
        with torch.no_grad():
            set_values(module)
        problem = forward_problem(module, x, formula(x), what) or gradient_problem(module, x)
    if problem:
        return False, problem
    loss, best = trained_loss(module), least_squares_fit(*sine_data(2000, device="cpu")).loss
    if not abs(loss - best) <= OPTIMUM_LOSS_TOL * best:
        return False, (f"trained, it ends at loss {loss:.5g}, not at the optimum: does "
                       "forward add anything that is not a Parameter times a feature?")
    return True, f"Parameters, forward and gradients are right; trained, it reaches {loss:.5g}"


@exercise("08.1")
def odd_cubic_module(answer):
    """Check a Module with two scalar Parameters b, d whose forward is b x + d x³."""
    def set_values(m):
        m.b.fill_(0.5)
        m.d.fill_(-0.1)
    return module_verdict(answer, {"b": (), "d": ()},
                          "self.b = nn.Parameter(torch.randn(())) and the same for d",
                          set_values, lambda x: 0.5 * x - 0.1 * x**3,
                          "b x + d x³ (b = 0.5, d = -0.1)")


@exercise("08.2")
def cubic_net_with_a_linear_child(answer):
    """Check a Module whose child self.linear = nn.Linear(3, 1) maps x, x², x³ to one output."""
    def set_values(m):
        m.linear.weight.copy_(torch.tensor([[0.5, 0.25, -0.1]], dtype=torch.float64))
        m.linear.bias.fill_(0.2)
    return module_verdict(answer, {"linear.weight": (1, 3), "linear.bias": (1,)},
                          "assign the child as self.linear = nn.Linear(3, 1)", set_values,
                          lambda x: 0.2 + 0.5 * x + 0.25 * x**2 - 0.1 * x**3,
                          "linear(x, x², x³) (weight [0.5, 0.25, -0.1], bias 0.2)")
