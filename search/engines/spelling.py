"""Typo tolerance for the database engine on PostgreSQL ("digtal twin" finds "digital twin").

The engine keeps a vocabulary of the words of its public documents (table
``lectern_search_word``, migration 0003) under a pg_trgm index. When a query finds
nothing, each of its words that is not the start of a known word is replaced by the
most similar known word, and the engine searches again; the page then says
"Showing results for …". Words are never removed until a rebuild, but a correction is
only shown when it finds something a learner may see, so a word of a page that became
private never surfaces. SQLite has no pg_trgm: it keeps prefix matching.
"""

from __future__ import annotations

from django.db import connection

WORDS = """
    INSERT INTO lectern_search_word (language, word)
    SELECT DISTINCT e.language, w.word FROM lectern_search_indexentry e
    CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', e.title || ' ' || e.text))) AS w(word)
    WHERE e.page_id = ANY(%s) AND e.public AND char_length(w.word) BETWEEN 3 AND 40 AND w.word !~ '[0-9_]'
    ON CONFLICT DO NOTHING"""


def supported() -> bool:
    return connection.vendor == "postgresql"


def remember(page_ids) -> None:
    """Add the words of these pages' public documents to the vocabulary."""
    if supported():
        with connection.cursor() as cursor:
            cursor.execute(WORDS, [list(page_ids)])


def forget_everything() -> None:
    if supported():
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE lectern_search_word")


def corrected(words: list[str], language: str | None) -> list[str]:
    """The words with each unknown one replaced by its closest known word (by trigrams)."""
    if not supported():
        return words
    result = []
    in_language = " AND language = %s" if language else ""
    extra = [language] if language else []
    with connection.cursor() as cursor:
        for word in words:
            cursor.execute(
                f"SELECT 1 FROM lectern_search_word WHERE word LIKE %s{in_language} LIMIT 1",
                [_like_prefix(word), *extra],
            )
            if cursor.fetchone() or len(word) < 3:
                result.append(word)
                continue
            cursor.execute(
                f"SELECT word FROM lectern_search_word WHERE word %% %s{in_language} "
                "ORDER BY similarity(word, %s) DESC, word LIMIT 1",
                [word, *extra, word],
            )
            row = cursor.fetchone()
            result.append(row[0] if row else word)
    return result


def _like_prefix(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
