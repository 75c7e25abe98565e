"""The search page and the JSON API; neither knows which engine answers."""

import math

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .engines import get_engine
from .engines.base import EngineUnavailable
from .forms import SearchForm, kind_labels
from .queue import replay_if_due

UNAVAILABLE = _("Search is unavailable for a moment; please try again shortly.")


def _titles(ids):
    return dict(Page.objects.filter(pk__in=list(ids)).values_list("pk", "title"))


def _facets(results):
    titles = _titles([*results.facets.get("module", {}), *results.facets.get("lesson", {})])
    labels = kind_labels()
    return {
        "kind": [
            {"value": k, "label": labels.get(k, k), "count": n}
            for k, n in sorted(results.facets.get("kind", {}).items())
        ],
        "module": [
            {"value": k, "label": titles.get(k, str(k)), "count": n}
            for k, n in results.facets.get("module", {}).items()
        ],
        "lesson": [
            {"value": k, "label": titles.get(k, str(k)), "count": n}
            for k, n in results.facets.get("lesson", {}).items()
        ],
        "language": [
            {"value": k, "label": LANGUAGE_NAMES.get(k, k), "count": n}
            for k, n in sorted(results.facets.get("language", {}).items())
        ],
    }


LANGUAGE_NAMES = dict(settings.LANGUAGES)


def request_language(request) -> str:
    """The language searched when the learner did not choose: the request's, else the default."""
    code = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    return code if code in LANGUAGE_NAMES else settings.LANGUAGE_CODE


def _search(query):
    """The engine's answer, after replaying what waited while the engine was down."""
    replay_if_due()
    return get_engine().search(query)


def search_page(request):
    form = SearchForm(request.GET) if request.GET.get("q") else SearchForm()
    context = {"form": form, "query": request.GET.get("q", "")}
    if form.is_bound and form.is_valid():
        query = form.search_query(default_language=request_language(request))
        try:
            results = _search(query)
        except EngineUnavailable:
            context["error"] = UNAVAILABLE
            return render(request, "search/search.html", context, status=503)
        pages = max(1, math.ceil(results.total / query.per_page))
        params = request.GET.copy()
        params.pop("page", None)
        as_typed = params.copy()
        as_typed["as_typed"] = "1"
        scope = params.copy()
        scope.pop("lang", None)
        context.update(
            results=results,
            facets=_facets(results),
            search_query=query,
            language_name=LANGUAGE_NAMES.get(query.language, ""),
            more="" if results.total_exact else "+",  # counts past the bound are lower bounds
            pages=pages,
            base_params=params.urlencode(),
            scope_params=scope.urlencode(),
            as_typed_params=as_typed.urlencode(),
            kind_labels=kind_labels(),
        )
    elif form.is_bound:
        context["error"] = form.error_message()
    return render(request, "search/search.html", context, status=400 if context.get("error") else 200)


def search_api(request):
    """The search as JSON; labels and messages speak the asked language (``?lang=``)."""
    language = request.GET.get("lang", "")
    with translation.override(language if language in LANGUAGE_NAMES else translation.get_language()):
        return _search_api(request)


def _search_api(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": form.error_message() or _("Give a query in 'q'.")}, status=400)
    query = form.search_query(default_language=request_language(request))
    try:
        results = _search(query)
    except EngineUnavailable:
        return JsonResponse({"error": UNAVAILABLE}, status=503)
    labels = kind_labels()
    return JsonResponse(
        {
            "query": query.text,
            "corrected_query": results.corrected or None,
            "language": query.language or "all",
            "total": results.total,
            "total_exact": results.total_exact,
            "page": query.page,
            "pages": max(1, math.ceil(results.total / query.per_page)),
            "hits": [
                {
                    "kind": h.kind,
                    "kind_label": labels.get(h.kind, h.kind),
                    "title": h.title,
                    "snippet": str(h.snippet),
                    "url": h.url,
                    "topic": h.topic_title,
                    "lesson": h.lesson_title,
                    "module": h.module_title,
                    "language": h.language,
                    "timestamp": h.timestamp,
                    # the video's other matching moments, collapsed under its best one
                    "more_moments": [{"timestamp": m.timestamp, "url": m.url} for m in h.moments],
                }
                for h in results.hits
            ],
            "facets": _facets(results),
        }
    )


def suggest_api(request):
    """Titles that start like what the learner is typing (for suggestions while typing)."""
    text = (request.GET.get("q") or "").strip()
    if not 2 <= len(text) <= 100:
        return JsonResponse({"suggestions": []})
    form = SearchForm({"q": text, "lang": request.GET.get("lang", "")})
    if not form.is_valid():
        return JsonResponse({"error": form.error_message()}, status=400)
    language = form.search_query(default_language=request_language(request)).language
    try:
        replay_if_due()
        suggestions = get_engine().suggest(text, language=language, limit=8)
    except EngineUnavailable:
        return JsonResponse({"suggestions": []}, status=503)
    return JsonResponse(
        {"suggestions": [{"title": s.title, "kind": s.kind, "url": s.url} for s in suggestions]}
    )
