"""What every question type provides to the exercise block.

A learner's answer arrives either as JSON (the inline, scripted path) or as a plain
form post; ``answer_from_form`` turns the form into the JSON shape so that checking
and grading exist once. ``validate_answer`` refuses anything malformed with a message — the
view turns it into a 400 — and ``grade`` never sees bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SubmissionError(ValueError):
    """A submission that is malformed or tampered with; the message is shown to the learner."""


@dataclass(kw_only=True)
class QuestionResult:
    """One question of a graded submission.

    A question left unanswered reveals neither its right answer nor its explanation
    (which often restates it): otherwise an empty submission would harvest every
    answer of an exercise. Built with keywords only: seven fields in a row are easy to
    swap unnoticed.
    """

    question_id: str
    prompt: str
    score: float  # 0..1
    feedback: list[str] = field(default_factory=list)
    explanation: str = ""
    right_answer: str = ""
    answered: bool = True

    def __post_init__(self):
        if not self.answered:
            self.explanation = self.right_answer = ""

    @property
    def correct(self) -> bool:
        return self.score >= 0.999

    @property
    def partly_correct(self) -> bool:
        return 0 < self.score < 0.999


class QuestionBlock(blocks.StructBlock):
    explanation = blocks.TextBlock(
        required=False, default="", label=_("Explanation"), help_text=_("Shown after the learner answers.")
    )

    class Meta:
        form_classname = "question-block"

    prompt_field = "prompt"

    def prompt_of(self, value) -> str:
        return value.get(self.prompt_field) or ""

    def form_context(self, value, question_id: str) -> dict:
        return {}

    def answer_from_form(self, data, name: str, value):
        """The answer in its JSON shape, read from form fields named after ``name``."""
        return data.get(name)

    def validate_answer(self, value, answer):
        """Return the answer normalised, or raise SubmissionError."""
        return answer

    def grade(self, value, answer, question_id: str) -> QuestionResult:
        raise NotImplementedError

    def unanswered(self, value, question_id: str) -> QuestionResult:
        return QuestionResult(
            question_id=question_id,
            prompt=self.prompt_of(value),
            score=0.0,
            feedback=[str(_("Not answered."))],
            answered=False,
        )

    def right_answer(self, value) -> str:
        return ""

    def search_text(self, value) -> str:
        """The question as a learner sees it before answering.

        Never the answers, feedback or explanation: explanations often restate the
        right answer, and a search box must not be a way to cheat.
        """
        return self.prompt_of(value)


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise SubmissionError(message)
