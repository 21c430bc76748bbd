"""The two environment files agree, and PyTorch is pinned exactly in both."""
import re
from pathlib import Path

import yaml  # PyYAML comes with JupyterLab (jupyter-events needs it)

ROOT = Path(__file__).resolve().parent.parent
CONDA_NAMES = {"pytorch-cpu": "torch"}  # conda-forge name -> PyPI name
# The interpreter and build tools: pip builds in isolation; postBuild installs with the env's own.
NOT_PACKAGES = {"python", "pip", "setuptools"}


def requirement_lines():
    text = (ROOT / "requirements.txt").read_text()
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def conda_lines():
    dependencies = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    assert all(isinstance(spec, str) for spec in dependencies), "no pip: section (CUDA torch)"
    return [spec.replace(" ", "") for spec in dependencies]


def split(spec):
    """Return (name, version bounds) of a spec; conda's exact pin "=" is pip's "=="."""
    name, bound = re.match(r"([A-Za-z0-9_.-]+)(.*)$", spec).groups()
    return name.lower(), re.sub(r"^==?(?=\d)", "==", bound)


def test_both_files_name_the_same_packages_with_the_same_bounds():
    pip = dict(split(spec) for spec in requirement_lines())
    conda = dict(split(spec) for spec in conda_lines() if split(spec)[0] not in NOT_PACKAGES)
    conda = {CONDA_NAMES.get(name, name): bound for name, bound in conda.items()}
    assert pip == conda


def test_torch_is_pinned_exactly():
    assert "torch==2.13.0" in requirement_lines()
    assert "pytorch-cpu=2.13.0" in conda_lines()


def test_binder_uses_conda_forge_python_311_and_installs_the_helpers():
    text = (ROOT / "environment.yml").read_text()
    channels = re.search(r"channels:\n((?:\s+- .*\n)+)", text).group(1).split()
    assert [c for c in channels if c != "-"] == ["conda-forge", "nodefaults"]
    assert "  - python=3.11\n" in text
    post_build = (ROOT / "postBuild").read_text()
    assert "pip install --no-deps --no-build-isolation -e ." in post_build
