"""The surveys part of a learner's data export.

A linked survey's answers are the learner's own data and are exported in full. An
anonymous survey's answers are not the learner's any more — nothing ties them to the
account — so the export says only that it was answered.
"""

from django.utils.translation import gettext as _

from .responses import AnsweredMarker, SurveyAnswer, SurveyResponse


def survey_titles(keys) -> dict:
    from .models import SurveyPage

    pages = SurveyPage.objects.filter(translation_key__in=keys).order_by("-locale__language_code")
    return {page.translation_key: page.title for page in pages}


def survey_answers_export(user) -> list[dict]:
    markers = list(AnsweredMarker.objects.filter(learner=user, state=AnsweredMarker.ANSWERED))
    responses = {response.survey_key: response for response in SurveyResponse.objects.filter(learner=user)}
    answers = SurveyAnswer.objects.filter(response__learner=user).order_by("pk")
    by_response = {}
    for answer in answers:
        by_response.setdefault(answer.response_id, []).append(
            {"question": str(answer.question_key), "choice": answer.choice, "text": answer.text}
        )
    titles = survey_titles([marker.survey_key for marker in markers])
    export = []
    for marker in markers:
        response = responses.get(marker.survey_key)
        entry = {"survey": titles.get(marker.survey_key, str(marker.survey_key)), "answered": True}
        if response is None:
            entry["answers"] = _("Anonymous survey: your answers are not kept with your account.")
        else:
            entry["answered_on"] = response.submitted_on.isoformat()
            entry["answers"] = by_response.get(response.pk, [])
        export.append(entry)
    return export


def forget_learner(user) -> None:
    """Delete what is the learner's own: linked responses and the answered markers.

    Anonymous responses stay: nothing ties them to this learner.
    """
    SurveyResponse.objects.filter(learner=user).delete()
    AnsweredMarker.objects.filter(learner=user).delete()
