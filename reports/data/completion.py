"""How far learners get: per module, lesson and topic, how many start it and how many finish it.

Read in two queries whatever the number of learners (every completion and every
attempt of the course's topics, as pairs), then counted per node of the outline.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from progress.models import ExerciseAttempt, TopicCompletion

from .course import topic_nodes
from .learners import learners_matching


@dataclass
class FunnelRow:
    level: str
    title: str
    topics: int
    started: int
    finished: int

    @property
    def finished_percent(self) -> int:
        return round(100 * self.finished / self.started) if self.started else 0

    @property
    def indented_title(self) -> str:
        return {"module": "", "lesson": "— ", "topic": "— — "}[self.level] + self.title


def learner_topics(outline, criteria):
    """({learner: topics done}, {learner: topics touched}) for the outline's topics."""
    keys = [node.translation_key for node in topic_nodes(outline.course)]
    users = learners_matching(criteria).values("pk")
    done, touched = defaultdict(set), defaultdict(set)
    completions = TopicCompletion.objects.filter(
        topic_key__in=keys, user__in=users, **criteria.dates("completed_at")
    )
    for user_id, key in completions.values_list("user_id", "topic_key"):
        done[user_id].add(str(key))
        touched[user_id].add(str(key))
    attempts = ExerciseAttempt.objects.filter(
        topic_key__in=keys, user__in=users, **criteria.dates("created_at")
    )
    if criteria.language:
        attempts = attempts.filter(language=criteria.language)
    for user_id, key in attempts.values_list("user_id", "topic_key").distinct():
        touched[user_id].add(str(key))
    return done, touched


def funnel(outline, criteria) -> list[FunnelRow]:
    done, touched = learner_topics(outline, criteria)
    rows = []

    def visit(node, level):
        keys = (
            {topic.translation_key for topic in topic_nodes(node)}
            if not node.is_topic
            else {node.translation_key}
        )
        started = sum(1 for topics in touched.values() if topics & keys)
        finished = sum(1 for topics in done.values() if keys and keys <= topics)
        rows.append(FunnelRow(level, node.title, len(keys), started, finished))
        for child in node.children:
            visit(child, "lesson" if level == "module" else "topic")

    for module in outline.modules:
        visit(module, "module")
    return rows
