"""Who the learners are, read through the learner profile when the learner app has one.

The learner app (``progress``) may or may not carry a ``learner_profile`` with the
learner's language and partner; the reports ask here instead of assuming either.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from progress.models import ExerciseAttempt, TopicCompletion

ACTIVE_DAYS = 30


def has_profile() -> bool:
    return any(rel.name == "learner_profile" for rel in get_user_model()._meta.related_objects)


def learners():
    users = get_user_model().objects.filter(is_active=True)
    if has_profile():
        return users.filter(learner_profile__isnull=False)
    return users.filter(is_staff=False, is_superuser=False, groups__isnull=True)


def learners_matching(criteria):
    """Learners of the criteria's language and partner (both ignored without a profile)."""
    users = learners()
    if has_profile() and criteria.language:
        users = users.filter(learner_profile__language=criteria.language)
    if has_profile() and criteria.partner_id:
        users = users.filter(learner_profile__partner_id=criteria.partner_id)
    return users


@dataclass
class LearnerGroup:
    language: str
    partner: str
    signed_up: int
    active: int

    @property
    def label(self) -> str:
        return f"{self.language} · {self.partner}"


def learner_groups(criteria) -> list[LearnerGroup]:
    since = timezone.now() - datetime.timedelta(days=ACTIVE_DAYS)
    users = learners_matching(criteria).filter(**criteria.dates("date_joined"))
    recent = (
        Q(last_login__gte=since)
        | Q(Exists(TopicCompletion.objects.filter(user=OuterRef("pk"), completed_at__gte=since)))
        | Q(Exists(ExerciseAttempt.objects.filter(user=OuterRef("pk"), created_at__gte=since)))
    )
    if has_profile():
        language = Coalesce(F("learner_profile__language"), Value("—"))
        partner = Coalesce(F("learner_profile__partner__name"), Value("—"))
    else:
        language = partner = Value("—")
    rows = (
        users.annotate(group_language=language, group_partner=partner)
        .values("group_language", "group_partner")
        .annotate(signed_up=Count("pk", distinct=True), active=Count("pk", filter=recent, distinct=True))
        .order_by("group_language", "group_partner")
    )
    return [
        LearnerGroup(row["group_language"], row["group_partner"], row["signed_up"], row["active"])
        for row in rows
    ]
