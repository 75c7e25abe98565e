"""What every search engine offers. See search/engines/database.py for the default one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WORD = re.compile(r"\w+", re.UNICODE)


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
    corrected: str = ""  # the query actually searched, when a misspelt one found nothing


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
