import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_language_added_to_the_settings_gets_its_locale_and_an_alias_of_every_page():
    topic = factories.topic_with([factories.heading("Why clusters matter")])
    languages = [
        ("en", "English"),
        ("fr", "Français"),
        ("es", "Español"),
        ("hu", "Magyar"),
        ("el", "Ελληνικά"),
    ]
    with override_settings(LANGUAGES=[*languages, ("it", "Italiano")]):
        call_command("sync_languages", stdout=io.StringIO())
    italian = Locale.objects.get(language_code="it")
    alias = Page.objects.get(translation_key=topic.translation_key, locale=italian)
    assert alias.alias_of_id == topic.pk
