from django.middleware.locale import LocaleMiddleware


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus one surprise.

    A 404 on a path without a language prefix is redirected to ``/<lang>/<path>``
    when that path resolves. With Wagtail's catch-all page route under the prefix,
    every path resolves, so a 404 from an unprefixed view (an unknown exercise, a
    missing caption file, the search API) would turn into a redirect to a page that
    does not exist either. Only requests that no view claimed are redirected.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None) is not None:
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
