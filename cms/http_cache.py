"""HTTP caching for learner pages: ETags, Cache-Control, and whole pages for anonymous learners.

Most learners read without logging in, and what they see changes only when content
is published. So, for a learner page (a page of the course tree, or one of its views
such as the outline):

* an anonymous visitor gets an ``ETag`` made of the content version, the page and its
  address (which holds the language), answers a conditional GET with 304, and
  ``Cache-Control: public, max-age=LECTERN_HTTP_MAX_AGE`` so a proxy or CDN may keep it;
* a page that needs the visitor's own CSRF token (an exercise form) is ``private``: a
  shared cache must never hand one visitor's token to another;
* a logged-in learner's page is ``private, no-cache`` and has no ETag: it shows their
  progress, which changes without a publish;
* with ``LECTERN_FULL_PAGE_CACHE`` on, a whole anonymous page is kept in the cache under
  its address and the content version, and served before the page tree is walked.

A publish bumps the content version (cms.signals), which changes every ETag and
every stored page at once, in every process. The content version is read before the
page is rendered, so a page rendered during a publish can only be stored under the
old version, never the new one.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from blocks.csrf import PLACEHOLDER

from .models import ContentVersion

KEPT_HEADERS = ("Content-Type", "Content-Language", "ETag", "Cache-Control", "Vary")
LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def mark_learner_page(page, request, serve_args, serve_kwargs):
    """The ``before_serve_page`` hook: this request shows a page of the course tree."""
    request.lectern_page = page


def may_use_stored_page(request) -> bool:
    """An anonymous learner page with nothing personal in the request.

    No session cookie (so nobody logged in and no unlocked password), no pending
    messages, and no query string (so arbitrary parameters cannot fill the cache).
    """
    return (
        not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def page_key(request, version) -> str:
    address = f"{request.get_host()}{request.path}".encode()
    return f"lectern-page:2:{settings.LECTERN_RELEASE}:{version}:{hashlib.sha1(address).hexdigest()}"


def page_etag(request, version, page) -> str:
    address = f"{request.get_host()}{request.get_full_path()}".encode()
    digest = hashlib.sha1(address).hexdigest()[:16]
    return f'W/"{settings.LECTERN_RELEASE}{version}-{page.pk}-{digest}"'


def needs_own_csrf_token(request, response) -> bool:
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE")) or PLACEHOLDER.encode() in response.content


def is_learner_page_response(request, response) -> bool:
    return (
        getattr(request, "lectern_page", None) is not None
        and request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not getattr(response, "streaming", False)
    )


def may_have_unlocked(request, page) -> bool:
    """A visitor with a session may have given a private page's password: never share that page.

    Without a session nobody can pass a restriction, so Wagtail would not have answered
    200, and no query is needed.
    """
    return settings.SESSION_COOKIE_NAME in request.COOKIES and page.get_view_restrictions().exists()


def add_cache_headers(request, response, version) -> bool:
    """ETag and Cache-Control on a learner page; True when it may be shared between visitors."""
    page = request.lectern_page
    patch_vary_headers(response, ["Cookie"])
    if request.user.is_authenticated or may_have_unlocked(request, page):
        patch_cache_control(response, private=True, no_cache=True)
        return False
    response["ETag"] = page_etag(request, version, page)
    if needs_own_csrf_token(request, response):
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=settings.LECTERN_HTTP_MAX_AGE)
    return True


def may_store(request, response) -> bool:
    """A page the same for every anonymous visitor: no real CSRF token, no cookie, no message."""
    messages = getattr(request, "_messages", None)
    return not (
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or response.cookies
        or (messages is not None and messages.added_new)
    )


def stored_copy(request, response) -> tuple:
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    return response.status_code, headers, response.content, needs_own_csrf_token(request, response)


def from_stored(stored) -> HttpResponse:
    status, headers, content, _needs_token = stored
    return HttpResponse(content, status=status, headers=headers)


def stored_page(request):
    """The stored copy of this anonymous page, or None; notes the content version on the request."""
    if not (
        settings.LECTERN_FULL_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and request.path.startswith(LANGUAGE_PREFIXES)
        and may_use_stored_page(request)
    ):
        return None
    request.lectern_content_version = version = ContentVersion.current()
    return cache.get(page_key(request, version))


def conditional(request, response):
    return get_conditional_response(request, etag=response["ETag"], response=response) or response


class AnonymousPageMiddleware:
    """Early in the chain: a stored anonymous page that needs nothing of the visitor's.

    Placed right after WhiteNoise, so such a page costs about what a static file does:
    no session, language, CSRF or message machinery, and no page tree. A page with an
    exercise needs the visitor's CSRF token and goes on to LearnerPageCacheMiddleware,
    which serves the same stored copy once the token can be filled in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        stored = stored_page(request)
        if stored is None:
            return self.get_response(request)
        if stored[3]:  # needs the visitor's own CSRF token
            request.lectern_stored_page = stored
            return self.get_response(request)
        response = from_stored(stored)
        response["X-Frame-Options"] = getattr(settings, "X_FRAME_OPTIONS", "DENY")
        return conditional(request, response)


class LearnerPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not request.path.startswith(LANGUAGE_PREFIXES):
            return self.get_response(request)
        stored = getattr(request, "lectern_stored_page", None)  # found by AnonymousPageMiddleware
        if stored is not None:
            return conditional(request, from_stored(stored))
        version = getattr(request, "lectern_content_version", None)
        if version is None:  # before rendering: see the module's docstring
            request.lectern_content_version = version = ContentVersion.current()
        key = (
            page_key(request, version)
            if settings.LECTERN_FULL_PAGE_CACHE and may_use_stored_page(request)
            else None
        )
        return self.respond(request, version, store_as=key)

    def respond(self, request, version, store_as):
        response = self.get_response(request)
        if not is_learner_page_response(request, response) or not add_cache_headers(
            request, response, version
        ):
            return response
        if store_as and request.method == "GET" and may_store(request, response):
            cache.set(
                store_as, stored_copy(request, response), timeout=settings.LECTERN_FRAGMENT_CACHE_SECONDS
            )
        return conditional(request, response)
