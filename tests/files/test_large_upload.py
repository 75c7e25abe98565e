"""A large video goes from the browser straight to S3 in presigned parts; Django only signs.

The browser is played here by plain HTTP PUTs to the part URLs, as large_upload.js
sends them, to test the server's side in detail; tests/browser/test_large_upload.py
drives the JavaScript itself in Chromium.
"""

import base64
import json
import urllib.request
import zlib

import pytest
from wagtail.documents import get_document_model

from files import uploads

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def mp4_bytes(size):
    return (b"\0\0\0\x18ftypmp42" + bytes(range(256)) * (size // 256 + 1))[:size]


def post(client, name, data):
    return client.post(
        f"/admin/files/large-upload/{name}/", json.dumps(data), content_type="application/json"
    )


def crc32(data):
    return base64.b64encode(zlib.crc32(data).to_bytes(4, "big")).decode()


def put_part(client, token, number, data):
    """What large_upload.js does for a part: checksum it, have Django sign it, PUT it to S3."""
    checksum = crc32(data)
    signed = post(client, "sign", {"token": token, "part": number, "crc32": checksum})
    assert signed.status_code == 200, signed.content
    signed = signed.json()
    headers = {"Content-Type": "application/octet-stream", **signed["headers"]}
    request = urllib.request.Request(signed["url"], data=data, method="PUT", headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return {"PartNumber": number, "ETag": response.headers["ETag"], "ChecksumCRC32": checksum}


def upload(client, content, name="keynote.mp4", title="Keynote"):
    started = post(client, "start", {"filename": name, "size": len(content), "title": title, "collection": 1})
    assert started.status_code == 201, started.content
    plan = started.json()
    parts = []
    for number in range(1, plan["parts"] + 1):
        chunk = content[(number - 1) * plan["part_size"] : number * plan["part_size"]]
        parts.append(put_part(client, plan["token"], number, chunk))
    return plan, parts


def test_a_video_in_several_parts_becomes_a_document_only_when_complete(admin_client, s3_bucket, monkeypatch):
    monkeypatch.setattr(uploads, "PART_SIZE", 5 * MB)
    content = mp4_bytes(11 * MB)
    plan, parts = upload(admin_client, content)
    assert plan["parts"] == 3
    assert not get_document_model().objects.exists()  # nothing before completion

    done = post(admin_client, "complete", {"token": plan["token"], "parts": parts})
    assert done.status_code == 201, done.content
    document = get_document_model().objects.get(pk=done.json()["document"])
    assert document.title == "Keynote" and document.file_size == len(content)
    client, bucket = s3_bucket
    assert client.head_object(Bucket=bucket, Key=document.file.name)["ContentLength"] == len(content)


def test_a_file_that_is_not_a_video_is_refused_at_completion_and_removed_from_the_bucket(
    admin_client, s3_bucket
):
    content = b"<html><script>alert('x')</script></html>" + bytes(1000)
    plan, parts = upload(admin_client, content, name="trailer.mp4")
    done = post(admin_client, "complete", {"token": plan["token"], "parts": parts})
    assert done.status_code == 400 and "web page or SVG" in done.json()["error"]
    assert not get_document_model().objects.exists()
    client, bucket = s3_bucket
    key = uploads.read_token(plan["token"], _admin())["key"]
    with pytest.raises(client.exceptions.ClientError):
        client.head_object(Bucket=bucket, Key=key)


def _admin():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="admin")


def test_completing_with_missing_parts_is_refused(admin_client, s3_bucket, monkeypatch):
    monkeypatch.setattr(uploads, "PART_SIZE", 5 * MB)
    plan, parts = upload(admin_client, mp4_bytes(6 * MB))
    done = post(admin_client, "complete", {"token": plan["token"], "parts": parts[:1]})
    assert done.status_code == 400 and "missing parts" in done.json()["error"]
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("request_data", "message"),
    [
        ({"filename": "virus.exe", "size": 10, "collection": 1}, "not accepted here"),
        ({"filename": "page.svg", "size": 10, "collection": 1}, "could run scripts"),
        ({"filename": "clip.mp4", "size": 99 * 1024**4, "collection": 1}, "may be at most"),
        ({"filename": "clip.mp4", "size": "big", "collection": 1}, "size is missing"),
        ({"filename": "clip.mp4", "size": 10, "collection": 999}, "Choose a collection"),
    ],
)
def test_a_bad_start_is_a_400_with_a_message(admin_client, s3_bucket, request_data, message):
    response = post(admin_client, "start", request_data)
    assert response.status_code == 400 and message in response.json()["error"]


@pytest.mark.parametrize(
    ("part", "checksum", "message"),
    [
        (0, "AAAAAA==", "does not exist"),
        (2, "AAAAAA==", "does not exist"),
        (1, "not-a-crc", "CRC32 in base64"),
    ],
)
def test_a_part_is_signed_only_for_this_upload_and_with_its_checksum(
    admin_client, s3_bucket, part, checksum, message
):
    plan = post(admin_client, "start", {"filename": "clip.mp4", "size": 1000, "collection": 1}).json()
    response = post(admin_client, "sign", {"token": plan["token"], "part": part, "crc32": checksum})
    assert response.status_code == 400 and message in response.json()["error"]


def test_a_signed_part_url_binds_the_checksum_s3_will_verify(admin_client, s3_bucket):
    plan = post(admin_client, "start", {"filename": "clip.mp4", "size": 1000, "collection": 1}).json()
    signed = post(admin_client, "sign", {"token": plan["token"], "part": 1, "crc32": "AAAAAA=="}).json()
    assert "x-amz-checksum-crc32" in signed["url"].lower()  # among the signed headers
    assert signed["headers"] == {"x-amz-checksum-crc32": "AAAAAA==", "x-amz-sdk-checksum-algorithm": "CRC32"}


def test_a_forged_token_is_refused(admin_client, s3_bucket):
    response = post(admin_client, "complete", {"token": "forged", "parts": []})
    assert response.status_code == 400 and "unknown or has expired" in response.json()["error"]


def test_only_editors_who_may_add_documents_can_start_an_upload(client, django_user_model, s3_bucket):
    client.force_login(django_user_model.objects.create_user("learner", password="pw"))
    response = post(client, "start", {"filename": "clip.mp4", "size": 10, "collection": 1})
    assert response.status_code in (302, 403)


def test_the_upload_page_offers_the_uploader(admin_client, s3_bucket):
    html = admin_client.get("/admin/files/large-upload/").content.decode()
    assert 'id="large-upload"' in html and "large_upload.js" in html
