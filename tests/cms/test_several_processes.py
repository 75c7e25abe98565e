"""Two gunicorn instances on one PostgreSQL and one Redis behave as one site.

This is how a site runs on several machines: a publish through one instance shows
on a page served by the other, and a lock-out counted by one holds on the other.
"""

import time

import pytest
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.shortcuts import resolve_url

from cms.models import TopicPage
from tests import factories
from tests.support.servers import GunicornServer

pytestmark = pytest.mark.django_db(transaction=True)


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="module")
def two_sites(django_db_setup, django_db_blocker, redis_server):
    """Two single-worker gunicorn instances sharing the test database and one Redis."""
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.skip("several processes need a database server: run with DATABASE_URL=postgres://…")
        environment = {
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database_url(),
            "REDIS_URL": redis_server.url,
        }
    servers = [GunicornServer(environment).launch() for _ in range(2)]
    try:
        yield [server.wait() for server in servers]
    finally:
        for server in servers:
            server.stop()


def logged_in_admin(site) -> requests.Session:
    get_user_model().objects.create_superuser("editor", "editor@example.org", "editor-pw")
    browser = requests.Session()
    browser.get(f"{site.url}/admin/login/", timeout=20)
    answer = browser.post(
        f"{site.url}/admin/login/",
        data={
            "username": "editor",
            "password": "editor-pw",
            "csrfmiddlewaretoken": browser.cookies["csrftoken"],
        },
        allow_redirects=False,
        timeout=20,
    )
    assert answer.status_code == 302, answer.text[:500]
    return browser


def publish_through(site, browser, page) -> None:
    """Wagtail's bulk "Publish" action in the admin of one instance."""
    answer = browser.post(
        f"{site.url}/admin/bulk/wagtailcore/page/publish/?id={page.pk}",
        data={"csrfmiddlewaretoken": browser.cookies["csrftoken"]},
        allow_redirects=False,
        timeout=20,
    )
    assert answer.status_code == 302, answer.text[:500]


def test_a_publish_through_one_instance_shows_on_the_other_within_a_second(two_sites):
    one, other = two_sites
    course = factories.course(modules=1, lessons=1, topics=1, blocks=2)
    topic = TopicPage.objects.descendant_of(course).get()
    status, before, headers = other.get(topic.url)
    assert status == 200 and topic.title in before
    assert other.get(topic.url)[2]["ETag"] == headers["ETag"]  # now served from the shared cache

    topic.title = "Reshoring decisions, revised"
    topic.save_revision()  # a draft, published below through the first instance's admin
    publish_through(one, logged_in_admin(one), topic)

    deadline = time.monotonic() + 1
    seen = other.get(topic.url)
    while "Reshoring decisions, revised" not in seen[1] and time.monotonic() < deadline:
        seen = other.get(topic.url)
    assert "Reshoring decisions, revised" in seen[1]
    assert seen[2]["ETag"] != headers["ETag"]


def log_in(site, username, password) -> requests.Response:
    field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")
    login_url = f"{site.url}{resolve_url(settings.LOGIN_URL)}"
    browser = requests.Session()
    browser.get(login_url, timeout=20)
    data = {
        field: username,
        "password": password,
        "csrfmiddlewaretoken": browser.cookies.get("csrftoken", ""),
    }
    return browser.post(login_url, data=data, allow_redirects=False, timeout=20)


def test_a_lock_out_counted_by_one_instance_holds_on_the_other(two_sites):
    if "axes" not in settings.INSTALLED_APPS:
        pytest.skip(
            "django-axes is not installed on this branch: the lock-out half runs once accounts is merged"
        )
    one, other = two_sites
    users = get_user_model().objects
    users.create_user("learner-free", "free@example.org", "right-pw-1")
    users.create_user("learner-locked", "locked@example.org", "right-pw-2")
    assert log_in(other, "learner-free", "right-pw-1").status_code == 302  # the control: a login works

    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(one, "learner-locked", "wrong-pw")
    refused = log_in(other, "learner-locked", "right-pw-2")
    assert refused.status_code != 302
    assert refused.status_code in (403, 429)
