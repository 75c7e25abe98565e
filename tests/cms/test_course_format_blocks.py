"""Every block of the lesson body survives export → import into an empty site → export."""

import pytest
from django.core.management import call_command

from blocks.registry import registry
from cms.models import CoursePage, TopicPage
from tests import factories
from tests.blocks.exercise_data import EXERCISE
from tests.blocks.test_infographic import infographic_value
from tests.blocks.test_sheets import CASE, term, tool_sheet, vocab_sheet
from tests.cms.test_course_format import empty_the_site, folder_files

pytestmark = pytest.mark.django_db


def one_of_every_block(course):
    """A body holding every registered block type, media and links included."""
    figure, checklist = factories.image("Value chain"), factories.document("Readiness checklist")
    body = [
        factories.heading("Where the idea comes from"),
        {
            "type": "rich_text",
            "value": f'<p>Back to <a linktype="page" id="{course.pk}">the course</a>, or print '
            f'<a linktype="document" id="{checklist.pk}">the checklist</a>.</p>',
        },
        {"type": "callout", "value": {"style": "tip", "title": "Tip", "body": "<p>Start small.</p>"}},
        {"type": "image", "value": {"image": figure.pk, "alt_text": "A value chain", "caption": "Figure 1"}},
        {"type": "video", "value": factories.video_value(poster=figure.pk)},
        {"type": "infographic", "value": infographic_value(figure)},
        EXERCISE,
        {"type": "case_study", "value": CASE},
        vocab_sheet(term("Digital twin", "A virtual model kept in step with a physical asset.", "DT")),
        tool_sheet("Readiness check", template=checklist),
        {
            "type": "document",
            "value": {
                "document": checklist.pk,
                "title": "",
                "description": "Print it.",
                "document_kind": "worksheet",
            },
        },
    ]
    if "flashcards" in registry:  # the example plugin, when installed
        body.append(flashcards_block())
    return body


def flashcards_block():
    """A block of the example plugin's type."""
    return {
        "type": "flashcards",
        "value": {
            "title": "Flashcards",
            "cards": [{"prompt": "IIoT", "answer": "Industrial Internet of Things", "also_accepted": []}],
        },
    }


def test_every_registered_block_type_round_trips_byte_for_byte_into_an_empty_site(tmp_path, home):
    topic = factories.topic_with([])
    course = CoursePage.objects.ancestor_of(topic).get()
    topic.body = one_of_every_block(course)
    topic.save_revision().publish()
    block_types = [child.block_type for child in TopicPage.objects.get(pk=topic.pk).body]
    assert set(block_types) == set(registry.names())

    call_command("export_course", course.slug, str(tmp_path / "first"))
    empty_the_site()
    call_command("import_course", str(tmp_path / "first"))
    call_command("export_course", course.slug, str(tmp_path / "second"))

    first, second = folder_files(tmp_path / "first"), folder_files(tmp_path / "second")
    assert first.keys() == second.keys()
    for folder in ("media/images/", "media/documents/", "media/videos/", "media/captions/"):
        assert any(name.startswith(folder) for name in first), folder
    assert [name for name in first if first[name] != second[name]] == []
    imported = TopicPage.objects.get(locale__language_code="en", slug=topic.slug)
    assert [child.block_type for child in imported.body] == block_types
