from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..text import comparable_text
from .base import QuestionBlock, QuestionResult, expect

BLANK = "___"
MAX_ANSWER_LENGTH = 200


class FillBlankQuestion(QuestionBlock):
    """A sentence with one blank (``___``) and every accepted answer."""

    prompt = blocks.CharBlock(
        max_length=400, label=_("Sentence"), help_text=_("Mark the blank with ___ (three underscores).")
    )
    answers = blocks.ListBlock(
        blocks.CharBlock(max_length=MAX_ANSWER_LENGTH), min_num=1, label=_("Accepted answers")
    )
    case_sensitive = blocks.BooleanBlock(required=False, default=False, label=_("Case matters"))
    accent_sensitive = blocks.BooleanBlock(required=False, default=False, label=_("Accents matter"))
    feedback_correct = blocks.CharBlock(
        required=False, default="", max_length=300, label=_("Feedback if right")
    )
    feedback_incorrect = blocks.CharBlock(
        required=False, default="", max_length=300, label=_("Feedback if wrong")
    )

    template_name = "blocks/questions/fill_blank.html"

    class Meta:
        icon = "edit"
        label = _("Fill in the blank")

    def clean(self, value):
        value = super().clean(value)
        if value["prompt"].count(BLANK) != 1:
            raise StructBlockValidationError(
                {"prompt": ValidationError(gettext("Mark exactly one blank with ___."))}
            )
        return value

    def form_context(self, value, question_id):
        before, _blank, after = value["prompt"].partition(BLANK)
        return {"before": before, "after": after}

    def validate_answer(self, value, answer):
        expect(isinstance(answer, str), gettext("A fill-in-the-blank answer is text."))
        expect(len(answer) <= MAX_ANSWER_LENGTH, gettext("That answer is too long."))
        return answer

    def grade(self, value, answer, question_id):
        options = {"case_matters": value["case_sensitive"], "accents_matter": value["accent_sensitive"]}
        given = comparable_text(answer, **options)
        right = bool(given) and any(
            given == comparable_text(accepted, **options) for accepted in value["answers"]
        )
        feedback = value["feedback_correct"] if right else value["feedback_incorrect"]
        return QuestionResult(
            question_id=question_id,
            prompt=value["prompt"],
            score=1.0 if right else 0.0,
            feedback=[feedback] if feedback else [],
            explanation=value["explanation"],
            right_answer=self.right_answer(value),
        )

    def right_answer(self, value):
        return value["answers"][0] if value["answers"] else ""
