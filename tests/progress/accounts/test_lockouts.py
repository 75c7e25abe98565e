"""Guessing passwords stops after a few tries, on the learner login and on /admin/login/."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from roles.models import RoleGroup
from roles.permissions import permissions

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def learner_login(client, password, login="ana@example.org"):
    return client.post("/en/accounts/login/", {"login": login, "password": password})


def admin_login(client, password, username="editor"):
    return client.post("/admin/login/", {"username": username, "password": password})


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def time_passes(minutes):
    """The lock-out clock, moved on without sleeping."""
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            attempt_time=attempt.attempt_time - timedelta(minutes=minutes)
        )


def test_the_right_password_is_refused_on_the_learner_login_until_the_lockout_ends(client, learner):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        learner_login(client, "wrong-guess")
    refused = learner_login(client, PASSWORD)
    assert refused.status_code == 429 and not logged_in(client)
    assert "You can try again in 15 minutes" in refused.content.decode()
    time_passes(16)
    assert learner_login(client, PASSWORD).status_code == 302 and logged_in(client)


def test_changing_the_letter_case_or_using_the_username_does_not_reset_the_count(client, learner):
    for login in [
        "ana@example.org",
        "ANA@example.org",
        "ana@example.org",
        "Ana@Example.org",
        "ana@example.org",
    ]:
        learner_login(client, "wrong-guess", login=login)
    assert learner_login(client, PASSWORD, login="ana@example.org").status_code == 429


def test_the_lockout_page_is_in_the_language_of_the_login_page(client, learner):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/fr/accounts/login/", {"login": "ana@example.org", "password": "faux"})
    page = client.post("/fr/accounts/login/", {"login": "ana@example.org", "password": PASSWORD})
    assert page.status_code == 429 and "Vous pourrez réessayer dans 15 minutes" in page.content.decode()


def test_the_right_password_is_refused_on_the_admin_login_until_the_lockout_ends(client, home):
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    for _ in range(30):
        admin_login(client, "wrong-guess")
    refused = admin_login(client, PASSWORD)
    assert refused.status_code == 429 and not logged_in(client)
    time_passes(16)
    assert admin_login(client, PASSWORD).status_code == 302 and logged_in(client)


@pytest.fixture
def locked_learner(client, learner):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        learner_login(client, "wrong-guess")
    return learner


def staff_in(role):
    group = Group.objects.create(name=role)
    RoleGroup.objects.create(group=group, role=role)
    group.permissions.add(*permissions("wagtailadmin.access_admin"))
    user = get_user_model().objects.create_user(role, f"{role}@example.org", PASSWORD)
    user.groups.add(group)
    return user


def test_a_coordinator_sees_the_lockout_and_unlocks_the_account(client, locked_learner):
    client.force_login(staff_in(RoleGroup.COORDINATOR))
    listing = client.get("/admin/lockouts/").content.decode()
    assert "ana@example.org" in listing
    attempt = AccessAttempt.objects.get(username="ana@example.org")
    assert client.post(f"/admin/lockouts/{attempt.pk}/unlock/").status_code == 302
    client.logout()
    assert learner_login(client, PASSWORD).status_code == 302 and logged_in(client)


def test_a_reviewer_is_turned_away_from_the_lockouts_and_cannot_lift_one(client, locked_learner):
    client.force_login(staff_in(RoleGroup.REVIEWER))
    attempt = AccessAttempt.objects.get(username="ana@example.org")
    listing = client.get("/admin/lockouts/")
    assert listing.status_code == 302 and "ana@example.org" not in listing.content.decode()
    assert client.post(f"/admin/lockouts/{attempt.pk}/unlock/").status_code == 302
    client.logout()
    assert learner_login(client, PASSWORD).status_code == 429
