"""Answering a survey: who may, when, and how the answers are kept.

Every refusal is a page in the learner's language (closed, not yet open, already
answered) or a form error (missing, out of range, forged choice); never a 500.
"""

from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .questions import FREE_TEXT, MULTIPLE_CHOICE, NUMERIC_TYPES
from .responses import AnsweredMarker, SurveyAnswer, SurveyResponse


def marker_state(user, survey) -> str | None:
    marker = AnsweredMarker.objects.filter(learner=user, survey_key=survey.survey_key).first()
    return marker.state if marker else None


def refusal(survey, request) -> str | None:
    """Why this learner cannot answer now, in their language, or None."""
    now = timezone.now()
    if survey.opens_at and now < survey.opens_at:
        when = timezone.localtime(survey.opens_at).date()
        return _("This survey opens on %(date)s.") % {"date": when}
    if survey.closes_at and now >= survey.closes_at:
        return _("This survey is closed. Thank you for your interest.")
    if marker_state(request.user, survey) == AnsweredMarker.ANSWERED:
        return _("You have already answered this survey. Thank you!")
    return None


def serve_survey(survey, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method == "POST" and request.POST.get("dismiss") == "1":
        return dismiss(survey, request)
    message = refusal(survey, request)
    if message:
        status = 400 if request.method == "POST" else 200
        return render(survey, request, {"message": message}, status=status)
    if request.method == "POST":
        form = survey.get_form(request.POST, page=survey, user=request.user)
        if form.is_valid():
            if not keep_answers(survey, request.user, form):
                return render(
                    survey, request, {"message": _("You have already answered this survey. Thank you!")}
                )
            return survey.render_landing_page(request)
    else:
        form = survey.get_form(page=survey, user=request.user)
    return render(survey, request, {"form": form}, status=400 if form.is_bound else 200)


def render(survey, request, extra, status=200):
    context = survey.get_context(request)
    context.update(extra)
    return TemplateResponse(request, survey.get_template(request), context, status=status)


def answers_for(survey, form) -> list[SurveyAnswer]:
    """The cleaned answers as rows keyed by question translation key and choice key."""
    rows = []
    for question in survey.get_form_fields():
        value = form.cleaned_data.get(question.clean_name)
        if value in (None, "", []):
            continue
        key = question.translation_key
        if question.field_type == MULTIPLE_CHOICE:
            rows += [SurveyAnswer(question_key=key, choice=choice) for choice in value]
        elif question.field_type in NUMERIC_TYPES:
            rows.append(SurveyAnswer(question_key=key, choice=value, number=int(value)))
        elif question.field_type == FREE_TEXT:
            rows.append(SurveyAnswer(question_key=key, text=value))
        else:
            rows.append(SurveyAnswer(question_key=key, choice=value))
    return rows


def keep_answers(survey, user, form) -> bool:
    """Store one response; False when this learner had already answered (a double post)."""
    try:
        with transaction.atomic():
            marker, _created = AnsweredMarker.objects.select_for_update().get_or_create(
                learner=user, survey_key=survey.survey_key, defaults={"state": AnsweredMarker.ANSWERED}
            )
            if not _created:
                if marker.state == AnsweredMarker.ANSWERED:
                    return False
                marker.state = AnsweredMarker.ANSWERED
                marker.save(update_fields=["state"])
            response = SurveyResponse.objects.create(
                survey_key=survey.survey_key,
                language=survey.locale.language_code,
                submitted_on=timezone.localdate(),
                learner=None if survey.anonymous else user,
            )
            rows = answers_for(survey, form)
            for row in rows:
                row.response = response
            SurveyAnswer.objects.bulk_create(rows)
    except IntegrityError:
        return False
    return True


def dismiss(survey, request):
    """Hide the invitation to this survey for this learner, then go back where they were."""
    AnsweredMarker.objects.get_or_create(
        learner=request.user, survey_key=survey.survey_key, defaults={"state": AnsweredMarker.DISMISSED}
    )
    back = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "/"
    return redirect(back)
