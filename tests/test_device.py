"""Device choice: CPU by default, COURSE_DEVICE overrides, clear errors otherwise."""
import pytest
import torch

from helpers import available_devices, course_device


def test_cpu_is_the_default():
    assert course_device() == torch.device("cpu")


def test_environment_variable_chooses(monkeypatch):
    monkeypatch.setenv("COURSE_DEVICE", " CPU ")
    assert course_device() == torch.device("cpu")


def test_auto_picks_a_gpu_when_there_is_one_and_cpu_otherwise():
    expected = available_devices()[-1]
    assert course_device("auto").type == expected
    assert available_devices()[0] == "cpu"


def test_unknown_name_says_what_is_allowed(monkeypatch):
    monkeypatch.setenv("COURSE_DEVICE", "tpu")
    with pytest.raises(ValueError, match="unknown device 'tpu': use one of cpu, cuda, mps, auto"):
        course_device()


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_missing_cuda_says_which_devices_exist(monkeypatch):
    monkeypatch.setenv("COURSE_DEVICE", "cuda")
    with pytest.raises(ValueError, match="'cuda' is not available on this machine; available: cpu"):
        course_device()
