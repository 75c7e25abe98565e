"""Build courses for tests: pages, snippets and StreamField bodies, in code."""

from __future__ import annotations

import io
import itertools

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

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

_sequence = itertools.count(1)


def home_page() -> HomePage:
    """The default site's home as a course catalogue (replacing Wagtail's welcome page)."""
    site = Site.objects.get(is_default_site=True)
    if isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Courses", slug=f"courses-{next(_sequence)}"))
    site.root_page = home
    site.save()
    return home


def png_bytes(width=64, height=48, colour=(31, 95, 174)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def image(title="Value chain diagram"):
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(png_bytes()), name=f"figure-{next(_sequence)}.png")
    )


def paragraph(text):
    return {"type": "rich_text", "value": f"<p>{text}</p>"}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": ""}}


def body_of(block_count: int, image_obj=None) -> list[dict]:
    """A realistic lesson body: headings, paragraphs, a callout and, if given, figures."""
    blocks = []
    for index in range(block_count):
        kind = index % 5
        if kind == 0:
            blocks.append(heading(f"Section {index // 5 + 1}"))
        elif kind == 3 and image_obj is not None:
            blocks.append(
                {
                    "type": "image",
                    "value": {"image": image_obj.pk, "alt_text": "A value chain", "caption": "Figure"},
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
    partner, _ = Partner.objects.get_or_create(
        key="test-partner", defaults={"name": "Test Cluster", "country": "FR"}
    )
    expert, _ = Expert.objects.get_or_create(
        key="test-expert", defaults={"name": "Ana Example", "role": "Cluster manager", "partner": partner}
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


def course(modules=2, lessons=2, topics=3, minutes=40, blocks=4, slug=None, image_obj=None) -> CoursePage:
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
                    body=body_of(blocks, image_obj),
                )
                topic.authors = [TopicAuthor(expert=expert)]
                topic.outcomes = [
                    outcome(f"{n}.{m}.{l_index}.{t}-a", f"Outcome of topic {m}.{l_index}.{t}", competence)
                ]
                topic.competences = [competence]
                publish(lesson, topic)
    return course_page
