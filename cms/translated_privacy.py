"""A page's privacy follows it into every language.

Wagtail keeps a view restriction on one page. An alias shows its source, so it is
protected with it, but a real translation (wagtail-localize's French page, say) is a
page of its own: making the English topic private would leave the French one public.
So a restriction set on a page of the course's source language is copied onto every
real translation, changed with it and removed with it. (wagtail-localize copies the
source's restriction only when a translation is next synced; a page translated later
takes it then.) It flows one way: a translation may still be made private on its
own (not ready for learners, say) without hiding the source, and removing the
source's restriction removes only the copies, never a translation's own different one.
"""

from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Locale, Page, PageViewRestriction

_copying = ContextVar("lectern_copying_privacy", default=False)


def translations_of(page: Page):
    """A source-language page's real translations (aliases follow their source); none for others."""
    if page.alias_of_id is not None or page.locale_id != Locale.get_default().pk:
        return Page.objects.none()
    translations = Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
    return translations.exclude(pk=page.pk)


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


def _remember_stored(sender, instance, **kwargs):
    """What the restriction was: the admin's privacy form sets the instance to "none" before deleting it."""
    stored = PageViewRestriction.objects.filter(pk=instance.pk).values("restriction_type", "password").first()
    instance.lectern_stored = stored or {
        "restriction_type": instance.restriction_type,
        "password": instance.password,
    }


def _restriction_removed(sender, instance, origin=None, **kwargs):
    """The source made public again: its copies go. (Not when the page itself is deleted.)"""
    if _copying.get() or isinstance(origin, Page):
        return
    token = _copying.set(True)
    try:
        others = PageViewRestriction.objects.filter(
            page__in=translations_of(instance.page),
            **getattr(instance, "lectern_stored", {}),
        )
        for restriction in others.select_related("page"):
            restriction.delete()
    finally:
        _copying.reset(token)


def connect():
    uid = "lectern-translated-privacy"
    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid=f"{uid}-saved")
    pre_delete.connect(_remember_stored, sender=PageViewRestriction, dispatch_uid=f"{uid}-removing")
    post_delete.connect(_restriction_removed, sender=PageViewRestriction, dispatch_uid=f"{uid}-removed")
    m2m_changed.connect(
        _groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid=f"{uid}-groups"
    )
