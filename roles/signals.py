"""Saving a lesson moves its partner editors' grant to the partner now named on it."""

from django.db.models.signals import post_save


def lesson_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .partners import sync_lesson

    sync_lesson(instance)


def connect():
    from cms.models import LessonPage

    post_save.connect(lesson_saved, sender=LessonPage, dispatch_uid="lectern-roles-lesson-partner")
