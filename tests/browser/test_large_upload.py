"""An editor uploads a large video from the admin: Chromium runs large_upload.js against
the real S3 endpoint (moto_server), part by part, with the bucket's CORS rules in place.

The only thing staged is one network failure: the first PUT of part 1 is cut off by the
browser's request routing, to see the uploader send the part again.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model

from files import s3

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MB = 1024 * 1024
CORS_RULES = {  # what docs/storage.md asks an administrator to set on the bucket
    "CORSRules": [
        {
            "AllowedOrigins": ["*"],
            "AllowedMethods": ["PUT", "GET", "HEAD"],
            "AllowedHeaders": ["*"],
            "ExposeHeaders": ["ETag"],
        }
    ]
}


@pytest.fixture
def bucket_for_browsers():
    if not s3.is_configured():
        pytest.skip("browser uploads need S3 storage (the default test settings start moto_server)")
    client, bucket = s3.client(), s3.bucket_name()
    client.put_bucket_cors(Bucket=bucket, CORSConfiguration=CORS_RULES)
    yield client, bucket
    client.delete_bucket_cors(Bucket=bucket)


def test_an_editor_uploads_a_video_in_parts_from_the_admin_and_a_failed_part_is_sent_again(
    page, live_server, bucket_for_browsers, tmp_path
):
    from tests import factories

    factories.ensure_initial_data()
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-password")
    video = tmp_path / "keynote.mp4"
    video.write_bytes((b"\0\0\0\x18ftypmp42" + bytes(range(256)) * (21 * MB // 256))[: 21 * MB])  # two parts

    cut_off = []

    def fail_first_put_of_part_one(route):
        request = route.request
        if request.method == "PUT" and "partNumber=1&" in request.url + "&" and not cut_off:
            cut_off.append(request.url)
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route("**/lectern-test/**", fail_first_put_of_part_one)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_role("button", name="Sign in").click()
    page.goto(live_server.url + "/admin/files/large-upload/")

    page.set_input_files("#lu-file", str(video))
    page.fill("#lu-title", "Keynote: clusters and Industry 4.0")
    page.get_by_role("button", name="Upload", exact=True).click()
    status = page.locator("#lu-status")
    status.get_by_text("Upload complete").wait_for(timeout=60_000)

    assert cut_off, "the staged failure never happened"
    assert page.locator("#lu-progress").get_attribute("value") == "100"
    document = get_document_model().objects.get(title="Keynote: clusters and Industry 4.0")
    assert document.file_size == 21 * MB
    client, bucket = bucket_for_browsers
    assert client.head_object(Bucket=bucket, Key=document.file.name)["ContentLength"] == 21 * MB
    assert status.get_by_role("link", name="Keynote: clusters and Industry 4.0").is_visible()
