"""Route a request to a page deep in a course with one lookup instead of one per level.

Wagtail's router walks the tree a level at a time (two queries a level); a topic sits
four levels below its course, so the walk alone would cost more than the rest of the
page. ``url_path`` already holds each page's full path, so the course resolves its
descendants directly and falls back to the ordinary walk for anything unusual.
"""

from django.http import Http404
from wagtail.models import Page


class DirectDescendantRoutingMixin:
    def route(self, request, path_components):
        if path_components and self.live and not self._is_own_view(path_components):
            url_path = self.url_path + "/".join(path_components) + "/"
            page = Page.objects.filter(path__startswith=self.path, url_path=url_path).specific().first()
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def _is_own_view(self, path_components) -> bool:
        """True for the course's own routes (``outline/``), which RoutablePageMixin serves."""
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True
