"""The unit of search: one thing a learner can find, with where it sits and where it leads."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class IndexDocument:
    doc_id: str  # "<page id>:<block id or 'page'>:<n>": stable across re-indexing
    page_id: int
    kind: str
    title: str
    text: str
    language: str
    url: str  # the topic's URL with the anchor that opens the exact block or moment
    timestamp: float | None
    course_id: int | None
    course_title: str
    module_id: int | None
    module_title: str
    lesson_id: int | None
    lesson_title: str
    topic_title: str
    public: bool
    keywords: str = ""  # other names of the title (abbreviation, synonyms), one per line
    prominence: int = 0  # 1: defines its title; -1: one moment of a longer whole (blocks/base.py)

    def as_dict(self) -> dict:
        return asdict(self)
