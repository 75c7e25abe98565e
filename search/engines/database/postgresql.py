"""The database engine on PostgreSQL: ``search_vector`` over the stemmed fields (migration 0005).

The stems are made in Python (the same Snowball algorithms as PostgreSQL's own
configurations, Greek included), so the vector uses the 'simple' configuration, which
drops no stop word: "AM" is found. Weights: title A, keywords B, text C; one GIN
index over (language, search_vector) answers the language and the match together.
"""

from __future__ import annotations

from .base import DatabaseEngine

WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'"  # D, C (text), B (keywords), A (title)


def tsquery(by_language: dict, every_prefix: bool = False, weight: str = "") -> str:
    """A to_tsquery('simple', …) expression: every stem of a language's terms, any language's."""
    groups = []
    for found in by_language.values():
        if not found.stems:
            continue
        words = [_lexeme(stem) for stem in found.stems]
        if every_prefix:
            words = [f"{word}:*{weight}" for word in words]
        elif found.prefix:
            words[-1] += ":*"
        groups.append("(" + " & ".join(words) + ")")
    return " | ".join(dict.fromkeys(groups))


def _lexeme(stem: str) -> str:
    return "'" + stem.replace("\\", "").replace("'", "''") + "'"


class PostgresEngine(DatabaseEngine):
    vendor = "postgresql"

    def match_sql(self, by_language, language):
        match, params = "e.search_vector @@ to_tsquery('simple', %s)", [tsquery(by_language)]
        if language:
            match = "e.language = %s AND " + match
            params.insert(0, language)
        return "lectern_search_indexentry e", match, params

    def score_sql(self, by_language, language):
        return f"ts_rank({WEIGHTS}, e.search_vector, to_tsquery('simple', %s), 1)", [tsquery(by_language)]

    def title_prefix_sql(self, by_language, language):
        match, params = "e.search_vector @@ to_tsquery('simple', %s)", [tsquery(by_language, True, "A")]
        if language:
            match = "e.language = %s AND " + match
            params.insert(0, language)
        return "lectern_search_indexentry e", match, params
