"""`make install` takes PyTorch by the route asked for: PyPI by default, the CPU-only index with
TORCH=cpu. Dry runs (make -n): the routes themselves are measured by make test-matrix."""
import re
import subprocess
from pathlib import Path

from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def install_commands(tmp_path, *settings):
    """Return the commands `make install` would run for a venv in tmp_path, with `settings`."""
    command = ["make", "-n", "-B", "install", f"VENV={tmp_path / 'venv'}", *settings]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout


def pinned_torch():
    """Return the version requirements.txt pins torch to."""
    return re.search(r"^torch==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M).group(1)


def test_the_default_route_names_no_other_index(tmp_path):
    commands = install_commands(tmp_path)
    assert "-r requirements.txt -e ." in commands and "index-url" not in commands


def test_the_cpu_route_takes_the_pinned_torch_from_pytorchs_cpu_index_first(tmp_path):
    lines = install_commands(tmp_path, "TORCH=cpu").splitlines()
    first = next(i for i, line in enumerate(lines) if "--index-url" in line)
    cpu_index = "https://download.pytorch.org/whl/cpu"
    assert f"torch=={pinned_torch()} --index-url {cpu_index}" in lines[first]
    assert any("-r requirements.txt" in line for line in lines[first + 1:])


def test_the_lowest_versions_file_pins_each_lower_bound_of_requirements():
    pins = (ROOT / "constraints-lowest.txt").read_text()
    lowest = dict(re.findall(r"^([\w-]+)==(\S+)$", pins, re.M))
    text = (ROOT / "requirements.txt").read_text()
    bounds = dict(re.findall(r"^([\w-]+)(?:==|>=)([\d.]+)", text, re.M))
    assert bounds and {name: Version(v) for name, v in lowest.items()} == {
        name: Version(v) for name, v in bounds.items()}  # Version("2.0") == Version("2.0.0")
