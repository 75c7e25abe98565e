"""Typo tolerance for the database engine, the same on SQLite and PostgreSQL.

The engine keeps a vocabulary of the lower-case, unstemmed words of its public documents
per language (table ``lectern_search_word``). When a query finds fewer than a few
hits, each of its words that does not start a known word is replaced by the closest
known word — candidates come from a trigram index (FTS5's trigram tokenizer on SQLite,
pg_trgm on PostgreSQL), the choice is the smallest edit distance (a swap of two
letters is one edit) — and the engine searches again; the page then says "Showing
results for …". Words are never removed until a rebuild, but a correction is only
shown when it finds more than the query did, among what a learner may see.
"""

from __future__ import annotations

from itertools import islice, product

from django.db import connection
from rapidfuzz.distance import OSA, Indel

from ...text import plain_words

INSERT = "INSERT INTO lectern_search_word (language, word) VALUES (%s, %s) ON CONFLICT DO NOTHING"
TRIGRAM_THRESHOLD = 0.2  # PostgreSQL: how alike (pg_trgm similarity) a candidate must be
LAST = "\U0010ffff"  # sorts after every word: [word, word + LAST) is "starts with word"


def _vocabulary_word(word: str) -> bool:
    return 3 <= len(word) <= 40 and word.isalpha()


def remember(documents) -> None:
    """Add the words of these public documents to the vocabulary."""
    words = set()
    for document in documents:
        if document.public:
            found = plain_words(f"{document.title} {document.keywords} {document.text}")
            words.update((document.language, word) for word in found if _vocabulary_word(word))
    if words:
        with connection.cursor() as cursor:
            cursor.executemany(INSERT, sorted(words))


def forget_everything() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM lectern_search_word")


def known(word: str, language: str | None, cursor) -> bool:
    """Whether some indexed word starts with ``word`` (an unfinished word is not a typo)."""
    sql = "SELECT 1 FROM lectern_search_word WHERE word >= %s AND word < %s"
    params = [word, word + LAST]
    if language:
        sql += " AND language = %s"
        params.append(language)
    cursor.execute(sql + " LIMIT 1", params)
    return cursor.fetchone() is not None


def candidates(word: str, language: str | None, vendor: str, cursor) -> list[str]:
    """Known words sharing trigrams with ``word``, through the vendor's trigram index."""
    in_language = " AND language = %s" if language else ""
    extra = [language] if language else []
    if vendor == "sqlite":
        grams = {word[i : i + 3] for i in range(len(word) - 2)}
        cursor.execute(
            "SELECT word FROM lectern_search_word_trigrams WHERE lectern_search_word_trigrams MATCH %s"
            f"{in_language} ORDER BY rank LIMIT 300",
            [" OR ".join('"{}"'.format(gram.replace('"', '""')) for gram in sorted(grams)), *extra],
        )
    else:  # a looser threshold than pg_trgm's 0.3: "jumaux" shares only 0.27 with "jumeau"
        cursor.execute("SELECT set_limit(%s)", [TRIGRAM_THRESHOLD])
        cursor.execute(
            f"SELECT word FROM lectern_search_word WHERE word %% %s{in_language} "
            "ORDER BY similarity(word, %s) DESC LIMIT 300",
            [word, *extra, word],
        )
    return [row[0] for row in cursor.fetchall()]


def closest(word: str, found: list[str], keep: int = 3) -> list[str]:
    """The candidates fewest edits away (one edit for short words, two for longer ones), best first."""
    allowed = 1 if len(word) <= 5 else 2
    scored = sorted(
        # ties: a dropped or doubled letter (Indel) is a likelier typo than a changed one
        (OSA.distance(word, other), Indel.distance(word, other), other[:1] != word[:1], other)
        for other in found
    )
    return [other for distance, *_rest, other in scored if distance <= allowed][:keep]


def corrections(words: list[str], language: str | None, vendor: str, limit: int = 8) -> list[list[str]]:
    """Ways to correct the query, most likely first: each unknown word by one of its closest known words.

    The engine keeps the first that finds something, so the other words of the query
    choose between equally close spellings ("quadruple helx" is "helix", not "held").
    """
    options = []
    with connection.cursor() as cursor:
        for word in words:
            if len(word) < 3 or not word.isalpha() or known(word, language, cursor):
                options.append([word])
            else:
                options.append(closest(word, candidates(word, language, vendor, cursor)) or [word])
    if all(len(choice) == 1 and choice[0] == word for choice, word in zip(options, words, strict=True)):
        return []
    return [list(combination) for combination in islice(product(*options), limit)]
