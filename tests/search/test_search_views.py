from dataclasses import replace

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    terms = [
        {
            "term": f"Sensor {n}",
            "abbreviation": "",
            "synonyms": [],
            "definition": f"A sensor of kind {n} on a machine.",
            "related": [],
        }
        for n in range(12)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        topic = factories.topic_with(
            [{"type": "vocab_sheet", "value": {"title": "Sensors", "introduction": "", "terms": terms}}],
            title="Sensing",
        )
        draft = factories.topic_with(
            [{"type": "rich_text", "value": "<p>A sensor in a draft.</p>"}], title="Draft topic"
        )
        draft.unpublish()
    return topic


def test_the_search_page_shows_highlighted_hits_facets_and_pages(client, indexed):
    html = client.get("/en/search/", {"q": "sensor"}).content.decode()
    assert "12 results" in html and "Draft topic" not in html
    assert "<mark>sensor</mark>" in html.lower()
    assert f'href="{indexed.url}#term-sensor-0"' in html
    assert 'Vocabulary</a> <span class="count">12</span>' in html
    assert "Page 1 of 2" in html and 'rel="next" href="?q=sensor&amp;page=2"' in html


def test_a_search_with_no_hit_explains_what_to_try(client, indexed):
    html = client.get("/en/search/", {"q": "blockchain"}).content.decode()
    assert "0 results" in html and "Nothing in the course matches" in html


def test_the_json_api_gives_hits_with_their_place_and_facet_counts(client, indexed):
    data = client.get("/api/search/", {"q": "sensor", "kind": "vocab_term", "page": 2}).json()
    assert data["total"] == 12 and data["page"] == 2 and len(data["hits"]) == 2
    hit = data["hits"][0]
    assert hit["kind"] == "vocab_term" and hit["topic"] == "Sensing" and hit["module"] == "Module 1"
    assert hit["url"].startswith(indexed.url + "#term-sensor-")
    assert {"value": "vocab_term", "label": "Vocabulary", "count": 12} in data["facets"]["kind"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "q:"),
        ({"q": "x", "page": "0"}, "page:"),
        ({"q": "x", "module": "abc"}, "module:"),
        ({"q": "x", "lang": "xx"}, "Unknown language"),
        ({"q": "x", "kind": "DROP TABLE"}, "Unknown kind"),
        ({"q": "x" * 201}, "q:"),
    ],
)
def test_an_invalid_parameter_is_a_400_with_a_message(client, params, message):
    response = client.get("/api/search/", params)
    assert response.status_code == 400 and message in response.json()["error"]


def test_suggestions_offer_matching_titles(client, indexed):
    data = client.get("/api/search/suggest/", {"q": "sens"}).json()
    titles = [s["title"] for s in data["suggestions"]]
    assert titles and len(titles) == len(set(titles)) <= 8
    assert all(title.lower().startswith("sens") for title in titles)
    assert client.get("/api/search/suggest/", {"q": "s"}).json() == {"suggestions": []}


def test_wagtails_own_admin_search_still_finds_pages(client, django_user_model, indexed):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "pw"))
    html = client.get("/admin/pages/search/", {"q": "Sensing"}).content.decode()
    assert response_lists(html, "Sensing")


def response_lists(html, title):
    """The admin's search results table names the page (its title appears as a result link)."""
    import re

    return re.search(rf">\s*{re.escape(title)}\s*<", html) is not None


def french_document(number, text):
    from search.documents import IndexDocument

    return IndexDocument(
        doc_id=f"9{number}:page:0",
        page_id=900 + number,
        kind="topic",
        title=f"Sujet {number}",
        text=text,
        language="fr",
        url=f"/fr/sujet-{number}/",
        timestamp=None,
        course_id=None,
        course_title="",
        module_id=None,
        module_title="",
        lesson_id=None,
        lesson_title="",
        topic_title=f"Sujet {number}",
        public=True,
    )


def test_search_is_in_the_learners_language_unless_they_ask_for_all(client, indexed):
    from search.engines.database import DatabaseEngine

    DatabaseEngine().index([901], [french_document(1, "Un capteur mesure la température.")])
    english = client.get("/api/search/", {"q": "capteur"}).json()
    assert english["language"] == "en" and english["total"] == 0
    french = client.get("/api/search/", {"q": "capteur", "lang": "fr"}).json()
    assert french["total"] == 1 and french["hits"][0]["url"] == "/fr/sujet-1/"
    everywhere = client.get("/api/search/", {"q": "capteur", "lang": "all"}).json()
    assert everywhere["total"] == 1
    assert everywhere["facets"]["language"] == [{"value": "fr", "label": "Français", "count": 1}]
    html = client.get("/en/search/", {"q": "capteur"}).content.decode()
    assert "In English only." in html and 'href="?q=capteur&amp;lang=all"' in html


def test_past_the_counted_bound_the_total_and_facets_say_at_least(client, indexed, settings):
    settings.LECTERN_SEARCH_MAX_COUNTED = 5
    data = client.get("/api/search/", {"q": "sensor"}).json()
    assert data["total"] == 5 and data["total_exact"] is False
    html = client.get("/en/search/", {"q": "sensor"}).content.decode()
    assert "5+ results" in html and 'Vocabulary</a> <span class="count">5+</span>' in html
    settings.LECTERN_SEARCH_MAX_COUNTED = 12  # exactly as many as there are: exact
    data = client.get("/api/search/", {"q": "sensor"}).json()
    assert data["total"] == 12 and data["total_exact"] is True


def test_suggestions_find_any_title_word_by_its_start_titles_starting_so_first(client, indexed):
    from search.engines.database import DatabaseEngine

    DatabaseEngine().index(
        [950],
        [
            replace(french_document(50, "…"), language="en", title="Optical gauges compared"),
            replace(french_document(51, "…"), language="en", title="Gauge fusion", page_id=950),
        ],
    )
    titles = [s["title"] for s in client.get("/api/search/suggest/", {"q": "gauge"}).json()["suggestions"]]
    assert titles == ["Gauge fusion", "Optical gauges compared"]  # a later word may start so, after
    assert [
        s["title"] for s in client.get("/api/search/suggest/", {"q": "gauge fus"}).json()["suggestions"]
    ] == ["Gauge fusion"]


def test_a_private_or_other_language_title_is_never_suggested(client, indexed):
    from search.engines.database import DatabaseEngine

    DatabaseEngine().index(
        [950, 951],
        [
            replace(french_document(50, "…"), language="en", title="Sensorium roadmap", public=False),
            replace(french_document(51, "…"), title="Sensoriel"),
        ],
    )
    titles = [s["title"] for s in client.get("/api/search/suggest/", {"q": "sensor"}).json()["suggestions"]]
    assert titles and "Sensorium roadmap" not in titles and "Sensoriel" not in titles
    french = client.get("/api/search/suggest/", {"q": "sensor", "lang": "fr"}).json()["suggestions"]
    assert [s["title"] for s in french] == ["Sensoriel"]


def test_a_videos_other_moments_are_offered_under_its_best_one_in_the_learners_language(client):
    from search.engines.database import DatabaseEngine

    cues = [
        replace(
            french_document(n, f"Le jumeau numérique numéro {n}."),
            doc_id=f"950:video-1:{n}",
            page_id=950,
            kind="transcript",
            timestamp=float(4 * n),
            url=f"/fr/sujet/?t={4 * n}",
            prominence=-1,
        )
        for n in range(3)
    ]
    DatabaseEngine().index([950], cues)
    data = client.get("/api/search/", {"q": "jumeau", "lang": "fr"}).json()
    assert data["total"] == 1 and len(data["hits"]) == 1
    assert [m["timestamp"] for m in data["hits"][0]["more_moments"]] == [4.0, 8.0]
    html = client.get("/fr/search/", {"q": "jumeau"}).content.decode()
    assert "2 autres moments dans cette vidéo" in html and 'href="/fr/sujet/?t=8"' in html
