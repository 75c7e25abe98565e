"""The block contract: what a learning block may offer beyond a plain Wagtail block.

Every method is optional; a block that is only read (a heading, a paragraph) needs
nothing but ``kind`` and ``search_documents``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchDocument:
    """What a learner can find of one block: searched text and where it leads.

    ``anchor`` is the fragment (``#<block id>``) or query (``?t=<seconds>``) that
    opens the exact block or moment.
    """

    kind: str
    title: str
    text: str
    anchor: str = ""
    timestamp: float | None = None


class LearningBlock:
    """Mix into a Wagtail block to take part in search, progress and exports.

    ``kind`` is a stable machine name (``"video"``, ``"vocab_sheet"``): search facets,
    progress records and exports store it, so never rename it.
    """

    kind: str = ""

    def search_documents(self, value, context) -> list[SearchDocument]:
        """The documents a learner may find in this block. Never the answers."""
        return []

    def toc_entries(self, value) -> list[tuple[str, str, str]]:
        """(level, text, anchor) entries this block adds to the table of contents."""
        return []
