"""What every course report shares: who may open it, its filters, its charts, its export."""

from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.views.reports import ReportView

from ..access import lesson_scope
from ..criteria import ReportFilterSet


class CourseReportView(ReportView):
    """A Wagtail report whose rows are computed (not a model listing), with SVG charts.

    ``partner_scoped`` reports are open to partner editors, narrowed to their lessons;
    the others only to coordinators and site administrators.
    """

    partner_scoped = False
    filterset_class = ReportFilterSet
    results_template_name = "reports/report_results.html"
    paginate_by = None
    header_icon = "table"
    url_name = ""

    def dispatch(self, request, *args, **kwargs):
        self.scope = lesson_scope(request.user, self.partner_scoped)
        request.lectern_report_scope = self.scope
        return super().dispatch(request, *args, **kwargs)

    def get_index_url(self):
        return reverse(f"lectern_reports:{self.url_name}", kwargs=self.kwargs)

    def get_index_results_url(self):
        return reverse(f"lectern_reports:{self.url_name}_results", kwargs=self.kwargs)

    @cached_property
    def criteria(self):
        criteria = self.filters.criteria() if self.filters else None
        return criteria

    def partners(self):
        """The partner ids the rows are limited to, or None for all."""
        if self.criteria.partner_id:
            return {self.criteria.partner_id}
        return self.scope

    def get_queryset(self):
        return self.get_rows()

    def filter_queryset(self, queryset):
        return queryset  # the rows were computed from the criteria

    def get_rows(self):
        raise NotImplementedError

    def get_charts(self, rows):
        return []

    def get_filename(self):
        return f"lectern-{self.url_name}"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["charts"] = self.get_charts(context["object_list"])
        return context
