"""Importing a folder over an existing course: the folder is the source of truth for the
tree, pages are unpublished rather than deleted, and drafts travel as ``live: false``."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Locale

from cms.course_format.importer import CourseImporter
from cms.models import CoursePage, LessonPage, TopicPage
from cms.outline import CourseOutline
from cms.translations import apply_po, page_po
from tests.cms.course_folder import write_course_folder
from tests.cms.test_course_format import empty_the_site, folder_files
from tests.cms.test_languages import in_french

pytestmark = pytest.mark.django_db

SECOND_TOPIC = "modules/01-foundations/01-clusters/02-enabling-technologies.yaml"


def english_topic(slug):
    return TopicPage.objects.get(locale__language_code="en", slug=slug)


def import_folder(folder):
    importer = CourseImporter(folder)
    importer.run()
    return dict(importer.counts)


def edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


@pytest.fixture
def folder(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    CourseImporter(folder).run()
    return folder


def test_a_topic_whose_file_is_removed_is_unpublished_but_kept_and_not_exported_again(folder, tmp_path):
    (folder / SECOND_TOPIC).unlink()
    out = StringIO()
    call_command("import_course", str(folder), stdout=out)
    assert "topic unpublished: 1" in out.getvalue()

    removed = english_topic("enabling-technologies")
    assert not removed.live and removed.revisions.exists()  # history kept
    outline = CourseOutline.for_course(
        CoursePage.objects.get(locale__language_code="en", slug="pilot-course")
    )
    assert outline.course.topic_count == 1 and outline.course.minutes == 50

    call_command("export_course", "pilot-course", str(tmp_path / "export"))
    assert not [name for name in folder_files(tmp_path / "export") if "enabling" in name]
    assert import_folder(folder) == {}


def test_a_renamed_slug_replaces_the_page_instead_of_adding_a_second_live_one(folder):
    edit(folder / SECOND_TOPIC, "slug: enabling-technologies", "slug: key-technologies")
    assert import_folder(folder) == {"topic created": 1, "topic unpublished": 1}
    lesson = LessonPage.objects.get(locale__language_code="en", slug="clusters")
    live = list(TopicPage.objects.child_of(lesson).live().order_by("path").values_list("slug", flat=True))
    assert live == ["what-a-cluster-is", "key-technologies"]


def test_a_topic_an_editor_unpublished_stays_unpublished_unless_its_file_says_live_true(folder):
    editor = get_user_model().objects.create_user("editor", is_staff=True, is_superuser=True)
    english_topic("enabling-technologies").unpublish(user=editor)

    assert import_folder(folder) == {}
    assert not english_topic("enabling-technologies").live

    edit(folder / SECOND_TOPIC, "slug: enabling-technologies", "slug: enabling-technologies\nlive: true")
    assert import_folder(folder) == {"topic published": 1}
    assert english_topic("enabling-technologies").live


def test_live_false_keeps_a_topic_a_draft_and_removing_it_publishes_the_topic_again(folder):
    original = (folder / SECOND_TOPIC).read_text()
    edit(folder / SECOND_TOPIC, "slug: enabling-technologies", "slug: enabling-technologies\nlive: false")
    assert import_folder(folder) == {"topic unpublished": 1}
    assert import_folder(folder) == {}
    assert not english_topic("enabling-technologies").live

    (folder / SECOND_TOPIC).write_text(original)  # the import took it down, so the import may bring it back
    assert import_folder(folder) == {"topic published": 1}
    assert english_topic("enabling-technologies").live


def test_a_draft_is_exported_with_live_false_and_stays_a_draft_through_a_round_trip(folder, tmp_path):
    lesson = LessonPage.objects.get(locale__language_code="en", slug="clusters")
    draft = TopicPage(title="Work in progress", slug="work-in-progress", live=False, estimated_minutes=20)
    lesson.add_child(instance=draft)
    draft.save_revision()
    draft.title = "Work in progress, second draft"
    draft.save_revision()  # only in the revision: the page row keeps the first title

    call_command("export_course", "pilot-course", str(tmp_path / "first"))
    first = folder_files(tmp_path / "first")
    written = first["modules/01-foundations/01-clusters/03-work-in-progress.yaml"].decode()
    assert "live: false" in written and "second draft" in written
    assert "live:" not in first[SECOND_TOPIC].decode()

    empty_the_site()
    call_command("import_course", str(tmp_path / "first"))
    imported = english_topic("work-in-progress")
    assert not imported.live and imported.get_latest_revision_as_object().title.endswith("second draft")
    call_command("export_course", "pilot-course", str(tmp_path / "second"))
    assert folder_files(tmp_path / "second") == first


def test_a_removed_topic_is_unpublished_in_every_language_and_comes_back_with_its_file(folder):
    french, spanish = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="es")
    english = english_topic("enabling-technologies")
    with TestCase.captureOnCommitCallbacks(execute=True):
        apply_po(english, french, in_french(page_po(english, french, blank=True)))
    in_fr, in_es = english.get_translation(french), english.get_translation(spanish)
    assert in_fr.live and in_fr.alias_of_id is None and in_es.live and in_es.alias_of_id == english.pk

    kept = (folder / SECOND_TOPIC).read_text()
    (folder / SECOND_TOPIC).unlink()
    assert import_folder(folder) == {"topic unpublished": 1, "topic (fr) unpublished": 1}
    for page in (english, in_fr, in_es):
        page.refresh_from_db()
        assert not page.live, page.locale

    (folder / SECOND_TOPIC).write_text(kept)
    assert import_folder(folder) == {"topic published": 1, "topic (fr) published": 1}
    for page in (english, in_fr, in_es):
        page.refresh_from_db()
        assert page.live, page.locale
