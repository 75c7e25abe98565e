"""Grading: the one endpoint every interactive block (core or plugin) is graded through."""

import json

from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .questions.base import SubmissionError
from .signals import exercise_graded

MAX_SUBMISSION_BYTES = 64 * 1024


def _wants_json(request):
    return request.content_type == "application/json" or "application/json" in request.headers.get(
        "Accept", ""
    )


def _refuse(request, message, status=400):
    if _wants_json(request):
        return JsonResponse({"error": message}, status=status)
    return render(request, "blocks/submission_error.html", {"message": message}, status=status)


def _csrf_problem(request):
    """Django's own CSRF check, answered with a 400 and a message instead of its 403 page."""
    failure = CsrfViewMiddleware(lambda req: None).process_view(request, None, (), {})
    return failure is not None


def _find_block(page, block_id):
    body = getattr(page, "body", None)
    for child in body or []:
        if child.id == block_id and hasattr(child.block, "grade"):
            return child
    raise Http404("No gradable block with that id on this page.")


def _submission(request, block, value):
    if request.content_type == "application/json":
        try:
            return json.loads(request.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise SubmissionError(_("The submission is not valid JSON.")) from error
    return block.submission_from_form(value, request.POST)


@csrf_exempt  # checked in the view, so that a missing token is a 400 with a message
@require_POST
def grade(request, page_id, block_id):
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > MAX_SUBMISSION_BYTES:
        return _refuse(request, _("The submission is too large."), status=400)
    if _csrf_problem(request):
        return _refuse(
            request, _("The form has expired or lacks its security token. Reload the page and try again.")
        )
    page = get_object_or_404(Page.objects.live().specific(), pk=page_id)
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            return _refuse(request, _("You may not answer this exercise."), status=403)
    child = _find_block(page, block_id)
    try:
        submission = _submission(request, child.block, child.value)
        result = child.block.grade(child.value, submission)
    except SubmissionError as error:
        return _refuse(request, str(error))
    exercise_graded.send(
        sender=type(child.block), request=request, page=page, block_id=child.id, result=result
    )
    context = {
        "result": result,
        "page": page,
        "value": child.value,
        "result_template": child.block.result_template,
        "anchor": f"block-{child.id}",
    }
    if _wants_json(request):
        from django.template.loader import render_to_string

        return JsonResponse(
            {
                **result.as_dict(),
                "html": render_to_string(child.block.result_template, context, request=request),
            }
        )
    return render(request, "blocks/grade_page.html", context)
