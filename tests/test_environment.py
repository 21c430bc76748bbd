"""The two environment files agree, PyTorch is pinned to one exact version in both, and Binder's
Python is one the package supports."""
import re
import tomllib
from pathlib import Path

import yaml  # PyYAML comes with JupyterLab (jupyter-events needs it)
from packaging.specifiers import SpecifierSet  # comes with JupyterLab too

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


def test_torch_is_pinned_to_one_exact_version():
    # an unpinned or ranged torch lets pip pick a multi-GB CUDA build or an untested release
    bounds = [bound for name, bound in map(split, requirement_lines()) if name == "torch"]
    assert len(bounds) == 1 and re.fullmatch(r"==\d+(\.\d+)*", bounds[0]), bounds


def test_binder_python_is_one_the_package_supports():
    pythons = [spec for spec in conda_lines() if split(spec)[0] == "python"]
    assert len(pythons) == 1 and split(pythons[0])[1].startswith("=="), pythons
    supported = SpecifierSet(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "requires-python"])
    assert split(pythons[0])[1].removeprefix("==") in supported
