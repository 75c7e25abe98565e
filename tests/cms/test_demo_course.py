from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
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
from progress.models import Certificate, ExerciseAttempt, TopicCompletion
from tests.cms.test_course_format import folder_files
from tests.factories import home_page

pytestmark = pytest.mark.django_db


PROSE = {"heading", "rich_text", "callout"}
EXERCISE_QUESTION_TYPES = list(ExerciseBlock().child_blocks["questions"].child_blocks)


def words(topic) -> int:
    """Words of running text (headings, paragraphs, callouts), not counting the other blocks."""
    text = " ".join(strip_tags(str(child.render())) for child in topic.body if child.block_type in PROSE)
    return len(text.split())


@pytest.fixture(scope="module")
def demo_course(django_db_setup, django_db_blocker):
    """The demo loaded once for this module's tests, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            home_page()
            call_command("load_demo_course")
            yield CoursePage.objects.get(locale__language_code="en", slug="smart-clusters")
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def english_module_1(demo_course):
    module_1 = ModulePage.objects.descendant_of(demo_course).order_by("path").first()
    return list(TopicPage.objects.descendant_of(module_1).order_by("path"))


def live_topics(course):
    return TopicPage.objects.live().descendant_of(course)


def test_the_demo_course_has_4_modules_10_lessons_and_50_topics_of_about_60_hours(demo_course):
    assert ModulePage.objects.live().descendant_of(demo_course).count() == 4
    assert LessonPage.objects.live().descendant_of(demo_course).count() == 10
    assert live_topics(demo_course).count() == 50
    total_minutes = sum(live_topics(demo_course).values_list("estimated_minutes", flat=True))
    assert 57 * 60 <= total_minutes <= 63 * 60, total_minutes


def test_the_demo_has_7_partners_in_5_countries_21_experts_and_20_competences_all_served(demo_course):
    assert Partner.objects.count() == 7
    assert set(Partner.objects.values_list("country", flat=True)) == {"FR", "HU", "ES", "GB", "GR"}
    assert Expert.objects.filter(locale__language_code="en").count() == 21
    assert not Expert.objects.filter(role="").exists()
    assert Competence.objects.count() == 20
    assert not Competence.objects.filter(outcomes__isnull=True).exists(), "a competence no outcome serves"


def test_every_demo_topic_has_outcomes_authors_and_at_least_400_words(demo_course):
    for topic in live_topics(demo_course).prefetch_related("outcomes", "authors"):
        assert topic.outcomes.exists() and topic.authors.exists(), topic.title
        assert words(topic) >= 400, f"{topic.title} has only {words(topic)} words"


def test_every_demo_topic_renders_every_block_with_the_reference_counts(demo_course, client):
    kinds = Counter()
    for topic in live_topics(demo_course):
        response = client.get(topic.url)
        assert response.status_code == 200, topic.url
        html = response.content.decode()
        kinds.update(block.block_type for block in topic.body)
        assert html.count('class="block block--') == len(topic.body), topic.url
    assert kinds["video"] == 53 and kinds["infographic"] == 3 and kinds["exercise"] == 22
    assert kinds["document"] == 47 and kinds["vocab_sheet"] + kinds["tool_sheet"] == 14
    assert kinds["case_study"] == 3


def test_every_question_type_is_practised_and_videos_and_documents_carry_real_text(demo_course):
    question_types, stop_words = Counter(), {"the", "and", "for", "with", "that", "this", "from", "into"}
    for topic in live_topics(demo_course):
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


def test_the_course_home_outline_glossary_and_tools_open_and_the_glossary_is_full(demo_course, client):
    for suffix in ("", "outline/", "glossary/", "tools/"):
        assert client.get(demo_course.url + suffix).status_code == 200, suffix
    glossary = client.get(demo_course.url + "glossary/").content.decode()
    assert glossary.count("<dt>") >= 60


def test_module_1_is_really_translated_into_french(english_module_1):
    assert len(english_module_1) == 15
    for english in english_module_1:
        french = english.get_translation(Locale.objects.get(language_code="fr"))
        assert french.alias_of_id is None and french.live, english.title
        assert french.title != english.title and words(french) >= 400, french.title


def test_the_first_topic_reads_in_spanish_hungarian_and_greek_with_captions(english_module_1, client):
    first = english_module_1[0]
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


def test_outcomes_and_author_roles_show_in_french_and_untranslated_pages_say_so(english_module_1, client):
    first = english_module_1[0]
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
    untranslated = english_module_1[5].get_translation(Locale.objects.get(language_code="es"))
    assert "notice--fallback" in client.get(untranslated.url).content.decode()


def test_the_demo_folder_is_exactly_what_the_exporter_writes(demo_course, tmp_path):
    call_command("export_course", "smart-clusters", str(tmp_path / "export"))
    exported, demo = folder_files(tmp_path / "export"), folder_files(DEMO_COURSE)
    assert sorted(exported) == sorted(demo)
    assert [name for name in demo if exported[name] != demo[name]] == []


def test_the_demo_has_75_learners_at_every_stage_in_five_languages(demo_course):
    learners = get_user_model().objects.filter(email__endswith="@example.org", is_staff=False)
    assert learners.count() == 75
    done = Counter(TopicCompletion.objects.values_list("user", flat=True))
    assert sum(1 for user in learners if done[user.pk] <= 12) >= 15, "learners who stopped in module 1"
    assert sum(1 for user in learners if 15 <= done[user.pk] <= 35) >= 15, "learners half-way"
    finishers = [user for user in learners if done[user.pk] == 50]
    certificates = Certificate.objects.filter(course_key=demo_course.translation_key)
    assert 3 <= len(finishers) == certificates.count() <= 10
    attempted = set(ExerciseAttempt.objects.values_list("topic_key", "block_id"))
    assert len(attempted) >= 20, "attempts on most of the 22 exercises"
    spoken = Counter(language for _, language in set(ExerciseAttempt.objects.values_list("user", "language")))
    assert spoken["fr"] >= 5 and 1 <= spoken["es"] <= 2 and 1 <= spoken["hu"] <= 2 and 1 <= spoken["el"] <= 2


def test_loading_the_demo_again_changes_nothing(demo_course, capsys):
    revisions, learners = Revision.objects.count(), get_user_model().objects.count()
    capsys.readouterr()
    call_command("load_demo_course")
    assert "already up to date; nothing changed" in capsys.readouterr().out
    assert Revision.objects.count() == revisions and get_user_model().objects.count() == learners
