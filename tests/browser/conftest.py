"""Fixtures of the browser test: one JupyterLab server and one headless Chromium per session.

Both are always shut down, also when a test fails: the server's whole process group (kernels
included) is ended in `running_lab`'s finally, Chromium by Playwright's context managers.
"""
import tempfile
import time

import pytest
from lab_server import running_lab
from notebook_page import notebooks_dir

from tools.chromium import headless_chromium

TIMINGS = {}  # notebook name -> {step: seconds (or what the slider did), 'total': seconds}


@pytest.fixture(scope="session")
def lab():
    """A JupyterLab server on loopback serving a temporary copy of the notebooks."""
    with tempfile.TemporaryDirectory(prefix="course-browser-test-") as base:
        with running_lab(base, notebooks_dir()) as server:
            yield server


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from the system package, started by Playwright (never downloaded)."""
    with headless_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def browser_context(browser):
    """One browser profile for the run: JupyterLab's scripts load from its cache after the first."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(browser_context, lab):
    """A new browser tab that collects console errors, uncaught page errors and HTTP errors."""
    tab = browser_context.new_page()
    tab.console_errors = []
    tab.on("console", lambda message: message.type == "error"
           and tab.console_errors.append(f"console error: {message.text}"))
    tab.on("pageerror", lambda error: tab.console_errors.append(f"page error: {error}"))
    tab.on("response", lambda response: response.status >= 400 and tab.console_errors.append(
        f"HTTP {response.status} for {response.url.split('?')[0]}"))
    try:
        yield tab
    finally:
        tab.close()
        lab.shut_down_kernels()


@pytest.fixture
def timer(request):
    """A dict the test fills with the seconds of each step; kept with the total for the summary."""
    phases, start = {}, time.perf_counter()
    yield phases
    name = phases.pop("name", request.node.name)
    TIMINGS[name] = dict(phases, total=time.perf_counter() - start)


def pytest_terminal_summary(terminalreporter):
    """Print each notebook's time in the browser, step by step, and the total."""
    if TIMINGS:
        terminalreporter.section("seconds in JupyterLab: open (page, kernel), run all cells, total")
        for name, phases in TIMINGS.items():
            steps = ", ".join(f"{step} {value:.1f}" if isinstance(value, float)
                              else f"{step} {value}" for step, value in phases.items())
            terminalreporter.write_line(f"{name[:50]:50s} {steps}")
        total = sum(phases["total"] for phases in TIMINGS.values())
        terminalreporter.write_line(f"{'all notebooks':50s} total {total:.1f}")
