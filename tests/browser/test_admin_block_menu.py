import pytest
from django.contrib.auth import get_user_model

from blocks.registry import registry
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def edit_url(live_server):
    get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    topic = factories.topic_with(
        [
            {"type": "rich_text", "value": "<p>Before the deck.</p>", "id": "text-1"},
            {"type": "flashcards", "value": {"title": "Deck", "cards": []}, "id": "deck-1"},
        ]
    )
    return f"{live_server.url}/admin/pages/{topic.pk}/edit/"


def log_in(page, url):
    page.goto(url)
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(url)


def test_the_block_menu_never_offers_the_unavailable_block_which_still_shows_in_a_page(page, edit_url):
    with registry.temporarily("flashcards", None):
        log_in(page, edit_url)
        body = page.locator("#panel-child-content-body-content")
        assert body.get_by_text("Unavailable block (plugin not installed)").count() == 1
        body.get_by_title("Insert a block").first.click()
        menu = page.get_by_role("listbox")
        menu.get_by_role("option", name="Text").first.wait_for()
        options = menu.get_by_role("option").all_inner_texts()
        assert any("Heading" in option for option in options)
        assert not any("Unavailable" in option for option in options)
