"""Route a request to a page deep in a course with one lookup instead of one per level.

Wagtail's router walks the tree a level at a time (two queries a level); a topic sits
five levels below the site's home page, so the walk alone would cost more than the
rest of the page. The tree rules fix which model lives at each depth, so the lookup
reads the specific page, its locale and (for an untranslated page) its source in a
single query. ``url_path`` already holds each page's full path, so a page resolves
its descendants directly and falls back to the ordinary walk for anything unusual —
and for the course's own views (``outline/``, ``glossary/``), which always win over
a page of the same name.
"""

from django.urls import Resolver404
from wagtail.models import Page


class DirectDescendantRoutingMixin:
    def descendant_model_at(self, levels_down: int):
        """The page model the tree rules allow at that depth below this page (or Page)."""
        return Page

    def own_view_owner_at(self, levels_down: int):
        """The routable page model at that depth below this page, whose views win, or None."""
        return None

    def route(self, request, path_components):
        if path_components and self.live and not self._reaches_own_view(path_components):
            model = self.descendant_model_at(len(path_components))
            url_path = self.url_path + "/".join(path_components) + "/"
            pages = model.objects.filter(path__startswith=self.path, url_path=url_path).select_related(
                "locale", "alias_of__locale"
            )
            page = (pages.specific() if model is Page else pages).first()
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def _reaches_own_view(self, path_components) -> bool:
        """True when the path names a view of this page or of a routable page below it."""
        for levels_down in range(len(path_components)):
            owner = self if levels_down == 0 else self.own_view_owner_at(levels_down)
            if owner is not None and hasattr(owner, "get_resolver"):
                try:
                    owner.get_resolver().resolve("/" + "/".join(path_components[levels_down:]) + "/")
                except Resolver404:
                    continue
                return True
        return False
