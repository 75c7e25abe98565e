"""Route a request to a page deep in a course with one lookup instead of one per level.

Wagtail's router walks the tree a level at a time (two queries a level); a topic sits
four levels below its course, so the walk alone would cost more than the rest of the
page. The tree rules fix which model lives at each depth, so the lookup reads the
specific page in a single query. ``url_path`` already holds each page's full path, so the course resolves its
descendants directly and falls back to the ordinary walk for anything unusual.
"""

from django.http import Http404
from wagtail.models import Page


class DirectDescendantRoutingMixin:
    def descendant_model_at(self, levels_down: int):
        """The page model the tree rules allow at that depth below this page (or Page)."""
        return Page

    def route(self, request, path_components):
        if path_components and self.live and not self._is_own_view(path_components):
            model = self.descendant_model_at(len(path_components))
            url_path = self.url_path + "/".join(path_components) + "/"
            pages = model.objects.filter(path__startswith=self.path, url_path=url_path)
            page = (pages.specific() if model is Page else pages).first()
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
