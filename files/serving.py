"""Serve documents with HTTP range requests, so that videos can be seeked.

A browser seeks in a video (a transcript cue, a chapter, ``?t=``) by asking for a
byte range; Wagtail's document view always sends the whole file, which leaves the
player unable to seek. This view answers ``Range`` requests for files on local disk
with ``206 Partial Content`` after the same checks as Wagtail's view (privacy hooks,
file name), and hands every other request to Wagtail's own view. Remote storages
(S3) are redirected by Wagtail's view and answer ranges themselves.
"""

import re

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


def parse_range(header: str, size: int):
    """(start, end) inclusive for a single byte range, None to ignore the header, or 'invalid'."""
    match = RANGE.match(header.strip())
    if not match:
        return None  # multiple or non-byte ranges: send the whole file, as RFC 9110 allows
    first, last = match.groups()
    if not first and not last:
        return "invalid"
    if not first:  # the last N bytes
        length = int(last)
        if length == 0:
            return "invalid"
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return "invalid"
    return start, end


def _file_slice(file, start, end):
    remaining = end - start + 1
    with file.open("rb") as handle:
        handle.seek(start)
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk


def refusal(document, request) -> HttpResponse | None:
    """Wagtail's ``before_serve_document`` hooks (collection and page privacy): a response refuses."""
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    return None


def serve_document(request, document_id, document_filename):
    header = request.headers.get("Range")
    if not header:
        response = wagtail_serve(request, document_id, document_filename)
        if response.status_code == 200 and not response.has_header("Location"):
            response["Accept-Ranges"] = "bytes"  # tells players they may seek
        return response
    document = get_object_or_404(get_document_model(), id=document_id)
    if document.filename != document_filename:
        raise Http404("This document does not match the given filename.")
    try:
        document.file.path  # noqa: B018 - remote storages raise here
    except NotImplementedError:
        return wagtail_serve(request, document_id, document_filename)  # remote storage: redirect
    refused = refusal(document, request)  # view restrictions, as Wagtail's own view checks them
    if refused:
        return refused
    size = document.file.size
    wanted = parse_range(header, size)
    if wanted is None:
        return wagtail_serve(request, document_id, document_filename)
    if wanted == "invalid":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    start, end = wanted
    response = StreamingHttpResponse(
        _file_slice(document.file, start, end), status=206, content_type=document.content_type
    )
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = document.content_disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
