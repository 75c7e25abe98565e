"""No English interface string on a French, Spanish, Hungarian or Greek learner page.

An interface string is one of our catalogue's msgids. For each learner page type (and
each exercise result), the strings found in the English render are looked for in the
render in another language: any one still there, where that language's catalogue
translates it differently, is English a learner reads by mistake. Content that is not
translated yet is English on purpose and is never a msgid of the catalogue.
"""

import itertools
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale

from tests import learner_site

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "es", "hu", "el"]
SPOKEN_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt", "label", "data-error-message"}
PLACEHOLDER = re.compile(r"%(?:\([a-z_]+\))?[sd]")


class SpokenText(HTMLParser):
    """Every text node and every attribute a learner reads or hears, whitespace folded."""

    def __init__(self):
        super().__init__()
        self.chunks, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")
        self.chunks.extend(value for name, value in attrs if name in SPOKEN_ATTRIBUTES and value)

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.chunks.append(data)


def spoken(html: str) -> list[str]:
    parser = SpokenText()
    parser.feed(html)
    return [" ".join(chunk.split()) for chunk in parser.chunks]


@cache
def catalogue(language):
    """{msgid: (its pattern, its translation's)} for our interface strings that ``language`` translates differently.

    A msgid with little text of its own ("%(hours)s h", "by %(partner)s", one word)
    counts only as a whole text node, never inside a sentence of the content.
    """
    po = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"))
    found = {}
    for entry in po.translated_entries():
        forms = [(entry.msgid, entry.msgstr)]
        if entry.msgid_plural:
            forms = [
                (entry.msgid, entry.msgstr_plural.get(0)),
                (entry.msgid_plural, entry.msgstr_plural.get(1)),
            ]
        for msgid, msgstr in forms:
            if msgid and msgstr and msgid != msgstr:
                found[msgid] = (pattern_of(msgid), pattern_of(msgstr))
    return found


def pattern_of(msgid):
    literal = [re.sub(r"\s+", " ", part) for part in PLACEHOLDER.split(msgid.replace("%%", "%"))]
    pattern = ".+?".join(re.escape(part) for part in literal)
    if len("".join(literal).strip()) < 12 or " " not in msgid:
        return re.compile(f"^{pattern}$")
    return re.compile(rf"(?<!\w){pattern}(?!\w)")


def interface_strings(html, language):
    chunks = spoken(html)
    return {
        msgid
        for msgid, (english, translated) in catalogue(language).items()
        if any(english.search(c) and not translated.search(c) for c in chunks)
    }


def english_left(english_html, other_html, language):
    """The interface strings of the English render still in English in the other render."""
    return interface_strings(english_html, language) & interface_strings(other_html, language)


@pytest.fixture
def site(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the search index fills on commit
        return learner_site.build()


@pytest.fixture
def learner(client):
    user = get_user_model().objects.create_user(
        "ada", "ada@example.com", "pw-learner-1"
    )  # a name no interface string shares
    client.force_login(user)
    return client


def get(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_every_learner_page_speaks_the_language_of_its_address(learner, site):
    problems = {}
    for page_type in learner_site.LEARNER_PAGES:
        client = Client() if page_type in learner_site.SIGNED_OUT_ONLY else learner
        english = get(client, site.url(page_type))
        assert interface_strings(english, "fr"), page_type  # the check can see English at all
        for language in LANGUAGES:
            left = english_left(english, get(client, site.url(page_type, language)), language)
            if left:
                problems[(page_type, language)] = sorted(left)
    assert problems == {}, json.dumps({" ".join(k): v for k, v in problems.items()}, indent=0)


def grade(client, page, language, answers, as_json):
    """The result a learner reads after answering, inline (JSON) or as a page (form post)."""
    translation = page.get_translation(Locale.objects.get(language_code=language))
    url = f"/grade/{translation.pk}/exercise-1/"
    if as_json:
        body = json.dumps({"answers": answers})
        response = client.post(url, body, content_type="application/json", HTTP_ACCEPT="application/json")
        return response.json().get("html") or response.json()["error"]
    form = {f"q-{key}": str(value).lower() for key, value in answers.items()}  # as the browser sends it
    return client.post(url, form).content.decode()


def test_every_exercise_result_and_error_speaks_the_language_of_the_page(client, site):
    submissions = {
        "wrong": {"q-tf": True, "q-fill": "fax"},
        "right": {"q-tf": False, "q-fill": "OPC UA"},
        "bad": {"q-tf": "perhaps"},
        "empty": {},
    }
    problems = {}
    for (name, answers), as_json in itertools.product(submissions.items(), (True, False)):
        english = grade(client, site.topic, "en", answers, as_json)
        for language in LANGUAGES:
            left = english_left(english, grade(client, site.topic, language, answers, as_json), language)
            if left:
                problems[(name, "inline" if as_json else "page", language)] = sorted(left)
    assert problems == {}, json.dumps({" ".join(k): v for k, v in problems.items()}, indent=0)
