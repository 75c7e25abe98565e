"""Choosers that offer editors the originals of a translatable snippet, never a translation.

Pages link the English original and show its translation in the learner's language
(``cms.translations.localized``); the page form refuses a translation anyway
(``limit_choices_to``), so the chooser does not list them or offer a language filter.
"""

from wagtail.models import Locale
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet


class OriginalsOnly:
    i18n_enabled = False  # no language filter or column: there is one language to choose from

    def get_object_list(self):
        return super().get_object_list().filter(locale=Locale.get_default())


class ChooseOriginalView(OriginalsOnly, ChooseView):
    pass


class ChooseOriginalResultsView(OriginalsOnly, ChooseResultsView):
    pass


class OriginalsChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ChooseOriginalView
    choose_results_view_class = ChooseOriginalResultsView


class OriginalsChosenSnippetViewSet(SnippetViewSet):
    """The usual snippet admin (every language listed, for translators), with an originals-only chooser."""

    chooser_viewset_class = OriginalsChooserViewSet
