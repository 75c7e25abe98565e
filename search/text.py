"""How the database engine reads words: the same rules at index time and at query time.

A word is lower-cased, stripped of a French or Spanish elision ("d'entreprises" is
"entreprises"), stemmed with its language's Snowball stemmer ("twins" and "twin",
"entreprises" and "entreprise" meet) and folded (accents and final sigma removed), so
"numerique" finds "numériques" and the other way round. A hyphenated word counts
whole ("co-opetition" is "coopetition", never "competition") and, in documents, by its
parts too. Nothing is dropped from documents; stop words are only ignored in a query
that has other words, so "AM" or "what" alone is still searched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from .languages import search_language, search_languages

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
ELISION = re.compile(r"^(?:qu|jusqu|lorsqu|puisqu|[ldjmnstc])['’](?=\w)")
PARTS = re.compile(r"[-'’]")
MAX_QUERY_WORDS = 12


def fold(text: str) -> str:
    """Lower case without accents: "Numériques" -> "numeriques", "ψηφιακός" -> "ψηφιακοσ"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ς", "σ")


@lru_cache(maxsize=16)
def _stemmer(algorithm: str):
    return Stemmer.Stemmer(algorithm, 50_000)


@lru_cache(maxsize=200_000)
def stem(word: str, language: str | None) -> str:
    """The folded stem of one lower-case word in a language (only folded if it has no stemmer)."""
    algorithm = search_language(language).snowball
    if algorithm is None:
        return fold(word)
    return fold(_stemmer(algorithm).stemWord(word))


@lru_cache(maxsize=500_000)
def _pieces(token: str) -> tuple[str, tuple[str, ...]]:
    """A raw token as one word (elision removed, hyphens joined) and its parts."""
    token = ELISION.sub("", token.lower())
    parts = tuple(part for part in PARTS.split(token) if part)
    return "".join(parts), parts


@lru_cache(maxsize=200_000)
def token_stems(token: str, language: str | None) -> frozenset[str]:
    """Every stem a document token is found by: the whole word's, its parts', accented or not."""
    whole, parts = _pieces(token)
    words = {whole, *parts} if len(parts) > 1 else {whole}
    return frozenset(
        {stem(word, language) for word in words} | {stem(fold(word), language) for word in words}
    )


@lru_cache(maxsize=500_000)
def _token_terms(token: str, language: str | None) -> str:
    return " ".join(sorted(token_stems(token, language)))


def terms(text: str, language: str | None) -> str:
    """A document field as the full-text index stores it: its stems, space-separated."""
    return " ".join([_token_terms(token, language) for token in TOKEN.findall(text)])


def _content_words(words: list[str], language: str | None) -> list[str]:
    """The words without stop words, unless they are all stop words ("what is" stays)."""
    stop = _stop_words(language)
    return [word for word in words if fold(word) not in stop] or words


@lru_cache(maxsize=32)
def _stop_words(language: str | None) -> frozenset[str]:
    return frozenset(fold(word) for word in search_language(language).stop_words)


def key(text: str, language: str | None) -> str:
    """A title or alias reduced to its stems in order: equal keys mean "the same term"."""
    words = [word for word in (_pieces(token)[0] for token in TOKEN.findall(text)) if word]
    return " ".join(stem(word, language) for word in _content_words(words, language))


def plain_words(text: str) -> set[str]:
    """Lower-case, unstemmed words with their accents, for the vocabulary typos are corrected to."""
    return {_pieces(token)[0] for token in set(TOKEN.findall(text))}


@dataclass(frozen=True)
class QueryTerms:
    """What a query looks for in one language: the stems all required, and its whole key."""

    stems: tuple[str, ...]
    key: str
    prefix: bool  # the last word may be unfinished ("digit" finds "digital")


def query_words(text: str) -> list[str]:
    """The query's words as typed (folded, elision removed), at most twelve."""
    return [word for word in (_pieces(token)[0] for token in TOKEN.findall(text)) if word][:MAX_QUERY_WORDS]


def query_terms(text: str, language: str | None) -> QueryTerms:
    content = _content_words(query_words(text), language)
    stems = tuple(dict.fromkeys(stem(word, language) for word in content))
    last = content[-1] if content else ""
    prefix = len(last) >= 3 and stem(last, language) == fold(last)  # an unfinished word is its own stem
    return QueryTerms(stems=stems, key=" ".join(stem(word, language) for word in content), prefix=prefix)


def query_terms_by_language(text: str, language: str | None) -> dict[str, QueryTerms]:
    """One language's terms, or every site language's when searching all of them."""
    codes = [language] if language else list(search_languages())
    return {code: query_terms(text, code) for code in codes}
