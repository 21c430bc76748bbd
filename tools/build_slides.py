"""Build one reveal.js slide deck per chapter into build/slides/, viewable with no network at all.

Usage: python tools/build_slides.py [--out DIR] [--no-verify] [NOTEBOOK ...]

Each deck is nbconvert's reveal.js template (through tools/slides/deck.html.j2) with every script
and style sheet pointed at DIR/vendor/node_modules: reveal.js, require.js, jQuery and MathJax 2,
pinned in tools/slides/package.json and installed there by `make slides` with npm. The addresses
are relative, so the folder can be copied or zipped as a whole. Slide boundaries come from each
cell's `slideshow.slide_type`, written by tools/course_nav.py. The tool exits with an error when a
deck loads anything from the network or (unless --no-verify) a vendor file that is not there.
"""
import argparse
import json
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from nbconvert import SlidesExporter
from traitlets.config import Config

from helpers.course import CHAPTERS

ROOT = Path(__file__).resolve().parent.parent
BOOKS = ROOT / "notebooks"
SLIDES = ROOT / "tools" / "slides"
OUT = ROOT / "build" / "slides"
VENDOR = "vendor/node_modules"  # relative to the decks
URLS = {
    "reveal_url_prefix": f"{VENDOR}/reveal.js",
    "require_js_url": f"{VENDOR}/requirejs/require.js",
    "jquery_url": f"{VENDOR}/jquery/dist/jquery.min.js",
    "mathjax_url": f"{VENDOR}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
}
NETWORK = re.compile(r"^\s*([a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)  # http://, https://, //host
IN_CODE = [re.compile(r"""url\(\s*['"]?([^'")\s]+)"""),  # CSS url(...)
           re.compile(r"""@import\s+['"]([^'"]+)"""),  # CSS @import "..."
           re.compile(r"""['"]((?:[a-z]+:)?//[^'"\s]+|[^'"\s]+\.(?:m?js|css))['"]""")]  # quoted


def chapter_paths():
    """Return the paths of the chapter notebooks that exist, in course order."""
    return [BOOKS / name for name, *_ in CHAPTERS if (BOOKS / name).exists()]


def vendor_packages():
    """Return the npm package names the decks may load from, as pinned in package.json."""
    return set(json.loads((SLIDES / "package.json").read_text())["dependencies"])


def slides_exporter():
    """Return nbconvert's SlidesExporter set up for offline decks without In/Out prompts."""
    config = Config()
    config.SlidesExporter.update(URLS)
    config.SlidesExporter.update(
        template_file=str(SLIDES / "deck.html.j2"), reveal_theme="simple", reveal_scroll=True,
        reveal_number="c/t", exclude_input_prompt=True, exclude_output_prompt=True)
    return SlidesExporter(config=config)


def loaded_addresses(html):
    """Return every address the deck loads: script, image and frame src, link href, CSS url(),
    @import, module imports and quoted .js/.css paths inside scripts (require.js's list)."""
    soup = BeautifulSoup(html, "html.parser")
    tags = soup.find_all(["script", "img", "iframe", "source", "embed", "video", "audio"])
    found = [tag["src"] for tag in tags if tag.get("src")]
    found += [tag["href"] for tag in soup.find_all("link") if tag.get("href")]
    for tag in soup.find_all(["script", "style"]):
        found += [match for pattern in IN_CODE for match in pattern.findall(tag.string or "")]
    return [address for address in found if not address.startswith(("data:", "#"))]


def problems(html, deck_dir, verify=True):
    """Return what is wrong with a deck: network addresses, and (if verify) missing local files."""
    found = []
    for address in loaded_addresses(html):
        if NETWORK.match(address):
            found.append(f"loads from the network: {address}")
        elif verify and not (deck_dir / re.split(r"[?#]", address)[0]).is_file():
            found.append(f"missing file: {address} (remove build/slides/vendor, then make slides)")
    return found


def build(notebooks, out=OUT, verify=True):
    """Write one deck per notebook (and an index) into `out`; return {deck path: problems}."""
    out.mkdir(parents=True, exist_ok=True)
    exporter, report, links = slides_exporter(), {}, []
    titles = {name: title for name, title, *_ in CHAPTERS}
    for notebook in notebooks:
        html, _ = exporter.from_filename(str(notebook))
        deck = out / f"{notebook.stem}.slides.html"
        deck.write_text(html, encoding="utf-8")
        report[deck] = problems(html, out, verify)
        title = titles.get(notebook.name, notebook.stem)
        links.append(f'<li><a href="{deck.name}">{title}</a></li>')
    index = "<!DOCTYPE html>\n<meta charset='utf-8'><title>Course slides</title>\n<ol>\n"
    (out / "index.html").write_text(index + "\n".join(links) + "\n</ol>\n", encoding="utf-8")
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
