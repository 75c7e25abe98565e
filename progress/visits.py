"""Remembering where a learner was, without a database write on every page view.

The latest place (topic and block) is kept in the cache at once; the database row is
written at most once a minute per learner and course, or straight away when the learner
did something that writes anyway (marking a topic done, answering an exercise). The
learner's space reads the row and prefers the cached place when it is newer.
"""

from __future__ import annotations

import re

from django.core.cache import cache
from django.utils import timezone

from .models import CourseVisit

WRITE_EVERY_SECONDS = 60
ANCHOR = re.compile(r"^[A-Za-z0-9_-]{1,80}$")


def _place_key(user_id, course_key) -> str:
    return f"progress:visit:{user_id}:{course_key}"


def clean_anchor(anchor: str | None) -> str:
    """A block anchor as the page writes it, or '' for anything else."""
    return anchor if anchor and ANCHOR.match(anchor) else ""


def record_visit(user, course_key, topic_key, anchor: str = "", force: bool = False) -> None:
    place = (str(topic_key), clean_anchor(anchor), timezone.now())
    cache.set(_place_key(user.pk, course_key), place, 7 * 24 * 3600)
    if force or cache.add(_place_key(user.pk, course_key) + ":written", 1, WRITE_EVERY_SECONDS):
        CourseVisit.objects.update_or_create(
            user=user, course_key=course_key, defaults={"topic_key": place[0], "anchor": place[1]}
        )


def last_places(user, course_keys) -> dict[str, tuple[str, str]]:
    """{course key: (topic key, anchor)} for the courses this learner has visited."""
    places = {
        str(visit.course_key): (str(visit.topic_key), visit.anchor, visit.updated_at)
        for visit in CourseVisit.objects.filter(user=user, course_key__in=list(course_keys))
    }
    cached = cache.get_many([_place_key(user.pk, key) for key in course_keys])
    for key in course_keys:
        newer = cached.get(_place_key(user.pk, key))
        if newer and (key not in places or newer[2] >= places[key][2]):
            places[key] = newer
    return {key: (place[0], place[1]) for key, place in places.items()}
