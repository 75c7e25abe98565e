"""The block API a plugin author sees: one public module, a base class for graded
blocks, keyword-only results, and a grading endpoint that answers JSON clients in JSON."""

import ast
import json
from pathlib import Path

import pytest
from wagtail import blocks as wagtail_blocks
from wagtail.models import Locale

from blocks.api import GradeResult, QuestionResult, registry
from cms.translations import sync_locale_trees
from tests import factories
from tests.blocks.exercise_data import EXERCISE

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"


def private_block_imports(source: str) -> list[str]:
    """The ``blocks`` modules other than ``blocks.api`` that a Python source imports."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] if node.module != "blocks" else [f"blocks.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [n for n in names if (n == "blocks" or n.startswith("blocks.")) and n != "blocks.api"]
    return found


def test_the_import_check_catches_every_way_of_reaching_past_the_api():
    source = "from blocks.base import X\nimport blocks.registry\nfrom blocks import views\nfrom wagtail import blocks\n"
    assert private_block_imports(source) == ["blocks.base", "blocks.registry", "blocks.views"]
    assert private_block_imports("from blocks.api import registry\nfrom blocks import api\n") == []


def test_plugins_import_nothing_from_blocks_but_its_public_api():
    sources = sorted(PLUGINS.rglob("*.py"))
    assert any(path.name == "blocks.py" for path in sources)  # the example plugin is there
    offenders = {
        str(path.relative_to(PLUGINS)): imports
        for path in sources
        if (imports := private_block_imports(path.read_text()))
    }
    assert offenders == {}


def test_a_question_result_is_built_with_keywords_only():
    with pytest.raises(TypeError):
        QuestionResult("q1", "Prompt", 1.0)
    result = QuestionResult(question_id="q1", prompt="Prompt", score=0.0, right_answer="42", answered=False)
    assert result.right_answer == ""  # an unanswered question never gives the answer away


def test_a_grade_is_the_mean_of_the_question_scores_out_of_100():
    scores = [1.0, 0.5, 0.0]
    results = [QuestionResult(question_id=str(i), prompt="", score=s) for i, s in enumerate(scores)]
    graded = GradeResult.from_questions(results, pass_mark=50)
    assert (graded.score, graded.passed, len(graded.questions)) == (50, True, 3)
    assert GradeResult.from_questions([], pass_mark=10).as_dict()["passed"] is False


def test_a_block_registered_temporarily_is_there_only_inside_the_with():
    names = registry.names()
    with registry.temporarily("listed_note", wagtail_blocks.CharBlock) as block:
        assert registry["listed_note"] is block and registry.names() == [*names, "listed_note"]
    assert "listed_note" not in registry and registry.names() == names


@pytest.mark.django_db
def test_a_json_client_grading_an_unknown_block_or_page_gets_a_404_message_in_the_pages_language(client):
    topic = factories.topic_with([dict(EXERCISE, id="exercise-1")])
    sync_locale_trees()
    french = topic.get_translation(Locale.objects.get(language_code="fr"))
    body = json.dumps({"answers": {}})
    missing = client.post(f"/grade/{french.pk}/no-such-block/", body, content_type="application/json")
    assert missing.status_code == 404
    assert missing.json() == {"error": "Cette page n’a pas d’exercice avec cet identifiant."}
    asked = client.post(
        f"/grade/{french.pk}/no-such-block/",
        {"q": "x"},
        HTTP_ACCEPT="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert asked.status_code == 404 and "exercice" in asked.json()["error"]  # a form post asking for JSON
    gone = client.post(
        "/grade/987654/exercise-1/", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="es"
    )
    assert gone.status_code == 404 and gone.json() == {"error": "Esta página no existe o no está publicada."}
    assert (
        client.post(f"/grade/{topic.pk}/no-such-block/", {"q": "x"}).status_code == 404
    )  # a browser: the 404 page


@pytest.mark.django_db
def test_every_kind_of_document_a_block_gives_search_has_a_label():
    labels = registry.search_kinds()
    for name, block in registry.items():
        if getattr(block, "search_as_page_text", False):
            continue  # folded into the topic's own document: its kinds never show
        value = block.to_python(block.get_prep_value(block.get_preview_value()))  # as stored, then read
        kinds = {document.kind for document in block.search_documents(value, {})}
        assert kinds <= set(labels), name
    assert labels["vocab_term"] == "Vocabulary" and labels["flashcards"] == "Flashcards"
