import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from files.validation import UploadRefused, check_upload, safe_filename

MP4_HEAD = b"\0\0\0\x18ftypmp42" + bytes(100)


@pytest.mark.parametrize(
    ("name", "head", "message"),
    [
        ("slides.svg", b"<svg xmlns=...>", "could run scripts"),
        ("page.html", b"<html>", "could run scripts"),
        ("notes.txt", b"<!DOCTYPE html><script>alert(1)</script>", "web page or SVG"),
        ("report.pdf", b"<html><body>not a pdf", "web page or SVG"),
        ("report.pdf", b"PK\x03\x04 a zip", "content is not a .pdf file"),
        ("clip.mp4", b"RIFF....AVI ", "content is not a .mp4 file"),
        ("captions.vtt", b"1\n00:00:01,000 --> 00:00:02,000\n", "content is not a .vtt file"),
        ("data.csv", b"a,b\n\x00\x01", "not plain UTF-8 text"),
        ("tool.exe", b"MZ", "not accepted here"),
    ],
)
def test_a_file_whose_content_does_not_match_is_refused_with_the_reason(name, head, message):
    with pytest.raises(UploadRefused, match=message):
        check_upload(name, 1000, head)


def test_files_whose_content_matches_are_accepted():
    assert check_upload("clip.mp4", 10_000, MP4_HEAD).name == "video"
    assert check_upload("worksheet.pdf", 10_000, b"%PDF-1.7 ...").name == "document"
    assert check_upload("template.docx", 10_000, b"PK\x03\x04...").name == "document"
    assert check_upload("captions.vtt", 100, b"WEBVTT\n\n").name == "caption"


def test_size_limits_depend_on_the_kind(settings):
    settings.LECTERN_UPLOAD_LIMITS = {"document": 1000, "video": 5000}
    with pytest.raises(UploadRefused, match="document files may be at most 1000"):
        check_upload("big.pdf", 1001, b"%PDF-")
    assert check_upload("clip.mp4", 4000, MP4_HEAD)
    with pytest.raises(UploadRefused, match="empty"):
        check_upload("empty.pdf", 0, b"%PDF-")


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\Éva\\Présentation finale (v2).PDF", "Presentation-finale-v2.pdf"),
        ("Κύκλος ζωής.pdf", "document.pdf"),
        ("a b;rm -rf.mp4", "a-b-rm-rf.mp4"),
        (".htaccess", "document.htaccess"),  # never a hidden file; its extension is then refused
    ],
)
def test_file_names_are_made_safe(given, safe):
    assert safe_filename(given, "document") == safe


@pytest.mark.django_db
def test_the_admin_refuses_a_disguised_upload_and_says_why(admin_client):
    fake = SimpleUploadedFile(
        "Annual report.pdf", b"<html><script>steal()</script></html>", content_type="application/pdf"
    )
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Annual report", "file": fake, "collection": 1}
    )
    assert response.status_code == 200
    assert "web page or SVG image, which could carry scripts" in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_the_admin_stores_a_good_upload_under_a_safe_name(admin_client):
    upload = SimpleUploadedFile(
        "Roadmap canvas (final).pdf", b"%PDF-1.4 roadmap", content_type="application/pdf"
    )
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Roadmap canvas", "file": upload, "collection": 1}
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert document.filename.startswith("Roadmap-canvas-final") and document.filename.endswith(".pdf")
