"""How search treats each language of the site: one table, derived from ``settings.LANGUAGES``.

Every engine reads it: the database engine stems words in Python with the Snowball
stemmer named here (the same algorithms PostgreSQL's snowball dictionaries use, so
SQLite and PostgreSQL find the same documents), Elasticsearch analyses each field
with the analyzer named here. A language of the site that is missing from ``KNOWN``
is still searched, folded but unstemmed (see docs/search.md, "Adding a language").
Migrations keep their own frozen copy of the codes they needed at the time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.conf import settings


@dataclass(frozen=True)
class SearchLanguage:
    code: str
    snowball: str | None  # PyStemmer's algorithm name; None: words are only folded
    elasticsearch: str  # a built-in Elasticsearch language analyzer
    stop_words: frozenset[str]  # ignored when a query has other words, never when they are its only words


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# What search knows of a language; the site's LANGUAGES decide which are used.
KNOWN = {
    "en": SearchLanguage(
        "en",
        "english",
        "english",
        _words(
            "a an the of and or in on to for is are was be what how why which with by from at as it its this that"
        ),
    ),
    "fr": SearchLanguage(
        "fr",
        "french",
        "french",
        _words(
            "le la les l d de des du un une et ou en au aux pour par sur dans est qu que qui ce c quoi comment"
        ),
    ),
    "es": SearchLanguage(
        "es",
        "spanish",
        "spanish",
        _words("el la los las lo de del un una unos unas y o en a al por para con que es se qué cómo"),
    ),
    "hu": SearchLanguage(
        "hu", "hungarian", "hungarian", _words("a az egy és vagy is nem hogy de mi mit hogyan")
    ),
    "el": SearchLanguage(
        "el", "greek", "greek", _words("ο η το οι τα του της των τον την και σε με για να ένα μια τι πώς")
    ),
}


def _fallback(code: str) -> SearchLanguage:
    return SearchLanguage(code, None, "standard", frozenset())


@cache
def search_languages() -> dict[str, SearchLanguage]:
    """The site's languages, in settings order, each with its search treatment."""
    return {code: KNOWN.get(code) or _fallback(code) for code, _name in settings.LANGUAGES}


def search_language(code: str | None) -> SearchLanguage:
    return search_languages().get(code or "") or KNOWN.get(code or "") or _fallback(code or "")
