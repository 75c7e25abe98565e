"""The learner's space: courses started, Resume, progress bars and exercise results."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import TopicPage
from cms.translations import sync_locale_trees
from progress.models import CourseVisit, ExerciseAttempt, TopicCompletion
from tests import factories

from .conftest import answer, make_learner, with_exercise

pytestmark = pytest.mark.django_db


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/en/my-learning/")
    assert response.status_code == 302 and "/accounts/login/" in response.headers["Location"]


def test_a_learner_who_started_nothing_is_invited_to_the_courses(client, learner, small_course):
    page = client.get("/en/my-learning/").content.decode()
    assert "You have not started a course yet." in page and "Resume" not in page


def test_progress_shows_topics_and_hours_as_accessible_bars_and_best_scores(client, learner, small_course):
    course, topics = small_course
    client.post(f"/progress/topic/{topics[1].pk}/", {"done": "1"})
    answer(client, topics[0], right=False)
    answer(client, topics[0], right=True)
    answer(client, topics[0], right=False)
    page = client.get("/en/my-learning/").content.decode()
    assert course.title in page
    assert "1 of 2 topics done" in page and "0.8 of 1.5 hours of study" in page
    assert '<progress max="2" value="1" aria-label="Topics completed">1/2</progress>' in page
    assert f'<a href="{topics[0].url}#block-quick-check">Quick check</a>' in page
    assert "<td>100 %</td>" in page and "<td>Passed</td>" in page


def test_resume_opens_the_last_topic_viewed_at_the_block_being_read(client, learner, small_course):
    _, topics = small_course
    response = client.post("/progress/visit/", {"page": topics[1].pk, "anchor": "block-abc"})
    assert response.status_code == 204
    page = client.get("/en/my-learning/").content.decode()
    assert f'<a class="button" href="{topics[1].url}#block-abc">Resume</a>' in page


def test_leaving_topics_writes_the_database_at_most_once_a_minute_yet_resume_follows(
    client, learner, small_course
):
    _, topics = small_course
    client.post("/progress/visit/", {"page": topics[0].pk, "anchor": ""})
    client.post("/progress/visit/", {"page": topics[1].pk, "anchor": "block-x"})
    assert CourseVisit.objects.get().topic_key == topics[0].translation_key  # the second was not written
    page = client.get("/en/my-learning/").content.decode()
    assert f'href="{topics[1].url}#block-x">Resume</a>' in page


@pytest.mark.parametrize("data", [{}, {"page": "abc"}, {"page": "999999"}])
def test_a_beacon_without_a_topic_is_a_400_and_records_nothing(client, learner, small_course, data):
    assert client.post("/progress/visit/", data).status_code == 400
    assert not CourseVisit.objects.exists()


def test_an_odd_anchor_is_dropped_rather_than_put_in_a_link(client, learner, small_course):
    _, topics = small_course
    client.post("/progress/visit/", {"page": topics[1].pk, "anchor": '"><script>'})
    assert f'href="{topics[1].url}">Resume</a>' in client.get("/en/my-learning/").content.decode()


def test_a_learner_never_sees_another_learners_progress(client, learner, small_course):
    _, topics = small_course
    client.post(f"/progress/topic/{topics[0].pk}/", {"done": "1"})
    client.force_login(make_learner("grace"))
    assert "You have not started a course yet." in client.get("/en/my-learning/").content.decode()


def test_the_space_is_in_french_with_the_french_course_and_shared_progress(client, learner, small_course):
    course, topics = small_course
    sync_locale_trees()
    client.post(f"/progress/topic/{topics[0].pk}/", {"done": "1"})
    page = client.get("/fr/my-learning/").content.decode()
    assert "Mon apprentissage" in page and "Reprendre" in page
    assert "1 sur 2 thèmes terminés" in page
    french_topic = topics[0].get_translation(factories.Locale.objects.get(language_code="fr"))
    assert french_topic.url.startswith("/fr/") and f'href="{french_topic.url}' in page


def test_the_space_costs_the_same_few_queries_for_nothing_done_and_everything_done(client):
    course = factories.course(modules=2, lessons=5, topics=5, blocks=1)
    topics = list(TopicPage.objects.descendant_of(course).order_by("path"))
    for index, topic in enumerate(topics[:22]):
        with_exercise(topic, block_id=f"check-{index}")
    idle, starter, busy = make_learner("idle"), make_learner("starter"), make_learner("busy")
    TopicCompletion.objects.create(user=starter, topic_key=topics[0].translation_key)
    TopicCompletion.objects.bulk_create(
        TopicCompletion(user=busy, topic_key=t.translation_key) for t in topics
    )
    ExerciseAttempt.objects.bulk_create(
        ExerciseAttempt(
            user=busy,
            topic_key=topics[n % 22].translation_key,
            block_id=f"check-{n % 22}",
            language="en",
            score=50 + n % 50,
            passed=n % 50 >= 20,
        )
        for n in range(110)
    )
    counts = {}
    for user in (idle, starter, busy):
        client.force_login(user)
        client.get("/en/my-learning/")  # the course map is cached after the first visit
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/en/my-learning/").content.decode()
        counts[user.username] = len(queries)
    assert "50 of 50 topics done" in page
    # A started course adds its survey invitations' lookups; records never add any.
    assert counts["idle"] <= counts["starter"] == counts["busy"] <= 12, counts


def test_a_learner_with_progress_but_no_recorded_visit_resumes_at_the_first_topic_not_done(
    client, learner, small_course
):
    """Progress recorded without a visit (imported, or made before visits were kept) still resumes."""
    _, topics = small_course
    TopicCompletion.objects.create(user=learner, topic_key=topics[0].translation_key)
    response = client.get("/en/my-learning/")
    assert response.status_code == 200
    assert f'<a class="button" href="{topics[1].url}">Resume</a>' in response.content.decode()
