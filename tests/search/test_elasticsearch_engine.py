"""The Elasticsearch engine's mapping and requests. No Elasticsearch server can run on
these machines, so these check what would be sent; the contract suite
(test_engine_contract.py) runs the engine for real when ELASTICSEARCH_URL is set."""

from dataclasses import replace

import pytest

from search.engines.base import EngineUnavailable, SearchQuery
from search.engines.elasticsearch import ElasticsearchEngine, build_search, mapping
from tests.support.local_s3 import free_port


def test_text_is_analysed_in_every_course_language():
    properties = mapping()["properties"]
    for field in ("title", "text"):
        analyzers = {lang: sub["analyzer"] for lang, sub in properties[field]["fields"].items()}
        assert analyzers == {
            "en": "english",
            "fr": "french",
            "es": "spanish",
            "hu": "hungarian",
            "el": "greek",
        }
    assert properties["kind"]["type"] == "keyword" and properties["public"]["type"] == "boolean"
    assert properties["suggest"]["type"] == "completion"


def test_a_query_is_fuzzy_public_only_and_uses_the_language_fields():
    body = build_search(SearchQuery("digtal twin", language="fr"), "lectern").to_dict()
    fuzzy = body["query"]["bool"]["should"][0]["multi_match"]
    assert fuzzy["fuzziness"] == "AUTO" and fuzzy["query"] == "digtal twin"
    assert "title.fr^3" in fuzzy["fields"] and "text.en" not in fuzzy["fields"]
    assert {"term": {"public": True}} in body["query"]["bool"]["filter"]


def test_without_a_language_every_analyser_is_searched():
    fields = build_search(SearchQuery("entreprises"), "lectern").to_dict()["query"]["bool"]["should"][0][
        "multi_match"
    ]["fields"]
    assert {"text.en", "text.fr", "text.es", "text.hu", "text.el"} <= set(fields)


def test_filters_narrow_the_hits_but_each_facet_ignores_its_own_filter():
    body = build_search(SearchQuery("data", kinds=("vocab_term",), module_id=7), "lectern").to_dict()
    assert body["post_filter"] == {
        "bool": {"filter": [{"terms": {"kind": ["vocab_term"]}}, {"term": {"module_id": 7}}]}
    }
    assert body["aggs"]["kind"]["filter"] == {"bool": {"filter": [{"term": {"module_id": 7}}]}}
    assert body["aggs"]["module"]["filter"] == {"bool": {"filter": [{"terms": {"kind": ["vocab_term"]}}]}}
    assert body["aggs"]["language"]["aggs"]["values"]["terms"]["field"] == "language"


def test_pages_and_highlights():
    body = build_search(SearchQuery("data", page=3, per_page=10), "lectern").to_dict()
    assert (body["from"], body["size"]) == (20, 10)
    assert body["highlight"]["fields"]["text"]["pre_tags"] == ["\x02"]


def test_an_unreachable_server_is_reported_as_unavailable():
    from elasticsearch import Elasticsearch

    engine = ElasticsearchEngine(
        Elasticsearch(f"http://127.0.0.1:{free_port()}", request_timeout=2, max_retries=0)
    )
    with pytest.raises(EngineUnavailable):
        engine.search(SearchQuery("anything"))


def test_suggestions_ask_the_completion_suggester_in_the_learners_language():
    from search.engines.elasticsearch import build_suggest

    body = build_suggest("digi", "fr", 8)
    completion = body["suggest"]["titles"]["completion"]
    assert body["suggest"]["titles"]["prefix"] == "digi" and body["size"] == 0
    assert completion["field"] == "suggest" and completion["size"] == 8 and completion["skip_duplicates"]
    assert completion["contexts"] == {"language": ["fr"]}
    assert completion["fuzzy"]["fuzziness"] == "AUTO"
    everywhere = build_suggest("digi", None, 8)["suggest"]["titles"]["completion"]["contexts"]["language"]
    assert {"en", "fr", "es", "hu", "el"} <= set(everywhere)  # a context field must be asked with contexts


def test_a_private_document_gives_the_suggester_nothing():
    from tests.search.test_search_views import french_document

    public = french_document(1, "Texte.")
    private = replace(public, public=False)
    assert ElasticsearchEngine._source(public)["suggest"] == {
        "input": ["Sujet 1"],
        "contexts": {"language": ["fr"]},
    }
    assert "suggest" not in ElasticsearchEngine._source(private)
