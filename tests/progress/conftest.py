"""A small course with one exercise, and learners, shared by the learner-side tests."""

import json

import pytest
from django.contrib.auth import get_user_model

from cms.models import TopicPage
from tests import factories

QUICK_EXERCISE = {
    "type": "exercise",
    "id": "quick-check",
    "value": {
        "title": "Quick check",
        "instructions": "",
        "pass_mark": 70,
        "questions": [
            {
                "type": "true_false",
                "id": "q-tf",
                "value": {
                    "statement": "Industry 4.0 means replacing every machine.",
                    "answer": False,
                    "feedback_correct": "Right.",
                    "feedback_incorrect": "Not quite.",
                    "explanation": "",
                },
            }
        ],
    },
}


def with_exercise(topic, block_id="quick-check"):
    """Give a (live) topic one true/false exercise whose answer is false."""
    topic.body = [*topic.body.raw_data, dict(QUICK_EXERCISE, id=block_id)]
    topic.save()
    topic.refresh_from_db()
    return topic


def answer(client, topic, right=True, block_id="quick-check"):
    return client.post(
        f"/grade/{topic.pk}/{block_id}/",
        json.dumps({"answers": {"q-tf": not right}}),
        content_type="application/json",
    )


@pytest.fixture
def small_course(db):
    """Course > 1 module > 1 lesson > 2 topics of 45 minutes; the first has an exercise."""
    course = factories.course(modules=1, lessons=1, topics=2, minutes=45, blocks=2)
    topics = list(TopicPage.objects.descendant_of(course).order_by("path"))
    with_exercise(topics[0])
    return course, topics


def make_learner(username, first_name="", last_name=""):
    return get_user_model().objects.create_user(
        username, f"{username}@example.org", "pw", first_name=first_name, last_name=last_name
    )


@pytest.fixture
def learner(client, db):
    user = make_learner("ada", "Ada", "Lovelace")
    client.force_login(user)
    return user
