"""Chapter 02's hand-derived gradients of the summed squared error, and gradient descent's
exact path on that quadratic loss (the reference training runs are checked against)."""
import numpy as np

from helpers.reference import as_float64, least_squares_fit


def cubic_gradients(x, y, coefficients):
    """Return (dL/da, dL/db, dL/dc, dL/dd) of L = sum((a + bx + cx² + dx³ - y)²), NumPy or torch."""
    if len(coefficients) != 4:
        raise ValueError("coefficients must be the four numbers a, b, c, d "
                         f"(got {len(coefficients)})")
    if x.shape != y.shape or len(x.shape) != 1:
        raise ValueError(f"x and y must be one-dimensional, same shape (got {x.shape}, {y.shape})")
    a, b, c, d = coefficients
    grad_y_pred = 2 * (a + b * x + c * x**2 + d * x**3 - y)  # dL/dy_pred, shape (n,)
    return (grad_y_pred.sum(), (grad_y_pred * x).sum(), (grad_y_pred * x**2).sum(),
            (grad_y_pred * x**3).sum())


def loss_and_gradient(features, y, coefficients):
    """Return the summed squared error of features @ coefficients vs y, and its gradient."""
    if features.ndim != 2 or features.shape[0] != y.shape[0] or y.ndim != 1:
        raise ValueError(f"features must be (n, k) and y (n,) (got {tuple(features.shape)} and "
                         f"{tuple(y.shape)})")
    if coefficients.shape != features.shape[1:]:
        raise ValueError(f"need one coefficient per feature column (got {tuple(coefficients.shape)}"
                         f" for {features.shape[1]} columns)")
    residual = features @ coefficients - y  # y_pred - y, shape (n,)
    return residual @ residual, 2 * (residual @ features)  # L, and 2 X^T (y_pred - y): shape (k,)


def descent_loss(x, y, start, learning_rate, steps):
    """Return the cubic's loss after `steps` gradient-descent updates from `start` (closed form)."""
    if int(steps) != steps or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0 (got {steps!r})")
    if not 0 < learning_rate < np.inf:
        raise ValueError(f"learning_rate must be a positive number (got {learning_rate!r})")
    x, y, start = as_float64(x, "x"), as_float64(y, "y"), as_float64(start, "start")
    if start.shape != (4,):
        raise ValueError(f"start must be the four coefficients a, b, c, d (got {len(start)})")
    best = least_squares_fit(x, y)  # checks shapes; w* and the smallest loss L*
    features = np.vander(x, 4, increasing=True)  # X, shape (n, 4)
    hessian = 2 * features.T @ features  # H: the loss is L* + (w - w*)^T (H / 2) (w - w*)
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging rate overflows to inf
        shrink = np.linalg.matrix_power(np.eye(4) - learning_rate * hessian, int(steps))
        error = shrink @ (start - best.coefficients)  # w_k - w* = (I - lr H)^k (w_0 - w*)
        loss = float(best.loss + error @ (hessian / 2) @ error)
    return loss if np.isfinite(loss) else np.inf
