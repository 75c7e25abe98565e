import re
from html import unescape

import pytest

from cms.models import TopicPage
from tests import factories

pytestmark = pytest.mark.django_db


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def term(name, definition, abbreviation="", synonyms=(), related=()):
    return {
        "term": name,
        "abbreviation": abbreviation,
        "synonyms": list(synonyms),
        "definition": definition,
        "related": list(related),
    }


def vocab_sheet(*terms, title="Key terms"):
    return {"type": "vocab_sheet", "value": {"title": title, "introduction": "", "terms": list(terms)}}


def tool_sheet(
    title, steps=("Agree the scope.", "Walk the shop floor.", "Score each dimension."), template=None, **extra
):
    value = {
        "title": title,
        "purpose": f"Purpose of {title}.",
        "when_to_use": "Before any technology recommendation.",
        "steps": list(steps),
        "inputs": [],
        "outputs": [],
        "tips": [],
        "template": template.pk if template else None,
    }
    value.update(extra)
    return {"type": "tool_sheet", "value": value}


def course_with_bodies(*bodies):
    """A published course of one lesson whose topics have exactly these bodies, in order."""
    course = factories.course(modules=1, lessons=1, topics=len(bodies), blocks=0)
    topics = list(TopicPage.objects.descendant_of(course).order_by("path"))
    for topic, body in zip(topics, bodies, strict=True):
        topic.body = body
        topic.save_revision().publish()
        topic.refresh_from_db()
    return course, topics


# --- Case study -----------------------------------------------------------------------

CASE = {
    "title": "A metalworking cluster pilots predictive maintenance",
    "organisation_type": "cluster",
    "sector": "Metalworking",
    "country": "HU",
    "context": "Forty machine shops share one region.",
    "challenge": "Unplanned stops cost days of output.",
    "approach": "A shared retrofit pilot with five volunteers.",
    "results": "Three shops kept the sensors.",
    "lessons_learned": "Start with a problem the owners already feel.",
    "discussion_questions": ["Which member would volunteer first?", "What would you measure?"],
}


def test_a_case_study_shows_its_facts_sections_and_questions(client):
    topic = factories.topic_with([{"type": "case_study", "value": CASE}])
    html = page_html(client, topic.url)
    study = re.search(r'<section class="case-study".*?</section>', html, re.S).group(0)
    assert '<h2 id="case-a-metalworking-cluster-pilots-predictive-maintenance">' in study
    facts = re.findall(r"<div><dt>(.*?)</dt><dd>(.*?)</dd></div>", study)
    assert facts == [
        ("Organisation", "Cluster organisation"),
        ("Sector", "Metalworking"),
        ("Country", "Hungary"),
    ]
    assert re.findall(r"<h3>(.*?)</h3><p>(.*?)</p>", study) == [
        ("Context", "Forty machine shops share one region."),
        ("Challenge", "Unplanned stops cost days of output."),
        ("Approach", "A shared retrofit pilot with five volunteers."),
        ("Results", "Three shops kept the sensors."),
        ("Lessons learned", "Start with a problem the owners already feel."),
    ]
    questions = re.search(r"<h3>Questions to discuss</h3>\s*<ol>(.*?)</ol>", study, re.S).group(1)
    assert re.findall(r"<li>(.*?)</li>", questions) == CASE["discussion_questions"]


def test_a_case_study_without_questions_has_no_empty_question_list(client):
    topic = factories.topic_with(
        [
            {
                "type": "case_study",
                "value": dict(CASE, organisation_type="sme", country="ES", discussion_questions=[]),
            }
        ]
    )
    html = page_html(client, topic.url)
    assert "<dd>SME</dd>" in html and "<dd>Spain</dd>" in html
    assert "Questions to discuss" not in html


def test_a_case_study_is_found_by_its_facts_sections_and_questions_at_its_anchor(client):
    topic = factories.topic_with([{"type": "case_study", "value": CASE}])
    child = topic.body[0]
    [document] = child.block.search_documents(child.value, {})
    assert (document.kind, document.title, document.anchor) == (
        "case_study",
        CASE["title"],
        "#case-a-metalworking-cluster-pilots-predictive-maintenance",
    )
    for text in ("Metalworking", CASE["context"], CASE["lessons_learned"], *CASE["discussion_questions"]):
        assert text in document.text, text
    assert f'id="{document.anchor[1:]}"' in page_html(client, topic.url)  # the link opens the study


# --- Vocab sheet ----------------------------------------------------------------------

TWIN = term(
    "Digital twin",
    "A virtual model kept in step with a real asset.",
    "DT",
    ["Virtual replica", "Cyber twin"],
    ["IoT", "Simulation"],
)
COBOT = term("Collaborative robot", "A robot made to work beside people.", "cobot")


def test_every_term_has_its_own_anchor_and_a_link_to_itself(client):
    topic = factories.topic_with([vocab_sheet(TWIN, COBOT)])
    html = page_html(client, topic.url)
    for slug, name in (("digital-twin", "Digital twin"), ("collaborative-robot", "Collaborative robot")):
        assert html.count(f'id="term-{slug}"') == 1
        entry = re.search(rf'<div class="vocab-term" id="term-{slug}">(.*?)</div>', html, re.S).group(1)
        assert f'<dt><a class="vocab-term__link" href="#term-{slug}">{name}</a>' in entry


def test_a_term_shows_its_abbreviation_definition_synonyms_and_related_terms(client):
    topic = factories.topic_with([vocab_sheet(TWIN, COBOT)])
    html = page_html(client, topic.url)
    twin = re.search(r'<div class="vocab-term" id="term-digital-twin">(.*?)</div>', html, re.S).group(1)
    assert "<abbr>(DT)</abbr>" in twin
    assert "<p>A virtual model kept in step with a real asset.</p>" in twin
    assert '<p class="vocab-term__extra">Also called: Virtual replica, Cyber twin</p>' in twin
    assert '<p class="vocab-term__extra">See also: IoT, Simulation</p>' in twin
    cobot = re.search(r'<div class="vocab-term" id="term-collaborative-robot">(.*?)</div>', html, re.S).group(
        1
    )
    assert "Also called" not in cobot and "See also" not in cobot


def test_terms_written_in_greek_get_distinct_anchors(client):
    topic = factories.topic_with(
        [vocab_sheet(term("Ψηφιακό δίδυμο", "Ένα ψηφιακό μοντέλο."), term("Συστάδα", "Ομάδα επιχειρήσεων."))]
    )
    html = page_html(client, topic.url)
    anchors = re.findall(r'<div class="vocab-term" id="([^"]+)">', html)
    assert len(anchors) == 2 and len(set(anchors)) == 2, anchors


def test_search_finds_each_term_at_its_anchor():
    topic = factories.topic_with([vocab_sheet(TWIN, COBOT)])
    child = topic.body[0]
    documents = child.block.search_documents(child.value, {})
    assert [(d.kind, d.title, d.anchor) for d in documents] == [
        ("vocab_term", "Digital twin", "#term-digital-twin"),
        ("vocab_term", "Collaborative robot", "#term-collaborative-robot"),
    ]
    # the abbreviation and synonyms are the term's other names: search weighs them above the definition
    assert documents[0].keywords == ("DT", "Virtual replica", "Cyber twin")
    assert documents[0].text == "A virtual model kept in step with a real asset."
    assert (documents[1].keywords, documents[1].text) == (("cobot",), "A robot made to work beside people.")
    assert {d.prominence for d in documents} == {1}  # each entry defines its term


# --- The course glossary --------------------------------------------------------------


def glossary_entries(html):
    """[(letter, [(href, term)])] in page order."""
    sections = re.findall(
        r'<h2 id="letter-([^"]+)">([^<]+)</h2>\s*<dl class="vocab-sheet__terms">(.*?)</dl>', html, re.S
    )
    result = []
    for anchor_letter, letter, body in sections:
        assert anchor_letter == letter
        result.append(
            (
                letter,
                [
                    (href, unescape(text))
                    for href, text in re.findall(r'<dt><a href="([^"]+)">(.*?)</a>', body)
                ],
            )
        )
    return result


def test_the_glossary_lists_every_term_of_the_course_a_to_z_linking_to_its_topic(client):
    course, (first, second, third) = course_with_bodies(
        [vocab_sheet(term("Value chain", "Steps that add value."), TWIN)],
        [factories.paragraph("No terms here.")],
        [
            vocab_sheet(
                term("cluster", "Firms of one region."),
                COBOT,
                term("Éco-conception", "Design for the environment."),
            )
        ],
    )
    html = page_html(client, course.url + "glossary/")
    assert glossary_entries(html) == [
        (
            "C",
            [
                (f"{third.url}#term-cluster", "cluster"),
                (f"{third.url}#term-collaborative-robot", "Collaborative robot"),
            ],
        ),
        ("D", [(f"{first.url}#term-digital-twin", "Digital twin")]),
        ("E", [(f"{third.url}#term-éco-conception", "Éco-conception")]),
        ("V", [(f"{first.url}#term-value-chain", "Value chain")]),
    ]
    assert re.findall(r'<li><a href="#letter-(\w)">', html) == ["C", "D", "E", "V"]
    assert f"In: {first.title}" in html and f"In: {third.title}" in html
    # every link leads to an element that exists on the topic page
    assert 'id="term-éco-conception"' in page_html(client, third.url)


def test_the_glossary_omits_the_terms_of_an_unpublished_topic(client):
    course, (shown, hidden) = course_with_bodies(
        [vocab_sheet(TWIN)], [vocab_sheet(term("Hidden term", "Only in a draft topic."))]
    )
    hidden.unpublish()
    html = page_html(client, course.url + "glossary/")
    assert "Digital twin" in html
    assert "Hidden term" not in html and "letter-H" not in html


def test_the_glossary_of_a_course_without_vocab_sheets_says_so(client):
    course, _topics = course_with_bodies([factories.paragraph("Nothing to define.")])
    html = page_html(client, course.url + "glossary/")
    assert "This course has no vocab sheet yet." in html and "letter-" not in html


def test_terms_starting_with_a_digit_are_gathered_under_one_heading_and_greek_ones_under_their_letter(client):
    course, _topics = course_with_bodies(
        [
            vocab_sheet(
                term("3D printing", "Additive manufacturing."), TWIN, term("Συστάδα", "Ομάδα επιχειρήσεων.")
            )
        ]
    )
    html = page_html(client, course.url + "glossary/")
    assert [letter for letter, _entries in glossary_entries(html)] == ["#", "D", "Σ"]
    assert html.count('id="letter-#"') == 1


# --- Tool sheets and the course tool library ------------------------------------------


def test_a_tool_sheet_shows_its_steps_as_an_ordered_list_and_its_template_with_size(client):
    template = factories.document("Interview template", "interview-guide.docx", b"x" * 2048)
    topic = factories.topic_with(
        [
            tool_sheet(
                "Digital maturity interview",
                template=template,
                inputs=["A quiet room"],
                tips=["Listen first."],
            )
        ]
    )
    html = page_html(client, topic.url)
    sheet = re.search(r'<section class="tool-sheet".*?</section>', html, re.S).group(0)
    assert '<h2 id="tool-digital-maturity-interview">Digital maturity interview</h2>' in sheet
    assert "<h3>Purpose</h3><p>Purpose of Digital maturity interview.</p>" in sheet
    assert "<h3>When to use it</h3><p>Before any technology recommendation.</p>" in sheet
    steps = re.search(r"<h3>Steps</h3><ol>(.*?)</ol>", sheet).group(1)
    assert re.findall(r"<li>(.*?)</li>", steps) == [
        "Agree the scope.",
        "Walk the shop floor.",
        "Score each dimension.",
    ]
    assert "<h3>What you need</h3><ul><li>A quiet room</li></ul>" in sheet
    assert "<h3>Tips</h3><ul><li>Listen first.</li></ul>" in sheet
    assert "What you get" not in sheet  # an empty list is left out
    assert (
        f'<a href="{template.url}" download>Download the template: Interview template</a> (DOCX, 2.0\xa0KB)'
        in sheet
    )


def test_a_tool_sheet_without_a_template_offers_no_download(client):
    topic = factories.topic_with([tool_sheet("Stakeholder map")])
    html = page_html(client, topic.url)
    assert '<h2 id="tool-stakeholder-map">Stakeholder map</h2>' in html
    assert "Download the template" not in html


def test_the_tool_library_lists_every_tool_sheet_of_the_course_linking_to_it(client):
    template = factories.document("Roadmap template", "roadmap.xlsx", b"r" * 100)
    course, (first, second, third) = course_with_bodies(
        [
            tool_sheet("Stakeholder map"),
            factories.paragraph("Text."),
            tool_sheet("Roadmap canvas", template=template),
        ],
        [vocab_sheet(TWIN)],
        [tool_sheet("Maturity interview")],
    )
    html = page_html(client, course.url + "tools/")
    cards = re.findall(r'<li class="card" data-filter-item>(.*?)</li>', html, re.S)
    links = [re.search(r'<h2><a href="([^"]+)">(.*?)</a></h2>', card).groups() for card in cards]
    assert links == [
        (f"{first.url}#tool-stakeholder-map", "Stakeholder map"),
        (f"{first.url}#tool-roadmap-canvas", "Roadmap canvas"),
        (f"{third.url}#tool-maturity-interview", "Maturity interview"),
    ]
    assert "<p>Purpose of Roadmap canvas.</p>" in cards[1] and "template included" in cards[1]
    assert "template included" not in cards[0]
    assert f"In: {third.title}" in cards[2]


def test_the_tool_library_omits_tools_of_an_unpublished_topic(client):
    course, (shown, hidden) = course_with_bodies([tool_sheet("Stakeholder map")], [tool_sheet("Secret tool")])
    hidden.unpublish()
    html = page_html(client, course.url + "tools/")
    assert "Stakeholder map" in html and "Secret tool" not in html


def test_a_tool_sheet_search_document_leads_to_its_anchor():
    topic = factories.topic_with([tool_sheet("Stakeholder map", tips=["Keep it to one page."])])
    child = topic.body[0]
    [document] = child.block.search_documents(child.value, {})
    assert (document.kind, document.title, document.anchor) == (
        "tool_sheet",
        "Stakeholder map",
        "#tool-stakeholder-map",
    )
    assert "Walk the shop floor." in document.text and "Keep it to one page." in document.text
