"""Chapter 02's hand-derived gradients of the summed squared error, gradient descent's exact path
on that quadratic loss (the reference training runs are checked against), and the graph autograd
records (chapter 04 draws it)."""
from collections import Counter

import numpy as np

from helpers.reference import least_squares_fit, same_length
from helpers.validation import (
    array_or_tensor,
    float_array,
    is_number,
    is_tensor,
    positive_number,
    refuse,
    text,
    whole_number,
)

MAX_DESCENT_STEPS = 10**12  # a closed form: any count costs about 40 matrix products


def cubic_gradients(x, y, coefficients):
    """Return (dL/da, dL/db, dL/dc, dL/dd) of L = sum((a + bx + cx² + dx³ - y)²), NumPy or torch."""
    x, y = array_or_tensor(x, "x", 1), array_or_tensor(y, "y", 1)
    if (isinstance(coefficients, str) or not hasattr(coefficients, "__len__")
            or len(coefficients) != 4
            or not all(is_number(c) or is_tensor(c) and c.ndim == 0 for c in coefficients)):
        refuse("coefficients", "the four numbers a, b, c, d", coefficients)
    float_array([float(c) for c in coefficients], "coefficients")  # finite: no NaN, no inf
    if x.shape != y.shape:
        raise ValueError(f"x and y must be one-dimensional, same shape (got {x.shape}, {y.shape})")
    a, b, c, d = coefficients
    grad_y_pred = 2 * (a + b * x + c * x**2 + d * x**3 - y)  # dL/dy_pred, shape (n,)
    return (grad_y_pred.sum(), (grad_y_pred * x).sum(), (grad_y_pred * x**2).sum(),
            (grad_y_pred * x**3).sum())


def squared_error_and_gradient(features, y, coefficients):
    """Return the summed squared error of features @ coefficients vs y, and its gradient (no
    checks: the inner step of training loops and timings; loss_and_gradient checks first)."""
    residual = features @ coefficients - y  # y_pred - y, shape (n,)
    return residual @ residual, 2 * (residual @ features)  # L, and 2 X^T (y_pred - y): shape (k,)


def loss_and_gradient(features, y, coefficients):
    """Return the summed squared error of features @ coefficients vs y, and its gradient."""
    features, y = array_or_tensor(features, "features", 2), array_or_tensor(y, "y", 1)
    coefficients = array_or_tensor(coefficients, "coefficients", 1)
    if is_tensor(features) != is_tensor(y) or is_tensor(y) != is_tensor(coefficients):
        raise ValueError("features, y and coefficients must be all NumPy arrays or all tensors")
    if features.shape[0] != y.shape[0]:
        raise ValueError(f"features must be (n, k) and y (n,) (got {tuple(features.shape)} and "
                         f"{tuple(y.shape)})")
    if coefficients.shape != features.shape[1:]:
        raise ValueError(f"coefficients must hold one coefficient per feature column (got "
                         f"{tuple(coefficients.shape)} for {features.shape[1]} columns)")
    return squared_error_and_gradient(features, y, coefficients)


def descent_loss(x, y, start, learning_rate, steps):
    """Return the cubic's loss after `steps` gradient-descent updates from `start` (closed form)."""
    steps = whole_number(steps, "steps", 0, MAX_DESCENT_STEPS,
                         f"a whole number >= 0 and at most {MAX_DESCENT_STEPS:.0e}")
    learning_rate = positive_number(learning_rate, "learning_rate")
    x, y, start = float_array(x, "x"), float_array(y, "y"), float_array(start, "start")
    if start.shape != (4,):
        raise ValueError(f"start must be the four coefficients a, b, c, d (got {len(start)})")
    same_length(x, y)
    best = least_squares_fit(x, y)  # checks shapes; w* and the smallest loss L*
    features = np.vander(x, 4, increasing=True)  # X, shape (n, 4)
    hessian = 2 * features.T @ features  # H: the loss is L* + (w - w*)^T (H / 2) (w - w*)
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging rate overflows to inf
        shrink = np.linalg.matrix_power(np.eye(4) - learning_rate * hessian, steps)
        error = shrink @ (start - best.coefficients)  # w_k - w* = (I - lr H)^k (w_0 - w*)
        loss = float(best.loss + error @ (hessian / 2) @ error)
    return loss if np.isfinite(loss) else np.inf


def backward_graph(tensor, names=None):
    """Return (nodes, edges) of the graph recorded for `tensor`: node labels (a label met twice or
    more numbered #1, #2... in the order met), and (i, j) pairs "node i sends gradient to node j",
    walked breadth-first from tensor.grad_fn."""
    if not is_tensor(tensor) or tensor.grad_fn is None:
        refuse("tensor", "a tensor computed from one that requires grad (it has a grad_fn)",
               tensor)
    if names is not None and not (isinstance(names, dict) and all(
            text(name, "each name in names", none=False) and is_tensor(leaf)
            for name, leaf in names.items())):
        refuse("names", "a dict of names and the leaf tensors they label, or None", names)
    leaf_names = {id(leaf): name for name, leaf in (names or {}).items()}
    found, edges = [tensor.grad_fn], []  # nodes in the order first met; found[0] is the root
    index = {id(tensor.grad_fn): 0}
    for node in found:  # grows while walked: breadth-first
        for child, _ in node.next_functions:
            if child is None:  # an input that needs no gradient
                continue
            if id(child) not in index:
                index[id(child)] = len(found)
                found.append(child)
            edges.append((index[id(node)], index[id(child)]))
    labels = [type(node).__name__ for node in found]
    for i, node in enumerate(found):
        name = leaf_names.get(id(getattr(node, "variable", None)))
        labels[i] += f" ({name})" if name is not None else ""
    total, seen = Counter(labels), Counter()  # a repeated label is numbered, so that the alt
    for i, label in enumerate(labels):  # text of the drawing (its edges in words) tells them apart
        seen[label] += 1
        labels[i] += f" #{seen[label]}" if total[label] > 1 else ""
    return labels, edges
