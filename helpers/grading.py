"""Grading with nbgrader: the hidden test of each exercise in the course's student edition.

tools/student_edition.py puts `helpers.grade("NN.k", answer)` in each exercise's test cell; the
cell, and so its point, fails unless the answer is right. The verdict is `helpers.check`'s.
"""
from helpers.exercises import verdict


def grade(exercise_id, answer):
    """Return None if `answer` solves exercise `exercise_id`, else raise AssertionError: why not."""
    ok, message = verdict(exercise_id, answer)
    if not ok:
        raise AssertionError(f"Not yet ({exercise_id}): {' '.join(str(message).split())}")
