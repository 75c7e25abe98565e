"""A learner answers a survey: what is kept, and every way a submission is refused."""

import datetime

import pytest
from django.utils import timezone

from surveys.models import SurveyAnswer, SurveyResponse
from surveys.responses import AnsweredMarker

from .factories import answers, learner, survey

pytestmark = pytest.mark.django_db


def test_a_learner_sees_every_question_with_its_scale(learner_client, linked_survey):
    html = learner_client.get(linked_survey.url).content.decode()
    assert "The content was clear" in html
    assert "Strongly agree" in html  # the Likert labels
    assert 'value="10"' in html  # the 0–10 rating


def test_a_visitor_must_log_in_to_answer(client, linked_survey):
    response = client.get(linked_survey.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_linked_answer_is_kept_by_choice_key_with_the_learner(learner_client, linked_survey):
    response = learner_client.post(linked_survey.url, answers())
    assert "Thank you for helping us improve the course." in response.content.decode()
    kept = SurveyResponse.objects.get()
    assert kept.learner.username == "learner" and kept.language == "en"
    chosen = sorted(SurveyAnswer.objects.exclude(choice="").values_list("choice", flat=True))
    assert chosen == ["1", "2", "3", "4", "9"]
    assert SurveyAnswer.objects.filter(text="More case studies.").exists()


def test_a_second_answer_to_a_linked_survey_is_refused_politely(learner_client, linked_survey):
    learner_client.post(linked_survey.url, answers())
    again = learner_client.post(linked_survey.url, answers(the_content_was_clear="1"))
    assert again.status_code == 400
    assert "You have already answered this survey" in again.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert not SurveyAnswer.objects.filter(choice="1", number=1).exists()


def test_an_anonymous_answer_keeps_nothing_that_names_the_learner(learner_client, anonymous_survey):
    learner_client.post(anonymous_survey.url, answers())
    kept = SurveyResponse.objects.get()
    assert kept.learner is None
    assert not hasattr(kept, "created_at")  # only the day, shared with everyone else's
    assert AnsweredMarker.objects.get().state == AnsweredMarker.ANSWERED
    assert "already answered" in learner_client.get(anonymous_survey.url).content.decode()


@pytest.mark.parametrize(
    "bad, field",
    [
        ({"the_content_was_clear": None}, "the_content_was_clear"),  # a required answer missing
        ({"the_content_was_clear": "6"}, "the_content_was_clear"),  # off the 1–5 scale
        ({"how_likely_are_you_to_recommend_the_course": "11"}, "how_likely_are_you_to_recommend_the_course"),
        ({"how_likely_are_you_to_recommend_the_course": "-1"}, "how_likely_are_you_to_recommend_the_course"),
        (
            {"which_module_helped_you_most": "Module two"},
            "which_module_helped_you_most",
        ),  # a label, not a key
        ({"what_did_you_use": ["1", "99"]}, "what_did_you_use"),  # a forged choice
        ({"what_should_we_improve": "x" * 2001}, "what_should_we_improve"),
    ],
)
def test_bad_answers_get_a_form_error_and_nothing_is_kept(learner_client, linked_survey, bad, field):
    response = learner_client.post(linked_survey.url, answers(**bad))
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert "Some answers need your attention" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_french_learner_reads_the_errors_in_french(client, db, bilingual_survey):
    _english, french_survey = bilingual_survey
    client.force_login(learner("amelie"))
    response = client.post(french_survey.url, answers(the_content_was_clear="6"))
    html = response.content.decode()
    assert "FR The content was clear" in html
    assert "Sélectionnez un choix valide" in html  # Django's own catalogue
    assert "Certaines réponses demandent votre attention" in html


def test_a_closed_survey_says_so_and_keeps_nothing(learner_client, course):
    closed = survey(course, slug="closed", closes_at=timezone.now() - datetime.timedelta(days=1))
    assert "This survey is closed" in learner_client.get(closed.url).content.decode()
    response = learner_client.post(closed.url, answers())
    assert response.status_code == 400 and "This survey is closed" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_survey_not_yet_open_says_when_it_opens(learner_client, course):
    later = survey(course, slug="later", opens_at=timezone.now() + datetime.timedelta(days=3))
    response = learner_client.post(later.url, answers())
    assert response.status_code == 400 and "This survey opens on" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_french_and_an_english_answer_share_their_keys(client, db, bilingual_survey):
    linked_survey, french_survey = bilingual_survey
    client.force_login(learner("amelie"))
    client.post(french_survey.url, answers(which_module_helped_you_most="3"))
    client.force_login(learner("oliver"))
    client.post(linked_survey.url, answers(which_module_helped_you_most="3"))
    assert sorted(SurveyResponse.objects.values_list("language", flat=True)) == ["en", "fr"]
    keys = set(SurveyResponse.objects.values_list("survey_key", flat=True))
    assert keys == {linked_survey.translation_key}
    question = linked_survey.get_form_fields()[1].translation_key
    assert SurveyAnswer.objects.filter(question_key=question, choice="3").count() == 2
