import pytest
from wagtail.models import PageViewRestriction

from search.indexer import documents_for_page
from tests import factories
from tests.blocks.exercise_data import EXERCISE, SECRET_TEXTS

pytestmark = pytest.mark.django_db


def vocab(*terms):
    return {
        "type": "vocab_sheet",
        "id": "vocab-1",
        "value": {
            "title": "Key terms",
            "introduction": "",
            "terms": [
                {"term": term, "abbreviation": "", "synonyms": [], "definition": definition, "related": []}
                for term, definition in terms
            ],
        },
    }


def test_a_topic_gives_its_own_document_with_its_running_text_and_one_per_findable_block():
    topic = factories.topic_with(
        [
            {"type": "heading", "value": {"text": "Edge and cloud", "level": "h2"}},
            {"type": "rich_text", "value": "<p>Gateways <strong>buffer</strong> data.</p>"},
            vocab(
                ("Digital twin", "A model kept in sync."), ("Edge computing", "Processing near the machine.")
            ),
        ],
        title="Edge, cloud and platforms",
    )
    documents = documents_for_page(topic)
    by_kind = {}
    for document in documents:
        by_kind.setdefault(document.kind, []).append(document)
    [page] = by_kind["topic"]
    assert page.title == "Edge, cloud and platforms"
    assert (
        "Edge and cloud" in page.text and "Gateways buffer data." in page.text and "<strong>" not in page.text
    )
    assert [d.title for d in by_kind["vocab_term"]] == ["Digital twin", "Edge computing"]
    assert by_kind["vocab_term"][0].url == topic.url + "#term-digital-twin"
    assert page.module_title == "Module 1" and page.lesson_title == "Lesson 1.1" and page.public


def test_a_transcript_cue_opens_the_video_at_its_moment():
    topic = factories.topic_with([{"type": "video", "id": "v1", "value": factories.video_value()}])
    cues = [d for d in documents_for_page(topic) if d.kind == "transcript"]
    assert [d.timestamp for d in cues] == [0, 3, 7]
    assert cues[1].url == topic.url + "?t=3&v=v1#block-v1"
    assert cues[1].text == "It pays off for complex, low-volume parts."


def test_exercise_answers_never_reach_the_index():
    topic = factories.topic_with([EXERCISE])
    text = " ".join(d.title + " " + d.text for d in documents_for_page(topic))
    assert "Which body links firms" in text
    for secret in SECRET_TEXTS:  # answers, feedback and explanations
        assert secret not in text, secret


def test_drafts_give_nothing_and_private_pages_are_marked_private():
    topic = factories.topic_with([{"type": "rich_text", "value": "<p>Private plans.</p>"}])
    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)
    assert {d.public for d in documents_for_page(topic)} == {False}
    topic.unpublish()
    assert documents_for_page(topic) == []


def test_a_course_document_is_found_by_the_words_inside_its_pdf():
    pdf = (factories.DEMO_MEDIA / "documents").glob("*.pdf").__next__().read_bytes()
    import io

    from pypdf import PdfReader

    first_words = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split()[:3])
    document = factories.document("Worksheet", "worksheet.pdf", pdf)
    topic = factories.topic_with(
        [
            {
                "type": "document",
                "value": {
                    "document": document.pk,
                    "title": "",
                    "description": "Fill it in.",
                    "document_kind": "worksheet",
                },
            }
        ]
    )
    [found] = [d for d in documents_for_page(topic) if d.kind == "document"]
    assert found.title == "Worksheet" and found.text.startswith("Fill it in.")
    assert first_words in found.text
