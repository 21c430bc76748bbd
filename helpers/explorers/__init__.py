"""Live explorers: each module pairs a plain training function (returns the history, tested
directly) with a thin ipywidgets layer that calls it when a learner moves a control."""
import base64
import html
import io
import statistics
import time

import numpy as np

from helpers.validation import positive_number, refuse

DIVERGED = 100.0  # a run has diverged once its loss is this many times its first loss
MAX_STEPS = 10_000  # any explorer's training run: about a second at most on the course's CPU


def check_learning_rate(learning_rate):
    """Return `learning_rate` as a float if it is a positive number; raise ValueError if not."""
    return positive_number(learning_rate, "learning_rate")


def check_start(value, name, low, high):
    """Return `value` if it lies on its slider, from `low` to `high`; raise ValueError if not."""
    if not low <= value <= high:  # a slider would silently clamp it: say so instead
        refuse(name, f"on the slider, from {low:g} to {high:g}", value)
    return value


def diverged_message(label, step):
    """Return the line saying that the run `label` diverged at `step`, and what to try."""
    return (f"{label} diverged at step {step}: the loss grew past {DIVERGED:.0f}x its start. "
            "Try a smaller learning rate.")


def explorer_figure(width, height, **margins):
    """Return a matplotlib Figure with fixed margins: no layout pass at each redraw."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=80, layout="none")
    figure.subplots_adjust(**margins)
    return figure


def empty_axes(figure, count):
    """Return `count` axes of `figure` side by side, emptied of their lines, texts and legends
    but kept, with their ticks: cheaper to redraw than new axes."""
    if len(figure.axes) != count:
        for ax in figure.axes:
            ax.remove()  # unlike figure.clear(), keeps the figure's margins
        return list(np.atleast_1d(figure.subplots(1, count)))
    for ax in figure.axes:
        for artist in [*ax.lines, *ax.texts, *([ax.legend_] if ax.legend_ else [])]:
            artist.remove()
        ax.set_prop_cycle(None)  # the first curve blue again, the second orange, ...
        ax.set_axis_on()
        ax.relim()  # forget the removed lines' extent; the next plot autoscales afresh
        ax.set_autoscale_on(True)
    return figure.axes


def figure_outputs(figure, message, description=None):
    """Return the outputs a widget's Output shows: `message` as text, then `figure` as an SVG.

    SVG: crisp on any screen, and smaller and quicker to draw than a retina PNG (text stays
    text; a rasterized artist, such as a loss surface, is drawn at twice the shown resolution).
    The image is an <img> whose alt text is `description` (default: plotting.describe's).
    """
    from matplotlib import rc_context

    from helpers.plotting import describe

    svg = io.BytesIO()
    with rc_context({"figure.autolayout": False, "svg.fonttype": "none",  # savefig restores
                     "svg.hashsalt": "explorer"}):  # the rc layout; the course's is tight
        figure.savefig(svg, format="svg", dpi=2 * figure.dpi, metadata={"Date": None})
    description = description or describe(figure)
    width, height = (round(size * figure.dpi) for size in figure.get_size_inches())
    source = "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode()
    tag = (f'<img src="{source}" width="{width}" height="{height}" '
           f'alt="{html.escape(description)}">')
    image = {"text/html": tag, "image/svg+xml": svg.getvalue().decode(), "text/plain": description}
    return ({"output_type": "stream", "name": "stdout", "text": message + "\n"},
            {"output_type": "display_data", "metadata": {}, "data": image})


def redraw_seconds(explorer, moves=4):
    """Return the median seconds an explorer takes from a slider move to its redrawn output.

    Moves its first slider one notch down and back `moves` times; ipywidgets runs the redraw
    inside the value change, so no front end is needed.
    """
    slider = next(c for c in explorer.children[0].children if "Slider" in type(c).__name__)
    attribute = "index" if hasattr(slider, "index") else "value"  # SelectionSlider: by position
    start = getattr(slider, attribute)
    notch = 1 if attribute == "index" else slider.step
    other = start - notch if attribute != "value" or "Log" not in type(slider).__name__ else (
        start / slider.base**slider.step)
    seconds = []
    for value in [other, start] * moves:
        begin = time.perf_counter()
        setattr(slider, attribute, value)
        seconds.append(time.perf_counter() - begin)
    return statistics.median(seconds)
