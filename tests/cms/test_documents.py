"""Serving documents from local disk (the demo): byte ranges for seekable video.

On S3 the document view redirects to a presigned URL and S3 answers ranges itself
(tests/files/test_s3_storage.py).
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db

CONTENT = bytes(range(256)) * 4  # 1,024 bytes


@pytest.fixture
def local_files(settings, tmp_path):
    """The demo's set-up: files on local disk, served through Django with ranges."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def video(local_files):
    return factories.document("Clip", "clip.mp4", CONTENT)


def get(client, document, **headers):
    return client.get(document.url, **headers)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_byte_range_is_answered_with_206_and_only_those_bytes(client, video):
    response = get(client, video, HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert response["Content-Range"] == "bytes 100-199/1024"
    assert body(response) == CONTENT[100:200]


def test_open_and_suffix_ranges_are_understood(client, video):
    assert body(get(client, video, HTTP_RANGE="bytes=1000-")) == CONTENT[1000:]
    assert body(get(client, video, HTTP_RANGE="bytes=-24")) == CONTENT[-24:]


def test_a_range_outside_the_file_is_416(client, video):
    response = get(client, video, HTTP_RANGE="bytes=5000-6000")
    assert response.status_code == 416 and response["Content-Range"] == "bytes */1024"


def test_a_whole_file_request_says_ranges_are_accepted(client, video):
    response = get(client, video)
    assert response.status_code == 200 and response["Accept-Ranges"] == "bytes"
    assert body(response) == CONTENT


def test_a_range_request_does_not_bypass_a_private_collection(client, video):
    factories.ensure_initial_data()
    private = Collection.get_first_root_node().add_child(name="Partners only")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Partner editors"))
    video.collection = private
    video.save()
    response = get(client, video, HTTP_RANGE="bytes=0-99")
    assert response.status_code == 302 and "login" in response["Location"]
