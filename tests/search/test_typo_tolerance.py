"""Typo tolerance of the database engine, on SQLite and PostgreSQL alike ("digtal twin"
finds "digital twin"); the contract suite checks the same rule on every engine."""

import pytest
from wagtail.models import PageViewRestriction

from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine
from search.indexer import documents_for_page
from tests import factories

pytestmark = pytest.mark.django_db


def vocab_topic(title, term, definition):
    value = {
        "title": "Key terms",
        "introduction": "",
        "terms": [
            {"term": term, "abbreviation": "", "synonyms": [], "definition": definition, "related": []}
        ],
    }
    return factories.topic_with([{"type": "vocab_sheet", "value": value}], title=title)


@pytest.fixture
def engine():
    engine = DatabaseEngine()
    engine.clear()
    return engine


def index(engine, *topics):
    for topic in topics:
        engine.index([topic.pk], documents_for_page(topic))


def test_a_misspelt_word_finds_the_term_and_says_what_was_searched(engine):
    index(engine, vocab_topic("Twins", "Digital twin", "A virtual model kept in step with a physical asset."))
    results = engine.search(SearchQuery("digtal twin"))
    assert results.corrected == "digital twin"
    assert "Digital twin" in [hit.title for hit in results.hits]


def test_the_search_page_shows_results_for_the_corrected_query(client, engine):
    index(engine, vocab_topic("Twins", "Digital twin", "A virtual model kept in step with a physical asset."))
    html = client.get("/en/search/", {"q": "digtal twin"}).content.decode()
    assert "Showing results for <strong>digital twin</strong>" in html and "Digital twin</a>" in html
    assert client.get("/api/search/", {"q": "digtal twin"}).json()["corrected_query"] == "digital twin"


def test_a_query_that_finds_something_is_never_rewritten(engine):
    index(
        engine,
        vocab_topic("Twins", "Digital twin", "A virtual model kept in step with a physical asset."),
        vocab_topic("Digits", "Digit", "One of ten symbols."),
    )
    assert engine.search(SearchQuery("digit")).corrected == ""
    assert engine.search(SearchQuery("digital twin")).corrected == ""


def test_nonsense_stays_empty_without_a_made_up_correction(engine):
    index(engine, vocab_topic("Twins", "Digital twin", "A virtual model kept in step with a physical asset."))
    results = engine.search(SearchQuery("qzxwvk"))
    assert results.total == 0 and results.corrected == ""


def test_a_word_of_a_private_page_is_never_offered_as_a_correction(client, engine):
    secret = vocab_topic("Secret", "Roadmap", "The partners' confidential acquisition plan.")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    index(engine, secret)
    results = engine.search(SearchQuery("confidentail"))
    assert results.total == 0 and results.corrected == ""
    assert "confidential" not in client.get("/en/search/", {"q": "confidentail"}).content.decode()


def test_a_page_made_private_after_indexing_leaks_no_correction(engine):
    topic = vocab_topic("Plans", "Roadmap", "The partners' confidential acquisition plan.")
    index(engine, topic)
    assert engine.search(SearchQuery("confidentail")).corrected == "confidential"
    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)
    index(engine, topic)  # its words stay in the vocabulary until a rebuild
    results = engine.search(SearchQuery("confidentail"))
    assert results.total == 0 and results.corrected == ""
