"""How far learners get: per module, lesson and topic, how many start it and how many finish it.

Read in two queries whatever the number of learners (every completion and every
attempt of the course's topics, as pairs), then counted per node of the outline.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from progress.models import ExerciseAttempt, TopicCompletion

from .course import topic_nodes
from .keys import topic_number
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
    """({learner: bitmask of topics done}, {learner: bitmask of topics touched}), topic i = bit i."""
    keys = [node.translation_key for node in topic_nodes(outline.course)]
    users = learners_matching(criteria).values("pk")
    number = topic_number(keys)
    done, touched = defaultdict(int), defaultdict(int)
    completions = TopicCompletion.objects.filter(
        topic_key__in=keys, user__in=users, **criteria.dates("completed_at")
    )
    for user_id, bit in completions.annotate(n=number).values_list("user_id", "n"):
        done[user_id] |= 1 << bit
    attempts = ExerciseAttempt.objects.filter(
        topic_key__in=keys, user__in=users, **criteria.dates("created_at")
    )
    if criteria.language:
        attempts = attempts.filter(language=criteria.language)
    for user_id, bit in attempts.annotate(n=number).values_list("user_id", "n").distinct():
        touched[user_id] |= 1 << bit
    for user_id, mask in done.items():
        touched[user_id] |= mask
    return keys, list(done.values()), list(touched.values())


def funnel(outline, criteria) -> list[FunnelRow]:
    keys, done, touched = learner_topics(outline, criteria)
    bit = {key: 1 << number for number, key in enumerate(keys)}
    rows = []

    def visit(node, level):
        topics = [node] if node.is_topic else topic_nodes(node)
        mask = sum(bit[topic.translation_key] for topic in topics)
        started = sum(1 for learner in touched if learner & mask)
        finished = sum(1 for learner in done if mask and learner & mask == mask)
        rows.append(FunnelRow(level, node.title, len(topics), started, finished))
        for child in node.children:
            visit(child, "lesson" if level == "module" else "topic")

    for module in outline.modules:
        visit(module, "module")
    return rows
