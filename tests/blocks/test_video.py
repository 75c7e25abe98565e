import json
import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from blocks.video import VideoBlock
from tests import factories

pytestmark = pytest.mark.django_db

ANCHOR = "video-additive-manufacturing-in-five-minutes"

TAGGED_VTT = """WEBVTT

00:00:00.000 --> 00:00:03.600
<v Ana>Additive manufacturing</v> builds parts &amp; tools.

00:00:03.600 --> 00:00:07.000
It pays off for <i>complex</i> parts.

00:00:07.000 --> 00:00:11.000
Count post-processing.
"""

MALFORMED_VTT = """WEBVTT

00:00:00.000 --> 00:00:03.000
Additive manufacturing builds parts layer by layer.

00:00:03.000 --> 00:00:7.000
It pays off for complex, low-volume parts.
"""


class Links(HTMLParser):
    """(href, text) of every link, with entities decoded, as a browser reads them."""

    def __init__(self, html):
        super().__init__()
        self.links, self._open = [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = [dict(attrs).get("href"), ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self.links.append((self._open[0], " ".join(self._open[1].split())))
            self._open = None


def moment(href):
    """A seek link as (seconds, block id, fragment): '?t=3.500&v=…#video-…' is 3.5 seconds."""
    parts = urlsplit(href)
    query = parse_qs(parts.query)
    assert not parts.path and set(query) == {"t", "v"}, href
    return float(query["t"][0]), query["v"][0], parts.fragment


def video_topic(**extra):
    return factories.topic_with([{"type": "video", "value": factories.video_value(**extra)}])


def section(html):
    return re.search(r'<section class="video".*?</section>', html, re.S).group(0)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_video_plays_in_a_native_player_with_its_source_and_default_english_captions(client):
    topic = video_topic()
    video = get_document_model().objects.get(title="Additive manufacturing")
    html = section(get(client, topic.url))
    player = re.search(r"<video\b[^>]*>(.*?)</video>", html, re.S)
    assert player and " controls" in player.group(0).split(">")[0]
    assert f'<source src="{video.url}">' in player.group(1)
    [track_tag] = re.findall(r"<track\b[^>]*>", player.group(1))
    assert 'kind="captions"' in track_tag and 'srclang="en"' in track_tag and 'label="English"' in track_tag
    assert re.search(r"\sdefault\b", track_tag)
    # the browser loads the track from the src it is given: it must be the caption file, as WebVTT
    track = client.get(unescape(re.search(r'src="([^"]+)"', track_tag).group(1)))
    assert track.status_code == 200 and track["Content-Type"].startswith("text/vtt")
    body = b"".join(track.streaming_content) if track.streaming else track.content
    assert body == factories.VTT.encode()
    assert f'<h2 id="{ANCHOR}">Additive manufacturing in five minutes</h2>' in html
    assert "Duration 0:11" in html and "Captions: English" in html


def test_the_transcript_lists_every_cue_as_a_link_to_its_moment(client):
    topic = video_topic(track=factories.captions(TAGGED_VTT))
    block_id = topic.body[0].id
    html = section(get(client, topic.url))
    transcript = re.search(r'<ol class="transcript__cues">.*?</ol>', html, re.S).group(0)
    assert [(moment(href), text) for href, text in Links(transcript).links] == [
        ((0.0, block_id, ANCHOR), "0:00 Additive manufacturing builds parts & tools."),
        ((3.6, block_id, ANCHOR), "0:03 It pays off for complex parts."),
        ((7.0, block_id, ANCHOR), "0:07 Count post-processing."),
    ]
    assert "<v Ana>" not in html and "&lt;v" not in html  # the voice tag is not shown, not even escaped


def test_chapters_link_to_their_start(client):
    topic = video_topic(
        chapters=[{"title": "What it is", "start": 0}, {"title": "When it pays off", "start": 3.5}]
    )
    block_id = topic.body[0].id
    html = section(get(client, topic.url))
    chapters = re.search(r'<nav class="video__chapters".*?</nav>', html, re.S).group(0)
    assert [(moment(href), text) for href, text in Links(chapters).links] == [
        ((0.0, block_id, ANCHOR), "What it is"),
        ((3.5, block_id, ANCHOR), "When it pays off"),
    ]


def test_a_start_time_on_the_page_url_starts_the_video_there(client):
    topic = video_topic()
    video = get_document_model().objects.get(title="Additive manufacturing")
    html = get(client, f"{topic.url}?t=7&v={topic.body[0].id}")
    assert f'<source src="{video.url}#t=7">' in html


def test_a_start_time_for_another_video_on_the_page_is_ignored(client):
    topic = video_topic()
    video = get_document_model().objects.get(title="Additive manufacturing")
    html = get(client, f"{topic.url}?t=7&v=some-other-block")
    assert f'<source src="{video.url}">' in html


@pytest.mark.parametrize("t", ["abc", "-5", "nan", "inf", "1e9", ""])
def test_an_invalid_start_time_is_ignored_never_an_error(client, t):
    topic = video_topic()
    video = get_document_model().objects.get(title="Additive manufacturing")
    html = get(client, f"{topic.url}?t={t}&v={topic.body[0].id}")
    assert f'<source src="{video.url}">' in html and "#t=" not in html


def test_a_plain_visit_after_a_shared_start_link_starts_at_the_beginning(client):
    """The topic article is cached: a start time must never leak from one visit to the next."""
    topic = video_topic()
    video = get_document_model().objects.get(title="Additive manufacturing")
    get(client, f"{topic.url}?t=7&v={topic.body[0].id}")
    html = get(client, topic.url)
    assert f'<source src="{video.url}">' in html and "#t=7" not in html


def test_a_start_link_after_a_plain_visit_still_starts_the_video_there(client):
    topic = video_topic()
    video = get_document_model().objects.get(title="Additive manufacturing")
    get(client, topic.url)
    html = get(client, f"{topic.url}?t=3&v={topic.body[0].id}")
    assert f'<source src="{video.url}#t=3">' in html


# --- Editing: what clean() refuses ---------------------------------------------------


def clean_errors(value) -> dict:
    block = VideoBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(value))
    return json.loads(json.dumps(error.value.as_json_data()))


def test_a_complete_video_is_accepted():
    block = VideoBlock()
    cleaned = block.clean(block.to_python(factories.video_value()))
    assert cleaned["title"] == "Additive manufacturing in five minutes"
    assert [track["language"] for track in cleaned["captions"]] == ["en"]


def test_a_video_with_both_a_file_and_a_url_is_refused():
    errors = clean_errors(factories.video_value(video_url="https://example.org/lecture.mp4"))
    assert errors == {
        "blockErrors": {
            "video_file": {"messages": ["Choose a video file or give a video URL (one of the two)."]}
        }
    }


def test_a_video_with_neither_a_file_nor_a_url_is_refused():
    errors = clean_errors(factories.video_value(video_file=None, video_url=""))
    assert errors == {
        "blockErrors": {
            "video_file": {"messages": ["Choose a video file or give a video URL (one of the two)."]}
        }
    }


def test_a_video_given_only_by_url_is_accepted_and_plays_from_it(client):
    topic = video_topic(video_file=None, video_url="https://media.example.org/lecture.mp4")
    block = VideoBlock()
    assert block.clean(
        block.to_python(
            factories.video_value(video_file=None, video_url="https://media.example.org/lecture.mp4")
        )
    )
    assert '<source src="https://media.example.org/lecture.mp4">' in get(client, topic.url)


def test_two_caption_files_in_one_language_are_refused():
    tracks = [
        {"language": "fr", "file": factories.captions().pk},
        {"language": "fr", "file": factories.captions().pk},
    ]
    errors = clean_errors(factories.video_value(captions=tracks))
    assert errors == {
        "blockErrors": {"captions": {"messages": ["One caption file per language (fr twice)."]}}
    }


def test_a_chapter_starting_at_or_after_the_end_is_refused():
    chapters = [
        {"title": "Start", "start": 0},
        {"title": "At the end", "start": 11},
        {"title": "Beyond", "start": 30},
    ]
    errors = clean_errors(factories.video_value(chapters=chapters))
    assert errors == {
        "blockErrors": {
            "chapters": {"messages": ["Chapter starts after the end of the video: At the end, Beyond."]}
        }
    }


def test_a_malformed_caption_file_is_refused_naming_the_file_and_the_line():
    track = factories.document("Lecture captions (EN)", "lecture.en.vtt", MALFORMED_VTT.encode())
    errors = clean_errors(factories.video_value(track=track))
    [message] = errors["blockErrors"]["captions"]["blockErrors"]["0"]["blockErrors"]["file"]["messages"]
    assert message == "Lecture captions (EN), line 6: malformed cue timing '00:00:03.000 --> 00:00:7.000'"


# --- Search ---------------------------------------------------------------------------


def test_search_finds_the_video_and_each_cue_at_its_second():
    topic = video_topic(track=factories.captions(TAGGED_VTT))
    child = topic.body[0]
    documents = child.block.search_documents(child.value, {})
    assert [(d.kind, d.title, d.text, d.anchor) for d in documents[:1]] == [
        ("video", "Additive manufacturing in five minutes", "How layer-by-layer production works.", "")
    ]
    assert [(d.kind, d.text, d.anchor, d.timestamp) for d in documents[1:]] == [
        ("transcript", "Additive manufacturing builds parts & tools.", "?t=0", 0.0),
        ("transcript", "It pays off for complex parts.", "?t=3", 3.6),
        ("transcript", "Count post-processing.", "?t=7", 7.0),
    ]


# --- Uploading caption files in the admin ---------------------------------------------


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.org", "pw"))
    return client


def upload_many(client, name, content):
    return client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content, "text/vtt")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def test_a_malformed_caption_upload_is_refused_with_its_line_and_stored_nowhere(admin_client):
    response = upload_many(admin_client, "lecture.en.vtt", MALFORMED_VTT.encode())
    data = response.json()
    assert data["success"] is False
    assert "This caption file is not valid WebVTT: line 6: malformed cue timing" in data["error_message"]
    assert not get_document_model().objects.exists()


def test_a_malformed_caption_upload_is_refused_for_its_content_only(admin_client):
    data = upload_many(admin_client, "lecture.en.vtt", MALFORMED_VTT.encode()).json()
    assert data["error_message"] == (
        "This caption file is not valid WebVTT: line 6: malformed cue timing '00:00:03.000 --> 00:00:7.000'"
    )


def test_a_malformed_caption_upload_through_the_single_form_is_refused_with_its_line(admin_client):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Lecture captions",
            "file": SimpleUploadedFile("lecture.en.vtt", MALFORMED_VTT.encode(), "text/vtt"),
        },
    )
    assert response.status_code == 200  # the form again, not a redirect
    assert "This caption file is not valid WebVTT: line 6: malformed cue timing" in unescape(
        response.content.decode()
    )
    assert not get_document_model().objects.exists()


def test_a_caption_file_that_is_not_utf8_is_refused_on_upload(admin_client):
    data = upload_many(
        admin_client, "lecture.fr.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nCaf\u00e9\n".encode("latin-1")
    ).json()
    assert data["success"] is False and "not UTF-8" in data["error_message"]
    assert not get_document_model().objects.exists()


def test_a_valid_caption_upload_is_accepted(admin_client):
    data = upload_many(admin_client, "lecture.en.vtt", factories.VTT.encode()).json()
    assert data["success"] is True
    document = get_document_model().objects.get(pk=data["doc_id"])
    assert document.file.name.endswith(".vtt")
    with document.file.open("rb") as handle:
        assert handle.read() == factories.VTT.encode()


def test_a_valid_caption_upload_through_the_single_form_is_accepted(admin_client):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Lecture captions",
            "file": SimpleUploadedFile("lecture.en.vtt", factories.VTT.encode(), "text/vtt"),
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.get().title == "Lecture captions"
