"""Field-level validation of the sheets, the case study and the course document: each
mistake is reported beside the field that holds it, naming what is wrong."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from blocks.registry import registry
from tests import factories
from tests.blocks.test_sheets import CASE, term, tool_sheet

pytestmark = pytest.mark.django_db


def clean_errors(name, raw) -> dict:
    """The block's errors as {field: messages} ({field: {item index: messages}} in lists)."""
    block = registry[name]
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python(raw))
    return {field: _messages(error) for field, error in caught.value.block_errors.items()}


def _messages(error):
    if hasattr(error, "block_errors"):
        return {key: _messages(child) for key, child in error.block_errors.items()}
    return error.messages


def accepted(name, raw):
    block = registry[name]
    return block.clean(block.to_python(raw))


def vocab(*terms):
    return {"title": "Key terms", "introduction": "", "terms": list(terms)}


def test_a_term_defined_twice_in_a_vocab_sheet_is_refused_beside_the_second_naming_it():
    errors = clean_errors(
        "vocab_sheet",
        vocab(term("Digital twin", "A model."), term("Edge", "Near."), term("digital  Twin", "Again.")),
    )
    assert errors == {"terms": {2: {"term": ["“digital  Twin” is already in this sheet."]}}}


def test_two_terms_that_would_share_one_anchor_are_refused():
    errors = clean_errors(
        "vocab_sheet", vocab(term("Edge-computing", "One."), term("Edge computing!", "Two."))
    )
    assert errors == {
        "terms": {
            1: {"term": ["“Edge computing!” would share its link with “Edge-computing”: reword one of them."]}
        }
    }


def test_distinct_terms_are_accepted():
    assert accepted("vocab_sheet", vocab(term("Digital twin", "A model."), term("Digital thread", "Data.")))


def test_a_step_given_twice_in_a_tool_sheet_is_refused_beside_the_repeat():
    value = tool_sheet("Interview guide", steps=("Agree the scope.", "Walk the floor.", "agree the scope."))
    value["value"]["tips"] = ["Listen.", "Listen."]
    errors = clean_errors("tool_sheet", value["value"])
    assert errors == {
        "steps": {2: ["“agree the scope.” is already in this list."]},
        "tips": {1: ["“Listen.” is already in this list."]},
    }


def test_an_empty_step_is_refused():
    value = tool_sheet("Interview guide", steps=("Agree the scope.", "   "))["value"]
    assert clean_errors("tool_sheet", value) == {"steps": {1: ["This field is required."]}}


def test_a_case_study_section_pasted_into_another_and_a_repeated_question_are_refused():
    case = dict(CASE, approach=CASE["challenge"], discussion_questions=["Why?", "What next?", "why?"])
    assert clean_errors("case_study", case) == {
        "approach": ["This repeats the challenge word for word."],
        "discussion_questions": {2: ["“why?” is already in this list."]},
    }


def test_the_example_case_study_is_accepted():
    assert accepted("case_study", CASE)


def document_value(document, kind="pdf"):
    return {"document": document.pk, "title": "", "description": "", "document_kind": kind}


def test_a_course_document_marked_pdf_must_be_a_pdf():
    document = factories.document("Worksheet", "worksheet.docx", b"w")
    assert clean_errors("document", document_value(document)) == {
        "document_kind": ["The file is a DOCX, not a PDF: choose another kind."]
    }
    assert accepted("document", document_value(document, "worksheet"))


def test_a_caption_track_or_a_video_is_not_a_course_document():
    for document in (factories.captions(), factories.document("Clip", "clip.mp4", b"v")):
        errors = clean_errors("document", document_value(document, "slides"))
        assert errors == {
            "document": ["A caption track or a video is not a course document: use a video block."]
        }
