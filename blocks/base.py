"""The block contract: what a learning block may offer beyond a plain Wagtail block.

Every method is optional; a block that is only read (a heading, a paragraph) needs
nothing but ``kind`` and ``search_documents``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.text import slugify
from wagtail import blocks


@dataclass(frozen=True)
class SearchDocument:
    """What a learner can find of one block: searched text and where it leads.

    ``anchor`` is the fragment (``#<block id>``) or query (``?t=<seconds>``) that
    opens the exact block or moment. ``keywords`` are other names of what the title
    names (an abbreviation, synonyms): search weighs them below the title and above
    the text. ``prominence`` says how a block's title relates to it: 1 when the block
    defines it (a vocabulary term, found before anything that shares its name), -1
    when it is one moment of a longer whole (a caption cue under its video's title).
    """

    kind: str
    title: str
    text: str
    anchor: str = ""
    timestamp: float | None = None
    keywords: tuple[str, ...] = ()
    prominence: int = 0


@dataclass(frozen=True)
class ContentIssue:
    """A problem an editor is shown; ``field`` names the block field to mark, if any."""

    message: str
    blocking: bool = False
    field: str | None = None


class NotTranslated:
    """Mix into a block whose value is the same in every language (an anchor, stored data).

    wagtail-localize copies it into translations as it is and never offers it to
    translators: the two methods below are the hooks it looks for on a block.
    """

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class IdentifierBlock(NotTranslated, blocks.CharBlock):
    """A short machine name typed by an editor (an anchor): not text to translate."""


class LearningBlock:
    """Mix into a Wagtail block to take part in search, progress and exports.

    ``kind`` is a stable machine name (``"video"``, ``"vocab_sheet"``): search facets,
    progress records and exports store it, so never rename it.
    """

    kind: str = ""
    #: True for running text (paragraphs, headings, callouts, figures): search folds
    #: these documents into the topic's own document instead of listing each apart.
    search_as_page_text: bool = False

    def search_documents(self, value, context) -> list[SearchDocument]:
        """The documents a learner may find in this block. Never the answers."""
        return []

    def toc_entries(self, value) -> list[tuple[str, str, str]]:
        """(level, text, anchor) entries this block adds to the table of contents."""
        return []

    def content_issues(self, value) -> list[ContentIssue]:
        """What an editor should fix before this block goes live (shown on save).

        A ``blocking`` issue refuses publishing: keep it for content some learners could
        not use at all (an image without alternative text, a video without captions).
        """
        return []

    # Interactive blocks add:
    #   grade(value, submission) -> GradeResult   (submission: the JSON the learner sent)
    #   submission_from_form(value, data) -> dict (the same, read from a plain form post)
    #   result_template: the template showing a GradeResult


class TitledSectionBlock(LearningBlock):
    """A block that opens its own titled section (video, exercise, sheets, …).

    The section's heading gets the anchor ``<anchor_prefix>-<slug of the title>``
    (Unicode kept, so Greek titles stay distinct) and an entry in the topic's contents.
    """

    anchor_prefix = "section"
    anchor_fallback = "section"

    def anchor_for(self, value) -> str:
        slug = slugify(value.get("title") or "", allow_unicode=True) or self.anchor_fallback
        return f"{self.anchor_prefix}-{slug}"

    def toc_entries(self, value):
        return [("h2", value["title"], self.anchor_for(value))]


@dataclass
class GradeResult:
    """What ``grade(value, submission)`` returns: a score out of 100 and per-question detail."""

    score: int
    pass_mark: int
    questions: list = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.score >= self.pass_mark

    def as_dict(self) -> dict:
        return {
            "score": self.score,
            "pass_mark": self.pass_mark,
            "passed": self.passed,
            "questions": [
                {
                    "id": q.question_id,
                    "prompt": q.prompt,
                    "score": round(q.score, 3),
                    "correct": q.correct,
                    "answered": q.answered,
                    "feedback": q.feedback,
                    "explanation": q.explanation,
                    "right_answer": q.right_answer,
                }
                for q in self.questions
            ],
        }
