"""Learners, completion and exercise reports."""

from django.utils.translation import pgettext_lazy
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
    page_title = pgettext_lazy("reports", "Learners")
    header_icon = "group"
    url_name = "learners"
    columns = [
        Column("language", label=pgettext_lazy("reports", "Language")),
        Column("partner", label=pgettext_lazy("reports", "Partner")),
        Column("signed_up", label=pgettext_lazy("reports", "Signed up")),
        Column("active", label=pgettext_lazy("reports", "Active in the last 30 days")),
    ]
    list_export = ["language", "partner", "signed_up", "active"]
    export_headings = {column.name: column.label for column in columns}

    def get_rows(self):
        return learner_groups(self.criteria)

    def get_charts(self, rows):
        labels = [row.label for row in rows]
        series = {
            pgettext_lazy("reports", "Signed up"): [r.signed_up for r in rows],
            pgettext_lazy("reports", "Active in the last 30 days"): [r.active for r in rows],
        }
        return (
            [bar_chart(pgettext_lazy("reports", "Learners by language and partner"), labels, series)]
            if rows
            else []
        )


class CompletionReport(CourseScopedMixin, CourseReportView):
    page_title = pgettext_lazy("reports", "Completion")
    header_icon = "tasks"
    url_name = "completion"
    partner_scoped = True
    columns = [
        Column("indented_title", label=pgettext_lazy("reports", "Module, lesson or topic")),
        Column("topics", label=pgettext_lazy("reports", "Topics")),
        Column("started", label=pgettext_lazy("reports", "Learners who started")),
        Column("finished", label=pgettext_lazy("reports", "Learners who finished")),
        # xgettext:no-python-format (a literal percent sign)
        Column("finished_percent", label=pgettext_lazy("reports", "Finished (% of started)")),
    ]
    list_export = ["level", "title", "topics", "started", "finished", "finished_percent"]
    export_headings = {
        "level": pgettext_lazy("reports", "Level"),
        "title": pgettext_lazy("reports", "Title"),
        **{c.name: c.label for c in columns[1:]},
    }

    def get_rows(self):
        outline = self.outline()
        return funnel(outline, self.criteria) if outline else []

    def get_charts(self, rows):
        for level, title in (
            ("module", pgettext_lazy("reports", "Modules: started and finished")),
            ("lesson", pgettext_lazy("reports", "Lessons: started and finished")),
        ):
            chosen = [row for row in rows if row.level == level]
            if chosen:
                series = {
                    pgettext_lazy("reports", "Started"): [r.started for r in chosen],
                    pgettext_lazy("reports", "Finished"): [r.finished for r in chosen],
                }
                yield bar_chart(title, [r.title for r in chosen], series)


class ExercisesReport(CourseScopedMixin, CourseReportView):
    page_title = pgettext_lazy("reports", "Exercises")
    header_icon = "form"
    url_name = "exercises"
    partner_scoped = True
    columns = [
        Column("topic", label=pgettext_lazy("reports", "Topic")),
        Column("exercise", label=pgettext_lazy("reports", "Exercise")),
        Column("learners", label=pgettext_lazy("reports", "Learners")),
        Column("attempts", label=pgettext_lazy("reports", "Attempts")),
        Column("pass_rate", label=pgettext_lazy("reports", "Pass rate (%)")),
        Column("average_tries_to_pass", label=pgettext_lazy("reports", "Average attempts to pass")),
        Column("most_missed", label=pgettext_lazy("reports", "Question most often answered wrong")),
        Column("missed_count", label=pgettext_lazy("reports", "Times answered wrong")),
    ]
    list_export = [column.name for column in columns]
    export_headings = {column.name: column.label for column in columns}

    def get_rows(self):
        outline = self.outline()
        return exercise_rows(outline, self.criteria) if outline else []

    def get_charts(self, rows):
        if rows:
            yield bar_chart(
                pgettext_lazy("reports", "Pass rate per exercise (%)"),
                [r.exercise for r in rows],
                {pgettext_lazy("reports", "Pass rate"): [r.pass_rate for r in rows]},
                100,
            )


class CertificatesReport(CourseReportView):
    page_title = pgettext_lazy("reports", "Certificates")
    header_icon = "success"
    url_name = "certificates"
    columns = [
        Column("month", label=pgettext_lazy("reports", "Month")),
        Column("issued", label=pgettext_lazy("reports", "Certificates issued")),
        Column("revoked", label=pgettext_lazy("reports", "Of which revoked")),
    ]
    list_export = [column.name for column in columns]
    export_headings = {column.name: column.label for column in columns}

    def get_rows(self):
        return certificates_by_month(self.criteria)

    def get_charts(self, rows):
        if rows:
            yield bar_chart(
                pgettext_lazy("reports", "Certificates issued per month"),
                [r.month for r in rows],
                {pgettext_lazy("reports", "Issued"): [r.issued for r in rows]},
            )
