"""Build one reveal.js slide deck per chapter into build/slides/, viewable with no network at all.

Usage: python tools/build_slides.py [--out DIR] [--no-verify] [NOTEBOOK ...]

Each deck is nbconvert's reveal.js template (through tools/slides/deck.html.j2) with every script
and style sheet pointed at DIR/vendor/node_modules: reveal.js and MathJax, pinned in
tools/slides/package.json and installed there by `make slides` with npm; the look is
tools/slides/course.css (system fonts, no web fonts), copied beside the decks. The addresses are
relative, so the folder can be copied or zipped as a whole.

What a deck shows is the chapter as a learner reads it, less what does not belong on a screen in
a lecture hall: cells marked `skip` (tools/course_nav.py writes the slide types) and worked
solutions (tag `solution`) are left out, `# NBVAL_...` test markers and the set-up cell's Colab
install lines (`if "google.colab" in ...:` and its block) are cut from the code, and the
"Not yet (...)" placeholder that an unanswered exercise prints is dropped; an error shown on
purpose keeps its message, not its traceback; a live widget (an explorer) says it needs
JupyterLab instead of showing its stored text, "VBox(children=...". A cell tagged `notes`
becomes the speaker notes of its slide (press S in the deck: reveal.js's notes plugin, offline).
A figure's text description (`alt` in its display metadata) becomes its alt text. A slide whose
cells would not fit a 1280×720 screen is split into steps below it (↓), each after the first
headed "... (continued)"; a list, a table or a printed output too long for one screen is cut
between items, rows or lines.
The tool exits with an error when a deck loads anything from the network or (unless --no-verify)
a file that is not there.
"""
import argparse
import base64
import copy
import html
import json
import re
import shutil
import struct
import sys
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup
from nbconvert import SlidesExporter
from traitlets.config import Config

from helpers import course

ROOT = Path(__file__).resolve().parent.parent
BOOKS = ROOT / "notebooks"
SLIDES = ROOT / "tools" / "slides"
OUT = ROOT / "build" / "slides"
VENDOR = "vendor/node_modules"  # relative to the decks
STYLE = "course.css"  # tools/slides/course.css, copied beside the decks
NETWORK = re.compile(r"^\s*([a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)  # http://, https://, //host
IN_CODE = [re.compile(r"""url\(\s*['"]?([^'")\s]+)"""),  # CSS url(...)
           re.compile(r"""@import\s+['"]([^'"]+)"""),  # CSS @import "..."
           re.compile(r"""['"]((?:[a-z]+:)?//[^'"\s]+|[^'"\s]+\.(?:m?js|css))['"]""")]  # quoted
TEST_MARKER = re.compile(r"^[ \t]*#[ \t]*NBVAL_\w+[^\n]*(\n|$)", re.MULTILINE)
COLAB_INSTALL = re.compile(  # tools/course_nav.py's block: `if "google.colab" in ...:`, indented
    r'^[ \t]*if "google\.colab" in [^\n]*(\n[ \t]+[^\n]*)*(\n[ \t]*(?=\n))*\n?', re.MULTILINE)
# A live widget as the stored notebook keeps it: no view (tools/run_notebooks.py drops those) but
# the text ipywidgets gives a box of controls, "VBox(children=(HBox(children=(FloatSlider(...".
WIDGET_TEXT = re.compile(r"^(VBox|HBox|Box|GridBox|Tab|Accordion)\(children=")
LIVE_WIDGET = "[a live widget: run this cell in JupyterLab to use it]"
PLACEHOLDER = re.compile(r"^Not yet \([^)]*\): no answer yet")
# Heights in CSS pixels on a 1280×720 slide, as tools/slides/course.css lays the cells out.
SCREEN_HEIGHT = 700  # 720 less the deck's margins
BUDGET = 620  # what the cells of one slide may take by the estimates below, which err low
LINE = {"prose": 33, "code": 25, "output": 23}  # one line of each
CHARS = {"prose": 86, "code": 104, "output": 110}  # characters per line before a wrap
IMAGE_MAX_HEIGHT = 440
OUTPUT_ONLY = "slide-output-only"  # tags the copies that carry a tall code cell's outputs


def chapter_paths():
    """Return the paths of the chapter notebooks that exist, in course order."""
    return [BOOKS / chapter[0] for chapter in course.CHAPTERS if (BOOKS / chapter[0]).exists()]


def chapter_titles():
    """Return {notebook file name: (title, summary)} from the course's chapter list."""
    return {chapter[0]: (chapter[1], chapter[2]) for chapter in course.CHAPTERS}


def vendor_packages():
    """Return the npm package names the decks may load from, as pinned in package.json."""
    return set(json.loads((SLIDES / "package.json").read_text())["dependencies"])


def slides_exporter():
    """Return nbconvert's SlidesExporter set up for offline 1280×720 decks without prompts."""
    config = Config()
    config.TagRemovePreprocessor.update(enabled=True, remove_input_tags={OUTPUT_ONLY})
    config.SlidesExporter.update(
        template_file=str(SLIDES / "deck.html.j2"), reveal_url_prefix=f"{VENDOR}/reveal.js",
        reveal_theme="white", reveal_number="c/t", reveal_width="1280", reveal_height="720",
        exclude_input_prompt=True, exclude_output_prompt=True)
    return SlidesExporter(config=config)


def slide_type(cell):
    """Return the cell's slideshow slide type, '-' when it has none."""
    return cell.metadata.get("slideshow", {}).get("slide_type", "-") or "-"


def set_slide_type(cell, kind):
    """Set the cell's slideshow slide type to `kind` (in place)."""
    cell.metadata.setdefault("slideshow", {})["slide_type"] = kind


def shown_cells(notebook):
    """Return copies of the cells a slide may show: no skipped cells or solutions, no test
    markers or Colab install lines, no placeholder outputs; cells tagged `notes` become speaker
    notes."""
    cells = []
    for cell in copy.deepcopy(notebook.cells):
        tags = cell.metadata.get("tags", [])
        if slide_type(cell) == "skip" or "solution" in tags:
            continue
        if "notes" in tags:
            set_slide_type(cell, "notes")
        if cell.cell_type == "code":
            cell.source = COLAB_INSTALL.sub("", TEST_MARKER.sub("", cell.source))
            cell.outputs = [out for out in cell.outputs if not PLACEHOLDER.match(
                "".join(out.get("text", "")))]
            for out in cell.outputs:  # an error shown on purpose: its message, not every frame
                if out.output_type == "error":
                    out.traceback = out.traceback[-1:]
                if WIDGET_TEXT.match("".join(out.get("data", {}).get("text/plain", ""))):
                    out.data = {"text/plain": LIVE_WIDGET}
        if slide_type(cell) == "notes":
            cells.append(cell)
        else:
            cells += split_markdown(cell) if cell.cell_type == "markdown" else split_code(cell)
    return cells


def text_height(text, kind):
    """Return the estimated height in pixels of `text` shown as `kind` (prose, code, output)."""
    lines = text.rstrip("\n").split("\n") if text.strip() else []
    return sum(1 + len(line) // CHARS[kind] for line in lines) * LINE[kind]


def image_height(output):
    """Return the height in pixels at which a PNG output is shown (0 if it has none)."""
    data = output.get("data", {}).get("image/png")
    if not data:
        return 0
    width, height = struct.unpack(">II", base64.b64decode(data[:64])[16:24])
    shown = output.get("metadata", {}).get("image/png", {}).get("width", width)
    return min(IMAGE_MAX_HEIGHT, round(height * shown / width))


def visible_text(markdown):
    """Return Markdown as the reader sees its length: links without their address, no marks."""
    return re.sub(r"[`*]", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown))


def table_height(block):
    """Return the estimated height in pixels of a Markdown table (rows wrap in their column)."""
    rows = [row.strip("|").split("|") for row in block.strip().split("\n")
            if not re.fullmatch(r"[\s|:-]+", row)]
    width = CHARS["prose"] * 1.1 / max(len(rows[0]), 1)  # characters per column line
    return sum(14 + 28 * max(1 + len(visible_text(c).strip()) // int(width) for c in row)
               for row in rows) + 16


def block_height(block):
    """Return the estimated height in pixels of one Markdown block (heading, math, table...)."""
    text = block.strip()
    if text.startswith("#"):
        return 70 if text.startswith(("# ", "## ")) else 52
    if text.startswith("$$"):
        tall = 80 if re.search(r"\\(frac|sum|int|big)", text) else 52
        return 16 + tall * (1 + len(text) // 120 + text.count("\\\\"))
    if text.startswith("|"):
        return table_height(text)
    if text.startswith("<p class=\"continued\">"):
        return 40
    items = len(re.findall(r"^\s*([-*]|\d+\.)\s", text, re.MULTILINE))
    lines = re.split(r"\n(?=\s*(?:[-*]|\d+\.)\s)", text) if items else [text]
    return 20 + sum(text_height(" ".join(visible_text(line).split()), "prose") for line in lines)


def markdown_blocks(source):
    """Return the top-level blocks of Markdown source: split at blank lines (not inside code
    fences or $$ math) and before every heading."""
    blocks, current, fenced, math = [], [], False, False
    for line in source.split("\n"):
        heading = not (fenced or math) and re.match(r"#{1,6}\s", line)
        if current and (heading or not (fenced or math or line.strip())):
            blocks.append("\n".join(current))
            current = []
        if heading:
            blocks.append(line)
        elif line.strip():
            current.append(line)
        fenced ^= line.lstrip().startswith("```")
        math ^= line.count("$$") % 2 == 1
    return blocks + ["\n".join(current)] * bool(current)


def split_table(block, budget):
    """Return a Markdown table as tables of consecutive rows, each under `budget` pixels; every
    part repeats the header."""
    lines = block.strip().split("\n")
    head, rows, parts = lines[:2], lines[2:], [[]]
    for row in rows:
        if parts[-1] and table_height("\n".join(head + parts[-1] + [row])) > budget:
            parts.append([])
        parts[-1].append(row)
    return ["\n".join(head + part) for part in parts]


def split_markdown(cell):
    """Return the Markdown cell as one cell per block; a heading after the first block opens a
    new step (subslide), and a table or list too tall for one screen is cut into several."""
    blocks = []
    for block in markdown_blocks(cell.source):
        tall = block_height(block) > SCREEN_HEIGHT - 140
        if tall and block.lstrip().startswith("|"):
            blocks += split_table(block, SCREEN_HEIGHT - 140)
        elif tall and re.match(r"\s*([-*]|\d+\.)\s", block):  # a long list: one block an item
            blocks += re.split(r"\n(?=(?:[-*]|\d+\.)\s)", block)
        else:
            blocks.append(block)
    cells = []
    for number, block in enumerate(blocks):
        part = copy.deepcopy(cell)
        part.source = block
        if number:
            part.id = f"{cell.id}-{number}"[:64]
            set_slide_type(part, "subslide" if block.startswith("#") else "-")
        cells.append(part)
    return cells


def markdown_height(source):
    """Return the estimated height in pixels of a Markdown cell on a slide."""
    return sum(block_height(block) for block in markdown_blocks(source))


def cell_height(cell):
    """Return the estimated height in pixels of a cell on a slide (0 for speaker notes)."""
    if slide_type(cell) == "notes":
        return 0
    if cell.cell_type == "markdown":
        return markdown_height(cell.source)
    tags = cell.metadata.get("tags", [])
    height = 0 if OUTPUT_ONLY in tags else text_height(cell.source, "code") + 32
    for output in cell.get("outputs", []):
        text = output.get("text") or output.get("data", {}).get("text/plain", "")
        image = image_height(output)
        height += image + 12 if image else text_height("".join(text), "output") + 16
    return height


def split_code(cell):
    """Return a code cell too tall for one screen as the cell without its outputs, then copies
    that each show (tagged OUTPUT_ONLY: no code) as many of its outputs as fit; a long printed
    text is cut into parts of whole lines."""
    if cell_height(cell) <= BUDGET or not cell.get("outputs"):
        return [cell]
    lines = (BUDGET - 100) // LINE["output"]
    outputs = []
    for output in cell.outputs:
        text = output.get("text", "").splitlines(keepends=True) if output.output_type == "stream" \
            else []
        outputs += [nbformat.v4.new_output("stream", name=output.name, text="".join(
            text[start:start + lines])) for start in range(0, len(text), lines)] or [output]
    parts, code = [], copy.deepcopy(cell)
    code.outputs = []
    for output in outputs:
        if not parts or cell_height(parts[-1]) + cell_height(
                nbformat.v4.new_code_cell(outputs=[output], metadata={"tags": [OUTPUT_ONLY]})) \
                > BUDGET - 40:
            parts.append(copy.deepcopy(cell))
            parts[-1].update(id=f"{cell.id}-out{len(parts)}"[:64], outputs=[])
            parts[-1].metadata["tags"] = [*cell.metadata.get("tags", []), OUTPUT_ONLY]
            set_slide_type(parts[-1], "-")
        parts[-1].outputs.append(output)
    return [code, *parts]


def heading_of(cell):
    """Return the text of the cell's first Markdown heading, or None."""
    found = re.search(r"^#{1,4}\s+(.+)$", cell.source, re.MULTILINE)
    return visible_text(found.group(1)).strip() if cell.cell_type == "markdown" and found \
        else None


def continued(title):
    """Return a Markdown cell that heads the next step of a split slide."""
    cell = nbformat.v4.new_markdown_cell(
        f'<p class="continued">{html.escape(title)} (continued)</p>')
    set_slide_type(cell, "subslide")
    return cell


def leads_in(cell, following):
    """Return whether Markdown `cell` introduces `following` and belongs on its slide: prose
    before code, or a short line such as "**Learning goals**"."""
    return cell.cell_type == "markdown" and not heading_of(cell) and \
        (following.cell_type == "code" or len(cell.source) < 80)


def fit_to_screen(cells):
    """Return the cells with a new step (subslide) opened wherever the cells of one slide
    would be taller than the screen; prose that introduces code, and a short line such as
    "**Learning goals**", moves to the next step with what it introduces."""
    out, height, title, piece = [], 0, "", []
    for cell in cells:
        kind, size = slide_type(cell), cell_height(cell)
        if kind in ("slide", "subslide"):
            height, piece, title = 0, [], heading_of(cell) or title
        elif size and piece and height + size > BUDGET:
            moved = []
            while len(piece) > 1 and leads_in(piece[-1], moved[0] if moved else cell) and \
                    40 + sum(map(cell_height, [piece[-1], *moved])) + size <= BUDGET:
                moved.insert(0, piece.pop())
            out = out[:len(out) - len(moved)]
            out.append(continued(title))
            out += moved + [cell]
            height = 40 + sum(map(cell_height, moved)) + size
            piece = moved + [cell]
            continue
        out.append(cell)
        piece.append(cell)
        height += size
    return out


def deck_notebook(path):
    """Return the chapter at `path` as its deck shows it (see the module's docstring)."""
    notebook = nbformat.read(path, as_version=4)
    cells = shown_cells(notebook)
    first = next(i for i, cell in enumerate(cells) if slide_type(cell) != "notes")
    set_slide_type(cells[first], "slide")  # as nbconvert does: the first cell opens a slide
    notebook.cells = fit_to_screen(cells)
    notebook.metadata.pop("widgets", None)
    return notebook


def loaded_addresses(html_text):
    """Return every address the deck loads: script, image and frame src, link href, CSS url(),
    @import, module imports and quoted .js/.css paths inside scripts."""
    soup = BeautifulSoup(html_text, "html.parser")
    tags = soup.find_all(["script", "img", "iframe", "source", "embed", "video", "audio"])
    found = [tag["src"] for tag in tags if tag.get("src")]
    found += [tag["href"] for tag in soup.find_all("link") if tag.get("href")]
    for tag in soup.find_all(["script", "style"]):
        found += [match for pattern in IN_CODE for match in pattern.findall(tag.string or "")]
    return [address for address in found if not address.startswith(("data:", "#"))]


def problems(html_text, deck_dir, verify=True):
    """Return what is wrong with a deck: network addresses, and (if verify) missing local files."""
    found = []
    for address in loaded_addresses(html_text):
        if NETWORK.match(address):
            found.append(f"loads from the network: {address}")
        elif verify and not (deck_dir / re.split(r"[?#]", address)[0]).is_file():
            found.append(f"missing file: {address} (remove build/slides/vendor, then make slides)")
    return found


def index_page(decks):
    """Return the HTML of the index page: each chapter's title, a link to its deck, and what
    it teaches; `decks` holds (deck file name, title, summary)."""
    items = "\n".join(f'<li><a href="{html.escape(deck)}"><span class="title">{html.escape(title)}'
                      f'</span> <span class="summary">{html.escape(summary)}</span></a></li>'
                      for deck, title, summary in decks)
    return (SLIDES / "index.html").read_text(encoding="utf-8").replace("<!-- decks -->", items)


def build(notebooks, out=OUT, verify=True):
    """Write one deck per notebook, the index and the style sheet into `out`; return
    {deck path: problems}."""
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SLIDES / STYLE, out / STYLE)
    exporter, report, decks, titles = slides_exporter(), {}, [], chapter_titles()
    for notebook in notebooks:
        page, _ = exporter.from_notebook_node(deck_notebook(notebook))
        deck = out / f"{notebook.stem}.slides.html"
        deck.write_text(page, encoding="utf-8")
        report[deck] = problems(page, out, verify)
        decks.append((deck.name, *titles.get(notebook.name, (notebook.stem, ""))))
    index = index_page(decks)
    (out / "index.html").write_text(index, encoding="utf-8")
    report[out / "index.html"] = problems(index, out, verify)
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where the decks go")
    parser.add_argument("--no-verify", action="store_true", help="skip the vendor files check")
    parser.add_argument("notebooks", nargs="*", type=Path, help="only these chapters")
    args = parser.parse_args()
    report = build(args.notebooks or chapter_paths(), args.out, verify=not args.no_verify)
    for deck, found in report.items():
        shown = deck.relative_to(Path.cwd()) if deck.is_relative_to(Path.cwd()) else deck
        print(f"{shown}: {'; '.join(found) or 'ok'}")
    return 1 if any(report.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
