"""The glossary terms a topic's text links to: one map per course and language.

Built once per content version (so a publish anywhere rebuilds it) from the live
topics of the course in the topic's own language, and kept in the cache. Finding the
course costs no query (a topic is always three levels below its course), and building
the map costs one, whatever the number of terms or topics: only the blocks that offer
glossary entries are read out of each stored body.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

#: Course > Module > Lesson > Topic, enforced by the page types.
LEVELS_BELOW_COURSE = 3


def course_terms(topic, content_version: int) -> tuple[str, list[tuple[str, str, str]]]:
    """(language, [(term, url, definition)]) for the course the topic's content belongs to.

    An untranslated topic shown in another language tree is an alias of the original:
    its text is the original's, so it links the original course's terms (found with one
    query for the original's place and language, once per content version).
    """
    if topic.alias_of_id:
        key = f"lectern:glossary-source:{topic.alias_of_id}:{content_version}"
        source = cache.get(key)
        if source is None:
            source = _source_place(topic.alias_of_id)
            cache.set(key, source, settings.LECTERN_FRAGMENT_CACHE_SECONDS)
        language, path, depth = source
    else:
        language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        path, depth = topic.path, topic.depth
    course_path = path[: (depth - LEVELS_BELOW_COURSE) * topic.steplen]
    key = f"lectern:glossary-terms:{course_path}:{content_version}"
    terms = cache.get(key)
    if terms is None:
        terms = _collect(course_path)
        cache.set(key, terms, settings.LECTERN_FRAGMENT_CACHE_SECONDS)
    return language, terms


def _source_place(page_id: int) -> tuple[str, str, int]:
    from wagtail.models import Page

    return Page.objects.filter(pk=page_id).values_list("locale__language_code", "path", "depth").get()


def _collect(course_path: str) -> list[tuple[str, str, str]]:
    """Every glossary entry of the course's own live topics (not aliases), in course order."""
    from .models import TopicPage

    stream_block = TopicPage._meta.get_field("body").stream_block
    terms = []
    topics = TopicPage.objects.live().filter(path__startswith=course_path, alias_of__isnull=True)
    for topic in topics.order_by("path"):
        url = topic.get_url()
        for child in topic.body.raw_data:
            block = stream_block.child_blocks.get(child["type"])
            entries = getattr(block, "glossary_entries", None)
            for entry in entries(block.to_python(child["value"])) if entries else []:
                terms.append((entry.term, f"{url}#{entry.anchor}", entry.definition))
    return terms
