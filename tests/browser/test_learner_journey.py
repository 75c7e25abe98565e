"""A learner's journey in Chromium: mark a topic done, leave, resume from their space,
download the certificate the course rule earns them, and show it to someone logged out."""

from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from pypdf import PdfReader
from wagtail.models import Site

from cms.models import TopicPage
from progress.models import CompletionRule, TopicCompletion
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def course_on_live_server(live_server):
    course = factories.course(modules=1, lessons=2, topics=2, blocks=20)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    return course


@pytest.fixture
def learner_page(browser, live_server):
    """A browser tab logged in as a learner (signing up is the accounts journey's part)."""
    user = get_user_model().objects.create_user(
        "zoe", "zoe@example.org", "pw", first_name="Zoé", last_name="Szabó"
    )
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield user, page
    context.close()


@pytest.fixture
def rule_almost_met(course_on_live_server, learner_page):
    """Every topic but the last is done already; the rule asks for every topic."""
    user, _ = learner_page
    topics = list(TopicPage.objects.descendant_of(course_on_live_server).order_by("path"))
    TopicCompletion.objects.bulk_create(
        TopicCompletion(user=user, topic_key=t.translation_key) for t in topics[:-1]
    )
    CompletionRule.objects.create(course=course_on_live_server, topics_percent=100, exercises_percent=100)
    return topics[-1]


def test_a_learner_resumes_where_they_left_and_shows_their_certificate_to_anyone(
    browser, live_server, course_on_live_server, learner_page, rule_almost_met
):
    _, page = learner_page
    topic = rule_almost_met
    page.goto(live_server.url + topic.url)
    page.get_by_role("button", name="Mark this topic as done").click()
    assert page.get_by_text("You have completed this topic.").is_visible()

    page.locator(".topic__body .block").nth(12).scroll_into_view_if_needed()  # reading further down
    # Leaving sends a beacon saying where the learner was; the event is fired here so that
    # the test can wait for the request (a real unload's beacon leaves no page to watch).
    with page.expect_request_finished(lambda request: "/progress/visit/" in request.url):
        page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")
    page.goto(live_server.url + "/en/")
    page.goto(live_server.url + "/en/my-learning/")
    assert "4 of 4 topics done" in page.inner_text("main")
    page.get_by_role("link", name="Resume").click()
    assert page.locator("h1").inner_text() == topic.title
    address, anchor = page.url.split("#")
    assert address == live_server.url + topic.url and anchor.startswith("block-")
    assert page.locator(f"#{anchor}").is_visible()

    page.goto(live_server.url + "/en/my-learning/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the certificate (PDF)").click()
    pdf = Path(download.value.path()).read_bytes()
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    verification = next(word for word in text.split() if "/certificates/" in word)
    assert "Zoé Szabó" in text and course_on_live_server.title in text
    assert verification.startswith(live_server.url + "/certificates/")

    stranger = browser.new_context()
    public = stranger.new_page()
    public.goto(verification)
    assert public.get_by_text("This certificate is valid.").is_visible()
    assert "Zoé Szabó" in public.inner_text("main") and course_on_live_server.title in public.inner_text(
        "main"
    )
    stranger.close()
