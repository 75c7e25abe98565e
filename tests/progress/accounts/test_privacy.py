"""A learner downloads exactly their own data, and deleting the account leaves none of it."""

import json
import uuid

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from progress import privacy
from progress.models import ExerciseAttempt, LearnerProfile, TopicCompletion

from .conftest import PASSWORD, make_learner

pytestmark = pytest.mark.django_db
TOPICS = [uuid.uuid4() for _ in range(3)]


def give_progress(user, topics, score):
    for topic in topics:
        TopicCompletion.objects.create(user=user, topic_key=topic)
        ExerciseAttempt.objects.create(
            user=user, topic_key=topic, block_id="exercise-1", language="en", score=score, passed=score >= 50
        )


@pytest.fixture
def two_learners(learner):
    other = make_learner(email="bela@example.org", full_name="Béla Nagy", username="bela")
    give_progress(learner, TOPICS[:2], 80)
    give_progress(other, TOPICS, 30)
    return learner, other


def test_the_export_holds_exactly_this_learners_rows(client, two_learners):
    learner, _other = two_learners
    client.force_login(learner)
    response = client.get("/en/accounts/profile/my-data.json")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["full_name"] == "Ana Kovács"
    assert [row["email"] for row in data["account"]["email_addresses"]] == ["ana@example.org"]
    assert sorted(row["topic"] for row in data["topic_completions"]) == sorted(str(t) for t in TOPICS[:2])
    assert [row["score"] for row in data["exercise_attempts"]] == [80, 80]
    assert "bela" not in response.content.decode().lower()


def test_another_apps_section_joins_the_export(client, learner):
    privacy.register_export_section("surveys", lambda user: [{"answered_by": user.get_username()}])
    try:
        client.force_login(learner)
        assert json.loads(client.get("/en/accounts/profile/my-data.json").content)["surveys"] == [
            {"answered_by": "ana"}
        ]
    finally:
        privacy.unregister("surveys")


def test_deleting_the_account_with_the_password_leaves_none_of_the_learners_rows(client, two_learners):
    learner, other = two_learners
    client.force_login(learner)
    response = client.post("/en/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" not in client.session
    assert not get_user_model().objects.filter(pk=learner.pk).exists()
    for model in (TopicCompletion, ExerciseAttempt, LearnerProfile, EmailAddress):
        assert not model.objects.filter(user_id=learner.pk).exists()
        assert model.objects.filter(user=other).exists()


def test_a_wrong_password_deletes_nothing_and_says_so_in_the_pages_language(client, two_learners):
    learner, _other = two_learners
    client.force_login(learner)
    page = client.post("/fr/accounts/delete/", {"password": "not-mine"})
    assert page.status_code == 200 and "Ce n’est pas votre mot de passe." in page.content.decode()
    assert TopicCompletion.objects.filter(user=learner).count() == 2


def test_the_profile_saves_the_name_and_interface_language(client, learner):
    client.force_login(learner)
    client.post("/en/accounts/profile/", {"full_name": "Ana K. Kovács", "language": "hu"})
    learner.learner_profile.refresh_from_db()
    assert (learner.learner_profile.full_name, learner.learner_profile.language) == ("Ana K. Kovács", "hu")


@pytest.mark.parametrize(
    "path", ["/en/accounts/profile/", "/en/accounts/profile/my-data.json", "/en/accounts/delete/"]
)
def test_anonymous_visitors_are_sent_to_the_login_for_account_pages(client, home, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/?next=")


def test_a_learner_cannot_open_the_admin(client, learner):
    client.force_login(learner)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("language", ["en", "fr", "es", "hu", "el"])
def test_the_privacy_notice_is_linked_from_the_footer_in_every_language(client, home, language):
    page = client.get(f"/{language}/accounts/signup/").content.decode()
    assert f'href="/{language}/privacy/"' in page
    notice = client.get(f"/{language}/privacy/")
    assert notice.status_code == 200 and notice["Content-Language"] == language


def test_deleting_the_account_runs_other_apps_erasers_and_forgets_failed_logins(client, learner):
    from axes.models import AccessAttempt

    client.post("/en/accounts/login/", {"login": "ana@example.org", "password": "wrong-guess"})
    assert AccessAttempt.objects.filter(username="ana@example.org").exists()
    seen = []
    privacy.register_eraser("certificates", lambda user: seen.append(user.learner_profile.full_name))
    try:
        client.force_login(learner)
        client.post("/en/accounts/delete/", {"password": PASSWORD})
    finally:
        privacy.unregister("certificates")
    assert seen == ["Ana Kovács"]  # the eraser ran while the account still existed
    assert not AccessAttempt.objects.filter(username="ana@example.org").exists()
