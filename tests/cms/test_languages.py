"""The course in five languages: addresses, fallback, the switcher, translated blocks,
keeping translators' work when the source changes, and PO files in and out."""

import json
import re

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from blocks.tokens import option_token
from cms.course_format import CourseFormatError
from cms.course_format.importer import CourseImporter
from cms.models import ContentVersion, CoursePage, LearningOutcome, TopicAuthor, TopicPage
from cms.translations import apply_po, page_po, sync_locale_trees
from tests import factories
from tests.blocks.exercise_data import EXERCISE
from tests.cms.test_course_format import empty_the_site, folder_files, write_course_folder

pytestmark = pytest.mark.django_db

VOCAB = {
    "type": "vocab_sheet",
    "value": {
        "title": "Key terms",
        "introduction": "",
        "terms": [
            {
                "term": "Digital twin",
                "abbreviation": "",
                "synonyms": [],
                "definition": "A virtual model kept in step with a physical asset.",
                "related": [],
            }
        ],
    },
}
PARAGRAPH = {
    "type": "rich_text",
    "id": "p1",
    "value": "<p>Clusters help <b>small firms</b> adopt new tools.</p>",
}
HEADING = {"type": "heading", "id": "h1", "value": {"text": "Why it matters", "level": "h2", "anchor": ""}}


def locale(code):
    return Locale.objects.get(language_code=code)


def in_french(po, skip=()):
    """A translator's PO file: every string 'translated' with a visible FR: mark, tags kept."""
    for entry in po:
        if entry.msgctxt != "slug" and entry.msgid not in skip:
            entry.msgstr = re.sub(r"(^|>)([^<]+)", lambda m: f"{m.group(1)}FR: {m.group(2)}", entry.msgid)
    return po


@pytest.fixture
def topic():
    topic = factories.topic_with(
        [HEADING, PARAGRAPH, dict(EXERCISE, id="exercise-1"), dict(VOCAB, id="vocab-1")]
    )
    sync_locale_trees()
    return topic


def translated(topic, code="fr"):
    # wagtail-localize publishes the translation once the transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        apply_po(topic, locale(code), in_french(page_po(topic, locale(code), blank=True)))
    return topic.get_translation(locale(code))


def html(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


# addresses and fallback ------------------------------------------------------


def test_a_bare_address_takes_the_browser_language_else_english(client, topic):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="hu-HU,hu;q=0.9").headers["Location"] == "/hu/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9").headers["Location"] == "/en/"
    path = topic.url.removeprefix("/en")
    assert client.get(path, HTTP_ACCEPT_LANGUAGE="el").headers["Location"] == f"/el{path}"


def test_every_page_has_an_address_in_every_language(client, topic):
    for code in ("en", "fr", "es", "hu", "el"):
        page = topic.get_translation(locale(code))
        assert page.url.startswith(f"/{code}/")
        assert f'<html lang="{code}">' in html(client, page.url)


def test_an_untranslated_page_is_shown_in_english_with_a_notice_never_a_404(client, topic):
    spanish = topic.get_translation(locale("es"))
    page = html(client, spanish.url)
    assert "notice--fallback" in page
    assert '<main id="main" class="wrap" tabindex="-1" lang="en">' in page  # read aloud as English
    assert "Why it matters" in page and "Which body links firms" in page
    english = html(client, topic.url)
    assert "notice--fallback" not in english
    assert client.get("/es/no-such-page/").status_code == 404


def test_a_translated_page_is_shown_in_its_language_without_the_notice(client, topic):
    french = translated(topic)
    page = html(client, french.url)
    assert "notice--fallback" not in page
    assert "FR: Why it matters" in page and "FR: Clusters help <b>FR: small firms</b>" in page
    assert "FR: Which body links firms" in page
    assert not re.search(r"(?<!FR: )Which body links firms", page)  # the exercise is translated too


def test_a_translation_started_but_not_finished_still_says_it_is_shown_in_english(client, topic):
    with TestCase.captureOnCommitCallbacks(execute=True):  # as if a translator opened the editor
        apply_po(topic, locale("fr"), page_po(topic, locale("fr"), blank=True))
    french = topic.get_translation(locale("fr"))
    assert french.alias_of_id is None  # no longer an alias: the old check saw a translation
    page = html(client, french.url)
    assert re.search(r'<p class="notice notice--fallback" role="note" lang="fr">', page)
    assert '<main id="main" class="wrap" tabindex="-1" lang="en">' in page  # read aloud as English


def test_a_partly_translated_page_names_the_parts_still_in_english(client, topic):
    po = in_french(page_po(topic, locale("fr"), blank=True))
    for entry in po:
        if entry.msgctxt.startswith("body.exercise-1"):  # the translator has not reached the exercise
            entry.msgstr = ""
    with TestCase.captureOnCommitCallbacks(execute=True):
        apply_po(topic, locale("fr"), po)
    page = html(client, topic.get_translation(locale("fr")).url)
    notice = re.search(r'<div class="notice notice--fallback notice--partly".*?</div>', page, re.S).group(0)
    assert "partiellement traduite" in notice
    parts = re.findall(r"<li>(.*?)</li>", notice)
    assert parts == ["Exercice « Check your understanding »"]
    assert "FR: Why it matters" in page  # the rest is French

    with TestCase.captureOnCommitCallbacks(execute=True):  # the translator finishes
        apply_po(topic, locale("fr"), in_french(page_po(topic, locale("fr"), blank=True)))
    assert "notice--fallback" not in html(client, topic.get_translation(locale("fr")).url)


# the switcher -----------------------------------------------------------------


def switcher(page):
    """{language: link, or "current"} as the language switcher shows them; a link to a
    page not translated into its language ends in " (not translated)"."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S)
    if nav is None:
        return {}
    items = re.findall(
        r'<(?:a href="([^"]*)" hreflang="\w+"|span aria-current="true") lang="(\w+)">[^<]*'
        r'(<small class="language-switcher__fallback">)?',
        nav.group(0),
    )
    return {code: (href or "current") + (" (not translated)" if mark else "") for href, code, mark in items}


def untranslated(page, *codes):
    return {code: page.get_translation(locale(code)).url + " (not translated)" for code in codes}


def test_the_switcher_lists_every_language_and_marks_those_not_translated_yet(client, topic):
    assert switcher(html(client, topic.url)) == {
        "en": "current",
        **untranslated(topic, "fr", "es", "hu", "el"),
    }
    french = translated(topic)
    assert switcher(html(client, topic.url)) == {
        "en": "current",
        "fr": french.url,
        **untranslated(topic, "es", "hu", "el"),
    }
    assert switcher(html(client, french.url))["fr"] == "current"
    # On the Hungarian address of the untranslated page: every language, and where you are.
    hungarian = topic.get_translation(locale("hu"))
    links = switcher(html(client, hungarian.url))
    assert links == {"en": topic.url, "fr": french.url, "hu": "current", **untranslated(topic, "es", "el")}
    assert 'lang="hu">Magyar <small class="language-switcher__fallback">(még nincs lefordítva)' in html(
        client, topic.url
    )  # each mark is in its own language


def test_the_switcher_never_offers_a_translation_kept_private_on_it_or_an_ancestor(client, topic):
    french, spanish = translated(topic), translated(topic, "es")
    PageViewRestriction.objects.create(page=french, restriction_type="password", password="x")
    spanish_lesson = spanish.get_parent()  # an untranslated alias, private all the same
    PageViewRestriction.objects.create(page=spanish_lesson, restriction_type="password", password="x")
    assert switcher(html(client, topic.url)) == {"en": "current", **untranslated(topic, "hu", "el")}
    PageViewRestriction.objects.filter(page=spanish_lesson).delete()
    assert switcher(html(client, topic.url)) == {
        "en": "current",
        "es": spanish.url,
        **untranslated(topic, "hu", "el"),
    }


def test_the_switcher_keeps_a_course_view_such_as_the_glossary_in_every_language(client, topic):
    course = topic.get_parent().get_parent().get_parent()
    translated(course)
    french_course = course.get_translation(locale("fr"))
    links = switcher(html(client, course.url + "glossary/"))
    assert links["en"] == "current" and links["fr"] == french_course.url + "glossary/"
    assert links["es"] == course.get_translation(locale("es")).url + "glossary/ (not translated)"


# translated blocks ------------------------------------------------------------


def test_every_block_text_is_offered_to_translators_but_never_anchors_or_answers_keys(topic):
    po = page_po(topic, locale("fr"), blank=True)
    texts = {entry.msgid for entry in po}
    for text in (
        "Why it matters",
        "Which body links firms, research and training in one region?",
        "A cluster organisation",
        "RIGHT-SINGLE-FEEDBACK",
        "SINGLE-EXPLANATION",
        "OPC UA",  # accepted answers are words a French learner types differently
        "Digital twin",
        "A virtual model kept in step with a physical asset.",
    ):
        assert text in texts, text
    contexts = " ".join(entry.msgctxt for entry in po)
    assert ".anchor" not in contexts and ".correct" not in contexts and ".level" not in contexts


def test_a_french_learner_is_graded_with_the_french_answers_and_feedback(client, topic):
    french = translated(topic)
    exercise = french.body[2].value
    option_ids = [item.id for item in exercise["questions"][0].value["options"].bound_blocks]
    response = client.post(
        f"/grade/{french.pk}/exercise-1/",
        json.dumps({"answers": {"q-single": option_token(option_ids[1]), "q-fill": "FR: OPC UA"}}),
        content_type="application/json",
    )
    assert response.status_code == 200
    results = {q["id"]: q for q in response.json()["questions"]}
    assert results["q-single"]["correct"] is False
    assert "FR: WRONG-SINGLE-FEEDBACK" in json.dumps(results["q-single"])
    assert results["q-fill"]["correct"] is True  # the French accepted answer
    assert "WRONG-SINGLE-FEEDBACK" not in json.dumps(results["q-single"]).replace("FR: WRONG", "")


# keeping the translators' work --------------------------------------------------


def test_syncing_after_the_source_changes_keeps_every_translated_string_that_did_not_change(client, topic):
    french = translated(topic)
    editor = get_user_model().objects.create_superuser("coordinator", "c@example.org", "pw")
    client.force_login(editor)

    body = topic.body.raw_data
    body[1]["value"] = "<p>Clusters help <b>small firms</b> adopt new tools.</p><p>A new paragraph.</p>"
    body[3]["value"]["terms"][0]["value"]["definition"] = "A live virtual model of a physical asset."
    topic.body = body
    topic.save_revision().publish()

    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get_for_instance(topic)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    assert response.status_code == 302

    page = html(client, french.url)
    assert "FR: Why it matters" in page  # untouched strings keep their translation
    assert "FR: Clusters help <b>FR: small firms</b>" in page
    assert "A new paragraph." in page  # new text waits for the translator, shown in English
    assert "A live virtual model of a physical asset." in page
    assert "FR: A virtual model kept in step" not in page  # the stale translation is not shown


def test_a_translator_downloads_and_uploads_a_po_file_in_the_admin(client, topic):
    from wagtail_localize.models import Translation

    french = translated(topic)
    translation = Translation.objects.get(source__object_id=topic.translation_key, target_locale=locale("fr"))
    client.force_login(get_user_model().objects.create_superuser("translator", "t@example.org", "pw"))

    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    [entry] = [e for e in po if e.msgid == "Why it matters"]
    assert entry.msgstr == "FR: Why it matters"
    entry.msgstr = "Pourquoi c'est important"

    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("fr.po", str(po).encode(), content_type="text/x-gettext-translation")
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload, "next": "/admin/"}
    )
    assert response.status_code == 302
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)  # what the editor's "Publish" button does
    assert "Pourquoi c&#x27;est important" in html(client, french.url) or "Pourquoi c'est important" in html(
        client, french.url
    )


# the course folder ------------------------------------------------------------


def test_translations_travel_with_the_course_folder_and_round_trip_byte_for_byte(tmp_path, home):
    CourseImporter(write_course_folder(tmp_path / "source")).run()
    topic = TopicPage.objects.get(locale__language_code="en", slug="what-a-cluster-is")
    translated(topic)
    outcome = topic.outcomes.first()
    french_outcome = outcome.copy_for_translation(locale("fr"))
    french_outcome.text = "Expliquer ce qu'est un cluster."
    french_outcome.save()
    call_command("export_course", "pilot-course", str(tmp_path / "first"))
    first = folder_files(tmp_path / "first")
    po_name = next(
        name for name in first if name.startswith("translations/fr/modules/") and name.endswith(".po")
    )
    assert "FR: " in first[po_name].decode()
    assert "Expliquer ce qu'est un cluster." in first["translations/fr/outcomes.po"].decode()

    empty_the_site()
    call_command("import_course", str(tmp_path / "first"))
    french = TopicPage.objects.get(locale__language_code="fr", slug="what-a-cluster-is")
    assert french.alias_of_id is None and french.title.startswith("FR: ")
    assert (
        LearningOutcome.objects.get(locale=locale("fr"), code=outcome.code).text
        == "Expliquer ce qu'est un cluster."
    )
    call_command("export_course", "pilot-course", str(tmp_path / "second"))
    assert folder_files(tmp_path / "second") == first


def test_a_translation_file_names_its_page_the_same_way_whatever_site_it_is_exported_from(tmp_path, home):
    CourseImporter(write_course_folder(tmp_path / "source")).run()
    translated(TopicPage.objects.get(locale__language_code="en", slug="what-a-cluster-is"))
    call_command("export_course", "pilot-course", str(tmp_path / "export"))
    po_file = next((tmp_path / "export/translations/fr").rglob("*what-a-cluster-is.po"))
    # Not the url_path, which starts with the slug of this site's home page.
    source = polib.pofile(str(po_file)).metadata["X-Lectern-Source"]
    assert source == "/pilot-course/foundations/clusters/what-a-cluster-is/"


def test_importing_the_same_translations_twice_changes_nothing(tmp_path, home):
    folder = write_course_folder(tmp_path / "source")
    CourseImporter(folder).run()
    topic = TopicPage.objects.get(locale__language_code="en", slug="what-a-cluster-is")
    po = in_french(page_po(topic, locale("fr"), blank=True))
    target = folder / "translations" / "fr" / "modules"
    source_file = next((folder / "modules").rglob("*what-a-cluster-is.yaml"))
    po_path = folder / "translations" / "fr" / source_file.relative_to(folder).with_suffix(".po")
    po_path.parent.mkdir(parents=True)
    po.save(str(po_path))
    assert target.is_dir()

    first = CourseImporter(folder)
    first.run()
    assert first.counts["translation (fr) updated"] == 1
    again = CourseImporter(folder)
    again.run()
    assert dict(again.counts) == {}


@pytest.mark.parametrize(
    ("relative", "message"),
    [
        ("translations/de/course.po", "'de' is not one of the site's other languages"),
        ("translations/fr/modules/nowhere.po", "there is no page file modules/nowhere.yaml"),
        ("translations/fr/outcomes.po", "unknown learning outcome codes: 0.0.0-x"),
    ],
)
def test_a_translation_file_that_cannot_be_placed_is_refused_by_name(tmp_path, home, relative, message):
    folder = write_course_folder(tmp_path / "source")
    (folder / relative).parent.mkdir(parents=True, exist_ok=True)
    (folder / relative).write_text(
        'msgid ""\nmsgstr ""\n\nmsgctxt "0.0.0-x"\nmsgid "Nothing."\nmsgstr "Rien."\n'
    )
    with pytest.raises(CourseFormatError) as error:
        CourseImporter(folder).run()
    assert relative in str(error.value) and message in str(error.value)
    assert not CoursePage.objects.exists()


# search ---------------------------------------------------------------------------


def test_a_translation_is_indexed_in_its_language_and_an_untranslated_alias_not_at_all(topic):
    from search.indexer import documents_for_page

    french = translated(topic)
    documents = documents_for_page(french)
    assert documents and {d.language for d in documents} == {"fr"}
    assert any(d.kind == "vocab_term" and d.title == "FR: Digital twin" for d in documents)
    assert all(d.url.startswith("/fr/") for d in documents)
    assert documents_for_page(topic.get_translation(locale("es"))) == []  # it would repeat the English


def test_a_module_and_its_translations_are_one_facet_value(topic):
    from search.indexer import documents_for_page

    french = translated(topic)
    english_module = topic.get_parent().get_parent()
    [english_doc] = [d for d in documents_for_page(topic) if d.kind == "topic"]
    [french_doc] = [d for d in documents_for_page(french) if d.kind == "topic"]
    assert english_doc.module_id == french_doc.module_id == english_module.pk
    assert english_doc.lesson_id == french_doc.lesson_id
    assert french_doc.page_id == french.pk  # the hit itself opens the French page


# captions -------------------------------------------------------------------------

FRENCH_VTT = """WEBVTT

00:00:00.000 --> 00:00:05.000
La fabrication additive construit les pièces couche par couche.
"""


def test_the_player_offers_every_caption_track_and_starts_with_the_page_language(client):
    english_track, french_track = factories.captions(), factories.captions(FRENCH_VTT, "captions.fr.vtt")
    value = factories.video_value(track=english_track)
    value["captions"].append({"language": "fr", "file": french_track.pk})
    topic = factories.topic_with([{"type": "video", "id": "v1", "value": value}])
    sync_locale_trees()

    def tracks(page):
        html_text = html(client, page.url)
        tags = re.findall(r"<track\b[^>]*>", html_text)
        default = [
            re.search(r'srclang="(\w+)"', tag).group(1) for tag in tags if re.search(r"\sdefault\b", tag)
        ]
        return sorted(re.findall(r'srclang="(\w+)"', " ".join(tags))), default, html_text

    languages, default, english_html = tracks(topic)
    assert languages == ["en", "fr"] and default == ["en"]
    assert "couche par couche" not in english_html  # the transcript follows the default track

    french = translated(topic)
    languages, default, french_html = tracks(french)
    assert languages == ["en", "fr"] and default == ["fr"]
    assert "La fabrication additive construit les pièces couche par couche." in french_html
    # An untranslated page at the Hungarian address: no Hungarian track, so English first.
    languages, default, _ = tracks(topic.get_translation(locale("hu")))
    assert default == ["en"]


# learning outcomes -------------------------------------------------------------------


def test_learning_outcomes_are_shown_in_the_learners_language(client, topic):
    from cms.models import LearningOutcome

    outcome = factories.outcome("9.9.9-a", "Explain how a cluster supports its SMEs.")
    topic.outcomes = [outcome]
    topic.save_revision().publish()
    french_outcome = outcome.copy_for_translation(locale("fr"))
    french_outcome.text = "Expliquer comment un cluster soutient ses PME."
    french_outcome.save()
    french = translated(topic)

    assert "Expliquer comment un cluster soutient ses PME." in html(client, french.url)
    english = html(client, topic.url)
    assert "Explain how a cluster supports its SMEs." in english and "Expliquer" not in english
    # Spanish has no translation of it yet: the English text, on the fallback page.
    assert "Explain how a cluster supports its SMEs." in html(client, topic.get_translation(locale("es")).url)
    course = topic.get_parent().get_parent().get_parent()
    assert "Expliquer comment un cluster soutient ses PME." in html(
        client, course.get_translation(locale("fr")).url + "outline/"
    )
    # Editors choose among the originals only.
    choices = TopicPage._meta.get_field("outcomes").get_limit_choices_to()
    assert list(LearningOutcome.objects.filter(choices).filter(code="9.9.9-a")) == [outcome]


# experts ------------------------------------------------------------------------------


def french_role(expert, role="Responsable de cluster"):
    french_expert = expert.copy_for_translation(locale("fr"))
    french_expert.role = role
    french_expert.save()
    return french_expert


def test_expert_roles_are_shown_in_the_learners_language(client, topic):
    from cms.models import Expert

    expert = topic.authors.get().expert
    french_role(expert)
    french = translated(topic)

    french_html = html(client, french.url)
    assert "Ana Example, Responsable de cluster — Test Cluster" in french_html
    english = html(client, topic.url)
    assert "Ana Example, Cluster manager — Test Cluster" in english and "Responsable" not in english
    # Spanish has no translation of it yet: the English role, on the fallback page.
    assert "Ana Example, Cluster manager" in html(client, topic.get_translation(locale("es")).url)
    # Editors choose among the originals only; the page keeps linking the English expert.
    choices = TopicAuthor._meta.get_field("expert").get_limit_choices_to()
    assert list(Expert.objects.filter(choices).filter(key=expert.key)) == [expert]
    assert french.specific.authors.get().expert == expert


def test_the_expert_chooser_offers_the_english_originals_only(client):
    from django.urls import reverse

    _partner, expert, _competence = factories.snippets()
    french_role(expert)
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw"))
    for view in ("choose", "choose_results"):
        response = client.get(reverse(f"wagtailsnippetchoosers_cms_expert:{view}"))
        assert response.status_code == 200
        listing = json.loads(response.content)["html"] if view == "choose" else response.content.decode()
        assert "Ana Example, Cluster manager" in listing and "Responsable de cluster" not in listing, view


def test_a_translated_expert_copies_all_but_the_role():
    from wagtail_localize.fields import get_translatable_fields

    from cms.models import Expert

    translated_fields = [
        field.field_name for field in get_translatable_fields(Expert) if field.is_translated(None)
    ]
    assert translated_fields == ["role"]
    _partner, expert, _competence = factories.snippets()
    french_expert = french_role(expert)
    assert (french_expert.key, french_expert.name, french_expert.partner) == (
        expert.key,
        expert.name,
        expert.partner,
    )


def french_page_queries(client, french):
    client.get(french.url)
    ContentVersion.bump()  # what a publish does
    with CaptureQueriesContext(connection) as queries:
        page = html(client, french.url)
    return page, len(queries)


def test_translated_roles_cost_one_query_however_many_authors_a_topic_has(client, topic):
    from cms.models import Expert

    _partner, expert, _competence = factories.snippets()
    french_role(expert)
    _page, one_author = french_page_queries(client, translated(topic))

    others = [
        Expert.objects.create(key=f"expert-{n}", name=f"Expert {n}", role="Analyst", partner=expert.partner)
        for n in (2, 3)
    ]
    for other in others:
        french_role(other, "Analyste")
    second = factories.topic_with([PARAGRAPH])
    second.authors = [TopicAuthor(expert=e) for e in [expert, *others]]
    second.save_revision().publish()
    sync_locale_trees()
    page, three_authors = french_page_queries(client, translated(second))
    assert page.count("Analyste — Test Cluster") == 2 and "Responsable de cluster" in page
    assert three_authors == one_author


def test_expert_roles_travel_with_the_course_folder_and_round_trip_byte_for_byte(tmp_path, home):
    from cms.models import Expert

    CourseImporter(write_course_folder(tmp_path / "source")).run()
    topic = TopicPage.objects.get(locale__language_code="en", slug="what-a-cluster-is")
    expert = topic.authors.first().expert
    french_role(expert)
    call_command("export_course", "pilot-course", str(tmp_path / "first"))
    first = folder_files(tmp_path / "first")
    po = polib.pofile(first["translations/fr/experts.po"].decode())
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in po] == [
        (expert.key, expert.role, "Responsable de cluster")
    ]
    assert not any(name.endswith("experts.po") and "/fr/" not in name for name in first)

    empty_the_site()
    call_command("import_course", str(tmp_path / "first"))
    french_expert = Expert.objects.get(locale=locale("fr"), key=expert.key)
    assert french_expert.role == "Responsable de cluster" and french_expert.name == expert.name
    original = Expert.objects.get(locale=locale("en"), key=expert.key)
    assert french_expert.translation_key == original.translation_key
    assert TopicPage.objects.get(locale__language_code="en", slug="what-a-cluster-is").authors.get(
        expert=original
    )
    call_command("export_course", "pilot-course", str(tmp_path / "second"))
    assert folder_files(tmp_path / "second") == first

    again = CourseImporter(tmp_path / "first")
    again.run()
    assert dict(again.counts) == {}


def test_an_expert_role_translation_for_an_unknown_key_is_refused_by_name(tmp_path, home):
    folder = write_course_folder(tmp_path / "source")
    (folder / "translations/fr").mkdir(parents=True)
    (folder / "translations/fr/experts.po").write_text(
        'msgid ""\nmsgstr ""\n\nmsgctxt "nobody"\nmsgid "Analyst"\nmsgstr "Analyste"\n'
    )
    with pytest.raises(CourseFormatError) as error:
        CourseImporter(folder).run()
    assert "translations/fr/experts.po" in str(error.value) and "unknown expert keys: nobody" in str(
        error.value
    )
    assert not CoursePage.objects.exists()


def test_a_french_topic_under_untranslated_pages_costs_few_queries_and_keeps_their_privacy(client, topic):
    french = topic.get_translation(locale("fr"))  # an alias, as are its lesson, module and course
    html(client, french.url)
    ContentVersion.bump()  # the first view after a publish
    with CaptureQueriesContext(connection) as queries:
        html(client, french.url)
    # 16, plus the glossary's two (the original's place, and its course's terms), once per
    # content version; Wagtail alone would load each untranslated ancestor's source (four more).
    assert len(queries) <= 18

    PageViewRestriction.objects.create(page=topic.get_parent(), restriction_type="password", password="x")
    page = html(client, french.url)  # Wagtail's password form, not the topic
    assert 'name="password"' in page and "Which body links firms" not in page
