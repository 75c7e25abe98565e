"""Read and check a whole course folder before anything is written.

Every problem is reported with the file it is in; references between files
(authors, outcomes, competences, partners, media) are checked here so that an
import never stops half-way because of a typo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import yamlio
from .errors import CourseFormatError
from .streamdata import ReferenceMapper, UnknownBlockType

IMAGE_DIR = "media/images/"
DOCUMENT_DIR = "media/documents/"
# Videos and caption tracks are Wagtail documents too, kept in folders of their own.
DOCUMENT_DIRS = (DOCUMENT_DIR, "media/videos/", "media/captions/")


@dataclass
class PageData:
    source: str
    slug: str
    title: str
    introduction: str = ""
    children: list[PageData] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


@dataclass
class CourseData:
    root: Path
    course: PageData
    partners: list[dict]
    experts: list[dict]
    competences: list[dict]
    outcomes: list[dict]
    media: list[dict]

    def pages(self):
        """Every page of the course, in tree order."""
        yield self.course
        for module in self.course.children:
            yield module
            for lesson in module.children:
                yield lesson
                yield from lesson.children

    def topics(self):
        for module in self.course.children:
            for lesson in module.children:
                yield from lesson.children


def _require(data, keys, source):
    for key in keys:
        if data.get(key) in (None, ""):
            raise CourseFormatError(source, f"'{key}' is required")


def _keyed_list(root, name, key, required):
    source = Path(name)
    items = yamlio.load(root / name, expect=list, root=root) if (root / name).exists() else []
    seen = set()
    for index, item in enumerate(items):
        where = f"{name} (entry {index + 1})"
        if not isinstance(item, dict):
            raise CourseFormatError(where, "each entry should be a mapping")
        _require(item, [key, *required], where)
        if item[key] in seen:
            raise CourseFormatError(source, f"{key} {item[key]!r} appears twice")
        seen.add(item[key])
    return items


def _ordered_dirs(folder):
    return sorted(p for p in folder.iterdir() if p.is_dir() and p.name[:2].isdigit())


def _page(root, path, data):
    source = str(path.relative_to(root))
    _require(data, ["slug", "title"], source)
    return PageData(source, str(data["slug"]), str(data["title"]), str(data.get("introduction") or ""))


def read_course_folder(root: Path, stream_block) -> CourseData:
    root = Path(root)
    if not (root / "course.yaml").is_file():
        raise CourseFormatError(root / "course.yaml", "file is missing: is this a course folder?")
    course = _page(root, root / "course.yaml", yamlio.load(root / "course.yaml", root=root))
    data = CourseData(
        root=root,
        course=course,
        partners=_keyed_list(root, "partners.yaml", "key", ["name", "country"]),
        experts=_keyed_list(root, "experts.yaml", "key", ["name", "role", "partner"]),
        competences=_keyed_list(root, "competences.yaml", "code", ["title"]),
        outcomes=_keyed_list(root, "outcomes.yaml", "code", ["text"]),
        media=_keyed_list(root, "media.yaml", "path", ["title"]),
    )
    _check_snippet_links(data)
    modules_dir = root / "modules"
    for module_dir in _ordered_dirs(modules_dir) if modules_dir.is_dir() else []:
        module = _page(root, module_dir / "module.yaml", yamlio.load(module_dir / "module.yaml", root=root))
        course.children.append(module)
        for lesson_dir in _ordered_dirs(module_dir):
            lesson_file = lesson_dir / "lesson.yaml"
            lesson_yaml = yamlio.load(lesson_file, root=root)
            lesson = _page(root, lesson_file, lesson_yaml)
            lesson.extra["partner"] = lesson_yaml.get("partner")
            _check_refs(
                data,
                "partners",
                "key",
                [lesson.extra["partner"]] if lesson.extra["partner"] else [],
                lesson.source,
            )
            module.children.append(lesson)
            for topic_file in sorted(lesson_dir.glob("[0-9]*.yaml")):
                lesson.children.append(_read_topic(data, topic_file, stream_block))
    return data


def _read_topic(data, topic_file, stream_block):
    root = data.root
    topic_yaml = yamlio.load(topic_file, root=root)
    topic = _page(root, topic_file, topic_yaml)
    minutes = topic_yaml.get("estimated_minutes", 0)
    if not isinstance(minutes, int) or minutes < 0:
        raise CourseFormatError(topic.source, "'estimated_minutes' should be a whole number of minutes")
    extra = topic.extra
    extra["estimated_minutes"] = minutes
    for name, snippet, key in [
        ("authors", "experts", "key"),
        ("outcomes", "outcomes", "code"),
        ("competences", "competences", "code"),
    ]:
        values = topic_yaml.get(name) or []
        if not isinstance(values, list):
            raise CourseFormatError(topic.source, f"'{name}' should be a list")
        extra[name] = [str(value) for value in values]
        _check_refs(data, snippet, key, extra[name], topic.source)
    body = topic_yaml.get("body") or []
    media_paths = {item["path"] for item in data.media}

    def check_media(folder):
        def check(value, location):
            if value in (None, ""):
                return value
            if not isinstance(value, str) or not value.startswith(folder):
                raise CourseFormatError(
                    topic.source, f"{location}: expected a path under {folder}, found {value!r}"
                )
            if value not in media_paths:
                raise CourseFormatError(topic.source, f"{location}: {value} is not listed in media.yaml")
            if not (root / value).is_file():
                raise CourseFormatError(topic.source, f"{location}: media file {value} is missing")
            return value

        return check

    mapper = ReferenceMapper(check_media(IMAGE_DIR), check_media(DOCUMENT_DIRS), id_seed=topic.source)
    try:
        extra["body"] = mapper.walk(stream_block, body, "body")
    except UnknownBlockType as error:
        raise CourseFormatError(
            topic.source, f"{error.location}: unknown block type {error.block_type!r}"
        ) from error
    except ValueError as error:
        raise CourseFormatError(topic.source, str(error)) from error
    return topic


def _check_refs(data, snippet, key, values, source):
    known = {str(item[key]) for item in getattr(data, snippet)}
    missing = [value for value in values if str(value) not in known]
    if missing:
        raise CourseFormatError(source, f"unknown {snippet}: {', '.join(map(str, missing))}")


def _check_snippet_links(data):
    for expert in data.experts:
        _check_refs(data, "partners", "key", [expert["partner"]], "experts.yaml")
    for outcome in data.outcomes:
        _check_refs(data, "competences", "code", outcome.get("competences") or [], "outcomes.yaml")
    for item in data.media:
        path = item["path"]
        if not path.startswith((IMAGE_DIR, *DOCUMENT_DIRS)):
            folders = ", ".join((IMAGE_DIR, *DOCUMENT_DIRS))
            raise CourseFormatError("media.yaml", f"{path}: media live under one of {folders}")
        if not (data.root / path).is_file():
            raise CourseFormatError("media.yaml", f"media file {path} is missing")
