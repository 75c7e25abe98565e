import pytest


@pytest.fixture
def home(db):
    from tests.factories import home_page

    return home_page()


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached page fragments must never leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """A request under /fr/ activates French in the test's thread: never let it leak."""
    from django.conf import settings
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)
