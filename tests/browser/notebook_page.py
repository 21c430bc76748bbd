"""Drive one notebook in JupyterLab as a learner would, and read back what the page shows.

Everything is read from the page (prompts, rendered outputs), not from the kernel: the test checks
what a person sees after Run → Run All Cells.
"""
import os
import re
import time
from pathlib import Path

import nbformat

# One entry per cell in page order: its kind, prompt, and outputs; with `full`, also their text
# (innerText lays the page out: too slow to poll while the kernel runs on a 2-core machine).
CELLS_JS = """full => [...document.querySelectorAll(
  '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell')].map(cell => ({
  kind: cell.classList.contains('jp-CodeCell') ? 'code'
        : cell.classList.contains('jp-MarkdownCell') ? 'markdown' : 'raw',
  prompt: ((cell.querySelector('.jp-InputArea-prompt') || {}).textContent || '').trim(),
  collapsed: !!cell.querySelector('.jp-InputPlaceholder'),
  outputs: [...cell.querySelectorAll('.jp-OutputArea-output')].map(out => ({
    mime: out.dataset.mimeType || '', text: full ? out.innerText.slice(0, 2000) : '',
    widget: !!out.querySelector('.jupyter-widgets, .widget-box, .widget-inline-hbox')})),
  text: full ? ((cell.querySelector('.jp-Cell-outputWrapper') || {}).innerText || '') : '',
}))"""

# A cell's outputs with its controls removed: plots (their image data) and any text they print.
EXPLORER_OUTPUT_JS = """cell => {
  const copy = cell.querySelector('.jp-Cell-outputWrapper').cloneNode(true);
  const controls = '.widget-slider, .widget-dropdown, .widget-radio, .widget-toggle-buttons,'
                   + ' .widget-checkbox, .widget-text, .widget-button';
  copy.querySelectorAll(controls).forEach(control => control.remove());
  return [...copy.querySelectorAll('img')].map(img => img.src).join('|') + copy.textContent;
}"""

ROOT = Path(__file__).resolve().parents[2]
STDERR = "application/vnd.jupyter.stderr"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def kernel_status_selector(name):
    """Return the CSS selector of the status-bar item that shows `name`'s kernel and its state."""
    return f'#jp-main-statusbar span[title="Change kernel for {name}"]'


def wait_for_idle_kernel(page, name, timeout):
    """Wait until the status bar shows `name`'s kernel started and idle."""
    status = page.locator(kernel_status_selector(name))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = status.inner_text(timeout=timeout * 1000) if status.count() else ""
        if text.endswith("| Idle") and not text.startswith("No Kernel"):
            return
        time.sleep(0.25)
    raise TimeoutError(f"{name}: the kernel was not idle within {timeout} s (status {text!r})")


def open_notebook(page, server, name, kinds, timeout):
    """Open `name` in a fresh workspace; wait until the page shows its cells (`kinds`: each
    cell's type, in order) and its kernel is idle."""
    workspace = re.sub(r"\W", "-", Path(name).stem)
    page.goto(f"{server.url}/lab/workspaces/{workspace}/tree/{name}?token={server.token}")
    page.wait_for_function(f"kinds => ({CELLS_JS})(false).map(cell => cell.kind).join() === kinds",
                           arg=",".join(kinds), timeout=timeout * 1000)
    wait_for_idle_kernel(page, name, timeout)


def menu(page, menu_name, item):
    """Choose `item` from the menu bar's `menu_name` menu, as a person clicking would."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{menu_name}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).click()


def page_cells(page, full=True):
    """Return what the page shows of each cell of the open notebook (see CELLS_JS)."""
    return page.evaluate(CELLS_JS, full)


def run_all_cells(page, name, file_cells, timeout):
    """Clear every output, Run → Run All Cells, and wait until the run stopped; return the cells.

    The run has stopped when no prompt shows [*], every code cell shows that it ran (or an error
    is on the page: Run All stops there), the kernel is idle, and all of this holds a second later.
    """
    menu(page, "Edit", "Clear Outputs of All Cells")
    menu(page, "Run", "Run All Cells")
    deadline, settled = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        cells = page_cells(page, full=False)
        running = any(cell["prompt"] == "[*]:" for cell in cells)
        failed = any(out["mime"] == STDERR for cell in cells for out in cell["outputs"])
        if not running and (failed or not not_run(name, cells, file_cells)):
            wait_for_idle_kernel(page, name, timeout)
            if settled == cells:
                return page_cells(page)
            settled = cells
            time.sleep(1.0)
        else:
            settled = None
            time.sleep(0.25)
    raise TimeoutError(f"{name}: Run All Cells did not finish within {timeout} s:\n"
                       + "\n".join(not_run(name, page_cells(page), file_cells)))


def notebooks_dir():
    """Return the folder whose notebooks are tested: BROWSER_NOTEBOOKS_DIR, else notebooks/."""
    return Path(os.environ.get("BROWSER_NOTEBOOKS_DIR", ROOT / "notebooks")).resolve()


def notebook_cells(path):
    """Return the cells of the notebook file at `path`."""
    return nbformat.read(path, as_version=4).cells


def describe_cell(index, source):
    """Return how a failure names a cell: its number in the notebook and its first line."""
    first = next((line for line in source.splitlines() if line.strip()), "")
    return f"cell {index + 1} ({first.strip()[:80]!r})"


def not_run(name, page_cells, file_cells):
    """Return a message for each code cell that does not show it ran once, in order.

    A shown cell ran when its prompt is [n] with n counting code cells from 1. A collapsed cell
    (a solution) hides its prompt: it ran when it shows output where the file has some (every
    output was cleared before the run).
    """
    messages, count = [], 0
    for index, (shown, cell) in enumerate(zip(page_cells, file_cells, strict=True)):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        count += 1
        where = f"{name} {describe_cell(index, cell.source)}"
        if shown["collapsed"]:
            if cell.outputs and not shown["outputs"]:
                messages.append(f"{where} (collapsed) shows no output: it did not run")
        elif shown["prompt"] != f"[{count}]:":
            messages.append(f"{where} shows prompt {shown['prompt']!r}, expected [{count}]: "
                            f"(every code cell run once, in order)")
    return messages


def cell_problems(name, page_cells, file_cells):
    """Return one message per problem a learner would see: errors, unrun cells, broken widgets."""
    kinds = [shown["kind"] for shown in page_cells]
    if kinds != [cell.cell_type for cell in file_cells]:
        return [f"{name}: the page shows cells {kinds}, not the file's cells"]
    problems = []
    for index, (shown, cell) in enumerate(zip(page_cells, file_cells, strict=True)):
        where = f"{name} {describe_cell(index, cell.source)}"
        for out in shown["outputs"]:
            if out["mime"] == STDERR:
                problems.append(f"{where} shows an error or stderr output:\n{out['text']}")
            if out["mime"] == WIDGET_VIEW and not out["widget"]:
                problems.append(f"{where}: a widget output shows no widget: {out['text']!r}")
        if "Error displaying widget" in shown["text"]:
            problems.append(f"{where}: Error displaying widget")
    unrun = not_run(name, page_cells, file_cells)
    if unrun and problems:  # Run All stops at an error: say so once, after the error itself
        return problems + [f"{name}: {len(unrun)} code cells did not run after the error"]
    return problems + unrun


def explorer_output(cell):
    """Return what an explorer cell shows besides its controls: image data and text."""
    return cell.evaluate(EXPLORER_OUTPUT_JS)


def explorer_image_problems(page, name):
    """Return a message for each image in an explorer's output that is not drawn (not loaded)
    or has no alt text."""
    cell = page.locator(".jp-Notebook .jp-Cell", has=page.locator(".widget-slider")).first
    images = cell.evaluate("cell => [...cell.querySelectorAll('.jp-Cell-outputWrapper img')]"
                           ".map(img => [img.alt.trim(), img.complete && img.naturalWidth > 0])")
    return [f"{name}: the explorer draws no image"] * (not images) + [
        f"{name}: an explorer image {'is not drawn' if alt else 'has no alt text'}"
        for alt, drawn in images if not (alt and drawn)]


def move_first_slider(page, name, timeout):
    """Press → on the first slider in an output; return its readouts before and after.

    Fails unless the cell's output (plot or text, not the slider's own readout) changes and the
    kernel is idle again.
    """
    cell = page.locator(".jp-Notebook .jp-Cell", has=page.locator(".widget-slider")).first
    slider = cell.locator(".widget-slider").first
    before, readout = explorer_output(cell), slider.locator(".widget-readout").inner_text()
    slider.locator(".noUi-handle").first.focus()
    page.keyboard.press("ArrowRight")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if explorer_output(cell) != before:
            wait_for_idle_kernel(page, name, timeout)
            return readout, slider.locator(".widget-readout").inner_text()
        time.sleep(0.25)
    raise AssertionError(f"{name}: moving the slider {readout!r} → "
                         f"{slider.locator('.widget-readout').inner_text()!r} did not change the "
                         f"explorer's output within {timeout} s")
