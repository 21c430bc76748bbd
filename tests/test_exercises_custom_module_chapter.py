"""Chapter 08's exercise checks: each accepts a correct Module and names what is wrong with the
typical wrong ones: Parameters, forward's formula or shape, gradients, training, crashes."""
import numpy as np
import pytest
import torch
from torch import nn

from helpers import cubic_features, least_squares_fit
from helpers.exercises import verdict


class OddCubic(nn.Module):
    def __init__(self):
        super().__init__()
        self.b = nn.Parameter(torch.randn(()))
        self.d = nn.Parameter(torch.randn(()))

    def forward(self, x):
        return self.b * x + self.d * x**3


class OddCubicWrongPower(OddCubic):
    def forward(self, x):
        return self.b * x + self.d * x**2


class OddCubicPlainTensors(nn.Module):  # plain tensors are not Parameters: nothing to train
    def __init__(self):
        super().__init__()
        self.b, self.d = torch.randn(()), torch.randn(())

    def forward(self, x):
        return self.b * x + self.d * x**3


class OddCubicVectors(OddCubic):
    def __init__(self):
        nn.Module.__init__(self)
        self.b, self.d = nn.Parameter(torch.randn(1)), nn.Parameter(torch.randn(1))


class OddCubicKeepsTheColumn(OddCubic):
    def forward(self, x):
        return (self.b * x + self.d * x**3).unsqueeze(-1)


class OddCubicCopiesB(OddCubic):
    def forward(self, x):
        return self.b.item() * x + self.d * x**3  # no gradient reaches b


class OddCubicFrozen(OddCubic):
    def __init__(self):
        super().__init__()
        self.d.requires_grad_(False)


class OddCubicForwardRaises(OddCubic):
    def forward(self, x):
        raise ValueError("to do")


class OddCubicInitRaises(OddCubic):
    def __init__(self):
        raise RuntimeError("to do")


class CubicNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(3, 1)

    def forward(self, x):
        return self.linear(cubic_features(x)).squeeze(-1)  # (n, 3) -> (n, 1) -> (n,)


class CubicNetKeepsTheColumn(CubicNet):
    def forward(self, x):
        return self.linear(cubic_features(x))  # shape (n, 1): not one prediction per x


class CubicNetNeedsArguments(CubicNet):
    def __init__(self, width):
        super().__init__()


class CubicNetOtherName(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 1)

    def forward(self, x):
        return self.fc(cubic_features(x)).squeeze(-1)


def test_08_1_odd_cubic_module():
    ok, message = verdict("08.1", OddCubic)
    assert ok and "8.8172" in message
    for wrong, fix in [(OddCubicWrongPower, "does not compute b x + d x³"),
                       (OddCubicPlainTensors, "no Parameters registered"),
                       (OddCubicVectors, "want the shapes"),
                       (OddCubicKeepsTheColumn, "returns shape (9, 1)"),
                       (OddCubicCopiesB, "no gradient reaches b"),
                       (OddCubicFrozen, "['d'] do not require grad"),
                       (OddCubicForwardRaises, "forward(x) failed with ValueError: to do"),
                       (OddCubicInitRaises, "failed in __init__ with RuntimeError: to do"),
                       (OddCubic(), "an instance"), ("OddCubic", "got the text")]:
        ok, message = verdict("08.1", wrong)
        assert not ok and fix in message, (wrong, message)


def test_08_2_cubic_net_with_a_linear_child():
    ok, message = verdict("08.2", CubicNet)
    assert ok and "8.8172" in message
    for wrong, fix in [(CubicNetKeepsTheColumn, "shape (n,)"),
                       (CubicNetNeedsArguments, "no arguments"),
                       (CubicNetOtherName, "self.linear = nn.Linear(3, 1)"),
                       (OddCubic, "got ['b', 'd']")]:
        ok, message = verdict("08.2", wrong)
        assert not ok and fix in message, (wrong, message)


def wiggled(epsilon):
    """An OddCubic plus epsilon sin(2πx): right at the check's points x = k/2; stays in training."""
    class Wiggled(OddCubic):
        def forward(self, x):
            return self.b * x + self.d * x**3 + epsilon * torch.sin(2 * np.pi * x)
    return Wiggled


def wiggle_for(loss_ratio):
    """The epsilon whose wiggle leaves the trained odd cubic at `loss_ratio` times the optimum."""
    x = np.linspace(-np.pi, np.pi, 2000)
    y, wiggle = np.sin(x), np.sin(2 * np.pi * x)
    odd = np.stack([x, x**3], axis=1)
    def residual(v):
        return v - odd @ np.linalg.lstsq(odd, v, rcond=None)[0]
    r, g = residual(y), residual(wiggle)  # loss(eps) = |r - eps g|², a quadratic in eps
    best = least_squares_fit(x, y).loss
    roots = np.roots([g @ g, -2 * (r @ g), r @ r - loss_ratio * best])
    return float(roots.real.max())


@pytest.mark.parametrize("loss_ratio, ok", [(1 + 5e-5, True), (1 + 3e-4, False)])
def test_08_trained_loss_tolerance(loss_ratio, ok):
    accepted, message = verdict("08.1", wiggled(wiggle_for(loss_ratio)))
    assert accepted == ok, message


@pytest.mark.parametrize("factor, ok", [(1 + 5e-11, True), (1 + 3e-10, False)])
def test_08_formula_tolerance(factor, ok):
    class Scaled(OddCubic):
        def forward(self, x):
            return (self.b * x + self.d * x**3) * factor
    accepted, message = verdict("08.1", Scaled)
    assert accepted == ok, message
