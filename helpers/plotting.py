"""Plotting: one `plot` entry point in one style, and the two figures every chapter draws."""
import math
from collections import Counter

import matplotlib.pyplot as plt
import numpy as np
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullFormatter

from helpers.validation import (
    WrongType,
    choice,
    float_array,
    is_number,
    number,
    refuse,
    shown,
    text,
)

# Curves that overlap stay apart: each next curve changes colour and line style (solid, dashed,
# dotted, dash-dot), so a curve drawn exactly on another (04: backward's gradient on cos x) shows.
LINE_STYLES = ["-", "--", ":", "-."] * 2
COLOURS = plt.get_cmap("tab10").colors[:8]
STYLE = {
    "figure.figsize": (5.0, 3.0),  # 480 x 288 screen pixels at 96 dpi, as before at 6 x 3.6 in, 80
    "figure.dpi": 96,
    "font.size": 11,  # 15 px on the screen (was 10 pt at 80 dpi: 11 px), readable on a slide
    "lines.linewidth": 1.8,
    "axes.prop_cycle": cycler(color=COLOURS) + cycler(linestyle=LINE_STYLES),
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "figure.autolayout": True,  # fit labels in one pass (the inline backend's "tight" draws twice)
}
SCALES = ("linear", "log", "symlog", "logit")
SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def use_course_style():
    """Apply the course's matplotlib style (size, grid, no top/right frame) and return it.

    In Jupyter, figures are shown as retina PNGs (twice the pixels, shown at the same size: crisp
    on a high-density screen) with a text description, alt text, in their display metadata.
    """
    plt.rcParams.update(STYLE)
    if "inline" in plt.get_backend():  # in Jupyter: autolayout fits the labels, skip a redraw
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        # no "Software: Matplotlib version ..." chunk: a stored PNG does not name the version
        set_matplotlib_formats("retina", bbox_inches=None, metadata={"Software": None})
        shell = get_ipython()
        if shell is not None:
            with_alt_text(shell.display_formatter.formatters["image/png"])
    return STYLE


def with_alt_text(png_formatter):
    """Make IPython's PNG formatter add describe(figure) as alt text to a figure's metadata."""
    to_png = png_formatter.lookup_by_type(Figure)

    def figure_png(figure):
        data, metadata = to_png(figure)  # retina_figure: the PNG and its shown width, height
        return data, {**metadata, "alt": describe(figure)}

    png_formatter.for_type(Figure, figure_png)
    return png_formatter


def describe(figure):
    """Return a short text description of a figure: per axes, what against what, its curves
    (an axes drawn without its frame, such as a "diverged" notice: its texts)."""
    parts = []
    for ax in figure.axes:
        if not ax.axison:
            parts += [text.get_text() for text in ax.texts if text.get_text()]
            continue
        if ax.get_gid() == "diagram":  # boxes and arrows: its title, then its label's arrows
            parts.append(f"{ax.get_title() or 'diagram'}: {ax.get_label()}")
            continue
        names = [line.get_label() for line in ax.get_lines()
                 if not line.get_label().startswith("_")]  # "_child0": matplotlib's unlabelled
        count = len(ax.get_lines()) + len(ax.collections)
        what = f"{ax.get_ylabel() or 'y'} against {ax.get_xlabel() or 'x'}"
        scale = f" ({ax.get_yscale()} scale)" if ax.get_yscale() != "linear" else ""
        title = f"{ax.get_title()}: " if ax.get_title() else ""
        shown = ", ".join(names) if names else f"{count} unlabelled curve{'s' * (count != 1)}"
        parts.append(f"{title}plot of {what}{scale}: {shown}")
    text = "; ".join(parts) or "an empty figure"
    return text[0].upper() + text[1:] + "."


def power_of_ten(value, position=None):
    """Return a log axis's tick label: '10³' at a power of ten, '' elsewhere (no mathtext)."""
    exponent = round(math.log10(value)) if value > 0 else 0
    if value <= 0 or not math.isclose(value, 10.0**exponent):
        return ""
    return "10" + str(exponent).translate(SUPERSCRIPTS)


def curves(values, name):
    """Return `values`, a list of curves, after checking it is one (not a single curve)."""
    if not isinstance(values, list | tuple):
        refuse(name, "a list of curves, one per line: plot([x], [y]) for one", values, WrongType)
    return values


def plot(xs, ys, labels=None, xlabel=None, ylabel=None, yscale="linear", hline=None, ax=None):
    """Draw each (x, y) pair as a line on one axes (new unless `ax` given); return the axes."""
    xs, ys = curves(xs, "xs"), curves(ys, "ys")
    if len(xs) != len(ys):
        raise ValueError(f"xs and ys need one x per y curve (got {len(xs)} xs and {len(ys)} ys)")
    labels = labels if labels is not None else [None] * len(ys)
    if not isinstance(labels, list | tuple) or len(labels) != len(ys):
        raise ValueError(f"labels need one label per curve (got {shown(labels)} for {len(ys)})")
    for label in labels:
        text(label, "each of labels")
    text(xlabel, "xlabel"), text(ylabel, "ylabel"), choice(yscale, "yscale", SCALES)
    if hline is not None and not (isinstance(hline, tuple) and len(hline) == 2):
        refuse("hline", "a pair (value, label)", hline, WrongType)
    if ax is not None and not isinstance(ax, Axes):
        refuse("ax", "a matplotlib Axes or None", ax, WrongType)
    data = [(float_array(x, "each of xs", finite=False), float_array(y, "each of ys", finite=False))
            for x, y in zip(xs, ys, strict=True)]  # NaN or inf: a gap in the line
    ax = ax if ax is not None else plt.figure().gca()
    for (x, y), label in zip(data, labels, strict=True):
        if x.shape != y.shape:
            raise ValueError(f"each x in xs and its y in ys must have the same shape (got "
                             f"{x.shape} and {y.shape})")
        ax.plot(x, y, label=label)
    if hline is not None:
        ax.axhline(number(hline[0], "hline's value"), color="black", linestyle="--", linewidth=1,
                   label=text(hline[1], "hline's label"))
    ax.set(xlabel=xlabel, ylabel=ylabel, yscale=yscale)
    if yscale == "log":  # plain text labels: mathtext's 10^k costs most of a redraw
        ax.yaxis.set_major_formatter(FuncFormatter(power_of_ten))
        ax.yaxis.set_minor_formatter(NullFormatter())
    if any(labels) or hline is not None:
        ax.legend()
    return ax


def plot_fit(x, y, fitted, label="fitted", ax=None):
    """Draw the target y = sin(x) against a fitted curve (or a dict of them); return the axes."""
    named = fitted if isinstance(fitted, dict) else {text(label, "label"): fitted}
    if not named:
        refuse("fitted", "a curve or a non-empty dict of named curves", fitted)
    return plot([x] * (len(named) + 1), [y, *named.values()], ["target", *named],
                xlabel="x", ylabel="y", ax=ax)


def plot_losses(losses, optimum=None, ax=None):
    """Draw loss curves (a list, or a dict of lists) on a log scale with the optimum dashed."""
    named = losses if isinstance(losses, dict) else {"training loss": losses}
    named = {name: float_array(curve, "losses", finite=False, min_length=1)
             for name, curve in named.items()}
    if not named:
        refuse("losses", "a list of losses or a non-empty dict of them", losses)
    if optimum is not None and not (is_number(optimum) and 0 < optimum < math.inf):
        refuse("optimum", "a positive finite number (the log scale cannot show 0)", optimum,
               ValueError if is_number(optimum) else WrongType)
    steps = [np.arange(1, len(curve) + 1) for curve in named.values()]
    hline = None if optimum is None else (optimum, f"optimum {optimum:.4f}")
    return plot(steps, list(named.values()), list(named), xlabel="step", ylabel="loss",
                yscale="log", hline=hline, ax=ax)


def graph_layout(nodes, edges):
    """Return {node index: (x, y)} placing a graph's root on top, one row per depth."""
    depth = [0] * len(nodes)
    for _ in nodes:  # the longest path from the root sets each node's row (a graph has no cycle)
        for i, j in edges:
            depth[j] = max(depth[j], min(depth[i] + 1, len(nodes)))
    where = {}
    for row in range(max(depth) + 1):  # each row ordered by where its nodes' parents are
        parents = {k: [where[i][0] for i, j in edges if j == k and i in where] or [0]
                   for k in range(len(nodes)) if depth[k] == row}
        ordered = sorted(parents, key=lambda k: sum(parents[k]) / len(parents[k]))
        where |= {k: ((col + 0.5) / len(ordered), -row) for col, k in enumerate(ordered)}
    return where


def draw_backward_graph(nodes, edges, ax=None):
    """Draw a recorded graph (backward_graph's nodes, edges), the root on top; return the axes."""
    if not (isinstance(nodes, list | tuple) and nodes and all(isinstance(n, str) for n in nodes)):
        refuse("nodes", "a non-empty list of node labels", nodes, WrongType)
    if not (isinstance(edges, list | tuple) and all(
            isinstance(e, tuple) and len(e) == 2 and all(type(k) is int and 0 <= k < len(nodes)
                                                         for k in e) for e in edges)):
        refuse("edges", f"a list of (i, j) node indices from 0 to {len(nodes) - 1}", edges)
    if ax is not None and not isinstance(ax, Axes):
        refuse("ax", "a matplotlib Axes or None", ax, WrongType)
    where = graph_layout(nodes, edges)
    per_row = Counter(y for _, y in where.values())
    rows, widest = len(per_row), max(per_row.values())
    size = (max(5.0, 2.2 * widest), 0.5 + 0.45 * rows)  # inches: room for each row's labels
    ax = ax if ax is not None else plt.figure(figsize=size).gca()
    arrows = []
    for (i, j), count in sorted(Counter(edges).items()):
        ax.annotate("", where[j], where[i], arrowprops={"arrowstyle": "->", "color": "grey",
                                                        "shrinkA": 10, "shrinkB": 11})
        arrows.append(f"{nodes[i]} → {nodes[j]}" + (f" ({count} edges)" if count > 1 else ""))
    for k, (x, y) in where.items():
        ax.text(x, y, nodes[k], ha="center", va="center",
                bbox={"boxstyle": "round", "facecolor": "white"})
    ax.set(xlim=(0, 1), ylim=(0.5 - rows, 0.5), title="recorded graph, gradients flow down",
           xticks=[], yticks=[], gid="diagram", label=", ".join(arrows))  # describe(): its words
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return ax
