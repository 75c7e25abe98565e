import re

import pytest
from wagtail.models import Site

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUIZ = {
    "type": "exercise",
    "id": "quiz-1",
    "value": {
        "title": "Quick check",
        "pass_mark": 60,
        "questions": [
            {
                "type": "single_choice",
                "id": "q1",
                "value": {
                    "prompt": "Who leads a cluster organisation day to day?",
                    "options": [
                        {
                            "text": "The cluster manager",
                            "correct": True,
                            "feedback": "Yes: the manager runs the team.",
                        },
                        {
                            "text": "The European Commission",
                            "correct": False,
                            "feedback": "No: it funds, it does not run.",
                        },
                    ],
                    "explanation": "The board sets strategy; the manager runs the work.",
                },
            },
            {
                "type": "true_false",
                "id": "q2",
                "value": {
                    "statement": "An SME must replace all its machines to start with Industry 4.0.",
                    "answer": False,
                    "feedback_correct": "Right: retrofits come first.",
                    "feedback_incorrect": "No.",
                    "explanation": "",
                },
            },
            {
                "type": "fill_blank",
                "id": "q3",
                "value": {
                    "prompt": "Machines often talk through the ___ standard.",
                    "answers": ["OPC UA"],
                    "case_sensitive": False,
                    "accent_sensitive": False,
                    "feedback_correct": "",
                    "feedback_incorrect": "",
                    "explanation": "",
                },
            },
            {
                "type": "ordering",
                "id": "q4",
                "value": {
                    "prompt": "Order the steps of a readiness assessment.",
                    "items": [
                        {"type": "item", "id": "step-1", "value": "Agree the scope"},
                        {"type": "item", "id": "step-2", "value": "Visit the shop floor"},
                        {"type": "item", "id": "step-3", "value": "Write the roadmap"},
                    ],
                    "explanation": "",
                },
            },
            {
                "type": "matching",
                "id": "q5",
                "value": {
                    "prompt": "Match each term to its meaning.",
                    "pairs": [
                        {
                            "type": "item",
                            "id": "pair-1",
                            "value": {"left": "Digital twin", "right": "A live model"},
                        },
                        {
                            "type": "item",
                            "id": "pair-2",
                            "value": {"left": "Cobot", "right": "A robot colleague"},
                        },
                        {
                            "type": "item",
                            "id": "pair-3",
                            "value": {"left": "Edge", "right": "Computing on site"},
                        },
                    ],
                    "explanation": "",
                },
            },
        ],
    },
}
POSITIONS = {"Agree the scope": "1", "Visit the shop floor": "2", "Write the roadmap": "3"}
MATCHES = {"Digital twin": "A live", "Cobot": "A robot", "Edge": "Computing"}  # typed to pick from the list


@pytest.fixture
def topic_url(live_server):
    image = factories.image("Smart factory")
    blocks = [
        QUIZ,
        {
            "type": "infographic",
            "id": "ig-1",
            "value": {
                "title": "The smart factory",
                "image": image.pk,
                "alt_text": "A factory diagram",
                "description": "",
                "hotspots": [
                    {"x": 20, "y": 30, "title": "Connected machines", "text": "Machines report their state."},
                    {"x": 70, "y": 60, "title": "Planning", "text": "The ERP plans the orders."},
                ],
            },
        },
        {"type": "video", "id": "video-1", "value": factories.video_value()},
    ]
    topic = factories.topic_with(blocks, title="Blocks in the browser")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    return live_server.url + topic.url


def test_a_learner_answers_an_exercise_with_the_keyboard_alone_and_reads_the_feedback(page, topic_url):
    page.goto(topic_url)
    assert "The cluster manager" in page.content() and "Yes: the manager runs the team." not in page.content()

    page.locator("#question-q1 input").first.focus()
    page.keyboard.press("Space")  # choose the first option
    page.keyboard.press("Tab")  # on to the true/false group
    page.keyboard.press("ArrowRight")  # "False"
    page.keyboard.press("Tab")  # the blank
    page.keyboard.type("opc ua")
    # The ordering drop-downs: Tab to each, then type to choose (no pointer, no opened list).
    # The items are shuffled, so read the focused drop-down's label first.
    for _select in POSITIONS:
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.labels[0].textContent")
        page.keyboard.type(POSITIONS[label])
        assert page.evaluate("document.activeElement.selectedIndex") > 0, label
    # The matching answers: one group of radio buttons per term; arrows move, Space chooses.
    for _group in MATCHES:
        page.keyboard.press("Tab")
        term = page.evaluate("document.activeElement.closest('fieldset').querySelector('legend').textContent")
        for _option in range(len(MATCHES)):
            if page.evaluate("document.activeElement.labels[0].textContent.trim()").startswith(MATCHES[term]):
                break
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
        assert page.evaluate("document.activeElement.labels[0].textContent.trim()").startswith(MATCHES[term])
    page.keyboard.press("Tab")  # the submit button
    page.keyboard.press("Enter")

    result = page.locator("[data-exercise-result]")
    result.get_by_text("Your score: 100%").wait_for()
    text = result.inner_text()
    assert "Yes: the manager runs the team." in text and "Right: retrofits come first." in text
    assert page.evaluate("document.activeElement.matches('[data-exercise-result]')")
    assert page.url == topic_url  # answered in place, no page load


def test_a_hotspot_opens_with_the_keyboard_and_closes_with_escape(page, topic_url):
    page.goto(topic_url)
    hotspot = page.get_by_role("button", name="Planning")
    hotspot.focus()
    page.keyboard.press("Enter")
    panel = page.get_by_role("dialog", name="Planning")
    panel.wait_for(state="visible")
    assert "The ERP plans the orders." in panel.inner_text()
    page.keyboard.press("Escape")
    panel.wait_for(state="hidden")
    page.get_by_text("Text version of the infographic").click()
    assert "Machines report their state." in page.locator(".infographic__text").inner_text()


def test_the_video_player_plays_pauses_and_jumps_to_a_chapter_or_cue_with_the_keyboard_alone(page, topic_url):
    page.goto(topic_url)
    page.locator(".infographic__text summary").focus()  # the last stop before the video
    page.keyboard.press("Tab")  # the player
    assert page.evaluate("document.activeElement.matches('[data-video-player]')")
    page.keyboard.press("Space")
    page.wait_for_function("!document.querySelector('[data-video-player]').paused")
    page.keyboard.press("Space")
    page.wait_for_function("document.querySelector('[data-video-player]').paused")
    chapter = page.get_by_role("link", name="When it pays off")
    for _step in range(10):  # Tab through the player's own controls to the chapters
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "When it pays off":
            break
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('[data-video-player]').currentTime >= 2.9")
    assert chapter.is_visible() and current_time(page) == pytest.approx(3, abs=0.3)
    page.keyboard.press("Tab")  # the transcript, folded
    page.keyboard.press("Enter")  # opens it
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the third cue, at 7 s
    page.wait_for_function("document.querySelector('[data-video-player]').currentTime >= 6.9")
    assert current_time(page) == pytest.approx(7, abs=0.3)


def current_time(page):
    return page.evaluate("document.querySelector('[data-video-player]').currentTime")


def test_a_transcript_cue_takes_the_player_to_its_time(page, topic_url):
    page.goto(topic_url)
    page.get_by_text("Transcript", exact=True).click()
    page.get_by_role("link", name=re.compile("It pays off for complex")).click()
    page.wait_for_function("document.querySelector('[data-video-player]').currentTime >= 2.9")
    assert current_time(page) == pytest.approx(3, abs=0.3)
    assert "t=3" in page.url


def test_a_time_in_the_page_address_starts_the_player_there_without_javascript(
    browser, live_server, topic_url
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(topic_url + "?t=7&v=video-1")
    source = page.locator("[data-video-player] source").get_attribute("src")
    assert source.endswith("#t=7")
    context.close()
