import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from ..tokens import option_token, shuffled
from ..validation import repeated_items
from .base import QuestionBlock, QuestionResult, expect


class OrderingQuestion(QuestionBlock):
    """Items written in the right order; learners see them shuffled and number them."""

    prompt = blocks.CharBlock(max_length=400, label=_("Question"))
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=300), min_num=2, label=_("Items, in the right order")
    )

    template_name = "blocks/questions/ordering.html"

    class Meta:
        icon = "list-ol"
        label = _("Ordering")

    def clean(self, value):
        value = super().clean(value)
        repeated = repeated_items(value["items"])
        if repeated:
            message = gettext("This item is already in the list above; learners could not tell them apart.")
            errors = {index: ValidationError(message) for index in repeated}
            raise StructBlockValidationError({"items": ListBlockValidationError(block_errors=errors)})
        return value

    def _tokens(self, value):
        return [(option_token(item.id), item.value) for item in value["items"].bound_blocks]

    def form_context(self, value, question_id):
        tokens = self._tokens(value)
        return {
            "items": [{"token": token, "text": text} for token, text in shuffled(tokens, lambda t: t[0])],
            "positions": range(1, len(tokens) + 1),
        }

    def answer_from_form(self, data, name, value):
        """The position chosen for each item (``name-<token>``), as sent: ``validate_answer`` checks them."""
        positions = {token: data.get(f"{name}-{token}", "") for token, _text in self._tokens(value)}
        return positions if any(positions.values()) else None

    def validate_answer(self, value, answer):
        """Either the items in order (a list) or each item's position (a mapping, as the form sends)."""
        tokens = [token for token, _text in self._tokens(value)]
        if isinstance(answer, dict):
            answer = order_from_positions(tokens, answer)
        expect(
            isinstance(answer, list) and all(isinstance(t, str) for t in answer),
            gettext("An ordering answer is a list of items."),
        )
        expect(sorted(answer) == sorted(tokens), gettext("Put every item in the order exactly once."))
        return answer

    def grade(self, value, answer, question_id):
        tokens = [token for token, _text in self._tokens(value)]
        in_place = sum(1 for given, right in zip(answer, tokens, strict=True) if given == right)
        return QuestionResult(
            question_id=question_id,
            prompt=value["prompt"],
            score=in_place / len(tokens),
            feedback=[],
            explanation=value["explanation"],
            right_answer=self.right_answer(value),
        )

    def right_answer(self, value):
        return " → ".join(value["items"])


def order_from_positions(tokens: list[str], positions: dict) -> list[str]:
    """The items sorted by their positions, which must use each of 1..n exactly once.

    Sorting alone would accept every item at position 1 (ties keep the stored, right
    order) or a position past the end.
    """
    expect(set(positions) <= set(tokens), gettext("Unknown item in the ordering answer."))
    expect(
        all(positions.get(token) not in (None, "") for token in tokens),
        gettext("Give every item a position."),
    )
    numbers = {token: whole_number(positions[token]) for token in tokens}
    expect(
        sorted(numbers.values()) == list(range(1, len(tokens) + 1)),
        gettext("Give each position from 1 to %(count)s exactly once.") % {"count": len(tokens)},
    )
    return sorted(tokens, key=numbers.__getitem__)


def whole_number(raw) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    expect(
        isinstance(raw, str) and re.fullmatch(r"\s*[0-9]{1,4}\s*", raw) is not None,
        gettext("A position is a whole number."),
    )
    return int(raw)
