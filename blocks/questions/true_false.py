from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import QuestionBlock, QuestionResult, expect


class TrueFalseQuestion(QuestionBlock):
    statement = blocks.CharBlock(max_length=400, label=_("Statement"))
    answer = blocks.BooleanBlock(required=False, default=False, label=_("The statement is true"))
    feedback_correct = blocks.CharBlock(
        required=False, default="", max_length=300, label=_("Feedback if right")
    )
    feedback_incorrect = blocks.CharBlock(
        required=False, default="", max_length=300, label=_("Feedback if wrong")
    )

    prompt_field = "statement"
    template_name = "blocks/questions/true_false.html"

    class Meta:
        icon = "pick"
        label = _("True or false")

    def answer_from_form(self, data, name, value):
        raw = data.get(name)
        return {"true": True, "false": False}.get(raw, raw)

    def validate_answer(self, value, answer):
        expect(isinstance(answer, bool), gettext("Answer true or false."))
        return answer

    def grade(self, value, answer, question_id):
        right = answer == value["answer"]
        feedback = value["feedback_correct"] if right else value["feedback_incorrect"]
        return QuestionResult(
            question_id=question_id,
            prompt=value["statement"],
            score=1.0 if right else 0.0,
            feedback=[feedback] if feedback else [],
            explanation=value["explanation"],
            right_answer=self.right_answer(value),
        )

    def right_answer(self, value):
        return gettext("True") if value["answer"] else gettext("False")
