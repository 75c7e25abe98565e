"""Keep cached learner pages fresh: any change they could show bumps the content version."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import Competence, ContentVersion, Expert, LearningOutcome, Partner


def content_changed(sender=None, **kwargs):
    ContentVersion.bump()


def connect():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"lectern-content-{id(signal)}")
    # A page made private or public again changes what links (switcher, outline) may show.
    watched = (Partner, Expert, Competence, LearningOutcome, PageViewRestriction)
    for model in (*watched, get_image_model(), get_document_model()):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"lectern-save-{model.__name__}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"lectern-delete-{model.__name__}")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="lectern-delete-page")
    m2m_changed.connect(
        content_changed,
        sender=LearningOutcome.competences.through,
        dispatch_uid="lectern-outcome-competences",
    )
