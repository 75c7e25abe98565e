"""Checks shared by several blocks' ``clean``: texts an editor typed twice."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from wagtail.blocks.list_block import ListBlockValidationError

from .text import comparable_text


def repeated_items(texts) -> dict[int, str]:
    """Index and text of each item that repeats an earlier one of the list."""
    seen, repeated = set(), {}
    for index, text in enumerate(texts):
        key = comparable_text(text)
        if key in seen:
            repeated[index] = text
        seen.add(key)
    return repeated


def repeated_items_error(texts) -> ListBlockValidationError | None:
    """An error beside each item of a list of texts that repeats an earlier one, or None."""
    repeated = repeated_items(texts)
    if not repeated:
        return None
    return ListBlockValidationError(
        block_errors={
            index: ValidationError(gettext("“%(text)s” is already in this list.") % {"text": text})
            for index, text in repeated.items()
        }
    )
