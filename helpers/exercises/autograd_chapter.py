"""Checks for chapter 04's exercises, each against an independent NumPy computation in float64."""
import numpy as np

from helpers.exercises import as_array, describe, exercise, not_finite, number_verdict, sine_points

JACOBIAN_TOL = 1e-6  # relative to the largest entry; float32 gives [3, 1.5, 36] exactly
ZERO_GRADIENT_TOL = 1e-5  # relative to the largest entry; float32 sums are off by about 3e-8
ONE_STEP_TOL = 1e-5  # relative; float32 is off by about 1e-7


def vector_verdict(answer, expected, what, tol, mistakes=(), hint=""):
    """Return (ok, message) for the vector `answer`: right within `tol`, a known mistake, or not.

    `tol` is relative to the largest entry of `expected`; `mistakes` holds (wrong vector, fix).
    """
    values = as_array(answer)
    if values is None or values.shape != expected.shape:
        return False, (f"{what} should be {len(expected)} numbers (a tensor of shape "
                       f"{expected.shape}), got {describe(answer)}")
    why = not_finite(values, what)
    if why:
        return False, why
    for target, fix in [(expected, None), *mistakes]:
        if np.abs(values - target).max() <= tol * np.abs(target).max():
            shown = ", ".join(f"{round(v, 1) + 0.0:.5g}" for v in values)  # + 0.0: no "-0"
            return (True, f"{what} = [{shown}]") if fix is None else (False, fix)
    return False, f"that is not {what} yet{': ' + hint if hint else ''}"


@exercise("04.1")
def vector_jacobian_product(answer):
    """Check x.grad after y = x**3 and y.backward(v) at x = [-1, 0.5, 2], v = [1, 2, 3]."""
    x, v = np.array([-1.0, 0.5, 2.0]), np.array([1.0, 2.0, 3.0])
    grad = v * 3 * x**2  # dy_i/dx_i = 3 x_i^2, J is diagonal
    return vector_verdict(answer, grad, "x.grad", JACOBIAN_TOL, mistakes=[
        (3 * x**2, "that is 3x², the Jacobian's diagonal without v: backward(v) multiplies by v"),
        (2 * grad, "that is twice the answer: gradients accumulate in x.grad; recreate x (or "
         "zero x.grad) before calling backward again"),
        (v * x**3, "that is v times y: x.grad holds the derivative, v times 3x²"),
        (v * 3 * x, "that is v times 3x: the derivative of x³ is 3x²"),
    ], hint="x.grad = v_i · 3x_i², one entry per element of x")


@exercise("04.2")
def gradient_at_zero_cubic(answer):
    """Check the loss gradient for a, b, c, d when all four are zero: -2 * sum(y * x^k)."""
    x, y = sine_points()
    grads = np.array([-2 * np.sum(y * x**k) for k in range(4)])
    return vector_verdict(answer, grads, "the gradients [a, b, c, d]", ZERO_GRADIENT_TOL, mistakes=[
        (grads / len(x), "that is the gradient of the mean squared error: the loss here is the "
         "summed squared error (.sum(), not .mean())"),
        (grads / 2, "half the gradient: is the loss the squared residual, (ŷ - y).pow(2)?"),
        (-grads, "the sign is flipped: the residual is prediction minus target, ŷ - y"),
        (2 * grads, "twice the gradient: gradients accumulate; recreate the four tensors (or "
         "zero their .grad) before calling backward again"),
        (grads[::-1].copy(), "the order is reversed: [a.grad, b.grad, c.grad, d.grad]"),
    ], hint="start all four at zero, compute the summed squared error, call backward()")


@exercise("04.3")
def loss_after_one_step(answer):
    """Check the loss after one gradient-descent step (lr 1e-6) from a = b = c = d = 0."""
    x, y = sine_points()
    features = np.vander(x, 4, increasing=True)  # columns 1, x, x^2, x^3
    gradient = 2 * features.T @ (0 - y)  # at zero coefficients the residual is -y

    def loss_at(coefficients):
        return float(np.sum((features @ coefficients - y) ** 2))
    return number_verdict(answer, loss_at(-1e-6 * gradient), "the loss after one step",
                          ONE_STEP_TOL, mistakes=[
        (loss_at(np.zeros(4)), "that is the loss before the step: update the coefficients, "
         "then compute the loss again"),
        (loss_at(-2e-6 * gradient), "that is the loss after a step with twice the gradient: "
         "gradients accumulate; recreate a, b, c, d before running backward again"),
        (loss_at(1e-6 * gradient), "the loss went up: step against the gradient, p -= lr * p.grad"),
        (loss_at(-1e-6 * gradient / len(x)), "that step used the mean's gradient: use the summed "
         "loss of exercise 04.2"),
    ], hint="inside torch.no_grad(), p -= 1e-6 * p.grad for each; then compute the loss again")
