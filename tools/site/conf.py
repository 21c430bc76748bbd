"""Sphinx configuration of the course website (`make site`).

Each figure's text description (the `alt` that helpers.plotting stores in its display metadata)
becomes its <img alt=...>: MyST-NB itself keeps only an image's width and height.

tools/site/build_site.py writes the pages' sources into build/site-src (the stored notebooks, never
executed, less their worked solutions) and runs Sphinx with this file. MyST-NB reads the
notebooks; sphinx-book-theme gives the navigation, the search page and the Binder/Colab launch
buttons; MathJax is served from the site itself, so no page loads anything from the network.
"""
import hashlib
import os
from binascii import a2b_base64
from pathlib import Path

import nbformat
from docutils import nodes

from helpers import course

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "build" / "site-src"
# The public repository, "owner/name": where the launch buttons and the repository link point.
REPOSITORY = getattr(course, "REPOSITORY", "OWNER/REPOSITORY")

project = "Learning PyTorch with Examples"
author = "the authors of the Learning PyTorch with Examples course"
copyright = "2026, the course's authors; text and figures CC BY 4.0, code MIT"
extensions = ["myst_nb"]
exclude_patterns = ["_static"]
suppress_warnings = ["myst.header"]  # a notebook may go from # to ### (its exercises)

# Notebooks are shown with the outputs stored in them: never executed for the site.
nb_execution_mode = "off"
nb_ipywidgets_js = {}  # widgets need a live kernel; build_site.py says so in their place
nb_merge_streams = True
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3

# MathJax 4 from build/site-src/_static (copied there from npm by build_site.py), fonts included.
mathjax_path = "mathjax/tex-chtml.js"
mathjax4_config = {
    "loader": {"paths": {"fonts": "[mathjax]/../@mathjax"}},
    "options": {"enableMenu": False, "enableSpeech": False, "enableBraille": False,
                "enableExplorer": False, "enableEnrichment": False},
}

html_theme = "sphinx_book_theme"
html_title = project
html_static_path = [str(SOURCE / "_static")]
html_css_files = ["course-site.css"]
html_last_updated_fmt = None
html_theme_options = {
    "repository_url": f"https://github.com/{REPOSITORY}",
    "repository_branch": "HEAD",
    "path_to_docs": "",
    "use_repository_button": True,
    "use_download_button": True,  # the notebook, and a print-to-PDF copy of the page
    "launch_buttons": {"binderhub_url": "https://mybinder.org",
                       "colab_url": "https://colab.research.google.com",
                       "notebook_interface": "jupyterlab"},
    "show_toc_level": 2,
}


def stored_image(mime, data):
    """Return the bytes MyST-NB writes for an image output (its file name is their sha256)."""
    if mime in ("image/png", "image/jpeg", "image/gif"):
        return a2b_base64(data)
    return os.linesep.join("".join(data).splitlines()).encode("utf-8")


def figure_descriptions(source=SOURCE):
    """Return {sha256 of each image output in the notebooks under `source`: its alt text}."""
    found = {}
    for path in sorted(source.rglob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                for mime, data in output.get("data", {}).items():
                    alt = output.get("metadata", {}).get(mime, {}).get("alt")
                    if mime.startswith("image/") and alt:
                        found[hashlib.sha256(stored_image(mime, data)).hexdigest()] = alt
    return found


def describe_images(doctree, descriptions):
    """Give each image of `doctree` that has no alt text the description of its file, if any."""
    for image in doctree.findall(nodes.image):
        alt = descriptions.get(Path(image["uri"]).stem)
        if alt and not image.get("alt"):
            image["alt"] = alt


def setup(app):
    """Add the figures' descriptions to their images once MyST-NB has made them (a page's
    outputs become images in a post-transform, just before the page is written)."""
    descriptions = figure_descriptions()
    app.connect("doctree-resolved", lambda app, doctree, name: describe_images(doctree,
                                                                               descriptions))
