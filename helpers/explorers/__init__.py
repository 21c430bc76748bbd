"""Live explorers: each module pairs a plain training function (returns the history, tested
directly) with a thin ipywidgets layer that calls it when a learner moves a control."""
import base64
import io


def figure_outputs(figure, message):
    """Return the outputs a widget's Output shows: `message` as text, then `figure` as a PNG."""
    png = io.BytesIO()
    figure.savefig(png, format="png")
    image = {"image/png": base64.b64encode(png.getvalue()).decode(), "text/plain": message}
    return ({"output_type": "stream", "name": "stdout", "text": message + "\n"},
            {"output_type": "display_data", "metadata": {}, "data": image})
