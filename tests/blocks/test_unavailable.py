"""The unavailable block keeps a removed plugin's data; it must never be a way to forge a
block or to skip a block's validation."""

import html
import json
import re

import pytest

from blocks import unavailable
from cms.models import TopicPage
from tests import factories
from tests.blocks.admin_forms import stored_body, topic_form
from tests.blocks.exercise_data import EXERCISE
from tests.blocks.test_plugin_lifecycle import DECK

pytestmark = pytest.mark.django_db

FORGED_EXERCISE = json.dumps({**EXERCISE["value"], "pass_mark": 500})


@pytest.fixture
def topic():
    return factories.topic_with([{"type": "rich_text", "value": "<p>Before.</p>", "id": "text-1"}])


@pytest.fixture
def topic_with_deck():
    return factories.topic_with([{"type": "flashcards", "value": DECK, "id": "deck-1"}])


def body_definition(page_html):
    """The lesson body's block definition, as the admin's edit form sends it to the browser."""
    raw = re.search(r'<div id="body" data-block [^>]*data-w-block-data-value="([^"]*)"', page_html).group(1)
    return json.loads(html.unescape(raw))


def save(editor, topic, *body_items):
    return editor.post(
        f"/admin/pages/{topic.pk}/edit/", topic_form(topic.title, topic.slug, list(body_items))
    )


def errors_of(response):
    """The body's errors, which the admin hands to its script as JSON, as one string."""
    raw = re.search(
        r'<div id="body" data-block [^>]*data-w-block-arguments-value="([^"]*)"', response.content.decode()
    ).group(1)
    _value, error = json.loads(html.unescape(raw))
    return json.dumps(error, ensure_ascii=False)


def test_the_block_menu_leaves_the_unavailable_block_out(editor, topic):
    page_html = editor.get(f"/admin/pages/{topic.pk}/edit/").content.decode()
    definition = body_definition(page_html)
    assert definition["_type"] == "lectern.blocks.LessonStreamBlock"
    assert definition["_args"][3]["hiddenFromMenu"] == ["unavailable_block"]
    assert '<script src="/static/blocks/js/lesson-body.js"></script>' in page_html
    # Its definition is still sent, so that a page holding one shows it.
    groups = dict(definition["_args"][1])
    assert [d["_args"][0] for d in groups["Kept from removed plugins"]] == ["unavailable_block"]


def test_the_menu_script_is_served(client):
    response = client.get("/static/blocks/js/lesson-body.js")
    assert response.status_code == 200
    assert "lectern.blocks.LessonStreamBlock" in b"".join(response.streaming_content).decode()


def test_its_type_and_content_are_read_only_and_the_seal_hidden(editor, topic_with_deck, plugin_removed):
    page_html = editor.get(f"/admin/pages/{topic_with_deck.pk}/edit/").content.decode()
    groups = dict(body_definition(page_html)["_args"][1])
    [block] = groups["Kept from removed plugins"]
    widgets = {child["_args"][0]: child["_args"][1]["_args"][0] for child in block["_args"][1]}
    assert " readonly " in widgets["original_type"] and " readonly " in widgets["data"]
    assert widgets["seal"].startswith('<input type="hidden"')


def test_an_editor_cannot_forge_a_registered_block(editor, client, topic):
    response = save(
        editor,
        topic,
        ("unavailable_block", {"original_type": "exercise", "data": FORGED_EXERCISE, "seal": ""}, "x-1"),
    )
    assert response.status_code == 200  # the form again, with the error beside the field
    assert "A “exercise” block is installed now" in errors_of(response)
    assert [child["type"] for child in stored_body(topic)] == ["rich_text"]
    assert "A cluster is a kind of trade association." not in client.get(topic.url).content.decode()


def test_even_a_correctly_sealed_registered_type_is_refused_in_the_form(editor, topic):
    data = json.dumps(EXERCISE["value"])
    value = {"original_type": "exercise", "data": data, "seal": unavailable.seal("exercise", data)}
    response = save(editor, topic, ("unavailable_block", value, "x-1"))
    assert response.status_code == 200 and "block is installed now" in errors_of(response)


def test_the_stored_content_of_a_missing_plugin_cannot_be_changed(editor, topic_with_deck, plugin_removed):
    kept = TopicPage.objects.get(pk=topic_with_deck.pk).body[0].value
    changed = kept["data"].replace("Industrial Internet of Things", "Anything")
    for value in (
        {"original_type": "flashcards", "data": changed, "seal": kept["seal"]},
        {"original_type": "other_plugin", "data": kept["data"], "seal": kept["seal"]},
    ):
        response = save(editor, topic_with_deck, ("unavailable_block", value, "deck-1"))
        assert response.status_code == 200
        assert "is not what was stored" in errors_of(response)
    [stored] = stored_body(topic_with_deck)
    assert stored["type"] == "flashcards" and "Anything" not in json.dumps(stored)


def test_stored_data_does_not_become_a_block_that_fails_its_validation(client, topic):
    """An unavailable block written past the admin (import, script) is checked on save."""
    sealed = {
        "original_type": "exercise",
        "data": FORGED_EXERCISE,
        "seal": unavailable.seal("exercise", FORGED_EXERCISE),
    }
    topic.body = [{"type": "unavailable_block", "value": sealed, "id": "x-1"}]
    topic.save_revision().publish()
    [kept] = stored_body(topic)
    assert kept["type"] == "unavailable_block"  # kept aside, not written back as an exercise
    assert "A cluster is a kind of trade association." not in client.get(topic.url).content.decode()


def test_stored_data_without_a_valid_seal_stays_aside(topic):
    data = json.dumps(EXERCISE["value"])
    topic.body = [
        {"type": "unavailable_block", "value": {"original_type": "exercise", "data": data}, "id": "x-1"}
    ]
    topic.save_revision().publish()
    assert [child["type"] for child in stored_body(topic)] == ["unavailable_block"]


def test_valid_sealed_data_comes_back_as_its_block_once_the_plugin_is_installed(client, topic):
    data = json.dumps(DECK)
    topic.body = [
        {
            "type": "unavailable_block",
            "value": {
                "original_type": "flashcards",
                "data": data,
                "seal": unavailable.seal("flashcards", data),
            },
            "id": "deck-1",
        }
    ]
    topic.save_revision().publish()
    assert [child["type"] for child in stored_body(topic)] == ["flashcards"]
    assert "What does IIoT stand for?" in client.get(topic.url).content.decode()
