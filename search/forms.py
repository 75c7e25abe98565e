"""The search parameters, shared by the search page and the JSON API: checked once."""

from django import forms
from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from .engines.base import SearchQuery

#: Page ids are 32-bit integers on PostgreSQL: a larger number cannot name a module or lesson.
LARGEST_PAGE_ID = 2**31 - 1


def kind_labels() -> dict:
    """Every kind of search document with the label a learner reads, in the active language.

    Search knows only its own ``topic``; the rest comes from the callable that the
    setting ``LECTERN_SEARCH_KINDS`` names (the block registry, where each block declares
    its kinds), so that a plugin's kind is labelled without search importing any block.
    """
    labels = {"topic": _("Topic")}
    source = getattr(settings, "LECTERN_SEARCH_KINDS", "")
    if source:
        labels.update(import_string(source)())
    return {kind: str(label) for kind, label in labels.items()}


class SearchForm(forms.Form):
    q = forms.CharField(max_length=200, strip=True, label=_("Search the course"))
    kind = forms.CharField(max_length=40, required=False)
    module = forms.IntegerField(min_value=1, max_value=LARGEST_PAGE_ID, required=False)
    lesson = forms.IntegerField(min_value=1, max_value=LARGEST_PAGE_ID, required=False)
    lang = forms.CharField(max_length=10, required=False)
    page = forms.IntegerField(min_value=1, max_value=1000, required=False)
    per_page = forms.IntegerField(min_value=1, max_value=50, required=False)
    as_typed = forms.BooleanField(required=False)  # "search instead for …": no spelling correction

    def clean_kind(self):
        value = self.cleaned_data.get("kind") or ""
        known = kind_labels()
        if value and value not in known:
            raise forms.ValidationError(
                _("Unknown kind of content: %(kind)s. Known kinds: %(known)s.")
                % {"kind": value, "known": ", ".join(sorted(known))}
            )
        return value

    def clean_lang(self):
        value = self.cleaned_data.get("lang") or ""
        known = {code for code, _name in settings.LANGUAGES}
        if value and value != "all" and value not in known:
            raise forms.ValidationError(_("Unknown language: %(lang)s.") % {"lang": value})
        return value

    def search_query(self, default_language=None) -> SearchQuery:
        data = self.cleaned_data
        language = data.get("lang") or default_language
        return SearchQuery(
            text=data["q"],
            kinds=(data["kind"],) if data.get("kind") else (),
            module_id=data.get("module"),
            lesson_id=data.get("lesson"),
            language=None if language in (None, "", "all") else language,
            page=data.get("page") or 1,
            per_page=data.get("per_page") or 10,
            correct=not data.get("as_typed"),
        )

    def error_message(self) -> str:
        return " ".join(f"{name}: {' '.join(errors)}" for name, errors in self.errors.items())
