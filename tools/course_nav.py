"""Generate what must not be kept by hand: navigation, slide metadata, contents, README tables.

Usage: python tools/course_nav.py [NOTEBOOK ...]   rewrite (only these) notebooks and README
       python tools/course_nav.py --check  exit 1 and say what is stale, change nothing

helpers.course.CHAPTERS is the course's manifest. Each chapter notebook's first cell starts with
"# <title>". The tool writes, for every chapter that exists: the navigation cell after the title
(previous | contents | next), slide types for reveal.js (see slide_type), the glossary's nav cell
(notebooks/glossary.ipynb: a reference page, not a chapter), then notebooks/00_contents.ipynb and,
between their markers in README.md, the course map and the table of each chapter's files. The
contents and the course map link the glossary.

Launch links come from helpers.course.REPOSITORY ("owner/name", the one place the repository is
named): each chapter's nav cell carries its "Open in Colab" and Binder links, its set-up cell
starts with the lines that install the helpers on Colab (and do nothing elsewhere), and README.md
gets its `[binder]:` and `[colab]:` link lines and, between markers, the nbgitpuller link for a
JupyterHub. While REPOSITORY is the placeholder, the tool warns (on stderr) that they lead nowhere.
"""
import argparse
import json
import re
import sys
from pathlib import Path
from urllib.parse import quote

from helpers.course import CHAPTERS, PLACEHOLDER_REPOSITORY, REPOSITORY

ROOT = Path(__file__).resolve().parent.parent
BOOKS = ROOT / "notebooks"
CONTENTS = "00_contents.ipynb"
GLOSSARY = "glossary.ipynb"  # every term the chapters use; not a chapter (no number, no deck)
FIRST = f"notebooks/{CHAPTERS[0].file}"  # where the README's launch links open the course
HUB = "https://HUB.EXAMPLE.ORG"  # the teacher's JupyterHub: the README says to replace it
# The first line of the generated Colab block at the top of each set-up cell.
ON_COLAB = 'if "google.colab" in str(get_ipython()):  # on Colab: install the course\'s helpers'


def read(path):
    """Return the notebook at `path` as a dict."""
    return json.loads(path.read_text(encoding="utf-8"))


def dump(notebook):
    """Return the notebook as text the way Jupyter saves it."""
    return json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def markdown_cell(cell_id, text, tags=(), slide="-"):
    """Return a Markdown cell with the given id, text, tags and slide type."""
    metadata = {"slideshow": {"slide_type": slide}}
    if tags:
        metadata["tags"] = list(tags)
    return {"cell_type": "markdown", "id": cell_id, "metadata": metadata,
            "source": text.splitlines(True)}


def check_title(notebook, path, title):
    """Fail unless the notebook's first cell is a Markdown title starting with "# <title>"."""
    cells = notebook["cells"]
    first = "".join(cells[0]["source"]) if cells and cells[0]["cell_type"] == "markdown" else ""
    if not first.startswith(f"# {title}"):
        raise SystemExit(f"{path.name}: the first cell must start with '# {title}'")


def nav_line(chapters, i):
    """Return the previous | contents | next line of chapter `i`."""
    parts = []
    if i > 0:
        parts.append(f"[← {chapters[i - 1].title}]({chapters[i - 1].file})")
    parts.append(f"[Contents]({CONTENTS})")
    if i + 1 < len(chapters):
        parts.append(f"[{chapters[i + 1].title} →]({chapters[i + 1].file})")
    return " | ".join(parts)


def github_url(repository=None):
    """Return the repository's address on GitHub (REPOSITORY unless `repository` is given)."""
    return f"https://github.com/{repository or REPOSITORY}"


def binder_url(path, repository=None):
    """Return the Binder address that opens `path` (from the repository's root) in JupyterLab."""
    return f"https://mybinder.org/v2/gh/{repository or REPOSITORY}/HEAD?urlpath=lab/tree/{path}"


def colab_url(path, repository=None):
    """Return the Colab address that opens the notebook at `path` of the repository's HEAD."""
    return f"https://colab.research.google.com/github/{repository or REPOSITORY}/blob/HEAD/{path}"


def nbgitpuller_url(hub=HUB, repository=None):
    """Return the nbgitpuller link that clones the repository on `hub` and opens chapter 01."""
    repository = repository or REPOSITORY
    folder = repository.split("/")[1]  # nbgitpuller clones into a folder named as the repository
    return (f"{hub}/hub/user-redirect/git-pull?repo={quote(github_url(repository), safe='')}"
            f"&urlpath={quote(f'lab/tree/{folder}/{FIRST}', safe='')}")


def colab_install(url):
    """Return the pip arguments with which a set-up cell on Colab installs the helpers from `url`.

    --no-deps: Colab's own torch, NumPy and matplotlib stay as they are (never replaced by pip).
    `make test-colab` (tools/colab_route.py) runs the same arguments with a local git URL.
    """
    return ["install", "--no-deps", f"git+{url}"]


def colab_lines():
    """Return the lines that start each set-up cell: install the helpers on Colab, else nothing."""
    *options, url = colab_install(github_url())
    # No blank line after them: chapter 09's set-up cell stays within the shape test's 12 lines.
    return [ON_COLAB, f'    %pip {" ".join(options)} "{url}"']


def with_colab_lines(source):
    """Return a set-up cell's source with the Colab lines at its top (old ones replaced)."""
    lines = source.splitlines()
    if lines and lines[0].startswith('if "google.colab" in '):  # a block this tool wrote
        lines = lines[1:]
        while lines and lines[0].startswith("    "):
            lines = lines[1:]
        while lines and not lines[0].strip():
            lines = lines[1:]
    return "\n".join([*colab_lines(), *lines])


def launch_badges(path):
    """Return the "Open in Colab" and Binder links of the notebook at `path` (from the root).

    Text links, not badge images: a notebook opened offline loads nothing from the network.
    """
    return f"[Open in Colab]({colab_url(path)}) · [Launch on Binder]({binder_url(path)})"


def slide_type(cell, previous=None):
    """Return the cell's reveal.js slide type, given the cell before it.

    Solutions and the navigation line are skipped (a deck shows neither answers nor links to
    notebooks); `#` and `##` headings open a slide (left to right); `###` headings, such as each
    exercise, and prose that resumes after a code cell open a subslide below it, so that a section
    reads as explanation-and-code steps instead of one long scrolling page; the rest continues.
    """
    tags = cell.get("metadata", {}).get("tags", [])
    if "solution" in tags or "nav" in tags:
        return "skip"
    if cell["cell_type"] != "markdown":
        return "-"
    heading = re.match(r"\s*(#+)\s", "".join(cell["source"]))
    if heading:
        return "slide" if len(heading.group(1)) <= 2 else "subslide"
    return "subslide" if previous and previous["cell_type"] == "code" else "-"


def with_navigation(notebook, line):
    """Return the notebook with its nav cell (after the title) set to `line` and slides typed."""
    cells = [c for c in notebook["cells"] if "nav" not in c.get("metadata", {}).get("tags", [])]
    cells.insert(1, markdown_cell("nav", line, tags=["nav"], slide="skip"))
    previous = None  # the last cell a slide shows: speaker notes (tag `notes`) are not on it
    for cell in cells:
        slideshow = cell.setdefault("metadata", {}).setdefault("slideshow", {})
        slideshow["slide_type"] = slide_type(cell, previous)
        if "notes" not in cell["metadata"].get("tags", []):
            previous = cell
    return {**notebook, "cells": cells}


def with_setup_lines(notebook):
    """Return the notebook with the Colab lines at the top of its set-up cell (the first code cell).
    """
    cells = [dict(cell) for cell in notebook["cells"]]
    first = next((cell for cell in cells if cell["cell_type"] == "code"), None)
    if first is None or "helpers.setup(" not in "".join(first["source"]):
        return notebook  # no set-up cell: nothing to install for
    first["source"] = with_colab_lines("".join(first["source"])).splitlines(True)
    return {**notebook, "cells": cells}


def glossary_nav_line():
    """Return the glossary's nav line: back to the contents."""
    return f"[Contents]({CONTENTS})"


def glossary_line(prefix=""):
    """Return the sentence that links the glossary (its path prefixed with `prefix`)."""
    return (f"The [glossary]({prefix}{GLOSSARY}) explains each term the chapters use in a few "
            "plain sentences; the chapters link a term's first use to it.")


def nav_text(chapters, i):
    """Return chapter `i`'s nav cell: previous | contents | next, then its launch badges."""
    return f"{nav_line(chapters, i)}\n\n{launch_badges(f'notebooks/{chapters[i].file}')}"


def readme_links(readme):
    """Return `readme` with its `[binder]:` and `[colab]:` link lines set from REPOSITORY."""
    for name, url in (("binder", binder_url(FIRST)), ("colab", colab_url(FIRST))):
        readme = re.sub(rf"^\[{name}\]: .*$", f"[{name}]: {url}", readme, flags=re.MULTILINE)
    return readme


def course_map(chapters):
    """Return the Markdown table of chapters: link, what it teaches, minutes."""
    rows = ["| chapter | what it teaches | time |", "| --- | --- | --- |"]
    for chapter in chapters:
        link = f"[{chapter.title}](notebooks/{chapter.file})"
        rows.append(f"| {link} | {chapter.summary} | {chapter.minutes} min |")
    total = sum(chapter.minutes for chapter in chapters)
    rows.append(f"| **whole course** | | **{total} min** |")
    return "\n".join([*rows, "", glossary_line("notebooks/")])


def chapter_files(chapters):
    """Return the Markdown table of each chapter's files: checks, own helpers, plain scripts."""
    def paths(template, names):
        return "<br>".join(f"`{template.format(name.replace('.', '/'))}`" for name in names)

    rows = ["| chapter | exercise checks | its own helpers | plain scripts (`make bench`) |",
            "| --- | --- | --- | --- |"]
    for chapter in chapters:
        rows.append(f"| [{chapter.number}](notebooks/{chapter.file}) "
                    f"| {paths('helpers/exercises/{}.py', [chapter.checks])} "
                    f"| {paths('helpers/{}.py', chapter.helpers)} "
                    f"| {paths('bench/scripts/{}.py', chapter.scripts)} |")
    return "\n".join(rows)


def with_tables(readme, tables):
    """Return `readme` with each {name: table} set between its markers (absent markers: kept)."""
    for name, table in tables.items():
        start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        if start in readme and end in readme:
            head, rest = readme.split(start, 1)
            readme = f"{head}{start}\n{table}\n{end}{rest.split(end, 1)[1]}"
    return readme


def contents_notebook(chapters, stored=None):
    """Return the contents notebook that links every chapter; while its progress cell's code is
    unchanged, it keeps the run of the `stored` one (tools/run_notebooks.py runs it)."""
    lines = ["# Learning PyTorch with Examples: contents", "",
             "Work through the chapters in order: each one fits the same curve with one more "
             "PyTorch tool.", ""]
    for chapter in chapters:
        lines.append(f"1. [{chapter.title}]({chapter.file}): {chapter.summary} "
                     f"({chapter.minutes} min)")
    lines += ["", glossary_line()]
    lines += ["", "Run the cell below to see which exercises you have solved so far: "
              "`helpers.check` keeps them in a file on your machine; nothing is sent anywhere."]
    cell = markdown_cell("contents", "\n".join(lines), slide="slide")
    progress = {"cell_type": "code", "execution_count": None, "id": "progress", "outputs": [],
                "metadata": {"slideshow": {"slide_type": "skip"}, "tags": ["nbval-ignore-output"]},
                "source": ["import helpers\n", "\n", "helpers.progress()  # read from your "
                           "machine's progress file: differs on every machine"]}
    metadata = {"kernelspec": {"display_name": "Python 3", "language": "python",
                               "name": "python3"}}
    ran = next((c for c in stored["cells"] if c.get("id") == "progress"), {}) if stored else {}
    if "".join(ran.get("source", "")) == "".join(progress["source"]):
        progress |= {"execution_count": ran["execution_count"], "outputs": ran["outputs"]}
        metadata |= {k: v for k, v in stored["metadata"].items() if k == "language_info"}
    return {"cells": [cell, progress], "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def expected_files(only=None):
    """Return {path: text} for every generated file (chapters limited to `only` if given)."""
    files = {}
    for i, chapter in enumerate(CHAPTERS):
        path = BOOKS / chapter.file
        if not path.exists() or (only and path.resolve() not in only):
            continue
        notebook = read(path)
        check_title(notebook, path, chapter.title)
        files[path] = dump(with_setup_lines(with_navigation(notebook, nav_text(CHAPTERS, i))))
    glossary = BOOKS / GLOSSARY
    if glossary.exists() and (not only or glossary.resolve() in only):
        notebook = read(glossary)
        check_title(notebook, glossary, "Glossary")
        files[glossary] = dump(with_navigation(notebook, glossary_nav_line()))
    if only:
        return files
    contents = BOOKS / CONTENTS
    stored = read(contents) if contents.exists() else None
    files[contents] = dump(contents_notebook(CHAPTERS, stored))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    files[ROOT / "README.md"] = with_tables(readme_links(readme), {
        "course-map": course_map(CHAPTERS), "chapter-files": chapter_files(CHAPTERS),
        "nbgitpuller": f"<{nbgitpuller_url()}>",
        "colab-lines": "```python\n" + "\n".join(colab_lines()) + "\n```"})
    return files


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale files, change nothing")
    parser.add_argument("notebooks", nargs="*", type=Path, help="only these chapters")
    args = parser.parse_args()
    only = {path.resolve() for path in args.notebooks}
    if REPOSITORY == PLACEHOLDER_REPOSITORY:
        print(f"warning: helpers/course.py names the repository {REPOSITORY!r}, a placeholder: "
              "the Binder, Colab and nbgitpuller links and the Colab set-up lines lead nowhere "
              "until REPOSITORY is set to the course's GitHub owner/name (then run make nav)",
              file=sys.stderr)
    stale = []
    for path, text in expected_files(only).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path.relative_to(ROOT))
            if not args.check:
                path.write_text(text, encoding="utf-8")
    verb = "stale (run make nav)" if args.check else "rewritten"
    for path in stale:
        print(f"{path}: {verb}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
