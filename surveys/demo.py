"""The demo course's two surveys and their answers (an ``after_load_demo_course`` hook).

Deterministic and fast: one seeded random generator, answers written with
``bulk_create``. Validation responses are linked to demo learners: the learners the
learner app's demo made (profiles, by username) first, topped up with ``survey-demo-NN``
learners of our own when there are fewer than 35.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from cms.models import Competence
from cms.translations import apply_po, page_po
from progress.models import LearnerProfile

from . import demo_texts as texts
from .models import SurveyPage, SurveyQuestion
from .questions import question_choices
from .responses import AnsweredMarker, SurveyAnswer, SurveyResponse

VALIDATION_RESPONSES = 35
NEEDS_RESPONSES = 146
SEED = 146


def add_demo_surveys(*, course) -> str:
    rng = random.Random(SEED)
    with transaction.atomic():
        validation = validation_survey(course)
        needs = needs_survey(course)
        made = answer_validation(validation, rng) + answer_needs(needs, rng)
    return f"Surveys: validation (English and French) and needs analysis, {made} new responses."


def survey_page(course, slug, **fields) -> tuple[SurveyPage, bool]:
    existing = SurveyPage.objects.child_of(course).filter(slug=slug).first()
    if existing:
        return existing, False
    page = SurveyPage(slug=slug, **fields)
    course.add_child(instance=page)
    page.save_revision().publish()
    return SurveyPage.objects.get(pk=page.pk), True


def validation_survey(course) -> SurveyPage:
    questions = [
        SurveyQuestion(field_type=kind, label=label, choices=choices, required=required, sort_order=number)
        for number, (kind, label, _fr, choices, _fr_choices, required) in enumerate(
            texts.VALIDATION_QUESTIONS
        )
    ]
    page, made = survey_page(
        course,
        "validation-survey",
        title=texts.VALIDATION_TITLE[0],
        introduction=texts.VALIDATION_INTRO[0],
        thank_you_text=texts.VALIDATION_THANKS[0],
        invite_after_percent=60,
        form_fields=questions,
    )
    if made:
        translate_to_french(page)
    return page


def french_words() -> dict:
    words = dict(zip(texts.VALIDATION_TITLE[:1], texts.VALIDATION_TITLE[1:], strict=True))
    words[texts.VALIDATION_INTRO[0]] = texts.VALIDATION_INTRO[1]
    words[texts.VALIDATION_THANKS[0]] = texts.VALIDATION_THANKS[1]
    for _kind, label, fr_label, choices, fr_choices, _required in texts.VALIDATION_QUESTIONS:
        words[label] = fr_label
        if choices:  # wagtail-localize shows a text's line breaks as <br/>
            words[choices.replace("\n", "<br/>")] = fr_choices.replace("\n", "<br/>")
    return words


def translate_to_french(page) -> None:
    """Through wagtail-localize, as a translator's file would: the labels, never the keys."""
    french = Locale.objects.get(language_code="fr")
    po = page_po(page, french, blank=True)
    words = french_words()
    for entry in po:
        entry.msgstr = words.get(entry.msgid, "")
    apply_po(page, french, po)


def needs_survey(course) -> SurveyPage:
    questions = [
        SurveyQuestion(
            field_type="likert",
            label=f"{competence.code} {competence.title}",
            choices=texts.NEEDS_LABELS,
            required=True,
            competence=competence,
            sort_order=number,
        )
        for number, competence in enumerate(Competence.objects.order_by("code"))
    ]
    closed = timezone.now() - datetime.timedelta(days=400)
    page, _made = survey_page(
        course,
        "needs-analysis",
        title=texts.NEEDS_TITLE,
        introduction=texts.NEEDS_INTRO,
        anonymous=True,
        opens_at=closed - datetime.timedelta(days=30),
        closes_at=closed,
        form_fields=questions,
    )
    return page


LANGUAGE_CYCLE = ["en", "fr", "en", "es", "en", "fr", "hu", "en", "el", "fr"]


def demo_learners(count: int) -> list[tuple]:
    """(user, language) for ``count`` demo learners: the learner app's first, then our own."""
    profiles = LearnerProfile.objects.select_related("user").order_by("user__username")[:count]
    learners = [(profile.user, profile.language) for profile in profiles]
    users = get_user_model().objects
    for number in range(len(learners) + 1, count + 1):
        language = LANGUAGE_CYCLE[number % len(LANGUAGE_CYCLE)]
        user, made = users.get_or_create(
            username=f"survey-demo-{number:02d}", defaults={"email": f"survey-demo-{number:02d}@example.org"}
        )
        if made:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            LearnerProfile.objects.create(user=user, full_name=f"Demo learner {number}", language=language)
        learners.append((user, language))
    return learners


def pick(rng, question) -> list[SurveyAnswer]:
    keys = [key for key, _label in question_choices(question)]
    key = question.translation_key
    if question.field_type == "likert":
        point = rng.choices(keys, weights=[1, 2, 5, 10, 7])[0]
        return [SurveyAnswer(question_key=key, choice=point, number=int(point))]
    if question.field_type == "rating":
        point = rng.choices(keys, weights=[0, 0, 1, 1, 2, 3, 5, 8, 10, 7, 5])[0]
        return [SurveyAnswer(question_key=key, choice=point, number=int(point))]
    if question.field_type == "checkboxes":
        return [SurveyAnswer(question_key=key, choice=c) for c in sorted(rng.sample(keys, rng.randint(1, 3)))]
    if question.field_type == "radio":
        return [
            SurveyAnswer(
                question_key=key, choice=rng.choices(keys, weights=[1, 6, 2][: len(keys)] or None)[0]
            )
        ]
    return []


def save_responses(survey, planned) -> int:
    """``planned``: [(response, [answers])]; written in two bulk inserts."""
    SurveyResponse.objects.bulk_create([response for response, _answers in planned])
    rows = []
    for response, answers in planned:
        for answer in answers:
            answer.response = response
            rows.append(answer)
    SurveyAnswer.objects.bulk_create(rows)
    return len(planned)


def answer_validation(survey, rng) -> int:
    if SurveyResponse.objects.filter(survey_key=survey.translation_key).exists():
        return 0
    questions = list(survey.get_form_fields())
    texts_left = list(texts.FREE_TEXT_ANSWERS)
    today, planned, markers = timezone.localdate(), [], []
    for index, (user, language) in enumerate(demo_learners(VALIDATION_RESPONSES)):
        language = "fr" if language == "fr" else "en"
        answers = [answer for question in questions for answer in pick(rng, question)]
        if index % 7 == 3 and texts_left:
            text_language, text = texts_left.pop(0)
            answers.append(SurveyAnswer(question_key=questions[-1].translation_key, text=text))
            language = text_language
        day = today - datetime.timedelta(days=rng.randint(1, 45))
        planned.append(
            (
                SurveyResponse(
                    survey_key=survey.translation_key, language=language, submitted_on=day, learner=user
                ),
                answers,
            )
        )
        markers.append(
            AnsweredMarker(learner=user, survey_key=survey.translation_key, state=AnsweredMarker.ANSWERED)
        )
    AnsweredMarker.objects.bulk_create(markers, ignore_conflicts=True)
    return save_responses(survey, planned)


def answer_needs(survey, rng) -> int:
    """Anonymous: no learner, no marker; each competence has its own typical level of need."""
    if SurveyResponse.objects.filter(survey_key=survey.translation_key).exists():
        return 0
    questions = list(survey.get_form_fields())
    typical = {q.translation_key: 2.2 + (index * 7 % 11) / 4 for index, q in enumerate(questions)}
    closed, planned = timezone.localdate(survey.closes_at), []
    for _respondent in range(NEEDS_RESPONSES):
        answers = []
        for question in questions:
            point = min(5, max(1, round(rng.gauss(typical[question.translation_key], 0.9))))
            answers.append(
                SurveyAnswer(question_key=question.translation_key, choice=str(point), number=point)
            )
        day = closed - datetime.timedelta(days=rng.randint(1, 30))
        planned.append(
            (SurveyResponse(survey_key=survey.translation_key, language="en", submitted_on=day), answers)
        )
    return save_responses(survey, planned)
