"""Create or update a course from a folder, in one transaction.

Each page, snippet and media file is matched to what is already in the site by its
slug, key, code or path; only what differs is written, so a second import of the
same folder changes nothing (no new revisions, no duplicate files).
"""

from __future__ import annotations

import hashlib
from collections import Counter
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
    LessonPage,
    ModulePage,
    Partner,
    TopicAuthor,
    TopicPage,
)
from ..translations import sync_locale_trees
from .errors import CourseFormatError
from .reader import IMAGE_DIR, read_course_folder
from .streamdata import ReferenceMapper
from .translations import (
    import_outcome_translations,
    import_translations,
    read_outcome_translations,
    read_translations,
)


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


def canonical_body(stream_block, raw):
    """The JSON a stream is stored as once every block has filled in its defaults."""
    value = stream_block.to_python(raw if not hasattr(raw, "raw_data") else list(raw.raw_data))
    for child in value:
        child.value  # noqa: B018 - converts lazy children so that prep gives the full shape
    return stream_block.get_prep_value(value)


def describe_block_errors(error) -> str:
    """Flatten a StreamBlockValidationError into 'body[3].alt_text: message' lines."""
    data = error.as_json_data() if hasattr(error, "as_json_data") else {"messages": error.messages}
    lines = []

    def walk(node, where):
        if isinstance(node, dict):
            for message in node.get("messages", []):
                lines.append(f"{where}: {message}")
            for key in ("blockErrors",):
                children = node.get(key) or {}
                items = children.items() if isinstance(children, dict) else enumerate(children)
                for name, child in items:
                    if child is not None:
                        walk(child, f"{where}[{name}]" if str(name).isdigit() else f"{where}.{name}")
        elif isinstance(node, list):
            for item in node:
                walk(item, where)

    walk(data, "body")
    return "; ".join(lines) or "; ".join(error.messages)


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
        found_outcomes = read_outcome_translations(self.folder, {str(item["code"]) for item in data.outcomes})
        try:
            with transaction.atomic():
                course = self._write(data, parent or default_parent())
                # Every page gets its address in each language (an alias until translated),
                # then the folder's translations replace the aliases they cover.
                sync_locale_trees()
                import_translations(found_translations, self._pages, self.counts)
                import_outcome_translations(found_outcomes, self.counts)
                return course
        except Exception:
            for file_field in self._saved_files:  # storage is not transactional
                file_field.storage.delete(file_field.name)
            raise

    def _write(self, data, parent):
        self._snippets(data)
        media = {item["path"]: self._media(data.root, item) for item in data.media}

        course = self._page(parent, CoursePage, data.course, {"introduction": data.course.introduction})
        for module_data in data.course.children:
            module = self._page(course, ModulePage, module_data, {"introduction": module_data.introduction})
            for lesson_data in module_data.children:
                partner = lesson_data.extra.get("partner")
                lesson = self._page(
                    module,
                    LessonPage,
                    lesson_data,
                    {
                        "introduction": lesson_data.introduction,
                        "partner_id": Partner.objects.get(key=partner).pk if partner else None,
                    },
                )
                for topic_data in lesson_data.children:
                    self._topic(lesson, topic_data, media)
                self._order(lesson, lesson_data)
            self._order(module, module_data)
        self._order(course, data.course)
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
        partners = {}
        for item in data.partners:
            partners[item["key"]] = self._upsert(
                Partner, {"key": item["key"]}, {"name": item["name"], "country": item["country"]}
            )
        for item in data.experts:
            self._upsert(
                Expert,
                {"key": item["key"]},
                {"name": item["name"], "role": item["role"], "partner": partners[item["partner"]]},
            )
        competences = {}
        for item in data.competences:
            competences[str(item["code"])] = self._upsert(
                Competence,
                {"code": str(item["code"])},
                {"title": item["title"], "description": item.get("description") or ""},
            )
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

    # pages --------------------------------------------------------------------

    def _page(self, parent, model, page_data, fields, relations=None):
        page = model.objects.child_of(parent).filter(slug=page_data.slug).first()
        fields = {"title": page_data.title, **fields}
        if page is None:
            page = model(slug=page_data.slug, **fields)
            parent.add_child(instance=page)
            changed, label = True, "created"
        else:
            changed = any(getattr(page, name) != value for name, value in fields.items())
            for name, value in fields.items():
                setattr(page, name, value)
            label = "updated"
        self._pages[page_data.source] = page
        if relations is not None:
            changed = relations(page) or changed
        if changed or not page.live:
            self._validate(page, page_data)
            page.save_revision().publish()
            self.counts[f"{model._meta.verbose_name} {label}"] += 1
        return page

    def _validate(self, page, page_data):
        try:
            page.full_clean()
        except ValidationError as error:
            details = "; ".join(
                f"{name}: {' '.join(map(str, messages))}" for name, messages in error.message_dict.items()
            )
            raise CourseFormatError(page_data.source, details) from error

    def _topic(self, lesson, topic_data, media):
        extra = topic_data.extra

        def by_path(expected_model):
            def resolve(value, location):
                return media[value].pk if value else None

            return resolve

        stream_block = TopicPage.body.field.stream_block
        body = canonical_body(
            stream_block,
            ReferenceMapper(by_path("image"), by_path("document")).walk(stream_block, extra["body"], "body"),
        )
        try:
            stream_block.clean(stream_block.to_python(body))
        except ValidationError as error:
            raise CourseFormatError(topic_data.source, describe_block_errors(error)) from error

        def relations(page):
            changed = False
            wanted_authors = extra["authors"]
            if [link.expert.key for link in page.authors.all()] != wanted_authors:
                experts = {expert.key: expert for expert in Expert.objects.filter(key__in=wanted_authors)}
                page.authors = [TopicAuthor(expert=experts[key]) for key in wanted_authors]
                changed = True
            for name, model in [("outcomes", LearningOutcome), ("competences", Competence)]:
                wanted = sorted(extra[name])
                current = sorted(obj.code for obj in getattr(page, name).all())
                if current != wanted:
                    setattr(page, name, list(originals(model).filter(code__in=wanted)))
                    changed = True
            if canonical_body(stream_block, page.body) != body:
                changed = True
            page.body = body
            return changed

        return self._page(
            lesson,
            TopicPage,
            topic_data,
            {"introduction": topic_data.introduction, "estimated_minutes": extra["estimated_minutes"]},
            relations,
        )

    def _order(self, parent, parent_data):
        wanted = [child.slug for child in parent_data.children]
        children = {page.slug: page for page in parent.get_children() if page.slug in wanted}
        current = [page.slug for page in parent.get_children() if page.slug in wanted]
        if current != wanted:
            for slug in wanted:
                children[slug].move(parent, pos="last-child")
            self.counts["pages reordered"] += 1
