"""Learner pages and HTTP caches: ETags, 304s, public for anonymous visitors, private once logged in."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from cms.models import TopicPage
from tests import factories
from tests.blocks.exercise_data import EXERCISE

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic():
    course = factories.course(modules=1, lessons=1, topics=2, blocks=2)
    return TopicPage.objects.descendant_of(course).order_by("path").first()


def test_an_anonymous_learner_asking_again_for_an_unchanged_topic_gets_304(client, topic, settings):
    settings.LECTERN_HTTP_MAX_AGE = 120
    first = client.get(topic.url)
    assert first.status_code == 200
    assert first["ETag"].startswith('W/"')
    assert "public" in first["Cache-Control"] and "max-age=120" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]

    again = client.get(topic.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_the_stored_page_is_what_the_page_shows(client, topic):
    rendered = client.get(topic.url)
    stored = Client().get(topic.url)  # served from the full-page cache this time
    assert stored.status_code == 200
    assert stored.content == rendered.content
    assert stored["ETag"] == rendered["ETag"]


def test_a_publish_changes_the_etag_and_the_page_at_once(client, topic):
    before = client.get(topic.url)
    topic.title = "A fresher title"
    topic.save_revision().publish()
    after = client.get(topic.url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert "A fresher title" in after.content.decode()


def test_each_language_of_a_page_has_its_own_etag(client, topic):
    english = client.get(topic.url)
    french = client.get(topic.url.replace("/en/", "/fr/", 1))
    assert french.status_code == 200
    assert french["ETag"] != english["ETag"]


def test_a_logged_in_learner_never_gets_a_public_page_or_an_etag(client, topic):
    client.force_login(get_user_model().objects.create_user("learner", password="pw"))
    for page in (topic, topic.get_parent(), factories.home_page()):
        response = client.get(page.url)
        assert response.status_code == 200
        assert "public" not in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert not response.has_header("ETag")


def test_a_logged_in_learner_is_never_served_the_anonymous_copy(client, topic):
    Client().get(topic.url)  # stored for anonymous visitors
    client.force_login(get_user_model().objects.create_user("learner", password="pw"))
    page = client.get(topic.url).content.decode()
    assert "Mark this topic as done" in page


def test_a_page_with_an_exercise_is_private_and_each_visitor_gets_their_own_csrf_token():
    topic = factories.topic_with([EXERCISE])
    first, second = Client(), Client()
    one, two = first.get(topic.url), second.get(topic.url)
    assert "private" in one["Cache-Control"] and "public" not in one["Cache-Control"]
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value
    token = two.content.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert "lectern-csrf-placeholder" not in token
    graded = second.post(f"/grade/{topic.pk}/exercise-1/", {"csrfmiddlewaretoken": token})
    assert graded.status_code == 200


def test_a_private_page_is_never_stored_or_public(client, topic):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=topic, restriction_type="login")
    response = client.get(topic.url)
    assert response.status_code == 302
    assert "public" not in response.get("Cache-Control", "")


def test_pages_outside_the_course_tree_get_no_etag(client, topic):
    response = client.get("/en/search/?q=topic")
    assert response.status_code == 200
    assert not response.has_header("ETag")


def test_a_stored_anonymous_page_is_served_without_walking_the_page_tree(
    client, topic, django_assert_num_queries
):
    client.get(topic.url)
    with django_assert_num_queries(1):  # the content version, nothing else
        stored = Client().get(topic.url)
    assert stored.status_code == 200
    assert topic.title in stored.content.decode()
    assert stored["X-Frame-Options"] == "DENY" and "public" in stored["Cache-Control"]
