"""Everything a block plugin may use, in one module: ``from blocks.api import …``.

As ``wagtail.blocks`` is for Wagtail's blocks, this is Lectern's promise to plugin
authors: what is listed here keeps its name and meaning; every other ``blocks.*``
module may change. A test fails if a plugin under ``plugins/`` imports anything else.
See docs/plugins.md.
"""

from .base import (
    ContentIssue,
    GradeResult,
    IdentifierBlock,
    InteractiveBlock,
    LearningBlock,
    NotTranslated,
    SearchDocument,
    TitledSectionBlock,
)
from .glossary_links import GlossaryLinker
from .questions.base import QuestionResult, SubmissionError, expect
from .registry import registry
from .text import anchor, comparable_text, same_text
from .tokens import option_token, shuffled
from .validation import repeated_items, repeated_items_error
from .vocab_sheet import GlossaryEntry

__all__ = [
    "ContentIssue",
    "GlossaryEntry",
    "GlossaryLinker",
    "GradeResult",
    "IdentifierBlock",
    "InteractiveBlock",
    "LearningBlock",
    "NotTranslated",
    "QuestionResult",
    "SearchDocument",
    "SubmissionError",
    "TitledSectionBlock",
    "anchor",
    "comparable_text",
    "expect",
    "option_token",
    "registry",
    "repeated_items",
    "repeated_items_error",
    "same_text",
    "shuffled",
]
