"""The glossary links itself: the first mention of a course's term in a topic's text
links to its definition, per language, with no query per term, and an editor can turn
it off for one block."""

import re
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.models import TopicPage
from cms.translations import apply_po, page_po, sync_locale_trees
from tests import factories

pytestmark = pytest.mark.django_db

TWIN = "A virtual model kept in step with a real asset."
CLUSTER = "Firms and research of one region around a shared strength."
LINK = re.compile(
    r'<a class="glossary__link" href="([^"]+)" aria-describedby="([^"]+)">([^<]+)</a>'
    r'<span class="glossary__definition" id="([^"]+)" role="tooltip">([^<]+)</span>'
)


def term(name, definition):
    return {"term": name, "abbreviation": "", "synonyms": [], "definition": definition, "related": []}


def sheet(*terms):
    return {
        "type": "vocab_sheet",
        "id": "vocab-1",
        "value": {"title": "Key terms", "introduction": "", "terms": list(terms)},
    }


def text(html, link_glossary=True, block_id="text-1"):
    value = html if link_glossary else {"text": html, "link_glossary": False}
    return {"type": "rich_text", "id": block_id, "value": value}


def topic_beside(glossary_topic, blocks, slug="twins-at-work"):
    """A second topic in the glossary topic's lesson, so in the same course."""
    lesson = glossary_topic.get_parent().specific
    topic = factories.publish(lesson, TopicPage(title="Twins at work", slug=slug, body=blocks))
    return TopicPage.objects.get(pk=topic.pk)


def links(client, page):
    html = client.get(page.url).content.decode()
    return [tuple(map(unescape, match.groups())) for match in LINK.finditer(html)], html


@pytest.fixture
def glossary_topic():
    return factories.topic_with(
        [sheet(term("Digital twin", TWIN), term("Cluster", CLUSTER))], title="Key terms"
    )


PROSE = (
    '<p>Read <a href="https://example.org/">about clusters</a> first.</p>'
    "<p>Digital twins help every Cluster; a digital twin is cheap; clusters grow.</p>"
)


def test_the_first_mention_of_each_term_links_to_its_definition_shown_beside_it(client, glossary_topic):
    topic = topic_beside(glossary_topic, [text(PROSE)])
    found, html = links(client, topic)
    assert [(href, mention, definition) for href, _d, mention, _i, definition in found] == [
        (f"{glossary_topic.url}#term-digital-twin", "Digital twins", TWIN),
        (f"{glossary_topic.url}#term-cluster", "Cluster", CLUSTER),
    ]
    assert all(described == tip for _h, described, _m, tip, _d in found)
    assert len({tip for *_rest, tip, _d in found}) == 2  # each description has its own id
    assert '<a href="https://example.org/">about clusters</a>' in html  # never a link in a link
    assert "a digital twin is cheap; clusters grow" in html  # only the first mention


def test_headings_titles_and_the_vocab_sheet_itself_are_never_linked(client, glossary_topic):
    heading = {
        "type": "heading",
        "id": "h-1",
        "value": {"text": "Digital twin basics", "level": "h2", "anchor": ""},
    }
    tip = {
        "type": "callout",
        "value": {"style": "tip", "title": "Digital twin", "body": "<p>Start with one cluster.</p>"},
    }
    topic = topic_beside(glossary_topic, [heading, text("<p>Nothing to link here.</p>"), tip])
    found, html = links(client, topic)
    assert [mention for _h, _d, mention, _i, _t in found] == ["cluster"]  # a callout's text is prose too
    assert html.count("glossary.css") == 1
    found, html = links(client, glossary_topic)
    assert found == [] and 'href="#term-digital-twin">Digital twin</a>' in html


def test_an_editor_can_turn_the_links_off_for_one_block(client, glossary_topic):
    topic = topic_beside(
        glossary_topic, [text(PROSE, link_glossary=False), text("<p>A cluster.</p>", block_id="text-2")]
    )
    found, _html = links(client, topic)
    assert [mention for _h, _d, mention, _i, _t in found] == ["cluster"]  # the second block only
    stored = topic.body.raw_data
    assert stored[0]["value"] == {"text": PROSE, "link_glossary": False}
    assert stored[1]["value"] == "<p>A cluster.</p>"  # a block left on keeps the shape texts always had


def test_a_term_published_later_is_linked_once_the_content_changes(client, glossary_topic):
    topic = topic_beside(glossary_topic, [text("<p>Open innovation needs trust.</p>")])
    assert links(client, topic)[0] == []
    glossary_topic.body = [
        sheet(term("Digital twin", TWIN), term("Open innovation", "Ideas from outside the firm."))
    ]
    glossary_topic.save_revision().publish()
    [(href, _d, mention, _i, _t)] = links(client, topic)[0]
    assert (href, mention) == (f"{glossary_topic.url}#term-open-innovation", "Open innovation")


def queries_to_build(client, page):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    return len(queries)


def test_building_an_article_costs_no_query_per_term(client):
    few = factories.topic_with([sheet(term("Digital twin", TWIN))])
    many = factories.topic_with([sheet(*(term(f"Sensor kind {n}", f"Sensor {n}.") for n in range(25)))])
    prose = "<p>Digital twins read sensor kind 3, sensor kind 7 and sensor kind 20.</p>"
    few_topic, many_topic = topic_beside(few, [text(prose)]), topic_beside(many, [text(prose)])
    assert len(links(client, many_topic)[0]) == 3
    assert queries_to_build(client, few_topic) == queries_to_build(client, many_topic)


FRENCH = {
    "Key terms": "Termes clés",
    "Digital twin": "Jumeau numérique",
    TWIN: "Un modèle virtuel qui suit un bien réel.",
    "Cluster": "Grappe",
    CLUSTER: "Entreprises et recherche d'une région autour d'une force commune.",
    "Twins at work": "Les jumeaux au travail",
    "Digital twins help every cluster.": "Les jumeaux numériques aident chaque grappe d'entreprises.",
}


def in_french(page):
    locale = Locale.objects.get(language_code="fr")
    po = page_po(page, locale, blank=True)
    for entry in po:
        if entry.msgctxt != "slug":
            entry.msgstr = FRENCH.get(entry.msgid, entry.msgid)
    with TestCase.captureOnCommitCallbacks(execute=True):
        apply_po(page, locale, po)
    return page.get_translation(locale)


def test_each_language_links_its_own_terms_to_its_own_definitions(client, glossary_topic):
    topic = topic_beside(glossary_topic, [text("<p>Digital twins help every cluster.</p>")])
    sync_locale_trees()
    french_glossary, french_topic = in_french(glossary_topic), in_french(topic)
    found, html = links(client, french_topic)
    assert "</span></span> aident chaque" in html
    assert [(href, mention, definition) for href, _d, mention, _i, definition in found] == [
        (f"{french_glossary.url}#term-jumeau-numérique", "jumeaux numériques", FRENCH[TWIN]),
        (f"{french_glossary.url}#term-grappe", "grappe", FRENCH[CLUSTER]),
    ]
    english = [mention for _h, _d, mention, _i, _t in links(client, topic)[0]]
    assert english == ["Digital twins", "cluster"]
