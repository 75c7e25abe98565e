"""The Elasticsearch engine's mapping and requests. No Elasticsearch server can run on
these machines, so these check what would be sent; the contract suite
(test_engine_contract.py) runs the engine for real when ELASTICSEARCH_URL is set."""

from dataclasses import replace

import pytest

from search.engines.base import EngineUnavailable, SearchQuery
from search.engines.elasticsearch import (
    ElasticsearchEngine,
    analysis,
    build_search,
    corrected_text,
    mapping,
    results_from,
)
from tests.support.local_s3 import free_port


def test_text_is_analysed_in_every_course_language_by_stem_without_dropping_stop_words():
    properties = mapping()["properties"]
    for field in ("title", "keywords", "text"):
        analyzers = {lang: sub["analyzer"] for lang, sub in properties[field]["fields"].items()}
        assert analyzers == {code: f"lectern_{code}" for code in ("en", "fr", "es", "hu", "el")}
    settings = analysis()
    french = settings["analyzer"]["lectern_fr"]["filter"]
    assert (
        french[0] == "lectern_elision" and french[-1] == "asciifolding"
    )  # d'entreprises, numérique/numerique
    assert settings["filter"]["lectern_stem_el"] == {"type": "stemmer", "language": "greek"}
    assert not any(spec.get("type") == "stop" for spec in settings["filter"].values())  # "AM" stays
    assert properties["kind"]["type"] == "keyword" and properties["public"]["type"] == "boolean"
    assert properties["suggest"]["type"] == "completion" and properties["title_key"]["type"] == "keyword"


def test_a_query_matches_every_word_by_stem_in_its_language_with_weighted_fields():
    body = build_search(SearchQuery("digital twins", language="fr"), "lectern").to_dict()
    match = body["query"]["bool"]["must"][0]["multi_match"]
    assert match["query"] == "digital twins" and match["operator"] == "and" and "fuzziness" not in match
    assert match["fields"] == ["title.fr^10", "keywords.fr^5", "text.fr"]
    assert {"term": {"public": True}} in body["query"]["bool"]["filter"]


def test_the_term_itself_and_its_abbreviation_come_first():
    should = build_search(SearchQuery("AM", language="en"), "lectern").to_dict()["query"]["bool"]["should"]
    assert {"terms": {"title_key": ["am"], "boost": 100}} in should
    assert {"terms": {"keyword_keys": ["am"], "boost": 80}} in should
    assert {"term": {"prominence": {"value": 1, "boost": 3}}} in should  # the definition before its namesakes


def test_without_a_language_every_analyser_is_searched():
    fields = build_search(SearchQuery("entreprises"), "lectern").to_dict()["query"]["bool"]["must"][0][
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


def test_a_videos_moments_collapse_into_its_best_one():
    body = build_search(SearchQuery("twin"), "lectern").to_dict()
    assert body["collapse"]["field"] == "group" and body["collapse"]["inner_hits"]["name"] == "moments"
    response = {
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "hits": [
                {
                    "_source": {**_source("transcript", 4.0, "/t/?t=4"), "text": "Twins mirror machines."},
                    "inner_hits": {
                        "moments": {
                            "hits": {
                                "hits": [
                                    {"_source": {"timestamp": 4.0, "url": "/t/?t=4"}},
                                    {"_source": {"timestamp": 9.0, "url": "/t/?t=9"}},
                                ]
                            }
                        }
                    },
                }
            ],
        },
        "aggregations": {
            name: {"values": {"buckets": []}} for name in ("kind", "module", "lesson", "language")
        },
    }
    (hit,) = results_from(response).hits
    assert [(moment.timestamp, moment.url) for moment in hit.moments] == [(9.0, "/t/?t=9")]


def _source(kind, timestamp, url):
    return {
        "doc_id": "1:b:0",
        "kind": kind,
        "title": "Digital twins",
        "url": url,
        "topic_title": "T",
        "lesson_title": "L",
        "module_title": "M",
        "language": "en",
        "timestamp": timestamp,
    }


def test_pages_and_highlights_mark_only_what_the_unfuzzy_query_found():
    body = build_search(SearchQuery("co-opetition", page=3, per_page=10), "lectern", fuzzy=True).to_dict()
    assert (body["from"], body["size"]) == (20, 10)
    assert body["highlight"]["pre_tags"] == ["\x02"] and "text.en" in body["highlight"]["fields"]
    assert body["query"]["bool"]["must"][0]["multi_match"]["fuzziness"] == "AUTO"
    assert "fuzziness" not in body["highlight"]["highlight_query"]["multi_match"]  # never "competition"


def test_a_misspelled_query_is_corrected_from_the_term_suggester():
    body = build_search(SearchQuery("digtal twin"), "lectern").to_dict()
    assert body["suggest"]["spelling"] == {
        "text": "digtal twin",
        "term": {"field": "text", "suggest_mode": "missing"},
    }
    response = {
        "suggest": {
            "spelling": [
                {"text": "digtal", "options": [{"text": "digital"}]},
                {"text": "twin", "options": []},
            ]
        }
    }
    assert corrected_text("digtal twin", response) == "digital twin"
    assert corrected_text("digital twin", {"suggest": {"spelling": []}}) == ""
    as_typed = build_search(SearchQuery("digtal twin", correct=False), "lectern").to_dict()
    assert "suggest" not in as_typed  # "search instead for …" asks for no correction


def test_a_search_does_not_ask_whether_the_alias_exists():
    class Server:  # stands in for the Elasticsearch server only
        def __init__(self):
            self.calls = []
            self.indices = self

        def exists_alias(self, **kwargs):
            self.calls.append("exists_alias")
            return True

        def search(self, **kwargs):
            self.calls.append("search")
            return {
                "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
                "aggregations": {
                    n: {"values": {"buckets": []}} for n in ("kind", "module", "lesson", "language")
                },
                "suggest": {"spelling": []},
            }

    server = Server()
    engine = ElasticsearchEngine(server, alias="lectern-test-no-check")
    engine.search(SearchQuery("twin"))
    engine.search(SearchQuery("twin"))
    assert server.calls == ["search", "search"]


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
