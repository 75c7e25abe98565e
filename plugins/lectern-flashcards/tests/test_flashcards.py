"""The flashcards block on its own: run with Lectern's settings from the checkout,
``.venv/bin/python -m pytest plugins/lectern-flashcards/tests``."""

import json
import re

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from blocks.api import registry
from tests import factories

pytestmark = pytest.mark.django_db

DECK = {
    "title": "Acronyms of Industry 4.0",
    "cards": [
        {
            "prompt": "What does IIoT stand for?",
            "answer": "Industrial Internet of Things",
            "also_accepted": [],
        },
        {"prompt": "What does MES stand for?", "answer": "SECRET-MES", "also_accepted": ["MES software"]},
    ],
}
ANCHOR = "flashcards-acronyms-of-industry-40"


@pytest.fixture
def topic():
    return factories.topic_with([{"type": "flashcards", "value": DECK, "id": "deck-1"}])


def test_the_page_asks_every_prompt_but_never_gives_an_answer(client, topic):
    html = client.get(topic.url).content.decode()
    assert "What does IIoT stand for?" in html and "What does MES stand for?" in html
    for secret in ("Industrial Internet of Things", "SECRET-MES", "MES software"):
        assert secret not in html, secret


def test_the_deck_title_is_a_heading_in_the_contents_and_where_search_leads(client, topic):
    html = client.get(topic.url).content.decode()
    assert f'<h2 id="{ANCHOR}">Acronyms of Industry 4.0</h2>' in html
    assert f'<a href="#{ANCHOR}">Acronyms of Industry 4.0</a>' in html  # "On this page"
    child = topic.body[0]
    [document] = child.block.search_documents(child.value, {})
    assert document.anchor == f"#{ANCHOR}" and "SECRET-MES" not in document.text


def test_the_page_links_the_plugins_own_stylesheet_which_is_served(client, topic):
    html = client.get(topic.url).content.decode()
    [href] = re.findall(r'<link rel="stylesheet" href="([^"]*flashcards[^"]*)">', html)
    response = client.get(href)
    assert response.status_code == 200
    assert ".flashcards__cards" in b"".join(response.streaming_content).decode()


def test_answers_are_graded_on_the_server_ignoring_case_and_spacing(client, topic):
    child = topic.body[0]
    ids = [item.id for item in child.value["cards"].bound_blocks]
    url = f"/grade/{topic.pk}/deck-1/"
    answers = {ids[0]: "industrial  internet of things", ids[1]: "Mes Software"}
    result = client.post(url, json.dumps({"answers": answers}), content_type="application/json").json()
    assert (result["score"], result["passed"]) == (100, True)
    half = client.post(
        url,
        json.dumps({"answers": {ids[0]: "Industrial Internet of Things"}}),
        content_type="application/json",
    )
    assert half.json()["score"] == 50
    bad = client.post(url, json.dumps({"answers": ["a list"]}), content_type="application/json")
    assert bad.status_code == 400


def test_a_prompt_given_twice_is_refused_beside_the_repeat():
    block = registry["flashcards"]
    cards = [*DECK["cards"], {"prompt": "what does IIoT stand for?", "answer": "x", "also_accepted": []}]
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"title": "Deck", "cards": cards}))
    [card_error] = caught.value.block_errors["cards"].block_errors.values()
    assert card_error.block_errors["prompt"].messages == [
        "“what does IIoT stand for?” is already in this deck."
    ]
