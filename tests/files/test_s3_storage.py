"""Files live in S3: reached through boto3/django-storages, private, handed out presigned."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests import factories
from tests.files.conftest import fetch

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"worksheet " * 100 + b"\n%%EOF\n"


def test_an_uploaded_document_is_stored_in_the_bucket_and_not_publicly_readable(s3_bucket, settings):
    client, bucket = s3_bucket
    document = factories.document("Worksheet", "worksheet.pdf", PDF)
    stored = client.get_object(Bucket=bucket, Key=document.file.name)["Body"].read()
    assert stored == PDF
    grants = client.get_object_acl(Bucket=bucket, Key=document.file.name)["Grants"]
    assert not [g for g in grants if "AllUsers" in g["Grantee"].get("URI", "")]
    if settings.AWS_S3_ENDPOINT_URL:
        status, _body, _headers = fetch(f"{settings.AWS_S3_ENDPOINT_URL}/{bucket}/{document.file.name}")
        assert status == 403  # the raw object URL, unsigned


def test_images_and_their_renditions_go_to_the_bucket(s3_bucket):
    client, bucket = s3_bucket
    image = factories.image()
    rendition = image.get_rendition("width-800")
    for key in (image.file.name, rendition.file.name):
        assert client.head_object(Bucket=bucket, Key=key)["ContentLength"] > 0


def test_a_learner_gets_a_short_lived_presigned_url_that_serves_the_file_and_ranges(
    s3_bucket, client, settings
):
    document = factories.document("Clip", "clip.mp4", b"\0\0\0\x18ftypmp42" + bytes(2000))
    response = client.get(document.url)
    assert response.status_code == 302
    location = response["Location"]
    query = parse_qs(urlparse(location).query)
    assert query["X-Amz-Expires"] == [str(settings.AWS_QUERYSTRING_EXPIRE)] and "X-Amz-Signature" in query
    status, body, _ = fetch(location)
    assert status == 200 and body.startswith(b"\0\0\0\x18ftyp")
    status, body, headers = fetch(location, Range="bytes=4-7")
    assert status == 206 and body == b"ftyp"


def private_topic_using(document):
    """A published topic, visible to logged-in learners only, that offers the document."""
    value = {"document": document.pk, "title": "", "description": "", "document_kind": "worksheet"}
    topic = factories.topic_with([{"type": "document", "value": value}])
    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)
    return topic


def restricted_collection():
    factories.ensure_initial_data()
    collection = Collection.get_first_root_node().add_child(name="Partners only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    group = Group.objects.create(name="Partner learners")
    restriction.groups.add(group)
    return collection, group


def test_a_document_in_a_restricted_collection_is_only_handed_to_those_allowed(
    s3_bucket, client, django_user_model
):
    collection, group = restricted_collection()
    document = factories.document("Partner brief", "brief.pdf", PDF)
    document.collection = collection
    document.save()

    anonymous = client.get(document.url)
    assert (
        anonymous.status_code == 302
        and "X-Amz" not in anonymous["Location"]
        and "login" in anonymous["Location"]
    )

    outsider = django_user_model.objects.create_user("outsider", password="pw")
    client.force_login(outsider)
    assert "X-Amz" not in client.get(document.url).get("Location", "")

    member = django_user_model.objects.create_user("member", password="pw")
    member.groups.add(group)
    client.force_login(member)
    assert "X-Amz-Signature" in client.get(document.url)["Location"]


def test_a_document_used_only_on_a_private_page_is_private_too(s3_bucket, client, django_user_model):
    document = factories.document("Private worksheet", "private.pdf", PDF)
    private_topic_using(document)

    response = client.get(document.url)
    assert response.status_code == 302 and "X-Amz" not in response["Location"]
    client.force_login(django_user_model.objects.create_user("learner", password="pw"))
    assert "X-Amz-Signature" in client.get(document.url)["Location"]


def test_a_document_also_used_on_a_public_page_stays_public(s3_bucket, client):
    document = factories.document("Shared checklist", "shared.pdf", PDF)
    value = {"document": document.pk, "title": "", "description": "", "document_kind": "pdf"}
    private = factories.topic_with([{"type": "document", "value": value}])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    factories.topic_with([{"type": "document", "value": value}])
    assert "X-Amz-Signature" in client.get(document.url)["Location"]


def test_caption_tracks_are_served_from_the_site_itself(s3_bucket, client):
    track = factories.captions()
    topic = factories.topic_with([{"type": "video", "id": "v1", "value": factories.video_value(track=track)}])
    html = client.get(topic.url).content.decode()
    src = re.search(r'<track kind="captions"[^>]*src="([^"]+)"', html).group(1)
    assert src == f"/captions/{track.pk}.vtt"
    response = client.get(src)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/vtt")
    assert response.content.startswith(b"WEBVTT")


def test_a_learner_sent_to_log_in_for_a_private_file_gets_it_after_logging_in(
    s3_bucket, client, django_user_model
):
    document = factories.document("Private worksheet", "private.pdf", PDF)
    private_topic_using(document)
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(
        "learner", "learner@example.org", password="a-long-pass-phrase"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    login_url = client.get(document.url)["Location"]
    assert login_url.startswith("/en/accounts/login/") and client.get(login_url).status_code == 200
    next_url = parse_qs(urlparse(login_url).query)["next"][0]
    response = client.post(
        "/en/accounts/login/", {"login": "learner", "password": "a-long-pass-phrase", "next": next_url}
    )
    assert response["Location"] == document.url
    assert "X-Amz-Signature" in client.get(document.url)["Location"]


def test_a_course_export_is_written_to_the_bucket_as_a_private_zip(s3_bucket, settings, capsys):
    import io
    import zipfile

    from django.core.management import call_command

    client, bucket = s3_bucket
    course = factories.course(modules=1, lessons=1, topics=2)
    call_command("export_course", course.slug, "--to-storage")
    name = re.search(r"as (exports/\S+\.zip)", capsys.readouterr().out).group(1)
    archive = zipfile.ZipFile(io.BytesIO(client.get_object(Bucket=bucket, Key=name)["Body"].read()))
    files = set(archive.namelist())
    assert f"{course.slug}/course.yaml" in files
    assert sum(1 for f in files if f.startswith(f"{course.slug}/modules/") and f.endswith(".yaml")) == 4
    grants = client.get_object_acl(Bucket=bucket, Key=name)["Grants"]
    assert not [g for g in grants if "AllUsers" in g["Grantee"].get("URI", "")]
