"""Translations of the snippets learners read, one PO file per language and kind.

``translations/<lang>/outcomes.po`` translates the learning outcomes (``msgctxt`` is an
outcome's code, ``msgid`` its English text); ``translations/<lang>/experts.po`` the
experts' roles (``msgctxt`` is an expert's key, ``msgid`` the English role). Pages link
the English originals; a translation is a copy of its original in another locale with
only that one text translated, so an import also keeps the copied fields (an expert's
name and partner) in step with the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.fields import copy_synchronised_fields

from .errors import CourseFormatError
from .translations import FOLDER


@dataclass(frozen=True)
class SnippetCatalogue:
    """One kind of translated snippet: its file, and the fields naming and holding the text."""

    file: str  # translations/<lang>/<file>
    model_name: str  # in the cms app
    key: str  # the field that names an entry (the msgctxt)
    text: str  # the one field translated (msgid and msgstr)

    @property
    def model(self):
        return apps.get_model("cms", self.model_name)

    def originals(self) -> dict:
        return {getattr(obj, self.key): obj for obj in self.model.objects.filter(locale=Locale.get_default())}


OUTCOMES = SnippetCatalogue("outcomes.po", "LearningOutcome", key="code", text="text")
EXPERTS = SnippetCatalogue("experts.po", "Expert", key="key", text="role")
CATALOGUES = (OUTCOMES, EXPERTS)
FILES = {catalogue.file for catalogue in CATALOGUES}


def read_snippet_translations(root: Path, catalogue: SnippetCatalogue, keys: set[str]) -> list:
    """Every (language, PO file) of the catalogue in the folder, refused if one names an unknown key."""
    found = []
    for path in sorted((Path(root) / FOLDER).glob(f"*/{catalogue.file}")):
        where = path.relative_to(root)
        language = path.parent.name
        if language == settings.LANGUAGE_CODE or language not in dict(settings.LANGUAGES):
            raise CourseFormatError(where, f"'{language}' is not one of the site's other languages")
        try:
            po = polib.pofile(str(path), encoding="utf-8")
        except (OSError, ValueError) as error:
            raise CourseFormatError(where, f"not a readable PO file: {error}") from error
        unknown = sorted({entry.msgctxt for entry in po} - keys)
        if unknown:
            noun = f"{catalogue.model._meta.verbose_name} {catalogue.key}s"
            raise CourseFormatError(where, f"unknown {noun}: {', '.join(map(str, unknown))}")
        found.append((language, po))
    return found


def import_snippet_translations(catalogue: SnippetCatalogue, found, counts, writing) -> None:
    if not found:
        return
    originals = catalogue.originals()
    for language, po in found:
        with writing(Path(FOLDER) / language / catalogue.file):
            _import(catalogue, originals, language, po, counts)


def _import(catalogue, originals, language, po, counts) -> None:
    model = catalogue.model
    locale = Locale.objects.get(language_code=language)
    existing = {obj.translation_key: obj for obj in model.objects.filter(locale=locale)}
    for entry in po:
        if not entry.msgstr or entry.obsolete:
            continue
        original = originals[entry.msgctxt]
        translated = existing.get(original.translation_key)
        if translated is None:
            translated = original.copy_for_translation(locale)
        before = _values(translated)
        copy_synchronised_fields(original, translated)
        setattr(translated, catalogue.text, entry.msgstr)
        if translated.pk is not None and _values(translated) == before:
            continue
        translated.save()
        counts[f"{model._meta.verbose_name} ({language}) translated"] += 1


def _values(obj) -> list:
    return [field.value_from_object(obj) for field in obj._meta.concrete_fields]


def export_snippet_translations(folder: Path, catalogue: SnippetCatalogue, originals) -> None:
    """translations/<lang>/<file> for every language some of the course's snippets are translated into."""
    originals = sorted(originals, key=lambda obj: getattr(obj, catalogue.key))
    translations_by_language: dict[str, dict] = {}
    for translated in (
        catalogue.model.objects.filter(translation_key__in=[obj.translation_key for obj in originals])
        .exclude(locale=Locale.get_default())
        .select_related("locale")
    ):
        translations_by_language.setdefault(translated.locale.language_code, {})[
            translated.translation_key
        ] = translated
    for language, translated in sorted(translations_by_language.items()):
        po = polib.POFile(wrapwidth=0)
        po.metadata = {"Content-Type": "text/plain; charset=utf-8", "Language": language}
        for original in originals:
            if original.translation_key in translated:
                po.append(
                    polib.POEntry(
                        msgctxt=getattr(original, catalogue.key),
                        msgid=getattr(original, catalogue.text),
                        msgstr=getattr(translated[original.translation_key], catalogue.text),
                    )
                )
        path = Path(folder) / FOLDER / language / catalogue.file
        path.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(path))
