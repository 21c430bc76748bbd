"""Helpers shared by the course's notebooks: data, references, plots, device, set-up, checks."""
from helpers.cubic import cubic_coefficients, cubic_features, cubic_model
from helpers.data import noisy_line, sine_data
from helpers.device import available_devices, course_device
from helpers.exercises import check
from helpers.explorers.learning_rate import learning_rate_explorer, train_cubic
from helpers.explorers.optimizers import optimizer_explorer, train_with_optimizer
from helpers.explorers.weight_sharing import train_twice_applied_line, weight_sharing_explorer
from helpers.formatting import polynomial_formula
from helpers.gradients import cubic_gradients, descent_loss, loss_and_gradient
from helpers.legendre import LegendreFit, legendre_least_squares_fit, legendre_p3
from helpers.plotting import plot, plot_fit, plot_losses, use_course_style
from helpers.reference import Fit, least_squares_fit, polynomial_loss
from helpers.setup import setup
from helpers.timing import cubic_problem, seconds_per_step
from helpers.weight_sharing import (
    dynamic_net_losses,
    dynamic_net_optimum,
    twice_applied_line_solutions,
)

__all__ = [
    "Fit", "available_devices", "check", "course_device", "least_squares_fit", "noisy_line",
    "plot", "plot_fit", "plot_losses", "polynomial_loss", "setup", "sine_data",
    "use_course_style",
    "cubic_coefficients", "cubic_features", "cubic_model",
    "optimizer_explorer", "train_with_optimizer",
    "LegendreFit", "legendre_least_squares_fit", "legendre_p3",
    "polynomial_formula",
    "cubic_gradients", "descent_loss", "learning_rate_explorer", "loss_and_gradient",
    "train_cubic", "cubic_problem", "seconds_per_step",
    "dynamic_net_losses", "dynamic_net_optimum", "train_twice_applied_line",
    "twice_applied_line_solutions", "weight_sharing_explorer",
]
