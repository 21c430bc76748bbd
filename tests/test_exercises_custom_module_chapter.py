"""Chapter 08's exercise checks: each accepts a correct Module and rejects wrong ones."""
import torch
from torch import nn

from helpers import cubic_features
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


def test_08_1_odd_cubic_module():
    ok, message = verdict("08.1", OddCubic)
    assert ok and "8.8172" in message
    assert not verdict("08.1", OddCubicWrongPower)[0]
    assert "two scalar Parameters" in verdict("08.1", OddCubicPlainTensors)[1]
    assert "subclasses nn.Module" in verdict("08.1", OddCubic())[1]  # an instance, not the class


def test_08_2_cubic_net_with_a_linear_child():
    ok, message = verdict("08.2", CubicNet)
    assert ok and "8.8172" in message
    assert "shape (n,)" in verdict("08.2", CubicNetKeepsTheColumn)[1]
    assert "no arguments" in verdict("08.2", CubicNetNeedsArguments)[1]
    assert not verdict("08.2", OddCubic)[0]  # the wrong Parameters
