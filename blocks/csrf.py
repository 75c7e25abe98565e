"""CSRF tokens inside cached page fragments.

A topic's article is cached for every learner, but an exercise form needs each
learner's own CSRF token. The form carries a placeholder, and this middleware puts
the request's token in its place on the way out.
"""

from django.middleware.csrf import get_token

PLACEHOLDER = "lectern-csrf-placeholder-4b1d"
_PLACEHOLDER_BYTES = PLACEHOLDER.encode()


class CsrfPlaceholderMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not getattr(response, "streaming", False)
            and response.get("Content-Type", "").startswith("text/html")
            and _PLACEHOLDER_BYTES in response.content
        ):
            response.content = response.content.replace(_PLACEHOLDER_BYTES, get_token(request).encode())
        return response
