"""Reading and writing a learner's progress; the views and template tags go through here."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Max, Q

from .models import ExerciseAttempt, TopicCompletion


def record_attempt(sender=None, *, request, page, block_id, result, **kwargs) -> None:
    """Keep a signed-in learner's graded attempt (anonymous learners are graded, not recorded)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return
    ExerciseAttempt.objects.create(
        user=user,
        topic_key=page.translation_key,
        block_id=block_id,
        language=page.locale.language_code,
        score=result.score,
        passed=result.passed,
    )
    from .certificates import check_certificate
    from .courses import course_of
    from .visits import record_visit

    course = course_of(page)
    if course is not None:
        record_visit(user, course.translation_key, page.translation_key, f"block-{block_id}", force=True)
    if result.passed:
        check_certificate(user, page)


def set_completed(user, topic, done: bool) -> None:
    if done:
        TopicCompletion.objects.get_or_create(user=user, topic_key=topic.translation_key)
    else:
        TopicCompletion.objects.filter(user=user, topic_key=topic.translation_key).delete()


def is_completed(user, topic) -> bool:
    return (
        user.is_authenticated
        and TopicCompletion.objects.filter(user=user, topic_key=topic.translation_key).exists()
    )


@dataclass
class CourseProgress:
    """A learner's progress through one course outline, in any of its languages."""

    completed: set[str] = field(default_factory=set)
    best_scores: dict[str, int] = field(default_factory=dict)  # by topic key: best score of its exercises
    passed: dict[str, bool] = field(default_factory=dict)

    def topic_done(self, node) -> bool:
        return node.translation_key in self.completed

    def count_done(self, node) -> int:
        if not node.children:
            return int(self.topic_done(node))
        return sum(self.count_done(child) for child in node.children)

    def percent(self, node) -> int:
        total = node.topic_count
        return round(100 * self.count_done(node) / total) if total else 0


def course_progress(user, outline) -> CourseProgress:
    keys = [node.translation_key for node in outline.course.descendants() if not node.children]
    progress = CourseProgress()
    if not user.is_authenticated or not keys:
        return progress
    progress.completed = {
        str(key)
        for key in TopicCompletion.objects.filter(user=user, topic_key__in=keys).values_list(
            "topic_key", flat=True
        )
    }
    best = (
        ExerciseAttempt.objects.filter(user=user, topic_key__in=keys)
        .values("topic_key", "block_id")
        .annotate(best=Max("score"), passes=Count("id", filter=Q(passed=True)))
    )
    for row in best:
        key = str(row["topic_key"])
        progress.best_scores[key] = max(progress.best_scores.get(key, 0), row["best"])
        progress.passed[key] = progress.passed.get(key, True) and row["passes"] > 0
    return progress
