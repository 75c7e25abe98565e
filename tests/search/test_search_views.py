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
    html = client.get("/search/", {"q": "sensor"}).content.decode()
    assert "12 results" in html and "Draft topic" not in html
    assert "<mark>sensor</mark>" in html.lower()
    assert f'href="{indexed.url}#term-sensor-0"' in html
    assert 'Vocabulary</a> <span class="count">12</span>' in html
    assert "Page 1 of 2" in html and 'rel="next" href="?q=sensor&amp;page=2"' in html


def test_a_search_with_no_hit_explains_what_to_try(client, indexed):
    html = client.get("/search/", {"q": "blockchain"}).content.decode()
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
