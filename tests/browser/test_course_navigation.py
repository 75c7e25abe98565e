import re

import pytest
from wagtail.models import Site

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def course_on_live_server(live_server):
    course = factories.course(modules=2, lessons=2, topics=2, blocks=6)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    return course


def test_a_learner_reaches_a_topic_from_the_course_home_through_the_navigation(
    page, live_server, course_on_live_server
):
    page.goto(live_server.url + course_on_live_server.url)
    assert page.locator("h1").inner_text() == course_on_live_server.title

    page.get_by_role("link", name="Module 2").click()
    page.get_by_role("link", name="Lesson 2.1").first.click()
    page.get_by_role("link", name="Topic 2.1.2").first.click()

    assert page.locator("h1").inner_text() == "Topic 2.1.2"
    breadcrumbs = page.get_by_role("navigation", name="Breadcrumb")
    assert re.search(r"Module 2.*Lesson 2\.1.*Topic 2\.1\.2", breadcrumbs.inner_text(), re.S)

    page.get_by_role("link", name="Section 1", exact=True).click()
    assert page.url.endswith("#section-1")

    page.get_by_role("link", name=re.compile("Next topic")).click()
    assert page.locator("h1").inner_text() == "Topic 2.2.1"  # across the lesson boundary


def test_the_keyboard_reaches_the_content_through_the_skip_link(page, live_server, course_on_live_server):
    page.goto(live_server.url + course_on_live_server.url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to content"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_the_printed_outline_keeps_the_curriculum_and_drops_the_site_chrome(
    page, live_server, course_on_live_server
):
    page.goto(live_server.url + course_on_live_server.url + "outline/")
    header, table = page.locator("header.site-header"), page.locator("table.outline-table").first
    assert header.is_visible() and table.is_visible()
    page.emulate_media(media="print")
    assert not header.is_visible()
    assert not page.locator("footer.site-footer").is_visible()
    assert table.is_visible()
    assert "Topic 2.2.2" in page.locator("main").inner_text()
    pdf = page.pdf()  # Chromium lays the outline out for paper without error
    assert pdf.startswith(b"%PDF")
