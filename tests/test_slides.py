"""Every chapter builds into a reveal.js deck that follows its slide metadata, leaves out solutions,
test markers and placeholder outputs, and loads nothing from the network (the vendor files
themselves are installed by `make slides`; tests/published measures the decks in Chromium)."""
import json
import re
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from tools import build_slides as slides

ROOT = Path(__file__).resolve().parent.parent

CHAPTERS = slides.chapter_paths()


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    """Build every chapter's deck once, without vendor files; return {chapter path: html}."""
    out = tmp_path_factory.mktemp("slides")
    report = slides.build(CHAPTERS, out, verify=False)
    assert report == {out / f"{path.stem}.slides.html": [] for path in CHAPTERS} | \
        {out / "index.html": []}
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
    assert {"reveal.js", "mathjax"} <= {a.split("/")[2] for a in addresses if "/" in a}
    assert [a for a in addresses if not a.startswith(allowed)] == [slides.STYLE]
    # independent of loaded_addresses: no script or style sheet names a host at all
    assert not re.search(r"""<(script|link)\b[^>]*\b(src|href)=["']?(https?:)?//""", html)
    assert not re.search(r"""import\s[^;]*?from\s*["'](https?:)?//""", html)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_slides_and_subslides_follow_the_metadata(slide_lists, path):
    kinds = [slides.slide_type(cell) for cell in slides.deck_notebook(path).cells]
    top = slide_lists[path]
    assert len(top) == kinds.count("slide") == [kind for kind, _ in cells_of(path)].count("slide")
    assert sum(len(s.find_all("section", recursive=False)) for s in top) == \
        kinds.count("slide") + kinds.count("subslide")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_each_slide_opens_with_its_heading(slide_lists, path):
    titles = ["".join(c["source"]).lstrip("# ").splitlines()[0]
              for kind, c in cells_of(path) if kind == "slide"]
    top = slide_lists[path]
    assert [words(s.find(["h1", "h2"]).get_text()) for s in top] == [words(t) for t in titles]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_skipped_cells_solutions_markers_and_placeholders_are_not_in_the_deck(slide_lists, path):
    text = words(" ".join(section.get_text() for section in slide_lists[path]))
    hidden = [c for kind, c in cells_of(path) if kind == "skip"]
    shown = [c for kind, c in cells_of(path) if kind != "skip" and c["cell_type"] == "code"]
    solutions = [c for _, c in cells_of(path) if "solution" in c["metadata"].get("tags", [])]
    for cell in hidden + solutions:  # (worked solutions may also live in notebooks/solutions/)
        assert words("".join(cell["source"])) not in text
    for cell in shown:  # the same search does find code that is shown, less its test markers
        source = "".join(line for line in cell["source"] if not line.lstrip().startswith("# NBVAL"))
        assert words(source) in text
    assert "NBVAL" not in text and "no answer yet" not in text


def test_notes_solutions_markers_placeholders_and_tall_slides(tmp_path):
    """A made-up chapter with one of each thing the deck treats specially."""
    cell, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    prose = "A sentence that is long enough to need most of one line on a slide, more or less. "
    cells = [cell("# Title"), cell("Say this aloud: the notes.", metadata={"tags": ["notes"]}),
             code("# NBVAL_IGNORE_OUTPUT\nanswer = None", outputs=[nbformat.v4.new_output(
                 "stream", text="Not yet (99.1): no answer yet: replace None with your answer\n")]),
             code("answer = 42  # the worked solution", metadata={"tags": ["solution"]}),
             cell("## Long\n\n" + "\n\n".join([prose * 3] * 12) + "\n\n## Second heading",
                  metadata={"slideshow": {"slide_type": "slide"}})]
    path = tmp_path / "99_made_up.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    slides.build([path], tmp_path, verify=False)
    soup = BeautifulSoup((tmp_path / "99_made_up.slides.html").read_text(), "html.parser")
    top = soup.select("div.slides > section")
    notes = soup.select("aside.notes")
    assert [words(n.get_text()) for n in notes] == ["Say this aloud: the notes."]
    assert top[0] in notes[0].parents
    text = soup.select_one("div.slides").get_text()
    assert "answer = None" in text and "NBVAL" not in text and "no answer yet" not in text
    assert "answer = 42" not in text
    steps = top[1].find_all("section", recursive=False)
    assert len(top) == 2 and [s.find("h2").get_text().strip("¶") for s in steps if s.find("h2")] \
        == ["Long", "Second heading"]
    assert sum(prose.strip() in s.get_text() for s in steps for _ in [0]) == len(steps) - 1
    assert all(s.select_one(".continued").get_text() == "Long (continued)"
               for s in steps[1:-1])


def test_a_long_output_and_an_error_are_cut_to_fit(tmp_path):
    lines = "".join(f"step {step:4d}  loss {1000 / step:8.2f}\n" for step in range(1, 61))
    error = nbformat.v4.new_output("error", ename="RuntimeError", evalue="shapes",
                                   traceback=["frame 1", "frame 2", "RuntimeError: shapes"])
    cells = [nbformat.v4.new_markdown_cell("# Title"),
             nbformat.v4.new_code_cell("for step in steps:\n    print(step)", outputs=[
                 nbformat.v4.new_output("stream", name="stdout", text=lines)]),
             nbformat.v4.new_code_cell("model(inputs)", outputs=[error])]
    path = tmp_path / "98_made_up.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    slides.build([path], tmp_path, verify=False)
    soup = BeautifulSoup((tmp_path / "98_made_up.slides.html").read_text(), "html.parser")
    steps = soup.select("div.slides > section > section")
    shown = [s.get_text() for s in steps]
    assert len(steps) >= 3 and sum("for step in steps" in text for text in shown) == 1
    printed = [line for text in shown for line in text.splitlines() if line.startswith("step ")]
    assert printed == lines.splitlines()  # every line once, in order, across the steps
    assert "RuntimeError: shapes" in shown[-1] and "frame 1" not in shown[-1]


def test_each_split_step_fits_by_its_own_estimate():
    for path in CHAPTERS:
        notebook = slides.deck_notebook(path)
        pieces = [[]]
        for cell in notebook.cells:
            if slides.slide_type(cell) in ("slide", "subslide"):
                pieces.append([])
            pieces[-1].append(cell)
        for piece in pieces[1:]:
            sizes = [slides.cell_height(cell) for cell in piece]
            assert sum(sizes) <= slides.BUDGET or sum(size > 0 for size in sizes) <= 2, \
                (path.name, [cell.source[:40] for cell in piece], sizes)


def test_markdown_blocks_keep_math_code_and_tables_whole():
    source = ("## Head\nText on\ntwo lines.\n\n$$a = b\n\n+ c$$\n\n```python\nx = 1\n\n"
              "y = 2\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n### Next")
    blocks = slides.markdown_blocks(source)
    assert blocks == ["## Head", "Text on\ntwo lines.", "$$a = b\n+ c$$",
                      "```python\nx = 1\ny = 2\n```", "| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |",
                      "### Next"]
    parts = slides.split_table(blocks[4], slides.table_height("| a |\n| - |\n| 1 |") + 1)
    assert parts == ["| a | b |\n| - | - |\n| 1 | 2 |", "| a | b |\n| - | - |\n| 3 | 4 |"]


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
