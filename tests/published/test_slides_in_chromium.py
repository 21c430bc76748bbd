"""Every deck of `make slides` shown in headless Chromium at 1280×720 with the network refused:
each slide, one by one, is measured for height, for code or output lines cut off at the side and
for TeX left unrendered; every request beyond the local server is counted. Run by
`make test-slides`, which prints the counts (zero is the target for every one of them)."""
import re

import pytest
from conftest import BUILD, MEASURED

from helpers.course import CHAPTERS

SLIDES = BUILD / "slides"
DECKS = sorted(SLIDES.glob("*.slides.html"))
ROWS = MEASURED.setdefault("slides at 1280x720, network refused (make test-slides)", {})

# Goes to every slide in turn and returns what does not fit. Works with a global Reveal or with
# one loaded through require.js (nbconvert's own template), so the old decks can be measured too.
MEASURE_JS = """async () => {
  let R = window.Reveal;
  if (!R || !R.slide) {
    const css = document.querySelector('link[href$="dist/reveal.css"]').getAttribute('href');
    R = await new Promise(ok => require([css.replace(/reveal\\.css$/, 'reveal.js')], ok));
  }
  while (!R.isReady()) await new Promise(ok => setTimeout(ok, 50));
  if (window.MathJax && MathJax.startup) await MathJax.startup.promise;
  else if (window.MathJax && MathJax.Hub) await new Promise(ok => MathJax.Hub.Queue(ok));
  R.configure({transition: 'none', backgroundTransition: 'none'});
  const ctx = document.createElement('canvas').getContext('2d');
  const found = {slides: 0, tall: [], cut: [], cutLines: 0, rawTex: []};
  const tops = [...document.querySelectorAll('.reveal .slides > section')];
  for (let h = 0; h < tops.length; h++) {
    const subs = [...tops[h].querySelectorAll(':scope > section')];
    const list = subs.length ? subs : [tops[h]];
    for (let v = 0; v < list.length; v++) {
      R.slide(h, v);  // with no transition, reading the sizes below lays the slide out at once
      const slide = list[v], scale = R.getScale(), name = `${h + 1}.${v + 1}`;
      found.slides += 1;
      const height = Math.round(slide.scrollHeight * scale);
      if (height > innerHeight + 1) found.tall.push(`${name} (${height} px)`);
      let lines = 0;
      for (const pre of slide.querySelectorAll('pre')) {
        if (pre.closest('aside.notes')) continue;
        const box = pre.getBoundingClientRect(), style = getComputedStyle(pre);
        const inner = pre.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const visible = Math.min(inner, (innerWidth - box.left) / scale - parseFloat(style.paddingLeft));
        if (pre.scrollWidth <= pre.clientWidth + 1 && box.right <= innerWidth + 1 && box.left >= -1) continue;
        ctx.font = style.font;
        const wraps = style.whiteSpace.startsWith('pre-wrap') || style.whiteSpace === 'break-spaces';
        const long = pre.textContent.split('\\n').filter(line => ctx.measureText(line).width > visible + 1);
        lines += wraps && pre.scrollWidth <= pre.clientWidth + 1 ? 0 : Math.max(long.length, 1);
      }
      if (lines) { found.cut.push(`${name} (${lines} lines)`); found.cutLines += lines; }
      const prose = [...slide.querySelectorAll('p, li, td, th, h1, h2, h3')]
        .filter(e => !e.closest('pre, code, aside.notes')).map(e => e.textContent).join(' ');
      if (/\\$[^$\\s][^$]*\\$|\\\\\\(|\\\\\\[/.test(prose)) found.rawTex.push(name);
    }
  }
  return found;
}"""


def test_every_chapter_has_a_deck():
    assert [deck.name for deck in DECKS] == \
        sorted(f"{name.removesuffix('.ipynb')}.slides.html" for name, *_ in CHAPTERS), \
        "run make slides first"


@pytest.mark.browser
@pytest.mark.parametrize("deck", DECKS, ids=lambda deck: deck.name.split(".")[0])
def test_every_slide_fits_the_screen_offline(offline_page, build_server, deck):
    offline_page.goto(f"{build_server}/slides/{deck.name}", wait_until="load")
    found = offline_page.evaluate(MEASURE_JS)
    ROWS[deck.stem.removesuffix(".slides")] = {
        "slides": found["slides"], "taller than 720": len(found["tall"]),
        "code cut slides": len(found["cut"]), "code lines cut": found["cutLines"],
        "raw TeX slides": len(found["rawTex"]), "network requests": len(offline_page.network),
        "broken loads": len(offline_page.broken)}
    assert found["slides"] > 0
    assert (found["tall"], found["cut"], found["rawTex"], offline_page.network,
            offline_page.broken) == ([], [], [], [], []), \
        (f"{deck.name}: taller than the screen {found['tall']}, code cut off {found['cut']}, "
         f"TeX not rendered {found['rawTex']}, network {offline_page.network}, "
         f"broken {offline_page.broken}")


@pytest.mark.browser
def test_index_lists_every_chapter_offline(offline_page, build_server):
    offline_page.goto(f"{build_server}/slides/index.html", wait_until="load")
    links = offline_page.eval_on_selector_all(
        "a[href$='.slides.html']", "links => links.map(a => [a.getAttribute('href'), a.innerText])")
    assert [re.sub(r"\s+", " ", text).strip() for _, text in links][:len(CHAPTERS)] == \
        [title for _, title, *_ in CHAPTERS] or all(
        title in " ".join(text for _, text in links) for _, title, *_ in CHAPTERS)
    assert sorted(href for href, _ in links) == [deck.name for deck in DECKS]
    assert (offline_page.network, offline_page.broken) == ([], [])
