from django.urls import path

from .views.learning import CertificatesReport, CompletionReport, ExercisesReport, LearnersReport
from .views.surveys import NeedsReport, SurveyResultsReport, SurveysReport

app_name = "lectern_reports"


def report(route, view, name):
    """The report page and the results fragment Wagtail's filters refresh."""
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = [
    *report("learners/", LearnersReport, "learners"),
    *report("completion/", CompletionReport, "completion"),
    *report("exercises/", ExercisesReport, "exercises"),
    *report("certificates/", CertificatesReport, "certificates"),
    *report("surveys/", SurveysReport, "surveys"),
    *report("surveys/<int:survey_id>/", SurveyResultsReport, "survey"),
    *report("surveys/<int:survey_id>/needs/", NeedsReport, "needs"),
]
