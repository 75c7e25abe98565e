"""Translations in a course folder: one PO file per translated page.

``translations/<lang>/<path of the page's file>.po`` holds the page's strings and
their translation into ``<lang>``, for example
``translations/fr/modules/01-…/01-…/01-what-a-cluster-is.po`` for that topic's YAML
file. These are the files wagtail-localize offers translators for offline work, so a
translator's download can be dropped into the folder as it is.

``translations/<lang>/outcomes.po`` translates the learning outcomes: each entry's
``msgctxt`` is an outcome's code, its ``msgid`` the English text.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale

from .. import translations
from .errors import CourseFormatError

FOLDER = "translations"
OUTCOMES_FILE = "outcomes.po"  # translations/<lang>/outcomes.po: msgctxt is the outcome's code


def read_translations(root: Path, page_sources: Iterable[str]) -> list[tuple[str, str, polib.POFile]]:
    """Every (language, page source, PO file) of the folder, refused if one cannot be placed."""
    folder = Path(root) / FOLDER
    if not folder.is_dir():
        return []
    languages = {code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE}
    sources = {str(Path(source).with_suffix(".po")): source for source in page_sources}
    found = []
    for path in sorted(folder.rglob("*.po")):
        relative = path.relative_to(folder)
        if len(relative.parts) == 2 and relative.name == OUTCOMES_FILE:
            continue  # the learning outcomes' translations: read_outcome_translations
        where = Path(FOLDER) / relative
        language, page_file = relative.parts[0], str(Path(*relative.parts[1:]))
        if language not in languages:
            raise CourseFormatError(
                where,
                f"'{language}' is not one of the site's other languages ({', '.join(sorted(languages))})",
            )
        if page_file not in sources:
            raise CourseFormatError(
                where, f"there is no page file {Path(page_file).with_suffix('.yaml')} to translate"
            )
        try:
            po = polib.pofile(str(path), encoding="utf-8")
        except (OSError, ValueError) as error:
            raise CourseFormatError(where, f"not a readable PO file: {error}") from error
        found.append((language, sources[page_file], po))
    return found


def po_path(language: str, source: str) -> Path:
    """Where the translation of the page file ``source`` into ``language`` lives in the folder."""
    return Path(FOLDER) / language / Path(source).with_suffix(".po")


def import_translations(found, pages: dict, counts, writing) -> None:
    """Apply each PO file to its page's translation; an unchanged one is left alone."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for language, source, po in found:
        with writing(po_path(language, source)):
            if translations.apply_po(pages[source], locales[language], po):
                counts[f"translation ({language}) updated"] += 1


def export_translations(folder: Path, pages: dict, address) -> None:
    """Write a PO file for every real (not alias) translation of the exported pages.

    ``address(page)`` names the page in the file's header, the same on every site.
    """
    for source, page in pages.items():
        for translated in translations.available_translations(page):
            if translated.pk == page.pk:
                continue
            locale = translated.locale
            path = Path(folder) / po_path(locale.language_code, source)
            path.parent.mkdir(parents=True, exist_ok=True)
            translations.page_po(page, locale, address=address(page)).save(str(path))


def read_outcome_translations(root: Path, codes: set[str]) -> list[tuple[str, polib.POFile]]:
    found = []
    for path in sorted((Path(root) / FOLDER).glob(f"*/{OUTCOMES_FILE}")):
        where = path.relative_to(root)
        language = path.parent.name
        if language == settings.LANGUAGE_CODE or language not in dict(settings.LANGUAGES):
            raise CourseFormatError(where, f"'{language}' is not one of the site's other languages")
        try:
            po = polib.pofile(str(path), encoding="utf-8")
        except (OSError, ValueError) as error:
            raise CourseFormatError(where, f"not a readable PO file: {error}") from error
        unknown = sorted({entry.msgctxt for entry in po} - codes)
        if unknown:
            raise CourseFormatError(where, f"unknown learning outcome codes: {', '.join(map(str, unknown))}")
        found.append((language, po))
    return found


def import_outcome_translations(found, counts, writing) -> None:
    from ..models import LearningOutcome

    if not found:
        return
    originals = {o.code: o for o in LearningOutcome.objects.filter(locale=Locale.get_default())}
    for language, po in found:
        with writing(Path(FOLDER) / language / OUTCOMES_FILE):
            _import_outcomes(originals, language, po, counts)


def _import_outcomes(originals, language, po, counts) -> None:
    from ..models import LearningOutcome

    locale = Locale.objects.get(language_code=language)
    existing = {o.translation_key: o for o in LearningOutcome.objects.filter(locale=locale)}
    for entry in po:
        if not entry.msgstr or entry.obsolete:
            continue
        original = originals[entry.msgctxt]
        translated = existing.get(original.translation_key)
        if translated is None:
            translated = original.copy_for_translation(locale)
        elif translated.text == entry.msgstr:
            continue
        translated.text = entry.msgstr
        translated.save()
        counts[f"learning outcome ({language}) translated"] += 1


def export_outcome_translations(folder: Path, outcomes) -> None:
    """translations/<lang>/outcomes.po for every language the course's outcomes are translated into."""
    from ..models import LearningOutcome

    outcomes = sorted(outcomes, key=lambda outcome: outcome.code)
    translations_by_language: dict[str, dict] = {}
    for translated in (
        LearningOutcome.objects.filter(translation_key__in=[o.translation_key for o in outcomes])
        .exclude(locale=Locale.get_default())
        .select_related("locale")
    ):
        translations_by_language.setdefault(translated.locale.language_code, {})[
            translated.translation_key
        ] = translated
    for language, translated in sorted(translations_by_language.items()):
        po = polib.POFile(wrapwidth=0)
        po.metadata = {"Content-Type": "text/plain; charset=utf-8", "Language": language}
        for outcome in outcomes:
            if outcome.translation_key in translated:
                po.append(
                    polib.POEntry(
                        msgctxt=outcome.code,
                        msgid=outcome.text,
                        msgstr=translated[outcome.translation_key].text,
                    )
                )
        path = Path(folder) / FOLDER / language / OUTCOMES_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(path))
