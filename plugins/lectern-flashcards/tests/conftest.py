import pytest


@pytest.fixture(autouse=True)
def empty_cache():
    """Topic articles are cached: never let one test's page leak into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
