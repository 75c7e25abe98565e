"""What an editor should fix before a topic goes live.

Each block says what is wrong with its own value (``content_issues`` in the block
contract, blocks/base.py: plugin blocks add their own checks); the topic adds the
missing learning outcome. The core blocks check:

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


@dataclass(frozen=True)
class TopicIssue:
    message: str
    blocking: bool
    block_index: int | None = None
    field: str | None = None


def body_issues(body) -> list[TopicIssue]:
    """What each block of a body (a StreamValue) says is wrong with its value."""
    issues = []
    for index, child in enumerate(body or []):
        check = getattr(child.block, "content_issues", None)
        for issue in check(child.value) if check else []:
            message = _("Block %(n)s: %(problem)s") % {"n": index + 1, "problem": issue.message}
            issues.append(TopicIssue(message, issue.blocking, index, issue.field))
    return issues


def topic_issues(body, outcomes) -> list[TopicIssue]:
    """The problems of a topic's body (a StreamValue) and its learning outcomes."""
    issues = body_issues(body)
    if not outcomes:
        issues.append(TopicIssue(_("The topic has no learning outcome (Curriculum tab)."), blocking=False))
    return issues


def publishing_blockers(page) -> list[TopicIssue]:
    """The blocking problems of a page (any revision's object): what keeps it from going live.

    Used wherever a page can go live other than its edit form (which marks the fields
    itself): approving a workflow step, submitting a translation for review.
    """
    return [issue for issue in body_issues(getattr(page, "body", None)) if issue.blocking]


def cannot_go_live_message(blockers) -> str:
    return _("This topic cannot go live yet: %(problems)s") % {
        "problems": " ".join(issue.message for issue in blockers)
    }
