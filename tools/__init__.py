"""The course's command-line tools (`python tools/<name>.py`), importable from the tests as
`from tools import bench`: pytest puts the repository root on the path (pyproject.toml)."""
