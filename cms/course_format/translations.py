"""Translations in a course folder: one PO file per translated page.

``translations/<lang>/<path of the page's file>.po`` holds the page's strings and
their translation into ``<lang>``, for example
``translations/fr/modules/01-…/01-…/01-what-a-cluster-is.po`` for that topic's YAML
file. These are the files wagtail-localize offers translators for offline work, so a
translator's download can be dropped into the folder as it is.

``translations/<lang>/outcomes.po`` and ``experts.po`` translate snippets, not pages
(see ``snippet_translations``).
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


def read_translations(root: Path, page_sources: Iterable[str]) -> list[tuple[str, str, polib.POFile]]:
    """Every (language, page source, PO file) of the folder, refused if one cannot be placed."""
    from .snippet_translations import FILES as SNIPPET_FILES  # that module reads them; it imports this one

    folder = Path(root) / FOLDER
    if not folder.is_dir():
        return []
    languages = {code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE}
    sources = {str(Path(source).with_suffix(".po")): source for source in page_sources}
    found = []
    for path in sorted(folder.rglob("*.po")):
        relative = path.relative_to(folder)
        if len(relative.parts) == 2 and relative.name in SNIPPET_FILES:
            continue
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
