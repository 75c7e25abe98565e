"""Elasticsearch for scale, through the DSL of the elasticsearch 9 client.

Each text field is analysed once per course language (english, french, spanish,
hungarian, greek analyzers), queries are fuzzy (a typo still finds the term),
facets are aggregations, and a rebuild fills a new index before the alias moves to
it, so searches never see a half-built index. No server runs on the development
machines: tests check the mapping and the request bodies built here, and the shared
contract suite runs against a real server when ELASTICSEARCH_URL is set.
"""

from __future__ import annotations

import time

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.dsl import Boolean, Completion, Document, Float, Integer, Keyword, Q, Search, Text

from .base import (
    START,
    STOP,
    EngineUnavailable,
    Hit,
    SearchEngine,
    SearchQuery,
    SearchResults,
    Suggestion,
    highlighted,
)

LANGUAGE_ANALYZERS = {"en": "english", "fr": "french", "es": "spanish", "hu": "hungarian", "el": "greek"}
FACET_FIELDS = {"kind": "kind", "module": "module_id", "lesson": "lesson_id", "language": "language"}


def _multilingual():
    return Text(
        analyzer="standard", fields={lang: Text(analyzer=name) for lang, name in LANGUAGE_ANALYZERS.items()}
    )


class BlockDocument(Document):
    doc_id = Keyword()
    page_id = Integer()
    kind = Keyword()
    language = Keyword()
    title = _multilingual()
    text = _multilingual()
    url = Keyword(index=False)
    timestamp = Float()
    course_id = Integer()
    course_title = Keyword(index=False)
    module_id = Integer()
    module_title = Keyword(index=False)
    lesson_id = Integer()
    lesson_title = Keyword(index=False)
    topic_title = Keyword(index=False)
    public = Boolean()
    suggest = Completion(contexts=[{"name": "language", "type": "category", "path": "language"}])


def mapping() -> dict:
    return BlockDocument._doc_type.mapping.to_dict()


def build_search(query: SearchQuery, index: str) -> Search:
    """The request for a query: fuzzy match, public only, facets that ignore their own filter."""
    languages = [query.language] if query.language in LANGUAGE_ANALYZERS else list(LANGUAGE_ANALYZERS)
    fields = (
        ["title^3", "text"]
        + [f"title.{lang}^3" for lang in languages]
        + [f"text.{lang}" for lang in languages]
    )
    search = (
        Search(index=index)
        .query(
            Q(
                "multi_match",
                query=query.text,
                fields=fields,
                fuzziness="AUTO",
                prefix_length=1,
                operator="and",
            )
            | Q("multi_match", query=query.text, fields=["title", "text"], type="phrase_prefix")
        )
        .filter("term", public=True)
    )
    filters = {}
    if query.kinds:
        filters["kind"] = Q("terms", kind=list(query.kinds))
    for name, value in (
        ("module", query.module_id),
        ("lesson", query.lesson_id),
        ("language", query.language),
    ):
        if value is not None:
            filters[name] = Q("term", **{FACET_FIELDS[name]: value})
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    for name, field in FACET_FIELDS.items():
        others = [clause for key, clause in filters.items() if key != name]
        search.aggs.bucket(name, "filter", filter=Q("bool", filter=others)).bucket(
            "values", "terms", field=field, size=50
        )
    search = search.highlight(
        "text", fragment_size=160, number_of_fragments=1, pre_tags=[START], post_tags=[STOP]
    )
    start = (query.page - 1) * query.per_page
    return search[start : start + query.per_page]


def build_suggest(text: str, language: str | None, size: int) -> dict:
    """The completion suggester's request: title prefixes in one language (or all), typos forgiven.

    Only public documents carry a ``suggest`` input (see ``_source``), so a private
    title is never offered. A context-enabled completion field must be queried with
    contexts: "all languages" lists them all.
    """
    languages = [language] if language else sorted({*LANGUAGE_ANALYZERS, *dict(settings.LANGUAGES)})
    return {
        "source": ["title", "kind", "url"],
        "size": 0,
        "suggest": {
            "titles": {
                "prefix": text,
                "completion": {
                    "field": "suggest",
                    "size": size,
                    "skip_duplicates": True,
                    "fuzzy": {"fuzziness": "AUTO", "min_length": 4, "prefix_length": 1},
                    "contexts": {"language": languages},
                },
            }
        },
    }


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch | None = None, alias: str | None = None):
        self.client = client or Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=10)
        self.alias = alias or getattr(settings, "ELASTICSEARCH_INDEX", "lectern")

    def _call(self, function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except (TransportError, ApiError) as error:
            raise EngineUnavailable(str(error)) from error

    def _ensure_index(self):
        if not self._call(self.client.indices.exists_alias, name=self.alias):
            name = self._new_index()
            self._call(self.client.indices.put_alias, index=name, name=self.alias)

    def _new_index(self) -> str:
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.monotonic_ns() % 10_000}"
        self._call(self.client.indices.create, index=name, mappings=mapping())
        return name

    @staticmethod
    def _source(document) -> dict:
        body = document.as_dict()
        if document.public:  # the suggester cannot filter: a private title is never given to it
            body["suggest"] = {"input": [document.title], "contexts": {"language": [document.language]}}
        return body

    def _bulk(self, index, documents):
        operations = []
        for document in documents:
            operations += [{"index": {"_index": index, "_id": document.doc_id}}, self._source(document)]
        if operations:
            self._call(self.client.bulk, operations=operations, refresh="wait_for")

    def index(self, page_ids, documents) -> None:
        self._ensure_index()
        self.delete(page_ids)
        self._bulk(self.alias, documents)

    def delete(self, page_ids) -> None:
        self._ensure_index()
        self._call(
            self.client.delete_by_query,
            index=self.alias,
            query={"terms": {"page_id": list(page_ids)}},
            refresh=True,
        )

    def clear(self) -> None:
        self.rebuild([])

    def rebuild(self, documents) -> None:
        """Fill a new index, then move the alias to it in one step and drop the old one."""
        name = self._new_index()
        self._bulk(name, documents)
        old = list(self._call(self.client.indices.get_alias, name=self.alias, ignore_unavailable=True) or {})
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old] + [
            {"add": {"index": name, "alias": self.alias}}
        ]
        self._call(self.client.indices.update_aliases, actions=actions)
        for index in old:
            self._call(self.client.indices.delete, index=index)

    def suggest(self, text, language=None, limit=8) -> list[Suggestion]:
        self._ensure_index()
        response = self._call(self.client.search, index=self.alias, **build_suggest(text, language, limit))
        return [
            Suggestion(title=o["_source"]["title"], kind=o["_source"]["kind"], url=o["_source"]["url"])
            for o in response["suggest"]["titles"][0]["options"]
        ]

    def search(self, query: SearchQuery) -> SearchResults:
        if not query.words():
            return SearchResults(total=0)
        self._ensure_index()
        body = build_search(query, self.alias).to_dict()
        response = self._call(self.client.search, index=self.alias, **body)
        hits = []
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            fragment = (hit.get("highlight", {}).get("text") or [source["text"][:200]])[0]
            hits.append(
                Hit(
                    doc_id=source["doc_id"],
                    kind=source["kind"],
                    title=source["title"],
                    snippet=highlighted(fragment),
                    url=source["url"],
                    topic_title=source["topic_title"],
                    lesson_title=source["lesson_title"],
                    module_title=source["module_title"],
                    language=source["language"],
                    timestamp=source.get("timestamp"),
                )
            )
        facets = {
            name: {
                bucket["key"]: bucket["doc_count"]
                for bucket in response["aggregations"][name]["values"]["buckets"]
            }
            for name in FACET_FIELDS
        }
        total = response["hits"]["total"]
        return SearchResults(
            total=total["value"], hits=hits, facets=facets, total_exact=total.get("relation", "eq") == "eq"
        )
