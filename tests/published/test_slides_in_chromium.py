"""Every deck of `make slides` shown in headless Chromium at 1280×720 with the network refused:
each slide, one by one, is measured for height, for code or output lines cut off at the side and
for TeX left unrendered; every request beyond the local server is counted. Run by
`make test-slides`, which prints the counts (zero is the target for every one of them)."""
from pathlib import Path

import pytest

from conftest import BUILD
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
    record_property("measured", (TABLE, deck.stem.removesuffix(".slides"), {
        "slides": found["slides"], "taller than 720": len(found["tall"]),
        "code-cut slides": len(found["cut"]), "code lines cut": found["cutLines"],
        "raw-TeX slides": len(found["rawTex"]), "network reqs": len(offline_page.network),
        "broken loads": len(offline_page.broken)}))
    assert found["slides"] > 0
    assert (found["tall"], found["cut"], found["rawTex"], offline_page.network,
            offline_page.broken) == ([], [], [], [], []), \
        (f"{deck.name}: taller than the screen {found['tall']}, code cut off {found['cut']}, "
         f"TeX not rendered {found['rawTex']}, network {offline_page.network}, "
         f"broken {offline_page.broken}")


def test_index_lists_every_chapter_offline(offline_page, build_server):
    offline_page.goto(f"{build_server}/slides/index.html", wait_until="load")
    links = offline_page.eval_on_selector_all(
        "a[href$='.slides.html']",
        "links => links.map(a => [a.getAttribute('href'), a.querySelector('.title').innerText])")
    assert [text for _, text in links] == [chapter[1] for chapter in CHAPTERS]
    assert sorted(href for href, _ in links) == [deck.name for deck in DECKS]
    assert (offline_page.network, offline_page.broken) == ([], [])
