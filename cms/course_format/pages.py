"""Write the folder's pages: create, update, publish or keep as drafts, in tree order.

Each page is matched to the site by its slug under its parent. Every page of the
folder exists before any topic body is written, so that a rich-text link may point
to a page further on. A page that is not live is compared with, and updated from,
its latest revision (what editors see), so that a draft imported twice stays one
revision.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail.models import Page

from ..models import (
    Competence,
    CoursePage,
    Expert,
    LearningOutcome,
    LessonPage,
    ModulePage,
    Partner,
    TopicAuthor,
    TopicPage,
)
from .errors import CourseFormatError
from .publication import republish_translations, should_be_live, unpublish_as_draft
from .streamdata import ReferenceMapper


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
            children = node.get("blockErrors") or {}
            items = children.items() if isinstance(children, dict) else enumerate(children)
            for name, child in items:
                if child is not None:
                    walk(child, f"{where}[{name}]" if str(name).isdigit() else f"{where}.{name}")
        elif isinstance(node, list):
            for item in node:
                walk(item, where)

    walk(data, "body")
    return "; ".join(lines) or "; ".join(error.messages)


class PageWriter:
    """Writes the pages of one import; ``writing(source)`` names the file if anything fails."""

    def __init__(self, counts, writing, originals):
        self.counts = counts
        self.writing = writing
        self.originals = originals
        self.pages: dict[str, Page] = {}  # by the file they come from
        self._by_address: dict[str, Page] = {}
        self._new: set[int] = set()

    def write(self, data, parent, media) -> CoursePage:
        self._locate_all(data, parent)
        course_data = data.course
        self._page(course_data, {"introduction": course_data.introduction})
        for module_data in course_data.children:
            self._page(module_data, {"introduction": module_data.introduction})
            for lesson_data in module_data.children:
                partner = lesson_data.extra.get("partner")
                partner_id = Partner.objects.get(key=partner).pk if partner else None
                self._page(lesson_data, {"introduction": lesson_data.introduction, "partner_id": partner_id})
                for topic_data in lesson_data.children:
                    self._topic(topic_data, media)
                self._order(lesson_data)
            self._order(module_data)
        self._order(course_data)
        return self.pages[course_data.source]

    def _locate_all(self, data, parent):
        """Find or create (as an empty draft) every page of the folder."""
        course = self._locate(parent, CoursePage, data.course)
        for module_data in data.course.children:
            module = self._locate(course, ModulePage, module_data)
            for lesson_data in module_data.children:
                lesson = self._locate(module, LessonPage, lesson_data)
                for topic_data in lesson_data.children:
                    self._locate(lesson, TopicPage, topic_data)

    def _locate(self, parent, model, page_data):
        with self.writing(page_data.source):
            page = model.objects.child_of(parent).filter(slug=page_data.slug).first()
            if page is None:
                page = model(
                    slug=page_data.slug, title=page_data.title, live=False, has_unpublished_changes=True
                )
                parent.add_child(instance=page)
                self._new.add(page.pk)
        self.pages[page_data.source] = page
        self._by_address[page_data.address] = page
        return page

    def _page(self, page_data, fields, relations=None):
        with self.writing(page_data.source):
            self._write_page(page_data, fields, relations)

    def _write_page(self, page_data, fields, relations):
        page = self.pages[page_data.source]
        is_new = page.pk in self._new
        if not page.live and page.latest_revision_id:
            page = page.get_latest_revision_as_object()
        self.pages[page_data.source] = page  # translations are made from what editors see
        fields = {"title": page_data.title, **fields}
        changed = is_new or any(getattr(page, name) != value for name, value in fields.items())
        for name, value in fields.items():
            setattr(page, name, value)
        if relations is not None:
            changed = relations(page) or changed
        name = page._meta.verbose_name
        revision = None
        if changed:
            self._validate(page, page_data)
            revision = page.save_revision()
            self.counts[f"{name} {'created' if is_new else 'updated'}"] += 1
        if should_be_live(page, page_data.live, is_new):
            if not page.live or revision is not None:
                was_live = page.live
                (revision or page.get_latest_revision() or page.save_revision()).publish()
                if not was_live and not is_new:
                    self.counts[f"{name} published"] += 1
                    republish_translations(page, self.counts)
        elif page.live:
            unpublish_as_draft(page)
            self.counts[f"{name} unpublished"] += 1

    def _validate(self, page, page_data):
        try:
            page.full_clean()
        except ValidationError as error:
            details = "; ".join(
                f"{name}: {' '.join(map(str, messages))}" for name, messages in error.message_dict.items()
            )
            raise CourseFormatError(page_data.source, details) from error

    def _topic(self, topic_data, media):
        extra = topic_data.extra
        stream_block = TopicPage.body.field.stream_block
        body = self._topic_body(topic_data, media, stream_block)

        def relations(page):
            changed = self._set_authors(page, extra["authors"])
            changed = self._set_curriculum(page, extra) or changed
            if canonical_body(stream_block, page.body) != body:
                changed = True
            page.body = body
            return changed

        fields = {"introduction": topic_data.introduction, "estimated_minutes": extra["estimated_minutes"]}
        self._page(topic_data, fields, relations)

    def _topic_body(self, topic_data, media, stream_block):
        """The body with the folder's media paths and page addresses turned into ids, checked."""

        def by_path(value, location):
            return media[value].pk if value else None

        def by_address(value, location):
            return self._by_address[value].pk

        with self.writing(topic_data.source):
            mapper = ReferenceMapper(by_path, by_path, by_address)
            body = canonical_body(stream_block, mapper.walk(stream_block, topic_data.extra["body"], "body"))
            try:
                stream_block.clean(stream_block.to_python(body))
            except ValidationError as error:
                raise CourseFormatError(topic_data.source, describe_block_errors(error)) from error
        return body

    def _set_authors(self, page, wanted_authors) -> bool:
        current = [(link.expert.key, link.sort_order) for link in page.authors.all()]
        # The order is the file's, kept in sort_order: rows without one come back in
        # whatever order the database likes (PostgreSQL does reorder them).
        if current == [(key, index) for index, key in enumerate(wanted_authors)]:
            return False
        experts = {expert.key: expert for expert in self.originals(Expert).filter(key__in=wanted_authors)}
        page.authors = [
            TopicAuthor(expert=experts[key], sort_order=index) for index, key in enumerate(wanted_authors)
        ]
        return True

    def _set_curriculum(self, page, extra) -> bool:
        changed = False
        for name, model in [("outcomes", LearningOutcome), ("competences", Competence)]:
            wanted = sorted(extra[name])
            current = sorted(obj.code for obj in getattr(page, name).all())
            if current != wanted:
                setattr(page, name, list(self.originals(model).filter(code__in=wanted)))
                changed = True
        return changed

    def _order(self, parent_data):
        parent = self.pages[parent_data.source]
        wanted = [child.slug for child in parent_data.children]
        with self.writing(parent_data.source):
            children = {page.slug: page for page in parent.get_children() if page.slug in wanted}
            current = [page.slug for page in parent.get_children() if page.slug in wanted]
            if current != wanted:
                for slug in wanted:
                    children[slug].move(parent, pos="last-child")
                self.counts["pages reordered"] += 1
