import io
import json
import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from blocks.image import ImageBlock
from cms.models import CoursePage, TopicPage
from tests import factories

pytestmark = pytest.mark.django_db


def page_html(client, topic):
    response = client.get(topic.url)
    assert response.status_code == 200
    return response.content.decode()


def toc(html):
    nav = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    return re.findall(r'<li class="toc__(h[23])"><a href="#([^"]+)">(.*?)</a></li>', nav)


# --- Headings -------------------------------------------------------------------------


def test_a_heading_gets_an_anchor_made_from_its_text(client):
    topic = factories.topic_with([factories.heading("Why clusters matter for SMEs?")])
    html = page_html(client, topic)
    assert '<h2 id="why-clusters-matter-for-smes">Why clusters matter for SMEs?</h2>' in html


def test_a_heading_with_a_custom_anchor_uses_it(client):
    topic = factories.topic_with(
        [
            {
                "type": "heading",
                "value": {"text": "Funding your first pilot", "level": "h3", "anchor": "Pilot Funding"},
            }
        ]
    )
    html = page_html(client, topic)
    assert '<h3 id="pilot-funding">Funding your first pilot</h3>' in html
    assert 'id="funding-your-first-pilot"' not in html


def test_headings_are_listed_in_the_table_of_contents_in_order_with_their_level(client):
    topic = factories.topic_with(
        [
            factories.heading("Why clusters matter"),
            factories.paragraph("Some text."),
            {"type": "heading", "value": {"text": "Funding a pilot", "level": "h3", "anchor": "funding"}},
            factories.heading("What to do next"),
        ]
    )
    html = page_html(client, topic)
    assert toc(html) == [
        ("h2", "why-clusters-matter", "Why clusters matter"),
        ("h3", "funding", "Funding a pilot"),
        ("h2", "what-to-do-next", "What to do next"),
    ]
    for anchor in ("why-clusters-matter", "funding", "what-to-do-next"):
        assert html.count(f'id="{anchor}"') == 1  # every contents link has exactly one target


def test_a_heading_search_document_leads_to_its_anchor():
    topic = factories.topic_with([factories.heading("Why clusters matter")])
    child = topic.body[0]
    [document] = child.block.search_documents(child.value, {})
    assert (document.kind, document.title, document.anchor) == (
        "heading",
        "Why clusters matter",
        "#why-clusters-matter",
    )


# --- Rich text and callouts -----------------------------------------------------------


def test_rich_text_renders_its_formatting_and_resolves_page_links(client):
    course = factories.course(modules=1, lessons=1, topics=1, blocks=0)
    topic = factories.topic_with(
        [
            {
                "type": "rich_text",
                "value": f'<p>Clusters help <b>SMEs</b> go <i>digital</i>; see <a linktype="page" id="{course.pk}">the other course</a>.</p>'
                "<ul><li>Start small</li><li>Measure</li></ul>",
            }
        ]
    )
    html = page_html(client, topic)
    text = re.search(r'<div class="block-text">(.*?)</div>', html, re.S).group(1)
    assert f'<a href="{CoursePage.objects.get(pk=course.pk).url}">the other course</a>' in text
    assert "<b>SMEs</b>" in text and "<i>digital</i>" in text
    assert "<ul><li>Start small</li><li>Measure</li></ul>" in text
    assert "linktype" not in text


@pytest.mark.parametrize("style", ["key_takeaways", "note", "tip", "warning"])
def test_a_callout_is_set_apart_with_its_style_class_title_and_body(client, style):
    topic = factories.topic_with(
        [
            {
                "type": "callout",
                "value": {"style": style, "title": "Mind the budget", "body": "<p>Pilots overrun.</p>"},
            }
        ]
    )
    html = page_html(client, topic)
    aside = re.search(
        r'<aside class="callout callout--([a-z_]+)" aria-labelledby="([^"]+)">(.*?)</aside>', html, re.S
    )
    assert aside.group(1) == style
    assert (
        f'<p class="callout__title" id="{aside.group(2)}"><strong>Mind the budget</strong></p>'
        in aside.group(3)
    )
    assert "<p>Pilots overrun.</p>" in aside.group(3)


def test_a_callout_without_a_title_has_no_empty_label(client):
    topic = factories.topic_with(
        [{"type": "callout", "value": {"style": "note", "title": "", "body": "<p>Just a note.</p>"}}]
    )
    html = page_html(client, topic)
    assert '<aside class="callout callout--note">' in html and "callout__title" not in html


# --- Images ---------------------------------------------------------------------------


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_an_image_without_alternative_text_is_refused(alt_text):
    block = ImageBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(
            block.to_python({"image": factories.image().pk, "alt_text": alt_text, "caption": "Figure 1"})
        )
    assert json.loads(json.dumps(error.value.as_json_data())) == {
        "blockErrors": {"alt_text": {"messages": ["Describe the image for learners who cannot see it."]}}
    }


def test_an_image_with_alternative_text_is_accepted():
    block = ImageBlock()
    cleaned = block.clean(
        block.to_python({"image": factories.image().pk, "alt_text": "A value chain", "caption": ""})
    )
    assert cleaned["alt_text"] == "A value chain"


def big_image():
    return get_image_model().objects.create(
        title="Wide diagram",
        file=ImageFile(io.BytesIO(factories.png_bytes(2400, 1200)), name="wide-diagram.png"),
    )


def test_an_image_renders_with_its_alt_text_a_srcset_and_its_caption(client):
    image = big_image()
    topic = factories.topic_with(
        [
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Suppliers, maker & customers",
                    "caption": "Figure 1: the chain",
                },
            }
        ]
    )
    html = page_html(client, topic)
    figure = re.search(r'<figure class="figure">(.*?)</figure>', html, re.S).group(1)
    img = re.search(r"<img [^>]*>", figure).group(0)
    assert 'alt="Suppliers, maker &amp; customers"' in img
    small, large = image.get_rendition("width-800"), image.get_rendition("width-1600")
    # compare file paths: a storage may sign its URLs, differently on each call
    src = unescape(re.search(r' src="([^"]+)"', img).group(1))
    assert urlsplit(src).path == urlsplit(small.url).path and 'width="800" height="400"' in img
    srcset = [
        candidate.split() for candidate in unescape(re.search(r'srcset="([^"]+)"', img).group(1)).split(", ")
    ]
    assert [(urlsplit(url).path, width) for url, width in srcset] == [
        (urlsplit(small.url).path, "800w"),
        (urlsplit(large.url).path, "1600w"),
    ]
    assert "<figcaption>Figure 1: the chain</figcaption>" in figure


def test_an_image_without_a_caption_has_no_empty_figcaption(client):
    topic = factories.topic_with(
        [{"type": "image", "value": {"image": factories.image().pk, "alt_text": "A chart", "caption": ""}}]
    )
    html = page_html(client, topic)
    assert 'alt="A chart"' in html and "<figcaption" not in html


def test_a_small_image_offers_no_two_sources_of_the_same_width(client):
    topic = factories.topic_with(
        [{"type": "image", "value": {"image": factories.image().pk, "alt_text": "A chart", "caption": ""}}]
    )
    html = page_html(client, topic)
    img = re.search(r"<figure.*?(<img [^>]*>)", html, re.S).group(1)
    assert 'src="' in img and "srcset" not in img  # a 64 px image has a single source


# --- Course documents -----------------------------------------------------------------


def document_block(document, **value):
    return {
        "type": "document",
        "value": {"document": document.pk, "title": "", "description": "", "document_kind": "pdf", **value},
    }


def test_a_course_document_shows_its_title_kind_and_size_and_links_to_the_file(client):
    document = factories.document("Cluster checklist", "checklist.pdf", b"%PDF-1.4\n%%EOF\n")
    topic = factories.topic_with([document_block(document, description="Print it before the visit.")])
    html = page_html(client, topic)
    block = re.search(r'<div class="course-document course-document--pdf">(.*?)</div>', html, re.S).group(1)
    assert '<p class="course-document__kind">PDF</p>' in block
    assert f'<a href="{document.url}" download>Cluster checklist</a>' in block
    assert '<span class="course-document__meta">(PDF, 15\xa0bytes)</span>' in block
    assert '<p class="course-document__description">Print it before the visit.</p>' in block


def test_a_course_document_can_have_its_own_title_and_kind(client):
    document = factories.document("worksheet-v3-final", "worksheet.docx", b"w" * 3 * 1024)
    topic = factories.topic_with(
        [document_block(document, title="Maturity worksheet", document_kind="worksheet")]
    )
    html = page_html(client, topic)
    block = re.search(
        r'<div class="course-document course-document--worksheet">(.*?)</div>', html, re.S
    ).group(1)
    assert '<p class="course-document__kind">Worksheet</p>' in block
    assert f'<a href="{document.url}" download>Maturity worksheet</a>' in block
    assert "worksheet-v3-final" not in block
    assert "(DOCX, 3.0\xa0KB)" in block


def test_two_sections_sharing_an_anchor_or_a_page_id_are_refused_in_the_editor(admin_client):
    from tests.roles.conftest import edit_url, topic_form

    topic = factories.topic_with([factories.heading("Why it matters")])
    revisions = topic.revisions.count()
    body = [
        ("heading", {"text": "Why it matters", "level": "h2", "anchor": ""}),
        ("heading", {"text": "Why it matters?", "level": "h3", "anchor": ""}),  # the same slug
        ("heading", {"text": "Main points", "level": "h2", "anchor": "main"}),  # the page's <main>
        ("heading", {"text": "Main points", "level": "h2", "anchor": "main-points"}),
    ]
    response = admin_client.post(edit_url(topic), {**topic_form(topic, body=body), "action-publish": "1"})
    assert response.status_code == 200  # the form again, with the errors
    page = unescape(response.content.decode())
    assert "is already the anchor of an earlier section of this topic" in page
    assert "is used by the page itself" in page
    assert topic.revisions.count() == revisions  # nothing saved

    body[1] = ("heading", {"text": "Why it matters?", "level": "h3", "anchor": "why-it-matters-detail"})
    body[2] = ("heading", {"text": "Main points", "level": "h2", "anchor": "key-points"})
    response = admin_client.post(edit_url(topic), {**topic_form(topic, body=body), "action-publish": "1"})
    assert response.status_code == 302
    published = [child.value["text"] for child in TopicPage.objects.get(pk=topic.pk).body]
    assert published == ["Why it matters", "Why it matters?", "Main points", "Main points"]
