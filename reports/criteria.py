"""The filters every report shares: a date range, a language and a partner."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import django_filters
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from cms.models import Partner


@dataclass
class Criteria:
    start: datetime.date | None = None
    end: datetime.date | None = None
    language: str = ""
    partner_id: int | None = None

    def dates(self, field: str) -> dict:
        """Lookups keeping ``field`` (a date or datetime) within the range, ends included."""
        lookups = {}
        if self.start:
            lookups[f"{field}__date__gte" if not field.endswith("_on") else f"{field}__gte"] = self.start
        if self.end:
            lookups[f"{field}__date__lte" if not field.endswith("_on") else f"{field}__lte"] = self.end
        return lookups


def partners_for(request):
    scope = getattr(request, "lectern_report_scope", None)
    partners = Partner.objects.order_by("name")
    return partners if scope is None else partners.filter(pk__in=scope)


class ReportFilterSet(WagtailFilterSet):
    period = django_filters.DateFromToRangeFilter(
        label=pgettext_lazy("reports", "Date"), widget=DateRangePickerWidget, method="keep"
    )
    language = django_filters.ChoiceFilter(
        label=pgettext_lazy("reports", "Language"),
        choices=settings.LANGUAGES,
        empty_label=pgettext_lazy("reports", "All languages"),
        method="keep",
    )
    partner = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("reports", "Partner"),
        queryset=partners_for,
        empty_label=pgettext_lazy("reports", "All partners"),
        method="keep",
    )

    class Meta:
        model = get_user_model()
        fields = []

    def keep(self, queryset, name, value):
        return queryset  # the reports read the criteria themselves (see ``criteria``)

    def criteria(self) -> Criteria:
        if not self.is_valid():
            return Criteria()
        data = self.form.cleaned_data
        period = data.get("period")
        start = period.start.date() if period and period.start else None
        end = period.stop.date() if period and period.stop else None
        partner = data.get("partner")
        return Criteria(start, end, data.get("language") or "", partner.pk if partner else None)
