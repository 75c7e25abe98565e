"""When the file store goes away: uploads fail clearly and leave nothing; pages still render.

Each test starts its own moto_server, points the storage at it, and stops it
mid-test, so the failure is a real refused connection, not a patched call.
"""

import json

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests import factories

pytestmark = pytest.mark.django_db


def test_an_admin_upload_while_the_store_is_down_says_so_and_saves_nothing(admin_client, own_s3_server):
    own_s3_server.stop()
    upload = SimpleUploadedFile("brief.pdf", b"%PDF-1.4 brief", content_type="application/pdf")
    response = admin_client.post("/admin/documents/add/", {"title": "Brief", "file": upload, "collection": 1})
    assert response.status_code == 503
    assert (
        "The file store is not answering or refused the file, so nothing was saved."
        in response.content.decode()
    )
    assert not get_document_model().objects.exists()


def test_an_image_upload_while_the_store_is_down_leaves_no_image(admin_client, own_s3_server):
    own_s3_server.stop()
    upload = SimpleUploadedFile("map.png", factories.png_bytes(), content_type="image/png")
    response = admin_client.post("/admin/images/add/", {"title": "Map", "file": upload, "collection": 1})
    assert response.status_code == 503
    assert not get_image_model().objects.exists()


def test_completing_a_large_upload_while_the_store_is_down_creates_no_document(admin_client, own_s3_server):
    started = admin_client.post(
        "/admin/files/large-upload/start/",
        json.dumps({"filename": "keynote.mp4", "size": 1000, "title": "Keynote", "collection": 1}),
        content_type="application/json",
    ).json()
    own_s3_server.stop()
    response = admin_client.post(
        "/admin/files/large-upload/complete/",
        json.dumps(
            {
                "token": started["token"],
                "parts": [{"PartNumber": 1, "ETag": '"x"', "ChecksumCRC32": "AAAAAA=="}],
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 503 and "Nothing was saved" in response.json()["error"]
    assert not get_document_model().objects.exists()


def test_learner_pages_still_render_while_the_store_is_down(client, own_s3_server):
    image = factories.image("Smart factory")
    track = factories.captions()
    worksheet = factories.document("Worksheet", "worksheet.pdf", b"%PDF-1.4 worksheet")
    worksheet.file_size = None  # its size must then be read from the store
    worksheet.save()
    topic = factories.topic_with(
        [
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "A smart factory floor", "caption": ""},
            },
            {"type": "video", "id": "v1", "value": factories.video_value(track=track)},
            {
                "type": "document",
                "value": {
                    "document": worksheet.pk,
                    "title": "",
                    "description": "",
                    "document_kind": "worksheet",
                },
            },
        ]
    )
    own_s3_server.stop()
    cache.clear()  # nothing cached: a full render while the store is away

    response = client.get(topic.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "A smart factory floor" in html  # the alternative text stands in for the image
    assert "<video" in html and "Worksheet" in html
    assert client.get(f"/captions/{track.pk}.vtt").status_code == 503
