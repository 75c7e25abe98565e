import pytest


@pytest.fixture
def home(db):
    from tests.factories import home_page

    return home_page()
