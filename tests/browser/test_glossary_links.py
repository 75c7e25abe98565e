import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from cms.models import TopicPage
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TWIN = "A virtual model kept in step with a real asset."
SHEET = {
    "type": "vocab_sheet",
    "id": "vocab-1",
    "value": {
        "title": "Key terms",
        "introduction": "",
        "terms": [
            {"term": "Digital twin", "abbreviation": "", "synonyms": [], "definition": TWIN, "related": []}
        ],
    },
}
PROSE = '<p>Read <a href="https://example.org/">the guide</a> first. Digital twins need live data.</p>'


@pytest.fixture
def text_topic_url(live_server):
    glossary_topic = factories.topic_with([SHEET], title="Key terms")
    lesson = glossary_topic.get_parent().specific
    body = [{"type": "rich_text", "id": "text-1", "value": PROSE}]
    topic = factories.publish(lesson, TopicPage(title="Twins at work", slug="twins-at-work", body=body))
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    return live_server.url + topic.url, glossary_topic.url


def test_a_glossary_link_opens_its_definition_by_keyboard(page, text_topic_url):
    url, glossary_url = text_topic_url
    page.goto(url)
    term = page.get_by_role("link", name="Digital twins")
    definition = page.get_by_role("tooltip")
    expect(definition).to_be_hidden()

    page.get_by_role("link", name="the guide").focus()
    page.keyboard.press("Tab")
    expect(term).to_be_focused()
    expect(definition).to_be_visible()
    expect(definition).to_have_text(TWIN)
    expect(term).to_have_accessible_description(TWIN)
    expect(term).to_have_attribute("href", f"{glossary_url}#term-digital-twin")
    assert definition.inner_text() == TWIN

    page.keyboard.press("Escape")  # dismissed without moving the focus (WCAG 1.4.13)
    expect(definition).to_be_hidden()
    expect(term).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{glossary_url}#term-digital-twin")
    assert page.url.endswith(f"{glossary_url}#term-digital-twin")
