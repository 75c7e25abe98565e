"""The interface speaks the learner's language: /fr/…, /es/…, /hu/…, /el/….

The page content stays as written (English here); what Lectern itself says around it
(the skip link, headings, buttons, messages) comes from locale/<lang>/LC_MESSAGES.
"""

import json
from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests import factories
from tests.blocks.exercise_data import EXERCISE

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["fr", "es", "hu", "el"]

# What a topic with an exercise shows around its content, in each language.
EXPECTED = {
    "fr": [
        "Aller au contenu",
        "Rédigé par",
        "Vérifier mes réponses",
        "Acquis d’apprentissage",
        "Sur cette page",
    ],
    "es": [
        "Ir al contenido",
        "Escrito por",
        "Comprobar mis respuestas",
        "Resultados de aprendizaje",
        "En esta página",
    ],
    "hu": [
        "Ugrás a tartalomhoz",
        "Szerzők",
        "Válaszaim ellenőrzése",
        "Tanulási eredmények",
        "Ezen az oldalon",
    ],
    "el": [
        "Μετάβαση στο περιεχόμενο",
        "Συντάκτες",
        "Έλεγχος των απαντήσεών μου",
        "Μαθησιακά αποτελέσματα",
        "Σε αυτή τη σελίδα",
    ],
}
ENGLISH = ["Skip to content", "Written by", "Check my answers", "Learning outcomes", "On this page"]


@pytest.fixture
def topic(db):
    return factories.topic_with([factories.heading("Why clusters matter"), EXERCISE])


def page_in(client, page, lang):
    path = page.url
    assert path.startswith("/en/"), path
    response = client.get(f"/{lang}/{path[len('/en/') :]}")
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_english_page_shows_the_english_interface(client, topic):
    html = page_in(client, topic, "en")
    assert '<html lang="en">' in html
    for text in ENGLISH:
        assert text in html, text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_topic_shows_its_interface_in_the_language_of_its_address(client, topic, lang):
    html = page_in(client, topic, lang)
    assert f'<html lang="{lang}">' in html
    for text in EXPECTED[lang]:
        assert text in html, (lang, text)
    for text in ENGLISH:
        assert text not in html, (lang, text)
    assert "Why clusters matter" in html  # the content itself is not touched


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_course_pages_count_in_the_language_of_their_address(db, client, lang):
    course = factories.course(modules=2, lessons=1, topics=1)
    html = page_in(client, course, lang)
    facts = {
        "fr": ("2 modules", "Voir le plan complet du cours"),
        "es": ("2 módulos", "Ver la estructura completa del curso"),
        "hu": ("2 modul", "A kurzus teljes tematikájának megtekintése"),
        "el": ("2 ενότητες", "Δείτε ολόκληρη τη διάρθρωση του προγράμματος"),
    }[lang]
    for text in facts:
        assert text in html, (lang, text)
    assert "See the whole course outline" not in html and "about " not in html


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fr", "Répondez par vrai ou faux."),
        ("es", "Responda verdadero o falso."),
        ("hu", "Válaszoljon igazzal vagy hamissal."),
        ("el", "Απαντήστε σωστό ή λάθος."),
    ],
)
def test_grading_messages_follow_the_language_of_the_page_answered(client, topic, lang, message):
    from wagtail.models import Locale

    from cms.translations import sync_locale_trees

    sync_locale_trees()
    page = topic.get_translation(Locale.objects.get(language_code=lang))  # its address in that language
    response = client.post(
        f"/grade/{page.pk}/exercise-1/",
        json.dumps({"answers": {"q-tf": "maybe"}}),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",  # the page decides, not the browser
    )
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert "Answer true or false" not in response.json()["error"]


def po_files():
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def test_every_interface_language_has_a_catalogue():
    assert {path.parent.parent.name for path in po_files()} >= set(LANGUAGES)


@pytest.mark.parametrize("po_path", po_files(), ids=lambda path: str(path.relative_to(LOCALE_DIR)))
def test_every_message_is_translated_and_none_is_fuzzy(po_path):
    catalogue = polib.pofile(str(po_path))
    assert not catalogue.metadata_is_fuzzy, "the header is marked fuzzy"
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], untranslated
    assert fuzzy == [], fuzzy
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            assert all(form.strip() for form in entry.msgstr_plural.values()), entry.msgid


def _entries(catalogue):
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): (
            entry.msgstr,
            tuple(sorted(entry.msgstr_plural.items())),
        )
        for entry in catalogue
        if not entry.obsolete and entry.msgid
    }


@pytest.mark.parametrize("po_path", po_files(), ids=lambda path: str(path.relative_to(LOCALE_DIR)))
def test_the_compiled_catalogue_matches_its_po_file(po_path, tmp_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run manage.py compilemessages"
    fresh = tmp_path / "fresh.mo"
    polib.pofile(str(po_path)).save_as_mofile(str(fresh))
    assert _entries(polib.mofile(str(mo_path))) == _entries(polib.mofile(str(fresh))), (
        f"{mo_path} is out of date: run manage.py compilemessages"
    )
