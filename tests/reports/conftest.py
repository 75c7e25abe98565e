"""A small course with two partners' lessons, learners who worked on both, and a survey."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.utils import timezone

from cms.models import Competence, LessonPage, Partner, TopicPage
from progress.certificates import issue_certificate
from progress.models import ExerciseAttempt, LearnerProfile, TopicCompletion
from reports.models import WrongAnswer
from roles.models import RoleGroup
from roles.teams import setup_roles
from tests import factories
from tests.surveys.factories import answers, survey


@dataclass
class Classroom:
    course: object
    lessons: dict
    topics: dict
    survey: object
    needs: object
    users: dict


def user_in(role, username, **lookup):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(RoleGroup.objects.get(role=role, **lookup).group)
    return user


def learner(username, full_name, language, partner):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    LearnerProfile.objects.create(user=user, full_name=full_name, language=language, partner=partner)
    return user


def work(user, topic, block_id, results):
    TopicCompletion.objects.create(user=user, topic_key=topic.translation_key)
    for passed in results:
        ExerciseAttempt.objects.create(
            user=user,
            topic_key=topic.translation_key,
            block_id=block_id,
            language="en",
            score=90 if passed else 30,
            passed=passed,
        )
        if not passed:
            WrongAnswer.objects.create(
                topic_key=topic.translation_key,
                block_id=block_id,
                question_id="q2",
                prompt=f"Hardest question of {block_id}",
                language="en",
                answered_on=timezone.localdate(),
            )


def needs_survey(course):
    measured = Competence.objects.create(code="C50", title="Digital readiness")
    untaught = Competence.objects.create(code="C51", title="Negotiating with funders")
    page = survey(
        course,
        title="Needs analysis",
        slug="needs",
        anonymous=True,
        questions=[
            ("I need digital readiness", "likert", "", True),
            ("I need to negotiate", "rating", "", True),
        ],
    )
    first, second = page.get_form_fields()
    first.competence, second.competence = measured, untaught
    first.save(), second.save()
    for topic in TopicPage.objects.descendant_of(course):
        topic.competences.add(measured)  # two topics: not "few"
        topic.save()
    return page


@pytest.fixture(scope="module")
def classroom(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_classroom(Client())
        transaction.set_rollback(True)


def build_classroom(client):
    course = factories.course(modules=1, lessons=2, topics=1, blocks=0)
    alpha = Partner.objects.create(key="alpha", name="Alpha Cluster", country="FR")
    beta = Partner.objects.create(key="beta", name="Beta Cluster", country="HU")
    lessons = dict(
        zip(("alpha", "beta"), LessonPage.objects.descendant_of(course).order_by("path"), strict=True)
    )
    for key, partner in (("alpha", alpha), ("beta", beta)):
        lessons[key].partner = partner
        lessons[key].save_revision().publish()
    topics = {key: TopicPage.objects.child_of(lesson).get() for key, lesson in lessons.items()}
    setup_roles()
    zoe = learner("zoe", "Zoé Apprenante", "fr", alpha)
    sam = learner("sam", "Sam Learner", "en", beta)
    work(zoe, topics["alpha"], "ex-alpha", [False, True])
    work(sam, topics["beta"], "ex-beta", [False, False, True])
    validation = survey(course)
    for user, improve in ((zoe, "Plus de vidéos"), (sam, "More case studies")):
        client.force_login(user)
        client.post(validation.url, answers(what_should_we_improve=improve))
    needs = needs_survey(course)
    issue_certificate(zoe, course, "fr")
    client.logout()
    users = {
        "coordinator": user_in(RoleGroup.COORDINATOR, "coordinator"),
        "site_administrator": user_in(RoleGroup.SITE_ADMINISTRATOR, "siteadmin"),
        "partner_editor": user_in(RoleGroup.PARTNER_EDITOR, "alpha-editor", partner=alpha),
        "reviewer": user_in(RoleGroup.REVIEWER, "reviewer"),
        "learner": zoe,
    }
    return Classroom(course, lessons, topics, validation, needs, users)
