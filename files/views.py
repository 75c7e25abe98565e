import logging

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from .serving import refusal

logger = logging.getLogger(__name__)


def caption_track(request, document_id):
    """A WebVTT caption file, served from this site's own origin.

    Browsers load ``<track>`` files only from the page's origin (or with CORS), so
    captions stored in a bucket are passed through here after the same privacy
    checks as any document.
    """
    document = get_object_or_404(get_document_model(), id=document_id)
    if not document.filename.lower().endswith(".vtt"):
        raise Http404("Not a caption file.")
    refused = refusal(document, request)
    if refused:
        return refused
    try:
        with document.file.open("rb") as handle:
            content = handle.read()
    except Exception:
        logger.warning("Could not read caption file %s", document.pk, exc_info=True)
        return HttpResponse(_("Captions are not available right now."), status=503, content_type="text/plain")
    response = HttpResponse(content, content_type="text/vtt; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response
