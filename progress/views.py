"""Learner views: marking topics done, the learner's space, course progress, certificates."""

import re

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import records
from .certificates import check_certificate
from .courses import course_of
from .learning import learner_space
from .models import Certificate
from .visits import record_visit

CERTIFICATE_CODE = re.compile(r"^[A-Za-z0-9_-]{8,32}$")


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
    course = course_of(topic)
    if course is not None:
        record_visit(request.user, course.translation_key, topic.translation_key, force=True)
    if request.POST["done"] == "1":
        check_certificate(request.user, topic)
    return redirect(back)


@require_POST
def visit(request):
    """Where the learner was when leaving a topic (sent by a beacon); 204, or 400 if unreadable."""
    if not request.user.is_authenticated:
        return HttpResponse(status=204)
    try:
        page_id = int(request.POST.get("page", ""))
    except ValueError:
        return HttpResponseBadRequest(_("Say which topic was visited."))
    topic = Page.objects.live().filter(pk=page_id).first()
    course = course_of(topic) if topic is not None else None
    if course is None or topic.depth <= course.depth:
        return HttpResponseBadRequest(_("Say which topic was visited."))
    record_visit(request.user, course.translation_key, topic.translation_key, request.POST.get("anchor"))
    return HttpResponse(status=204)


def my_learning(request):
    """The learner's space: every course started, with Resume, progress and exercise results."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    courses = learner_space(
        request.user, get_language(), version=getattr(request, "lectern_content_version", None)
    )
    return render(request, "progress/my_learning.html", {"courses": courses})


def course_progress(request, course_path):
    """``<course>/progress/``: every topic of one course, done or not, and exercise scores."""
    from wagtail.models import Site

    from cms.models import CoursePage
    from cms.outline import CourseOutline

    site = Site.find_for_request(request)
    root = site.root_page.localized if site else None
    course = (
        CoursePage.objects.live().filter(url_path=f"{root.url_path}{course_path}/").first() if root else None
    )
    if course is None:
        from wagtail.views import serve

        return serve(request, f"{course_path}/progress/")
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    outline = CourseOutline.for_course(course, request=request)
    return course.render(
        request,
        template="progress/course_progress.html",
        context_overrides={"outline": outline, "progress": records.course_progress(request.user, outline)},
    )


def certificate_page(request, code):
    """The public check of a certificate: holder, course, date and whether it still stands."""
    certificate = Certificate.objects.filter(code=code).first() if CERTIFICATE_CODE.match(code) else None
    if certificate is None:
        return render(request, "progress/no_certificate.html", status=404)
    return render(request, "progress/certificate.html", {"certificate": certificate})


def certificate_download(request, code):
    """The learner's own certificate as a PDF; anyone else's is not found."""
    from .pdf import certificate_pdf

    if not request.user.is_authenticated or not CERTIFICATE_CODE.match(code):
        raise Http404
    certificate = get_object_or_404(Certificate, code=code, user=request.user)
    pdf = certificate_pdf(certificate, request.build_absolute_uri(certificate.get_absolute_url()))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response
