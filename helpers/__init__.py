"""Helpers shared by the course's notebooks: data, references, plots, device, set-up, checks.

`helpers.name` imports the module that defines `name` at its first use, so a chapter loads only
what it uses: chapter 02, NumPy only, never imports torch.
"""
import importlib

# `setup` names both a module and the function every notebook calls first: bound here, the name
# is the function whichever of the two is imported first.
from helpers.setup import setup as setup  # re-exported: the alias says so

# The package's public names under the module of this package that defines each. Written out, not
# derived from the modules: finding a module's names means importing it (torch, for most), and
# `import helpers` must stay light. tests/test_package.py checks every name against its module and
# that every helpers.name a notebook uses is here.
HOMES = {
    "claims": ["claim"],
    "cubic": ["cubic_coefficients", "cubic_features", "cubic_model"],
    "data": ["noisy_line", "sine_data"],
    "device": ["available_devices", "course_device"],
    "exercises": ["check"],
    "explorers.learning_rate": ["learning_rate_explorer", "train_cubic"],
    "explorers.optimizers": ["optimizer_explorer", "train_with_optimizer"],
    "explorers.weight_sharing": ["train_twice_applied_line", "weight_sharing_explorer"],
    "formatting": ["polynomial_formula"],
    "grading": ["grade"],
    "gradients": ["backward_graph", "cubic_gradients", "descent_loss", "loss_and_gradient"],
    "learner_progress": ["progress"],
    "legendre": ["LegendreFit", "legendre_least_squares_fit", "legendre_p3"],
    "plotting": ["draw_backward_graph", "plot", "plot_fit", "plot_losses", "use_course_style"],
    "reference": ["DescentLimits", "Fit", "descent_limits", "least_squares_fit", "polynomial_loss",
                  "sine_points"],
    "timing": ["cubic_problem"],
    "weight_sharing": ["draw_twice_applied_runs", "dynamic_net_losses", "dynamic_net_optimum",
                       "twice_applied_line_data", "twice_applied_line_loss",
                       "twice_applied_line_solutions"],
}
MODULE_OF = {name: module for module, names in HOMES.items() for name in names}
__all__ = sorted([*MODULE_OF, "setup"])


def __getattr__(name):
    """Return the helper `name`, importing the module that defines it on first use."""
    if name not in MODULE_OF:
        raise AttributeError(f"module 'helpers' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"helpers.{MODULE_OF[name]}"), name)
    globals()[name] = value  # later lookups find it directly
    return value


def __dir__():
    """Return every helper's name, loaded or not (for tab completion)."""
    return sorted({*globals(), *__all__})
