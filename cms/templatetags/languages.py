"""The language switcher and the "not translated yet" notice."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from cms import translations
from cms.models import ContentVersion

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """This page in every language, those not translated yet marked; elsewhere, the same
    address in every language."""
    request, page = context.get("request"), context.get("page")
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    if page is not None and getattr(page, "translation_key", None):
        choices = _page_choices(page, request, context.get("content_version"))
        if current not in {code for code, _url, _fallback in choices}:  # not synchronised yet
            choices.append((current, page.get_url(request), translations.is_fallback(page)))
            choices.sort(key=lambda choice: translations.language_order(choice[0]))
        # A page's own views (a course's outline/, glossary/) keep their place in every language.
        own = page.get_url(request) or ""
        if request is not None and own and request.path.startswith(own) and request.path != own:
            suffix = request.path[len(own) :]
            choices = [(code, url + suffix, fallback) for code, url, fallback in choices]
    elif request is not None:
        path = request.get_full_path()
        choices = [(code, translate_url(path, code), False) for code, _name in settings.LANGUAGES]
    else:
        choices = []
    return {
        "current": current,
        "languages": [
            {
                "code": code,
                "name": capfirst(get_language_info(code)["name_local"]),
                "url": url,
                "current": code == current,
                "fallback": fallback,
            }
            for code, url, fallback in choices
        ],
    }


def _page_choices(page, request, version):
    """(language, url, not translated) for each address of the page; cached per content version."""

    def compute():
        return [
            (p.locale.language_code, p.get_url(request), translations.is_alias_of_another_language(p))
            for p in translations.public_versions(page)
        ]

    version = ContentVersion.current() if version is None else version
    key = f"lectern:translations:{page.pk}:{version}:{request.get_host() if request else ''}"
    return cache.get_or_set(key, compute, timeout=settings.LECTERN_FRAGMENT_CACHE_SECONDS)


@register.simple_tag(takes_context=True)
def content_language(context, page):
    """The language the page's content is written in (English for an untranslated page,
    an alias or one whose translation has only been started)."""
    if page is None or not getattr(page, "locale_id", None):
        return ""
    if translations.is_fallback(page):
        return page.alias_of.locale.language_code
    if page.locale.language_code != settings.LANGUAGE_CODE:
        from cms.translation_status import NOT_TRANSLATED, translation_state

        version = context.get("content_version")
        if (
            translation_state(page, ContentVersion.current() if version is None else version).state
            == NOT_TRANSLATED
        ):
            return settings.LANGUAGE_CODE
    return page.locale.language_code


@register.filter
def is_fallback(page):
    return page is not None and translations.is_fallback(page)


@register.inclusion_tag("includes/translation_notice.html", takes_context=True)
def translation_notice(context, page):
    """The notice saying a page is shown untranslated or partly translated (nothing otherwise)."""
    from cms.translation_status import translation_state

    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    if page is None or not getattr(page, "locale_id", None) or current == settings.LANGUAGE_CODE:
        return {"state": None}  # under /en/ the page is an original: nothing to read
    version = context.get("content_version")
    state = translation_state(page, ContentVersion.current() if version is None else version)
    return {
        "state": state.state,
        "parts": state.english_parts,
        "language": get_language_info(current)["name_local"],
        "LANGUAGE_CODE": current,
    }
