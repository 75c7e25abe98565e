"""Per exercise: how many pass, how many tries passing takes, the question most often missed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count

from cms.models import TopicPage
from progress.models import ExerciseAttempt

from ..models import WrongAnswer
from .course import topic_nodes
from .keys import topic_number
from .learners import learners_matching


@dataclass
class ExerciseRow:
    topic: str
    exercise: str
    learners: int = 0
    attempts: int = 0
    passed: int = 0
    tries_to_pass: int = 0  # summed over the learners who passed
    most_missed: str = ""
    missed_count: int = 0

    @property
    def pass_rate(self) -> int:
        return round(100 * self.passed / self.learners) if self.learners else 0

    @property
    def average_tries_to_pass(self) -> float:
        return round(self.tries_to_pass / self.passed, 1) if self.passed else 0


def exercise_titles(keys) -> dict:
    """{(topic key, block id): (topic title, exercise title)} from the source-language topics."""
    titles = {}
    topics = TopicPage.objects.filter(translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE)
    for topic in topics.only("translation_key", "title", "body"):
        for block in topic.body.raw_data:
            value = block.get("value")
            if isinstance(value, dict) and value.get("title"):
                titles[(str(topic.translation_key), block.get("id"))] = (topic.title, value["title"])
    return titles


def _filtered(queryset, criteria, keys, users, date_field):
    queryset = queryset.filter(topic_key__in=keys, **criteria.dates(date_field))
    if criteria.language:
        queryset = queryset.filter(language=criteria.language)
    return queryset if users is None else queryset.filter(user__in=users)


def exercise_rows(outline, criteria) -> list[ExerciseRow]:
    topics = {node.translation_key: node.title for node in topic_nodes(outline.course)}
    keys = list(topics)
    users = learners_matching(criteria).values("pk")
    attempts = _filtered(ExerciseAttempt.objects, criteria, keys, users, "created_at")
    per_learner = defaultdict(list)  # (topic, block, user) -> [passed, …] in order
    numbered = attempts.annotate(n=topic_number(keys)).order_by("created_at", "pk")
    for number, block, user, passed in numbered.values_list("n", "block_id", "user_id", "passed"):
        per_learner[(keys[number], block, user)].append(passed)
    titles = exercise_titles(keys)
    rows = {}
    for (key, block, _user), results in per_learner.items():
        topic, title = titles.get((key, block), (topics.get(key, "?"), block))
        row = rows.setdefault((key, block), ExerciseRow(topic, title))
        row.learners += 1
        row.attempts += len(results)
        if True in results:
            row.passed += 1
            row.tries_to_pass += results.index(True) + 1
    add_most_missed(rows, criteria, keys)
    order = {key: index for index, key in enumerate(keys)}
    return [rows[k] for k in sorted(rows, key=lambda k: (order.get(k[0], 0), k[1]))]


def add_most_missed(rows, criteria, keys) -> None:
    misses = _filtered(WrongAnswer.objects, criteria, keys, None, "answered_on")
    counted = misses.values("topic_key", "block_id", "question_id").annotate(n=Count("pk")).order_by("-n")
    english = WrongAnswer.objects.filter(topic_key__in=keys, language=settings.LANGUAGE_CODE)
    prompts = {
        (str(key), block, question): prompt
        for key, block, question, prompt in english.values_list(
            "topic_key", "block_id", "question_id", "prompt"
        ).distinct()
    }
    for miss in counted:
        at = (str(miss["topic_key"]), miss["block_id"])
        row = rows.get(at)
        if row is not None and not row.most_missed:
            row.most_missed = prompts.get((*at, miss["question_id"])) or miss["question_id"]
            row.missed_count = miss["n"]
