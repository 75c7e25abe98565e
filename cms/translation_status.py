"""What a page in another language really shows: translated, partly translated, or not.

A page with no translation is an alias of its English source. Once a translator starts,
wagtail-localize turns the alias into a page of its own, still holding the English text
for every string nobody has translated yet, so "is it an alias?" no longer tells. The
strings wagtail-localize keeps per page (``StringSegment`` of the source, with the
``StringTranslation`` of each into the page's locale) do: two queries, cached per content
version with the page's other fragments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail_localize.models import StringSegment, Translation

from .translations import is_fallback

TRANSLATED, PARTLY, NOT_TRANSLATED = "translated", "partly", "not translated"


@dataclass
class TranslationState:
    state: str
    english_parts: list[str] = field(default_factory=list)  # what a partly translated page shows in English


def translation_state(page, version=None) -> TranslationState:
    """The state of ``page`` in its own language (the original is always 'translated')."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return TranslationState(TRANSLATED)
    if is_fallback(page):
        return TranslationState(NOT_TRANSLATED)
    if version is None:
        return _from_strings(page)
    key = f"lectern:translation-state:{page.pk}:{version}:{page.locale.language_code}"
    return cache.get_or_set(key, lambda: _from_strings(page), timeout=settings.LECTERN_FRAGMENT_CACHE_SECONDS)


def _from_strings(page) -> TranslationState:
    translation = (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .select_related("source")
        .first()
    )
    if translation is None:  # written in this language, not translated from another
        return TranslationState(TRANSLATED)
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(page.locale_id)
        .values_list("context__path", "translation")
    )
    # The slug is part of the address, never read on the page: it may stay as it is.
    missing = [path for path, text in segments if text is None and path != "slug"]
    segments = [path for path, _text in segments if path != "slug"]
    if not missing:
        return TranslationState(TRANSLATED)
    if len(missing) == len(segments):
        return TranslationState(NOT_TRANSLATED)
    return TranslationState(PARTLY, part_names(page, missing))


def part_names(page, paths) -> list[str]:
    """'Title', 'Exercise “Check your understanding”'… for the fields and blocks of ``paths``."""
    blocks = {child.id: child for child in getattr(page, "body", None) or []}
    names = []
    for path in paths:
        field_name, _dot, rest = path.partition(".")
        child = blocks.get(rest.partition(".")[0]) if field_name == "body" else None
        name = _block_name(child) if child else _field_name(page, field_name)
        if name not in names:
            names.append(name)
    return names


def _block_name(child) -> str:
    label = capfirst(str(child.block.meta.label or child.block_type))
    title = child.value.get("title") if hasattr(child.value, "get") else None
    # Translators: a part of a page named in the "partly translated" notice: 'Exercise “Quick check”'.
    return gettext("%(kind)s “%(title)s”") % {"kind": label, "title": title} if title else label


def _field_name(page, field_name) -> str:
    try:
        return capfirst(str(page._meta.get_field(field_name).verbose_name))
    except FieldDoesNotExist:  # a path of wagtail-localize's own (a related object): as it is
        return field_name
