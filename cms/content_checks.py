"""What an editor should fix before a topic goes live.

Four checks, run on the content being saved:

| problem                          | on save  | on publish, submit or approve |
| -------------------------------- | -------- | ----------------------------- |
| an image without alternative text| warning  | refused                       |
| a video without captions         | warning  | refused                       |
| an exercise without any feedback | warning  | warning                       |
| a topic without learning outcome | warning  | warning                       |

Learners who cannot see an image or hear a video lose the content altogether, so
those two block publishing; the other two make a weaker lesson, not an inaccessible
one. (An image block also refuses an empty alternative text when it is saved: see
``ImageBlock.clean``; the check here catches content that arrives another way.)
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

FEEDBACK_KEYS = {"explanation", "feedback", "feedback_correct", "feedback_incorrect"}


@dataclass(frozen=True)
class ContentIssue:
    message: str
    blocking: bool
    block_index: int | None = None
    field: str | None = None


def topic_issues(body, outcomes) -> list[ContentIssue]:
    """The problems of a topic's body (a StreamValue) and its learning outcomes."""
    issues = list(body_issues(body or []))
    if not outcomes:
        issues.append(ContentIssue(_("The topic has no learning outcome (Curriculum tab)."), blocking=False))
    return issues


def body_issues(body):
    for index, child in enumerate(body):
        kind = getattr(child.block, "kind", "")
        value = child.value
        if kind == "image" and not (value.get("alt_text") or "").strip():
            yield ContentIssue(
                _("Block %(n)s: the image has no alternative text.") % {"n": index + 1},
                blocking=True,
                block_index=index,
                field="alt_text",
            )
        elif kind == "video" and not any(track.get("file") for track in value.get("captions") or []):
            yield ContentIssue(
                _("Block %(n)s: the video “%(title)s” has no captions.")
                % {"n": index + 1, "title": value.get("title", "")},
                blocking=True,
                block_index=index,
                field="captions",
            )
        elif kind == "exercise" and not _has_feedback(value.get("questions") or []):
            yield ContentIssue(
                _("Block %(n)s: the exercise “%(title)s” gives no feedback or explanation.")
                % {"n": index + 1, "title": value.get("title", "")},
                blocking=False,
                block_index=index,
            )


def _has_feedback(value) -> bool:
    """True if any feedback or explanation text is set anywhere inside the value."""
    if hasattr(value, "items"):
        return any(
            (key in FEEDBACK_KEYS and isinstance(item, str) and item.strip()) or _has_feedback(item)
            for key, item in value.items()
        )
    if isinstance(value, str):
        return False
    try:
        items = list(value)
    except TypeError:
        return False
    return any(_has_feedback(getattr(item, "value", item)) for item in items)
