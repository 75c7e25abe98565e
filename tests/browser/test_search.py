"""The search page in a real browser: suggestions while typing, highlighted hits, facets,
hits that open the exact block or video moment, and the empty state."""

import re

import pytest
from wagtail.models import Site

from tests import factories
from tests.search.test_indexer import vocab as vocab_sheet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def search_url(live_server):
    """Two published topics, indexed as they are published (on commit), on the live server."""
    factories.topic_with(
        [
            {"type": "rich_text", "value": "<p>Filler text for the layout.</p>" * 40},
            vocab_sheet(
                ("Sensor", "A device that measures a machine's state."),
                ("Sensor fusion", "Combining what several sensors report."),
                ("Gateway", "A box that forwards sensor data to the cloud."),
            ),
        ],
        title="Sensing the shop floor",
    )
    factories.topic_with(
        [{"type": "video", "id": "video-1", "value": factories.video_value()}], title="Printing parts"
    )
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    return live_server.url + "/en/search/"


def suggestions(page):
    page.wait_for_function("document.querySelectorAll('#search-suggestions option').length > 0")
    return page.eval_on_selector_all("#search-suggestions option", "options => options.map(o => o.value)")


def test_a_learner_types_sees_suggestions_narrows_by_facet_and_lands_on_the_term(page, search_url):
    page.goto(search_url)
    page.locator("#search-q").press_sequentially("sens", delay=30)
    offered = suggestions(page)
    assert "Sensor" in offered and "Sensor fusion" in offered
    assert all(re.search(r"\bsens", title, re.I) for title in offered)

    page.locator("#search-q").fill("sensor")
    page.locator("#search-q").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=sensor"))
    heading = page.locator("#results-title").inner_text()
    total = int(heading.split()[0])
    assert total >= 3
    marks = page.locator(".hit__snippet mark").all_inner_texts()
    assert marks and all(mark.lower().startswith("sensor") for mark in marks)
    vocabulary = page.locator(".facets li", has_text="Vocabulary")
    assert vocabulary.locator(".count").inner_text() == "3"

    vocabulary.get_by_role("link").click()
    page.wait_for_url(re.compile(r"kind=vocab_term"))
    assert page.locator("#results-title").inner_text() == "3 results"
    assert page.locator(".hit").count() == 3
    assert page.get_by_role("link", name="Vocabulary").get_attribute("aria-current") == "true"

    page.locator(".hit h3 a", has_text=re.compile(r"^Gateway$")).click()
    page.wait_for_url(re.compile(r"#term-gateway$"))
    term = page.locator("#term-gateway")
    assert "forwards sensor data" in term.inner_text()
    assert page.evaluate(
        "() => { const r = document.getElementById('term-gateway').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }"
    ), "the page opened scrolled to the term"


def test_a_video_moment_opens_the_topic_with_the_player_at_that_time(page, search_url):
    page.goto(search_url + "?q=low-volume")
    hit = page.locator(".hit--transcript").first
    assert "3 s" in hit.locator(".hit__kind").inner_text()
    hit.locator("h3 a").click()
    page.wait_for_url(re.compile(r"\?t=3&v=video-1#block-video-1$"))
    assert page.locator("h1").inner_text() == "Printing parts"
    page.wait_for_function("document.querySelector('[data-video-player]').currentTime >= 2.9")


def test_a_search_with_no_hit_says_what_to_try(page, search_url):
    page.goto(search_url)
    page.locator("#search-q").fill("blockchain")
    page.locator("#search-q").press("Enter")
    page.wait_for_url(re.compile(r"q=blockchain"))
    assert page.locator("#results-title").inner_text() == "0 results"
    assert "Nothing in the course matches “blockchain”" in page.locator(".empty-state").inner_text()
    assert page.locator(".hit").count() == 0


def test_a_misspelled_search_shows_the_correction_and_the_term_first(page, search_url):
    page.goto(search_url + "?q=sensr+fusoin")
    correction = page.locator(".search-corrected")
    assert "Showing results for sensor fusion" in correction.inner_text()
    assert page.locator(".hit h3").first.inner_text() == "Sensor fusion"
    assert page.locator(".hit").first.get_attribute("class") == "hit hit--vocab_term"
    correction.get_by_role("link", name="Search instead for “sensr fusoin”").click()
    page.wait_for_url(re.compile(r"as_typed=1"))
    assert page.locator(".search-corrected").count() == 0
    assert page.locator("#results-title").inner_text() == "0 results"
