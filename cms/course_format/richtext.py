"""Rich text in a course folder names pages and files, never database ids.

Wagtail stores a link to a page as ``<a linktype="page" id="42">``, a link to a
document as ``<a linktype="document" id="7">`` and an embedded image as
``<embed embedtype="image" id="3" …/>``. In a course folder the ``id`` holds what
the number stands for, as chooser blocks do: the media path
(``media/documents/checklist.pdf``) or the page's address inside the course
(``/foundations/clusters/``, the course itself being ``/``). Only the ``id`` changes;
the rest of the tag is kept as it was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

ID_ATTRIBUTE = re.compile(r'(?<![\w-])id="[^"]*"')


@dataclass(frozen=True)
class PlainLink:
    """A page link whose target cannot travel with the course becomes a link to its address."""

    href: str


def _attribute(value: str) -> str:
    # The escapes Wagtail's own attribute reader (extract_attrs) undoes, and no others.
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def rewrite(html: str, location: str, *, page=None, document=None, image=None) -> str:
    """Swap the id of each page link, document link and image embed for what its converter returns.

    Each converter is called as ``convert(id, location)``, like the chooser converters
    of ``ReferenceMapper``. None means the target no longer exists: the link becomes a
    bare ``<a>`` (as Wagtail shows it) and the embed is dropped.
    """

    def replacer(converters, kind_attribute):
        def replace(match):
            tag = match.group(0)
            attrs = extract_attrs(match.group(1))
            convert = converters.get(attrs.get(kind_attribute))
            if convert is None or "id" not in attrs:
                return tag
            new = convert(attrs["id"], location)
            if new is None:
                return "<a>" if tag.startswith("<a") else ""
            if isinstance(new, PlainLink):
                return f'<a href="{_attribute(new.href)}">'
            return ID_ATTRIBUTE.sub(lambda _match: f'id="{_attribute(str(new))}"', tag, count=1)

        return replace

    html = FIND_A_TAG.sub(replacer({"page": page, "document": document}, "linktype"), html)
    return FIND_EMBED_TAG.sub(replacer({"image": image}, "embedtype"), html)
