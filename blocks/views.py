"""Grading: the one endpoint every interactive block (core or plugin) is graded through."""

import json
from io import BytesIO

from django.core.exceptions import SuspiciousOperation
from django.http import Http404, JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .base import InteractiveBlock
from .page_language import in_page_language
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


class NotFound(Exception):
    """No live page or no gradable block with that id; the message is for the learner."""


def _live_page(page_id):
    page = Page.objects.live().specific().filter(pk=page_id).first()
    if page is None:
        raise NotFound(_("This page does not exist or is not published."))
    return page


def _find_block(page, block_id):
    for child in getattr(page, "body", None) or []:
        if child.id == block_id and isinstance(child.block, InteractiveBlock):
            return child
    with translation.override(page.locale.language_code):
        raise NotFound(_("This page has no exercise with that id."))


def _not_found(request, message):
    """A JSON client gets the message as JSON; a browser gets the site's 404 page."""
    if _wants_json(request):
        return JsonResponse({"error": message}, status=404)
    raise Http404(message)


def _read_body(request) -> bytes:
    """The request body, refused past the limit whatever Content-Length claims.

    A chunked body has no Content-Length, so the limit is on what is read: one byte
    more than allowed is enough to know.
    """
    body = request.read(MAX_SUBMISSION_BYTES + 1)
    if len(body) > MAX_SUBMISSION_BYTES:
        raise SubmissionError(_("The submission is too large."))
    return body


def _form(request, body) -> QueryDict:
    """The posted form, parsed from the body already read: ``request.POST`` would read the spent stream."""
    try:
        if request.content_type == "multipart/form-data":  # what the script's FormData sends
            meta = {**request.META, "CONTENT_LENGTH": str(len(body))}
            parser = MultiPartParser(meta, BytesIO(body), request.upload_handlers, request.encoding)
            return parser.parse()[0]
        if request.content_type == "application/x-www-form-urlencoded":
            return QueryDict(body, encoding=request.encoding)
    except (MultiPartParserError, SuspiciousOperation) as error:  # bad boundary, too many fields
        raise SubmissionError(_("The form could not be read.")) from error
    return QueryDict(encoding=request.encoding)


def _submission(request, body, block, value):
    if request.content_type == "application/json":
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
            raise SubmissionError(_("The submission is not valid JSON.")) from error
    return block.submission_from_form(value, request.POST)


def _checked_body(request) -> bytes:
    """The body, once its size, form and CSRF token are acceptable; else a SubmissionError."""
    body = _read_body(request)
    request.POST = _form(request, body)  # where the CSRF check looks for the form's token
    if _csrf_problem(request):
        raise SubmissionError(
            _("The form has expired or lacks its security token. Reload the page and try again.")
        )
    return body


def _answer(request, page, child, result):
    """The result as JSON (with its HTML) for the inline script, else as a page of its own."""
    context = {
        "result": result,
        "page": page,
        "value": child.value,
        "result_template": child.block.result_template,
        "anchor": f"block-{child.id}",
    }
    if _wants_json(request):
        html = render_to_string(child.block.result_template, context, request=request)
        return JsonResponse({**result.as_dict(), "html": html})
    return render(request, "blocks/grade_page.html", context)


@in_page_language
@csrf_exempt  # checked in the view, so that a missing token is a 400 with a message
@require_POST
def grade(request, page_id, block_id):
    try:
        body = _checked_body(request)
    except SubmissionError as error:
        return _refuse(request, str(error))
    try:
        page = _live_page(page_id)
        if not all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
            return _refuse(request, _("You may not answer this exercise."), status=403)
        child = _find_block(page, block_id)
    except NotFound as error:
        return _not_found(request, str(error))
    try:
        submission = _submission(request, body, child.block, child.value)
        result = child.block.grade(child.value, submission)
    except SubmissionError as error:
        return _refuse(request, str(error))
    exercise_graded.send(
        sender=type(child.block), request=request, page=page, block_id=child.id, result=result
    )
    return _answer(request, page, child, result)
