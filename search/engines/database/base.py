"""What the database engine does the same way on every database.

Words are stemmed in Python (search/text.py) with the document's language, stored per
field (title, keywords, text) and searched through the vendor's full-text index. Like a
search engine, and unlike a report, a query reads at most ``MAX_COUNTED`` matches (plus
one, to know there are more), counts the facets over those and ranks only those:

1. a document whose title or keyword (abbreviation, synonym) *is* the query, after
   folding case, accents and inflection;
2. then one whose title holds every searched word;
3. among those, the block that defines its title (a vocabulary term) before others,
   and a moment of a video after the video;
4. then the vendor's field-weighted relevance (title > keywords > text).

A video's matching moments collapse into its best one, which carries the others.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields, replace

from django.conf import settings
from django.db import connection, transaction

from ...documents import IndexDocument
from ...models import IndexEntry
from ...text import key, query_terms_by_language, query_words, terms
from ..base import (
    Hit,
    Moment,
    SearchEngine,
    SearchQuery,
    SearchResults,
    Suggestion,
    highlighted,
    marked_snippet,
)
from . import spelling

FACETS = {"kind": "e.kind", "module": "e.module_id", "lesson": "e.lesson_id", "language": "e.language"}
FACET_ATTRIBUTES = {"kind": "kind", "module": "module_id", "lesson": "lesson_id", "language": "language"}
COLUMNS = (
    "e.id, e.kind, e.module_id, e.lesson_id, e.language, e.doc_id, e.timestamp, e.prominence, "
    "e.title_terms, e.title_key, e.keyword_keys"
)
MAX_COUNTED = 1000  # LECTERN_SEARCH_MAX_COUNTED overrides it
DOCUMENT_FIELDS = [field.name for field in fields(IndexDocument)]
FEW = 3  # a query with fewer hits than this is worth correcting


def max_counted() -> int:
    return getattr(settings, "LECTERN_SEARCH_MAX_COUNTED", MAX_COUNTED)


@dataclass
class Candidate:
    id: int
    kind: str
    module_id: int | None
    lesson_id: int | None
    language: str
    doc_id: str
    timestamp: float | None
    prominence: int
    title_terms: str
    title_key: str
    keyword_keys: str
    score: float


def entry_for(document) -> IndexEntry:
    """The row of a document, with its words as searched."""
    language = document.language
    keywords = [name for name in document.keywords.split("\n") if name]
    return IndexEntry(
        **{name: getattr(document, name) for name in DOCUMENT_FIELDS},
        title_terms=terms(document.title, language),
        keyword_terms=terms(" ".join(keywords), language),
        text_terms=terms(document.text, language),
        title_key=key(document.title, language)[:300],
        keyword_keys="|" + "|".join(key(name, language) for name in keywords) + "|" if keywords else "",
    )


def insert_entries(entries) -> None:
    """Write rows with one prepared INSERT (a rebuild writes 1,000s per second; bulk_create compiles per batch)."""
    fields = [field for field in IndexEntry._meta.concrete_fields if not field.primary_key]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        IndexEntry._meta.db_table, ", ".join(f.column for f in fields), ", ".join(["%s"] * len(fields))
    )
    rows = [[getattr(entry, field.attname) for field in fields] for entry in entries]
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)


def rank_key(candidate: Candidate, by_language: dict):
    """Sort key: the term itself first, then all words in the title, then prominence, then relevance."""
    wanted = by_language.get(candidate.language) or next(iter(by_language.values()))
    is_the_term = bool(wanted.key) and (
        candidate.title_key == wanted.key or f"|{wanted.key}|" in candidate.keyword_keys
    )
    title = f" {candidate.title_terms} "  # substring tests: cheaper than splitting 1,000 titles
    last = wanted.stems[-1]
    in_title = all(f" {stem} " in title for stem in wanted.stems[:-1]) and (
        f" {last} " in title or (wanted.prefix and f" {last}" in title)
    )
    named = is_the_term or in_title  # prominence orders what the query names, not what merely mentions it
    return (
        not is_the_term,
        not in_title,
        -candidate.prominence if named else 0,
        -candidate.score,
        candidate.id,
    )


def collapsed(candidates: list[Candidate]) -> list[list[Candidate]]:
    """Ranked candidates grouped so that a video's moments follow its best one."""
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        block = candidate.doc_id.rsplit(":", 1)[0] if candidate.timestamp is not None else candidate.doc_id
        groups.setdefault(block, []).append(candidate)
    return list(groups.values())


class DatabaseEngine(SearchEngine):
    name = "database"
    vendor = ""

    def __new__(cls, *args, **kwargs):
        if cls is DatabaseEngine:  # the factory: the class for the connection's database
            from .postgresql import PostgresEngine
            from .sqlite import SQLiteEngine

            cls = {"sqlite": SQLiteEngine, "postgresql": PostgresEngine}[connection.vendor]
        return super().__new__(cls)

    # the vendor's SQL --------------------------------------------------------

    def match_sql(self, by_language: dict, language: str | None) -> tuple[str, str, list]:
        """(FROM clause, WHERE condition, params) for the documents matching the terms."""
        raise NotImplementedError

    def score_sql(self, by_language: dict, language: str | None) -> tuple[str, list]:
        raise NotImplementedError

    def title_prefix_sql(self, by_language: dict, language: str | None) -> tuple[str, str, list]:
        raise NotImplementedError

    # writing -----------------------------------------------------------------

    def index(self, page_ids, documents) -> None:
        page_ids, documents = list(page_ids), list(documents)
        with transaction.atomic():
            IndexEntry.objects.filter(page_id__in=page_ids).delete()
            insert_entries(entry_for(d) for d in documents)
            spelling.remember(documents)

    def delete(self, page_ids) -> None:
        IndexEntry.objects.filter(page_id__in=list(page_ids)).delete()

    def clear(self) -> None:
        IndexEntry.objects.all().delete()
        spelling.forget_everything()

    def rebuild(self, documents) -> None:
        """Replace the whole index in one transaction: searches never see it empty."""
        with transaction.atomic():
            self.clear()
            batch = []
            for document in documents:
                batch.append(document)
                if len(batch) == 2000:
                    self.index([], batch)
                    batch = []
            self.index([], batch)

    # searching ---------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        by_language = query_terms_by_language(query.text, query.language)
        if not any(found.stems for found in by_language.values()):
            return SearchResults(total=0)
        results = self._search(query, by_language)
        if results.total < FEW and query.correct:
            better = self._correction(query)
            if better:
                second = self._search(
                    replace(query, text=better), query_terms_by_language(better, query.language)
                )
                if second.total > results.total:
                    second.corrected = better
                    return second
        return results

    def _correction(self, query: SearchQuery) -> str:
        """The correction of the query's unknown words that names a term, else finds the most, or ''.

        Equally close spellings are told apart by the documents: "economie circulère" is
        "économie circulaire" (a term's title) rather than "économie circule".
        """
        best, best_rank = "", (False, 0)
        for words in spelling.corrections(query_words(query.text), query.language, self.vendor):
            text = " ".join(words)
            by_language = query_terms_by_language(text, query.language)
            sql, params = self.candidates_sql(
                replace(query, text=text), ranked=False, by_language=by_language
            )
            with connection.cursor() as cursor:
                cursor.execute(sql.replace(" LIMIT %s", " LIMIT 50"), params[:-1])
                found = cursor.fetchall()
            names = any(
                Candidate(*row).title_key == terms.key for row in found for terms in by_language.values()
            )
            if (names, len(found)) > best_rank:
                best, best_rank = text, (names, len(found))
        return best

    def _search(self, query: SearchQuery, by_language: dict) -> SearchResults:
        filters = self._filters(query)
        found, more = self._candidates(query, by_language, filters, ranked=True)
        facets = {}
        for name in FACETS:
            rows = found
            if name in filters:  # a facet ignores its own filter: other values stay offered
                others = {key: value for key, value in filters.items() if key != name}
                rows, facet_more = self._candidates(query, by_language, others, ranked=False)
                more = more or facet_more
            counts = Counter(getattr(row, FACET_ATTRIBUTES[name]) for row in rows)
            facets[name] = {value: count for value, count in counts.items() if value is not None}
        groups = collapsed(sorted(found, key=lambda candidate: rank_key(candidate, by_language)))
        start = (query.page - 1) * query.per_page
        page = groups[start : start + query.per_page]
        entries = IndexEntry.objects.in_bulk([c.id for group in page for c in group])
        hits = [self._hit(entries, group, by_language) for group in page if group[0].id in entries]
        return SearchResults(total=len(groups), hits=hits, facets=facets, total_exact=not more)

    def candidates_sql(self, query: SearchQuery, filters=None, ranked=True, by_language=None):
        """The one bounded query: matches, in the chosen language, public, filtered."""
        by_language = by_language or query_terms_by_language(query.text, query.language)
        filters = filters or {}
        source, match, params = self.match_sql(by_language, query.language)
        score, score_params = self.score_sql(by_language, query.language) if ranked else ("0", [])
        where = " AND ".join([match, "e.public", *(clause for clause, _ in filters.values())])
        sql = f"SELECT {COLUMNS}, {score} FROM {source} WHERE {where} LIMIT %s"
        params = [*score_params, *params, *(p for _, values in filters.values() for p in values)]
        return sql, [*params, max_counted() + 1]

    def _candidates(self, query, by_language, filters, ranked):
        sql, params = self.candidates_sql(query, filters, ranked, by_language)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [Candidate(*row) for row in rows[: max_counted()]], len(rows) > max_counted()

    @staticmethod
    def _filters(query: SearchQuery) -> dict:
        """{facet: (SQL clause, params)} for the filters the learner chose."""
        filters = {}
        if query.kinds:
            filters["kind"] = ("e.kind IN (" + ", ".join(["%s"] * len(query.kinds)) + ")", list(query.kinds))
        for name, value in (("module", query.module_id), ("lesson", query.lesson_id)):
            if value is not None:
                filters[name] = (f"{FACETS[name]} = %s", [value])
        return filters

    @staticmethod
    def _hit(entries, group, by_language) -> Hit:
        entry = entries[group[0].id]
        wanted = by_language.get(entry.language) or next(iter(by_language.values()))
        moments = tuple(
            Moment(timestamp=entries[c.id].timestamp, url=entries[c.id].url)
            for c in group[1:]
            if c.id in entries
        )
        return Hit(
            doc_id=entry.doc_id,
            kind=entry.kind,
            title=entry.title,
            snippet=highlighted(marked_snippet(entry.text, entry.language, wanted)),
            url=entry.url,
            topic_title=entry.topic_title,
            lesson_title=entry.lesson_title,
            module_title=entry.module_title,
            language=entry.language,
            timestamp=entry.timestamp,
            moments=moments,
        )

    def suggest(self, text, language=None, limit=8):
        """Titles whose words start like the typed ones, found through the full-text index."""
        by_language = query_terms_by_language(text, language)
        if not any(found.stems for found in by_language.values()):
            return []
        source, match, params = self.title_prefix_sql(by_language, language)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.title, e.kind, e.url FROM {source} WHERE {match} AND e.public LIMIT 200", params
            )
            rows = cursor.fetchall()
        typed = text.strip().lower()
        rows.sort(key=lambda row: (not row[0].lower().startswith(typed), len(row[0]), row[0]))
        seen, suggestions = set(), []
        for title, kind, url in rows:
            if title.lower() not in seen and len(suggestions) < limit:
                seen.add(title.lower())
                suggestions.append(Suggestion(title=title, kind=kind, url=url))
        return suggestions
