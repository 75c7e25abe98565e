from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from ..tokens import option_token, shuffled
from ..validation import repeated_items
from .base import QuestionBlock, QuestionResult, expect


class MatchingPair(blocks.StructBlock):
    left = blocks.CharBlock(max_length=200, label=_("Item"))
    right = blocks.CharBlock(max_length=300, label=_("Its match"))


class MatchingQuestion(QuestionBlock):
    """Pairs written together; learners match each item to one of the shuffled answers.

    Items and answers are named by two different keyed hashes, so a page never
    shows which answer belongs to which item.
    """

    prompt = blocks.CharBlock(max_length=400, label=_("Question"))
    pairs = blocks.ListBlock(MatchingPair(), min_num=2, label=_("Pairs"))

    template_name = "blocks/questions/matching.html"

    class Meta:
        icon = "link"
        label = _("Matching")

    def clean(self, value):
        value = super().clean(value)
        messages = {
            "left": gettext("This item is already in a pair above; learners could not tell them apart."),
            "right": gettext("This match is already in a pair above; learners could not tell them apart."),
        }
        errors = {}
        for side, message in messages.items():
            for index in repeated_items(pair[side] for pair in value["pairs"]):
                errors.setdefault(index, {})[side] = ValidationError(message)
        if errors:
            pair_errors = {index: StructBlockValidationError(fields) for index, fields in errors.items()}
            raise StructBlockValidationError({"pairs": ListBlockValidationError(block_errors=pair_errors)})
        return value

    def _pairs(self, value):
        return [
            (option_token(item.id, "left"), option_token(item.id, "right"), item.value)
            for item in value["pairs"].bound_blocks
        ]

    def form_context(self, value, question_id):
        pairs = self._pairs(value)
        answers = shuffled(pairs, lambda pair: pair[1])
        return {
            "lefts": [{"token": left, "text": pair["left"]} for left, _right, pair in pairs],
            "rights": [{"token": right, "text": pair["right"]} for _left, right, pair in answers],
        }

    def answer_from_form(self, data, name, value):
        answer = {}
        for left, _right, _pair in self._pairs(value):
            chosen = data.get(f"{name}-{left}")
            if chosen:
                answer[left] = chosen
        return answer or None

    def validate_answer(self, value, answer):
        pairs = self._pairs(value)
        lefts, rights = {p[0] for p in pairs}, {p[1] for p in pairs}
        expect(isinstance(answer, dict), gettext("A matching answer maps each item to an answer."))
        expect(all(isinstance(v, str) for v in answer.values()), gettext("Answers are named by text tokens."))
        expect(set(answer) <= lefts, gettext("Unknown item in the matching answer."))
        expect(set(answer.values()) <= rights, gettext("Unknown answer in the matching answer."))
        return answer

    def grade(self, value, answer, question_id):
        pairs = self._pairs(value)
        right = sum(1 for left, rightt, _pair in pairs if answer.get(left) == rightt)
        return QuestionResult(
            question_id=question_id,
            prompt=value["prompt"],
            score=right / len(pairs),
            feedback=[],
            explanation=value["explanation"],
            right_answer=self.right_answer(value),
        )

    def right_answer(self, value):
        return "; ".join(f"{pair['left']} → {pair['right']}" for pair in value["pairs"])
