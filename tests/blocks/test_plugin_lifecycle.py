"""The example plugin's whole path: discovered, editable, rendered, searchable, graded,
and what happens to its content when it is removed and installed again."""

import json

import pytest

from blocks.registry import registry
from cms.models import LessonPage, TopicPage
from search.indexer import documents_for_page
from tests import factories
from tests.blocks.admin_forms import list_block, stored_body, topic_form

pytestmark = pytest.mark.django_db

DECK = {
    "title": "Acronyms of Industry 4.0",
    "cards": [
        {
            "prompt": "What does IIoT stand for?",
            "answer": "Industrial Internet of Things",
            "also_accepted": [],
        },
        {
            "prompt": "What does MES stand for?",
            "answer": "Manufacturing execution system",
            "also_accepted": ["MES software"],
        },
    ],
}


def deck_form_value(deck):
    cards = [
        {"prompt": c["prompt"], "answer": c["answer"], "also_accepted": list_block(c["also_accepted"])}
        for c in deck["cards"]
    ]
    return {"title": deck["title"], "cards": list_block(cards)}


def test_an_editor_adds_flashcards_in_the_admin_and_learners_use_them(editor, client):
    lesson = LessonPage.objects.descendant_of(factories.course(modules=1, lessons=1, topics=0)).get()
    response = editor.post(
        f"/admin/pages/add/cms/topicpage/{lesson.pk}/",
        topic_form("Acronyms", "acronyms", [("flashcards", deck_form_value(DECK), "")]),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    topic = TopicPage.objects.get(
        locale__language_code="en", slug="acronyms"
    )  # not its copies in other languages
    assert topic.live and topic.body[0].block_type == "flashcards"

    page = client.get(topic.url).content.decode()
    assert "What does IIoT stand for?" in page
    assert "Industrial Internet of Things" not in page and "Manufacturing execution system" not in page

    child = topic.body[0]
    [document] = child.block.search_documents(child.value, {})
    assert document.kind == "flashcards" and "What does MES stand for?" in document.text
    assert "Industrial Internet of Things" not in document.text

    card_ids = [item.id for item in child.value["cards"].bound_blocks]
    result = client.post(
        f"/grade/{topic.pk}/{child.id}/",
        json.dumps({"answers": {card_ids[0]: "industrial internet of things", card_ids[1]: "mes software"}}),
        content_type="application/json",
    ).json()
    assert result["score"] == 100 and result["passed"]
    bad = client.post(
        f"/grade/{topic.pk}/{child.id}/",
        json.dumps({"answers": {"nope": "x"}}),
        content_type="application/json",
    )
    assert bad.status_code == 400 and "Unknown card" in bad.json()["error"]


@pytest.fixture
def topic_with_deck():
    return factories.topic_with(
        [
            {"type": "rich_text", "value": "<p>Before the deck.</p>", "id": "text-1"},
            {"type": "flashcards", "value": DECK, "id": "deck-1"},
        ]
    )


def test_the_plugins_block_is_indexed_with_its_page_and_found_by_search(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the index is written after commit
        topic = factories.topic_with(
            [{"type": "flashcards", "value": DECK, "id": "deck-1"}], title="Acronyms"
        )
    [deck] = [document for document in documents_for_page(topic) if document.kind == "flashcards"]
    assert deck.title == "Acronyms of Industry 4.0" and deck.topic_title == "Acronyms"
    assert "What does IIoT stand for?" in deck.text and "Industrial Internet of Things" not in deck.text
    assert deck.url.startswith(topic.url + "#")

    hits = client.get("/api/search/", {"q": "MES stand"}).json()["hits"]
    assert [(hit["kind"], hit["url"]) for hit in hits] == [("flashcards", deck.url)]
    page = client.get("/en/search/", {"q": "IIoT"}).content.decode()
    assert f'href="{deck.url}"' in page
    assert client.get("/api/search/", {"q": "Manufacturing execution system"}).json()["total"] == 0


def test_a_page_whose_plugin_is_gone_still_renders_without_that_block(
    client, topic_with_deck, plugin_removed
):
    response = client.get(topic_with_deck.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Before the deck." in html and "What does IIoT stand for?" not in html


def test_editors_see_the_block_marked_unavailable(editor, topic_with_deck, plugin_removed):
    html = editor.get(f"/admin/pages/{topic_with_deck.pk}/edit/").content.decode()
    assert "Unavailable block (plugin not installed)" in html
    assert "flashcards" in html


def test_saving_the_page_in_the_admin_keeps_the_removed_plugins_data(editor, client, topic_with_deck):
    original = [child for child in stored_body(topic_with_deck) if child["type"] == "flashcards"]
    with registry.temporarily("flashcards", None):
        # What the admin's edit form holds for the unavailable block, posted back as is.
        kept = TopicPage.objects.get(pk=topic_with_deck.pk).body[1].value
        assert kept["original_type"] == "flashcards"
        response = editor.post(
            f"/admin/pages/{topic_with_deck.pk}/edit/",
            topic_form(
                "Topic with blocks (edited)",
                topic_with_deck.slug,
                [
                    (
                        "rich_text",
                        {  # the text and its glossary switch, as the admin's form posts them
                            "text": '{"blocks":[{"key":"a","text":"Edited text.","type":"unstyled","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
                            "link_glossary": "on",
                        },
                        "text-1",
                    ),
                    (
                        "unavailable_block",
                        {"original_type": "flashcards", "data": kept["data"], "seal": kept["seal"]},
                        "deck-1",
                    ),
                ],
            ),
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        saved = stored_body(topic_with_deck)
        assert [child["type"] for child in saved] == ["rich_text", "flashcards"]
        assert saved[1] == original[0]  # type, id and value, list item ids included
    html = client.get(TopicPage.objects.get(pk=topic_with_deck.pk).url).content.decode()
    assert "Edited text." in html and "What does IIoT stand for?" in html  # back with the plugin
