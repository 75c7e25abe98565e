import pytest
from django.db import transaction

from tests import factories

from .factories import learner, survey, translate_to_french


@pytest.fixture(scope="module")
def course(django_db_setup, django_db_blocker):
    """One small course per module, built in a transaction rolled back at the module's end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield factories.course(modules=1, lessons=1, topics=4, blocks=0)
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def bilingual_survey(course, django_db_blocker):
    """(English survey, its French translation), made once for the module."""
    with django_db_blocker.unblock():
        english = survey(course, slug="bilingual")
        return english, translate_to_french(english)


@pytest.fixture
def linked_survey(db, course):
    return survey(course)


@pytest.fixture
def anonymous_survey(db, course):
    return survey(course, title="Needs", slug="needs", anonymous=True)


@pytest.fixture
def learner_client(client, db):
    client.force_login(learner())
    return client
