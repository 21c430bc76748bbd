"""Chapter 06's cubic as a network: features (x, x^2, x^3) and nn.Linear(3, 1) + nn.Flatten."""
import torch

from helpers.device import course_device
from helpers.validation import WrongType, refuse


def cubic_features(x):
    """Return the (n, 3) tensor of features x, x^2, x^3 of the 1-D tensor x, by broadcasting."""
    if not isinstance(x, torch.Tensor) or x.ndim != 1 or not x.is_floating_point():
        refuse("x", "a floating-point one-dimensional tensor", x,
               ValueError if isinstance(x, torch.Tensor) else WrongType)
    powers = torch.tensor([1, 2, 3], device=x.device)  # shape (3,)
    return x.unsqueeze(-1).pow(powers)  # (n, 1) ** (3,) -> (n, 3)


def cubic_model(device=None):
    """Return nn.Sequential(nn.Linear(3, 1), nn.Flatten(0, 1)): (n, 3) features -> (n,) outputs."""
    model = torch.nn.Sequential(torch.nn.Linear(3, 1), torch.nn.Flatten(0, 1))
    return model if device is None else model.to(course_device(device))


def cubic_coefficients(model):
    """Return the cubic's coefficients a, b, c, d (lowest power first) read from `model`."""
    linear = model[0] if isinstance(model, torch.nn.Sequential) and len(model) else model
    if not isinstance(linear, torch.nn.Linear) or linear.weight.shape != (1, 3):
        refuse("model", "cubic_model() or its nn.Linear(3, 1) first layer", model,
               ValueError if isinstance(model, torch.nn.Module) else WrongType)
    return torch.cat([linear.bias, linear.weight[0]]).detach()  # [a, b, c, d]
