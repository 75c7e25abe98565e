import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from wagtail import blocks as wagtail_blocks

from blocks.fields import LessonBodyField
from blocks.plugins import discover_plugin_apps
from blocks.registry import AlreadyRegistered, BlockRegistry, registry
from cms.models import TopicPage

CORE_ORDER = [
    "heading",
    "rich_text",
    "callout",
    "image",
    "video",
    "infographic",
    "exercise",
    "case_study",
    "vocab_sheet",
    "tool_sheet",
    "document",
]


class NoTemplateBlock(wagtail_blocks.CharBlock):
    class Meta:
        template = "blocks/does-not-exist.html"


def test_core_blocks_come_first_in_a_fixed_order_then_plugins():
    names = registry.names()
    assert names[: len(CORE_ORDER)] == CORE_ORDER
    assert names[len(CORE_ORDER) :] == ["flashcards"]


def test_a_second_block_of_the_same_name_is_refused():
    pool = BlockRegistry()
    pool.register("quiz", wagtail_blocks.CharBlock)
    with pytest.raises(AlreadyRegistered):
        pool.register("quiz", wagtail_blocks.TextBlock)


def test_a_block_whose_template_is_missing_is_refused_at_registration():
    with pytest.raises(ImproperlyConfigured, match="does-not-exist.html"):
        BlockRegistry().register("broken", NoTemplateBlock)


def test_unregister_removes_a_block_from_the_lesson_body():
    stream_block = TopicPage.body.field.stream_block
    assert "flashcards" in stream_block.child_blocks
    block = registry["flashcards"]
    registry.unregister("flashcards")
    try:
        assert "flashcards" not in TopicPage.body.field.stream_block.child_blocks
    finally:
        registry.register("flashcards", block)
    assert "flashcards" in TopicPage.body.field.stream_block.child_blocks


def test_the_example_plugin_is_found_through_its_entry_point():
    assert discover_plugin_apps() == ["lectern_flashcards"]
    assert "lectern_flashcards" in settings.INSTALLED_APPS


def test_a_plugin_can_be_switched_off_by_name():
    assert discover_plugin_apps(disabled=["flashcards"]) == []


def test_the_lesson_body_migration_state_does_not_depend_on_the_registry():
    field = TopicPage._meta.get_field("body")
    before = field.deconstruct()
    block = registry["flashcards"]
    registry.unregister("flashcards")
    try:
        assert field.deconstruct() == before
    finally:
        registry.register("flashcards", block)
    assert before[1:] == ("blocks.fields.LessonBodyField", [], {"blank": True})
    assert isinstance(field, LessonBodyField)


@pytest.mark.django_db
def test_installing_the_plugin_needed_no_new_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


PREVIEW_TEXT = {
    "heading": "Why clusters matter for SMEs",
    "rich_text": "A cluster brings together firms",
    "callout": "Start from the members",
    "exercise": "A cluster is a kind of trade association.",
    "case_study": "A metalworking cluster pilots predictive maintenance",
    "vocab_sheet": "A virtual model kept in step with a real asset.",
    "tool_sheet": "Digital maturity interview guide",
    "flashcards": "IIoT",
}


@pytest.mark.django_db
def test_every_block_without_a_required_file_has_an_admin_preview(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "pw"))
    previewable = {name for name, block in registry.items() if block.is_previewable}
    # image, video, infographic and document need a file chosen in the library to show anything
    assert previewable == set(PREVIEW_TEXT)
    for name, text in PREVIEW_TEXT.items():
        response = client.get("/admin/block-preview/", {"id": registry[name].definition_prefix})
        assert response.status_code == 200, name
        assert text in response.content.decode(), name
