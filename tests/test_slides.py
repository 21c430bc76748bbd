"""Every chapter builds into a reveal.js deck that follows its slide metadata, hides the solutions
and loads nothing from the network (the vendor files themselves are installed by `make slides`)."""
import importlib.util
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent


def load_tool(name):
    """Return the module tools/<name>.py (tools/ is scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


slides = load_tool("build_slides")
CHAPTERS = slides.chapter_paths()


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    """Build every chapter's deck once, without vendor files; return {chapter path: html}."""
    out = tmp_path_factory.mktemp("slides")
    report = slides.build(CHAPTERS, out, verify=False)
    assert report == {out / f"{path.stem}.slides.html": [] for path in CHAPTERS}
    return {path: (out / f"{path.stem}.slides.html").read_text(encoding="utf-8")
            for path in CHAPTERS}


@pytest.fixture(scope="module")
def slide_lists(decks):
    """Return {chapter path: the deck's top-level <section> elements (its slides)}."""
    return {path: BeautifulSoup(html, "html.parser").select("div.slides > section")
            for path, html in decks.items()}


def cells_of(path):
    """Return (slide type, cell) pairs; like nbconvert, the first cell shown opens a slide."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    pairs = [(c["metadata"].get("slideshow", {}).get("slide_type", "-"), c)
             for c in notebook["cells"]]
    first = next(i for i, (kind, _) in enumerate(pairs) if kind not in ("skip", "notes"))
    pairs[first] = ("slide", pairs[first][1])
    return pairs


def words(text):
    """Return the text with whitespace collapsed and Markdown's `code` and *emphasis* marks gone."""
    return " ".join(re.sub(r"[`*¶]", "", text).split())


def test_a_deck_is_built_for_every_chapter(decks):
    assert CHAPTERS and list(decks) == CHAPTERS


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_deck_loads_only_pinned_vendor_files(decks, path):
    html = decks[path]
    allowed = tuple(f"{slides.VENDOR}/{name}/" for name in slides.vendor_packages())
    addresses = slides.loaded_addresses(html)
    assert {"reveal.js", "requirejs", "jquery", "mathjax"} <= {a.split("/")[2] for a in addresses}
    assert [a for a in addresses if not a.startswith(allowed)] == []
    # independent of loaded_addresses: no script or style sheet names a host at all
    assert not re.search(r"""<(script|link)\b[^>]*\b(src|href)=["']?(https?:)?//""", html)
    assert not re.search(r"""import\s[^;]*?from\s*["'](https?:)?//""", html)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_slides_and_subslides_follow_the_metadata(slide_lists, path):
    kinds = [kind for kind, _ in cells_of(path)]
    top = slide_lists[path]
    assert len(top) == kinds.count("slide")
    assert sum(len(s.find_all("section", recursive=False)) for s in top) == \
        kinds.count("slide") + kinds.count("subslide")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_each_slide_opens_with_its_heading(slide_lists, path):
    titles = ["".join(c["source"]).lstrip("# ").splitlines()[0]
              for kind, c in cells_of(path) if kind == "slide"]
    top = slide_lists[path]
    assert [words(s.find(["h1", "h2"]).get_text()) for s in top] == [words(t) for t in titles]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_skipped_cells_and_solutions_are_not_in_the_deck(slide_lists, path):
    text = words(" ".join(section.get_text() for section in slide_lists[path]))
    hidden = [c for kind, c in cells_of(path) if kind == "skip"]
    shown = [c for kind, c in cells_of(path) if kind != "skip" and c["cell_type"] == "code"]
    solutions = [c for _, c in cells_of(path) if "solution" in c["metadata"].get("tags", [])]
    assert solutions and all(c in hidden for c in solutions), \
        f"{path.name}: solutions would show: run tools/course_nav.py {path.name}"
    for cell in hidden:
        assert words("".join(cell["source"])) not in text
    for cell in shown:  # the same search does find code that is shown
        assert words("".join(cell["source"])) in text


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_each_widget_output_says_it_needs_a_live_kernel(decks, path):
    widgets = [o for kind, c in cells_of(path) if kind != "skip" for o in c.get("outputs", [])
               if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert decks[path].count("[a live widget: run this cell in JupyterLab") == len(widgets)


def test_network_and_missing_files_are_reported(tmp_path):
    html = ("<link href='//cdn.example/x.css'><script src='https://cdn.example/x.js'></script>"
            "<script type='module'>import m from 'https://cdn.example/m.mjs';</script>"
            "<style>@import url(http://cdn.example/y.css);</style>"
            "<script src='vendor/here.js'></script><img src='data:image/png;base64,AAAA'>")
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "here.js").write_text("")
    found = slides.problems(html, tmp_path)
    assert len(found) == 4 and all("network" in line for line in found)
    (tmp_path / "vendor" / "here.js").unlink()
    assert "missing file: vendor/here.js (remove build/slides/vendor, then make slides)" in \
        slides.problems(html, tmp_path)
    assert len(slides.problems(html, tmp_path, verify=False)) == 4
