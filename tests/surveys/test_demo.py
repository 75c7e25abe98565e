"""The demo's surveys: a validation survey in English and French, a needs analysis, their answers."""

import pytest
from wagtail.models import Locale

from cms.translations import sync_locale_trees
from surveys.demo import add_demo_surveys
from surveys.models import SurveyPage
from surveys.responses import SurveyResponse

pytestmark = pytest.mark.django_db


def test_the_demo_adds_both_surveys_with_their_responses_once(course):
    sync_locale_trees()
    add_demo_surveys(course=course)
    validation = SurveyPage.objects.get(slug="validation-survey", locale__language_code="en")
    french = validation.get_translation(Locale.objects.get(language_code="fr"))
    assert french.title == "Questionnaire de validation du cours"
    assert "Trop superficiels" in french.specific.get_form_fields()[2].choices
    linked = SurveyResponse.objects.filter(survey_key=validation.translation_key)
    assert linked.count() == 35 and linked.filter(learner__isnull=True).count() == 0
    assert {"en", "fr"} <= set(linked.values_list("language", flat=True))
    needs = SurveyPage.objects.get(slug="needs-analysis")
    answered = SurveyResponse.objects.filter(survey_key=needs.translation_key)
    assert answered.count() == 146 and not answered.filter(learner__isnull=False).exists()
    assert needs.measures_needs() and not needs.is_open()
    add_demo_surveys(course=course)  # loading the demo again adds nothing
    assert SurveyResponse.objects.count() == 181
