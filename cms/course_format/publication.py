"""Which pages an import publishes and unpublishes.

The folder is the source of truth for the course's tree: a page of the course the
folder does not have is unpublished, in every language, never deleted (editors keep
its history, and the page comes back with its translations if its file does). A page
file may say ``live: false`` to keep the page a draft. Publishing is the one thing an
import does not force back: a page someone unpublished in the site stays unpublished
unless its file says ``live: true`` — an import only republishes what an import took
down.

A page an editor unpublished together with its parent ("with descendants") was not
taken down for itself: its history says so, and an import publishes it again once
its parent is live.

An import unpublishes with actions of its own, so that the page's history says why,
the next import can tell it from an editor's decision, and an export can leave out
the pages that left the folder.
"""

from __future__ import annotations

from wagtail.models import Locale, Page, PageLogEntry

from ..models import LessonPage, ModulePage, TopicPage

UNPUBLISHED_AS_DRAFT = "lectern.course_import.unpublish"  # the file says live: false
UNPUBLISHED_AS_MISSING = "lectern.course_import.unpublish_missing"  # the folder has no file for it
UNPUBLISHED_WITH_PARENT = (
    "lectern.unpublish.with_parent"  # an editor unpublished an ancestor "with descendants"
)
PUBLICATION_ACTIONS = [
    "wagtail.publish",
    "wagtail.publish.scheduled",
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    UNPUBLISHED_AS_DRAFT,
    UNPUBLISHED_AS_MISSING,
    UNPUBLISHED_WITH_PARENT,
]


def last_publication_event(page: Page) -> str | None:
    return (
        PageLogEntry.objects.filter(page_id=page.pk, action__in=PUBLICATION_ACTIONS)
        .order_by("-timestamp", "-pk")
        .values_list("action", flat=True)
        .first()
    )


def left_the_folder(page: Page) -> bool:
    """True for a page an import unpublished because the folder no longer had it."""
    return not page.live and last_publication_event(page) == UNPUBLISHED_AS_MISSING


def should_be_live(page: Page, wanted: bool | None, is_new: bool) -> bool:
    """Apply the rules above to a page of the folder (``wanted`` is its file's ``live``)."""
    if wanted is not None or is_new or page.live:
        return wanted is not False
    last = last_publication_event(page)
    if last == UNPUBLISHED_WITH_PARENT:  # the editor's decision was about the parent: follow it
        return Page.objects.filter(pk=page.get_parent().pk, live=True).exists()
    return last not in ("wagtail.unpublish", "wagtail.unpublish.scheduled")


def unpublish_as_draft(page: Page) -> None:
    """Unpublish as an import (its aliases in other languages follow, as Wagtail does)."""
    page.unpublish(log_action=UNPUBLISHED_AS_DRAFT)


def real_translations(page: Page):
    """The page in the other languages, translated rather than aliased."""
    return (
        Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .specific()
    )


def republish_translations(page: Page, counts) -> None:
    """Bring back the translations an import took down with a page that is back in the folder."""
    for translated in real_translations(page):
        if left_the_folder(translated):
            (translated.get_latest_revision() or translated.save_revision()).publish()
            counts[f"{translated._meta.verbose_name} ({translated.locale.language_code}) published"] += 1


def unpublish_missing(course: Page, kept_translation_keys: set, counts) -> None:
    """Unpublish every live page under the course, in any language, that the folder does not have.

    Only the pages a course folder holds (modules, lessons, topics): other pages placed in
    the course, such as its surveys, are not the folder's to take down.
    """
    default = Locale.get_default()
    # The course in each language, translated or an alias: either may hold translated pages.
    # The source goes first, so that the aliases of what it unpublishes follow it.
    others = Page.objects.filter(translation_key=course.translation_key).exclude(pk=course.pk)
    for root in [course, *others]:
        missing = (
            root.get_descendants()
            .type(ModulePage, LessonPage, TopicPage)
            .live()
            .filter(alias_of__isnull=True)
            .exclude(translation_key__in=kept_translation_keys)
            .select_related("locale")
            .specific()
            .order_by("path")
        )
        for page in missing:
            page.unpublish(log_action=UNPUBLISHED_AS_MISSING)
            name = page._meta.verbose_name
            if page.locale_id == default.pk:
                counts[f"{name} unpublished"] += 1
            else:
                counts[f"{name} ({page.locale.language_code}) unpublished"] += 1
