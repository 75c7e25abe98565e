"""Admin pages and JSON endpoints for uploading large videos straight to S3."""

import json

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from . import s3, uploads
from .validation import UploadRefused


def document_policy():
    return policy_registry.get_by_type(get_document_model())


def _collections(user):
    return document_policy().collections_user_has_permission_for(user, "add")


def _require_upload_permission(request):
    if not document_policy().user_has_permission(request.user, "add"):
        raise PermissionDenied


def _json_body(request):
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UploadRefused(_("The request is not valid JSON.")) from error
    if not isinstance(data, dict):
        raise UploadRefused(_("The request should be a JSON object."))
    return data


def _answer(call):
    try:
        return call()
    except UploadRefused as error:
        return JsonResponse({"error": str(error)}, status=400)
    except uploads.UploadFailed as error:
        return JsonResponse({"error": str(error)}, status=503)


def large_upload_page(request):
    _require_upload_permission(request)
    return render(
        request,
        "files/large_upload.html",
        {
            "collections": _collections(request.user),
            "s3_configured": s3.is_configured(),
            "start_url": reverse("lectern_large_upload_start"),
        },
    )


@require_POST
def start_upload(request):
    _require_upload_permission(request)

    def call():
        data = _json_body(request)
        collection = _collections(request.user).filter(pk=data.get("collection")).first()
        if collection is None:
            raise UploadRefused(_("Choose a collection you may upload to."))
        if not s3.is_configured():
            raise UploadRefused(_("Direct uploads need S3 storage (AWS_STORAGE_BUCKET_NAME)."))
        started = uploads.start(
            request.user,
            str(data.get("filename", "")),
            data.get("size"),
            str(data.get("title", "")),
            collection.pk,
        )
        started["sign_url"] = reverse("lectern_large_upload_sign")
        started["complete_url"] = reverse("lectern_large_upload_complete")
        started["abort_url"] = reverse("lectern_large_upload_abort")
        return JsonResponse(started, status=201)

    return _answer(call)


def upload_step(handler):
    """A step of an upload already started: POST, permission, JSON body and signed token read once."""

    @require_POST
    def view(request):
        _require_upload_permission(request)

        def call():
            data = _json_body(request)
            state = uploads.read_token(str(data.get("token", "")), request.user)
            return handler(data, state)

        return _answer(call)

    return view


@upload_step
def sign_part(data, state):
    return JsonResponse(uploads.sign_part(state, data.get("part"), data.get("crc32")))


@upload_step
def complete_upload(data, state):
    parts = data.get("parts")
    if not isinstance(parts, list):
        raise UploadRefused(_("The list of uploaded parts is missing."))
    document = uploads.complete(state, parts)
    return JsonResponse(
        {
            "document": document.pk,
            "title": document.title,
            "edit_url": reverse("wagtaildocs:edit", args=[document.pk]),
        },
        status=201,
    )


@upload_step
def abort_upload(data, state):
    uploads.abort(state)
    return JsonResponse({"aborted": True})


urlpatterns = [
    path("large-upload/", large_upload_page, name="lectern_large_upload"),
    path("large-upload/start/", start_upload, name="lectern_large_upload_start"),
    path("large-upload/sign/", sign_part, name="lectern_large_upload_sign"),
    path("large-upload/complete/", complete_upload, name="lectern_large_upload_complete"),
    path("large-upload/abort/", abort_upload, name="lectern_large_upload_abort"),
]
