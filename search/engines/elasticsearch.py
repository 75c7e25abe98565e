"""Elasticsearch for scale, through the DSL of the elasticsearch 9 client.

It behaves like the database engine: each text field (title, keywords, text) is
analysed once per site language (search/languages.py: elision removed, stemmed, accents
folded, no stop word dropped); the document whose title or keyword key equals the
query's comes first, then the block that defines it; a video's moments collapse into
its best one; a query that finds (almost) nothing is corrected through the term
suggester and searched again with fuzziness, and only words found by stem are
highlighted. Facets are aggregations, and a rebuild fills a new index before the alias
moves to it. The alias is checked once per process, by writes only. No server runs on
the development machines: tests check the mapping and the request bodies built here,
and the shared contract suite runs against a real server when ELASTICSEARCH_URL is set.
"""

from __future__ import annotations

import time
from dataclasses import replace

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.dsl import Boolean, Completion, Document, Float, Integer, Keyword, Q, Search, Text

from ..languages import search_languages
from ..text import key
from .base import (
    START,
    STOP,
    EngineUnavailable,
    Hit,
    Moment,
    SearchEngine,
    SearchQuery,
    SearchResults,
    Suggestion,
    highlighted,
)

FACET_FIELDS = {"kind": "kind", "module": "module_id", "lesson": "lesson_id", "language": "language"}
FEW = 3  # as the database engine: fewer hits than this, and a correction is tried
ELISIONS = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"]
# Elasticsearch's own stemmer per Snowball language of search/languages.py
STEMMERS = {"english": "english", "french": "light_french", "spanish": "light_spanish"}


def analyzers() -> dict[str, str]:
    """{language code: analyzer name}, one per site language (search/languages.py)."""
    return {code: f"lectern_{code}" for code in search_languages()}


def analysis() -> dict:
    """Per language: elision removed, lower case, stemmed, accents folded; no stop words dropped."""
    filters = {"lectern_elision": {"type": "elision", "articles": ELISIONS, "articles_case": True}}
    built = {}
    for code, language in search_languages().items():
        chain = ["lectern_elision", "lowercase"]
        if language.snowball:
            filters[f"lectern_stem_{code}"] = {
                "type": "stemmer",
                "language": STEMMERS.get(language.snowball, language.snowball),
            }
            chain.append(f"lectern_stem_{code}")
        built[f"lectern_{code}"] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [*chain, "asciifolding"],
        }
    built["lectern_plain"] = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding"],
    }
    return {"filter": filters, "analyzer": built}


def _multilingual():
    return Text(
        analyzer="lectern_plain", fields={code: Text(analyzer=name) for code, name in analyzers().items()}
    )


class BlockDocument(Document):
    doc_id = Keyword()
    page_id = Integer()
    kind = Keyword()
    language = Keyword()
    title = _multilingual()
    keywords = _multilingual()
    text = _multilingual()
    title_key = Keyword()  # search/text.py's key: equal keys mean "the term searched"
    keyword_keys = Keyword()  # one key per abbreviation or synonym
    prominence = Integer()
    group = Keyword()  # a video's moments share one: they collapse into the best
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


def _languages(query: SearchQuery) -> list[str]:
    return [query.language] if query.language in analyzers() else list(analyzers())


def matching(query: SearchQuery, fuzzy: bool = False) -> Q:
    """Every word, by stem, in the query's language(s): title 10, keywords 5, text 1."""
    fields = []
    for lang in _languages(query):
        fields += [f"title.{lang}^10", f"keywords.{lang}^5", f"text.{lang}"]
    options = {"fuzziness": "AUTO", "prefix_length": 1} if fuzzy else {}
    return Q("multi_match", query=query.text, fields=fields, operator="and", **options)


def naming(query: SearchQuery) -> list[Q]:
    """The term itself first: title or keyword key equal to the query's (as the database engine)."""
    keys = sorted({key(query.text, lang) for lang in _languages(query)} - {""})
    return [
        Q("terms", title_key=keys, boost=100),
        Q("terms", keyword_keys=keys, boost=80),
        Q("term", prominence={"value": 1, "boost": 3}),
    ]


def _filters(query: SearchQuery) -> dict:
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
    return filters


def _with_facets(search: Search, filters: dict) -> Search:
    """Filters narrow the hits (post_filter); each facet counts with the others only."""
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    for name, field in FACET_FIELDS.items():
        others = [clause for other, clause in filters.items() if other != name]
        search.aggs.bucket(name, "filter", filter=Q("bool", filter=others)).bucket(
            "values", "terms", field=field, size=50
        )
    return search


def build_search(query: SearchQuery, index: str, fuzzy: bool = False) -> Search:
    """The request: stems matched, the term first, public only, facets, a video's moments collapsed.

    Highlights use the exact (unfuzzy) match, so only words found by stem are marked.
    The term suggester proposes a correction for a query that finds (almost) nothing.
    """
    exact = matching(query)
    search = Search(index=index).query(
        Q("bool", must=[matching(query, fuzzy)], should=naming(query), filter=[Q("term", public=True)])
    )
    search = _with_facets(search, _filters(query))
    search = search.extra(
        collapse={
            "field": "group",
            "inner_hits": {"name": "moments", "size": 20, "_source": ["timestamp", "url"]},
        }
    )
    fields = {f"text.{lang}": {} for lang in _languages(query)}
    search = search.highlight_options(
        fragment_size=160,
        number_of_fragments=1,
        pre_tags=[START],
        post_tags=[STOP],
        highlight_query=exact.to_dict(),
    ).highlight(*fields)
    if query.correct:
        search = search.suggest("spelling", query.text, term={"field": "text", "suggest_mode": "missing"})
    start = (query.page - 1) * query.per_page
    return search[start : start + query.per_page]


def build_suggest(text: str, language: str | None, size: int) -> dict:
    """The completion suggester's request: title prefixes in one language (or all), typos forgiven.

    Only public documents carry a ``suggest`` input (see ``_source``), so a private
    title is never offered. A context-enabled completion field must be queried with
    contexts: "all languages" lists them all.
    """
    languages = [language] if language else sorted(analyzers())
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
    _aliases_seen: set = set()  # aliases known to exist in this process: checked once, not per query

    def __init__(self, client: Elasticsearch | None = None, alias: str | None = None):
        self.client = client or Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=10)
        self.alias = alias or getattr(settings, "ELASTICSEARCH_INDEX", "lectern")

    def _call(self, function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except (TransportError, ApiError) as error:
            raise EngineUnavailable(str(error)) from error

    def _ensure_index(self):
        """Make the alias if it is missing; only writes call this, once per process."""
        if self.alias in self._aliases_seen:
            return
        if not self._call(self.client.indices.exists_alias, name=self.alias):
            name = self._new_index()
            self._call(self.client.indices.put_alias, index=name, name=self.alias)
        self._aliases_seen.add(self.alias)

    def _new_index(self) -> str:
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.monotonic_ns() % 10_000}"
        self._call(
            self.client.indices.create, index=name, mappings=mapping(), settings={"analysis": analysis()}
        )
        return name

    @staticmethod
    def _source(document) -> dict:
        body = document.as_dict()
        names = [name for name in document.keywords.split("\n") if name]
        body["title_key"] = key(document.title, document.language)
        body["keyword_keys"] = [key(name, document.language) for name in names]
        body["group"] = (
            document.doc_id.rsplit(":", 1)[0] if document.timestamp is not None else document.doc_id
        )
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
        self._aliases_seen.add(self.alias)
        for index in old:
            self._call(self.client.indices.delete, index=index)

    def suggest(self, text, language=None, limit=8) -> list[Suggestion]:
        try:
            response = self._call(
                self.client.search, index=self.alias, **build_suggest(text, language, limit)
            )
        except EngineUnavailable as error:
            if isinstance(error.__cause__, NotFoundError):
                return []  # nothing indexed yet
            raise
        return [
            Suggestion(title=o["_source"]["title"], kind=o["_source"]["kind"], url=o["_source"]["url"])
            for o in response["suggest"]["titles"][0]["options"]
        ]

    def search(self, query: SearchQuery) -> SearchResults:
        if not query.words():
            return SearchResults(total=0)
        response = self._request(build_search(query, self.alias))
        if response is None:
            return SearchResults(total=0)  # nothing indexed yet
        results = results_from(response)
        better = corrected_text(query.text, response) if query.correct else ""
        if results.total < FEW and better:
            second = self._request(
                build_search(replace(query, text=better, correct=False), self.alias, fuzzy=True)
            )
            if second is not None and results_from(second).total > results.total:
                results = results_from(second)
                results.corrected = better
        return results

    def _request(self, search: Search) -> dict | None:
        try:
            return self._call(self.client.search, index=self.alias, **search.to_dict())
        except EngineUnavailable as error:
            if isinstance(error.__cause__, NotFoundError):
                return None
            raise


def corrected_text(text: str, response: dict) -> str:
    """The query with each word the term suggester knows better replaced, or ''."""
    words = text.split()
    changed = False
    for entry in response.get("suggest", {}).get("spelling", []):
        options = entry.get("options") or []
        if options and entry["text"].lower() in (word.lower() for word in words):
            words = [options[0]["text"] if word.lower() == entry["text"].lower() else word for word in words]
            changed = True
    return " ".join(words) if changed else ""


def _hit(hit: dict) -> Hit:
    source = hit["_source"]
    fragments = [fragment for found in hit.get("highlight", {}).values() for fragment in found]
    moments = hit.get("inner_hits", {}).get("moments", {}).get("hits", {}).get("hits", [])
    return Hit(
        doc_id=source["doc_id"],
        kind=source["kind"],
        title=source["title"],
        snippet=highlighted((fragments or [source["text"][:200]])[0]),
        url=source["url"],
        topic_title=source["topic_title"],
        lesson_title=source["lesson_title"],
        module_title=source["module_title"],
        language=source["language"],
        timestamp=source.get("timestamp"),
        moments=tuple(
            Moment(timestamp=m["_source"]["timestamp"], url=m["_source"]["url"])
            for m in moments
            if m["_source"].get("url") != source["url"]
        ),
    )


def results_from(response: dict) -> SearchResults:
    facets = {
        name: {
            bucket["key"]: bucket["doc_count"]
            for bucket in response["aggregations"][name]["values"]["buckets"]
        }
        for name in FACET_FIELDS
    }
    total = response["hits"]["total"]
    return SearchResults(
        total=total["value"],
        hits=[_hit(hit) for hit in response["hits"]["hits"]],
        facets=facets,
        total_exact=total.get("relation", "eq") == "eq",
    )
