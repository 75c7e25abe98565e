"""A course team: two partners with a lesson each, a course in five languages, one user per role."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from cms.models import LessonPage, Partner, TopicPage
from roles.models import RoleGroup
from roles.teams import setup_roles
from tests import factories


@dataclass
class Team:
    course: object
    partners: dict
    lessons: dict
    topics: dict
    users: dict

    def topic_in(self, partner_key, language):
        return self.topics[partner_key].get_translation(Locale.objects.get(language_code=language)).specific


def user_in(group, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(group)
    return user


def role_group(role, **lookup):
    return RoleGroup.objects.get(role=role, **lookup).group


def translate(page, language):
    """Make the page's alias in ``language`` a real (synced) translation, as the admin's Translate does."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code=language)
    )
    translation.save_target(publish=True)
    return translation


def sync_trees(*languages):
    """Mirror the English tree into these languages only (all five take twice as long)."""
    english = Locale.objects.get(language_code="en")
    for language in languages:
        synchronize_tree(english, Locale.objects.get(language_code=language))


def build_team() -> Team:
    factories.home_page()
    course = factories.course(modules=1, lessons=2, topics=1, blocks=0)
    partners = {
        "alpha": Partner.objects.create(key="alpha", name="Alpha Cluster", country="FR"),
        "beta": Partner.objects.create(key="beta", name="Beta Cluster", country="HU"),
    }
    lessons = {}
    for key, lesson in zip(partners, LessonPage.objects.descendant_of(course).order_by("path"), strict=True):
        lesson.partner = partners[key]
        lesson.save_revision().publish()
        lessons[key] = LessonPage.objects.get(pk=lesson.pk)
    topics = {key: TopicPage.objects.child_of(lesson).get() for key, lesson in lessons.items()}
    sync_trees("fr", "es")
    for language in ("fr", "es"):
        translate(topics["alpha"], language)
    setup_roles()
    users = {
        "partner_a": user_in(role_group(RoleGroup.PARTNER_EDITOR, partner=partners["alpha"]), "alpha-editor"),
        "partner_b": user_in(role_group(RoleGroup.PARTNER_EDITOR, partner=partners["beta"]), "beta-editor"),
        "reviewer": user_in(role_group(RoleGroup.REVIEWER), "reviewer"),
        "coordinator": user_in(role_group(RoleGroup.COORDINATOR), "coordinator"),
        "translator_fr": user_in(
            role_group(RoleGroup.TRANSLATOR, locale__language_code="fr"), "translator-fr"
        ),
        "siteadmin": user_in(role_group(RoleGroup.SITE_ADMINISTRATOR), "siteadmin"),
    }
    return Team(course, partners, lessons, topics, users)


@pytest.fixture
def team(db):
    return build_team()


@pytest.fixture(scope="module")
def shared_team(django_db_setup, django_db_blocker):
    """One team for a whole module of read-mostly cases; each test still rolls back its own changes.

    The team is built inside a transaction that is rolled back when the module ends,
    and every test (with the ``db`` fixture) runs in a savepoint within it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_team()
        transaction.set_rollback(True)


def topic_form(topic, body=(), **changes):
    """The topic edit form as the admin posts it, with ``changes`` applied."""
    topic = TopicPage.objects.get(pk=topic.pk).get_latest_revision_as_object()
    authors = list(topic.authors.all())
    data = {
        "title": topic.title,
        "slug": topic.slug,
        "introduction": topic.introduction,
        "estimated_minutes": topic.estimated_minutes,
        "body": streamfield(list(body)),
        "authors": inline_formset(
            [{"id": link.pk, "expert": link.expert_id, "ORDER": n} for n, link in enumerate(authors, 1)],
            initial=len(authors),
        ),
        "comments": inline_formset([]),
    }
    choices = {  # multiple choices stay lists: nested_form_data would number them
        "outcomes": [outcome.pk for outcome in topic.outcomes.all()],
        "competences": [competence.pk for competence in topic.competences.all()],
    }
    for key, value in changes.items():
        (choices if key in choices else data)[key] = value
    return {**nested_form_data(data), **choices}


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"
