"""Live explorers: each module pairs a plain training function (returns the history, tested
directly) with a thin ipywidgets layer that calls it when a learner moves a control."""
