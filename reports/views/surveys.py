"""Survey reports: the list of surveys, each survey's results, and the needs-analysis ranking."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column, TitleColumn

from ..charts import bar_chart
from ..data.needs import ranked_needs
from ..data.surveys import responses, source_surveys, survey_results
from ..views.base import CourseReportView


class SurveysReport(CourseReportView):
    page_title = pgettext_lazy("reports", "Surveys")
    header_icon = "doc-full"
    url_name = "surveys"
    columns = [
        TitleColumn(
            "title",
            label=pgettext_lazy("reports", "Survey"),
            get_url=lambda row: reverse("lectern_reports:survey", args=[row.pk]),
        ),
        Column("answered", label=pgettext_lazy("reports", "Responses")),
        Column("kind", label=pgettext_lazy("reports", "Answers are")),
    ]
    list_export = ["title", "answered", "kind"]
    export_headings = {
        "title": pgettext_lazy("reports", "Survey"),
        "answered": pgettext_lazy("reports", "Responses"),
        "kind": pgettext_lazy("reports", "Answers are"),
    }

    def get_rows(self):
        surveys = list(source_surveys().order_by("path"))
        for survey in surveys:
            survey.answered = responses(survey, self.criteria).count()
            survey.kind = (
                pgettext_lazy("reports", "anonymous")
                if survey.anonymous
                else pgettext_lazy("reports", "linked to the learner")
            )
        return surveys


class SurveyResultsReport(CourseReportView):
    header_icon = "doc-full"
    url_name = "survey"
    results_template_name = "reports/survey_results.html"
    columns = [
        Column("question", label=pgettext_lazy("reports", "Question")),
        Column("answer", label=pgettext_lazy("reports", "Answer")),
        Column("count", label=pgettext_lazy("reports", "Count")),
        Column("share", label=pgettext_lazy("reports", "Share (%)")),
        Column("languages", label=pgettext_lazy("reports", "By language")),
    ]
    list_export = [column.name for column in columns]
    export_headings = {column.name: column.label for column in columns}

    @cached_property
    def survey(self):
        return get_object_or_404(source_surveys(), pk=self.kwargs["survey_id"])

    def get_page_title(self):
        return self.survey.title

    def get_filename(self):
        return f"lectern-survey-{self.survey.slug}"

    def get_rows(self):
        self.results = survey_results(self.survey, self.criteria)
        return [row for result in self.results for row in result.rows]

    def get_charts(self, rows):
        for result in self.results:
            if result.question.field_type != "multiline" and result.rows:
                labels = [row.answer for row in result.rows]
                yield bar_chart(
                    result.question.label,
                    labels,
                    {pgettext_lazy("reports", "Answers"): [row.count for row in result.rows]},
                )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["survey"] = self.survey
        context["respondents"] = responses(self.survey, self.criteria).count()
        context["needs_url"] = (
            reverse("lectern_reports:needs", args=[self.survey.pk]) if self.survey.measures_needs() else ""
        )
        return context


class NeedsReport(SurveyResultsReport):
    header_icon = "crosshairs"
    url_name = "needs"
    results_template_name = "reports/needs_results.html"
    columns = [
        Column("rank", label=pgettext_lazy("reports", "Rank")),
        Column("code", label=pgettext_lazy("reports", "Competence")),
        Column("title", label=pgettext_lazy("reports", "Title")),
        Column("need_percent", label=pgettext_lazy("reports", "Expressed need (%)")),
        Column("respondents", label=pgettext_lazy("reports", "Respondents")),
        Column("outcome_codes", label=pgettext_lazy("reports", "Learning outcomes")),
        Column("topic_titles", label=pgettext_lazy("reports", "Topics that teach it")),
        Column("flag", label=pgettext_lazy("reports", "Flag")),
    ]
    list_export = [column.name for column in columns]
    export_headings = {column.name: column.label for column in columns}

    def get_page_title(self):
        return pgettext_lazy("reports", "Needs analysis → curriculum: %(title)s") % {
            "title": self.survey.title
        }

    def get_rows(self):
        if not self.survey.measures_needs():
            raise Http404
        rows = ranked_needs(self.survey, self.criteria)
        for row in rows:
            row.flag = pgettext_lazy("reports", "High need, few topics") if row.flagged else ""
        return rows

    def get_charts(self, rows):
        if rows:
            yield bar_chart(
                pgettext_lazy("reports", "Expressed need per competence (%)"),
                [f"{r.code} {r.title}" for r in rows],
                {pgettext_lazy("reports", "Need"): [r.need_percent for r in rows]},
                100,
            )
