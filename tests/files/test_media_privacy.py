"""Files on local disk are served through the same privacy checks as pages, in every setting."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_files(settings, tmp_path):
    """The demo's set-up: uploaded files kept in MEDIA_ROOT on this server's disk."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def topic_with_video(local_files):
    poster = factories.image("Poster")
    track = factories.captions()
    video = factories.video_value(poster=poster.pk, track=track)
    topic = factories.topic_with([{"type": "video", "value": video}])
    return topic, poster, track


def make_private(topic):
    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)


def media(name):
    return f"/media/{name}"


def test_a_private_topics_caption_file_is_not_served_to_a_visitor(client, topic_with_video):
    topic, _poster, track = topic_with_video
    make_private(topic)
    response = client.get(media(track.file.name), follow=True)
    assert response.redirect_chain and "/accounts/login/" in response.redirect_chain[-1][0]
    assert b"WEBVTT" not in response.content


def test_a_private_topics_poster_and_its_renditions_are_not_served_to_a_visitor(client, topic_with_video):
    topic, poster, _track = topic_with_video
    make_private(topic)
    rendition = poster.get_rendition("width-800")
    for name in (poster.file.name, rendition.file.name):
        response = client.get(media(name))
        assert response.status_code == 302
        assert response["Location"].split("?")[0].endswith("/accounts/login/")


def test_a_learner_who_may_see_the_topic_gets_its_poster(client, topic_with_video):
    topic, poster, _track = topic_with_video
    make_private(topic)
    client.force_login(get_user_model().objects.create_user("learner", "l@example.org", "pw"))
    response = client.get(media(poster.file.name))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_files_of_public_pages_are_served_to_everyone(client, topic_with_video):
    _topic, poster, track = topic_with_video
    assert client.get(media(poster.file.name)).status_code == 200
    response = client.get(media(track.file.name), follow=True)
    assert response.status_code == 200
    assert b"WEBVTT" in b"".join(response.streaming_content)


def test_files_that_are_not_course_files_are_never_served(client, local_files):
    name = default_storage.save("exports/course/course.zip", ContentFile(b"PK\x03\x04 export"))
    assert client.get(media(name)).status_code == 404
    assert client.get(media("../settings.py")).status_code == 404
