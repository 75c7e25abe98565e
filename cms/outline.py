"""The course outline: the whole tree of a course read in a handful of queries.

Course home, module and lesson pages and the printable joint curriculum all show
roll-ups (minutes, hours, outcomes); building them from one ordered read of the tree
keeps the query count independent of the number of topics.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Prefetch
from django.db.models.functions import Substr


@dataclass
class OutlineNode:
    page_id: int
    title: str
    url: str
    introduction: str = ""
    children: list[OutlineNode] = field(default_factory=list)
    own_minutes: int = 0
    outcomes: list = field(default_factory=list)
    translation_key: str = ""  # the same in every language: progress is kept under it
    is_topic: bool = False

    @property
    def minutes(self) -> int:
        return self.own_minutes + sum(child.minutes for child in self.children)

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    @property
    def topic_count(self) -> int:
        if self.is_topic:
            return 1
        return sum(child.topic_count for child in self.children)

    def all_outcomes(self) -> list:
        seen, result = set(), []
        for node in [self, *self.descendants()]:
            for outcome in node.outcomes:
                if outcome.pk not in seen:
                    seen.add(outcome.pk)
                    result.append(outcome)
        return sorted(result, key=lambda outcome: outcome.code)

    def descendants(self):
        for child in self.children:
            yield child
            yield from child.descendants()


@dataclass
class CourseOutline:
    course: OutlineNode
    nodes: dict[int, OutlineNode]

    @property
    def modules(self) -> list[OutlineNode]:
        return self.course.children

    def find(self, page_id: int) -> OutlineNode | None:
        return self.nodes.get(page_id)

    @classmethod
    def for_page(cls, page, with_outcomes: bool = False, request=None) -> CourseOutline | None:
        from .models import CoursePage

        course = CoursePage.objects.ancestor_of(page, inclusive=True).first()
        if course is None:
            return None
        return cls.for_course(course, with_outcomes=with_outcomes, request=request)

    @classmethod
    def for_course(cls, course, with_outcomes: bool = False, request=None) -> CourseOutline:
        from .models import LearningOutcome, LessonPage, ModulePage, TopicPage

        root = OutlineNode(course.pk, course.title, course.get_url(request), course.introduction)
        nodes = {course.pk: root}
        by_path = {course.path: root}
        querysets = [
            ModulePage.objects.descendant_of(course).live(),
            LessonPage.objects.descendant_of(course).live(),
            TopicPage.objects.descendant_of(course).live().defer("body"),
        ]
        if with_outcomes:
            querysets[2] = querysets[2].prefetch_related(
                Prefetch("outcomes", queryset=LearningOutcome.objects.order_by("code"))
            )
        pages = sorted((page for qs in querysets for page in qs), key=lambda page: page.path)
        for page in pages:
            parent = by_path.get(page.path[: -page.steplen])
            if parent is None:  # below an unpublished page
                continue
            node = OutlineNode(page.pk, page.title, page.get_url(request), page.introduction)
            node.translation_key = str(page.translation_key)
            if isinstance(page, TopicPage):
                node.is_topic = True
                node.own_minutes = page.estimated_minutes
                if with_outcomes:
                    node.outcomes = list(page.outcomes.all())
            parent.children.append(node)
            nodes[page.pk] = by_path[page.path] = node
        if with_outcomes:  # every outcome in the learner's language, in one query
            from .translations import localized

            topics = [node for node in nodes.values() if node.outcomes]
            shown = iter(localized(outcome for node in topics for outcome in node.outcomes))
            for node in topics:
                node.outcomes = [next(shown) for _ in node.outcomes]
        return cls(root, nodes)


def topic_neighbours(topic, request=None):
    """The previous and next topic of the same course, across lessons and modules.

    Only topics a learner can reach from the outline count: live, under a live lesson
    and module (a topic left live under an unpublished lesson is skipped, as the
    outline skips it).
    """
    from wagtail.models import Page

    from .models import TopicPage

    course_path = topic.path[: topic.steplen * (topic.depth - 3)]
    hidden_ancestor = Page.objects.filter(
        live=False,
        depth__gt=topic.depth - 3,
        depth__lt=topic.depth,
        path=Substr(OuterRef("path"), 1, F("depth") * topic.steplen),
    )
    siblings = list(
        TopicPage.objects.live()
        .filter(path__startswith=course_path, depth=topic.depth)
        .exclude(Exists(hidden_ancestor))
        .order_by("path")
        .only("id", "title", "path", "url_path", "depth")
    )
    ids = [page.pk for page in siblings]
    if topic.pk not in ids:
        return None, None
    index = ids.index(topic.pk)
    previous_topic = siblings[index - 1] if index > 0 else None
    next_topic = siblings[index + 1] if index + 1 < len(siblings) else None
    return previous_topic, next_topic
