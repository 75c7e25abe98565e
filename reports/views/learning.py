"""Learners, completion and exercise reports."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from ..charts import bar_chart
from ..data.certificates import certificates_by_month
from ..data.completion import funnel
from ..data.course import course_for, visible_outline
from ..data.exercises import exercise_rows
from ..data.learners import learner_groups
from .base import CourseReportView


class CourseScopedMixin:
    def outline(self):
        course = course_for(self.request.GET.get("course", "").isdigit() and self.request.GET["course"])
        return visible_outline(course, self.partners()) if course else None


class LearnersReport(CourseReportView):
    page_title = _("Learners")
    header_icon = "group"
    url_name = "learners"
    columns = [
        Column("language", label=_("Language")),
        Column("partner", label=_("Partner")),
        Column("signed_up", label=_("Signed up")),
        Column("active", label=_("Active in the last 30 days")),
    ]
    list_export = ["language", "partner", "signed_up", "active"]
    export_headings = {column.name: column.label for column in columns}

    def get_rows(self):
        return learner_groups(self.criteria)

    def get_charts(self, rows):
        labels = [row.label for row in rows]
        series = {
            _("Signed up"): [r.signed_up for r in rows],
            _("Active in the last 30 days"): [r.active for r in rows],
        }
        return [bar_chart(_("Learners by language and partner"), labels, series)] if rows else []


class CompletionReport(CourseScopedMixin, CourseReportView):
    page_title = _("Completion")
    header_icon = "tasks"
    url_name = "completion"
    partner_scoped = True
    columns = [
        Column("indented_title", label=_("Module, lesson or topic")),
        Column("topics", label=_("Topics")),
        Column("started", label=_("Learners who started")),
        Column("finished", label=_("Learners who finished")),
        Column("finished_percent", label=_("Finished (% of started)")),
    ]
    list_export = ["level", "title", "topics", "started", "finished", "finished_percent"]
    export_headings = {"level": _("Level"), "title": _("Title"), **{c.name: c.label for c in columns[1:]}}

    def get_rows(self):
        outline = self.outline()
        return funnel(outline, self.criteria) if outline else []

    def get_charts(self, rows):
        for level, title in (
            ("module", _("Modules: started and finished")),
            ("lesson", _("Lessons: started and finished")),
        ):
            chosen = [row for row in rows if row.level == level]
            if chosen:
                series = {
                    _("Started"): [r.started for r in chosen],
                    _("Finished"): [r.finished for r in chosen],
                }
                yield bar_chart(title, [r.title for r in chosen], series)


class ExercisesReport(CourseScopedMixin, CourseReportView):
    page_title = _("Exercises")
    header_icon = "form"
    url_name = "exercises"
    partner_scoped = True
    columns = [
        Column("topic", label=_("Topic")),
        Column("exercise", label=_("Exercise")),
        Column("learners", label=_("Learners")),
        Column("attempts", label=_("Attempts")),
        Column("pass_rate", label=_("Pass rate (%)")),
        Column("average_tries_to_pass", label=_("Average attempts to pass")),
        Column("most_missed", label=_("Question most often answered wrong")),
        Column("missed_count", label=_("Times answered wrong")),
    ]
    list_export = [column.name for column in columns]
    export_headings = {column.name: column.label for column in columns}

    def get_rows(self):
        outline = self.outline()
        return exercise_rows(outline, self.criteria) if outline else []

    def get_charts(self, rows):
        if rows:
            yield bar_chart(
                _("Pass rate per exercise (%)"),
                [r.exercise for r in rows],
                {_("Pass rate"): [r.pass_rate for r in rows]},
                100,
            )


class CertificatesReport(CourseReportView):
    page_title = _("Certificates")
    header_icon = "success"
    url_name = "certificates"
    columns = [
        Column("month", label=_("Month")),
        Column("issued", label=_("Certificates issued")),
        Column("revoked", label=_("Of which revoked")),
    ]
    list_export = [column.name for column in columns]
    export_headings = {column.name: column.label for column in columns}

    def get_rows(self):
        return certificates_by_month(self.criteria)

    def get_charts(self, rows):
        if rows:
            yield bar_chart(
                _("Certificates issued per month"),
                [r.month for r in rows],
                {_("Issued"): [r.issued for r in rows]},
            )
