"""The course a report is about, and the lessons (and their topics) a viewer may see."""

from __future__ import annotations

from django.conf import settings

from cms.models import CoursePage, LessonPage
from cms.outline import CourseOutline


def source_courses():
    return CoursePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)


def course_for(course_id=None):
    courses = source_courses().order_by("path")
    return (courses.filter(pk=course_id).first() if course_id else None) or courses.first()


def visible_outline(course, partners):
    """The course outline; with ``partners`` (ids), only those partners' lessons stay in it."""
    outline = CourseOutline.for_course(course)
    if partners is None:
        return outline
    allowed = set(
        LessonPage.objects.descendant_of(course).filter(partner_id__in=partners).values_list("pk", flat=True)
    )
    for module in outline.modules:
        module.children = [lesson for lesson in module.children if lesson.page_id in allowed]
    outline.course.children = [module for module in outline.modules if module.children]
    return outline


def topic_nodes(node):
    return [child for child in node.descendants() if child.is_topic]
