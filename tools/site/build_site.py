"""Build the course website into build/site/ from the stored notebooks, with no network at all.

Usage: python tools/site/build_site.py [--out DIR]

Writes the pages' sources into build/site-src: a home page with the chapters (from
helpers.course), and a copy of each chapter notebook as the site shows it: worked solutions (tag
`solution`) and the navigation line (tag `nav`; the site has its own) removed, a widget's
output (a view, or the "VBox(children=..." text a stored notebook keeps) replaced by a line
saying it needs a live kernel, and a badge image that would load from
the network replaced by its text, still a link. The notebooks of worked solutions
(notebooks/solutions/) become pages of their own, apart from the lessons, and the glossary
(notebooks/glossary.ipynb) one page after the chapters. Then runs Sphinx with
tools/site/conf.py (MyST-NB, sphinx-book-theme; nothing is executed) and MathJax copied from
build/site-vendor (npm, pinned in tools/site/package.json). Exits with Sphinx's status:
non-zero on any warning.
"""
import argparse
import re
import shutil
import sys
from pathlib import Path

import nbformat
from sphinx.cmd.build import build_main

from helpers import course

ROOT = Path(__file__).resolve().parents[2]
SITE_TOOLS = ROOT / "tools" / "site"
SOURCE = ROOT / "build" / "site-src"
OUT = ROOT / "build" / "site"
VENDOR = ROOT / "build" / "site-vendor" / "node_modules"
# What MathJax's tex-chtml component loads, less the other outputs' fonts (svg, cjs, mjs).
MATHJAX_FILES = ["mathjax/tex-chtml.js", "mathjax/input", "mathjax/output", "mathjax/ui",
                 "mathjax/a11y", "mathjax/sre", "mathjax/package.json",
                 "@mathjax/mathjax-newcm-font/chtml", "@mathjax/mathjax-newcm-font/chtml.js",
                 "@mathjax/mathjax-newcm-font/package.json"]
WIDGET = "application/vnd.jupyter.widget-view+json"
LIVE_WIDGET = "[a live widget: run this chapter in JupyterLab, Binder or Colab to use it]"
GLOSSARY = "glossary.ipynb"  # notebooks/<GLOSSARY>: the terms the chapters link to
# An entry's `<a id>` line serves JupyterLab only (its heading ids keep the case); the site gives
# the heading the same id itself, so the line is dropped rather than doubled.
LAB_ANCHOR = re.compile(r'^<a id="[\w-]+"></a>\n+', re.MULTILINE)
WIDGET_TEXT = re.compile(r"^(VBox|HBox|Box|GridBox|Tab|Accordion)\(children=")  # ipywidgets' repr
REMOTE_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*(?:https?:)?//[^)]*\)")  # ![alt](https://...)


def site_notebook(path, removed=("solution", "nav")):
    """Return the notebook at `path` as the site shows it (see the module's docstring), less
    the cells with a tag in `removed`."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells = [cell for cell in notebook.cells
                      if not set(removed) & set(cell.metadata.get("tags", []))]
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = REMOTE_IMAGE.sub(lambda found: found.group(1) or "badge", cell.source)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET in data or WIDGET_TEXT.match("".join(data.get("text/plain", ""))):
                output.data = {"text/plain": LIVE_WIDGET}
    notebook.metadata.pop("widgets", None)
    return notebook


def solution_paths():
    """Return the worked-solution notebooks (notebooks/solutions/), in course order."""
    return sorted((ROOT / "notebooks" / "solutions").glob("*.ipynb"))


def home_page():
    """Return the Markdown of the home page: what the course is, its chapters, its licence."""
    rows = "\n".join(f"| [{chapter[1]}](notebooks/{chapter[0]}) | {chapter[2]} | {chapter[3]} |"
                     for chapter in course.CHAPTERS)
    pages = "\n".join(f"notebooks/{chapter[0].removesuffix('.ipynb')}"
                      for chapter in course.CHAPTERS)
    solutions = "\n".join(f"notebooks/solutions/{path.stem}" for path in solution_paths())
    return f"""# Learning PyTorch with Examples

A course that teaches PyTorch from first principles through one running example: fit
$y = \\sin(x)$ on $[-\\pi, \\pi]$ with a cubic, first in NumPy with gradients derived by hand, then
with each PyTorch tool in turn. Every chapter is a notebook: read it here, or run it with the
launch button at the top of its page (Binder or Colab), or on your own machine (see the
repository's README).

| chapter | what it teaches | minutes |
| --- | --- | --- |
{rows}

The [glossary](notebooks/{GLOSSARY}) explains each term the chapters use, in a few plain sentences.

The course's text and figures are licensed under CC BY 4.0, its code under the MIT License.

```{{toctree}}
:hidden:
:maxdepth: 1
:caption: Chapters

{pages}
notebooks/{GLOSSARY.removesuffix('.ipynb')}
```

```{{toctree}}
:hidden:
:maxdepth: 1
:caption: Worked solutions

{solutions}
```
"""


def copy_mathjax(static):
    """Copy the MathJax files the pages load from build/site-vendor into `static`."""
    for name in MATHJAX_FILES:
        source, target = VENDOR / name, static / name
        if not source.exists():
            sys.exit(f"missing {source}: run make site (it installs MathJax with npm)")
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copyfile(source, target)


def write_sources(source=SOURCE):
    """Write the home page, the chapters and the static files into `source`; return it."""
    shutil.rmtree(source, ignore_errors=True)
    (source / "notebooks" / "solutions").mkdir(parents=True)
    (source / "index.md").write_text(home_page(), encoding="utf-8")
    for chapter in course.CHAPTERS:
        nbformat.write(site_notebook(ROOT / "notebooks" / chapter[0]),
                       source / "notebooks" / chapter[0])
    glossary = site_notebook(ROOT / "notebooks" / GLOSSARY)
    for cell in glossary.cells:
        cell.source = LAB_ANCHOR.sub("", cell.source)
    nbformat.write(glossary, source / "notebooks" / GLOSSARY)
    for path in solution_paths():  # separate pages, out of the lessons: solutions stay in
        nbformat.write(site_notebook(path, removed=("nav",)), source / "notebooks" / "solutions"
                       / path.name)
    static = source / "_static"
    copy_mathjax(static)
    shutil.copyfile(SITE_TOOLS / "course-site.css", static / "course-site.css")
    return source


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where the site goes")
    args = parser.parse_args()
    source = write_sources()
    status = build_main(["-q", "-W", "--keep-going", "-b", "html", "-c", str(SITE_TOOLS),
                         str(source), str(args.out)])
    if status == 0:
        pages = [page for page in args.out.rglob("*.html") if "_static" not in page.parts]
        print(f"{args.out}: {len(pages)} pages; open {args.out / 'index.html'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
