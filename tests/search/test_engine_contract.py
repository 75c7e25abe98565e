"""What every search engine must do. Runs against the database engine on the test
database (SQLite or PostgreSQL); the Elasticsearch engine joins when ELASTICSEARCH_URL
is set and that engine exists."""

import os

import pytest
from django.db import connection

from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine
from search.indexer import documents_for_page
from tests import factories

pytestmark = pytest.mark.django_db

ENGINES = [DatabaseEngine]
if os.environ.get("ELASTICSEARCH_URL"):  # no server runs on these machines; CI with one proves the engine
    from search.engines.elasticsearch import ElasticsearchEngine

    ENGINES.append(ElasticsearchEngine)


@pytest.fixture(params=ENGINES, ids=lambda engine: engine.name)
def engine(request):
    engine = request.param()
    engine.clear()
    return engine


def vocab_topic(title, *terms, module_title=None):
    topic = factories.topic_with(
        [
            {
                "type": "vocab_sheet",
                "value": {
                    "title": "Key terms",
                    "introduction": "",
                    "terms": [
                        {
                            "term": term,
                            "abbreviation": "",
                            "synonyms": [],
                            "definition": definition,
                            "related": [],
                        }
                        for term, definition in terms
                    ],
                },
            }
        ],
        title=title,
    )
    if module_title:
        module = topic.get_parent().get_parent().specific
        module.title = module_title
        module.save_revision().publish()
    return topic


def index(engine, *topics):
    for topic in topics:
        engine.index([topic.pk], documents_for_page(topic))


def test_a_word_finds_the_block_that_defines_it_with_the_word_highlighted(engine):
    topic = vocab_topic("Twins", ("Digital twin", "A virtual model kept in step with a physical asset."))
    index(engine, topic)
    results = engine.search(SearchQuery("physical asset"))
    hit = next(h for h in results.hits if h.kind == "vocab_term")
    assert hit.title == "Digital twin" and hit.url.endswith("#term-digital-twin")
    assert "<mark>physical</mark>" in hit.snippet and "<mark>asset</mark>" in hit.snippet


def test_the_start_of_a_word_is_enough(engine):
    index(engine, vocab_topic("Robots", ("Collaborative robot", "A robot designed to work beside people.")))
    assert engine.search(SearchQuery("collab")).total >= 1


def test_highlights_never_let_html_through(engine):
    index(engine, vocab_topic("Markup", ("Escaping", "Compare 5 < 7 & 9 > 3 safely.")))
    [hit] = [h for h in engine.search(SearchQuery("safely")).hits if h.kind == "vocab_term"]
    assert "5 &lt; 7 &amp; 9 &gt; 3" in hit.snippet and "<mark>safely</mark>" in hit.snippet


def test_facets_count_kinds_and_modules_and_filters_narrow_the_hits(engine):
    first = vocab_topic(
        "Data", ("Data space", "Sharing data under common rules."), module_title="Data module"
    )
    second = vocab_topic(
        "Policy", ("Data Act", "Rules on data from connected products."), module_title="Policy module"
    )
    index(engine, first, second)
    everything = engine.search(SearchQuery("data"))
    assert everything.facets["kind"]["vocab_term"] == 2
    assert len(everything.facets["module"]) == 2
    module_id = second.get_parent().get_parent().pk
    narrowed = engine.search(SearchQuery("data", module_id=module_id, kinds=("vocab_term",)))
    assert [h.title for h in narrowed.hits] == ["Data Act"]
    # a facet ignores its own filter, so the other module stays offered with its count
    assert (
        narrowed.facets["module"]
        == engine.search(SearchQuery("data", kinds=("vocab_term",))).facets["module"]
    )
    assert len(narrowed.facets["module"]) == 2


def test_results_are_paginated(engine):
    topic = vocab_topic("Many", *[(f"Term {n}", "A sensor reading.") for n in range(12)])
    index(engine, topic)
    first, second = (
        engine.search(SearchQuery("sensor", per_page=10)),
        engine.search(SearchQuery("sensor", page=2, per_page=10)),
    )
    assert first.total == second.total == 12
    assert len(first.hits) == 10 and len(second.hits) == 2
    assert not {h.doc_id for h in first.hits} & {h.doc_id for h in second.hits}


def test_deleting_a_page_removes_its_documents(engine):
    topic = vocab_topic("Gone", ("Retrofit", "Adding sensors to an old machine."))
    index(engine, topic)
    engine.delete([topic.pk])
    assert engine.search(SearchQuery("retrofit")).total == 0


def test_private_documents_are_not_returned(engine):
    from wagtail.models import PageViewRestriction

    topic = vocab_topic("Secret", ("Roadmap", "A private plan of the partners."))
    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)
    index(engine, topic)
    assert engine.search(SearchQuery("private plan")).total == 0


def test_an_empty_query_finds_nothing(engine):
    index(engine, vocab_topic("Any", ("Cluster", "A group of firms.")))
    assert engine.search(SearchQuery("  ?! ")).total == 0


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming is PostgreSQL's; SQLite matches prefixes"
)
def test_postgresql_stems_with_each_documents_language():

    from search.documents import IndexDocument

    engine = DatabaseEngine()
    engine.clear()
    french = IndexDocument(
        doc_id="900:page:0",
        page_id=900,
        kind="topic",
        title="Accompagner l'entreprise",
        text="Le cluster aide chaque entreprise à se numériser.",
        language="fr",
        url="/fr/t/",
        timestamp=None,
        course_id=None,
        course_title="",
        module_id=None,
        module_title="",
        lesson_id=None,
        lesson_title="",
        topic_title="Accompagner l'entreprise",
        public=True,
    )
    engine.index([900], [french])
    assert engine.search(SearchQuery("entreprises", language="fr")).total == 1
    assert engine.search(SearchQuery("entreprises")).total == 1  # all languages: each configuration is tried
