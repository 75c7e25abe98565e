"""The search parameters, shared by the search page and the JSON API: checked once."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .engines.base import SearchQuery

KIND = r"^[a-z_]{1,40}$"


class SearchForm(forms.Form):
    q = forms.CharField(max_length=200, strip=True, label=_("Search the course"))
    kind = forms.RegexField(
        regex=KIND, required=False, error_messages={"invalid": _("Unknown kind of content.")}
    )
    module = forms.IntegerField(min_value=1, required=False)
    lesson = forms.IntegerField(min_value=1, required=False)
    lang = forms.CharField(max_length=10, required=False)
    page = forms.IntegerField(min_value=1, max_value=1000, required=False)
    per_page = forms.IntegerField(min_value=1, max_value=50, required=False)
    as_typed = forms.BooleanField(required=False)  # "search instead for …": no spelling correction

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
