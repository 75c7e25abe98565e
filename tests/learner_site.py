"""One small course holding every learner page type and every block kind.

The language and accessibility checks walk the same list of pages (``LEARNER_PAGES``):
a new learner page is one more line there, and every check covers it.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Locale, Site

from cms.models import CoursePage, LessonPage, ModulePage, TopicPage
from cms.translations import sync_locale_trees
from tests import factories
from tests.blocks.exercise_data import EXERCISE

CASE_STUDY = {
    "title": "A metalworking cluster pilots predictive maintenance",
    "organisation_type": "cluster",
    "sector": "Metalworking",
    "country": "HU",
    "context": "Forty machine shops share one region.",
    "challenge": "Unplanned stops cost days of output.",
    "approach": "A shared retrofit pilot with five volunteers.",
    "results": "Three shops kept the sensors.",
    "lessons_learned": "Start with a problem the owners already feel.",
    "discussion_questions": ["Which member would volunteer first?"],
}
VOCAB_SHEET = {
    "title": "Terms of the smart factory",
    "introduction": "",
    "terms": [
        {
            "term": "Digital twin",
            "abbreviation": "DT",
            "synonyms": ["Virtual replica"],
            "definition": "A virtual model kept in step with a physical asset.",
            "related": [],
        }
    ],
}
TOOL_SHEET = {
    "title": "Readiness walk-through",
    "purpose": "See where a firm stands before advising it.",
    "when_to_use": "Before any technology recommendation.",
    "steps": ["Agree the scope.", "Walk the shop floor."],
    "inputs": ["Floor plan"],
    "outputs": ["Short report"],
    "tips": ["Take the owner along."],
    "template": None,
}
HOTSPOTS = [
    {"x": 20, "y": 30, "title": "Connected machines", "text": "Machines report their state."},
    {"x": 70, "y": 60, "title": "Planning", "text": "The ERP plans the orders."},
]


def text_blocks() -> list[dict]:
    """A heading, a paragraph and a callout."""
    return [
        {
            "type": "heading",
            "id": "b-heading",
            "value": {"text": "Why it matters", "level": "h2", "anchor": ""},
        },
        {
            "type": "rich_text",
            "id": "b-text",
            "value": "<p>Clusters help <b>small firms</b> adopt new tools.</p>",
        },
        {
            "type": "callout",
            "id": "b-callout",
            "value": {"style": "tip", "title": "Start small", "body": "<p>One line.</p>"},
        },
    ]


def media_blocks(media) -> list[dict]:
    """A figure, a video and an infographic."""
    figure, video = media["images"][0], media["video"]
    return [
        {
            "type": "image",
            "id": "b-image",
            "value": {"image": figure.pk, "alt_text": "A value chain", "caption": "The chain"},
        },
        {"type": "video", "id": "video-1", "value": factories.video_value(video, media["track"])},
        {
            "type": "infographic",
            "id": "ig-1",
            "value": {
                "title": "The smart factory",
                "image": figure.pk,
                "alt_text": "A factory diagram",
                "description": "",
                "hotspots": HOTSPOTS,
            },
        },
    ]


def activity_blocks() -> list[dict]:
    """An exercise, a case study, a vocab sheet and a tool sheet."""
    return [
        dict(EXERCISE, id="exercise-1"),
        {"type": "case_study", "id": "b-case", "value": CASE_STUDY},
        {"type": "vocab_sheet", "id": "b-vocab", "value": VOCAB_SHEET},
        {"type": "tool_sheet", "id": "b-tool", "value": TOOL_SHEET},
    ]


def document_block(media) -> dict:
    return {
        "type": "document",
        "id": "b-document",
        "value": {
            "document": media["documents"][0].pk,
            "title": "",
            "description": "Fill it in before the workshop.",
            "document_kind": "worksheet",
        },
    }


def every_block_kind(media) -> list[dict]:
    """A lesson body with one block of each core kind, ids fixed for the tests."""
    return [*text_blocks(), *media_blocks(media), *activity_blocks(), document_block(media)]


@dataclass
class LearnerSite:
    course: CoursePage
    module: ModulePage
    lesson: LessonPage
    topic: TopicPage

    def url(self, page_type: str, language: str = "en") -> str:
        """The address of one learner page type in ``language`` (every page has one, see
        ``sync_locale_trees``)."""
        page_name, suffix = LEARNER_PAGES[page_type]
        if page_name is None:
            return f"/{language}/{suffix}"
        page = getattr(self, page_name).get_translation(Locale.objects.get(language_code=language))
        return page.url + suffix


#: page type: (the page it belongs to, or None for a site-wide address; what follows it).
LEARNER_PAGES = {
    "home": (None, ""),
    "course": ("course", ""),
    "outline": ("course", "outline/"),
    "glossary": ("course", "glossary/"),
    "tools": ("course", "tools/"),
    "module": ("module", ""),
    "lesson": ("lesson", ""),
    "topic": ("topic", ""),
    "search": (None, "search/?q=cluster"),
    "progress": ("course", "progress/"),  # signed-in learners only
    "my-learning": (None, "my-learning/"),
    "account": (None, "accounts/profile/"),
    "signup": (None, "accounts/signup/"),
    "login": (None, "accounts/login/"),
    "privacy": (None, "privacy/"),
}
SIGNED_IN_ONLY = {"progress", "my-learning", "account"}
SIGNED_OUT_ONLY = {"signup", "login"}  # a signed-in learner is sent on from these


def build(live_server=None) -> LearnerSite:
    """The course, published, with every page at an address in every language."""
    home = factories.home_page()
    home.title = "Open campus"  # Wagtail's "Courses" is also an interface word: keep content apart
    home.save_revision().publish()
    media = factories.lesson_media()
    course = factories.course(modules=1, lessons=1, topics=2, blocks=3, media=media)
    topic = TopicPage.objects.descendant_of(course).order_by("path").first()
    topic.body = every_block_kind(media)
    # Titles and outcomes as long as the demo course's: the small-screen checks need them.
    topic.title = "Interoperability standards: OPC UA and the asset administration shell"
    outcome = topic.outcomes.first()
    outcome.text = (
        "Explain the defining features of an industrial cluster using a working definition based on "
        "proximity, specialisation, interconnection, critical mass and co-opetition."
    )
    outcome.save()
    topic.save_revision().publish()
    topic.refresh_from_db()
    if live_server is not None:
        site = Site.objects.get(is_default_site=True)
        site.hostname, site.port = "localhost", live_server.thread.port
        site.save()
    sync_locale_trees()
    return LearnerSite(
        course=course,
        module=ModulePage.objects.descendant_of(course).get(),
        lesson=LessonPage.objects.descendant_of(course).get(),
        topic=topic,
    )
