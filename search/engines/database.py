"""The default engine: full-text search in the site's own database.

SQLite uses FTS5 (prefix matching, accents folded, BM25 ranking, ``snippet``);
PostgreSQL a tsvector per document built with its language's configuration (so a
French "entreprises" finds "entreprise"), a GIN index and ``ts_headline``. Only public
documents are searched.
"""

from __future__ import annotations

from dataclasses import replace

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..models import IndexEntry
from . import spelling
from .base import Hit, SearchEngine, SearchQuery, SearchResults

START, STOP = "\x02", "\x03"  # highlight markers, replaced by <mark> after escaping
POSTGRES_CONFIGS = {"en": "english", "fr": "french", "es": "spanish", "hu": "hungarian", "el": "greek"}
FACETS = {"kind": "e.kind", "module": "e.module_id", "lesson": "e.lesson_id", "language": "e.language"}


def highlighted(text: str) -> str:
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped first


class DatabaseEngine(SearchEngine):
    name = "database"

    def index(self, page_ids, documents) -> None:
        page_ids = list(page_ids)
        with transaction.atomic():
            IndexEntry.objects.filter(page_id__in=page_ids).delete()
            IndexEntry.objects.bulk_create(IndexEntry(**document.as_dict()) for document in documents)
            spelling.remember(page_ids)

    def delete(self, page_ids) -> None:
        IndexEntry.objects.filter(page_id__in=list(page_ids)).delete()

    def clear(self) -> None:
        IndexEntry.objects.all().delete()
        spelling.forget_everything()

    def search(self, query: SearchQuery) -> SearchResults:
        words = query.words()
        if not words:
            return SearchResults(total=0)
        results = self._search(query, words)
        if results.total == 0 and spelling.supported():
            better = spelling.corrected(words, query.language)
            if better != words:
                text = " ".join(better)
                second = self._search(replace(query, text=text), better)
                if second.total:
                    second.corrected = text
                    return second
        return results

    def _search(self, query: SearchQuery, words: list[str]) -> SearchResults:
        vendor = connection.vendor
        match, match_params = (self._sqlite_match if vendor == "sqlite" else self._postgres_match)(
            query, words
        )
        filters, filter_params = self._filters(query)
        where = f"{match} AND e.public" + "".join(f" AND {f}" for f in filters.values())
        params = [*match_params, *[p for values in filter_params.values() for p in values]]
        with connection.cursor() as cursor:
            if filters:
                cursor.execute(f"SELECT COUNT(*) {self._from(vendor)} WHERE {where}", params)
                total = cursor.fetchone()[0]
                facets = {
                    name: self._facet(cursor, vendor, name, match, match_params, filters, filter_params)
                    for name in FACETS
                }
            else:  # no filter: the total and every facet come from one grouped query
                total, facets = self._all_facets(cursor, vendor, where, params)
            if vendor == "sqlite":  # FTS5's snippet() is cheap: one query
                cursor.execute(
                    f"SELECT e.id, {self._snippet(vendor)} {self._from(vendor)} WHERE {where} "
                    f"ORDER BY {self._rank(vendor)} LIMIT %s OFFSET %s",
                    [*params, query.per_page, (query.page - 1) * query.per_page],
                )
                rows = cursor.fetchall()
            else:  # ts_headline is costly: only for the page of hits, once they are chosen
                headline_query = self._snippet_params(vendor, query, words)
                cursor.execute(
                    f"SELECT e.id {self._from(vendor)} WHERE {where} ORDER BY {self._rank(vendor)} LIMIT %s OFFSET %s",
                    [*params, *headline_query, query.per_page, (query.page - 1) * query.per_page],
                )
                ids = [row[0] for row in cursor.fetchall()]
                snippets = {}
                if ids:
                    cursor.execute(
                        f"SELECT e.id, {self._snippet(vendor)} FROM lectern_search_indexentry e WHERE e.id = ANY(%s)",
                        [*headline_query, ids],
                    )
                    snippets = dict(cursor.fetchall())
                rows = [(pk, snippets.get(pk, "")) for pk in ids]
        entries = IndexEntry.objects.in_bulk([row[0] for row in rows])
        hits = [self._hit(entries[row[0]], row[1]) for row in rows if row[0] in entries]
        return SearchResults(total=total, hits=hits, facets=facets)

    # query pieces -------------------------------------------------------------

    @staticmethod
    def _from(vendor):
        if vendor == "sqlite":
            return (
                "FROM lectern_search_fts JOIN lectern_search_indexentry e ON e.id = lectern_search_fts.rowid"
            )
        return "FROM lectern_search_indexentry e"

    @staticmethod
    def _sqlite_match(query, words):
        expression = " ".join('"{}"*'.format(word.replace('"', '""')) for word in words)
        return "lectern_search_fts MATCH %s", [expression]

    @staticmethod
    def _postgres_match(query, words):
        tsquery = " & ".join(f"{word}:*" for word in words)
        configs = (
            [POSTGRES_CONFIGS.get(query.language, "simple")]
            if query.language
            else ["simple", *POSTGRES_CONFIGS.values()]
        )
        clause = " OR ".join("e.search_vector @@ to_tsquery(%s::regconfig, %s)" for _ in configs)
        return f"({clause})", [value for config in configs for value in (config, tsquery)]

    @staticmethod
    def _rank(vendor):
        if vendor == "sqlite":
            return "bm25(lectern_search_fts, 5.0, 1.0)"
        return "ts_rank(e.search_vector, to_tsquery('simple', %s)) DESC"

    @staticmethod
    def _snippet(vendor):
        if vendor == "sqlite":
            return f"snippet(lectern_search_fts, 1, '{START}', '{STOP}', '…', 24)"
        return f"ts_headline('simple', e.text, to_tsquery('simple', %s), 'StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12')"

    @staticmethod
    def _snippet_params(vendor, query, words):
        return [] if vendor == "sqlite" else [" | ".join(f"{word}:*" for word in words)]

    def _filters(self, query: SearchQuery):
        filters, params = {}, {}
        if query.kinds:
            filters["kind"] = "e.kind IN (" + ", ".join(["%s"] * len(query.kinds)) + ")"
            params["kind"] = list(query.kinds)
        for name, value in (
            ("module", query.module_id),
            ("lesson", query.lesson_id),
            ("language", query.language),
        ):
            if value is not None:
                filters[name] = f"{FACETS[name]} = %s"
                params[name] = [value]
        return filters, params

    def _all_facets(self, cursor, vendor, where, params):
        columns = ", ".join(FACETS.values())
        cursor.execute(
            f"SELECT {columns}, COUNT(*) {self._from(vendor)} WHERE {where} GROUP BY {columns}", params
        )
        facets = {name: {} for name in FACETS}
        total = 0
        for *values, count in cursor.fetchall():
            total += count
            for name, value in zip(FACETS, values, strict=True):
                if value is not None:
                    facets[name][value] = facets[name].get(value, 0) + count
        return total, facets

    def _facet(self, cursor, vendor, name, match, match_params, filters, filter_params):
        """Counts for one facet, under every filter but its own (so other values stay offered)."""
        others = {key: clause for key, clause in filters.items() if key != name}
        where = f"{match} AND e.public" + "".join(f" AND {clause}" for clause in others.values())
        params = [*match_params, *[p for key, values in filter_params.items() if key != name for p in values]]
        column = FACETS[name]
        cursor.execute(
            f"SELECT {column}, COUNT(*) {self._from(vendor)} WHERE {where} GROUP BY {column}", params
        )
        return {value: count for value, count in cursor.fetchall() if value is not None}

    @staticmethod
    def _hit(entry, snippet):
        return Hit(
            doc_id=entry.doc_id,
            kind=entry.kind,
            title=entry.title,
            snippet=highlighted(snippet or entry.text[:200]),
            url=entry.url,
            topic_title=entry.topic_title,
            lesson_title=entry.lesson_title,
            module_title=entry.module_title,
            language=entry.language,
            timestamp=entry.timestamp,
        )
