import filecmp
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Revision

from cms.course_format.importer import CourseImporter
from cms.models import Competence, CourseMedia, CoursePage, Expert, LearningOutcome, Partner, TopicPage
from tests.cms.course_folder import write, write_course_folder

pytestmark = pytest.mark.django_db


def database_state():
    """What an import may change, as comparable values."""
    return {
        "pages": sorted(
            TopicPage.objects.values_list(
                "locale__language_code", "slug", "title", "estimated_minutes", "latest_revision_id", "alias_of_id"
            ),
            key=repr,  # aliases in the other languages have no revision of their own
        ),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "snippets": (Partner.objects.count(), Expert.objects.count(), LearningOutcome.objects.count()),
    }


def folder_files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()
    }


def test_import_creates_the_course_tree_with_snippets_and_media(tmp_path, home):
    call_command("import_course", str(write_course_folder(tmp_path / "course")))
    course = CoursePage.objects.get(locale__language_code="en", slug="pilot-course")
    topic = TopicPage.objects.get(locale__language_code="en", slug="what-a-cluster-is")
    assert topic.get_parent().get_parent().get_parent().specific == course
    assert topic.live and topic.estimated_minutes == 50
    assert [link.expert.name for link in topic.authors.all()] == ["Éva Horváth"]
    assert list(topic.outcomes.values_list("code", flat=True)) == ["1.1.1-a"]
    figure = topic.body[2].value
    assert figure["image"].title == "Value chain" and figure["alt_text"] == "A value chain"
    assert CourseMedia.objects.get(path="media/images/value-chain.png").image == figure["image"]
    assert LearningOutcome.objects.get(code="1.1.2-a").competences.get().code == "C01"


def test_importing_the_same_folder_twice_changes_nothing(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    CourseImporter(folder).run()
    before = database_state()
    second = CourseImporter(folder)
    second.run()
    assert second.counts == {}
    assert database_state() == before


def test_import_updates_what_changed_and_keeps_the_rest(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    CourseImporter(folder).run()
    topic_file = folder / "modules/01-foundations/01-clusters/02-enabling-technologies.yaml"
    topic_file.write_text(topic_file.read_text().replace("estimated_minutes: 70", "estimated_minutes: 90"))
    importer = CourseImporter(folder)
    importer.run()
    assert importer.counts == {"topic updated": 1}
    assert TopicPage.objects.get(locale__language_code="en", slug="enabling-technologies").estimated_minutes == 90


def empty_the_site():
    """Remove every course (in every language), snippet and media file."""
    for course in CoursePage.objects.all():
        course.delete()
    for model in (LearningOutcome, Expert, Partner, Competence, get_image_model(), get_document_model()):
        model.objects.all().delete()
    assert not CourseMedia.objects.exists()


def test_export_then_import_into_an_empty_site_then_export_gives_identical_files(tmp_path, home):
    CourseImporter(write_course_folder(tmp_path / "source")).run()
    call_command("export_course", "pilot-course", str(tmp_path / "first"))

    empty_the_site()

    call_command("import_course", str(tmp_path / "first"))
    call_command("export_course", "pilot-course", str(tmp_path / "second"))
    first, second = folder_files(tmp_path / "first"), folder_files(tmp_path / "second")
    assert first.keys() == second.keys()
    assert "media/images/value-chain.png" in first
    exercise = first["modules/01-foundations/01-clusters/02-enabling-technologies.yaml"].decode()
    assert "show_answers: attempt" in exercise  # a field added later gets its default
    assert [name for name in first if first[name] != second[name]] == []
    assert not filecmp.dircmp(tmp_path / "first", tmp_path / "second").diff_files


def refused_import(folder):
    before = database_state()
    with pytest.raises(CommandError) as error:
        call_command("import_course", str(folder))
    assert database_state() == before
    return str(error.value)


def test_a_broken_yaml_file_is_named_and_nothing_is_imported(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    (folder / "modules/01-foundations/01-clusters/02-enabling-technologies.yaml").write_text(
        "title: [unclosed\n"
    )
    message = refused_import(folder)
    assert "02-enabling-technologies.yaml" in message and "not valid YAML" in message
    assert not CoursePage.objects.exists()


def test_an_unknown_block_type_is_named_with_its_file(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    path = folder / "modules/01-foundations/01-clusters/01-what-a-cluster-is.yaml"
    path.write_text(path.read_text().replace("type: heading", "type: hologram"))
    message = refused_import(folder)
    assert "01-what-a-cluster-is.yaml" in message and "unknown block type 'hologram'" in message


def test_a_missing_media_file_is_named_and_nothing_is_imported(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    (folder / "media/images/value-chain.png").unlink()
    message = refused_import(folder)
    assert "media/images/value-chain.png" in message and "missing" in message


def test_an_invalid_block_value_stops_the_import_and_rolls_everything_back(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    path = folder / "modules/01-foundations/01-clusters/01-what-a-cluster-is.yaml"
    path.write_text(path.read_text().replace("alt_text: A value chain", "alt_text: ''"))
    message = refused_import(folder)
    assert "01-what-a-cluster-is.yaml" in message and "alt_text" in message
    assert not Partner.objects.exists() and not get_image_model().objects.exists()


def test_a_reference_to_an_unknown_author_is_refused(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    path = folder / "modules/01-foundations/01-clusters/02-enabling-technologies.yaml"
    path.write_text(path.read_text().replace("- eva-horvath", "- nobody"))
    assert "unknown experts: nobody" in refused_import(folder)


def test_a_folder_without_course_yaml_is_refused(tmp_path, home):
    write(tmp_path / "empty/partners.yaml", [])
    assert "course.yaml" in refused_import(tmp_path / "empty")
