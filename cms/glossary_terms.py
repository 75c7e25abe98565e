"""The glossary terms a topic's text links to: one map per course and language.

Built once per content version (so a publish anywhere rebuilds it) from the live
topics of the course in the topic's own language, and kept in the cache: a topic's
article, when it is built, costs a few queries for every term of the course, never
one per term.
"""

from django.conf import settings
from django.core.cache import cache

from .models.content_version import ContentVersion


def course_terms(topic) -> tuple[str, list[tuple[str, str, str]]]:
    """(language, [(term, url, definition)]) for the course the topic's content belongs to.

    An untranslated topic shown in another language tree is an alias of the original:
    its text is the original's, so it links the original course's terms.
    """
    from .models import CoursePage

    source = topic.alias_of.specific if topic.alias_of_id else topic
    language = source.locale.language_code
    course = CoursePage.objects.ancestor_of(source).first()
    if course is None:
        return language, []
    key = f"lectern:glossary-terms:{course.pk}:{ContentVersion.current()}"
    terms = cache.get(key)
    if terms is None:
        terms = _collect(course)
        cache.set(key, terms, settings.LECTERN_FRAGMENT_CACHE_SECONDS)
    return language, terms


def _collect(course) -> list[tuple[str, str, str]]:
    """Every glossary entry of the course's own live topics (not aliases), in course order."""
    from .models import TopicPage

    terms = []
    topics = TopicPage.objects.live().descendant_of(course).filter(alias_of__isnull=True).order_by("path")
    for topic in topics:
        url = topic.get_url()
        for child in topic.body:
            entries = getattr(child.block, "glossary_entries", None)
            for entry in entries(child.value) if entries else []:
                terms.append((entry.term, f"{url}#{entry.anchor}", entry.definition))
    return terms
