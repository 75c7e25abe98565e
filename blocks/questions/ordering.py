from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..tokens import option_token, shuffled
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

    def _tokens(self, value):
        return [(option_token(item.id), item.value) for item in value["items"].bound_blocks]

    def form_context(self, value, question_id):
        tokens = self._tokens(value)
        return {
            "items": [{"token": token, "text": text} for token, text in shuffled(tokens, lambda t: t[0])],
            "positions": range(1, len(tokens) + 1),
        }

    def answer_from_form(self, data, name, value):
        """Positions chosen per item (``name-<token>`` = 1..n) become the tokens in order."""
        positions = {}
        for token, _text in self._tokens(value):
            raw = data.get(f"{name}-{token}")
            if raw in (None, ""):
                return None
            positions[token] = raw
        try:
            return [token for token, _pos in sorted(positions.items(), key=lambda item: int(item[1]))]
        except (TypeError, ValueError):
            return positions  # check() refuses it with a message

    def validate_answer(self, value, answer):
        tokens = [token for token, _text in self._tokens(value)]
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
            question_id,
            value["prompt"],
            in_place / len(tokens),
            [],
            value["explanation"],
            self.right_answer(value),
        )

    def right_answer(self, value):
        return " → ".join(value["items"])
