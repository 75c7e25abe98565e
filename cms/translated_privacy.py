"""A page's privacy follows it into every language.

Wagtail keeps a view restriction on one page. An alias shows its source, so it is
protected with it, but a real translation (wagtail-localize's French page, say) is a
page of its own: making the English topic private would leave the French one public.
So a restriction set on any language of a page is copied onto every real
translation, changed with it and removed with it. (wagtail-localize copies the
source's restriction only when a translation is next synced; a page translated later
takes it then.) Privacy is one setting for all the languages of a page.
"""

from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction

_copying = ContextVar("lectern_copying_privacy", default=False)


def translations_of(page: Page):
    """The page's real translations in the other languages (aliases follow their source)."""
    return Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True).exclude(
        pk=page.pk
    )


def copy_restriction(restriction: PageViewRestriction, pages) -> None:
    """Give each page the same restriction (type, password, groups), logged in its history."""
    token = _copying.set(True)
    try:
        for page in pages:
            copy = PageViewRestriction.objects.filter(page=page).first() or PageViewRestriction(page=page)
            copy.restriction_type = restriction.restriction_type
            copy.password = restriction.password
            copy.save()
            copy.groups.set(restriction.groups.all())
    finally:
        _copying.reset(token)


def _restriction_saved(sender, instance, raw=False, **kwargs):
    if not raw and not _copying.get():
        copy_restriction(instance, translations_of(instance.page))


def _groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, PageViewRestriction) and not _copying.get():
        copy_restriction(instance, translations_of(instance.page))


def _restriction_removed(sender, instance, origin=None, **kwargs):
    """Made public again in one language: public in all. (Not when the page itself is deleted.)"""
    if _copying.get() or isinstance(origin, Page):
        return
    token = _copying.set(True)
    try:
        others = PageViewRestriction.objects.filter(page__in=translations_of(instance.page))
        for restriction in others.select_related("page"):
            restriction.delete()
    finally:
        _copying.reset(token)


def connect():
    uid = "lectern-translated-privacy"
    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid=f"{uid}-saved")
    post_delete.connect(_restriction_removed, sender=PageViewRestriction, dispatch_uid=f"{uid}-removed")
    m2m_changed.connect(
        _groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid=f"{uid}-groups"
    )
