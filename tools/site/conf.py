"""Sphinx configuration of the course website (`make site`).

tools/site/build_site.py writes the pages' sources into build/site-src (the stored notebooks, never
executed, less their worked solutions) and runs Sphinx with this file. MyST-NB reads the
notebooks; sphinx-book-theme gives the navigation, the search page and the Binder/Colab launch
buttons; MathJax is served from the site itself, so no page loads anything from the network.
"""
from pathlib import Path

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
