import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from cms.models import ContentVersion, CoursePage, LessonPage, ModulePage, TopicPage
from cms.translations import sync_locale_trees
from tests import factories

pytestmark = pytest.mark.django_db


def html(client, page, suffix=""):
    response = client.get(page.url + suffix)
    assert response.status_code == 200, page.url + suffix
    return response.content.decode()


def test_the_site_home_lists_the_published_public_courses(client):
    home = factories.home_page()
    assert "No course is published yet." in html(client, home)
    shown = factories.course(modules=1, lessons=1, topics=1)
    draft = factories.course(modules=1, lessons=1, topics=1)
    draft.unpublish()
    private = factories.course(modules=1, lessons=1, topics=1)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    page = html(client, home)
    assert f'<a href="{shown.url}">{shown.title}</a>' in page
    assert draft.title not in page and private.title not in page


def test_the_course_home_lists_its_modules_with_their_hours(client):
    course = factories.course(modules=2, lessons=2, topics=3, minutes=40)
    page = html(client, course)
    assert "Module 1" in page and "Module 2" in page
    assert "4.0 h" in page  # a module: 2 lessons x 3 topics x 40 min
    assert "about 8.0 hours" in page


def test_the_module_page_lists_lessons_and_their_topics_and_rolls_up_outcomes(client):
    course = factories.course(modules=1, lessons=2, topics=2, minutes=30)
    module = ModulePage.objects.child_of(course).get()
    assert module.estimated_minutes == 120
    page = html(client, module)
    assert "Lesson 1.1" in page and "Lesson 1.2" in page and "Topic 1.2.2" in page
    assert "30 min" in page and "about 2.0 hours" in page
    assert "4 learning outcomes" in page and page.count("Outcome of topic 1.") == 4
    assert re.search(r'<nav class="breadcrumbs.*?Course \d+.*?aria-current="page">Module 1', page, re.S)


def test_the_lesson_page_leads_back_to_its_module(client):
    course = factories.course(modules=2, lessons=1, topics=1)
    lesson = LessonPage.objects.descendant_of(course).order_by("path").last()
    page = html(client, lesson)
    module = lesson.get_parent()
    assert re.search(
        rf'<nav class="breadcrumbs.*?href="{course.url}">Course \d+.*?href="{module.url}">Module 2'
        r'.*?aria-current="page">Lesson 2.1',
        page,
        re.S,
    )


def test_an_empty_lesson_or_course_counts_no_topics(client):
    course = factories.course(modules=1, lessons=1, topics=2)
    module = ModulePage.objects.child_of(course).get()
    factories.publish(module, LessonPage(title="Lesson still to write", slug="later"))
    assert "1 module · 2 topics" in html(client, course)
    empty = factories.publish(factories.home_page(), CoursePage(title="Empty course", slug="empty"))
    assert "0 modules · 0 topics" in html(client, empty)


def test_a_topic_under_an_unpublished_lesson_is_skipped_by_previous_and_next(client):
    course = factories.course(modules=1, lessons=3, topics=1)
    first, middle, last = TopicPage.objects.descendant_of(course).order_by("path")
    middle_lesson = middle.get_parent()
    middle_lesson.live = False  # unpublished alone: its topic is still live, as Wagtail allows
    middle_lesson.save(update_fields=["live"])
    middle_lesson.get_parent().specific.save_revision().publish()  # a publish, as an editor's would
    assert f'rel="next" href="{last.url}"' in html(client, first)
    assert f'rel="prev" href="{first.url}"' in html(client, last)
    assert course.specific.get_children().get().specific.estimated_minutes == 80


def test_the_lesson_page_rolls_up_minutes_and_outcomes(client):
    course = factories.course(modules=1, lessons=1, topics=3, minutes=25)
    lesson = LessonPage.objects.descendant_of(course).get()
    assert lesson.estimated_minutes == 75
    page = html(client, lesson)
    assert "75 minutes" in page
    assert page.count("Outcome of topic 1.1.") == 3
    assert "Test Cluster" in page  # the responsible partner


def test_the_outline_totals_minutes_per_lesson_module_and_course_with_outcomes(client):
    course = factories.course(modules=2, lessons=2, topics=3, minutes=40)
    hidden = TopicPage.objects.descendant_of(course).last()
    hidden.unpublish()
    page = html(client, course, "outline/")
    assert "11 topics" in page and "7.3 hours (440 minutes)" in page
    lesson_totals = re.findall(r"Lesson total</th><td class=\"num\">(\d+)</td>", page)
    assert lesson_totals == ["120", "120", "120", "80"]
    assert "Outcome of topic 2.2.1" in page and hidden.title not in page


def test_the_topic_page_shows_breadcrumbs_contents_outcomes_and_authors(client):
    course = factories.course(modules=1, lessons=1, topics=1, blocks=10)
    topic = TopicPage.objects.descendant_of(course).get()
    page = html(client, topic)
    assert re.search(
        r'<nav class="breadcrumbs.*?Course \d+.*?Module 1.*?Lesson 1.1.*?aria-current="page">Topic 1.1.1',
        page,
        re.S,
    )
    assert '<a href="#section-1">Section 1</a>' in page and 'id="section-2"' in page
    assert "Outcome of topic 1.1.1" in page
    assert "Ana Example, Cluster manager — Test Cluster" in page
    assert '<aside class="callout callout--tip"' in page


def test_a_topic_links_to_the_outline_glossary_and_tools_of_its_course_in_its_language(client):
    course = factories.course(modules=1, lessons=1, topics=1, blocks=1)
    sync_locale_trees()
    topic = TopicPage.objects.descendant_of(course).get()
    french_course = course.get_translation(Locale.objects.get(language_code="fr"))
    page = client.get(topic.get_translation(french_course.locale).url).content.decode()
    nav = re.search(r'<nav class="course-nav" aria-label="Cours">.*?</nav>', page, re.S).group(0)
    for view in ("outline/", "glossary/", "tools/"):
        assert f'href="{french_course.url}{view}"' in nav, view


def test_previous_and_next_cross_lesson_and_module_boundaries(client):
    course = factories.course(modules=2, lessons=2, topics=1)
    topics = list(TopicPage.objects.descendant_of(course).order_by("path"))
    end_of_module_one = html(client, topics[1])
    assert f'rel="next" href="{topics[2].url}"' in end_of_module_one
    assert f'rel="prev" href="{topics[0].url}"' in end_of_module_one
    first, last = html(client, topics[0]), html(client, topics[-1])
    assert 'rel="prev"' not in first and 'rel="next"' not in last


def test_a_draft_topic_is_not_served_and_not_linked(client):
    course = factories.course(modules=1, lessons=1, topics=2)
    first, second = TopicPage.objects.descendant_of(course).order_by("path")
    second.unpublish()
    assert client.get(second.url).status_code == 404
    assert second.title not in html(client, first)


def topic_queries(client, blocks):
    """Queries for a first view after a publish, and for one with the whole cache emptied."""
    media = factories.lesson_media()  # figures, videos with captions, course documents
    course = factories.course(modules=1, lessons=1, topics=3, blocks=blocks, media=media)
    topic = TopicPage.objects.descendant_of(course).order_by("path")[1]
    client.get(topic.url)  # first view creates the image renditions
    counts = []
    for forget in (ContentVersion.bump, cache.clear):  # what a publish does; everything
        forget()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(topic.url)
        assert response.status_code == 200
        content = response.content.decode()
        assert content.count('class="block block--image"') == blocks // 5
        assert content.count('class="block block--video"') == (blocks + 9) // 10
        assert content.count('class="block block--document"') == (blocks + 9) // 10
        counts.append(len(queries))
    return counts


def test_the_topic_page_query_count_is_bounded_and_independent_of_its_length(client):
    (published_seven, cold_seven), (published_fifty, cold_fifty) = (
        topic_queries(client, 7),  # the shortest body with text in it: text links the glossary
        topic_queries(client, 50),
    )
    assert (published_seven, cold_seven) == (published_fifty, cold_fifty)
    # Routing, privacy, the content version, images, outcomes, authors, neighbours,
    # breadcrumbs, the language switcher and, after a publish, the course's glossary
    # terms (once per course); an emptied cache adds Wagtail's site root paths.
    assert published_fifty <= 16
    assert cold_fifty <= 18


def test_a_cached_topic_page_shows_a_change_published_elsewhere_at_once(client):
    course = factories.course(modules=1, lessons=1, topics=2)
    first, second = TopicPage.objects.descendant_of(course).order_by("path")
    assert "Topic 1.1.2" in html(client, first)
    with CaptureQueriesContext(connection) as warm:
        html(client, first)
    assert len(warm) <= 7  # served from the cached fragments: only routing, privacy and the content version

    second.title = "Edge computing in practice"
    second.save_revision().publish()
    assert "Edge computing in practice" in html(client, first)

    expert = first.authors.get().expert
    expert.name = "Ana Renamed"
    expert.save()
    assert "Ana Renamed" in html(client, first)


def test_a_start_time_in_one_address_does_not_leak_into_the_cached_page_of_others(client):
    topic = factories.topic_with([{"type": "video", "id": "v1", "value": factories.video_value()}])
    assert "#t=7" in client.get(topic.url + "?t=7&v=v1").content.decode()
    plain = client.get(topic.url).content.decode()
    assert "#t=" not in plain
    assert "#t=12" in client.get(topic.url + "?t=12").content.decode()


def test_learner_pages_load_every_asset_from_the_site_itself(client):
    topic = factories.topic_with([{"type": "video", "id": "v1", "value": factories.video_value()}])
    html = client.get(topic.url).content.decode()
    sources = re.findall(r'<(?:script|link|img|source|track|iframe)\b[^>]*\b(?:src|href)="([^"]+)"', html)
    assert sources  # the stylesheet, the script, the video and its captions
    assert [
        src for src in sources if src.startswith(("http://", "https://", "//")) and "127.0.0.1" not in src
    ] == []


def test_every_level_is_reached_directly_and_a_course_view_wins_over_a_page_of_its_name(client):
    course = factories.course(modules=1, lessons=1, topics=1)
    module = ModulePage.objects.child_of(course).get()
    lesson = LessonPage.objects.child_of(module).get()
    topic = TopicPage.objects.child_of(lesson).get()
    for page in (course, module, lesson, topic):
        response = client.get(page.url)
        assert response.status_code == 200
        assert response.context["page"].pk == page.pk
    assert client.get(topic.url + "no-such-page/").status_code == 404
    assert client.get(lesson.url + "no-such-topic/").status_code == 404

    module.slug = "outline"
    module.save_revision().publish()
    outline = client.get(course.url + "outline/")
    assert outline.status_code == 200
    assert outline.templates[0].name == "cms/course_outline.html"


def test_the_glossary_and_tool_library_are_served_from_the_cache_until_a_publish_changes_them(client):
    from tests.blocks.test_sheets import course_with_bodies, term, tool_sheet, vocab_sheet

    course, (topic,) = course_with_bodies(
        [vocab_sheet(term("Digital twin", "A live model.")), tool_sheet("Walk")]
    )
    for view, shown in (("glossary/", "Digital twin"), ("tools/", "Walk")):
        assert shown in client.get(course.url + view).content.decode()
        with CaptureQueriesContext(connection) as warm:
            client.get(course.url + view)
        # No topic body is read again: the list comes from the cached fragment.
        assert not [q for q in warm.captured_queries if "cms_topicpage" in q["sql"]], view

    topic.body = [vocab_sheet(term("Edge computing", "Near the machine.")), tool_sheet("Score")]
    topic.save_revision().publish()
    assert "Edge computing" in client.get(course.url + "glossary/").content.decode()
    assert "Score" in client.get(course.url + "tools/").content.decode()
