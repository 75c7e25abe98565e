"""A learner switches the language of a topic in a real browser."""

import pytest
from django.test import TestCase
from wagtail.models import Locale, Site

from cms.translations import apply_po, page_po, sync_locale_trees
from tests import factories
from tests.cms.test_languages import HEADING, PARAGRAPH, in_french

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def topic_in_two_languages(live_server):
    topic = factories.topic_with([HEADING, PARAGRAPH], title="Why clusters matter")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    sync_locale_trees()
    french = Locale.objects.get(language_code="fr")
    with TestCase.captureOnCommitCallbacks(execute=True):
        apply_po(topic, french, in_french(page_po(topic, french, blank=True)))
    return topic


def test_a_learner_switches_a_topic_to_french_and_back_and_meets_an_untranslated_one(
    page, live_server, topic_in_two_languages
):
    page.set_extra_http_headers({"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"})
    page.goto(live_server.url + topic_in_two_languages.url.removeprefix("/en"))  # no language in the address
    assert page.url.startswith(live_server.url + "/fr/")  # the browser's language wins
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "FR: Why clusters matter"

    switcher = page.get_by_role("navigation", name="Langue")
    switcher.get_by_role("link", name="English").click()
    assert page.url == live_server.url + topic_in_two_languages.url
    assert page.locator("h1").inner_text() == "Why clusters matter"
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    assert page.locator("h1").inner_text() == "FR: Why clusters matter"
    assert page.get_by_text("FR: small firms").is_visible()

    # The same topic at its Greek address: shown in English, with a notice in Greek.
    greek = topic_in_two_languages.get_translation(Locale.objects.get(language_code="el"))
    page.goto(live_server.url + greek.url)
    assert page.locator("h1").inner_text() == "Why clusters matter"
    notice = page.locator(".notice--fallback")
    assert notice.is_visible() and notice.get_attribute("lang") == "el"
    assert page.locator("main").get_attribute("lang") == "en"
