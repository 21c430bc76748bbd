"""What every explorer shows after a slider move: its message, then its figure as an SVG inside an
<img> with alt text, crisp on a high-density screen (text as text, a surface rasterized at twice
the shown resolution) and shown at the figure's own size."""
import base64
import html
import re
import struct

from matplotlib.figure import Figure

from helpers.explorers import explorer_figure, figure_outputs
from helpers.plotting import describe


def img_attributes(tag):
    """Return the attributes of the one <img> tag in `tag`, unescaped."""
    assert tag.count("<img ") == 1
    return {key: html.unescape(value) for key, value in re.findall(r'(\w+)="([^"]*)"', tag)}


def test_a_figure_becomes_the_message_then_an_svg_img_with_alt_text():
    figure = explorer_figure(6.0, 3.6, left=0.14, right=0.97, bottom=0.16, top=0.95)
    ax = figure.subplots()
    ax.plot([1, 2, 3], [3, 2, 1], label='SGD, "lr" 1e-06 & more')
    ax.set(xlabel="step", ylabel="loss")
    text, image = figure_outputs(figure, "hello")
    assert text == {"output_type": "stream", "name": "stdout", "text": "hello\n"}
    attributes = img_attributes(image["data"]["text/html"])
    assert attributes["alt"] == image["data"]["text/plain"] == describe(figure) == \
        'Plot of loss against step: SGD, "lr" 1e-06 & more.'
    assert (attributes["width"], attributes["height"]) == \
        tuple(str(round(inches * figure.dpi)) for inches in (6.0, 3.6))
    prefix = "data:image/svg+xml;base64,"
    svg = base64.b64decode(attributes["src"].removeprefix(prefix)).decode()
    assert attributes["src"].startswith(prefix) and svg == image["data"]["image/svg+xml"]
    assert re.search(r"<text[^>]*>step</text>", svg)  # text stays text: sharp, and small
    assert "<dc:date>" not in svg  # the same figure gives the same SVG


def test_a_given_description_replaces_the_default_one():
    _, image = figure_outputs(Figure(figsize=(2, 1)), "hello", "A made-up picture.")
    assert img_attributes(image["data"]["text/html"])["alt"] == "A made-up picture."


def test_a_rasterized_surface_is_drawn_at_twice_its_shown_resolution():
    figure = explorer_figure(4.0, 3.0, left=0.1, right=0.9, bottom=0.1, top=0.9)
    ax = figure.subplots()
    surface = ax.contourf([[0, 1], [1, 2]], levels=5)
    surface.set_rasterized(True)
    _, image = figure_outputs(figure, "hello")
    svg = image["data"]["image/svg+xml"]
    shown = float(re.search(r'<image[^>]*\bwidth="([\d.]+)', svg).group(1))  # in SVG points
    png = base64.b64decode(re.search(r"data:image/png;base64,([^\"']+)", svg).group(1))
    pixels = struct.unpack(">I", png[16:20])[0]  # the PNG's IHDR width
    shown_pixels = shown / 72 * figure.dpi  # the <img> shows 72 points as `dpi` pixels
    assert abs(pixels - 2 * shown_pixels) <= 2
