"""Which surveys invite a learner: open, in this course, reached its share, not answered or dismissed."""

from django.db.models import Q
from django.utils import timezone

from cms.models import TopicPage
from progress.models import TopicCompletion

from .responses import AnsweredMarker


def share_done(user, course) -> float:
    """The share (0–1) of the course's live topics this learner has marked done, in any language."""
    topics = TopicPage.objects.descendant_of(course).live().values("translation_key")
    total = topics.count()
    if not total:
        return 0.0
    done = TopicCompletion.objects.filter(user=user, topic_key__in=topics).count()
    return done / total


def course_page(course):
    """The course page itself, from a page or from anything carrying its translation ``key``
    (the learner's space lists courses as summaries), in the active language."""
    from wagtail.models import Locale

    from cms.models import CoursePage

    if course is None or isinstance(course, CoursePage):
        return course
    if getattr(course, "page", None) is not None:  # a summary that carries its page
        return course.page
    key = getattr(course, "key", course)
    pages = CoursePage.objects.filter(translation_key=key)
    return pages.filter(locale=Locale.get_active()).first() or pages.first()


def open_invitations(user, course) -> list:
    from .models import SurveyPage

    if not getattr(user, "is_authenticated", False) or course is None:
        return []
    course = course_page(course)
    now = timezone.now()
    seen = AnsweredMarker.objects.filter(learner=user).values("survey_key")
    surveys = list(
        SurveyPage.objects.child_of(course)
        .live()
        .filter(invite_after_percent__isnull=False)
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        .exclude(translation_key__in=seen)
        .order_by("path")
    )
    if not surveys:
        return []
    percent = 100 * share_done(user, course)
    return [survey for survey in surveys if percent >= survey.invite_after_percent]
