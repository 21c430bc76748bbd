"""The browser test's JupyterLab never touches the user's own Jupyter set-up (runs in `make test`,
no browser needed)."""
import json
from pathlib import Path

from lab_server import (
    DROPPED_VARIABLES,
    FOLDER_VARIABLES,
    lab_command,
    server_environment,
    write_lab_settings,
)

USER = {"HOME": "/home/learner", "JUPYTER_CONFIG_DIR": "/home/learner/.jupyter",
        "JUPYTERLAB_SETTINGS_DIR": "/home/learner/.jupyter/lab/user-settings",
        "COURSE_DEVICE": "cuda", "JUPYTER_PATH": "/home/learner/share", "PATH": "/usr/bin"}


def test_every_jupyter_folder_and_home_lie_in_the_temporary_folder(tmp_path):
    env = server_environment(tmp_path, USER)
    for variable in FOLDER_VARIABLES:
        assert Path(env[variable]).parent == tmp_path and Path(env[variable]).is_dir()
    assert not any("/home/learner" in value for value in env.values())
    assert not set(DROPPED_VARIABLES) & set(env) and env["PATH"] == "/usr/bin"
    assert {"JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_WORKSPACES_DIR",
            "IPYTHONDIR"} <= set(FOLDER_VARIABLES)


def test_the_server_listens_on_loopback_only_with_a_token(tmp_path):
    command = lab_command(tmp_path, "secret-token")
    assert "--ServerApp.ip=127.0.0.1" in command and "--ServerApp.port=0" in command
    assert "--IdentityProvider.token=secret-token" in command
    assert f"--ServerApp.root_dir={tmp_path}" in command
    assert not any(part.startswith("--ip") or "0.0.0.0" in part for part in command)


def test_cell_windowing_is_off_in_the_written_settings(tmp_path):
    write_lab_settings(tmp_path)
    tracker = tmp_path / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    assert json.loads(tracker.read_text()) == {"windowingMode": "none"}
