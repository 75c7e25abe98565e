"""A course as the learner side reads it: its outline and its exercises, cached.

Both are built from the live pages of one course (in one language) and kept in the
cache under the site-wide content version, so the learner's space and the certificate
check cost one small query for the version instead of reading the tree and every
topic's body on each request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache

from cms.models import ContentVersion, CoursePage
from cms.outline import CourseOutline, OutlineNode

CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Exercise:
    topic_key: str
    block_id: str
    title: str
    pass_mark: int

    @property
    def anchor(self) -> str:
        return f"block-{self.block_id}"  # the wrapper every block of a topic page carries


@dataclass
class CourseMap:
    """A course's outline plus what the learner side needs to look up in it quickly."""

    outline: CourseOutline
    exercises: list[Exercise] = field(default_factory=list)

    @property
    def course(self) -> OutlineNode:
        return self.outline.course

    @cached_property
    def topics(self) -> list[OutlineNode]:
        return [node for node in self.course.descendants() if node.is_topic]

    @cached_property
    def _topics_by_key(self) -> dict[str, OutlineNode]:
        return {node.translation_key: node for node in self.topics}

    def topic(self, key) -> OutlineNode | None:
        return self._topics_by_key.get(str(key))

    def topic_keys(self) -> set[str]:
        return set(self._topics_by_key)


def course_map(course, version: int | None = None) -> CourseMap:
    """The cached map of a course page (in that page's language)."""
    version = ContentVersion.current() if version is None else version
    key = f"progress:course-map:{course.pk}:{version}"
    found = cache.get(key)
    if found is None:
        outline = CourseOutline.for_course(course)
        found = CourseMap(outline, exercises_of(course, outline))
        cache.set(key, found, CACHE_SECONDS)
    return found


def exercises_of(course, outline: CourseOutline) -> list[Exercise]:
    """Every gradable exercise of the live topics a learner can reach, in course order."""
    from cms.models import TopicPage

    reachable = {node.page_id for node in outline.course.descendants()}
    found = []
    for topic in (
        TopicPage.objects.live().descendant_of(course).order_by("path").only("body", "translation_key")
    ):
        if topic.pk not in reachable:
            continue
        for child in topic.body:
            if getattr(child.block, "kind", None) == "exercise":
                found.append(
                    Exercise(
                        str(topic.translation_key), child.id, child.value["title"], child.value["pass_mark"]
                    )
                )
    return found


def course_of(page):
    """The course page above a page (or the page itself), or None."""
    return CoursePage.objects.ancestor_of(page, inclusive=True).first()


def courses_in_language(language: str) -> list:
    """One live course page per course: in ``language`` if it has one, else its original."""
    chosen = {}
    for course in CoursePage.objects.live().select_related("locale").order_by("path"):
        key = course.translation_key
        if key not in chosen or course.locale.language_code == language:
            chosen[key] = course
    return list(chosen.values())
