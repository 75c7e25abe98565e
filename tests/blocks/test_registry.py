import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from wagtail import blocks as wagtail_blocks

from blocks.fields import LessonBodyField
from blocks.plugins import discover_plugin_apps
from blocks.registry import AlreadyRegistered, BlockRegistry, registry
from cms.models import TopicPage
from tests import factories

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
    assert "flashcards" in names[len(CORE_ORDER) :]  # among whichever plugins are installed


def test_a_second_block_of_the_same_name_is_refused():
    pool = BlockRegistry()
    pool.register("quiz", wagtail_blocks.CharBlock)
    with pytest.raises(AlreadyRegistered):
        pool.register("quiz", wagtail_blocks.TextBlock)


def test_a_block_whose_template_is_missing_is_refused_at_registration():
    with pytest.raises(ImproperlyConfigured, match="does-not-exist.html"):
        BlockRegistry().register("broken", NoTemplateBlock)


def test_a_block_taken_away_for_a_while_leaves_the_lesson_body_and_comes_back_in_its_place():
    names = registry.names()
    assert "flashcards" in TopicPage.body.field.stream_block.child_blocks
    with registry.temporarily("flashcards", None):
        assert "flashcards" not in TopicPage.body.field.stream_block.child_blocks
    assert "flashcards" in TopicPage.body.field.stream_block.child_blocks
    assert registry.names() == names


def test_the_example_plugin_is_found_through_its_entry_point():
    assert "lectern_flashcards" in discover_plugin_apps()
    assert "lectern_flashcards" in settings.INSTALLED_APPS


def test_a_plugin_can_be_switched_off_by_name_leaving_the_others():
    found = discover_plugin_apps()
    assert discover_plugin_apps(disabled=["flashcards"]) == [
        app for app in found if app != "lectern_flashcards"
    ]


ROOT = Path(__file__).resolve().parents[2]


def lectern_started_with(environment, report) -> list:
    """Start Lectern in a new process (plugins are found when the settings load) and return
    what ``report`` (a Python expression, evaluated after start-up) gives, through JSON."""
    code = (
        "import json; from django.apps import apps; from blocks.registry import registry; "
        f"from cms.models import TopicPage; print(json.dumps({report}))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "LECTERN_TEST_STORAGE": "local"}
        | environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


FLASHCARDS_PRESENT = (
    "[apps.is_installed('lectern_flashcards'), 'flashcards' in registry,"
    " 'flashcards' in TopicPage.body.field.stream_block.child_blocks]"
)


@pytest.mark.parametrize(
    ("disabled", "present"),
    [("", True), ("flashcards", False), ("estimate,lectern_flashcards", False)],
)
def test_the_disabling_setting_keeps_the_plugin_out_of_a_started_lectern(disabled, present):
    environment = {"LECTERN_DISABLED_PLUGINS": disabled}
    assert lectern_started_with(environment, FLASHCARDS_PRESENT) == [present, present, present]


LISTED_APP = """
from django.apps import AppConfig


class ListedConfig(AppConfig):
    name = "listed_blocks"

    def ready(self):
        from wagtail import blocks

        from blocks.registry import registry

        registry.register("listed_note", blocks.CharBlock)
"""


def test_an_app_listed_in_the_sites_settings_is_a_plugin_too(tmp_path):
    """A plugin that is not a package: the site's settings add it to INSTALLED_APPS."""
    (tmp_path / "listed_blocks").mkdir()
    (tmp_path / "listed_blocks" / "__init__.py").write_text("")
    (tmp_path / "listed_blocks" / "apps.py").write_text(LISTED_APP)
    (tmp_path / "site_settings.py").write_text(
        "from cms.settings.test import *  # noqa\nINSTALLED_APPS += ['listed_blocks']\n"
    )
    environment = {
        "DJANGO_SETTINGS_MODULE": "site_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    names, in_body = lectern_started_with(
        environment, "[registry.names(), 'listed_note' in TopicPage.body.field.stream_block.child_blocks]"
    )
    assert names[: len(CORE_ORDER)] == CORE_ORDER and names[-1] == "listed_note" and in_body


def test_the_lesson_body_migration_state_does_not_depend_on_the_registry():
    field = TopicPage._meta.get_field("body")
    before = field.deconstruct()
    with registry.temporarily("flashcards", None):
        assert field.deconstruct() == before
    assert before[1:] == ("blocks.fields.LessonBodyField", [], {"blank": True})
    assert isinstance(field, LessonBodyField)


@pytest.mark.django_db
def test_installing_the_plugin_needed_no_new_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


PREVIEW_TEXT = {
    "heading": "Why clusters matter for SMEs",
    "rich_text": "A cluster brings together firms",
    "callout": "Start from the members",
    "image": "A cluster manager and a machine-shop owner in front of a retrofitted lathe.",
    "video": "Additive manufacturing in five minutes",
    "infographic": "Connected machines",
    "exercise": "A cluster is a kind of trade association.",
    "case_study": "A metalworking cluster pilots predictive maintenance",
    "vocab_sheet": "A virtual model kept in step with a real asset.",
    "tool_sheet": "Digital maturity interview guide",
    "document": "Digital maturity self-assessment",
    "flashcards": "IIoT",
}


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "pw"))
    return client


def preview(client, name) -> str:
    response = client.get("/admin/block-preview/", {"id": registry[name].definition_prefix})
    assert response.status_code == 200, name
    return response.content.decode()


@pytest.mark.django_db
def test_every_block_has_an_admin_preview_that_renders_on_an_empty_library(editor):
    assert set(PREVIEW_TEXT) <= set(registry.names())
    for name, block in registry.items():
        assert block.is_previewable, name
        assert block.get_description(), name
        html = preview(editor, name)
        if name in PREVIEW_TEXT:
            assert PREVIEW_TEXT[name] in html, name
    assert "The video file is not available." in preview(editor, "video")
    assert "no document in the library yet" in preview(editor, "document")


@pytest.mark.django_db
def test_blocks_that_show_a_file_preview_the_first_suitable_one_in_the_library(editor):
    factories.captions()  # a caption track is neither a course document nor a video
    image = factories.image("Smart factory")
    document = factories.document("Cluster checklist", "checklist.pdf")
    video = factories.video_file()
    figure = preview(editor, "image")
    assert '<img src="' in figure and image.get_rendition("width-800").file.name in figure
    assert image.get_rendition("width-1200").file.name in preview(editor, "infographic")
    assert f'<source src="{video.url}">' in preview(editor, "video")
    assert f'<a href="{document.url}" download>Digital maturity self-assessment</a>' in preview(
        editor, "document"
    )
