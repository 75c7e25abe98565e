"""Write a course to a folder in the format the importer reads.

Exports are deterministic: files are written in tree order with stable names, and
only the snippets and media the course refers to are written, so export → import →
export produces identical files. Nothing written depends on the site the course is
exported from (its database ids, or where the course sits in the page tree).

A page that is not live is written as editors see it (its latest revision) with
``live: false``, so that an import keeps it a draft.
"""

from __future__ import annotations

from pathlib import Path

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from ..models import CourseMedia, LessonPage, ModulePage, TopicPage
from . import yamlio
from .publication import left_the_folder
from .reader import DOCUMENT_DIR, IMAGE_DIR
from .richtext import PlainLink
from .snippet_translations import EXPERTS, OUTCOMES, export_snippet_translations
from .streamdata import ReferenceMapper
from .translations import export_translations


def as_edited(page):
    """A live page as published; a draft as its latest revision, which is what editors see."""
    if page.live or not page.latest_revision_id:
        return page
    return page.get_latest_revision_as_object()


def exported(pages) -> list:
    """The pages to write, as editors see them, without those that left the folder."""
    return [as_edited(page) for page in pages if page.live or not left_the_folder(page)]


def _page_dict(page, **extra):
    data = {"slug": page.slug, "title": page.title}
    if not page.live:
        data["live"] = False
    if page.introduction:
        data["introduction"] = page.introduction
    data.update(extra)
    return data


def default_media_path(folder, obj) -> str:
    """Where a file that did not come from a course folder is written."""
    name = Path(obj.file.name).name
    if folder != IMAGE_DIR:
        extension = name.rsplit(".", 1)[-1].lower()
        folder = {"mp4": "media/videos/", "webm": "media/videos/", "vtt": "media/captions/"}.get(
            extension, folder
        )
    return f"{folder}{obj.pk}-{name}"


class CourseExporter:
    def __init__(self, course, folder: Path):
        self.course = course.specific
        self.folder = Path(folder)
        self.media: dict[str, object] = {}
        self.experts, self.outcomes, self.competences, self.partners = {}, {}, {}, {}
        self.pages: dict[str, object] = {}  # by the file written for them

    def run(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        plan = self._plan()
        self.exported_ids = {page.pk for page, _path in plan}  # page links may point forward
        for page, path in plan:
            if isinstance(page, TopicPage):
                self._dump_page(page, self._topic(page), path)
            elif isinstance(page, LessonPage):
                extra = {}
                if page.partner:
                    self.partners[page.partner.key] = page.partner
                    extra["partner"] = page.partner.key
                self._dump_page(page, _page_dict(page, **extra), path)
            else:
                self._dump_page(page, _page_dict(page), path)
        self._snippets()
        self._media()
        export_translations(self.folder, self.pages, self._po_address)
        export_snippet_translations(self.folder, OUTCOMES, self.outcomes.values())
        export_snippet_translations(self.folder, EXPERTS, self.experts.values())

    def _plan(self) -> list[tuple]:
        """Every page to write with its file, in tree order."""
        plan = [(as_edited(self.course), Path("course.yaml"))]
        modules = exported(ModulePage.objects.child_of(self.course).order_by("path"))
        for m_index, module in enumerate(modules, start=1):
            module_dir = Path("modules") / f"{m_index:02d}-{module.slug}"
            plan.append((module, module_dir / "module.yaml"))
            lessons = LessonPage.objects.child_of(module).select_related("partner").order_by("path")
            for l_index, lesson in enumerate(exported(lessons), start=1):
                lesson_dir = module_dir / f"{l_index:02d}-{lesson.slug}"
                plan.append((lesson, lesson_dir / "lesson.yaml"))
                topics = (
                    TopicPage.objects.child_of(lesson)
                    .order_by("path")
                    .prefetch_related("authors__expert__partner", "outcomes__competences", "competences")
                )
                for t_index, topic in enumerate(exported(topics), start=1):
                    plan.append((topic, lesson_dir / f"{t_index:02d}-{topic.slug}.yaml"))
        return plan

    def _dump_page(self, page, data, path):
        path = self.folder / path
        yamlio.dump(data, path)
        self.pages[str(path.relative_to(self.folder))] = page

    def address(self, page) -> str:
        """Where the page sits inside the course: ``/`` for the course, ``/<module>/`` …"""
        return "/" + page.url_path[len(self.course.url_path) :]

    def _page_link(self, value, location):
        target = Page.objects.filter(pk=value).first() if str(value).isdigit() else None
        if target is None:  # deleted: Wagtail shows a bare <a>, and so will the folder
            return None
        if target.path.startswith(self.course.path) and target.locale_id == self.course.locale_id:
            # A page of the course that is not written (it left the folder) is a dead link.
            return self.address(target) if target.pk in self.exported_ids else None
        url = target.get_full_url()  # outside the course: an ordinary link to where it is
        return PlainLink(url) if url else None

    def _po_address(self, page) -> str:
        """The page's address on a site that hosts the course at its top, as imports place it."""
        return f"/{self.course.slug}{self.address(page)}"

    def _topic(self, topic):
        authors = [link.expert for link in topic.authors.all()]
        outcomes = sorted(topic.outcomes.all(), key=lambda outcome: outcome.code)
        competences = sorted(topic.competences.all(), key=lambda competence: competence.code)
        for expert in authors:
            self.experts[expert.key] = expert
            self.partners[expert.partner.key] = expert.partner
        for outcome in outcomes:
            self.outcomes[outcome.code] = outcome
            for competence in outcome.competences.all():
                self.competences[competence.code] = competence
        for competence in competences:
            self.competences[competence.code] = competence
        mapper = ReferenceMapper(
            self._media_path(get_image_model(), IMAGE_DIR),
            self._media_path(get_document_model(), DOCUMENT_DIR),
            self._page_link,
        )
        stream_block = TopicPage.body.field.stream_block
        body = mapper.walk(stream_block, stream_block.get_prep_value(topic.body), "body", keep_unknown=True)
        return _page_dict(
            topic,
            estimated_minutes=topic.estimated_minutes,
            authors=[expert.key for expert in authors],
            outcomes=[outcome.code for outcome in outcomes],
            competences=[competence.code for competence in competences],
            body=body,
        )

    def _media_path(self, model, folder):
        def to_path(value, location):
            if value in (None, ""):
                return value
            obj = model.objects.filter(pk=value).first() if str(value).isdigit() else None
            if obj is None:  # the chosen file was deleted: nothing to export
                return None
            field = "image" if folder == IMAGE_DIR else "document"
            record = CourseMedia.objects.filter(**{field: obj}).first()
            path = record.path if record else default_media_path(folder, obj)
            self.media[path] = obj
            return path

        return to_path

    def _snippets(self):
        yamlio.dump(
            [
                {"key": p.key, "name": p.name, "country": p.country}
                for p in sorted(self.partners.values(), key=lambda p: p.key)
            ],
            self.folder / "partners.yaml",
        )
        yamlio.dump(
            [
                {"key": e.key, "name": e.name, "role": e.role, "partner": e.partner.key}
                for e in sorted(self.experts.values(), key=lambda e: e.key)
            ],
            self.folder / "experts.yaml",
        )
        yamlio.dump(
            [
                {"code": c.code, "title": c.title, "description": c.description}
                for c in sorted(self.competences.values(), key=lambda c: c.code)
            ],
            self.folder / "competences.yaml",
        )
        yamlio.dump(
            [
                {"code": o.code, "text": o.text, "competences": sorted(c.code for c in o.competences.all())}
                for o in sorted(self.outcomes.values(), key=lambda o: o.code)
            ],
            self.folder / "outcomes.yaml",
        )

    def _media(self):
        manifest = []
        for path in sorted(self.media):
            obj = self.media[path]
            target = self.folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with obj.file.open("rb") as source:
                target.write_bytes(source.read())
            manifest.append({"path": path, "title": obj.title})
        yamlio.dump(manifest, self.folder / "media.yaml")
