"""tools/run_as_learner.py: what a learner who experiments changes in a chapter's code."""
from tools.run_as_learner import as_learner


def test_the_set_up_gets_the_learners_seed_and_each_literal_learning_rate_is_scaled():
    source = ("device = helpers.setup()\noptimizer = SGD(params, lr=1e-6)\n"
              "learning_rate = 0.5  # try 1.0\nsteps = 2000")
    assert as_learner(source, seed=3, lr_scale=2) == (
        "device = helpers.setup(seed=3)\noptimizer = SGD(params, lr=2e-06)\n"
        "learning_rate = 1.0  # try 1.0\nsteps = 2000")


def test_a_set_up_with_arguments_keeps_them_after_the_seed():
    assert as_learner("helpers.setup(numpy_only=True)", seed=1, lr_scale=1) == (
        "helpers.setup(seed=1, numpy_only=True)")


def test_a_rate_given_by_a_formula_is_left_alone():
    source = "learning_rate = 1 / (2 * largest)\nrate = helpers.limit(lr=2 * lr0)"
    assert as_learner(source, seed=0, lr_scale=2) == "learning_rate = 1 / (2 * largest)\n" + (
        "rate = helpers.limit(lr=2 * lr0)")
