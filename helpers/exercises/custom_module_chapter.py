"""Checks for chapter 08's exercises: each builds the learner's Module, tests its parameters and
forward against a formula, and trains it (LBFGS, float64) to the exact least-squares optimum."""
import torch

from helpers.data import sine_data
from helpers.exercises import exercise
from helpers.reference import least_squares_fit


def built_module(answer):
    """Return (module, None) built from the class `answer` with no arguments, or (None, why not)."""
    if not (isinstance(answer, type) and issubclass(answer, torch.nn.Module)):
        return None, f"answer should be a class that subclasses nn.Module, got {answer!r}"
    try:
        return answer().double(), None
    except TypeError as error:
        return None, f"{answer.__name__}() should build with no arguments ({error})"


def parameter_shapes(module):
    """Return {name: shape} of the module's Parameters, names as named_parameters() gives them."""
    return {name: tuple(p.shape) for name, p in module.named_parameters()}


def trained_loss(module):
    """Return the summed squared error on the sine data after fitting `module` with LBFGS."""
    x, y = sine_data(2000, device="cpu", dtype=torch.float64)
    optimizer = torch.optim.LBFGS(module.parameters(), line_search_fn="strong_wolfe", max_iter=200)

    def closure():
        optimizer.zero_grad()
        loss = ((module(x) - y) ** 2).sum()
        loss.backward()
        return loss
    optimizer.step(closure)
    with torch.no_grad():
        return ((module(x) - y) ** 2).sum().item()


def forward_and_training(module, set_values, formula):
    """Return (ok, message): forward follows `formula` after `set_values`; training is optimal."""
    x = torch.linspace(-2.0, 2.0, 9, dtype=torch.float64)
    with torch.no_grad():
        set_values(module)
        output = module(x)
    if output.shape != x.shape or not torch.allclose(output, formula(x)):
        return False, "forward(x) should return one prediction per x, shape (n,), by the formula"
    loss, best = trained_loss(module), least_squares_fit(*sine_data(2000, device="cpu")).loss
    if abs(loss - best) > 1e-4 * best:
        return False, f"trained with LBFGS it reaches loss {loss:.4f}, not the optimum {best:.4f}"
    return True, f"parameters and forward are right; trained, it reaches the optimum {loss:.4f}"


@exercise("08.1")
def odd_cubic_module(answer):
    """Check a Module with two scalar Parameters b, d whose forward is b x + d x³."""
    module, why_not = built_module(answer)
    if module is None:
        return False, why_not
    if parameter_shapes(module) != {"b": (), "d": ()}:
        return False, f"want two scalar Parameters b and d, got {parameter_shapes(module)}"

    def set_values(m):
        m.b.fill_(0.5)
        m.d.fill_(-0.1)
    return forward_and_training(module, set_values, lambda x: 0.5 * x - 0.1 * x**3)


@exercise("08.2")
def cubic_net_with_a_linear_child(answer):
    """Check a Module whose child self.linear = nn.Linear(3, 1) maps x, x², x³ to one output."""
    module, why_not = built_module(answer)
    if module is None:
        return False, why_not
    want = {"linear.weight": (1, 3), "linear.bias": (1,)}
    if parameter_shapes(module) != want:
        return False, f"want Parameters {want} (from self.linear), got {parameter_shapes(module)}"

    def set_values(m):
        m.linear.weight.copy_(torch.tensor([[0.5, 0.25, -0.1]]))
        m.linear.bias.fill_(0.2)
    return forward_and_training(module, set_values,
                                lambda x: 0.2 + 0.5 * x + 0.25 * x**2 - 0.1 * x**3)
