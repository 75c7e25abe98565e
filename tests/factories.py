"""Build courses for tests: pages, snippets and StreamField bodies, in code."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from cms.models import (
    Competence,
    CoursePage,
    Expert,
    HomePage,
    LearningOutcome,
    LessonPage,
    ModulePage,
    Partner,
    TopicAuthor,
    TopicPage,
)
from cms.translations import ensure_locales

_sequence = itertools.count(1)


def ensure_initial_data():
    """What Wagtail's migrations create, and a flush (transactional tests) removes."""
    ensure_locales()
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def home_page() -> HomePage:
    """The default site's home as a course catalogue (replacing Wagtail's welcome page).

    Transactional tests (live server, browser) start from a flushed database without
    Wagtail's initial locale, root page and site, so they are made here if missing.
    """
    ensure_initial_data()
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = root.add_child(instance=HomePage(title="Courses", slug=f"courses-{next(_sequence)}"))
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    return home


def png_bytes(width=64, height=48, colour=(31, 95, 174)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def image(title="Value chain diagram"):
    ensure_initial_data()
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(png_bytes()), name=f"figure-{next(_sequence)}.png")
    )


def paragraph(text):
    return {"type": "rich_text", "value": f"<p>{text}</p>"}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": ""}}


def lesson_media():
    """Files for a body like the demo's: two figures, a video with captions, two documents."""
    return {
        "images": [image("Value chain"), image("Cluster map")],
        "video": video_file(),
        "track": captions(),
        "documents": [document("Checklist", "checklist.pdf"), document("Roadmap", "roadmap.pdf")],
    }


def video_or_document(media, kind, group) -> dict:
    """What ``body_of`` puts in place of a group's second (a video) or third (a course
    document) paragraph."""
    if kind == 1:
        value = video_value(media["video"], media["track"], title=f"Video {group}")
        return {"type": "video", "value": value}
    document_obj = media["documents"][group // 2 % len(media["documents"])]
    return {
        "type": "document",
        "value": {
            "document": document_obj.pk,
            "title": "",
            "description": "Fill it in before the workshop.",
            "document_kind": "worksheet",
        },
    }


def body_of(block_count: int, image_obj=None, media=None) -> list[dict]:
    """A realistic lesson body: headings, paragraphs, a callout and, if given, figures.

    With ``media`` (see ``lesson_media``) every other group of five blocks, from the
    first, swaps two
    paragraphs for a video and a course document, and the figures alternate images.
    """
    blocks = []
    for index in range(block_count):
        kind = index % 5
        group = index // 5
        if media and group % 2 == 0 and kind in (1, 2):
            blocks.append(video_or_document(media, kind, group))
        elif kind == 0:
            blocks.append(heading(f"Section {index // 5 + 1}"))
        elif kind == 3 and (image_obj is not None or media):
            figure = media["images"][group % len(media["images"])] if media else image_obj
            blocks.append(
                {
                    "type": "image",
                    "value": {"image": figure.pk, "alt_text": "A value chain", "caption": "Figure"},
                }
            )
        elif kind == 4:
            blocks.append(
                {"type": "callout", "value": {"style": "tip", "title": "Tip", "body": "<p>Start small.</p>"}}
            )
        else:
            blocks.append(paragraph(f"Cluster managers help SMEs with digital change, part {index}."))
    return blocks


def snippets():
    ensure_initial_data()  # a flushed database (browser tests) has no locale yet
    partner, _ = Partner.objects.get_or_create(
        key="test-partner", defaults={"name": "Test Cluster", "country": "FR"}
    )
    expert, _ = Expert.objects.get_or_create(  # the original: a test may have translated it
        key="test-expert",
        locale=Locale.get_default(),
        defaults={"name": "Ana Example", "role": "Cluster manager", "partner": partner},
    )
    competence, _ = Competence.objects.get_or_create(code="C99", defaults={"title": "Testing competence"})
    return partner, expert, competence


def outcome(code, text="Explain what a cluster does.", competence=None):
    obj, _ = LearningOutcome.objects.get_or_create(code=code, defaults={"text": text})
    if competence:
        obj.competences.add(competence)
    return obj


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def course(
    modules=2, lessons=2, topics=3, minutes=40, blocks=4, slug=None, image_obj=None, media=None
) -> CoursePage:
    """A published course of the given shape; topic minutes are all ``minutes``."""
    n = next(_sequence)
    partner, expert, competence = snippets()
    course_page = publish(
        home_page(), CoursePage(title=f"Course {n}", slug=slug or f"course-{n}", introduction="Intro")
    )
    for m in range(1, modules + 1):
        module = publish(
            course_page, ModulePage(title=f"Module {m}", slug=f"module-{m}", introduction=f"About module {m}")
        )
        for l_index in range(1, lessons + 1):
            lesson = publish(
                module, LessonPage(title=f"Lesson {m}.{l_index}", slug=f"lesson-{l_index}", partner=partner)
            )
            for t in range(1, topics + 1):
                topic = TopicPage(
                    title=f"Topic {m}.{l_index}.{t}",
                    slug=f"topic-{t}",
                    introduction=f"Introduction to topic {m}.{l_index}.{t}",
                    estimated_minutes=minutes,
                    body=body_of(blocks, image_obj, media),
                )
                topic.authors = [TopicAuthor(expert=expert)]
                topic.outcomes = [
                    outcome(f"{n}.{m}.{l_index}.{t}-a", f"Outcome of topic {m}.{l_index}.{t}", competence)
                ]
                topic.competences = [competence]
                publish(lesson, topic)
    return course_page


DEMO_MEDIA = Path(__file__).resolve().parent.parent / "demo" / "cluster4smart" / "media"

VTT = """WEBVTT

00:00:00.000 --> 00:00:03.000
Additive manufacturing builds parts layer by layer.

00:00:03.000 --> 00:00:07.000
It pays off for complex, low-volume parts.

00:00:07.000 --> 00:00:11.000
Count post-processing in every estimate.
"""


def document(title="Checklist", name="checklist.pdf", content=b"%PDF-1.4\n%%EOF\n"):
    ensure_initial_data()
    obj = get_document_model()(title=title)
    obj.file.save(name, ContentFile(content), save=False)
    obj.file_size = len(content)
    obj._set_file_hash()
    obj.save()
    return obj


def captions(text=VTT, name="captions.en.vtt"):
    return document("Captions", name, text.encode())


def video_file():
    return document(
        "Additive manufacturing",
        "additive.mp4",
        (DEMO_MEDIA / "videos" / "additive-manufacturing-lecture.mp4").read_bytes(),
    )


def video_value(video=None, track=None, **extra):
    value = {
        "title": "Additive manufacturing in five minutes",
        "description": "How layer-by-layer production works.",
        "video_file": (video or video_file()).pk,
        "video_url": "",
        "poster": None,
        "duration": 11,
        "captions": [{"language": "en", "file": (track or captions()).pk}],
        "chapters": [{"title": "What it is", "start": 0}, {"title": "When it pays off", "start": 3}],
    }
    value.update(extra)
    return value


def topic_with(blocks: list[dict], title="Topic with blocks"):
    """A published topic whose body is exactly ``blocks`` (JSON shape), in a fresh course."""
    course_page = course(modules=1, lessons=1, topics=1, blocks=0)
    topic = TopicPage.objects.descendant_of(course_page).get()
    topic.title = title
    topic.body = blocks
    topic.save_revision().publish()
    topic.refresh_from_db()
    return topic
