"""Every page of `make site` opened in headless Chromium with the network refused: each loads with
no error and no request beyond the local server, its math is typeset, every link within the site
leads to a page (and anchor) that exists, and every image has alt text. The search page finds a
chapter, the lesson pages hold no worked solution, and a printed chapter (the download button's
PDF is the browser's print) shows no navigation and cuts no code line. Run by `make test-site`,
which prints the counts."""
import functools
import json
import re
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD, NO_ALT_JS
from helpers.course import CHAPTERS

SITE = BUILD / "site"
PAGES = sorted(page.relative_to(SITE).as_posix() for page in SITE.rglob("*.html")
               if "_static" not in page.parts and "_sources" not in page.parts)
TABLE = "site pages, network refused (make test-site)"
# Waits for MathJax (when the page loads it), then returns the page's links and what it shows.
PAGE_JS = """async () => {
  if (window.MathJax && MathJax.startup) await MathJax.startup.promise;
  const main = document.querySelector('main') || document.body;
  const prose = [...main.querySelectorAll('p, li, td, th, h1, h2, h3')]
    .filter(e => !e.closest('pre, code, .cell_output')).map(e => e.textContent).join(' ');
  return {links: [...document.querySelectorAll('a[href]')].map(a => a.href),
          math: document.querySelectorAll('mjx-container').length,
          rawTex: /\\$[^$\\s][^$]*\\$|\\\\\\(|\\\\\\[/.test(prose), text: main.innerText};
}"""

pytestmark = pytest.mark.browser


@functools.cache
def ids_in(page):
    """Return the element ids of a built page (the anchors a link may point at)."""
    soup = BeautifulSoup((SITE / page).read_text(encoding="utf-8"), "html.parser")
    return {tag["id"] for tag in soup.find_all(id=True)}


def broken_links(links, base):
    """Return the links into the site whose page, or anchor on it, does not exist."""
    broken = []
    for link in links:
        address, anchor = urldefrag(link)
        if not address.startswith(base + "/"):
            continue  # a page elsewhere (the repository, Binder, Colab): only linked to
        path = unquote(address[len(base) + 1:]) or "index.html"
        path = path + "index.html" if path.endswith("/") else path
        if not (SITE / path).is_file():
            broken.append(link)
        elif anchor and path.endswith(".html") and anchor not in ids_in(path):
            broken.append(link)
    return broken


def test_the_site_has_a_page_for_every_chapter():
    assert {"index.html", "search.html"} <= set(PAGES), "run make site first"
    assert {f"notebooks/{chapter[0].removesuffix('.ipynb')}.html" for chapter in CHAPTERS} \
        <= set(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_offline_with_working_links(offline_page, build_server, record_property,
                                               page):
    base = f"{build_server}/site"
    offline_page.goto(f"{base}/{page}", wait_until="load")
    shown = offline_page.evaluate(PAGE_JS)
    no_alt = offline_page.eval_on_selector_all("img", NO_ALT_JS)
    broken = broken_links(sorted(set(shown["links"])), base)
    record_property("measured", (TABLE, page, {
        "links": len(set(shown["links"])), "broken links": len(broken),
        "math shown": shown["math"], "raw-TeX": int(shown["rawTex"]), "images no alt": len(no_alt),
        "network reqs": len(offline_page.network), "broken loads": len(offline_page.broken)}))
    assert (broken, shown["rawTex"], no_alt, offline_page.network, offline_page.broken) == \
        ([], False, [], [], []), (page, broken, no_alt, offline_page.network, offline_page.broken)
    source = SITE / "_sources" / Path(page).with_suffix(".ipynb")
    if page.startswith("notebooks/") and "/solutions/" not in page and source.is_file():
        cells = json.loads((BUILD.parent / page.replace(".html", ".ipynb")).read_text())["cells"]
        words = " ".join(shown["text"].split())
        solutions = [" ".join("".join(c["source"]).split()) for c in cells
                     if "solution" in c["metadata"].get("tags", [])]
        assert not [s for s in solutions if s[:60] in words], f"{page} shows a worked solution"
        if any("$" in "".join(c["source"]) for c in cells if c["cell_type"] == "markdown"):
            assert shown["math"] > 0, f"{page}: its math was not typeset"
        links = " ".join(shown["links"])
        assert "mybinder.org" in links and "colab.research.google.com" in links


def test_search_finds_a_chapter_offline(offline_page, build_server):
    offline_page.goto(f"{build_server}/site/search.html?q=gradcheck", wait_until="load")
    offline_page.wait_for_selector("#search-results li a", timeout=20_000)
    found = offline_page.eval_on_selector_all("#search-results li a",
                                              "links => links.map(a => a.getAttribute('href'))")
    assert any("05_custom_autograd_function" in link for link in found), found
    assert (offline_page.network, offline_page.broken) == ([], [])


PRINT_JS = """async () => {
  if (window.MathJax && MathJax.startup) await MathJax.startup.promise;
  const shown = s => [...document.querySelectorAll(s)].filter(e => e.getClientRects().length);
  return {navigation: shown('.bd-sidebar-primary, .bd-sidebar-secondary, .bd-header').length,
          cut: shown('pre').filter(pre => pre.scrollWidth > pre.clientWidth + 1)
                 .map(pre => pre.textContent.slice(0, 60)),
          figures: shown('img[src*="_images/"]').length};
}"""


@pytest.mark.parametrize("chapter", [chapter[0] for chapter in CHAPTERS])
def test_a_printed_chapter_keeps_its_figures_and_cuts_no_code(offline_page, build_server,
                                                              record_property, chapter):
    page = f"notebooks/{chapter.removesuffix('.ipynb')}.html"
    offline_page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    offline_page.goto(f"{build_server}/site/{page}", wait_until="load")
    offline_page.emulate_media(media="print")
    printed = offline_page.evaluate(PRINT_JS)
    pdf = offline_page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    record_property("measured", ("printed chapters, A4 (make test-site)", page, {
        "PDF pages": pages, "figures": printed["figures"], "code cut": len(printed["cut"]),
        "navigation": printed["navigation"], "network reqs": len(offline_page.network)}))
    assert pages > 0 and pdf.startswith(b"%PDF")
    assert (printed["navigation"], printed["cut"], offline_page.network, offline_page.broken) == \
        (0, [], [], []), (page, printed, offline_page.network, offline_page.broken)
