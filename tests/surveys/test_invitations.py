"""Learners who have done enough of a course are invited, until they answer or say no."""

import pytest

from cms.models import TopicPage
from progress.models import TopicCompletion
from surveys.invitations import open_invitations
from surveys.privacy import survey_answers_export

from .factories import answers, learner, survey

pytestmark = pytest.mark.django_db


def complete(user, course, count):
    for topic in TopicPage.objects.descendant_of(course).order_by("path")[:count]:
        TopicCompletion.objects.create(user=user, topic_key=topic.translation_key)


@pytest.fixture
def inviting_survey(course):
    return survey(course, slug="halfway", invite_after_percent=50)


def test_a_learner_who_did_half_the_course_is_invited_on_the_course_page(client, course, inviting_survey):
    user = learner()
    complete(user, course, 2)  # 2 of 4 topics
    client.force_login(user)
    html = client.get(course.url).content.decode()
    assert "Tell us what you think" in html and inviting_survey.url in html


def test_a_learner_short_of_the_share_is_not_invited(course, inviting_survey):
    user = learner()
    complete(user, course, 1)
    assert open_invitations(user, course) == []


def test_a_dismissed_invitation_stays_away(client, course, inviting_survey):
    user = learner()
    complete(user, course, 4)
    client.force_login(user)
    response = client.post(inviting_survey.url, {"dismiss": "1", "next": course.url})
    assert response.status_code == 302 and response["Location"] == course.url
    assert "Tell us what you think" not in client.get(course.url).content.decode()


def test_an_answered_survey_invites_no_more(client, course, inviting_survey):
    user = learner()
    complete(user, course, 4)
    client.force_login(user)
    client.post(inviting_survey.url, answers())
    assert open_invitations(user, course) == []


def test_the_data_export_holds_linked_answers_but_only_the_fact_of_an_anonymous_one(client, course):
    linked = survey(course, slug="linked", title="Validation")
    anonymous = survey(course, slug="anon", title="Needs", anonymous=True)
    user = learner()
    client.force_login(user)
    client.post(linked.url, answers())
    client.post(anonymous.url, answers(what_should_we_improve="A secret wish"))
    export = {entry["survey"]: entry for entry in survey_answers_export(user)}
    assert {"choice": "4", "text": ""} == {
        k: export["Validation"]["answers"][0][k] for k in ("choice", "text")
    }
    assert export["Needs"]["answered"] is True
    assert "A secret wish" not in str(export["Needs"])
    assert "not kept with your account" in export["Needs"]["answers"]


def test_the_learners_space_can_show_the_invitation_from_a_course_summary(rf, course, inviting_survey):
    """``{% survey_invitations course %}`` takes the space's course summaries (they carry the key)."""
    from types import SimpleNamespace

    from django.template import Context, Template

    user = learner()
    complete(user, course, 3)
    request = rf.get("/en/my-learning/")
    request.user = user
    summary = SimpleNamespace(key=str(course.translation_key), title=course.title)
    html = Template("{% load surveys %}{% survey_invitations course %}").render(
        Context({"course": summary, "request": request})
    )
    assert inviting_survey.url in html and "Answer the survey" in html


def test_the_learners_space_shows_the_invitation_beside_the_course(client, course, inviting_survey):
    user = learner()
    complete(user, course, 3)
    client.force_login(user)
    html = client.get("/en/my-learning/").content.decode()
    assert inviting_survey.url in html and "Answer the survey" in html
