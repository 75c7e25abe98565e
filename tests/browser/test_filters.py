"""The glossary and the tool library narrow their entries as the learner types."""

import pytest
from wagtail.models import Site

from tests.blocks.test_sheets import course_with_bodies, term, tool_sheet, vocab_sheet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def course(live_server):
    course, _topics = course_with_bodies(
        [
            vocab_sheet(
                term("Digital twin", "A virtual model kept in step with an asset."),
                term("Cobot", "A robot designed to work beside people."),
                term("Éco-conception", "Design for the environment."),
            ),
            tool_sheet("Digital maturity scan"),
            tool_sheet("Roadmap canvas"),
        ]
    )
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    return course


def visible(page, selector):
    return [item.inner_text().split("\n")[0] for item in page.locator(selector).all() if item.is_visible()]


def test_the_glossary_narrows_as_the_learner_types_ignoring_case_and_accents(page, live_server, course):
    page.goto(live_server.url + course.url + "glossary/")
    terms = "#glossary dt"
    assert len(visible(page, terms)) == 3
    page.get_by_label("Filter the terms").fill("ECO")
    assert visible(page, terms) == ["Éco-conception"]
    assert page.locator("section[data-filter-group]:visible").count() == 1  # empty letters hide too
    page.get_by_label("Filter the terms").fill("")
    assert len(visible(page, terms)) == 3


def test_the_tool_library_narrows_as_the_learner_types(page, live_server, course):
    page.goto(live_server.url + course.url + "tools/")
    page.get_by_label("Filter the tools").fill("roadmap")
    assert visible(page, "#tools [data-filter-item]") == ["Roadmap canvas"]
