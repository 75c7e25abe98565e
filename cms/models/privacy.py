"""Which view restrictions apply to a page, in a fixed number of queries.

Wagtail's own ``get_view_restrictions`` gives an alias its source page's restrictions
(on the page and on every ancestor) by loading each aliased ancestor's source page one
at a time. Under untranslated ancestors every French, Spanish, Hungarian or Greek page
is such an alias chain: four queries more per view for a topic. The rule here is the same,
read as: the ancestors' ids (one query), their sources (one query, only when there are
aliases), then the restrictions.
"""

from wagtail.models import Page, PageViewRestriction


class ViewRestrictionsInFewQueries:
    def get_view_restrictions(self):
        pages = [*self.get_ancestors().values_list("id", "alias_of_id"), (self.pk, self.alias_of_id)]
        checked = {pk for pk, source in pages if source is None}
        sources = {source for _pk, source in pages if source is not None}
        while sources:  # an alias of an alias is followed to the page that holds the rules
            rows = Page.objects.filter(pk__in=sources).values_list("id", "alias_of_id")
            checked |= {pk for pk, source in rows if source is None}
            sources = {source for _pk, source in rows if source is not None} - checked
        return PageViewRestriction.objects.filter(page_id__in=checked)
