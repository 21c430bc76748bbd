"""notebooks/glossary.ipynb: Markdown only (nothing to execute), one entry per cell in alphabetical
order, each linking the chapter that introduces it (a chapter that exists and uses the term); and
every `glossary.ipynb#slug` link in the chapters and their solutions names an entry.

A slug is the headword lowercased, spaces to '-', backticks dropped (underscores kept), which is
the id the site (MyST, `myst_heading_anchors`) gives the heading. JupyterLab gives a heading the id
of its text with spaces to '-' but the case kept, so an entry whose headword has capitals (Adam,
Hessian) also carries an explicit `<a id="slug"></a>` that JupyterLab finds instead."""
import json
import re
from pathlib import Path

import pytest

from helpers.course import CHAPTERS

BOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CHAPTER_FILES = {chapter.file for chapter in CHAPTERS}
HEADING = re.compile(r"^## (.+)$", re.MULTILINE)
INTRODUCED = re.compile(r"^\*Introduced in \[chapter (\d\d)\]\((\d\d_\w+\.ipynb)\)\.\*$",
                        re.MULTILINE)
ANCHOR = re.compile(r'^<a id="([\w-]+)"></a>$', re.MULTILINE)
GLOSSARY_LINK = re.compile(r"\]\(((?:\.\./)?)glossary\.ipynb#([^)\s]*)\)")  # (../, slug)


def read(path):
    """Return the notebook at `path` as a dict."""
    return json.loads(path.read_text(encoding="utf-8"))


def text_of(cell):
    """Return a cell's source as one string."""
    return "".join(cell["source"])


def slug(headword):
    """Return the anchor a chapter links to for `headword` (the rule in the module docstring)."""
    return headword.replace("`", "").lower().replace(" ", "-")


def lab_id(headword):
    """Return the id JupyterLab 4 gives a heading: its text, spaces to '-' (createHeaderId)."""
    return headword.replace("`", "").replace(" ", "-")


GLOSSARY = read(BOOKS / "glossary.ipynb")
ENTRIES = [cell for cell in GLOSSARY["cells"] if HEADING.search(text_of(cell))]


def headword(cell):
    """Return the entry's headword, as its heading writes it."""
    return HEADING.search(text_of(cell)).group(1)


SLUGS = [slug(headword(cell)) for cell in ENTRIES]


def test_the_glossary_is_markdown_only_titled_and_in_alphabetical_order():
    cells = GLOSSARY["cells"]
    assert {cell["cell_type"] for cell in cells} == {"markdown"}, "no code cells: nothing to run"
    assert text_of(cells[0]).startswith("# Glossary\n")
    assert len(ENTRIES) >= 24 and SLUGS == sorted(SLUGS), SLUGS
    assert len(set(SLUGS)) == len(SLUGS), "one entry per term"
    assert all(len(HEADING.findall(text_of(cell))) == 1 for cell in ENTRIES), "one entry a cell"


def test_every_entry_can_be_reached_by_its_slug_in_jupyterlab_and_on_the_site():
    for cell, name in zip(ENTRIES, SLUGS, strict=True):
        text = text_of(cell)
        anchors = ANCHOR.findall(text)
        assert re.fullmatch(r"[a-z0-9_-]+", name), name  # the site's slug is the same text
        assert lab_id(headword(cell)) == name or anchors == [name], (
            f"{headword(cell)}: JupyterLab's heading id is {lab_id(headword(cell))!r}; "
            f'start the cell with <a id="{name}"></a>')
        if anchors:
            assert text.startswith(f'<a id="{name}"></a>\n\n## '), "anchor just above the heading"


def test_the_index_at_the_top_links_every_entry_in_order():
    assert re.findall(r"\]\(#([^)]+)\)", text_of(GLOSSARY["cells"][0])) == SLUGS


@pytest.mark.parametrize("cell", ENTRIES, ids=SLUGS)
def test_entry_is_short_and_links_the_chapter_that_introduces_it(cell):
    text = text_of(cell)
    introduced = INTRODUCED.findall(text)
    assert len(introduced) == 1, f"{headword(cell)}: one '*Introduced in [chapter NN](file).*'"
    number, file = introduced[0]
    assert file in CHAPTER_FILES and file.startswith(number), file
    body = HEADING.split(text)[-1].split("*Introduced in")[0]
    sentences = re.findall(r"[.!?](?:\s|$)", re.sub(r"`[^`]*`|\$[^$]*\$", "x", body))
    assert 1 <= len(sentences) <= 3, f"{headword(cell)}: 1-3 sentences, has {len(sentences)}"
    chapter = " ".join(text_of(c) for c in read(BOOKS / file)["cells"]).lower()
    term = headword(cell).replace("`", "").lower()
    assert term in chapter, f"{headword(cell)}: chapter {number} never mentions {term!r}"


def test_links_between_entries_name_entries():
    for cell in ENTRIES:
        targets = re.findall(r"\]\(#([^)]+)\)", text_of(cell))
        assert set(targets) <= set(SLUGS), f"{headword(cell)}: {set(targets) - set(SLUGS)}"


def test_every_glossary_link_in_the_chapters_and_solutions_names_an_entry():
    broken = {}
    for path in sorted(BOOKS.glob("*.ipynb")) + sorted(BOOKS.glob("solutions/*.ipynb")):
        for cell in read(path)["cells"]:
            if cell["cell_type"] == "markdown":
                prefix = "../" if path.parent.name == "solutions" else ""
                missing = {f"{up}glossary.ipynb#{name}" for up, name
                           in GLOSSARY_LINK.findall(text_of(cell))
                           if name not in SLUGS or up != prefix}
                if missing:
                    broken.setdefault(str(path.relative_to(BOOKS)), set()).update(missing)
    assert not broken, f"links to no glossary entry (slugs: {SLUGS}): {broken}"


def test_the_link_pattern_finds_links_and_their_slugs():
    text = "[tensor](glossary.ipynb#tensor), [`grad_fn`](../glossary.ipynb#grad_fn) [x](o.ipynb#y)"
    assert GLOSSARY_LINK.findall(text) == [("", "tensor"), ("../", "grad_fn")]
