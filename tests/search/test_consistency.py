"""The index follows publishing after the commit, and a change made while the engine is
down is kept and replayed. "Down" is real: the Elasticsearch engine pointed at a port
where nothing listens."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from files.local_s3 import free_port
from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine
from search.models import IndexEntry, PendingChange
from tests import factories

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
