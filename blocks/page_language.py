"""Answer in the language of the page a request is about, not the browser's.

The grading address (``/grade/<page_id>/…``) carries no language prefix, so Django's
LocaleMiddleware would pick the browser's language (or English): a learner on a French
page then read "Your score…" around French feedback. The page decides instead.
"""

from functools import wraps

from django.utils import translation
from wagtail.models import Page


def in_page_language(view):
    """Run ``view`` with the language of the page named by its ``page_id`` argument active."""

    @wraps(view)
    def wrapper(request, page_id, *args, **kwargs):
        language = (
            Page.objects.filter(pk=page_id).values_list("locale__language_code", flat=True).first()
            or translation.get_language()
        )
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, page_id, *args, **kwargs)
        response.headers.setdefault("Content-Language", language)
        return response

    return wrapper
