from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import records


@require_POST
def mark_topic(request, page_id):
    """Mark a topic done (``done=1``) or not done (``done=0``); back to where the learner was."""
    topic = get_object_or_404(Page.objects.live().specific(), pk=page_id)
    if not hasattr(topic, "body"):
        return HttpResponseBadRequest(_("Only a topic can be marked as done."))
    back = request.POST.get("next") or topic.get_url(request)
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = topic.get_url(request)
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    if request.POST.get("done") not in ("0", "1"):
        return HttpResponseBadRequest(_("Say whether the topic is done (done=1) or not (done=0)."))
    records.set_completed(request.user, topic, request.POST["done"] == "1")
    return redirect(back)


def course_progress(request, course):
    """The learner's progress through a course: every topic, done or not, and exercise scores."""
    from cms.outline import CourseOutline

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    outline = CourseOutline.for_course(course, request=request)
    return course.render(
        request,
        template="progress/course_progress.html",
        context_overrides={"outline": outline, "progress": records.course_progress(request.user, outline)},
    )
