from collections import Counter

import pytest
from django.core.management import call_command
from django.utils.html import escape, strip_tags
from wagtail.models import Locale, Revision

from blocks.exercise import ExerciseBlock
from cms.management.commands.load_demo_course import DEMO_COURSE
from cms.models import (
    Competence,
    CoursePage,
    Expert,
    LearningOutcome,
    LessonPage,
    ModulePage,
    Partner,
    TopicPage,
)
from files.text_extraction import document_text
from tests.cms.test_course_format import folder_files

pytestmark = pytest.mark.django_db


PROSE = {"heading", "rich_text", "callout"}
EXERCISE_QUESTION_TYPES = list(ExerciseBlock().child_blocks["questions"].child_blocks)


def words(topic) -> int:
    """Words of running text (headings, paragraphs, callouts), not counting the other blocks."""
    text = " ".join(strip_tags(str(child.render())) for child in topic.body if child.block_type in PROSE)
    return len(text.split())


def test_the_demo_course_has_the_reference_shape_substance_and_blocks_and_loads_once(
    home, client, capsys, tmp_path
):
    call_command("load_demo_course")
    course = CoursePage.objects.get(locale__language_code="en", slug="smart-clusters")
    topics = TopicPage.objects.live().descendant_of(course)
    assert ModulePage.objects.live().descendant_of(course).count() == 4
    assert LessonPage.objects.live().descendant_of(course).count() == 10
    assert topics.count() == 50

    total_minutes = sum(topics.values_list("estimated_minutes", flat=True))
    assert 57 * 60 <= total_minutes <= 63 * 60, total_minutes

    assert Partner.objects.count() == 7
    assert set(Partner.objects.values_list("country", flat=True)) == {"FR", "HU", "ES", "GB", "GR"}
    assert Expert.objects.filter(locale__language_code="en").count() == 21
    assert not Expert.objects.filter(role="").exists()
    assert Competence.objects.count() == 20
    assert not Competence.objects.filter(outcomes__isnull=True).exists(), "a competence no outcome serves"

    for topic in topics.prefetch_related("outcomes", "authors"):
        assert topic.outcomes.exists() and topic.authors.exists(), topic.title
        assert words(topic) >= 400, f"{topic.title} has only {words(topic)} words"

    # Every page renders, with every block of the reference counts.
    kinds = Counter()
    for topic in TopicPage.objects.live().descendant_of(course):
        response = client.get(topic.url)
        assert response.status_code == 200, topic.url
        html = response.content.decode()
        kinds.update(block.block_type for block in topic.body)
        assert html.count('class="block block--') == len(topic.body), topic.url
    assert kinds["video"] == 53 and kinds["infographic"] == 3 and kinds["exercise"] == 22
    assert kinds["document"] == 47 and kinds["vocab_sheet"] + kinds["tool_sheet"] == 14
    assert kinds["case_study"] == 3

    # Every question type is practised; every video has English captions whose text is
    # about its topic; every course document is a PDF with real text in it.
    question_types, stop_words = Counter(), {"the", "and", "for", "with", "that", "this", "from", "into"}
    for topic in topics:
        topic_words = {word for word in strip_tags(str(topic.body)).lower().split() if len(word) > 4}
        for child in topic.body:
            if child.block_type == "exercise":
                question_types.update(question.block_type for question in child.value["questions"])
            elif child.block_type == "video":
                tracks = {track["language"]: track["file"] for track in child.value["captions"]}
                assert "en" in tracks, f"{topic.title}: a video without English captions"
                with tracks["en"].file.open("rb") as handle:
                    cues = handle.read().decode()
                assert cues.startswith("WEBVTT")
                cue_words = {word for word in cues.lower().split() if len(word) > 4} - stop_words
                assert len(cue_words & topic_words) >= 5, f"{topic.title}: captions unrelated to the topic"
            elif child.block_type == "document":
                assert len(document_text(child.value["document"]).split()) >= 100, topic.title
    assert set(question_types) == set(EXERCISE_QUESTION_TYPES), question_types
    for suffix in ("", "outline/", "glossary/", "tools/"):
        assert client.get(course.url + suffix).status_code == 200, suffix
    glossary = client.get(course.url + "glossary/").content.decode()
    assert glossary.count("<dt>") >= 60

    # Module 1 in French; its first topic in Spanish, Hungarian and Greek too — real
    # translations (not aliases), every block's text in the language, captions for it.
    module_1 = ModulePage.objects.descendant_of(course).order_by("path").first()
    english_topics = list(TopicPage.objects.descendant_of(module_1).order_by("path"))
    assert len(english_topics) == 15
    for english in english_topics:
        french = english.get_translation(Locale.objects.get(language_code="fr"))
        assert french.alias_of_id is None and french.live, english.title
        assert french.title != english.title and words(french) >= 400, french.title
    first = english_topics[0]
    for code, phrase in [
        ("fr", "entreprises"),
        ("es", "empresas"),
        ("hu", "vállalkozás"),
        ("el", "επιχειρήσεων"),
    ]:
        page = first.get_translation(Locale.objects.get(language_code=code))
        html = client.get(page.url).content.decode()
        assert page.alias_of_id is None and phrase in html, code
        assert f'srclang="{code}"' in html and "notice--fallback" not in html
    french_first = first.get_translation(Locale.objects.get(language_code="fr"))
    outcome = first.outcomes.order_by("code").first()
    in_french = LearningOutcome.objects.get(
        translation_key=outcome.translation_key, locale__language_code="fr"
    )
    assert (
        in_french.text != outcome.text
        and escape(in_french.text) in client.get(french_first.url).content.decode()
    )
    assert LearningOutcome.objects.filter(locale__language_code="fr").count() == 148
    author = first.authors.order_by("sort_order").first().expert  # Claire Moreau, Cluster manager
    assert f"{author.name}, Manager de cluster —" in client.get(french_first.url).content.decode()
    untranslated = english_topics[5].get_translation(Locale.objects.get(language_code="es"))
    assert "notice--fallback" in client.get(untranslated.url).content.decode()

    # The demo folder is exactly what the exporter writes, from this site as from any other.
    call_command("export_course", "smart-clusters", str(tmp_path / "export"))
    exported, demo = folder_files(tmp_path / "export"), folder_files(DEMO_COURSE)
    assert sorted(exported) == sorted(demo)
    assert [name for name in demo if exported[name] != demo[name]] == []

    # Loading it again changes nothing (one test, so the suite loads the demo once).
    revisions = Revision.objects.count()
    capsys.readouterr()
    call_command("load_demo_course")
    assert "already up to date; nothing changed" in capsys.readouterr().out
    assert Revision.objects.count() == revisions
