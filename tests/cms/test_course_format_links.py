"""Links inside rich text travel between sites: pages by their address in the course,
documents by their media path, never by database id."""

import pytest
import yaml
from django.core.management import call_command
from wagtail.documents import get_document_model

from cms.course_format import CourseFormatError
from cms.course_format.importer import CourseImporter
from cms.models import TopicPage
from tests import factories
from tests.cms.course_folder import write_course_folder
from tests.cms.test_course_format import empty_the_site, folder_files

pytestmark = pytest.mark.django_db

FIRST = "modules/01-foundations/01-clusters/01-what-a-cluster-is.yaml"
SECOND = "modules/01-foundations/01-clusters/02-enabling-technologies.yaml"
BACKWARD = (
    '<p>Read <a linktype="page" id="/foundations/clusters/what-a-cluster-is/">what a cluster is</a>'
    ' and print <a linktype="document" id="media/documents/checklist.pdf">the checklist</a>.</p>'
)
FORWARD = (
    '<p>Next: <a linktype="page" id="/foundations/clusters/enabling-technologies/">technologies</a>.</p>'
)


def add_paragraph(path, html):
    text = path.read_text()
    marker = "body:\n"
    path.write_text(text.replace(marker, f"{marker}- type: rich_text\n  value: '{html}'\n", 1))


def topic(slug):
    return TopicPage.objects.get(locale__language_code="en", slug=slug)


def first_block(files, name):
    return yaml.safe_load(files[name])["body"][0]["value"]


def test_page_and_document_links_in_rich_text_round_trip_into_an_empty_site(tmp_path, home, client):
    source = write_course_folder(tmp_path / "source")
    add_paragraph(source / SECOND, BACKWARD)
    add_paragraph(source / FIRST, FORWARD)  # to a page the import has not reached yet
    CourseImporter(source).run()
    call_command("export_course", "pilot-course", str(tmp_path / "first"))
    first = folder_files(tmp_path / "first")
    assert first_block(first, SECOND) == BACKWARD and first_block(first, FIRST) == FORWARD

    empty_the_site()
    factories.document("Filler", "filler.pdf")  # new ids differ from the old ones
    call_command("import_course", str(tmp_path / "first"))

    second_topic = topic("enabling-technologies")
    stored = second_topic.body[0].value["text"].source
    checklist = get_document_model().objects.get(title="Readiness checklist")
    assert f'<a linktype="page" id="{topic("what-a-cluster-is").pk}">' in stored
    assert f'<a linktype="document" id="{checklist.pk}">' in stored
    html = client.get(second_topic.url).content.decode()
    assert f'href="{topic("what-a-cluster-is").url}"' in html and f'href="{checklist.url}"' in html
    forward = topic("what-a-cluster-is").body[0].value["text"].source
    assert f'id="{second_topic.pk}"' in forward

    call_command("export_course", "pilot-course", str(tmp_path / "second"))
    assert folder_files(tmp_path / "second") == first


def test_a_link_to_a_page_the_folder_does_not_have_is_refused_with_its_file_and_place(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    add_paragraph(folder / SECOND, '<p><a linktype="page" id="/foundations/nowhere/">Gone</a></p>')
    with pytest.raises(CourseFormatError) as error:
        CourseImporter(folder).run()
    assert str(error.value).startswith(
        f"{SECOND}: body[0].rich_text: links to the page '/foundations/nowhere/', which is not in this course folder"
    )


def test_a_database_id_left_in_a_document_link_is_refused(tmp_path, home):
    folder = write_course_folder(tmp_path / "course")
    add_paragraph(folder / SECOND, '<p><a linktype="document" id="12">Checklist</a></p>')
    with pytest.raises(CourseFormatError) as error:
        CourseImporter(folder).run()
    assert f"{SECOND}: body[0].rich_text: expected a path under media/documents/" in str(error.value)


def test_a_link_to_a_page_outside_the_course_is_exported_as_an_ordinary_link(tmp_path, home):
    other = factories.course(modules=1, lessons=1, topics=1, slug="other-course")
    folder = write_course_folder(tmp_path / "course")
    CourseImporter(folder).run()
    page = topic("enabling-technologies")
    body = [dict(block) for block in page.body.raw_data]
    body[0]["value"] = f'<p>See <a linktype="page" id="{other.pk}">the other course</a>.</p>'
    page.body = body
    page.save_revision().publish()

    call_command("export_course", "pilot-course", str(tmp_path / "export"))
    written = first_block(folder_files(tmp_path / "export"), SECOND)
    assert written == f'<p>See <a href="{other.get_full_url()}">the other course</a>.</p>'
    assert other.get_full_url().startswith("http")
