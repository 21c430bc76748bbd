"""Headless Chromium for the browser checks: the system's package, started by Playwright."""
import contextlib
import os
import tempfile
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Flags for a headless run as root in a container with no GPU and no network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@contextlib.contextmanager
def headless_chromium(extra_args=()):
    """Yield a Playwright Browser of the system's Chromium (never downloaded), in its own HOME."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's package "
                    "(apt-get install chromium) or set CHROMIUM=/path/to/chromium", pytrace=False)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="course-chromium-home-") as home:
        # its own HOME: Chromium writes crash-report folders under ~/.config even when headless
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/.config",
                   XDG_CACHE_HOME=f"{home}/.cache")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                 args=[*CHROMIUM_ARGS, *extra_args], env=env)
            try:
                yield browser
            finally:
                browser.close()
