"""Live explorers: each module pairs a plain training function (returns the history, tested
directly) with a thin ipywidgets layer that calls it when a learner moves a control."""
import base64
import io
import math

DIVERGED = 100.0  # a run has diverged once its loss is this many times its first loss


def check_learning_rate(learning_rate):
    """Return None if `learning_rate` is a positive number; raise ValueError saying why not."""
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, int | float) or not (
            0 < learning_rate < math.inf):
        raise ValueError(f"learning_rate must be a positive number (got {learning_rate!r})")


def diverged_message(label, step):
    """Return the line saying that the run `label` diverged at `step`, and what to try."""
    return (f"{label} diverged at step {step}: the loss grew past {DIVERGED:.0f}x its start. "
            "Try a smaller learning rate.")


def figure_outputs(figure, message):
    """Return the outputs a widget's Output shows: `message` as text, then `figure` as a PNG."""
    png = io.BytesIO()
    figure.savefig(png, format="png")
    image = {"image/png": base64.b64encode(png.getvalue()).decode(), "text/plain": message}
    return ({"output_type": "stream", "name": "stdout", "text": message + "\n"},
            {"output_type": "display_data", "metadata": {}, "data": image})
