"""The database engine's own promises beyond the contract: bounded work, the GIN index."""

import pytest
from django.db import connection

from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine
from tests.search.test_search_views import french_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine():
    engine = DatabaseEngine()
    engine.clear()
    engine.index(
        range(901, 913), [french_document(n, f"Le capteur {n} mesure la chaleur.") for n in range(1, 13)]
    )
    return engine


def test_the_best_match_is_ranked_first_among_the_counted_candidates(engine, settings):
    engine.index([950], [french_document(50, "Capteur, capteur, capteur : le capteur des capteurs.")])
    engine.index([951], [french_document(51, "Rien à voir.")])
    [first, *_] = engine.search(SearchQuery("capteur", language="fr")).hits
    assert first.title == "Sujet 50"


def test_a_query_reads_at_most_the_bound_and_says_so(engine, settings):
    settings.LECTERN_SEARCH_MAX_COUNTED = 4
    results = engine.search(SearchQuery("capteur", language="fr", per_page=10))
    assert (results.total, results.total_exact, len(results.hits)) == (4, False, 4)
    assert results.facets["language"] == {"fr": 4}


def test_a_page_past_the_counted_candidates_is_empty_not_an_error(engine, settings):
    settings.LECTERN_SEARCH_MAX_COUNTED = 4
    assert engine.search(SearchQuery("capteur", language="fr", page=3, per_page=2)).hits == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index is PostgreSQL's")
@pytest.mark.parametrize("language", ["en", None], ids=["one language", "all languages"])
def test_postgresql_finds_a_rare_word_through_the_gin_index(engine, language):
    from dataclasses import replace

    filler = [
        replace(french_document(n, f"Machine {n} reads its sensors every minute."), language="en")
        for n in range(500)
    ]
    rare = replace(french_document(3000, "A gateway buffers the data."), language="en")
    engine.index(range(900, 6000), [*filler, rare])
    query = SearchQuery("gateway", language=language)
    assert [hit.title for hit in engine.search(query).hits] == ["Sujet 3000"]
    sql, params = engine.candidates_sql(query)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE lectern_search_indexentry")  # as autovacuum would
        # A small table is cheaper to read whole: ask whether the index *can* answer the
        # query (bench/search.py prints the plan PostgreSQL picks at 100,000 documents).
        cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        finally:
            cursor.execute("RESET enable_seqscan")
    assert "Bitmap Index Scan on lectern_search_language_vector_gin" in plan, plan


def test_a_rebuild_that_fails_halfway_leaves_the_old_index_searchable(engine):
    def documents():
        yield french_document(70, "Un nouveau capteur.")
        raise RuntimeError("the database went away halfway")

    with pytest.raises(RuntimeError):
        engine.rebuild(documents())
    assert engine.search(SearchQuery("capteur", language="fr")).total == 12  # never empty, never half-built


def test_the_engine_is_the_one_made_for_the_connections_database():
    assert DatabaseEngine().vendor == connection.vendor
