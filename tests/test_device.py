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


@pytest.mark.parametrize("name", ["gpu", "tpu", "cuda:x", "auto:0", ""])
def test_an_explicit_device_goes_through_the_same_rule_and_message(name):
    message = f"unknown device {name!r}: use one of cpu, cuda, mps, auto"
    with pytest.raises(ValueError, match=message):
        course_device(name)


def test_explicit_devices_with_an_index_or_as_torch_devices():
    assert course_device(torch.device("cpu")) == torch.device("cpu")
    assert course_device("cpu:0") == torch.device("cpu:0")
    with pytest.raises(ValueError, match="'cpu:1' is not available on this machine"):
        course_device("cpu:1")
    with pytest.raises(TypeError, match=r"device must be a name like 'cpu' .* \(got 5\)"):
        course_device(5)


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_an_explicit_cuda_gets_the_course_device_message():
    from helpers import cubic_model, sine_data

    for call in (lambda: sine_data(10, device="cuda"), lambda: cubic_model("cuda")):
        with pytest.raises(ValueError, match="'cuda' is not available on this machine"):
            call()
