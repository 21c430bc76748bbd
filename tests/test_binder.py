"""What can be checked of the Binder set-up without Binder: the environment file is valid YAML for
a CPU-only conda-forge environment, postBuild installs the helpers package (run here with pip in
dry-run mode) and nothing else, and
the README's launch badge is one well-formed address that opens an existing notebook."""
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BINDER = re.compile(r"^\[binder\]: https://mybinder\.org/v2/gh/([\w.-]+)/([\w.-]+)/HEAD"
                    r"\?urlpath=lab/tree/(\S+\.ipynb)$", re.MULTILINE)


def test_environment_is_a_cpu_only_conda_forge_environment():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert set(environment) == {"name", "channels", "dependencies"}
    assert environment["channels"] == ["conda-forge", "nodefaults"]
    names = [re.match(r"[\w.-]+", spec).group() for spec in environment["dependencies"]]
    assert "pytorch-cpu" in names and not {"pytorch", "torch", "pytorch-gpu"} & set(names)
    assert not [name for name in names if "cuda" in name]


# Stands in for Binder's `python` on PATH: a pip install only reports what it would install, as
# into an empty environment (Binder's conda packages are not pip's to replace).
PYTHON_SHIM = """#!/bin/bash
if [ "$1 $2 $3" = "-m pip install" ]; then
    exec "{python}" "$@" --dry-run --ignore-installed --quiet --report "{report}"
fi
exec "{python}" "$@"
"""


def test_postbuild_installs_the_helpers_editable_from_the_checkout_and_nothing_else(tmp_path):
    checkout, shims, report = tmp_path / "checkout", tmp_path / "bin", tmp_path / "report.json"
    shutil.copytree(ROOT / "helpers", checkout / "helpers",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "postBuild"):
        shutil.copy2(ROOT / name, checkout / name)
    shims.mkdir()
    (shims / "python").write_text(PYTHON_SHIM.format(python=sys.executable, report=report))
    (shims / "python").chmod(0o755)
    env = {**os.environ, "PATH": f"{shims}{os.pathsep}{os.environ['PATH']}",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INDEX": "1"}  # offline: no downloads
    subprocess.run([checkout / "postBuild"], cwd=checkout, env=env, check=True, timeout=120)
    package = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"]
    installs = json.loads(report.read_text())["install"]  # conda installed the dependencies
    assert [(item["metadata"]["name"], item["download_info"]) for item in installs] == [
        (package, {"url": checkout.as_uri(), "dir_info": {"editable": True}})]


def test_postbuild_is_executable_as_git_stores_it():
    assert os.access(ROOT / "postBuild", os.X_OK)
    if (ROOT / ".git").exists():  # Binder clones the repository: the mode git stores counts
        stage = subprocess.run(["git", "ls-files", "-s", "postBuild"], cwd=ROOT, text=True,
                               capture_output=True, check=True).stdout
        assert stage.startswith("100755 ")


def test_postbuild_has_the_build_backend_pyproject_asks_for():
    pyproject = (ROOT / "pyproject.toml").read_text()
    backend = re.search(r'requires = \["(setuptools[^"]*)"\]', pyproject).group(1)
    dependencies = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    assert backend.replace(" ", "") in [spec.replace(" ", "") for spec in dependencies]


def test_readme_launch_badge_has_one_address_that_opens_chapter_01():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("mybinder.org/v2/") == 1, "define the Binder address in one place"
    notebook = BINDER.search(readme).group(3)  # owner and repository: a placeholder until set
    assert notebook == "notebooks/01_introduction.ipynb" and (ROOT / notebook).is_file()
    assert "(https://mybinder.org/badge_logo.svg)][binder]" in readme
