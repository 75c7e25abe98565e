import filecmp
import json
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

from cms.course_format import CourseFormatError
from cms.course_format.importer import CourseImporter
from cms.models import (
    Competence,
    CourseMedia,
    CoursePage,
    Expert,
    LearningOutcome,
    Partner,
    TopicAuthor,
    TopicPage,
)
from tests.cms.course_folder import write, write_course_folder
from tests.factories import png_bytes

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


def test_authors_keep_the_order_of_their_file(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    experts = yaml.safe_load((folder / "experts.yaml").read_text())
    experts.append({"key": "ana-lopez", "name": "Ana López", "role": "Researcher", "partner": "duna-cluster"})
    (folder / "experts.yaml").write_text(yaml.safe_dump(experts, allow_unicode=True))
    topic_file = folder / "modules/01-foundations/01-clusters/02-enabling-technologies.yaml"
    topic_file.write_text(topic_file.read_text().replace("- eva-horvath", "- ana-lopez\n- eva-horvath"))
    CourseImporter(folder).run()
    topic = TopicPage.objects.get(slug="enabling-technologies", locale__language_code="en")
    links = list(topic.authors.order_by("sort_order").values_list("expert__key", "sort_order"))
    assert links == [("ana-lopez", 0), ("eva-horvath", 1)]  # never two rows without an order
    revisions = topic.revisions.count()
    CourseImporter(folder).run()
    assert topic.revisions.count() == revisions


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


# damaged media and failures while writing ------------------------------------------


def test_a_corrupt_image_is_named_and_nothing_is_imported(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    (folder / "media/images/value-chain.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    message = refused_import(folder)
    assert "media/images/value-chain.png: not a readable image" in message
    assert not CoursePage.objects.exists()


def test_a_caption_file_that_is_not_webvtt_is_named_with_the_line_at_fault(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    (folder / "media/captions").mkdir()
    (folder / "media/captions/intro.en.vtt").write_text(
        "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBackwards.\n"
    )
    media = yaml.safe_load((folder / "media.yaml").read_text())
    write(folder / "media.yaml", [*media, {"path": "media/captions/intro.en.vtt", "title": "Captions"}])
    message = refused_import(folder)
    assert "media/captions/intro.en.vtt: not a valid WebVTT caption file: line 3" in message


def site_snapshot():
    """Everything an import writes, down to ids and revisions, as comparable values."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "path",
                "url_path",
                "slug",
                "title",
                "live",
                "latest_revision_id",
                "locale_id",
                "alias_of_id",
            )
        ),
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", "object_id", "content")),
        "topics": list(TopicPage.objects.order_by("pk").values_list("pk", "estimated_minutes", "body")),
        "authors": list(TopicAuthor.objects.order_by("pk").values_list("pk", "page_id", "expert_id")),
        "log": PageLogEntry.objects.count(),
        "snippets": [
            list(model.objects.order_by("pk").values())
            for model in (Partner, Expert, Competence, LearningOutcome, CourseMedia)
        ],
        "media": [
            list(get_image_model().objects.order_by("pk").values_list("pk", "title", "file")),
            list(get_document_model().objects.order_by("pk").values_list("pk", "title", "file")),
        ],
    }


def test_an_unexpected_failure_names_the_file_and_leaves_an_existing_course_exactly_as_it_was(
    tmp_path, home, monkeypatch
):
    folder = write_course_folder(tmp_path / "course")
    CourseImporter(folder).run()
    before = site_snapshot()

    # Changes that are written before the failure: all of them must be rolled back.
    write(folder / "partners.yaml", [{"key": "duna-cluster", "name": "Duna Cluster Kft.", "country": "HU"}])
    (folder / "media/images/value-chain.png").write_bytes(png_bytes(colour=(200, 30, 30)))
    first = folder / "modules/01-foundations/01-clusters/01-what-a-cluster-is.yaml"
    first.write_text(first.read_text().replace("estimated_minutes: 50", "estimated_minutes: 55"))
    second = folder / "modules/01-foundations/01-clusters/02-enabling-technologies.yaml"
    second.write_text(second.read_text().replace("estimated_minutes: 70", "estimated_minutes: 75"))
    full_clean = TopicPage.full_clean

    def failing_full_clean(page, *args, **kwargs):
        if page.slug == "enabling-technologies":
            raise RuntimeError("the disk is on fire")
        return full_clean(page, *args, **kwargs)

    monkeypatch.setattr(TopicPage, "full_clean", failing_full_clean)
    with pytest.raises(CourseFormatError) as error:
        CourseImporter(folder).run()
    assert str(error.value) == (
        "modules/01-foundations/01-clusters/02-enabling-technologies.yaml: "
        "could not be written: RuntimeError: the disk is on fire"
    )
    assert isinstance(error.value.__cause__, RuntimeError)
    assert site_snapshot() == before


# JSON files -----------------------------------------------------------------------------

FIRST_TOPIC = "modules/01-foundations/01-clusters/01-what-a-cluster-is.yaml"


def as_json(path: Path) -> Path:
    target = path.with_suffix(".json")
    target.write_text(json.dumps(yaml.safe_load(path.read_text()), ensure_ascii=False, indent=2))
    path.unlink()
    return target


def test_json_files_are_read_like_yaml_files_and_exports_stay_yaml(tmp_path, home):
    json_folder = write_course_folder(tmp_path / "json")
    for name in ("course.yaml", "partners.yaml", "modules/01-foundations/module.yaml", FIRST_TOPIC):
        as_json(json_folder / name)
    CourseImporter(json_folder).run()

    same_in_yaml = CourseImporter(write_course_folder(tmp_path / "yaml"))
    same_in_yaml.run()
    assert same_in_yaml.counts == {}  # the same course, block ids included

    call_command("export_course", "pilot-course", str(tmp_path / "export"))
    names = folder_files(tmp_path / "export")
    assert FIRST_TOPIC in names and "course.yaml" in names
    assert not [name for name in names if name.endswith(".json")]


def test_a_yaml_and_a_json_file_for_the_same_item_are_refused_by_name(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    (folder / FIRST_TOPIC).with_suffix(".json").write_text('{"slug": "twin", "title": "Twin"}')
    message = refused_import(folder)
    assert f"{FIRST_TOPIC}: {Path(FIRST_TOPIC).with_suffix('.json')} describes the same item" in message


def test_a_broken_json_file_is_named_with_the_place_of_the_error(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    as_json(folder / "course.yaml").write_text('{"slug": "pilot-course",\n "title": }')
    assert "course.json: is not valid JSON (line 2, column 11)" in refused_import(folder)
