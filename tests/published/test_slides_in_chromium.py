"""Every deck of `make slides` shown in headless Chromium at 1280×720 with the network refused:
each slide, one by one, is measured for height, for code or output lines cut off at the side and
for TeX left unrendered; every image must have alt text and every request beyond the local server
is counted. Each deck holds its chapter's speaker notes, and the speaker view (press S) shows
them offline. Run by `make test-slides`, which prints the counts (zero is the target for every
one of them)."""
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD, NO_ALT_JS
from helpers.course import CHAPTERS

SLIDES = BUILD / "slides"
DECKS = sorted(SLIDES.glob("*.slides.html"))
TABLE = "slides at 1280x720, network refused (make test-slides)"

MEASURE_JS = (Path(__file__).parent / "measure_slides.js").read_text(encoding="utf-8")


pytestmark = pytest.mark.browser


def test_every_chapter_has_a_deck():
    assert [deck.name for deck in DECKS] == \
        sorted(f"{chapter[0].removesuffix('.ipynb')}.slides.html" for chapter in CHAPTERS), \
        "run make slides first"


@pytest.mark.parametrize("deck", DECKS, ids=lambda deck: deck.name.split(".")[0])
def test_every_slide_fits_the_screen_offline(offline_page, build_server, record_property, deck):
    offline_page.goto(f"{build_server}/slides/{deck.name}", wait_until="load")
    found = offline_page.evaluate(MEASURE_JS)
    no_alt = offline_page.eval_on_selector_all(".reveal img", NO_ALT_JS)
    record_property("measured", (TABLE, deck.stem.removesuffix(".slides"), {
        "slides": found["slides"], "taller than 720": len(found["tall"]),
        "code-cut slides": len(found["cut"]), "code lines cut": found["cutLines"],
        "raw-TeX slides": len(found["rawTex"]), "images no alt": len(no_alt),
        "network reqs": len(offline_page.network),
        "broken loads": len(offline_page.broken)}))
    assert found["slides"] > 0
    assert (found["tall"], found["cut"], found["rawTex"], no_alt, offline_page.network,
            offline_page.broken) == ([], [], [], [], [], []), \
        (f"{deck.name}: taller than the screen {found['tall']}, code cut off {found['cut']}, "
         f"TeX not rendered {found['rawTex']}, images without alt text {no_alt}, "
         f"network {offline_page.network}, broken {offline_page.broken}")


def test_index_lists_every_chapter_offline(offline_page, build_server):
    offline_page.goto(f"{build_server}/slides/index.html", wait_until="load")
    links = offline_page.eval_on_selector_all(
        "a[href$='.slides.html']",
        "links => links.map(a => [a.getAttribute('href'), a.querySelector('.title').innerText])")
    assert [text for _, text in links] == [chapter[1] for chapter in CHAPTERS]
    assert sorted(href for href, _ in links) == [deck.name for deck in DECKS]
    assert (offline_page.network, offline_page.broken) == ([], [])


def chapter_notes(deck):
    """Return the text of each cell tagged `notes` in the chapter that `deck` was built from."""
    chapter = BUILD.parent / "notebooks" / deck.name.replace(".slides.html", ".ipynb")
    cells = json.loads(chapter.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if "notes" in c["metadata"].get("tags", [])]


def words(text):
    """Return the words of `text` as a rendered note reads: links as their text, no marks."""
    return " ".join(re.sub(r"[`*_]", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)).split())


@pytest.mark.parametrize("deck", DECKS, ids=lambda deck: deck.name.split(".")[0])
def test_each_deck_holds_its_chapters_speaker_notes(record_property, deck):
    notes = BeautifulSoup(deck.read_text(encoding="utf-8"), "html.parser").select("aside.notes")
    expected = chapter_notes(deck)
    record_property("measured", ("speaker notes per deck (make test-slides)",
                                 deck.stem.removesuffix(".slides"),
                                 {"notes cells": len(expected), "notes in deck": len(notes)}))
    assert len(notes) == len(expected)
    for aside, source in zip(notes, expected, strict=True):
        assert words(source)[:30] in words(aside.get_text()), (deck.name, source[:60])


def test_the_speaker_view_shows_a_slides_notes_offline(offline_page, build_server):
    deck = next((deck for deck in DECKS if chapter_notes(deck)), None)
    if deck is None:
        pytest.skip("no chapter has speaker notes yet (cells tagged notes)")
    offline_page.goto(f"{build_server}/slides/{deck.name}", wait_until="load")
    offline_page.wait_for_function("window.Reveal && Reveal.isReady()")
    expected = offline_page.evaluate("""() => {
      const aside = document.querySelector('aside.notes'), slide = aside.closest('section');
      const {h, v} = Reveal.getIndices(slide); Reveal.slide(h, v);
      return aside.innerText.trim(); }""")
    with offline_page.expect_popup() as opened:
        offline_page.keyboard.press("s")
    view = opened.value
    view.wait_for_selector(".speaker-controls-notes:not(.hidden) .value", timeout=20_000)
    shown = view.inner_text(".speaker-controls-notes .value")
    assert words(expected)[:60] in words(shown)
    assert (offline_page.network, offline_page.broken) == ([], [])
