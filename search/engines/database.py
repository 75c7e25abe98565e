"""The default engine: full-text search in the site's own database.

SQLite uses FTS5 (prefix matching, accents folded, BM25 ranking, ``snippet``);
PostgreSQL a tsvector per document built with its language's configuration (so a
French "entreprises" finds "entreprise"), a GIN index and ``ts_headline``. Only public
documents are searched.

Like a search engine, and unlike a report, it bounds the work of a query: it reads at
most ``MAX_COUNTED`` matches (plus one, to know there are more), counts the total and
the facets over those, ranks only those and cuts the page of hits from them. A query
with more matches says "1,000+" (``total_exact`` is False). A language is one
text-search configuration and one GIN lookup; "all languages" pairs each document's
language with its own configuration.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from django.conf import settings
from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..models import IndexEntry
from . import spelling
from .base import Hit, SearchEngine, SearchQuery, SearchResults, Suggestion

START, STOP = "\x02", "\x03"  # highlight markers, replaced by <mark> after escaping
POSTGRES_CONFIGS = {"en": "english", "fr": "french", "es": "spanish", "hu": "hungarian", "el": "greek"}
FACETS = {"kind": "e.kind", "module": "e.module_id", "lesson": "e.lesson_id", "language": "e.language"}
MAX_COUNTED = 1000  # LECTERN_SEARCH_MAX_COUNTED overrides it
# The configuration of the document's own language, as in migration 0002's search_vector.
OWN_CONFIG = (
    "CASE e.language "
    + " ".join(f"WHEN '{code}' THEN '{config}'::regconfig" for code, config in POSTGRES_CONFIGS.items())
    + " ELSE 'simple'::regconfig END"
)


def postgres_match(language: str | None, tsquery: str) -> tuple[str, list]:
    """Documents of one language matching with its configuration, or of each language with its own.

    Both forms are answered by the GIN index over (language, search_vector).
    """
    if language:
        config = POSTGRES_CONFIGS.get(language, "simple")
        return "e.language = %s AND e.search_vector @@ to_tsquery(%s::regconfig, %s)", [
            language,
            config,
            tsquery,
        ]
    pairs = ["(e.language = %s AND e.search_vector @@ to_tsquery(%s::regconfig, %s))"] * len(POSTGRES_CONFIGS)
    pairs.append("(NOT e.language = ANY(%s) AND e.search_vector @@ to_tsquery('simple', %s))")
    params = [v for code, config in POSTGRES_CONFIGS.items() for v in (code, config, tsquery)]
    return "(" + " OR ".join(pairs) + ")", [*params, list(POSTGRES_CONFIGS), tsquery]


def max_counted() -> int:
    return getattr(settings, "LECTERN_SEARCH_MAX_COUNTED", MAX_COUNTED)


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
        filters = self._filters(query)
        rows, more = self._candidates(query, words, filters, ranked=True)
        facets = {}
        for position, name in enumerate(FACETS, start=1):
            if name in filters:  # a facet ignores its own filter: other values stay offered
                others = {key: value for key, value in filters.items() if key != name}
                facet_rows, facet_more = self._candidates(query, words, others, ranked=False)
                more = more or facet_more
            else:
                facet_rows = rows
            facets[name] = dict(Counter(row[position] for row in facet_rows if row[position] is not None))
        start = (query.page - 1) * query.per_page
        page = sorted(rows, key=lambda row: (-row[-1], row[0]))[start : start + query.per_page]
        snippets = self._snippets(query, words, [row[0] for row in page])
        entries = IndexEntry.objects.in_bulk([row[0] for row in page])
        hits = [self._hit(entries[row[0]], snippets.get(row[0], "")) for row in page if row[0] in entries]
        return SearchResults(total=len(rows), hits=hits, facets=facets, total_exact=not more)

    def suggest(self, text, language=None, limit=8) -> list[Suggestion]:
        """Titles whose words start like the typed ones, found through the full-text index.

        A prefix lookup on the title column only (FTS5's ``{title}:`` filter over its
        prefix indexes; on PostgreSQL the title's weight-A lexemes under the GIN index),
        bounded to a few hundred candidates, then titles that start like the text first.
        """
        words = SearchQuery(text).words()
        if not words:
            return []
        if connection.vendor == "sqlite":
            prefix = " ".join('"{}"*'.format(word.replace('"', '""')) for word in words)
            sql = (
                "SELECT e.title, e.kind, e.url FROM lectern_search_fts JOIN lectern_search_indexentry e "
                "ON e.id = lectern_search_fts.rowid WHERE lectern_search_fts MATCH %s AND e.public"
            )
            params = [f"{{title}} : ({prefix})"]
            if language:
                sql += " AND e.language = %s"
                params.append(language)
        else:
            match, params = postgres_match(language, " & ".join(f"{word}:*A" for word in words))
            sql = f"SELECT e.title, e.kind, e.url FROM lectern_search_indexentry e WHERE e.public AND {match}"
        with connection.cursor() as cursor:
            cursor.execute(sql + " LIMIT 200", params)
            rows = cursor.fetchall()
        typed = text.strip().lower()
        rows.sort(key=lambda row: (not row[0].lower().startswith(typed), len(row[0]), row[0]))
        seen, suggestions = set(), []
        for title, kind, url in rows:
            if title.lower() not in seen and len(suggestions) < limit:
                seen.add(title.lower())
                suggestions.append(Suggestion(title=title, kind=kind, url=url))
        return suggestions

    # query pieces -------------------------------------------------------------

    def candidates_sql(self, query: SearchQuery, words: list[str], filters: dict, ranked: bool):
        """The one bounded query: matches, in the chosen language, public, filtered."""
        if connection.vendor == "sqlite":
            source = "lectern_search_fts JOIN lectern_search_indexentry e ON e.id = lectern_search_fts.rowid"
            match = "lectern_search_fts MATCH %s"
            params = [" ".join('"{}"*'.format(word.replace('"', '""')) for word in words)]
            if query.language:
                match += " AND e.language = %s"
                params.append(query.language)
            score, score_params = ("-bm25(lectern_search_fts, 5.0, 1.0)" if ranked else "0"), []
        else:
            source = "lectern_search_indexentry e"
            tsquery = " & ".join(f"{word}:*" for word in words)
            match, params = postgres_match(query.language, tsquery)
            if query.language:
                config = POSTGRES_CONFIGS.get(query.language, "simple")
                score = "ts_rank(e.search_vector, to_tsquery(%s::regconfig, %s))" if ranked else "0"
                score_params = [config, tsquery] if ranked else []
            else:
                score = f"ts_rank(e.search_vector, to_tsquery({OWN_CONFIG}, %s))" if ranked else "0"
                score_params = [tsquery] if ranked else []
        where = " AND ".join([match, "e.public", *(clause for clause, _ in filters.values())])
        columns = ", ".join(["e.id", *FACETS.values(), score])
        sql = f"SELECT {columns} FROM {source} WHERE {where} LIMIT %s"
        params = [*score_params, *params, *(p for _, values in filters.values() for p in values)]
        return sql, [*params, max_counted() + 1]

    def _candidates(self, query, words, filters, ranked):
        sql, params = self.candidates_sql(query, words, filters, ranked)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return rows[: max_counted()], len(rows) > max_counted()

    @staticmethod
    def _filters(query: SearchQuery) -> dict:
        """{facet column: (SQL clause, params)} for the filters the learner chose."""
        filters = {}
        if query.kinds:
            filters["kind"] = ("e.kind IN (" + ", ".join(["%s"] * len(query.kinds)) + ")", list(query.kinds))
        for name, value in (("module", query.module_id), ("lesson", query.lesson_id)):
            if value is not None:
                filters[name] = (f"{FACETS[name]} = %s", [value])
        return filters

    @staticmethod
    def _snippets(query, words, ids) -> dict:
        """Highlights for the page of hits only: FTS5's snippet(), or PostgreSQL's costly ts_headline."""
        if not ids:
            return {}
        marks = f"'{START}', '{STOP}'"
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(
                    f"SELECT rowid, snippet(lectern_search_fts, 1, {marks}, '…', 24) FROM lectern_search_fts "
                    f"WHERE lectern_search_fts MATCH %s AND rowid IN ({', '.join(['%s'] * len(ids))})",
                    [" ".join('"{}"*'.format(word.replace('"', '""')) for word in words), *ids],
                )
            else:
                cursor.execute(
                    f"SELECT e.id, ts_headline('simple', e.text, to_tsquery('simple', %s), "
                    f"'StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12') "
                    "FROM lectern_search_indexentry e WHERE e.id = ANY(%s)",
                    [" | ".join(f"{word}:*" for word in words), list(ids)],
                )
            return dict(cursor.fetchall())

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
