"""The website's pages as Sphinx gets them: a figure keeps its description as alt text, an
explorer's stored text becomes a line saying it needs a live kernel. (Needs requirements-site.txt,
as `make site` does; `make test-site` opens every built page in Chromium.)"""
import base64
import hashlib

import nbformat
import pytest

pytest.importorskip("sphinx", reason="the site's packages: requirements-site.txt (make site)")
from docutils import nodes  # noqa: E402  (comes with Sphinx)

from tools.site import build_site, conf  # noqa: E402

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n made-up image bytes").decode()
SVG = "<svg xmlns='http://www.w3.org/2000/svg'>\n<rect/>\n</svg>\n"


def figure(mime, data, alt=None):
    """Return a display_data output of `data` as `mime`, with `alt` in its metadata if given."""
    return nbformat.v4.new_output("display_data", data={mime: data, "text/plain": "<Figure>"},
                                  metadata={mime: {"width": 480, **({"alt": alt} if alt else {})}})


def test_each_figure_gets_its_description_by_the_file_myst_nb_writes(tmp_path):
    cells = [nbformat.v4.new_code_cell("plot()", outputs=[
        figure("image/png", PNG, "Plot of loss against step."),
        figure("image/svg+xml", SVG, "An SVG."), figure("image/png", PNG[:-4] + "AAAA")])]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), tmp_path / "99_made_up.ipynb")
    descriptions = conf.figure_descriptions(tmp_path)
    png_file = hashlib.sha256(base64.b64decode(PNG)).hexdigest()  # MyST-NB's file names
    svg_file = hashlib.sha256(SVG.rstrip("\n").encode()).hexdigest()  # its lines, no last \n
    assert descriptions == {png_file: "Plot of loss against step.", svg_file: "An SVG."}
    page = nodes.section()
    page += [nodes.image(uri=f"../_images/{png_file}.png"), nodes.image(uri=f"{svg_file}.svg"),
             nodes.image(uri="logo.png", alt="Binder logo"), nodes.image(uri="unknown.png")]
    conf.describe_images(page, descriptions)
    assert [image.get("alt") for image in page.findall(nodes.image)] == \
        ["Plot of loss against step.", "An SVG.", "Binder logo", None]


def test_an_explorer_shows_a_line_saying_it_needs_a_live_kernel(tmp_path):
    stored = nbformat.v4.new_output("execute_result", execution_count=3, data={
        "text/plain": "VBox(children=(HBox(children=(FloatLogSlider(value=1e-06…"})
    printed = nbformat.v4.new_output("execute_result", execution_count=4, data={
        "text/plain": "VBox is a widget"})
    cells = [nbformat.v4.new_code_cell("helpers.learning_rate_explorer()", outputs=[stored]),
             nbformat.v4.new_code_cell("text", outputs=[printed])]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), tmp_path / "99_made_up.ipynb")
    shown = build_site.site_notebook(tmp_path / "99_made_up.ipynb")
    assert [cell.outputs[0].data for cell in shown.cells] == \
        [{"text/plain": build_site.LIVE_WIDGET}, {"text/plain": "VBox is a widget"}]
