"""A French and an English learner answer one survey; the coordinator sees one total and exports it."""

import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Site

from tests import factories
from tests.surveys.factories import learner, survey, translate_to_french

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logged_in(browser, live_server, user):
    """A browser context already signed in as ``user`` (the login pages have their own tests)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.fixture
def bilingual_survey(live_server):
    course = factories.course(modules=1, lessons=1, topics=1, blocks=0)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    english = survey(course)
    return english, translate_to_french(english)


def answer(page, module_label, improvement, send_label):
    page.locator('input[name="the_content_was_clear"][value="5"]').check()
    page.get_by_label(module_label, exact=True).check()
    page.locator('input[name="how_likely_are_you_to_recommend_the_course"][value="8"]').check()
    page.locator('textarea[name="what_should_we_improve"]').fill(improvement)
    page.get_by_role("button", name=send_label).click()


def test_french_and_english_answers_count_together_and_export_to_a_spreadsheet(
    browser, live_server, bilingual_survey
):
    english, french = bilingual_survey
    context, page = logged_in(browser, live_server, learner("amelie"))
    page.goto(live_server.url + french.url)
    assert page.locator("html").get_attribute("lang") == "fr"
    answer(page, "FR Module two", "Plus d'études de cas", "Envoyer mes réponses")
    assert page.get_by_role("status").inner_text().startswith("FR Thank you")
    context.close()

    context, page = logged_in(browser, live_server, learner("oliver"))
    page.goto(live_server.url + english.url)
    answer(page, "Module two", "Shorter videos", "Send my answers")
    assert "Thank you for helping us improve the course." in page.get_by_role("status").inner_text()
    context.close()

    coordinator = get_user_model().objects.create_superuser("coordinator", "c@example.org", "pw")
    context, page = logged_in(browser, live_server, coordinator)
    page.goto(f"{live_server.url}/admin/reports/course/surveys/{english.pk}/")
    assert "2 responses, in every language together" in page.content()
    row = page.locator("tr", has_text="Module two")
    assert row.locator("td").nth(2).inner_text() == "2" and "en: 1, fr: 1" in row.inner_text()
    assert page.get_by_text("Plus d'études de cas").is_visible()
    page.get_by_role("button", name="Actions").click()  # the report header's menu
    with page.expect_download() as download:
        page.get_by_role("link", name="Download XLSX").click()
    sheet = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read())).active
    rows = {(row[0], row[1]): row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[("Which module helped you most?", "Module two")] == 2
    assert rows[("What should we improve?", "Shorter videos")] == 1
    context.close()
