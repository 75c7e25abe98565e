"""The database engine on SQLite: an FTS5 table over the stemmed fields (migration 0005).

BM25 weighs the title 10, the keywords 5 and the text 1. Prefix matching on the last
word uses FTS5's prefix indexes.
"""

from __future__ import annotations

from .base import DatabaseEngine

SOURCE = "lectern_search_fts JOIN lectern_search_indexentry e ON e.id = lectern_search_fts.rowid"


def _quoted(word: str) -> str:
    return '"{}"'.format(word.replace('"', '""'))


def fts_query(by_language: dict, every_prefix: bool = False) -> str:
    """An FTS5 expression: every stem of a language's terms, any language's."""
    groups = []
    for found in by_language.values():
        if not found.stems:
            continue
        words = [_quoted(stem) for stem in found.stems]
        if found.prefix or every_prefix:
            words = [f"{word}*" for word in words] if every_prefix else [*words[:-1], words[-1] + "*"]
        groups.append("(" + " AND ".join(words) + ")")
    return " OR ".join(dict.fromkeys(groups))


class SQLiteEngine(DatabaseEngine):
    vendor = "sqlite"

    def match_sql(self, by_language, language):
        match, params = "lectern_search_fts MATCH %s", [fts_query(by_language)]
        if language:
            match += " AND e.language = %s"
            params.append(language)
        return SOURCE, match, params

    def score_sql(self, by_language, language):
        return "-bm25(lectern_search_fts, 10.0, 5.0, 1.0)", []

    def title_prefix_sql(self, by_language, language):
        match, params = (
            "lectern_search_fts MATCH %s",
            ["{title_terms} : (" + fts_query(by_language, True) + ")"],
        )
        if language:
            match += " AND e.language = %s"
            params.append(language)
        return SOURCE, match, params
