"""Turn a published topic into block-level search documents, through the block contract.

Search never knows the page or block types: a page is searched when it implements
``search.protocols.Searchable``, and each of its blocks is asked for its
``search_documents``. Running text (``search_as_page_text``) is folded into the
topic's own document, and everything else — a vocab term, a tool sheet, a transcript
cue — is a document of its own that opens the exact block or moment.
"""

from __future__ import annotations

from django.utils.html import strip_tags
from wagtail.models import Locale

from .documents import IndexDocument
from .protocols import Searchable


def indexable(page) -> bool:
    return isinstance(page, Searchable)


def documents_for_page(page) -> list[IndexDocument]:
    """Every document of a live topic; [] for a draft or a page that is not searched."""
    page = page.specific
    if not page.live or not indexable(page) or page.alias_of_id is not None:
        return []  # an alias repeats its source, which is indexed in its own language
    common = _common_fields(page)
    url = page.get_url() or page.url_path
    page_text = [page.search_introduction()]
    documents = []
    context = {"language": common["language"], "page": page}
    for child in page.search_blocks():
        make = getattr(child.block, "search_documents", None)
        found = make(child.value, context) if make else []
        if getattr(child.block, "search_as_page_text", False):
            page_text.extend(" ".join(part for part in (d.title, d.text) if part) for d in found)
            continue
        documents += [
            _block_document(page, child.id, n, found_one, url, common) for n, found_one in enumerate(found)
        ]
    topic_text = strip_tags(" ".join(part for part in page_text if part))
    topic = IndexDocument(
        doc_id=f"{page.pk}:page:0",
        kind="topic",
        title=page.title,
        text=topic_text,
        url=url,
        timestamp=None,
        **common,
    )
    return [topic, *documents]


def _common_fields(page) -> dict:
    """What every document of a page shares: its language, its place and its privacy."""
    place = page.search_place()
    default = Locale.get_default()  # looked up once for the three ancestors
    return {
        "page_id": page.pk,
        "language": page.locale.language_code if page.locale_id else "en",
        "course_id": _same_in_every_language(place.course, default),
        "course_title": place.course.title if place.course else "",
        "module_id": _same_in_every_language(place.module, default),
        "module_title": place.module.title if place.module else "",
        "lesson_id": _same_in_every_language(place.lesson, default),
        "lesson_title": place.lesson.title if place.lesson else "",
        "topic_title": page.title,
        "public": not page.get_view_restrictions().exists(),
    }


def _block_document(page, block_id, number, found, url, common) -> IndexDocument:
    return IndexDocument(
        doc_id=f"{page.pk}:{block_id}:{number}",
        kind=found.kind,
        title=found.title or page.title,
        text=strip_tags(found.text),
        url=_with_anchor(url, found.anchor, block_id),
        timestamp=found.timestamp,
        keywords="\n".join(getattr(found, "keywords", ())),
        prominence=getattr(found, "prominence", 0),
        **common,
    )


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
