"""Course-wide indexes built from the blocks of every live topic: glossary, tool library.

They ask blocks through the block contract (``glossary_entries``, ``kind``), so a
plugin's vocabulary block appears in the glossary without this module knowing it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import groupby


@dataclass(frozen=True)
class IndexedEntry:
    topic_title: str
    url: str
    item: object


def _topics(course, request=None):
    from .models import TopicPage

    return TopicPage.objects.live().descendant_of(course).order_by("path")


def _initial(term: str) -> str:
    """The letter a term is filed under: its first letter without accents (Latin or Greek), or '#'."""
    letter = "".join(
        c for c in unicodedata.normalize("NFKD", term[:1]) if not unicodedata.combining(c)
    ).upper()
    return letter if letter.isalpha() else "#"


def _filing_order(entry):
    initial = _initial(entry.item.term)
    return (initial != "#", initial, unicodedata.normalize("NFKD", entry.item.term).casefold())


def glossary(course, request=None):
    """[(letter, [IndexedEntry(GlossaryEntry)])] — every term of the course, A–Z."""
    entries = []
    for topic in _topics(course):
        topic_url = topic.get_url(request)
        for child in topic.body:
            terms = getattr(child.block, "glossary_entries", None)
            for entry in terms(child.value) if terms else []:
                entries.append(IndexedEntry(topic.title, f"{topic_url}#{entry.anchor}", entry))
    entries.sort(key=_filing_order)
    return [(letter, list(group)) for letter, group in groupby(entries, key=lambda e: _initial(e.item.term))]


def blocks_of_kind(course, kind: str, request=None):
    """[IndexedEntry(block value)] for every block of that kind, in course order."""
    found = []
    for topic in _topics(course):
        topic_url = topic.get_url(request)
        for child in topic.body:
            if getattr(child.block, "kind", None) == kind:
                anchor = (
                    child.block.anchor_for(child.value)
                    if hasattr(child.block, "anchor_for")
                    else f"block-{child.id}"
                )
                found.append(IndexedEntry(topic.title, f"{topic_url}#{anchor}", child.value))
    return found
