import pytest

from tests import factories

from .factories import learner, survey


@pytest.fixture
def course(db):
    return factories.course(modules=1, lessons=1, topics=4)


@pytest.fixture
def linked_survey(course):
    return survey(course)


@pytest.fixture
def anonymous_survey(course):
    return survey(course, title="Needs", slug="needs", anonymous=True)


@pytest.fixture
def learner_client(client, db):
    client.force_login(learner())
    return client
