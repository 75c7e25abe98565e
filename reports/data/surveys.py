"""A survey's results: every question's answers counted across languages, free text listed.

Answers are keyed by the question's translation key and the choice's key, so the
counts need one grouped query whatever the number of respondents; labels come from
the source-language survey.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count

from surveys.models import SurveyPage
from surveys.questions import CHOICE_TYPES, FREE_TEXT, question_choices
from surveys.responses import SurveyAnswer, SurveyResponse

from .learners import has_profile

FREE_TEXT_SHOWN = 200


def source_surveys():
    return SurveyPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)


@dataclass
class AnswerRow:
    question: str
    answer: str
    count: int
    by_language: dict = field(default_factory=dict)
    share: int = 0

    def languages(self) -> str:
        return ", ".join(f"{code}: {n}" for code, n in sorted(self.by_language.items()))


@dataclass
class QuestionResult:
    question: object
    rows: list[AnswerRow]
    total: int


def responses(survey, criteria):
    found = SurveyResponse.objects.filter(survey_key=survey.translation_key, **criteria.dates("submitted_on"))
    if criteria.language:
        found = found.filter(language=criteria.language)
    if criteria.partner_id and not survey.anonymous and has_profile():
        found = found.filter(learner__learner_profile__partner_id=criteria.partner_id)
    return found


def survey_results(survey, criteria) -> list[QuestionResult]:
    chosen = responses(survey, criteria)
    answers = SurveyAnswer.objects.filter(response__in=chosen.values("pk"))
    counts = {}
    for row in (
        answers.exclude(choice="")
        .values("question_key", "choice", "response__language")
        .annotate(n=Count("pk"))
    ):
        counts.setdefault((row["question_key"], row["choice"]), {})[row["response__language"]] = row["n"]
    texts = {}
    for key, text in (
        answers.filter(text__gt="").order_by("question_key", "pk").values_list("question_key", "text")
    ):
        texts.setdefault(key, []).append(text)
    return [question_result(q, counts, texts) for q in survey.get_form_fields()]


def question_result(question, counts, texts) -> QuestionResult:
    if question.field_type == FREE_TEXT:
        listed = texts.get(question.translation_key, [])[:FREE_TEXT_SHOWN]
        return QuestionResult(question, [AnswerRow(question.label, text, 1) for text in listed], len(listed))
    rows = []
    for key, label in question_choices(question) if question.field_type in CHOICE_TYPES else []:
        by_language = counts.get((question.translation_key, key), {})
        rows.append(AnswerRow(question.label, label, sum(by_language.values()), by_language))
    total = sum(row.count for row in rows)
    for row in rows:
        row.share = round(100 * row.count / total) if total else 0
    return QuestionResult(question, rows, total)
