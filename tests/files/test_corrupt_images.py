"""A broken image is refused with a form error on both of the admin's image upload views."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model


def truncated_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "teal").save(buffer, "JPEG")
    return buffer.getvalue()[:200]  # the header survives, the picture does not


def png_claiming_a_huge_size() -> bytes:
    """A PNG header for 100000×100000 pixels with no picture data behind it."""
    header = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return (
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    )


BROKEN = [("poster.jpg", truncated_jpeg, "image/jpeg"), ("poster.png", png_claiming_a_huge_size, "image/png")]


@pytest.mark.django_db
@pytest.mark.parametrize("name, content, content_type", BROKEN)
def test_the_single_image_form_refuses_a_broken_image_with_a_form_error(
    admin_client, name, content, content_type
):
    upload = SimpleUploadedFile(name, content(), content_type=content_type)
    response = admin_client.post("/admin/images/add/", {"title": "Poster", "file": upload, "collection": 1})
    assert response.status_code == 200
    assert "could not be read as an image" in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name, content, content_type", BROKEN)
def test_the_multiple_upload_refuses_a_broken_image_with_a_message(admin_client, name, content, content_type):
    upload = SimpleUploadedFile(name, content(), content_type=content_type)
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload, "collection": 1},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "could not be read as an image" in response.json()["error_message"]
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_a_sound_image_is_still_stored(admin_client):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(buffer, "PNG")
    upload = SimpleUploadedFile("poster.png", buffer.getvalue(), content_type="image/png")
    response = admin_client.post("/admin/images/add/", {"title": "Poster", "file": upload, "collection": 1})
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 64
