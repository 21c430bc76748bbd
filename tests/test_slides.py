"""The slide builder, tested on one made-up chapter that holds one of each thing a deck treats
specially (built once, in about a second), and on every chapter as its deck shows it (without
nbconvert). The full build of every chapter is `make slides`; `make test-slides` measures those
decks in Chromium (tests/published)."""
import base64
import io
import re

import nbformat
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tools import build_slides as slides

CHAPTERS = slides.chapter_paths()
markdown, code, output = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell, \
    nbformat.v4.new_output
PROSE = "A sentence that is long enough to need most of one line on a slide, more or less. "
ALT = 'Plot of loss against step (log scale): "SGD" & Adam.'  # quotes and & must survive
LOOP_LINES = "".join(f"step {step:4d}  loss {1000 / step:8.2f}\n" for step in range(1, 61))


def png(width, height):
    """Return base64 text of a blank PNG of `width` x `height` pixels."""
    data = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(data, format="png")
    return base64.b64encode(data.getvalue()).decode()


def slide(kind):
    """Return cell metadata giving slide type `kind`."""
    return {"slideshow": {"slide_type": kind}}


MADE_UP = [
    markdown("# 99 · Made up\n\nWhat this chapter is.", metadata=slide("slide")),
    markdown("[← 98](98.ipynb) | [Contents](00_contents.ipynb)", metadata={
        **slide("skip"), "tags": ["nav"]}),
    code('if "google.colab" in str(get_ipython()):  # on Colab: install the helpers\n'
         '    %pip install --no-deps "git+https://github.com/OWNER/REPOSITORY"\n'
         "import helpers\n\nhelpers.setup()", outputs=[output("stream", text="seed 0\n")]),
    markdown("Say this aloud: the notes.", metadata={"tags": ["notes"]}),
    markdown("## A figure", metadata=slide("slide")),
    code("helpers.plot_losses(losses)", outputs=[output(
        "display_data", data={"image/png": png(96, 48), "text/plain": "<Figure>"},
        metadata={"image/png": {"width": 48, "height": 24, "alt": ALT}})]),
    code("# NBVAL_IGNORE_OUTPUT\nanswer = None", outputs=[output(
        "stream", text="Not yet (99.1): no answer yet: replace None with your answer\n")]),
    code("answer = 42  # the worked solution", metadata={"tags": ["solution"]}),
    code("hidden_from_slides = 1", metadata=slide("skip")),
    code("helpers.learning_rate_explorer()", outputs=[output("execute_result", data={
        "text/plain": "VBox(children=(HBox(children=(FloatLogSlider(value=1e-06…"},
        execution_count=3)]),  # as stored: no widget view, only its text
    markdown("## Long\n\n" + "\n\n".join([PROSE * 3] * 12) + "\n\n## Second heading",
             metadata=slide("slide")),
    code("for step in steps:\n    print(step)", outputs=[output("stream", text=LOOP_LINES)]),
    code("model(inputs)", outputs=[output("error", ename="RuntimeError", evalue="shapes",
                                          traceback=["frame 1", "frame 2",
                                                     "RuntimeError: shapes"])]),
]
HIDDEN = ["google.colab", "%pip", "NBVAL", "no answer yet", "answer = 42", "hidden_from_slides",
          "[← 98]"]


@pytest.fixture(scope="module")
def made_up(tmp_path_factory):
    """Build the made-up chapter's deck and the index; return (build report, out dir, soup)."""
    out = tmp_path_factory.mktemp("slides")
    path = out / "99_made_up.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=MADE_UP), path)
    report = slides.build([path], out, verify=False)
    html = (out / "99_made_up.slides.html").read_text(encoding="utf-8")
    return report, out, html, BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def chapter_decks():
    """Return {chapter path: its notebook as its deck shows it} (no nbconvert: fast)."""
    return {path: slides.deck_notebook(path) for path in CHAPTERS}


def words(text):
    """Return the text with whitespace collapsed and Markdown's `code` and *emphasis* marks gone."""
    return " ".join(re.sub(r"[`*¶]", "", text).split())


def test_the_build_reports_no_problem_and_writes_an_index(made_up):
    report, out, _, _ = made_up
    assert report == {out / "99_made_up.slides.html": [], out / "index.html": []}
    assert (out / slides.STYLE).is_file()
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in index.select("a")] == ["99_made_up.slides.html"]


def test_the_deck_loads_only_pinned_vendor_files_and_the_notes_plugin(made_up):
    _, _, html, _ = made_up
    allowed = tuple(f"{slides.VENDOR}/{name}/" for name in slides.vendor_packages())
    addresses = slides.loaded_addresses(html)
    assert {"reveal.js", "mathjax"} <= {a.split("/")[2] for a in addresses if "/" in a}
    assert [a for a in addresses if not a.startswith(allowed)] == [slides.STYLE]
    assert f"{slides.VENDOR}/reveal.js/dist/plugin/notes.js" in addresses
    assert re.search(r"plugins:\s*\[RevealNotes\]", html)
    # independent of loaded_addresses: no script or style sheet names a host at all
    assert not re.search(r"""<(script|link)\b[^>]*\b(src|href)=["']?(https?:)?//""", html)
    assert not re.search(r"""import\s[^;]*?from\s*["'](https?:)?//""", html)


def test_slides_follow_the_metadata_and_open_with_their_headings(made_up):
    _, _, _, soup = made_up
    top = soup.select("div.slides > section")
    assert [words(s.find(["h1", "h2"]).get_text()) for s in top] == \
        ["99 · Made up", "A figure", "Long"]


def test_notes_become_the_speaker_notes_of_the_slide_before_them(made_up):
    _, _, _, soup = made_up
    notes = soup.select("aside.notes")
    assert [words(n.get_text()) for n in notes] == ["Say this aloud: the notes."]
    assert soup.select("div.slides > section")[0] in notes[0].parents


def test_colab_lines_markers_placeholders_solutions_and_skipped_cells_stay_off(made_up):
    _, _, _, soup = made_up
    text = soup.select_one("div.slides").get_text()
    assert [hidden for hidden in HIDDEN if hidden in text] == []
    assert "import helpers" in text and "helpers.setup()" in text and "answer = None" in text


def test_each_figure_keeps_its_description_as_alt_text(made_up):
    _, _, _, soup = made_up
    images = soup.select("div.slides img")
    assert [(img["alt"], img["width"]) for img in images] == [(ALT, "48")]


def test_a_widget_output_says_it_needs_a_live_kernel(made_up):
    _, _, html, soup = made_up
    assert html.count(slides.LIVE_WIDGET) == 1 and "VBox" not in soup.get_text()


def test_a_tall_slide_is_split_into_steps_each_headed_continued(made_up):
    _, _, _, soup = made_up
    long = soup.select("div.slides > section")[2]
    steps = long.find_all("section", recursive=False)
    headings = [s.find("h2").get_text().strip("¶") for s in steps if s.find("h2")]
    assert headings == ["Long", "Second heading"] and len(steps) > 3
    prose_steps = steps[:next(i for i, step in enumerate(steps) if i and step.find("h2"))]
    assert sum(PROSE.strip() in s.get_text() for s in prose_steps) == len(prose_steps)
    assert all(s.select_one(".continued").get_text() == "Long (continued)"
               for s in prose_steps[1:])


def test_a_long_output_is_cut_between_lines_and_an_error_keeps_its_message(made_up):
    _, _, _, soup = made_up
    shown = [s.get_text() for s in soup.select("div.slides > section")[2].find_all("section")]
    assert sum("for step in steps" in text for text in shown) == 1
    printed = [line for text in shown for line in text.splitlines() if line.startswith("step ")]
    assert printed == LOOP_LINES.splitlines()  # every line once, in order, across the steps
    assert "RuntimeError: shapes" in shown[-1] and "frame 1" not in shown[-1]


def test_every_chapter_as_its_deck_shows_it_hides_what_the_made_up_one_hides(chapter_decks):
    for path, deck in chapter_decks.items():
        original = nbformat.read(path, as_version=4).cells
        notes = [c.source for c in original if "notes" in c.metadata.get("tags", [])]
        assert [c.source for c in deck.cells if slides.slide_type(c) == "notes"] == notes
        kept = [c for c in deck.cells if slides.slide_type(c) != "notes"]
        assert not [c for c in kept if "solution" in c.metadata.get("tags", [])], path.name
        text = "\n".join(c.source + "".join(o.get("text", "") + "".join(o.get("data", {}).get(
            "text/plain", "")) for o in c.get("outputs", [])) for c in kept)
        assert [hidden for hidden in [*HIDDEN[:4], "VBox(children="] if hidden in text] == [], \
            path.name


def test_each_split_step_fits_by_its_own_estimate(chapter_decks):
    for path, notebook in chapter_decks.items():
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
