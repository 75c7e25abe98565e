"""Uploaded files on local disk are served through Django, after the privacy checks.

With files on local disk (the demo, or a small site without S3), ``MEDIA_URL`` is
the address of every image, rendition and document file. Serving that folder as it
is would hand out the files of private pages and private collections to anyone who
guesses a name; so this view is the only way in, in every setting:

- a document's file is redirected to Lectern's document view, which applies
  Wagtail's collection privacy and the privacy of the pages that use it;
- an original image or a rendition is served only to a visitor who may see one of
  the live pages using the image (or to the course team in the admin);
- any other file (course exports, storage checks) is not served at all.

The web server in front must not serve ``MEDIA_ROOT`` itself (docs/storage.md).
With S3 storage, files have presigned URLs and this view answers 404.
"""

import posixpath

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views import static
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .privacy import refusal_for_private_pages


def image_of(name: str):
    """The image whose original or rendition is stored under ``name``, or None."""
    model = get_image_model()
    image = model.objects.filter(file=name).first()
    if image is None:
        rendition = model.get_rendition_model().objects.filter(file=name).select_related("image").first()
        image = rendition.image if rendition else None
    return image


def serve_media(request, path):
    if not isinstance(default_storage, FileSystemStorage):
        raise Http404("Files are not kept on this server.")
    name = posixpath.normpath(path)
    if name != path or name.startswith(("/", "..")):
        raise Http404("Not a stored file.")
    document = get_document_model().objects.filter(file=name).first()
    if document is not None:
        return redirect(reverse("lectern_document", args=[document.pk, document.filename]))
    image = image_of(name)
    if image is None:
        raise Http404("Not a course file.")
    refused = refusal_for_private_pages(image, request)
    if refused:
        return refused
    response = static.serve(request, name, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
