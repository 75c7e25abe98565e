"""When the file store fails during a request, say so plainly instead of a server error.

Uploads write the file before the database row, so a refused or unreachable store
leaves no record behind; this turns the storage exception into a clear 503 for the
editor (JSON for the admin's multiple-upload requests).
"""

import logging

from botocore.exceptions import BotoCoreError, ClientError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def is_storage_error(error: BaseException) -> bool:
    return isinstance(error, (BotoCoreError, ClientError))


class StorageErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_storage_error(exception):
            return None
        logger.error("File storage failed during %s %s", request.method, request.path, exc_info=exception)
        message = _(
            "The file store is not answering or refused the file, so nothing was saved. Please try again in a few minutes."
        )
        wants_json = (
            "application/json" in request.headers.get("Accept", "")
            or request.headers.get("X-Requested-With") == "XMLHttpRequest"
        )
        if wants_json:
            return JsonResponse({"success": False, "error_message": message, "error": message}, status=503)
        return render(request, "files/storage_unavailable.html", {"message": message}, status=503)
