import pytest
from django.contrib.auth import get_user_model

from blocks.registry import registry


@pytest.fixture
def editor(client):
    """A client signed in as an administrator, who may edit every block."""
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw"))
    return client


@pytest.fixture
def plugin_removed():
    """Uninstall the example plugin's block for one test, as if the package were gone."""
    with registry.temporarily("flashcards", None):
        yield
