"""tools/run_notebooks.py stores each print whole, as nbval reads it back."""
from nbformat.v4 import new_output
from nbval.plugin import coalesce_streams

from tools import run_notebooks


def outputs():
    """Return a fresh list of outputs: one print in two pieces, stderr, a result, two prints."""
    return [new_output("stream", name="stdout", text="Correct (02.2): ok"),
            new_output("stream", name="stdout", text="\n"),
            new_output("stream", name="stderr", text="warning\n"),
            new_output("execute_result", data={"text/plain": "3"}, execution_count=1),
            new_output("stream", name="stdout", text="a\n"),
            new_output("stream", name="stdout", text="b\n")]


def test_pieces_of_one_print_are_stored_as_one_output_as_nbval_compares_them():
    merged = run_notebooks.merged_streams(outputs())
    assert [(o.output_type, o.get("text")) for o in merged] == [
        ("stream", "Correct (02.2): ok\n"), ("stream", "warning\n"),
        ("execute_result", None), ("stream", "a\nb\n")]
    for name in ("stdout", "stderr"):  # what nbval compares, its own merge of each stream
        text = "".join(o.text for o in merged if o.get("name") == name)
        assert [text] == [o.text for o in coalesce_streams(outputs()) if o.get("name") == name]


def test_the_contents_runs_as_a_new_learner_with_an_empty_home(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_PROGRESS", "off")
    monkeypatch.setenv("XDG_DATA_HOME", "/somewhere")
    env = run_notebooks.new_learner_env(tmp_path)
    assert env["HOME"] == str(tmp_path) and "PATH" in env
    assert "COURSE_PROGRESS" not in env and "XDG_DATA_HOME" not in env
