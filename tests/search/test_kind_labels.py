"""Each block declares its kinds of search document with a translated label; search
reads them through the registry, so a plugin's kind is labelled too. Bad filters are a
400 with a message in the page's language."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

TERM = {
    "term": "Sensor fusion",
    "abbreviation": "",
    "synonyms": [],
    "definition": "Sensors read together.",
    "related": [],
}
DECK = {
    "title": "Sensor drill",
    "cards": [{"prompt": "Which sensor reads heat?", "answer": "A thermocouple", "also_accepted": []}],
}


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return factories.topic_with(
            [
                {"type": "vocab_sheet", "value": {"title": "Sensors", "introduction": "", "terms": [TERM]}},
                {"type": "flashcards", "value": DECK, "id": "deck-1"},
            ],
            title="Sensing",
        )


def test_the_french_search_page_labels_core_and_plugin_kinds_in_french(client, indexed):
    html = client.get("/fr/search/", {"q": "sensor", "lang": "all"}).content.decode()
    assert 'Vocabulaire</a> <span class="count">1</span>' in html
    assert 'Cartes mémoire</a> <span class="count">1</span>' in html
    assert '<p class="hit__kind">Vocabulaire' in html and '<p class="hit__kind">Cartes mémoire' in html


def test_the_api_gives_each_kind_its_label_in_the_requests_language(client, indexed):
    data = client.get("/api/search/", {"q": "sensor", "lang": "all"}, HTTP_ACCEPT_LANGUAGE="es").json()
    labels = {facet["value"]: facet["label"] for facet in data["facets"]["kind"]}
    assert labels == {"vocab_term": "Vocabulario", "flashcards": "Tarjetas de memoria"}
    assert {(hit["kind"], hit["kind_label"]) for hit in data["hits"]} == set(labels.items())


@pytest.mark.parametrize("field", ["module", "lesson"])
def test_a_page_id_too_large_for_the_database_is_a_400_not_a_500(client, field):
    response = client.get("/api/search/", {"q": "cluster", field: "9223372036854775808"})
    assert response.status_code == 400 and response.json()["error"].startswith(f"{field}:")
    page = client.get("/fr/search/", {"q": "cluster", field: "9223372036854775808"})
    assert page.status_code == 400 and "inférieure ou égale à 2147483647" in page.content.decode()


def test_an_unknown_kind_is_a_400_naming_the_known_kinds_in_the_pages_language(client):
    response = client.get("/api/search/", {"q": "cluster", "kind": "bogus"})
    assert response.status_code == 400
    message = response.json()["error"]
    assert "Unknown kind of content: bogus." in message
    assert "vocab_term" in message and "flashcards" in message and "topic" in message
    french = client.get("/fr/search/", {"q": "cluster", "kind": "bogus"}).content.decode()
    assert "Type de contenu inconnu : bogus." in french
