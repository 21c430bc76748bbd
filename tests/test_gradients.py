"""Hand-derived gradients against autograd and finite differences; the closed-form descent path
against gradient descent run step by step."""
import math

import numpy as np
import pytest
import torch

from helpers import least_squares_fit, polynomial_loss, sine_data
from helpers.gradients import backward_graph, cubic_gradients, descent_loss, loss_and_gradient

X, Y = sine_data(2000, dtype=torch.float64)
START = [0.3, -0.2, 0.1, 0.05]


def autograd_gradients(coefficients):
    """Gradients of the summed squared error by torch autograd, float64: an independent route."""
    w = torch.tensor(coefficients, dtype=torch.float64, requires_grad=True)
    ((w[0] + w[1] * X + w[2] * X**2 + w[3] * X**3 - Y) ** 2).sum().backward()
    return w.grad.numpy()


def test_cubic_gradients_match_autograd_for_tensors_and_arrays():
    expected = autograd_gradients(START)
    from_tensors = cubic_gradients(X, Y, torch.tensor(START, dtype=torch.float64))
    from_arrays = cubic_gradients(X.numpy(), Y.numpy(), np.array(START))
    np.testing.assert_allclose(torch.stack(from_tensors).numpy(), expected, rtol=1e-10)
    np.testing.assert_allclose(np.array(from_arrays), expected, rtol=1e-10)


def test_cubic_gradients_vanish_at_the_least_squares_optimum():
    best = least_squares_fit(X, Y)
    scale = np.abs(cubic_gradients(X.numpy(), Y.numpy(), best.coefficients + 0.1)).max()
    assert np.abs(cubic_gradients(X.numpy(), Y.numpy(), best.coefficients)).max() < 1e-9 * scale


@pytest.mark.parametrize("coefficients", [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0, 4.0, 5.0]])
def test_cubic_gradients_want_exactly_four_coefficients(coefficients):
    with pytest.raises(ValueError, match="four numbers a, b, c, d"):
        cubic_gradients(X, Y, coefficients)


def test_cubic_gradients_reject_mismatched_points():
    with pytest.raises(ValueError, match="same shape"):
        cubic_gradients(X, Y[:10], START)


def test_loss_and_gradient_agree_with_the_reference_loss_and_autograd():
    features = np.vander(X.numpy(), 4, increasing=True)
    loss, gradient = loss_and_gradient(features, Y.numpy(), np.array(START))
    assert loss == pytest.approx(polynomial_loss(START, X, Y), rel=1e-12)
    np.testing.assert_allclose(gradient, autograd_gradients(START), rtol=1e-10)


def test_loss_and_gradient_reject_wrong_shapes():
    features = np.ones((5, 4))
    with pytest.raises(ValueError, match=r"features must be \(n, k\)"):
        loss_and_gradient(features, np.ones(4), np.ones(4))
    with pytest.raises(ValueError, match="one coefficient per feature column"):
        loss_and_gradient(features, np.ones(5), np.ones(3))


@pytest.mark.parametrize(("learning_rate", "steps"), [(1e-6, 0), (1e-6, 1), (2e-6, 300)])
def test_descent_loss_is_the_loss_after_that_many_updates(learning_rate, steps):
    w = np.array(START)
    for _ in range(steps):  # gradient descent, one update at a time, with autograd's gradients
        w = w - learning_rate * autograd_gradients(w.tolist())
    expected = polynomial_loss(w, X, Y)
    assert descent_loss(X, Y, START, learning_rate, steps) == pytest.approx(expected, rel=1e-9)


def test_descent_loss_never_goes_below_the_optimum_and_diverges_to_infinity():
    best = least_squares_fit(X, Y).loss
    assert best <= descent_loss(X, Y, START, 3e-6, 5000) < best * (1 + 1e-9)
    assert descent_loss(X, Y, START, 1e-3, 10**6) == np.inf


@pytest.mark.parametrize(("learning_rate", "steps", "match"), [
    (0.0, 10, "learning_rate"), (-1e-6, 10, "learning_rate"), (1e-6, -1, "steps"),
    (1e-6, 2.5, "steps")])
def test_descent_loss_rejects_bad_settings(learning_rate, steps, match):
    with pytest.raises(ValueError, match=match):
        descent_loss(X, Y, START, learning_rate, steps)


def test_descent_loss_wants_four_starting_coefficients():
    with pytest.raises(ValueError, match="start must be the four coefficients"):
        descent_loss(X, Y, [0.0, 1.0], 1e-6, 10)


@pytest.mark.parametrize(("args", "message"), [
    ((list(X), Y, START), "x must be a 1-D floating-point NumPy array or torch tensor"),
    ((X, Y, [math.nan, 0.0, 0.0, 0.0]), "coefficients must hold finite numbers only"),
    ((X, Y, "abcd"), "coefficients must be the four numbers"), ((X, Y, None), "coefficients")])
def test_cubic_gradients_refuse_lists_and_nan(args, message):
    with pytest.raises(ValueError, match=message):
        cubic_gradients(*args)


def test_descent_loss_takes_numpy_scalars_and_refuses_bools_and_nan_starts():
    assert descent_loss(X, Y, START, np.float32(1e-6), np.int64(3)) == pytest.approx(
        descent_loss(X, Y, START, float(np.float32(1e-6)), 3))
    assert descent_loss(X, Y, START, 1e-6, 0) == pytest.approx(polynomial_loss(START, X, Y))
    for kwargs, message in (({"learning_rate": True}, "learning_rate"), ({"steps": True}, "steps"),
                            ({"start": [math.nan] * 4}, "start must hold finite numbers"),
                            ({"steps": 10**12 + 1}, "at most 1e\\+12")):
        with pytest.raises(ValueError, match=message):
            descent_loss(**{"x": X, "y": Y, "start": START, "learning_rate": 1e-6, "steps": 3,
                            **kwargs})


def test_backward_graph_of_a_chain_is_the_hand_built_chain():
    w = torch.tensor(2.0, requires_grad=True)
    loss = (w * torch.tensor(3.0) - 1) ** 2  # x needs no gradient: its branch is left out
    assert backward_graph(loss, names={"w": w}) == (
        ["PowBackward0", "SubBackward0", "MulBackward0", "AccumulateGrad (w)"],
        [(0, 1), (1, 2), (2, 3)])


def test_backward_graph_meets_a_tensor_used_twice_once_with_two_edges_into_it():
    s, t = torch.tensor(1.0, requires_grad=True), torch.tensor(2.0, requires_grad=True)
    assert backward_graph(3 * s + 5 * s, names={"s": s}) == (
        ["AddBackward0", "MulBackward0 #1", "MulBackward0 #2", "AccumulateGrad (s)"],
        [(0, 1), (0, 2), (1, 3), (2, 3)])  # a repeated label is numbered in the order met
    assert backward_graph(s * t) == (["MulBackward0", "AccumulateGrad #1", "AccumulateGrad #2"],
                                     [(0, 1), (0, 2)])  # unnamed leaves keep the bare node name
    assert backward_graph(s * t, names={"s": s})[0] == [
        "MulBackward0", "AccumulateGrad (s)", "AccumulateGrad"]  # a named leaf is told apart


def test_backward_graph_of_the_cubic_reaches_its_four_coefficients():
    a, b, c, d = (torch.tensor(v, requires_grad=True) for v in START)
    loss = (a + b * X + c * X**2 + d * X**3 - Y).pow(2).sum()
    nodes, edges = backward_graph(loss, names=dict(a=a, b=b, c=c, d=d))
    leaves = sorted(n for n in nodes if n.startswith("AccumulateGrad"))
    assert leaves == [f"AccumulateGrad ({k})" for k in "abcd"] and nodes[0] == "SumBackward0"
    assert len(nodes) == 13 and len(edges) == 12  # a tree: each node but the root has one parent
    assert sorted(j for _, j in edges) == list(range(1, 13))
    assert len(set(nodes)) == 13  # its three additions and three products are numbered apart


@pytest.mark.parametrize(("tensor", "names", "message"), [
    (torch.ones(2), None, "tensor must be a tensor computed from one that requires grad"),
    ("loss", None, "tensor must be"), (None, {"w": 1.0}, "names must be a dict"),
    (None, ["w"], "names must be a dict"), (None, {"": torch.ones(1)}, "names")])
def test_backward_graph_refuses_untracked_tensors_and_bad_names(tensor, names, message):
    tensor = tensor if tensor is not None else torch.ones(1, requires_grad=True) * 2
    with pytest.raises(ValueError, match=message):
        backward_graph(tensor, names)


def test_draw_backward_graph_puts_each_node_on_its_row_and_describes_every_edge():
    import matplotlib.pyplot as plt

    from helpers.plotting import describe, draw_backward_graph

    s = torch.tensor(1.0, requires_grad=True)
    nodes, edges = backward_graph(3 * s + 5 * s, names={"s": s})
    ax = draw_backward_graph(nodes, edges)
    labels = [t for t in ax.texts if t.get_text()]  # the arrows are empty annotations
    assert sorted(t.get_text() for t in labels) == sorted(nodes)
    boxes = {t.get_text(): t.get_position() for t in labels}
    assert boxes["AddBackward0"] == (0.5, 0) and boxes["MulBackward0 #1"][1] == -1
    assert boxes["AccumulateGrad (s)"] == (0.5, -2)  # below both products, centred
    assert describe(ax.figure) == (
        "Recorded graph, gradients flow down: "
        "AddBackward0 → MulBackward0 #1, AddBackward0 → MulBackward0 #2, "
        "MulBackward0 #1 → AccumulateGrad (s), MulBackward0 #2 → AccumulateGrad (s).")
    ax_twice = draw_backward_graph(*backward_graph(s * s, names={"s": s}))
    assert "MulBackward0 → AccumulateGrad (s) (2 edges)" in describe(ax_twice.figure)
    plt.close("all")


@pytest.mark.parametrize(("nodes", "edges", "message"), [
    ([], [], "nodes must be a non-empty list"), (["a", 1], [], "nodes"),
    (["a", "b"], [(0, 2)], r"edges must be a list of \(i, j\) node indices from 0 to 1"),
    (["a", "b"], [(0, True)], "edges"), (["a", "b"], "01", "edges")])
def test_draw_backward_graph_refuses_bad_nodes_and_edges(nodes, edges, message):
    from helpers.plotting import draw_backward_graph

    with pytest.raises(ValueError, match=message):
        draw_backward_graph(nodes, edges)


def test_draw_backward_graph_refuses_an_axes_that_is_not_one():
    from helpers.plotting import draw_backward_graph

    with pytest.raises(TypeError, match="ax must be a matplotlib Axes or None"):
        draw_backward_graph(["a"], [], ax="1")
