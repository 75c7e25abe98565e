"""What every search engine must do. Runs against every engine the settings make
available (search.engines.available_engines): the database engine on the test database
(SQLite or PostgreSQL), and Elasticsearch when ELASTICSEARCH_URL is set."""

import pytest

from search.documents import IndexDocument
from search.engines import available_engines
from search.engines.base import SearchQuery
from search.indexer import documents_for_page
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(params=available_engines(), ids=lambda engine: engine.name)
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


def document(number, title, text="", kind="topic", language="en", **extra) -> IndexDocument:
    """A search document as the indexer would make it, without building pages."""
    fields = {
        "doc_id": f"{900 + number // 100}:b{number // 10}:{number}",
        "page_id": 900 + number // 100,
        "kind": kind,
        "title": title,
        "text": text,
        "language": language,
        "url": f"/t/{number}/",
        "timestamp": None,
        "course_id": None,
        "course_title": "",
        "module_id": None,
        "module_title": "",
        "lesson_id": None,
        "lesson_title": "",
        "topic_title": title,
        "public": True,
    }
    return IndexDocument(**{**fields, **extra})


def index_documents(engine, *documents):
    engine.index({d.page_id for d in documents}, documents)


def test_the_entry_that_defines_a_term_comes_before_the_video_and_moments_sharing_its_name(engine):
    moments = [
        document(
            10 + n, "Digital twins", f"A digital twin mirrors machine {n}.", "transcript", timestamp=4.0 * n
        )
        for n in range(4)
    ]
    index_documents(
        engine,
        document(0, "Digital twins", "Digital twin after digital twin: twins everywhere."),
        document(1, "Digital twins", "A video about the digital twin.", "video"),
        *moments,
        document(
            20, "Digital twin", "A virtual model kept in step with an asset.", "vocab_term", prominence=1
        ),
    )
    results = engine.search(SearchQuery("digital twin", language="en"))
    assert results.hits[0].title == "Digital twin" and results.hits[0].kind == "vocab_term"
    [moment] = [hit for hit in results.hits if hit.kind == "transcript"]  # one video, one hit
    assert len(moment.moments) == 3 and all(m.url.startswith("/t/1") for m in moment.moments)


def test_an_abbreviation_finds_the_term_it_abbreviates_first_and_is_never_a_stop_word(engine):
    index_documents(
        engine,
        document(0, "Printing parts", "AM builds parts; AM suits small series; AM and ERP data."),
        document(
            1,
            "Additive manufacturing",
            "Building parts layer by layer.",
            "vocab_term",
            keywords="AM\n3D printing",
        ),
        document(
            2, "Enterprise resource planning", "Software for orders and stock.", "vocab_term", keywords="ERP"
        ),
    )
    assert engine.search(SearchQuery("AM", language="en")).hits[0].title == "Additive manufacturing"
    assert engine.search(SearchQuery("erp", language="en")).hits[0].title == "Enterprise resource planning"
    assert engine.search(SearchQuery("3D printing", language="en")).hits[0].title == "Additive manufacturing"


def test_plurals_elisions_and_accents_find_the_term_in_its_own_language(engine):
    index_documents(
        engine,
        document(0, "Collaborative robot", "A robot beside people.", "vocab_term"),
        document(1, "Jumeau numérique", "Un modèle virtuel d'entreprise.", "vocab_term", language="fr"),
        document(2, "Ψηφιακό δίδυμο", "Ένα εικονικό μοντέλο.", "vocab_term", language="el"),
    )
    assert (
        engine.search(SearchQuery("collaborative robots", language="en")).hits[0].title
        == "Collaborative robot"
    )
    for query in ("jumeaux numériques", "jumeau numerique", "entreprises", "l'entreprise"):
        assert engine.search(SearchQuery(query, language="fr")).hits[0].title == "Jumeau numérique", query
    assert engine.search(SearchQuery("ψηφιακα διδυμα", language="el")).hits[0].title == "Ψηφιακό δίδυμο"
    assert (
        engine.search(SearchQuery("jumeaux numériques", language="en")).total == 0
    )  # one language at a time


def test_a_misspelled_query_is_corrected_searched_and_says_so(engine):
    index_documents(
        engine,
        document(0, "Collaborative robot", "A robot designed to work beside people.", "vocab_term"),
        document(1, "Robot cells", "Fenced robot cells and their safety."),
    )
    results = engine.search(SearchQuery("colaborative robot", language="en"))
    assert results.corrected == "collaborative robot" and results.hits[0].title == "Collaborative robot"
    assert engine.search(SearchQuery("robot cells", language="en")).corrected == ""  # found: never rewritten
    as_typed = engine.search(SearchQuery("colaborative robot", language="en", correct=False))
    assert as_typed.total == 0 and as_typed.corrected == ""


def test_highlights_mark_only_the_words_found_by_stem(engine):
    index_documents(
        engine,
        document(
            0, "Co-opetition", "Co-opetition is not competition, nor a combination of courses.", "vocab_term"
        ),
    )
    [hit] = engine.search(SearchQuery("co-opetition", language="en")).hits
    assert "<mark>Co-opetition</mark>" in hit.snippet
    assert "<mark>competition" not in hit.snippet and "<mark>combination" not in hit.snippet
    [plural] = engine.search(SearchQuery("courses", language="en")).hits
    assert "<mark>courses</mark>" in plural.snippet and "<mark>Co-opetition" not in plural.snippet


def test_stop_words_never_remove_a_querys_only_words(engine):
    index_documents(engine, document(0, "What it is", "Where a cluster begins and what it is not."))
    assert engine.search(SearchQuery("what it is", language="en")).total == 1
    assert engine.search(SearchQuery("what is a cluster", language="en")).total == 1
