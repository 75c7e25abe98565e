from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..tokens import option_token
from .base import QuestionBlock, QuestionResult, expect


class ChoiceOption(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Option"))
    correct = blocks.BooleanBlock(required=False, default=False, label=_("Correct"))
    feedback = blocks.CharBlock(
        required=False,
        default="",
        max_length=300,
        label=_("Feedback"),
        help_text=_("Shown when this option is chosen."),
    )


class SingleChoiceQuestion(QuestionBlock):
    """One right option among several; each option carries its own feedback."""

    prompt = blocks.CharBlock(max_length=400, label=_("Question"))
    options = blocks.ListBlock(ChoiceOption(), min_num=2, label=_("Options"))

    multiple = False
    template_name = "blocks/questions/choice.html"

    class Meta:
        icon = "radio-full"
        label = _("Single choice")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        if (self.multiple and correct < 1) or (not self.multiple and correct != 1):
            message = (
                gettext("Mark at least one option as correct.")
                if self.multiple
                else gettext("Mark exactly one option as correct.")
            )
            raise StructBlockValidationError({"options": ValidationError(message)})
        return value

    def _tokens(self, value):
        return {option_token(item.id): item.value for item in value["options"].bound_blocks}

    def form_context(self, value, question_id):
        return {
            "multiple": self.multiple,
            "options": [
                {"token": token, "text": option["text"]} for token, option in self._tokens(value).items()
            ],
        }

    def answer_from_form(self, data, name, value):
        chosen = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        if self.multiple:
            return chosen
        return chosen[0] if isinstance(chosen, list) and len(chosen) == 1 else (chosen or None)

    def validate_answer(self, value, answer):
        tokens = self._tokens(value)
        if self.multiple:
            expect(isinstance(answer, list), gettext("A multiple-choice answer is a list of options."))
            expect(
                all(isinstance(token, str) for token in answer), gettext("Options are named by text tokens.")
            )
            expect(len(set(answer)) == len(answer), gettext("An option was chosen twice."))
        else:
            expect(isinstance(answer, str), gettext("A single-choice answer is one option."))
            answer = [answer]
        unknown = [token for token in answer if token not in tokens]
        expect(not unknown, gettext("Unknown option: %(option)s.") % {"option": ", ".join(unknown)})
        return answer

    def grade(self, value, answer, question_id):
        tokens = self._tokens(value)
        chosen = [tokens[token] for token in answer]
        feedback = [option["feedback"] for option in chosen if option["feedback"]]
        if self.multiple:
            right = sum(1 for option in value["options"] if option["correct"])
            hits = sum(1 for option in chosen if option["correct"])
            misses = len(chosen) - hits
            score = max(0.0, (hits - misses) / right)
        else:
            score = 1.0 if chosen[0]["correct"] else 0.0
        return QuestionResult(
            question_id=question_id,
            prompt=value["prompt"],
            score=score,
            feedback=feedback,
            explanation=value["explanation"],
            right_answer=self.right_answer(value),
        )

    def right_answer(self, value):
        return "; ".join(option["text"] for option in value["options"] if option["correct"])


class MultipleChoiceQuestion(SingleChoiceQuestion):
    """Several right options; a wrong choice cancels a right one (never below zero)."""

    multiple = True

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")
