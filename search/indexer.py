"""Turn a published topic into block-level search documents, through the block contract.

Search never knows the block types: it asks each block for its ``search_documents``;
running text (``search_as_page_text``) is folded into the topic's own document, and
everything else — a vocab term, a tool sheet, a transcript cue — is a document of
its own that opens the exact block or moment.
"""

from __future__ import annotations

from django.utils.html import strip_tags
from wagtail.models import Locale

from .documents import IndexDocument


def indexable(page) -> bool:
    return hasattr(page, "body") and hasattr(page, "introduction")


def documents_for_page(page) -> list[IndexDocument]:
    """Every document of a live topic; [] for a draft or a page that is not a topic."""
    page = page.specific
    if not page.live or not indexable(page) or page.alias_of_id is not None:
        return []  # an alias repeats its source, which is indexed in its own language
    url = page.get_url() or page.url_path
    ancestors = {type(a).__name__: a for a in page.get_ancestors().specific(defer=True)}
    course, module, lesson = (ancestors.get(n) for n in ("CoursePage", "ModulePage", "LessonPage"))
    default = Locale.get_default()  # looked up once for the three ancestors
    common = {
        "page_id": page.pk,
        "language": page.locale.language_code if page.locale_id else "en",
        "course_id": _same_in_every_language(course, default),
        "course_title": course.title if course else "",
        "module_id": _same_in_every_language(module, default),
        "module_title": module.title if module else "",
        "lesson_id": _same_in_every_language(lesson, default),
        "lesson_title": lesson.title if lesson else "",
        "topic_title": page.title,
        "public": not page.get_view_restrictions().exists(),
    }
    page_text = [page.introduction]
    documents = []
    context = {"language": common["language"], "page": page}
    for child in page.body:
        block_documents = getattr(child.block, "search_documents", None)
        if block_documents is None:
            continue
        found = block_documents(child.value, context)
        if getattr(child.block, "search_as_page_text", False):
            page_text.extend(" ".join(part for part in (d.title, d.text) if part) for d in found)
            continue
        for number, document in enumerate(found):
            documents.append(
                IndexDocument(
                    doc_id=f"{page.pk}:{child.id}:{number}",
                    kind=document.kind,
                    title=document.title or page.title,
                    text=strip_tags(document.text),
                    url=_with_anchor(url, document.anchor, child.id),
                    timestamp=document.timestamp,
                    **common,
                )
            )
    topic = IndexDocument(
        doc_id=f"{page.pk}:page:0",
        kind="topic",
        title=page.title,
        text=strip_tags(" ".join(part for part in page_text if part)),
        url=url,
        timestamp=None,
        **common,
    )
    return [topic, *documents]


def _same_in_every_language(page, default) -> int | None:
    """The id facets and filters use for a course, module or lesson: its source page's.

    A module and its translations are one module, so a search across languages counts
    their hits together and one filter value selects them all.
    """
    if page is None:
        return None
    if page.locale_id == default.pk:
        return page.pk
    source = page.get_translation_or_none(default)
    return source.pk if source else page.pk


def _with_anchor(url: str, anchor: str, block_id: str) -> str:
    if anchor.startswith("?"):  # a moment in a video: the player starts there
        return f"{url}{anchor}&v={block_id}#block-{block_id}"
    if anchor.startswith("#"):
        return url + anchor
    return f"{url}#block-{block_id}"
