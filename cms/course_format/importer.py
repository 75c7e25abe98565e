"""Create or update a course from a folder, in one transaction.

Each page, snippet and media file is matched to what is already in the site by its
slug, key, code or path; only what differs is written, so a second import of the
same folder changes nothing (no new revisions, no duplicate files). Pages of the
course the folder does not have are unpublished (see ``publication``).

Whatever goes wrong while writing is reported as a CourseFormatError naming the file
being written, and the transaction leaves the database as it was.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, TranslatableMixin

from ..models import (
    Competence,
    CourseMedia,
    CoursePage,
    Expert,
    HomePage,
    LearningOutcome,
    Partner,
    TopicPage,
)
from ..translations import sync_locale_trees
from .errors import CourseFormatError
from .pages import PageWriter
from .publication import unpublish_missing
from .reader import IMAGE_DIR, read_course_folder
from .snippet_translations import EXPERTS, OUTCOMES, import_snippet_translations, read_snippet_translations
from .translations import import_translations, read_translations


def default_parent() -> Page:
    """The page courses go under: the default site's home, made a catalogue if still Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Courses", slug="home"))
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Lectern")
        return home
    root_page = site.root_page.specific
    if type(root_page) is Page and not root_page.get_children().exists():
        home = root_page.get_parent().add_child(instance=HomePage(title="Courses", slug="courses-home"))
        site.root_page = home
        site.save()
        root_page.delete()
        home.slug = "home"
        home.save()  # a plain save moves url_path, which publishing a revision would not
        home.save_revision().publish()
        return home
    return root_page


def originals(model):
    """The model's rows in the source language (pages link those; translations follow)."""
    if issubclass(model, TranslatableMixin):
        return model.objects.filter(locale=Locale.get_default())
    return model.objects.all()


class CourseImporter:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.counts = Counter()
        self._saved_files: list = []
        self._pages: dict[str, Page] = {}  # by the file they come from

    def run(self, parent: Page | None = None) -> CoursePage:
        # Counts are labelled with model names: the same words whatever language is active.
        with translation.override(settings.LANGUAGE_CODE):
            return self._run(parent)

    def _run(self, parent: Page | None) -> CoursePage:
        data = read_course_folder(self.folder, TopicPage.body.field.stream_block)
        found_translations = read_translations(self.folder, [page.source for page in data.pages()])
        snippet_keys = {
            OUTCOMES: {str(item["code"]) for item in data.outcomes},
            EXPERTS: {item["key"] for item in data.experts},
        }
        found_snippets = {
            catalogue: read_snippet_translations(self.folder, catalogue, keys)
            for catalogue, keys in snippet_keys.items()
        }
        try:
            with transaction.atomic():
                course = self._write(data, parent or default_parent())
                # Every page gets its address in each language (an alias until translated),
                # then the folder's translations replace the aliases they cover.
                with self.writing(data.course.source):
                    sync_locale_trees()
                import_translations(found_translations, self._pages, self.counts, self.writing)
                for catalogue, found in found_snippets.items():
                    import_snippet_translations(catalogue, found, self.counts, self.writing)
                return course
        except Exception:
            for file_field in self._saved_files:  # storage is not transactional
                file_field.storage.delete(file_field.name)
            raise

    @contextmanager
    def writing(self, source):
        """Report any failure inside as a CourseFormatError naming ``source`` (the cause kept)."""
        try:
            yield
        except CourseFormatError:
            raise
        except ValidationError as error:
            raise CourseFormatError(source, "; ".join(error.messages)) from error
        except Exception as error:
            raise CourseFormatError(
                source, f"could not be written: {type(error).__name__}: {error}"
            ) from error

    def _write(self, data, parent):
        self._snippets(data)
        media = {}
        for item in data.media:
            with self.writing(item["path"]):
                media[item["path"]] = self._media(data.root, item)
        writer = PageWriter(self.counts, self.writing, originals)
        course = writer.write(data, parent, media)
        self._pages = writer.pages
        with self.writing(data.course.source):
            unpublish_missing(course, {page.translation_key for page in writer.pages.values()}, self.counts)
        return course

    # snippets and media -------------------------------------------------------

    def _upsert(self, model, lookup, values):
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model.objects.create(**lookup, **values)
            self.counts[f"{model._meta.verbose_name} created"] += 1
        elif any(getattr(obj, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            obj.save()
            self.counts[f"{model._meta.verbose_name} updated"] += 1
        return obj

    def _snippets(self, data):
        with self.writing(data.files["partners"]):
            partners = self._partners(data)
        with self.writing(data.files["experts"]):
            for item in data.experts:
                self._upsert(
                    Expert,
                    {"key": item["key"], "locale": Locale.get_default()},
                    {"name": item["name"], "role": item["role"], "partner": partners[item["partner"]]},
                )
        with self.writing(data.files["competences"]):
            competences = self._competences(data)
        with self.writing(data.files["outcomes"]):
            self._outcomes(data, competences)

    def _partners(self, data):
        partners = {}
        for item in data.partners:
            partners[item["key"]] = self._upsert(
                Partner, {"key": item["key"]}, {"name": item["name"], "country": item["country"]}
            )
        return partners

    def _competences(self, data):
        competences = {}
        for item in data.competences:
            competences[str(item["code"])] = self._upsert(
                Competence,
                {"code": str(item["code"])},
                {"title": item["title"], "description": item.get("description") or ""},
            )
        return competences

    def _outcomes(self, data, competences):
        for item in data.outcomes:
            outcome = self._upsert(
                LearningOutcome,
                {"code": str(item["code"]), "locale": Locale.get_default()},
                {"text": item["text"]},
            )
            wanted = sorted(str(code) for code in item.get("competences") or [])
            if sorted(outcome.competences.values_list("code", flat=True)) != wanted:
                outcome.competences.set([competences[code] for code in wanted])
                outcome.save()

    def _media(self, root, item):
        path = item["path"]
        content = (root / path).read_bytes()
        digest = hashlib.sha256(content).hexdigest()
        record = CourseMedia.objects.select_related("image", "document").filter(path=path).first()
        is_image = path.startswith(IMAGE_DIR)
        model = get_image_model() if is_image else get_document_model()
        obj = (record.image if is_image else record.document) if record else None
        if obj is not None and record.sha256 == digest:
            if obj.title != item["title"]:
                obj.title = item["title"]
                obj.save()
            return obj
        if obj is None:
            obj = model(title=item["title"])
        obj.title = item["title"]
        with (root / path).open("rb") as handle:
            obj.file.save(Path(path).name, File(handle), save=False)
        self._saved_files.append(obj.file)
        if hasattr(obj, "_set_file_hash"):
            obj._set_file_hash()
        if not is_image:
            obj.file_size = len(content)
        obj.save()
        CourseMedia.objects.update_or_create(
            path=path,
            defaults={
                "sha256": digest,
                "image": obj if is_image else None,
                "document": None if is_image else obj,
            },
        )
        self.counts["media written"] += 1
        return obj
