"""What every search engine offers, and the highlighting they share.

See search/engines/database/ for the default engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..text import TOKEN, QueryTerms, token_stems

WORD = re.compile(r"\w+", re.UNICODE)
START, STOP = "\x02", "\x03"  # highlight markers, replaced by <mark> after escaping
SNIPPET_WORDS = 30


class EngineUnavailable(Exception):
    """The engine cannot be reached; the change is kept and replayed later."""


@dataclass(frozen=True)
class SearchQuery:
    text: str
    kinds: tuple[str, ...] = ()
    module_id: int | None = None
    lesson_id: int | None = None
    language: str | None = None
    page: int = 1
    per_page: int = 10
    correct: bool = True  # False: the learner asked for the query as typed ("search instead for …")

    def words(self) -> list[str]:
        return WORD.findall(self.text.lower())[:12]


@dataclass(frozen=True)
class Hit:
    doc_id: str
    kind: str
    title: str
    snippet: str  # HTML: the matched words in <mark>, everything else escaped
    url: str
    topic_title: str
    lesson_title: str
    module_title: str
    language: str
    timestamp: float | None
    moments: tuple[Moment, ...] = ()  # the other matching moments of the same video, best first


@dataclass(frozen=True)
class Moment:
    """Another matching moment of a video whose best moment is the hit."""

    timestamp: float
    url: str


@dataclass(frozen=True)
class Suggestion:
    """A title to offer while the learner types, and where it leads."""

    title: str
    kind: str
    url: str


@dataclass
class SearchResults:
    total: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, dict] = field(default_factory=dict)
    total_exact: bool = True  # False: at least ``total`` ("1,000+"); facet counts are lower bounds too
    corrected: str = ""  # the query actually searched, when a misspelt one found (almost) nothing


class SearchEngine:
    def index(self, page_ids, documents) -> None:
        """Replace every document of these pages by ``documents``."""
        raise NotImplementedError

    def delete(self, page_ids) -> None:
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError

    def suggest(self, text: str, language: str | None = None, limit: int = 8) -> list[Suggestion]:
        """Public titles with words starting like ``text``, distinct, best first."""
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def rebuild(self, documents) -> None:
        """Replace the whole index by ``documents`` (an iterable)."""
        self.clear()
        documents = list(documents)
        self.index({d.page_id for d in documents}, documents)


def highlighted(text: str) -> str:
    """Escape ``text`` and turn the START/STOP markers into <mark>."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped first


def _matches(token: str, language: str, terms: QueryTerms) -> bool:
    stems = token_stems(token, language)
    if stems & set(terms.stems):
        return True
    last = terms.stems[-1] if terms.prefix and terms.stems else ""
    return bool(last) and any(found.startswith(last) for found in stems)


def marked_snippet(text: str, language: str, terms: QueryTerms, words: int = SNIPPET_WORDS) -> str:
    """About ``words`` words of ``text`` around the first match, each matching word marked.

    A word is marked only when it has a stem the query searched ("twins" for "twin",
    never "competition" for "co-opetition"), so the marks show why the hit was found.
    The result carries START/STOP markers; ``highlighted`` escapes it for the page.
    """
    tokens = list(TOKEN.finditer(text))
    hits = [i for i, token in enumerate(tokens) if _matches(token.group(), language, terms)]
    if not tokens:
        return text[:200]
    first = max(0, (hits[0] if hits else 0) - words // 4)
    shown = tokens[first : first + words]
    begin, end = shown[0].start() if first else 0, shown[-1].end()
    parts, position = [], begin
    for index, token in enumerate(shown, start=first):
        parts.append(text[position : token.start()])
        parts.append(f"{START}{token.group()}{STOP}" if index in hits else token.group())
        position = token.end()
    parts.append(text[position:end])
    return ("…" if begin else "") + "".join(parts) + ("…" if end < len(text.rstrip()) else "")
