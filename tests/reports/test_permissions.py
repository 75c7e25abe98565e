"""Who may open which report, and what a partner editor never sees."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

EVERYONES = ["learners", "certificates", "surveys"]
PARTNER_SCOPED = ["completion", "exercises"]


def refused(response) -> bool:
    """Wagtail turns a refused admin page into a trip back to the dashboard, with a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def urls(classroom):
    survey_id, needs_id = classroom.survey.pk, classroom.needs.pk
    return {
        **{name: reverse(f"lectern_reports:{name}") for name in EVERYONES + PARTNER_SCOPED},
        "survey": reverse("lectern_reports:survey", args=[survey_id]),
        "needs": reverse("lectern_reports:needs", args=[needs_id]),
    }


@pytest.mark.parametrize("role", ["coordinator", "site_administrator"])
def test_coordinators_and_site_administrators_open_every_report(client, classroom, role):
    client.force_login(classroom.users[role])
    for name, url in urls(classroom).items():
        response = client.get(url)
        assert response.status_code == 200, name
    assert "Lesson 1.2" in client.get(urls(classroom)["completion"]).content.decode()


def test_a_partner_editor_sees_completion_and_exercises_of_their_own_lessons_only(client, classroom):
    client.force_login(classroom.users["partner_editor"])
    for name in PARTNER_SCOPED:
        html = client.get(urls(classroom)[name]).content.decode()
        assert "Topic 1.1.1" in html, name  # the alpha lesson's topic
        assert "Topic 1.2.1" not in html and "Lesson 1.2" not in html, name  # beta's
        for learner_word in ("zoe", "Zoé", "sam", "Sam Learner"):
            assert learner_word not in html, (name, learner_word)


def test_a_partner_editor_cannot_open_learner_survey_or_needs_reports(client, classroom):
    client.force_login(classroom.users["partner_editor"])
    for name in ("learners", "certificates", "surveys", "survey", "needs"):
        assert refused(client.get(urls(classroom)[name])), name


def test_a_partner_editor_cannot_widen_the_report_to_another_partner(client, classroom):
    client.force_login(classroom.users["partner_editor"])
    beta = classroom.lessons["beta"].partner_id
    html = client.get(urls(classroom)["completion"], {"partner": beta}).content.decode()
    assert "Lesson 1.2" not in html


def test_a_reviewer_sees_no_report(client, classroom):
    client.force_login(classroom.users["reviewer"])
    for name, url in urls(classroom).items():
        assert refused(client.get(url)), name


def test_a_learner_is_sent_to_log_in_instead(client, classroom):
    client.force_login(classroom.users["learner"])
    for name, url in urls(classroom).items():
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], name


def test_the_reports_menu_offers_a_partner_editor_only_their_two_reports(client, classroom):
    client.force_login(classroom.users["partner_editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("lectern_reports:completion") in html
    assert reverse("lectern_reports:learners") not in html
