"""The block contract: what a learning block may offer beyond a plain Wagtail block.

Every method is optional; a block that is only read (a heading, a paragraph) needs
nothing but ``kind`` and ``search_documents``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail import blocks

from .text import anchor


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
    #: The kinds of document this block gives search, each with the label a learner reads
    #: beside a hit and in the filters (``{"vocab_term": _("Vocabulary")}``). Left as
    #: None, a block that is not running text lists its own ``kind`` under its ``Meta.label``.
    search_kinds: dict | None = None
    #: True for running text (paragraphs, headings, callouts, figures): search folds
    #: these documents into the topic's own document instead of listing each apart.
    search_as_page_text: bool = False

    def search_documents(self, value, context) -> list[SearchDocument]:
        """The documents a learner may find in this block. Never the answers."""
        return []

    def search_kind_labels(self) -> dict:
        """``search_kinds``, or the block's own kind and label: what search shows for its hits."""
        if self.search_kinds is not None:
            return dict(self.search_kinds)
        if self.search_as_page_text or not self.kind:
            return {}
        return {self.kind: getattr(self.meta, "label", None) or self.kind}

    def toc_entries(self, value) -> list[tuple[str, str, str]]:
        """(level, text, anchor) entries this block adds to the table of contents."""
        return []

    def content_issues(self, value) -> list[ContentIssue]:
        """What an editor should fix before this block goes live (shown on save).

        A ``blocking`` issue refuses publishing: keep it for content some learners could
        not use at all (an image without alternative text, a video without captions).
        """
        return []


class TitledSectionBlock(LearningBlock):
    """A block that opens its own titled section (video, exercise, sheets, …).

    The section's heading gets the anchor ``<anchor_prefix>-<slug of the title>``
    (Unicode kept, so Greek titles stay distinct) and an entry in the topic's contents.
    """

    anchor_prefix = "section"
    anchor_fallback = "section"

    def anchor_for(self, value) -> str:
        return anchor(value.get("title") or "", prefix=self.anchor_prefix, fallback=self.anchor_fallback)

    def toc_entries(self, value):
        return [("h2", value["title"], self.anchor_for(value))]

    def get_context(self, value, parent_context=None):
        """``anchor`` for the template: the heading's ``id``, the one the contents link to."""
        context = super().get_context(value, parent_context)
        context["anchor"] = self.anchor_for(value)
        return context


@dataclass
class GradeResult:
    """What ``grade(value, submission)`` returns: a score out of 100 and per-question detail."""

    score: int
    pass_mark: int
    questions: list = field(default_factory=list)

    @classmethod
    def from_questions(cls, results: list, pass_mark: int) -> GradeResult:
        """The result of a set of questions: the mean of their scores, out of 100.

        Every question weighs the same, partly right ones by their share; no questions
        score 0, so an empty set never passes a non-zero pass mark.
        """
        score = round(100 * sum(result.score for result in results) / len(results)) if results else 0
        return cls(score=score, pass_mark=pass_mark, questions=list(results))

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


class InteractiveBlock(LearningBlock):
    """A block a learner answers and the server grades: an exercise, a deck of flashcards.

    The grading endpoint (``POST /grade/<page>/<block>/``) grades only blocks of this
    class. ``grade`` sees whatever a learner or a script sent: it checks everything and
    raises ``SubmissionError`` for anything malformed (a 400 with the message).
    """

    #: The template showing a ``GradeResult`` (with ``result``, ``value`` and ``page``):
    #: score, pass or not, per-question feedback and, when shown, the right answers.
    result_template = "blocks/exercise_result.html"

    def submission_from_form(self, value, data) -> dict:
        """The submission a plain form post (``data``, a QueryDict) stands for, in the JSON shape."""
        raise NotImplementedError

    def grade(self, value, submission) -> GradeResult:
        """Grade the learner's submission (the parsed JSON, or ``submission_from_form``'s)."""
        raise NotImplementedError
