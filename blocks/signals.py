"""Signals the block library sends, for apps that keep learners' records (see progress/)."""

from django.dispatch import Signal

# Sent after a learner's answers to an interactive block were graded.
# Arguments: request, page (the specific page, in the learner's language), block_id, result (GradeResult).
exercise_graded = Signal()
