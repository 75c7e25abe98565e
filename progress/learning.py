"""The learner's space: every course they started, how far they are and where to resume.

Built from the cached course maps (see ``progress.courses``) plus one query per kind of
record (completions, attempts, visits, certificates), so it costs the same few queries
for a learner who has done nothing as for one who has done everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Max, Q

from cms.models import ContentVersion

from .courses import CourseMap, course_map, courses_in_language
from .models import Certificate, ExerciseAttempt, TopicCompletion
from .visits import last_places


@dataclass
class LearnerRecords:
    """All of one learner's records, by translation key: the same in every language."""

    done: set[str] = field(default_factory=set)
    best: dict[tuple[str, str], tuple[int, bool]] = field(
        default_factory=dict
    )  # (topic, block): (score, passed)

    @classmethod
    def of(cls, user) -> LearnerRecords:
        records = cls()
        records.done = {
            str(key) for key in TopicCompletion.objects.filter(user=user).values_list("topic_key", flat=True)
        }
        rows = (
            ExerciseAttempt.objects.filter(user=user)
            .values("topic_key", "block_id")
            .annotate(best=Max("score"), passes=Count("id", filter=Q(passed=True)))
        )
        for row in rows:
            records.best[(str(row["topic_key"]), row["block_id"])] = (row["best"], row["passes"] > 0)
        return records

    def touches(self, course: CourseMap) -> bool:
        keys = course.topic_keys()
        return bool(self.done & keys) or any(topic in keys for topic, _ in self.best)


@dataclass
class NodeProgress:
    title: str
    url: str
    done: int
    total: int
    minutes_done: int
    minutes: int
    children: list[NodeProgress] = field(default_factory=list)

    @classmethod
    def of(cls, node, done: set[str]) -> NodeProgress:
        topics = [node] if node.is_topic else [n for n in node.descendants() if n.is_topic]
        finished = [topic for topic in topics if topic.translation_key in done]
        children = [] if node.is_topic else [cls.of(child, done) for child in node.children]
        return cls(
            node.title,
            node.url,
            len(finished),
            len(topics),
            sum(topic.own_minutes for topic in finished),
            sum(topic.own_minutes for topic in topics),
            children,
        )

    @property
    def hours_done(self) -> float:
        return round(self.minutes_done / 60, 1)

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)


@dataclass
class ExerciseResult:
    title: str
    topic_title: str
    url: str
    best: int | None
    passed: bool


@dataclass
class CourseSummary:
    title: str
    url: str
    key: str
    progress: NodeProgress
    resume_url: str
    resume_title: str
    exercises: list[ExerciseResult]
    certificate: Certificate | None = None
    page: object = None  # the course page itself, for what the space shows beside it (surveys)


def exercise_results(course: CourseMap, records: LearnerRecords) -> list[ExerciseResult]:
    results = []
    for exercise in course.exercises:
        topic = course.topic(exercise.topic_key)
        best, passed = records.best.get((exercise.topic_key, exercise.block_id), (None, False))
        url = f"{topic.url}#{exercise.anchor}" if topic else ""
        results.append(ExerciseResult(exercise.title, topic.title if topic else "", url, best, passed))
    return results


def resume_place(course: CourseMap, place, done: set[str]) -> tuple[str, str]:
    """(URL, title) of the last topic viewed, at its block; else the first topic not done."""
    topic = course.topic(place[0]) if place else None
    anchor = place[1] if topic is not None else ""
    if topic is None:
        topic = next((node for node in course.topics if node.translation_key not in done), None)
    if topic is None:
        return course.course.url, course.course.title
    return (f"{topic.url}#{anchor}" if anchor else topic.url), topic.title


def learner_space(user, language: str, version: int | None = None) -> list[CourseSummary]:
    """A summary of every course this learner has started, in ``language`` where it exists.

    ``version``: the content version the request already read, if it did.
    """
    version = version or ContentVersion.current()
    records = LearnerRecords.of(user)
    pages = {str(page.translation_key): page for page in courses_in_language(language)}
    courses = [(key, course_map(page, version)) for key, page in pages.items()]
    places = last_places(user, [key for key, _ in courses])
    started = [(key, course) for key, course in courses if key in places or records.touches(course)]
    certificates = {str(c.course_key): c for c in Certificate.objects.filter(user=user)}
    summaries = []
    for key, course in started:
        resume_url, resume_title = resume_place(course, places.get(key), records.done)
        summaries.append(
            CourseSummary(
                course.course.title,
                course.course.url,
                key,
                NodeProgress.of(course.course, records.done),
                resume_url,
                resume_title,
                exercise_results(course, records),
                certificates.get(key),
                pages[key],
            )
        )
    return summaries
