"""Chapter 06's cubic as a network: features (x, x^2, x^3) and nn.Linear(3, 1) + nn.Flatten."""
import torch


def cubic_features(x):
    """Return the (n, 3) tensor of features x, x^2, x^3 of the 1-D tensor x, by broadcasting."""
    if not isinstance(x, torch.Tensor) or x.ndim != 1:
        raise ValueError(f"x must be a one-dimensional tensor (got {type(x).__name__} "
                         f"of shape {tuple(getattr(x, 'shape', ()))})")
    powers = torch.tensor([1, 2, 3], device=x.device)  # shape (3,)
    return x.unsqueeze(-1).pow(powers)  # (n, 1) ** (3,) -> (n, 3)


def cubic_model(device=None):
    """Return nn.Sequential(nn.Linear(3, 1), nn.Flatten(0, 1)): (n, 3) features -> (n,) outputs."""
    model = torch.nn.Sequential(torch.nn.Linear(3, 1), torch.nn.Flatten(0, 1))
    return model if device is None else model.to(device)


def cubic_coefficients(model):
    """Return the cubic's coefficients a, b, c, d (lowest power first) read from `model`."""
    linear = model[0] if isinstance(model, torch.nn.Sequential) else model
    if not isinstance(linear, torch.nn.Linear) or linear.weight.shape != (1, 3):
        raise ValueError("model must be cubic_model() or its nn.Linear(3, 1) first layer")
    return torch.cat([linear.bias, linear.weight[0]]).detach()  # [a, b, c, d]
