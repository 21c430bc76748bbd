"""The course's one manifest: every chapter and its files, one entry each.

Every per-chapter table is derived from CHAPTERS: the navigation lines, contents notebook and
README tables (tools/course_nav.py), the exercise check modules (helpers.exercises), the plain
scripts `make bench` times beside each chapter (tools/bench.py), and the trainings the GPU parity
test compares (tests/test_gpu_parity.py). Adding a chapter is one entry here plus its files.
"""
from typing import NamedTuple

# The public GitHub repository of the course, "owner/name": the one place it is named. The Binder
# and Colab badges, the Colab set-up lines and the nbgitpuller link are derived from it by
# `make nav` (tools/course_nav.py). A fork, or the project once it is published, sets it here and
# runs `make nav`; while it is the placeholder, `make nav` warns that the links lead nowhere.
PLACEHOLDER_REPOSITORY = "OWNER/REPOSITORY"
REPOSITORY = "OWNER/REPOSITORY"  # a fork or the project sets its own "owner/name" here


class Chapter(NamedTuple):
    """One chapter: its notebook, what it teaches, and the files that serve it alone."""

    file: str  # notebooks/<file>; its first two characters are the chapter's number
    title: str  # the notebook's first cell starts with "# <title>"
    summary: str  # what it teaches, one line (course map, contents)
    minutes: int  # time to work through it
    checks: str  # helpers/exercises/<checks>.py holds its exercise checks
    helpers: tuple[str, ...] = ()  # helper modules written for this chapter alone
    scripts: tuple[str, ...] = ()  # bench/scripts/<name>.py: the tutorial's training, plain
    parity_fit: str | None = None  # the script whose fit(device, dtype) the GPU parity test runs
    less_work: str | None = None  # why `make bench` also prints the overhead without it

    @property
    def number(self):
        """Return the chapter's two-digit number, as exercise ids use it ("01")."""
        return self.file[:2]


CHAPTERS = [
    Chapter("01_introduction.ipynb", "01 · Introduction",
            "what PyTorch adds to NumPy; the problem, its loss, the best possible cubic", 15,
            checks="introduction_chapter"),
    Chapter("02_numpy.ipynb", "02 · NumPy", "gradient descent with gradients derived by hand", 25,
            checks="numpy_chapter", helpers=("explorers.learning_rate",),
            scripts=("numpy_fit",)),
    Chapter("03_tensors.ipynb", "03 · Tensors",
            "the same fit with torch tensors; dtype, device, NumPy interop, timing", 25,
            checks="tensors_chapter", helpers=("timing",), scripts=("tensors_fit",),
            parity_fit="tensors_fit"),
    Chapter("04_autograd.ipynb", "04 · Autograd",
            "requires_grad, the recorded graph, backward, no_grad; checking against calculus", 30,
            checks="autograd_chapter", scripts=("autograd_fit",), parity_fit="autograd_fit"),
    Chapter("05_custom_autograd_function.ipynb", "05 · Custom autograd Functions",
            "forward/backward by hand in a torch.autograd.Function, proven with gradcheck", 30,
            checks="custom_function_chapter", helpers=("legendre",), scripts=("function_fit",),
            parity_fit="function_fit"),
    Chapter("06_nn.ipynb", "06 · nn",
            "nn.Sequential, nn.Linear, nn.MSELoss; features by broadcasting", 25,
            checks="nn_chapter", scripts=("nn_fit",), parity_fit="nn_fit"),
    Chapter("07_optim.ipynb", "07 · optim",
            "optimizers compared; why plain gradient descent crawls and how to fix it", 35,
            checks="optim_chapter", helpers=("explorers.optimizers",), scripts=("optim_fit",),
            parity_fit="optim_fit"),
    Chapter("08_custom_module.ipynb", "08 · Custom nn.Module",
            "your own Module with Parameters; saving and loading weights", 25,
            checks="custom_module_chapter", scripts=("module_fit",), parity_fit="module_fit"),
    Chapter("09_control_flow_weight_sharing.ipynb", "09 · Control flow and weight sharing",
            "dynamic graphs from Python control flow; one weight used twice", 35,
            checks="control_flow_chapter",
            helpers=("weight_sharing", "explorers.weight_sharing"),
            scripts=("dynamic_net", "repeated_linear")),  # both train as their sources do
    Chapter("10_linear_regression.ipynb", "10 · Linear regression",
            "a small real project: validation split, DataLoader, train/eval, saving; the course "
            "in one table", 30, checks="linear_regression_chapter",
            scripts=("linear_regression_project", "linear_regression", "line_one_sample")),
]
