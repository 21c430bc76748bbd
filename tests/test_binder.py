"""What can be checked of the Binder set-up without Binder: the environment file is valid YAML for
a CPU-only conda-forge environment, postBuild is an executable script that installs helpers, and
the README's launch badge is one well-formed address that opens an existing notebook."""
import os
import re
import subprocess
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


def test_postbuild_is_an_executable_script_that_installs_the_helpers():
    path = ROOT / "postBuild"
    assert os.access(path, os.X_OK)
    text = path.read_text()
    assert text.startswith("#!/bin/bash\n") and "set -euo pipefail" in text
    assert "pip install --no-deps --no-build-isolation -e ." in text
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
