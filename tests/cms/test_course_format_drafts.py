"""Imports respect drafts: a draft's translation stays a draft, and pages an editor took down
with their parent come back with it."""

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import Locale, PageLogEntry

from cms.course_format.publication import UNPUBLISHED_WITH_PARENT
from cms.models import LessonPage, TopicPage
from cms.translations import apply_po, page_po
from tests.cms.test_course_format_updates import SECOND_TOPIC, edit, english_topic, folder, import_folder  # noqa: F401
from tests.cms.test_languages import in_french

pytestmark = pytest.mark.django_db


def test_a_po_file_for_a_draft_page_leaves_its_translation_a_draft(folder):  # noqa: F811
    edit(folder / SECOND_TOPIC, "slug: enabling-technologies", "slug: enabling-technologies\nlive: false")
    import_folder(folder)
    english = english_topic("enabling-technologies")
    assert not english.live
    french = Locale.objects.get(language_code="fr")
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert apply_po(english, french, in_french(page_po(english, french, blank=True)))
    in_fr = TopicPage.objects.get(pk=english.get_translation(french).pk)
    assert in_fr.alias_of_id is None and not in_fr.live
    assert in_fr.get_latest_revision() is not None


def test_pages_unpublished_with_their_lesson_come_back_with_it_at_the_next_import(folder, client):  # noqa: F811
    lesson = LessonPage.objects.get(locale__language_code="en", slug="clusters")
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw"))
    response = client.post(f"/admin/pages/{lesson.pk}/unpublish/", {"include_descendants": "on"})
    assert response.status_code == 302
    topic = english_topic("enabling-technologies")
    assert not topic.live
    history = PageLogEntry.objects.filter(page=topic).order_by("-pk").first()
    assert history.action == UNPUBLISHED_WITH_PARENT
    assert "with its parent page" in history.message

    assert import_folder(folder) == {}  # the lesson's unpublish was the editor's: it stays down
    assert not english_topic("enabling-technologies").live
    LessonPage.objects.get(pk=lesson.pk).get_latest_revision().publish()
    import_folder(folder)
    assert english_topic("enabling-technologies").live
