"""Fixtures of the Chromium checks of what `make slides` and `make site` publish (marker
`browser`, so plain pytest leaves them out): a loopback web server over build/, and a headless
Chromium tab at 1280×720 that refuses every request to anywhere else and records it.

Each test records its counts with `record_property("measured", (table, row, {column: count}))`;
they are printed at the end of the run, passing or failing, also from pytest-xdist's workers.
"""
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tools.chromium import headless_chromium

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
# Names resolve to nothing but loopback: a second wall behind the routing (which sees and refuses
# every request first).
LOOPBACK_ONLY = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
SCREEN = {"width": 1280, "height": 720}
# Returns the images of the page (given as their list) whose alt text says nothing: none, empty,
# nbconvert's stand-in, or a file name (Sphinx's stand-in); each as the start of its address.
NO_ALT_JS = r"""images => images.filter(img => {
  const alt = (img.getAttribute('alt') || '').trim();
  return !alt || alt === 'No description has been provided for this image'
    || /\.(png|svg|jpe?g|gif|webp)$/i.test(alt);
}).map(img => (img.getAttribute('src') || '').slice(0, 80))"""


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files from build/ without a log line per request."""

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def build_server():
    """Return the base address of a web server on 127.0.0.1 serving build/ (ended afterwards)."""
    handler = functools.partial(QuietHandler, directory=str(BUILD))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def chromium():
    """Headless Chromium from the system package, started by Playwright (never downloaded)."""
    with headless_chromium(LOOPBACK_ONLY) as browser:
        yield browser


@pytest.fixture(scope="session")
def offline_context(chromium, build_server):
    """One 1280×720 browser profile (its cache shared by the pages) whose requests beyond the
    build server are refused; each refused address is added to `.network`."""
    context = chromium.new_context(viewport=SCREEN, service_workers="block")
    context.network = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(build_server + "/"):
            request_route.continue_()
        else:
            context.network.append(url)
            request_route.abort("blockedbyclient")

    context.route("**/*", route)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def offline_page(offline_context):
    """A new tab of `offline_context`; `.network` lists the requests it made beyond the build
    server (all refused), `.broken` the local loads that failed and the errors the page raised."""
    page = offline_context.new_page()
    offline_context.network.clear()
    page.network, page.broken = offline_context.network, []
    page.on("response", lambda response: response.status >= 400 and page.broken.append(
        f"HTTP {response.status} for {response.url}"))
    page.on("pageerror", lambda error: page.broken.append(f"page error: {error}"))
    try:
        yield page
    finally:
        page.close()


def pytest_terminal_summary(terminalreporter):
    """Print every count measured, one table per kind of page, one row per deck or page."""
    tables = {}
    for report in [r for key in ("passed", "failed") for r in terminalreporter.stats.get(key, [])]:
        for name, value in getattr(report, "user_properties", []):
            if name == "measured" and report.when == "call":
                title, row, counts = value
                tables.setdefault(title, {})[row] = counts
    for title, rows in tables.items():
        terminalreporter.section(title)
        columns = list(next(iter(rows.values())))
        terminalreporter.write_line(f"{'':34s}" + "".join(f"{c:>16s}" for c in columns))
        for name, counts in sorted(rows.items()):
            terminalreporter.write_line(f"{name[:34]:34s}" +
                                        "".join(f"{counts[c]:>16d}" for c in columns))
        terminalreporter.write_line(f"{'all':34s}" + "".join(
            f"{sum(counts[c] for counts in rows.values()):>16d}" for c in columns))
