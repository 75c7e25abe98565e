import json
import re
from urllib.parse import urlencode

import pytest
from django.test import Client
from wagtail.blocks.struct_block import StructBlockValidationError

from blocks.questions import MatchingQuestion, OrderingQuestion
from blocks.tokens import option_token
from tests import factories
from tests.blocks.exercise_data import EXERCISE, HIDDEN_UNTIL_GRADED, SECRET_TEXTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic():
    return factories.topic_with([EXERCISE])


def grade_url(topic):
    return f"/grade/{topic.pk}/exercise-1/"


def right_answers():
    return {
        "q-single": option_token(_item_id(0, 0)),
        "q-multiple": [option_token(_item_id(1, i)) for i in (0, 1, 3)],
        "q-tf": False,
        "q-fill": "  opc ua ",
        "q-order": [option_token(i) for i in ("o1", "o2", "o3", "o4")],
        "q-match": {option_token(m, "left"): option_token(m, "right") for m in ("m1", "m2", "m3")},
    }


_ids = {}


def _item_id(question, option):
    return _ids[(question, option)]


@pytest.fixture(autouse=True)
def option_ids(topic):
    """Choice options get ids on import/save; read them back from the stored body."""
    exercise = topic.body[0].value
    for q_index, child in enumerate(exercise["questions"]):
        if child.block_type in ("single_choice", "multiple_choice"):
            for o_index, item in enumerate(child.value["options"].bound_blocks):
                _ids[(q_index, o_index)] = item.id


def post_json(client, topic, answers, **headers):
    return client.post(
        grade_url(topic), json.dumps({"answers": answers}), content_type="application/json", **headers
    )


def test_the_page_shows_every_question_but_no_answer_feedback_or_explanation(client, topic):
    html = client.get(topic.url).content.decode()
    assert "Which body links firms" in html and "Match each term." in html
    assert "A model kept in sync with an asset" in html  # the choices are shown…
    for secret in HIDDEN_UNTIL_GRADED:
        assert secret not in html, secret
    choices = re.findall(
        r'<input type="(?:radio|checkbox)" name="q-q-(?:single|multiple)" value="([^"]*)"', html
    )
    assert len(choices) == 7 and all(re.fullmatch(r"[0-9a-f]{12}", value) for value in choices)


def two_of(question, key, first, second, n):
    """A question of two list items with ids unique to ``n``, as stored."""
    items = [{"type": "item", "id": f"{n}-{i}", "value": value} for i, value in enumerate((first, second))]
    return question.to_python({"prompt": "Two of them.", key: items})


def test_two_items_or_pairs_are_shown_in_either_order_so_the_order_tells_nothing():
    # Each block's order is stable (the article is cached for every learner) but drawn from a
    # keyed hash; an order that avoided the stored one would always show two items reversed.
    ordering, matching = OrderingQuestion(), MatchingQuestion()
    orders, answer_columns = set(), set()
    for n in range(40):
        value = two_of(ordering, "items", "First", "Second", n)
        orders.add(tuple(item["text"] for item in ordering.form_context(value, "q")["items"]))
        value = two_of(matching, "pairs", {"left": "A", "right": "to A"}, {"left": "B", "right": "to B"}, n)
        context = matching.form_context(value, "q")
        assert [left["text"] for left in context["lefts"]] == ["A", "B"]
        answer_columns.add(tuple(right["text"] for right in context["rights"]))
    assert orders == {("First", "Second"), ("Second", "First")}
    assert answer_columns == {("to A", "to B"), ("to B", "to A")}


def test_matching_does_not_pair_an_item_with_its_answer_in_the_markup(client, topic):
    html = client.get(topic.url).content.decode()
    # The CSRF token is random base62 and may contain "m2" by chance; every other
    # value in the markup is text or a hex token, so it is the only thing to set aside.
    without_csrf = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    assert "csrfmiddlewaretoken" in html and without_csrf != html
    for pair in ("m1", "m2", "m3"):
        assert pair not in without_csrf
        assert option_token(pair, "right") in html  # the answer is offered under an opaque name
    item = re.search(r'<fieldset class="matching__item">.*?</fieldset>', html, re.S).group(0)
    assert item.count('type="radio"') == 3  # the three answers, the same for every item


def test_right_answers_score_full_marks_through_the_json_api(client, topic):
    response = post_json(client, topic, right_answers())
    assert response.status_code == 200
    data = response.json()
    assert data["score"] == 100 and data["passed"] is True
    assert all(question["correct"] for question in data["questions"])
    assert "RIGHT-SINGLE-FEEDBACK" in data["html"] and "TF-RIGHT" in data["html"]


def test_wrong_and_partial_answers_get_their_feedback_and_the_right_answer(client, topic):
    answers = right_answers()
    answers["q-single"] = option_token(_item_id(0, 1))
    answers["q-multiple"] = [option_token(_item_id(1, 0)), option_token(_item_id(1, 2))]
    answers["q-tf"] = True
    answers["q-fill"] = "Modbus"
    answers["q-order"] = [option_token(i) for i in ("o2", "o1", "o3", "o4")]
    del answers["q-match"]
    data = post_json(client, topic, answers).json()
    by_id = {question["id"]: question for question in data["questions"]}
    assert by_id["q-single"]["score"] == 0 and by_id["q-single"]["feedback"] == ["WRONG-SINGLE-FEEDBACK"]
    assert by_id["q-single"]["right_answer"] == "A cluster organisation"
    assert by_id["q-multiple"]["score"] == 0  # one right, one wrong choice cancel out
    assert by_id["q-tf"]["feedback"] == ["TF-WRONG"]
    assert by_id["q-fill"]["score"] == 0 and by_id["q-fill"]["right_answer"] == "OPC UA"
    assert by_id["q-order"]["score"] == 0.5  # two of four in place
    assert by_id["q-match"]["answered"] is False
    assert data["score"] == 8 and data["passed"] is False


def test_an_empty_submission_reveals_no_right_answer_and_no_explanation(client, topic):
    data = post_json(client, topic, {}).json()
    assert all(
        not q["answered"] and q["right_answer"] == "" and q["explanation"] == "" for q in data["questions"]
    )
    for secret in (
        "A cluster organisation",
        "OPC UA",
        "Agree the scope",
        "A model kept in sync",
        "SINGLE-EXPLANATION",
    ):
        assert secret not in data["html"], secret
    page = client.post(grade_url(topic), {}).content.decode()  # the no-JS form, sent empty
    assert "Your score:" in page and "A cluster organisation" not in page and "SINGLE-EXPLANATION" not in page


def test_an_answered_question_still_gets_its_explanation_and_right_answer(client, topic):
    single = post_json(client, topic, {"q-single": option_token(_item_id(0, 1))}).json()["questions"][0]
    assert (
        single["right_answer"] == "A cluster organisation" and single["explanation"] == "SINGLE-EXPLANATION"
    )


def exercise_showing_answers(show_answers):
    exercise = json.loads(json.dumps(EXERCISE))
    exercise["value"].update(show_answers=show_answers, pass_mark=50)
    return factories.topic_with([exercise])


@pytest.mark.parametrize(
    ("show_answers", "shown_when_failed", "shown_when_passed"),
    [("attempt", True, True), ("passed", False, True), ("never", False, False)],
)
def test_the_editor_chooses_when_right_answers_are_shown(
    client, show_answers, shown_when_failed, shown_when_passed
):
    topic = exercise_showing_answers(show_answers)
    wrong_single = option_token(topic.body[0].value["questions"][0].value["options"].bound_blocks[1].id)
    four_of_six_right = {
        key: answer for key, answer in right_answers().items() if key not in ("q-single", "q-multiple")
    }
    failed = post_json(client, topic, {"q-single": wrong_single}).json()
    passed = post_json(client, topic, {**four_of_six_right, "q-single": wrong_single}).json()
    assert not failed["passed"] and passed["passed"]
    for data, shown in ((failed, shown_when_failed), (passed, shown_when_passed)):
        single = data["questions"][0]
        assert single["score"] == 0 and single["explanation"] == "SINGLE-EXPLANATION"
        assert (single["right_answer"] == "A cluster organisation") is shown
        assert ("A cluster organisation" in data["html"]) is shown


def test_an_exercise_stored_before_the_choice_existed_shows_answers_after_each_attempt(topic):
    assert "show_answers" not in EXERCISE["value"]
    assert topic.body[0].value["show_answers"] == "attempt"


def test_multiple_choice_gives_partial_credit(client, topic):
    two_of_three = [option_token(_item_id(1, 0)), option_token(_item_id(1, 1))]
    question = post_json(client, topic, {"q-multiple": two_of_three}).json()["questions"][1]
    assert question["score"] == pytest.approx(2 / 3, abs=0.001) and not question["correct"]


def test_fill_in_the_blank_can_require_case_and_accents(client):
    exercise = json.loads(json.dumps(EXERCISE))
    fill = exercise["value"]["questions"][3]["value"]
    fill.update({"answers": ["Szolnok"], "case_sensitive": True, "accent_sensitive": True})
    topic = factories.topic_with([exercise])
    grade = lambda text: post_json(client, topic, {"q-fill": text}).json()["questions"][3]["correct"]  # noqa: E731
    assert grade("Szolnok") and not grade("szolnok") and not grade("Szólnok")
    fill.update({"answers": ["Győr"], "case_sensitive": False, "accent_sensitive": False})
    topic = factories.topic_with([exercise])
    assert post_json(client, topic, {"q-fill": "GYOR"}).json()["questions"][3]["correct"]


def post_form(client, topic, form, encoding="multipart", **headers):
    """A form post: ``urlencoded`` as the no-JS form sends it, ``multipart`` as the script's FormData."""
    if encoding == "urlencoded":
        body = urlencode(form, doseq=True)
        return client.post(grade_url(topic), body, "application/x-www-form-urlencoded", headers=headers)
    return client.post(grade_url(topic), form, headers=headers)


def test_a_plain_form_post_without_javascript_shows_the_result_page(topic):
    browser = Client(enforce_csrf_checks=True)  # so the token read from the page is really checked
    page = browser.get(topic.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert "placeholder" not in token
    form = {"csrfmiddlewaretoken": token, "q-q-single": option_token(_item_id(0, 0)), "q-q-tf": "false"}
    for position, item in enumerate(("o1", "o2", "o3", "o4"), start=1):
        form[f"q-q-order-{option_token(item)}"] = str(position)
    form[f"q-q-match-{option_token('m1', 'left')}"] = option_token("m1", "right")
    response = post_form(browser, topic, form, "urlencoded")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your score:" in html and "RIGHT-SINGLE-FEEDBACK" in html
    assert f'href="{topic.url}#block-exercise-1"' in html
    forged = post_form(browser, topic, {**form, "csrfmiddlewaretoken": "x" * 64}, "urlencoded")
    assert forged.status_code == 400 and "security token" in forged.content.decode()


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"q-single": "not-a-token"}, "Unknown option"),
        ({"q-single": ["a", "b"]}, "one option"),
        ({"q-tf": "maybe"}, "true or false"),
        ({"q-fill": 42}, "is text"),
        ({"q-order": ["x"]}, "exactly once"),
        ({"q-match": ["x"]}, "maps each item"),
        ({"q-unknown": "x"}, "Unknown question"),
    ],
)
def test_a_malformed_or_tampered_answer_is_a_400_with_a_message(client, topic, answers, message):
    response = post_json(client, topic, answers)
    assert response.status_code == 400
    assert message in response.json()["error"]


def order_form(positions):
    """The no-JS ordering fields, one position per item o1..o4."""
    return {
        f"q-q-order-{option_token(item)}": position
        for item, position in zip(("o1", "o2", "o3", "o4"), positions, strict=True)
    }


@pytest.mark.parametrize(
    "positions",
    [
        ("1", "1", "1", "1"),
        ("1", "2", "3", "99"),
        ("1", "2", "2", "4"),
        ("0", "1", "2", "3"),
        ("1", "2", "3", "x"),
    ],
)
@pytest.mark.parametrize("accept", ["text/html", "application/json"])
def test_ordering_positions_must_use_each_place_once_in_a_form_post(client, topic, positions, accept):
    # Sorting by position would give full marks for "every item first": ties keep the right order.
    # The scripted form sends the same fields (FormData) and asks for JSON.
    response = client.post(grade_url(topic), order_form(positions), headers={"Accept": accept})
    assert response.status_code == 400
    text = response.json()["error"] if accept == "application/json" else response.content.decode()
    assert "Question 5:" in text
    assert "exactly once" in text or "whole number" in text


def test_ordering_positions_given_as_numbers_in_json_are_checked_the_same_way(client, topic):
    items = [option_token(item) for item in ("o1", "o2", "o3", "o4")]
    everything_first = post_json(client, topic, {"q-order": dict.fromkeys(items, 1)})
    assert everything_first.status_code == 400 and "exactly once" in everything_first.json()["error"]
    in_order = post_json(client, topic, {"q-order": {token: n for n, token in enumerate(items, start=1)}})
    assert in_order.status_code == 200 and in_order.json()["questions"][4]["correct"]


def test_ordering_positions_in_the_right_order_score_full_marks_in_a_form_post(client, topic):
    response = client.post(
        grade_url(topic), order_form(("1", "2", "3", "4")), headers={"Accept": "application/json"}
    )
    assert response.status_code == 200 and response.json()["questions"][4]["correct"]
    reversed_ = client.post(
        grade_url(topic), order_form(("4", "3", "2", "1")), headers={"Accept": "application/json"}
    )
    assert reversed_.json()["questions"][4]["score"] == 0


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"q-q-single": "not-a-token"}, "Question 1: Unknown option"),
        ({"q-q-single": ["not-a-token", "another"]}, "Question 1: A single-choice answer is one option."),
        ({"q-q-multiple": ["not-a-token"]}, "Question 2: Unknown option"),
        ({"q-q-tf": "maybe"}, "Question 3: Answer true or false."),
        ({"q-q-fill": "x" * 201}, "Question 4: That answer is too long."),
        ({f"q-q-order-{option_token('o1')}": "1"}, "Question 5: Give every item a position."),
        ({f"q-q-match-{option_token('m1', 'left')}": "not-a-token"}, "Question 6: Unknown answer"),
        (
            {f"q-q-match-{option_token('m1', 'left')}": option_token("m1", "left")},
            "Question 6: Unknown answer",
        ),
    ],
)
@pytest.mark.parametrize("encoding", ["urlencoded", "multipart"])
def test_a_malformed_or_tampered_form_post_is_a_400_with_a_message(client, topic, form, message, encoding):
    page = post_form(client, topic, form, encoding)
    assert page.status_code == 400 and message in page.content.decode()
    scripted = post_form(client, topic, form, encoding, Accept="application/json")
    assert scripted.status_code == 400 and message in scripted.json()["error"]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("--x\r\nnot a form", "multipart/form-data"),  # no boundary
        ("a=&" * 10_001, "application/x-www-form-urlencoded"),  # more fields than Django parses
    ],
)
def test_a_form_that_cannot_be_read_is_a_400_with_a_message(client, topic, body, content_type):
    response = client.post(grade_url(topic), body, content_type)
    assert response.status_code == 400 and "could not be read" in response.content.decode()


def test_a_body_that_is_not_json_is_a_400(client, topic):
    response = client.post(grade_url(topic), "{not json", content_type="application/json")
    assert response.status_code == 400 and "not valid JSON" in response.json()["error"]


def test_an_oversized_submission_is_a_400(client, topic):
    response = post_json(client, topic, {"q-fill": "x" * 70_000})
    assert response.status_code == 400 and "too large" in response.json()["error"]
    form = client.post(grade_url(topic), {"q-q-fill": "x" * 70_000})
    assert form.status_code == 400 and "too large" in form.content.decode()


def test_a_chunked_submission_without_a_length_is_limited_all_the_same(topic):
    from django.test import AsyncRequestFactory

    from blocks.views import grade

    body = json.dumps({"answers": {}, "padding": "x" * 70_000})  # would be graded if read whole
    request = AsyncRequestFactory().post(grade_url(topic), body, content_type="application/json")
    del request.META["CONTENT_LENGTH"]  # as with Transfer-Encoding: chunked, which ASGI servers pass on
    request._dont_enforce_csrf_checks = True  # as Django's test client does
    response = grade(request, topic.pk, "exercise-1")
    assert response.status_code == 400 and "too large" in json.loads(response.content)["error"]


def test_a_content_length_that_is_not_a_number_is_a_400_not_a_500(client, topic):
    response = client.post(
        grade_url(topic), json.dumps({"answers": {}}), content_type="application/json", CONTENT_LENGTH="lots"
    )
    assert response.status_code == 400 and response.json()["error"]


def test_json_nested_too_deeply_to_parse_is_a_400(client, topic):
    response = client.post(grade_url(topic), "[" * 50_000, content_type="application/json")
    assert response.status_code == 400 and "not valid JSON" in response.json()["error"]


def test_a_missing_csrf_token_is_a_400_with_a_message(topic):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(grade_url(topic), {"q-q-tf": "false"})
    assert response.status_code == 400
    assert "security token" in response.content.decode()


def test_a_json_submission_needs_the_csrf_token_too(topic):
    strict = Client(enforce_csrf_checks=True)
    strict.get(topic.url)  # sets the CSRF cookie, as for a learner reading the page
    without = post_json(strict, topic, {"q-tf": False})
    assert without.status_code == 400 and "security token" in without.json()["error"]
    wrong = post_json(strict, topic, {"q-tf": False}, headers={"X-CSRFToken": "x" * 32})
    assert wrong.status_code == 400 and "security token" in wrong.json()["error"]
    token = strict.cookies["csrftoken"].value
    assert post_json(strict, topic, {"q-tf": False}, headers={"X-CSRFToken": token}).status_code == 200


def test_an_unpublished_page_cannot_be_graded(client, topic):
    topic.unpublish()
    assert post_json(client, topic, right_answers()).status_code == 404


@pytest.mark.parametrize(
    ("question", "change", "message"),
    [
        (0, lambda q: [o.update(correct=False) for o in q["options"]], "Mark exactly one option as correct."),
        (
            1,
            lambda q: [o.update(correct=False) for o in q["options"]],
            "Mark at least one option as correct.",
        ),
        (3, lambda q: q.update(prompt="No blank here."), "Mark exactly one blank with ___."),
        (4, lambda q: q["items"][3].update(value=" agree the SCOPE"), "This item is already in the list"),
        (5, lambda q: q["pairs"][2]["value"].update(left="Digital twin"), "This item is already in a pair"),
        (5, lambda q: q["pairs"][2]["value"].update(right="Processing next to the machine"), "This match is"),
    ],
)
def test_an_exercise_with_an_authoring_mistake_gets_a_field_error(question, change, message):
    from django.core.exceptions import ValidationError

    from blocks.exercise import ExerciseBlock

    block = ExerciseBlock()
    value = json.loads(json.dumps(EXERCISE["value"]))
    change(value["questions"][question]["value"])
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(value))
    assert message in json.dumps(error.value.as_json_data())


def test_a_repeated_item_or_match_is_marked_beside_the_repeat_in_the_admin():
    from blocks.exercise import ExerciseBlock

    block = ExerciseBlock()
    value = json.loads(json.dumps(EXERCISE["value"]))
    value["questions"][4]["value"]["items"][2]["value"] = "Visit the shop floor"
    value["questions"][5]["value"]["pairs"][2]["value"].update(
        left="Edge computing", right="Processing next to the machine"
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(value))
    questions = json.loads(json.dumps(error.value.as_json_data()))["blockErrors"]["questions"]["blockErrors"]
    assert list(questions["4"]["blockErrors"]["items"]["blockErrors"]) == ["2"]
    pair = questions["5"]["blockErrors"]["pairs"]["blockErrors"]
    assert list(pair) == ["2"] and set(pair["2"]["blockErrors"]) == {"left", "right"}


def test_search_documents_carry_the_questions_but_never_the_answers(topic):
    child = topic.body[0]
    [document] = child.block.search_documents(child.value, {})
    assert "Which body links firms" in document.text
    for secret in SECRET_TEXTS:
        assert secret not in document.text, secret
