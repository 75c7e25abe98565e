"""Which changes reach the index: publish, unpublish, delete, move, privacy."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import PendingChange
from .queue import page_changed


def _published(sender, instance, **kwargs):
    page_changed(instance)


def _unpublished(sender, instance, **kwargs):
    page_changed(instance, PendingChange.DELETE)


def _deleted(sender, instance, **kwargs):
    page_changed(instance, PendingChange.DELETE)


def _moved(sender, instance, **kwargs):
    """A move changes the URL and the module/lesson of the page and everything below it."""
    for page in Page.objects.descendant_of(instance, inclusive=True).live():
        page_changed(page)


def _privacy_changed(sender, instance, **kwargs):
    for page in Page.objects.descendant_of(instance.page, inclusive=True).live():
        page_changed(page)


def connect():
    page_published.connect(_published, dispatch_uid="lectern-search-published")
    page_unpublished.connect(_unpublished, dispatch_uid="lectern-search-unpublished")
    post_delete.connect(_deleted, sender=Page, dispatch_uid="lectern-search-deleted")
    post_page_move.connect(_moved, dispatch_uid="lectern-search-moved")
    post_save.connect(
        _privacy_changed, sender=PageViewRestriction, dispatch_uid="lectern-search-privacy-saved"
    )
    post_delete.connect(
        _privacy_changed, sender=PageViewRestriction, dispatch_uid="lectern-search-privacy-deleted"
    )
