"""Certificates issued per month (and how many of them were later revoked)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from progress.models import Certificate


@dataclass
class MonthRow:
    month: str
    issued: int
    revoked: int


def certificates_by_month(criteria) -> list[MonthRow]:
    issued = Certificate.objects.filter(**criteria.dates("issued_at"))
    if criteria.language:
        issued = issued.filter(language=criteria.language)
    if criteria.partner_id:
        issued = issued.filter(user__learner_profile__partner_id=criteria.partner_id)
    rows = (
        issued.annotate(month_start=TruncMonth("issued_at"))
        .values("month_start")
        .annotate(issued=Count("pk"), revoked=Count("pk", filter=Q(revoked_at__isnull=False)))
        .order_by("month_start")
    )
    return [MonthRow(row["month_start"].strftime("%Y-%m"), row["issued"], row["revoked"]) for row in rows]
