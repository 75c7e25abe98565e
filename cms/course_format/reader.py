"""Read and check a whole course folder before anything is written.

Every problem is reported with the file it is in; references between files
(authors, outcomes, competences, partners, media, links between pages) and the media
files themselves are checked here so that an import never stops half-way because
of a typo or a damaged file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import yamlio
from .errors import CourseFormatError
from .media import check_media_file
from .streamdata import ReferenceMapper, UnknownBlockType

IMAGE_DIR = "media/images/"
DOCUMENT_DIR = "media/documents/"
# Videos and caption tracks are Wagtail documents too, kept in folders of their own.
DOCUMENT_DIRS = (DOCUMENT_DIR, "media/videos/", "media/captions/")
# Exports write YAML; a file may be JSON instead (JSON is YAML too, but is read as JSON).
SUFFIXES = (".yaml", ".json")


@dataclass
class PageData:
    source: str
    slug: str
    title: str
    introduction: str = ""
    live: bool | None = None  # the file's ``live``: None when it does not say
    address: str = "/"  # inside the course: ``/``, ``/<module>/``, ``/<module>/<lesson>/`` …
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
    files: dict[str, str] = field(default_factory=dict)  # snippet list name -> file read

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


def find_file(folder: Path, stem: str, root: Path) -> Path | None:
    """``<stem>.yaml`` or ``<stem>.json`` in the folder; both at once is refused, naming both."""
    found = [folder / f"{stem}{suffix}" for suffix in SUFFIXES if (folder / f"{stem}{suffix}").is_file()]
    _refuse_twins(found, root)
    return found[0] if found else None


def _refuse_twins(paths, root):
    if len(paths) > 1:
        first, second = (path.relative_to(root) for path in paths[:2])
        raise CourseFormatError(first, f"{second} describes the same item; keep only one of the two files")


def _page_file(folder: Path, stem: str, root: Path) -> Path:
    found = find_file(folder, stem, root)
    if found is None:
        raise CourseFormatError((folder / f"{stem}.yaml").relative_to(root), "file is missing")
    return found


def _topic_files(lesson_dir: Path, root: Path) -> list[Path]:
    by_stem: dict[str, list[Path]] = {}
    for suffix in SUFFIXES:
        for path in lesson_dir.glob(f"[0-9]*{suffix}"):
            by_stem.setdefault(path.stem, []).append(path)
    for paths in by_stem.values():
        _refuse_twins(paths, root)
    return [by_stem[stem][0] for stem in sorted(by_stem)]


def _keyed_list(root, stem, key, required, files):
    path = find_file(root, stem, root)
    name = path.name if path else f"{stem}.yaml"
    files[stem] = name
    source = Path(name)
    items = yamlio.load(path, expect=list, root=root) if path else []
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


def _page(root, path, data, parent=None):
    source = str(path.relative_to(root))
    _require(data, ["slug", "title"], source)
    live = data.get("live")
    if live is not None and not isinstance(live, bool):
        raise CourseFormatError(source, f"'live' should be true or false, found {live!r}")
    page = PageData(source, str(data["slug"]), str(data["title"]), str(data.get("introduction") or ""), live)
    if parent is not None:
        page.address = f"{parent.address}{page.slug}/"
        parent.children.append(page)
    return page


def read_course_folder(root: Path, stream_block) -> CourseData:
    root = Path(root)
    course_file = find_file(root, "course", root)
    if course_file is None:
        raise CourseFormatError(root / "course.yaml", "file is missing: is this a course folder?")
    course = _page(root, course_file, yamlio.load(course_file, root=root))
    files = {}
    data = CourseData(
        root=root,
        course=course,
        partners=_keyed_list(root, "partners", "key", ["name", "country"], files),
        experts=_keyed_list(root, "experts", "key", ["name", "role", "partner"], files),
        competences=_keyed_list(root, "competences", "code", ["title"], files),
        outcomes=_keyed_list(root, "outcomes", "code", ["text"], files),
        media=_keyed_list(root, "media", "path", ["title"], files),
        files=files,
    )
    _check_snippet_links(data)
    page_links = []  # (file, location, address) of every rich-text page link, checked at the end
    modules_dir = root / "modules"
    for module_dir in _ordered_dirs(modules_dir) if modules_dir.is_dir() else []:
        module_file = _page_file(module_dir, "module", root)
        module = _page(root, module_file, yamlio.load(module_file, root=root), course)
        for lesson_dir in _ordered_dirs(module_dir):
            lesson_file = _page_file(lesson_dir, "lesson", root)
            lesson_yaml = yamlio.load(lesson_file, root=root)
            lesson = _page(root, lesson_file, lesson_yaml, module)
            lesson.extra["partner"] = lesson_yaml.get("partner")
            _check_refs(
                data,
                "partners",
                "key",
                [lesson.extra["partner"]] if lesson.extra["partner"] else [],
                lesson.source,
            )
            for topic_file in _topic_files(lesson_dir, root):
                _read_topic(data, topic_file, stream_block, lesson, page_links)
    _check_page_links(data, page_links)
    return data


def _read_topic(data, topic_file, stream_block, lesson, page_links):
    topic_yaml = yamlio.load(topic_file, root=data.root)
    topic = _page(data.root, topic_file, topic_yaml, lesson)
    minutes = topic_yaml.get("estimated_minutes", 0)
    if not isinstance(minutes, int) or minutes < 0:
        raise CourseFormatError(topic.source, "'estimated_minutes' should be a whole number of minutes")
    topic.extra["estimated_minutes"] = minutes
    _read_topic_snippets(data, topic, topic_yaml)
    topic.extra["body"] = _read_topic_body(
        data, topic, topic_yaml.get("body") or [], stream_block, page_links
    )
    return topic


def _read_topic_snippets(data, topic, topic_yaml):
    """The topic's authors, outcomes and competences: lists of keys the course's snippets have."""
    for name, snippet, key in [
        ("authors", "experts", "key"),
        ("outcomes", "outcomes", "code"),
        ("competences", "competences", "code"),
    ]:
        values = topic_yaml.get(name) or []
        if not isinstance(values, list):
            raise CourseFormatError(topic.source, f"'{name}' should be a list")
        topic.extra[name] = [str(value) for value in values]
        _check_refs(data, snippet, key, topic.extra[name], topic.source)


def _media_check(data, topic, folder):
    """A reference check: the value is a path under ``folder``, listed in the media file, present."""
    folders = " or ".join(folder) if isinstance(folder, tuple) else folder
    media_paths = {item["path"] for item in data.media}

    def check(value, location):
        if value in (None, ""):
            return value
        if not isinstance(value, str) or not value.startswith(folder):
            raise CourseFormatError(
                topic.source, f"{location}: expected a path under {folders}, found {value!r}"
            )
        if value not in media_paths:
            raise CourseFormatError(
                topic.source, f"{location}: {value} is not listed in {data.files['media']}"
            )
        if not (data.root / value).is_file():
            raise CourseFormatError(topic.source, f"{location}: media file {value} is missing")
        return value

    return check


def _read_topic_body(data, topic, body, stream_block, page_links):
    def note_page_link(value, location):
        page_links.append((topic.source, location, value))
        return value

    # Ids are seeded as if the file were YAML: turning it into JSON keeps its blocks' ids.
    seed = str(Path(topic.source).with_suffix(".yaml"))
    mapper = ReferenceMapper(
        _media_check(data, topic, IMAGE_DIR),
        _media_check(data, topic, DOCUMENT_DIRS),
        note_page_link,
        id_seed=seed,
    )
    try:
        return mapper.walk(stream_block, body, "body")
    except UnknownBlockType as error:
        raise CourseFormatError(
            topic.source, f"{error.location}: unknown block type {error.block_type!r}"
        ) from error
    except ValueError as error:
        raise CourseFormatError(topic.source, str(error)) from error


def _check_page_links(data, page_links):
    addresses = {page.address for page in data.pages()}
    for source, location, address in page_links:
        if address not in addresses:
            raise CourseFormatError(
                source,
                f"{location}: links to the page {address!r}, which is not in this course folder "
                "(a page link names a page of the course by its address, such as /<module>/<lesson>/)",
            )


def _check_refs(data, snippet, key, values, source):
    known = {str(item[key]) for item in getattr(data, snippet)}
    missing = [value for value in values if str(value) not in known]
    if missing:
        raise CourseFormatError(source, f"unknown {snippet}: {', '.join(map(str, missing))}")


def _check_snippet_links(data):
    for expert in data.experts:
        _check_refs(data, "partners", "key", [expert["partner"]], data.files["experts"])
    for outcome in data.outcomes:
        _check_refs(data, "competences", "code", outcome.get("competences") or [], data.files["outcomes"])
    for item in data.media:
        path = item["path"]
        if not path.startswith((IMAGE_DIR, *DOCUMENT_DIRS)):
            folders = ", ".join((IMAGE_DIR, *DOCUMENT_DIRS))
            raise CourseFormatError(data.files["media"], f"{path}: media live under one of {folders}")
        if not (data.root / path).is_file():
            raise CourseFormatError(data.files["media"], f"media file {path} is missing")
        check_media_file(data.root, path, is_image=path.startswith(IMAGE_DIR))
