"""Anchors are checked across a topic's blocks: two sheets may not give one link to two terms."""

import pytest
from wagtail.blocks.stream_block import StreamBlockValidationError

from cms.models import TopicPage
from tests.blocks.test_sheets import term

pytestmark = pytest.mark.django_db


def sheet(title, *terms):
    return {"type": "vocab_sheet", "value": {"title": title, "introduction": "", "terms": list(terms)}}


def clean(*children):
    block = TopicPage._meta.get_field("body").stream_block
    return block.clean(block.to_python(list(children)))


def test_a_term_repeated_in_a_second_vocab_sheet_is_refused_beside_it():
    first = sheet("Key terms", term("Digital twin", "A model."), term("Edge", "Near."))
    second = sheet("More terms", term("Cobot", "A robot."), term("Digital twin", "Again."))
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(first, second)
    errors = caught.value.block_errors
    assert list(errors) == [1]
    term_error = errors[1].block_errors["terms"].block_errors[1].block_errors["term"]
    assert "“Digital twin” is already a term of an earlier sheet of this topic" in term_error.messages[0]


def test_two_sheets_with_different_terms_are_accepted():
    assert clean(
        sheet("Key terms", term("Digital twin", "A model.")), sheet("More terms", term("Cobot", "A robot."))
    )
