"""A learner keeps track of topics done and exercise scores, in whatever language they read."""

import json

import pytest
from django.contrib.auth import get_user_model

from blocks.tokens import option_token
from cms.translations import sync_locale_trees
from progress.models import ExerciseAttempt, TopicCompletion
from tests import factories
from tests.blocks.exercise_data import EXERCISE
from tests.cms.test_languages import translated

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic():
    topic = factories.topic_with([dict(EXERCISE, id="exercise-1")], title="Clusters in practice")
    sync_locale_trees()
    return topic


@pytest.fixture
def learner(client):
    user = get_user_model().objects.create_user("learner", "learner@example.org", "pw")
    client.force_login(user)
    return user


def course_of(topic):
    return topic.get_parent().get_parent().get_parent()


def first_option(page):
    question = page.body[0].value["questions"][0]
    return option_token(question.value["options"].bound_blocks[0].id)


def test_an_anonymous_learner_is_invited_to_log_in_and_nothing_is_recorded(client, topic):
    page = client.get(topic.url).content.decode()
    assert "Log in to keep track of your progress." in page
    response = client.post(f"/progress/topic/{topic.pk}/", {"done": "1"})
    assert response.status_code == 302 and response.headers["Location"].startswith("/en/accounts/login/")
    graded = client.post(
        f"/grade/{topic.pk}/exercise-1/",
        json.dumps({"answers": {"q-single": first_option(topic)}}),
        content_type="application/json",
    )
    assert graded.status_code == 200
    assert not TopicCompletion.objects.exists() and not ExerciseAttempt.objects.exists()
    assert client.get(course_of(topic).url + "progress/").status_code == 302


def test_a_topic_done_in_french_is_done_in_english(client, topic, learner):
    french = translated(topic)
    response = client.post(f"/progress/topic/{french.pk}/", {"done": "1", "next": french.url})
    assert response.status_code == 302 and response.headers["Location"] == french.url
    assert "You have completed this topic." in client.get(topic.url).content.decode()
    assert TopicCompletion.objects.get().topic_key == topic.translation_key

    client.post(f"/progress/topic/{topic.pk}/", {"done": "0"})
    assert not TopicCompletion.objects.exists()
    assert '<input type="hidden" name="done" value="1">' in client.get(french.url).content.decode()


def test_an_exercise_answered_in_french_shows_on_the_english_progress_page(client, topic, learner):
    french = translated(topic)
    answers = {"q-single": first_option(french), "q-tf": False}
    graded = client.post(
        f"/grade/{french.pk}/exercise-1/", json.dumps({"answers": answers}), content_type="application/json"
    )
    score = graded.json()["score"]
    attempt = ExerciseAttempt.objects.get()
    assert (attempt.topic_key, attempt.block_id, attempt.language, attempt.score) == (
        topic.translation_key,
        "exercise-1",
        "fr",
        score,
    )
    client.post(f"/progress/topic/{topic.pk}/", {"done": "1"})

    page = client.get(course_of(topic).url + "progress/").content.decode()
    assert "You have completed 1 of 1 topic." in page
    assert f"best exercise score {score} %" in page
    assert "Clusters in practice" in page


def test_each_learner_sees_only_their_own_progress(client, topic, learner):
    client.post(f"/progress/topic/{topic.pk}/", {"done": "1"})
    other = get_user_model().objects.create_user("other", "other@example.org", "pw")
    client.force_login(other)
    assert (
        "You have completed 0 of 1 topic." in client.get(course_of(topic).url + "progress/").content.decode()
    )
    assert "Mark this topic as done" in client.get(topic.url).content.decode()


@pytest.mark.parametrize("data", [{"done": "yes"}, {}])
def test_a_malformed_request_is_a_400_with_a_message(client, topic, learner, data):
    response = client.post(f"/progress/topic/{topic.pk}/", data)
    assert response.status_code == 400 and b"done=1" in response.content
    assert not TopicCompletion.objects.exists()


def test_the_way_back_never_leads_to_another_site(client, topic, learner):
    response = client.post(f"/progress/topic/{topic.pk}/", {"done": "1", "next": "https://evil.example/"})
    assert response.headers["Location"] == topic.url


def test_only_a_topic_can_be_marked(client, topic, learner):
    course = course_of(topic)
    assert client.post(f"/progress/topic/{course.pk}/", {"done": "1"}).status_code == 400
    assert client.post("/progress/topic/999999/", {"done": "1"}).status_code == 404
    assert not TopicCompletion.objects.exists()
