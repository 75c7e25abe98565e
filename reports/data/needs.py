"""Needs analysis → curriculum: which competences learners need most, and what answers them.

Each needs-analysis question names the competence it measures. A competence's need is
the mean answer to its questions on a 0–1 scale (a Likert point 1–5 or a 0–10 rating).
Next to it: the learning outcomes that build it and the live topics that teach it,
directly or through one of those outcomes. High need and few topics is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Avg, Count

from cms.models import LearningOutcome, TopicPage
from surveys.questions import LIKERT, RATING
from surveys.responses import SurveyAnswer

from .surveys import responses

HIGH_NEED = 0.6  # at least "agree" on average, or 6.4 of 10
FEW_TOPICS = 2


@dataclass
class CompetenceNeed:
    rank: int
    code: str
    title: str
    need: float
    respondents: int
    outcomes: list = field(default_factory=list)
    topics: list = field(default_factory=list)

    @property
    def need_percent(self) -> int:
        return round(100 * self.need)

    @property
    def flagged(self) -> bool:
        return self.need >= HIGH_NEED and len(self.topics) < FEW_TOPICS

    @property
    def outcome_codes(self) -> str:
        return ", ".join(outcome.code for outcome in self.outcomes)

    @property
    def topic_titles(self) -> str:
        return "; ".join(self.topics)


def scaled(mean, field_type) -> float:
    if mean is None:
        return 0.0
    return (mean - 1) / 4 if field_type == LIKERT else mean / 10


def need_by_competence(survey, criteria) -> dict:
    """{competence: (need 0–1, respondents)} over the survey's questions that measure one."""
    fields = survey.form_fields.select_related("competence").all()
    questions = [q for q in fields if q.competence_id and q.field_type in (LIKERT, RATING)]
    chosen = responses(survey, criteria).values("pk")
    means = (
        SurveyAnswer.objects.filter(
            response__in=chosen, question_key__in=[q.translation_key for q in questions], number__isnull=False
        )
        .values("question_key")
        .annotate(mean=Avg("number"), n=Count("response", distinct=True))
    )
    by_key = {row["question_key"]: row for row in means}
    needs = {}
    for question in questions:
        row = by_key.get(question.translation_key, {})
        score, count = scaled(row.get("mean"), question.field_type), row.get("n", 0)
        old_score, old_count = needs.get(question.competence, (0.0, 0))
        total = old_count + count
        needs[question.competence] = (
            (old_score * old_count + score * count) / total if total else 0.0,
            total,
        )
    return needs


def curriculum_for(competences) -> tuple[dict, dict]:
    """({competence id: [outcomes]}, {competence id: [topic titles]}) from the source-language course."""
    ids = [competence.pk for competence in competences]
    outcomes = {}
    for outcome in (
        LearningOutcome.objects.filter(competences__in=ids, locale__language_code=settings.LANGUAGE_CODE)
        .prefetch_related("competences")
        .distinct()
    ):
        for competence in outcome.competences.all():
            outcomes.setdefault(competence.pk, []).append(outcome)
    topics = {}
    live = TopicPage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
    )
    direct = live.filter(competences__in=ids).values_list("competences", "title")
    through = live.filter(outcomes__competences__in=ids).values_list("outcomes__competences", "title")
    for competence_id, title in [*direct, *through]:
        titles = topics.setdefault(competence_id, [])
        if title not in titles:
            titles.append(title)
    return outcomes, topics


def ranked_needs(survey, criteria) -> list[CompetenceNeed]:
    needs = need_by_competence(survey, criteria)
    outcomes, topics = curriculum_for(needs)
    ordered = sorted(needs.items(), key=lambda item: (-item[1][0], item[0].code))
    return [
        CompetenceNeed(
            rank,
            competence.code,
            competence.title,
            round(need, 3),
            respondents,
            outcomes.get(competence.pk, []),
            sorted(topics.get(competence.pk, [])),
        )
        for rank, (competence, (need, respondents)) in enumerate(ordered, start=1)
    ]
