"""A throwaway JupyterLab server for the browser test: loopback, token, every folder temporary.

Nothing here reads or writes the user's own Jupyter set-up: HOME and every JUPYTER*/IPython
folder point into one temporary directory, which also holds the copy of the notebooks it serves.
"""
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

# Folders the server, the kernels and JupyterLab would otherwise take from HOME or the user.
FOLDER_VARIABLES = {
    "HOME": "home",
    "JUPYTER_CONFIG_DIR": "config",
    "JUPYTER_DATA_DIR": "data",
    "JUPYTER_RUNTIME_DIR": "runtime",
    "JUPYTERLAB_SETTINGS_DIR": "lab-settings",
    "JUPYTERLAB_WORKSPACES_DIR": "lab-workspaces",
    "IPYTHONDIR": "ipython",
    "MPLCONFIGDIR": "matplotlib",
}
# Variables that would make a learner's set-up leak in: the device choice, a plot backend.
DROPPED_VARIABLES = ("COURSE_DEVICE", "MPLBACKEND", "JUPYTER_PATH", "JUPYTER_CONFIG_PATH")

# User settings written before the server starts (JupyterLab reads them from its settings dir).
LAB_SETTINGS = {
    # every cell stays in the page, so the test sees (and screenshots) all of them
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    # the served files are a copy, but nothing should be written while the test reads them
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # no network: no news feed, no update check, no toast asking about them
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false",
                                                    "checkForUpdates": False},
}


def server_environment(base, environ):
    """Return a copy of `environ` whose Jupyter, IPython and HOME folders all lie under `base`."""
    base = Path(base)
    env = {k: v for k, v in environ.items() if k not in DROPPED_VARIABLES}
    for variable, folder in FOLDER_VARIABLES.items():
        env[variable] = str(base / folder)
        (base / folder).mkdir(parents=True, exist_ok=True)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def write_lab_settings(settings_dir):
    """Write LAB_SETTINGS as JupyterLab user settings files into `settings_dir`."""
    for plugin, values in LAB_SETTINGS.items():
        path = Path(settings_dir) / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))


def lab_command(root_dir, token):
    """Return the command line of a JupyterLab server on a free loopback port serving `root_dir`."""
    return [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", "--ServerApp.port=0", "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={root_dir}", f"--IdentityProvider.token={token}",
        "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly", "--ServerApp.allow_root=True",  # CI runs as root
    ]


class LabServer:
    """A running server: its base URL, token, root folder (the notebooks' copy), process, log."""

    def __init__(self, process, url, token, root_dir, log_path):
        self.process, self.url, self.token = process, url, token
        self.root_dir, self.log_path = Path(root_dir), Path(log_path)

    def api(self, path, method="GET"):
        """Return the decoded JSON answer of the server's REST API at `path`."""
        request = urllib.request.Request(f"{self.url}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            body = answer.read()
        return json.loads(body) if body else None

    def shut_down_kernels(self):
        """Close every session, so each notebook starts with a fresh kernel and no CPU is held."""
        for session in self.api("/api/sessions"):
            self.api(f"/api/sessions/{session['id']}", method="DELETE")


def wait_for_url(process, runtime_dir, log_path, timeout):
    """Return the server's URL once it has written its runtime file; fail if it died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with {process.returncode}:\n"
                               + Path(log_path).read_text(errors="replace")[-3000:])
        info_file = Path(runtime_dir) / f"jpserver-{process.pid}.json"
        try:
            return f"http://127.0.0.1:{json.loads(info_file.read_text())['port']}"
        except (OSError, ValueError, KeyError):  # not written yet, or half written
            pass
        time.sleep(0.2)
    raise TimeoutError(f"JupyterLab did not start within {timeout} s:\n"
                       + Path(log_path).read_text(errors="replace")[-3000:])


def stop(process, grace=10):
    """End the server and every kernel it started: SIGTERM to its process group, then SIGKILL
    to whatever of the group is left (a kernel outliving a crashed server included)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break  # the whole group is gone
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            pass
        if sig == signal.SIGTERM:
            time.sleep(0.5)  # the server has stopped its kernels; let them exit


@contextmanager
def running_lab(base, notebooks, timeout=90):
    """Serve a copy of `notebooks` in JupyterLab, all its state under `base`; always stop it."""
    env = server_environment(base, os.environ)
    write_lab_settings(env["JUPYTERLAB_SETTINGS_DIR"])
    root_dir = Path(base) / "notebooks"
    copy_notebooks(notebooks, root_dir)
    token = secrets.token_hex(24)
    log_path = Path(base) / "jupyterlab.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(lab_command(root_dir, token), cwd=root_dir, env=env,
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        url = wait_for_url(process, env["JUPYTER_RUNTIME_DIR"], log_path, timeout)
        server = LabServer(process, url, token, root_dir, log_path)
        server.api("/api/status")
        yield server
    finally:
        stop(process)


def copy_notebooks(source, target):
    """Copy the notebooks folder `source` to `target` (the server never sees the real files)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
