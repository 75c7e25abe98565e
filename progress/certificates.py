"""Issuing certificates: checked after a topic is marked done and after a graded attempt.

A certificate is issued once per learner and course (a unique constraint backs the
check, so two requests arriving together still make one). What it says — name, title,
hours, language — is copied at that moment.
"""

from __future__ import annotations

import math

from django.db import transaction
from wagtail.models import Locale

from .courses import CourseMap, course_map, course_of
from .learning import LearnerRecords
from .models import Certificate, CompletionRule


def holder_name(user) -> str:
    """The learner's name as they typed it in their profile, else the account's name."""
    profile = getattr(user, "learner_profile", None)
    return getattr(profile, "full_name", "") or user.get_full_name() or user.get_username()


def learner_language(user, fallback: str) -> str:
    profile = getattr(user, "learner_profile", None)
    return getattr(profile, "language", "") or fallback


def _share(count: int, percent: int) -> int:
    return math.ceil(count * percent / 100)


def meets_rule(rule: CompletionRule, course: CourseMap, records: LearnerRecords) -> bool:
    topics = course.topic_keys()
    if not topics:
        return False
    passed = [e for e in course.exercises if records.best.get((e.topic_key, e.block_id), (0, False))[1]]
    return len(records.done & topics) >= _share(len(topics), rule.topics_percent) and len(passed) >= _share(
        len(course.exercises), rule.exercises_percent
    )


def check_certificate(user, page) -> Certificate | None:
    """Issue the certificate of ``page``'s course if this learner now meets its rule."""
    if not getattr(user, "is_authenticated", False):
        return None
    course_page = course_of(page)
    if course_page is None:
        return None
    rule = CompletionRule.objects.filter(course_key=course_page.translation_key).first()
    if rule is None or Certificate.objects.filter(user=user, course_key=rule.course_key).exists():
        return None
    if not meets_rule(rule, course_map(course_page), LearnerRecords.of(user)):
        return None
    return issue_certificate(user, course_page, learner_language(user, page.locale.language_code))


def issue_certificate(user, course_page, language: str) -> Certificate:
    """The learner's certificate for that course, made now unless it exists already."""
    locale = Locale.objects.filter(language_code=language).first()
    shown = (course_page.get_translation_or_none(locale) if locale else None) or course_page
    with transaction.atomic():
        certificate, _ = Certificate.objects.get_or_create(
            user=user,
            course_key=course_page.translation_key,
            defaults={
                "holder_name": holder_name(user),
                "course": shown,
                "course_title": shown.title,
                "hours": course_map(shown).course.hours,
                "language": language,
            },
        )
    return certificate


def forget_holder(sender, instance, **kwargs) -> None:
    """A deleted account leaves its certificates valid but nameless (pre_delete of a user),
    however it is deleted: by the learner, or by an administrator in the admin."""
    Certificate.objects.filter(user=instance).update(user=None, holder_name="")
