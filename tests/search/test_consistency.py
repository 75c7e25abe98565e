"""The index follows publishing after the commit, and a change made while the engine is
down is kept and replayed. "Down" is real: the Elasticsearch engine pointed at a port
where nothing listens."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine
from search.models import IndexEntry, PendingChange
from tests import factories
from tests.support.local_s3 import free_port

pytestmark = pytest.mark.django_db


def found(text):
    return DatabaseEngine().search(SearchQuery(text)).total


def vocab_block(definition):
    return {
        "type": "vocab_sheet",
        "value": {
            "title": "Terms",
            "introduction": "",
            "terms": [
                {"term": "Cobot", "abbreviation": "", "synonyms": [], "definition": definition, "related": []}
            ],
        },
    }


def test_a_published_change_is_searchable_after_the_commit_and_not_before(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        topic = factories.topic_with([vocab_block("A robot sharing a workstation.")])
    assert found("workstation") == 0  # nothing is indexed inside the transaction
    for callback in callbacks:
        callback()
    assert found("workstation") >= 1 and not PendingChange.objects.exists()
    assert IndexEntry.objects.filter(page_id=topic.pk, kind="vocab_term").exists()


def test_a_draft_edit_does_not_reach_the_index_until_it_is_published(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        topic = factories.topic_with([vocab_block("A robot sharing a workstation.")])
    topic.body = [vocab_block("A robot with force limits.")]
    with django_capture_on_commit_callbacks(execute=True):
        topic.save_revision()  # a draft
    assert found("force limits") == 0 and found("workstation") >= 1


def test_unpublishing_deleting_and_making_private_remove_a_page_from_results(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        first = factories.topic_with([vocab_block("First sensor gateway.")])
        second = factories.topic_with([vocab_block("Second sensor gateway.")])
        third = factories.topic_with([vocab_block("Third sensor gateway.")])
    assert found("gateway") == 3  # one term per topic
    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
        second.delete()
        PageViewRestriction.objects.create(page=third, restriction_type=PageViewRestriction.LOGIN)
    assert found("gateway") == 0


def test_publishing_while_the_engine_is_down_succeeds_and_the_change_is_replayed(
    settings, django_capture_on_commit_callbacks
):
    settings.LECTERN_SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with django_capture_on_commit_callbacks(execute=True):
        topic = factories.topic_with([vocab_block("Kept while the engine sleeps.")])
    assert topic.live  # publishing was not blocked
    assert PendingChange.objects.filter(page_id=topic.pk).exists()  # kept, not lost
    assert PendingChange.objects.filter(attempts__gte=1).exclude(last_error="").exists()

    settings.LECTERN_SEARCH_ENGINE = "database"
    call_command("search_index", "--pending")
    assert found("sleeps") >= 1 and not PendingChange.objects.exists()


def test_a_rebuild_indexes_every_published_topic(django_capture_on_commit_callbacks, capsys):
    with django_capture_on_commit_callbacks(execute=False):
        factories.topic_with([vocab_block("Rebuilt from scratch.")])
    call_command("search_index", "--rebuild")
    output = capsys.readouterr().out
    assert "vocab_term" in output and "Indexed" in output
    assert found("scratch") >= 1


@pytest.fixture
def engine_down(settings):
    """The Elasticsearch engine, pointed at a port where nothing listens."""
    settings.LECTERN_SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"
    settings.LECTERN_SEARCH_REPLAY_AFTER = 30
    return settings


def waited(seconds):
    """Let the pending changes age, as if the engine had been down that long."""
    from datetime import timedelta

    from django.utils import timezone

    PendingChange.objects.update(created_at=timezone.now() - timedelta(seconds=seconds))


def test_a_search_request_replays_what_waited_once_the_engine_is_back(
    engine_down, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        topic = factories.topic_with([vocab_block("Kept while the engine sleeps.")])
    assert topic.live and PendingChange.objects.filter(page_id=topic.pk).exists()
    response = client.get("/en/search/", {"q": "sleeps"})
    assert response.status_code == 503 and "unavailable" in response.content.decode()

    engine_down.LECTERN_SEARCH_ENGINE = "database"  # the engine answers again
    waited(60)
    from django.core.cache import cache

    cache.clear()  # the last check is older than the interval too
    html = client.get("/en/search/", {"q": "sleeps"}).content.decode()
    assert "Cobot" in html and "1 result" in html  # the very request that replayed finds it
    assert not PendingChange.objects.exists()


def test_a_change_whose_own_update_may_still_run_is_not_replayed_by_a_search(
    engine_down, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.topic_with([vocab_block("Kept while the engine sleeps.")])
    engine_down.LECTERN_SEARCH_ENGINE = "database"
    waiting = PendingChange.objects.count()
    client.get("/api/search/", {"q": "sleeps"})  # the changes are younger than the interval
    assert PendingChange.objects.count() == waiting > 0 and found("sleeps") == 0


def test_only_one_request_per_interval_tries_the_engine(
    engine_down, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.topic_with([vocab_block("Kept while the engine sleeps.")])
    first = PendingChange.objects.order_by("id").first()
    attempts_before = first.attempts
    assert attempts_before >= 1  # the after-commit update failed
    waited(60)
    for _ in range(3):
        assert client.get("/api/search/", {"q": "sleeps"}).status_code == 503
    first.refresh_from_db()
    assert first.attempts == attempts_before + 1  # one replay, not three


def test_a_later_publish_replays_what_waited_before_its_own_change(
    engine_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.topic_with([vocab_block("Kept while the engine sleeps.")])
    engine_down.LECTERN_SEARCH_ENGINE = "database"
    with django_capture_on_commit_callbacks(execute=True):
        factories.topic_with([vocab_block("Published once it woke up.")])
    assert found("sleeps") == 1 and found("woke") == 1 and not PendingChange.objects.exists()
