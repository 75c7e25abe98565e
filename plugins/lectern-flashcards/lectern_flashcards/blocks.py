from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from blocks.api import (
    GradeResult,
    InteractiveBlock,
    QuestionResult,
    SearchDocument,
    SubmissionError,
    TitledSectionBlock,
    comparable_text,
)


def _fold(text: str) -> str:
    """A card's answer as the deck compares it: case, spacing and accents aside."""
    return comparable_text(text, accents_matter=False)


class CardBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(max_length=200, label=_("Prompt"))
    answer = blocks.CharBlock(max_length=200, label=_("Answer"))
    also_accepted = blocks.ListBlock(blocks.CharBlock(max_length=200), default=[], label=_("Also accepted"))


class FlashcardsBlock(InteractiveBlock, TitledSectionBlock, blocks.StructBlock):
    """A deck of cards: the learner recalls each answer, then sees how they did.

    Its title is a heading with the anchor ``flashcards-<slug of the title>``, listed
    in the topic's contents and opened by search results (``TitledSectionBlock``).
    """

    anchor_prefix, anchor_fallback = "flashcards", "deck"
    kind = "flashcards"
    search_kinds = {"flashcards": _("Flashcards")}  # the label beside its search hits

    title = blocks.CharBlock(max_length=200, default="Flashcards", label=_("Title"))
    cards = blocks.ListBlock(CardBlock(), min_num=1, label=_("Cards"))

    class Meta:
        icon = "table"
        template = "lectern_flashcards/flashcards.html"
        label = _("Flashcards")
        description = _("Recall practice: type the answer to each card.")
        preview_value = {
            "title": "Flashcards",
            "cards": [{"prompt": "IIoT", "answer": "Industrial Internet of Things"}],
        }

    def clean(self, value):
        """No prompt twice: the learner could not tell which answer goes where."""
        value = super().clean(value)
        seen, errors = set(), {}
        for index, card in enumerate(value["cards"]):
            prompt = _fold(card["prompt"])
            if prompt in seen:
                message = gettext("“%(prompt)s” is already in this deck.") % {"prompt": card["prompt"]}
                errors[index] = StructBlockValidationError({"prompt": ValidationError(message)})
            seen.add(prompt)
        if errors:
            raise StructBlockValidationError({"cards": ListBlockValidationError(block_errors=errors)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)  # "anchor": the deck's heading
        context["cards"] = [
            {"id": item.id, "prompt": item.value["prompt"]} for item in value["cards"].bound_blocks
        ]
        return context

    def search_documents(self, value, context):
        prompts = " ".join(card["prompt"] for card in value["cards"])  # never the answers
        return [SearchDocument(self.kind, value["title"], prompts, "#" + self.anchor_for(value))]

    def submission_from_form(self, value, data):
        return {"answers": {item.id: data.get(f"card-{item.id}", "") for item in value["cards"].bound_blocks}}

    def grade(self, value, submission):
        answers = submission.get("answers") if isinstance(submission, dict) else None
        if not isinstance(answers, dict) or not all(isinstance(a, str) for a in answers.values()):
            raise SubmissionError(gettext("Send the answers as an object of card ids to text."))
        cards = {item.id: item.value for item in value["cards"].bound_blocks}
        if set(answers) - set(cards):
            raise SubmissionError(gettext("Unknown card in the answers."))
        results = []
        for card_id, card in cards.items():
            given = _fold(answers.get(card_id, ""))
            accepted = {_fold(card["answer"]), *(_fold(a) for a in card["also_accepted"])}
            right = bool(given) and given in accepted
            results.append(
                QuestionResult(
                    question_id=card_id,
                    prompt=card["prompt"],
                    score=1.0 if right else 0.0,
                    right_answer=card["answer"],
                    answered=bool(given),
                )
            )
        return GradeResult.from_questions(results, pass_mark=100)
