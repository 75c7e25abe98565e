"""The Elasticsearch engine's mapping and requests. No Elasticsearch server can run on
these machines, so these check what would be sent; the contract suite
(test_engine_contract.py) runs the engine for real when ELASTICSEARCH_URL is set."""

import pytest

from files.local_s3 import free_port
from search.engines.base import EngineUnavailable, SearchQuery
from search.engines.elasticsearch import ElasticsearchEngine, build_search, mapping


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
