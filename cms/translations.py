"""Pages in several languages: the trees kept in step, and translations as PO files.

wagtail-localize does the work; this module is the small surface the rest of Lectern
uses, so the importer, the exporter, the commands and the templates never reach into
its models:

- ``sync_locale_trees()`` gives every page an address in every language: a page not
  yet translated is an alias of its English source (shown with a notice);
- ``page_po(page, locale)`` and ``apply_po(page, locale, po)`` read and write a
  page's translation as a PO file — the offline translators' format and the one the
  course folder keeps (``translations/<lang>/…po``);
- ``is_fallback(page)`` and ``available_translations(page)`` answer the templates.

A PO file written here has no timestamps or database ids, so exporting the same
translation twice gives the same bytes.
"""

from __future__ import annotations

import polib
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Substr
from django.utils.translation import get_language
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import PageIndex, synchronize_tree


def ensure_locales() -> None:
    """A locale for every language of the site, each kept in step with the default one.

    Migration 0003 does this on a new database; tests that flush the database, and a
    site whose LANGUAGES setting gained a language, call it again. Idempotent.
    """
    default, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.LANGUAGES:
        if code != default.language_code:
            locale, _created = Locale.objects.get_or_create(language_code=code)
            LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})


def sync_locale_trees() -> None:
    """Give every page without a translation an alias in each synchronised locale."""
    index = None
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        index = index or PageIndex.from_database().sort_by_tree_position()
        synchronize_tree(sync.sync_from, sync.locale, page_index=index)


def is_fallback(page: Page) -> bool:
    """True when the page shown is the untranslated source, under another language's address."""
    return getattr(page, "alias_of_id", None) is not None and page.alias_of.locale_id != page.locale_id


def is_alias_of_another_language(page: Page) -> bool:
    """``is_fallback`` without reading the source page: an alias in a locale that is not the
    default one shows the default one's text (wagtail-localize's synchronised trees)."""
    return page.alias_of_id is not None and page.locale.language_code != settings.LANGUAGE_CODE


def available_translations(page: Page) -> list[Page]:
    """The page in every language it really exists in (aliases are not translations), itself included."""
    return [p for p in public_versions(page) if p.alias_of_id is None]


def public_versions(page: Page) -> list[Page]:
    """The page at its address in every language, translated or not (an alias shows the
    source), itself included; none kept private on itself or an ancestor."""
    # Wagtail's .public() reads every view restriction of the site first; a restriction
    # on the page itself or on an ancestor (a path prefix of the page's) is checked
    # here inside the one query instead.
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    )
    pages = (
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .exclude(Exists(restricted))
        .select_related("locale")
    )
    return sorted(pages, key=lambda p: language_order(p.locale.language_code))


def language_order(code: str) -> int:
    codes = [c for c, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)


def localized(objects, *related: str) -> list:
    """The objects (translatable snippets of one model) in the active language, one query.

    Each one is replaced by its translation where there is one, and kept otherwise.
    Pages link the originals, so in the default language there is nothing to look up.
    ``related`` names foreign keys the caller reads, fetched in the same query.
    """
    objects = list(objects)
    language = get_language() or settings.LANGUAGE_CODE
    if not objects or language == settings.LANGUAGE_CODE:
        return objects
    model = type(objects[0])
    translations = model.objects.filter(
        translation_key__in={o.translation_key for o in objects}, locale__language_code=language
    )
    if related:  # select_related() with no names would follow every foreign key
        translations = translations.select_related(*related)
    found = {obj.translation_key: obj for obj in translations}
    return [found.get(obj.translation_key, obj) for obj in objects]


def _translation(page: Page, locale: Locale) -> Translation:
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    return translation


def page_po(page: Page, locale: Locale, *, blank: bool = False, address: str | None = None) -> polib.POFile:
    """The page's translatable strings with their translations into ``locale``.

    ``blank=True`` leaves every msgstr empty: a template for a new translator.
    ``address`` names the page in the header (X-Lectern-Source) instead of its
    ``url_path``, which holds the slug of the site's home and so differs between sites.
    """
    return _po(page, _translation(page, locale), blank=blank, address=address)


def _po(
    page: Page, translation: Translation, *, blank: bool = False, address: str | None = None
) -> polib.POFile:
    locale = translation.target_locale
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Content-Type": "text/plain; charset=utf-8",
        "Language": locale.language_code,
        "X-Lectern-Source": address or page.url_path,
    }
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .order_by("order")
        .select_related("context", "string")
        .annotate_translation(locale)
    )
    seen = set()
    for segment in segments:
        key = (segment.context.path, segment.string.data)
        if key in seen:
            continue
        seen.add(key)
        po.append(
            polib.POEntry(
                msgctxt=segment.context.path,
                msgid=segment.string.data,
                msgstr="" if blank else (segment.translation or ""),
            )
        )
    return po


@transaction.atomic
def apply_po(page: Page, locale: Locale, po: polib.POFile, *, user=None) -> bool:
    """Bring the page's translation into ``locale`` in line with ``po``, published if the page is.

    Returns False, touching nothing, when the translation already says the same.
    Strings the file leaves empty fall back to the source text.
    """
    translation = _translation(page, locale)
    current = {(e.msgctxt, e.msgid): e.msgstr for e in _po(page, translation)}  # one source extraction
    wanted = {(e.msgctxt, e.msgid): e.msgstr for e in po if e.msgstr and not e.obsolete}
    target = page.get_translation_or_none(locale)
    up_to_date = target is not None and target.alias_of_id is None
    if up_to_date and all(current.get(key) == text for key, text in wanted.items()):
        return False
    translation.import_po(po, user=user, tool_name="PO file")
    _save_translation(page, translation, target, user)
    return True


def _save_translation(page: Page, translation: Translation, target: Page | None, user) -> None:
    """Publish the translation of a live page; the translation of a draft stays a draft.

    A live translation of a draft page gets a new revision only: wagtail-localize's
    ``save_target(publish=False)`` would write the strings into its live row.
    """
    if page.live:
        translation.save_target(user=user, publish=True)
    elif target is not None and target.alias_of_id is None and target.live:
        draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
        draft.save_revision(user=user)
    else:
        translation.save_target(user=user, publish=False)
