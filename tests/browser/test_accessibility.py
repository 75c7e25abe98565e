"""axe-core over every learner page, in English and French, signed out and in; and the
small-screen checks, in one Chromium, one live server and one course.

axe-core is vendored (tests/browser/vendor/axe.min.js, from the npm package, MPL-2.0)
so the run needs no network. The pages come from tests/learner_site.LEARNER_PAGES: a new
learner page is checked as soon as it is listed there.
"""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests import learner_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Experimental in axe, so not run by tag alone: the hotspot buttons once failed it.
EXTRA_RULES = {"label-content-name-mismatch": {"enabled": True}}
SMALL_SCREEN = {"width": 390, "height": 844}


@pytest.fixture
def site(live_server):
    return learner_site.build(live_server)


def signed_in_cookie(live_server):
    user = get_user_model().objects.create_user("learner", "learner@example.com", "pw-learner-1")
    client = Client()
    client.force_login(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}


def violations(page):
    """axe's WCAG 2.2 AA violations on the loaded page, as 'rule: target' lines."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "([tags, rules]) => axe.run(document, {runOnly: {type: 'tag', values: tags}, rules})"
        "  .then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))",
        [WCAG_22_AA, EXTRA_RULES],
    )
    return found


def test_every_learner_page_passes_axe_at_wcag_2_2_aa_in_english_and_french_signed_out_and_in(
    browser, live_server, site
):
    problems = {}
    for signed_in in (False, True):
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        if signed_in:
            context.add_cookies([signed_in_cookie(live_server)])
        page = context.new_page()
        for page_type in learner_site.LEARNER_PAGES:
            if page_type in (learner_site.SIGNED_OUT_ONLY if signed_in else learner_site.SIGNED_IN_ONLY):
                continue
            for language in ("en", "fr"):
                response = page.goto(live_server.url + site.url(page_type, language))
                assert response.status == 200, (page_type, language)
                found = violations(page)
                if found:
                    problems[(page_type, language, "signed in" if signed_in else "signed out")] = found
        context.close()
    assert problems == {}


def test_on_a_small_screen_nothing_scrolls_sideways_and_every_answer_shows_in_full(
    browser, live_server, site
):
    context = browser.new_context(viewport=SMALL_SCREEN)
    page = context.new_page()
    wide = {}
    for page_type in learner_site.LEARNER_PAGES:
        if page_type in learner_site.SIGNED_IN_ONLY:
            continue
        page.goto(live_server.url + site.url(page_type, "fr"))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > SMALL_SCREEN["width"]:
            wide[page_type] = width
    assert wide == {}
    page.goto(live_server.url + site.url("topic"))
    # Every answer of the matching question is readable whole: no text cut off its box.
    cut = page.evaluate(
        "[...document.querySelectorAll('.question--matching label')]"
        ".filter(l => l.scrollWidth > l.clientWidth + 1 || l.getBoundingClientRect().right > innerWidth)"
        ".map(l => l.textContent.trim())"
    )
    assert cut == []
    # A fill-in-the-blank question says what to do next to its number.
    legend = page.locator(".question--fill_blank legend").inner_text()
    assert legend.split("\n")[-1].strip() == "Fill in the blank"
    context.close()
