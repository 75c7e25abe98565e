"""What may be uploaded: checked by content, limited by size, named safely.

A file's extension is only a claim; its first bytes must agree with it. Anything a
browser could run as a page (HTML, SVG, XML) is refused outright, whatever it is
called, so that a course file can never carry a script to a learner.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

MB = 1024 * 1024
SCRIPTABLE_EXTENSIONS = {"svg", "svgz", "html", "htm", "xhtml", "xht", "xml", "js", "mjs", "php", "shtml"}
SCRIPTABLE_START = re.compile(rb"^\s*(<\?xml|<!doctype\s+html|<html|<svg|<script|<body|<head|<iframe)", re.I)
ZIP = (0, b"PK\x03\x04")


@dataclass(frozen=True)
class Kind:
    name: str
    signatures: tuple = ()
    text: bool = False


KINDS = {
    "pdf": Kind("document", ((0, b"%PDF-"),)),
    "docx": Kind("document", (ZIP,)),
    "xlsx": Kind("document", (ZIP,)),
    "pptx": Kind("document", (ZIP,)),
    "odt": Kind("document", (ZIP,)),
    "ods": Kind("document", (ZIP,)),
    "odp": Kind("document", (ZIP,)),
    "zip": Kind("document", (ZIP,)),
    "csv": Kind("document", text=True),
    "txt": Kind("document", text=True),
    "mp4": Kind("video", ((4, b"ftyp"),)),
    "m4v": Kind("video", ((4, b"ftyp"),)),
    "webm": Kind("video", ((0, b"\x1aE\xdf\xa3"),)),
    "vtt": Kind("caption", ((0, b"WEBVTT"), (0, b"\xef\xbb\xbfWEBVTT")), text=True),
}
KIND_LABELS = {
    # Translators: the kind of a file, in "This file is 80 MB; document files may be at most 50 MB."
    "document": pgettext_lazy("kind of file", "document"),
    "caption": pgettext_lazy("kind of file", "caption"),
    "video": pgettext_lazy("kind of file", "video"),
    "image": pgettext_lazy("kind of file", "image"),
}
DEFAULT_LIMITS = {"document": 50 * MB, "caption": 2 * MB, "video": 5 * 1024 * MB, "image": 20 * MB}


class UploadRefused(ValueError):
    """Why a file may not be stored; the message is meant for the editor."""


def size_limit(kind: str) -> int:
    return {**DEFAULT_LIMITS, **getattr(settings, "LECTERN_UPLOAD_LIMITS", {})}[kind]


def safe_filename(name: str, default: str = "file") -> str:
    """A plain ASCII name without folders, spaces or characters a shell or URL would trip on."""
    name = PurePath(name.replace("\\", "/")).name
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = extension, ""
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"-{2,}", "-", re.sub(r"[^A-Za-z0-9_-]+", "-", stem)).strip("-._")[:80] or default
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:10]
    return f"{stem}.{extension}" if extension else stem


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_upload(name: str, size: int, head: bytes, allowed_kinds=None) -> Kind:
    """Refuse a file whose name, size or first bytes are not acceptable; return its kind.

    ``head`` is the start of the file (a few KB is enough).
    """
    extension = extension_of(name)
    kind = _kind_by_name(extension, allowed_kinds)
    _check_content(extension, kind, head)
    _check_size(kind, size)
    return kind


def _kind_by_name(extension: str, allowed_kinds) -> Kind:
    if extension in SCRIPTABLE_EXTENSIONS:
        raise UploadRefused(
            _("%(ext)s files are refused: a browser could run scripts inside them.")
            % {"ext": extension.upper()}
        )
    kind = KINDS.get(extension)
    if kind is None or (allowed_kinds and kind.name not in allowed_kinds):
        accepted = sorted(e for e, k in KINDS.items() if not allowed_kinds or k.name in allowed_kinds)
        raise UploadRefused(
            _("“.%(ext)s” files are not accepted here. Accepted: %(list)s.")
            % {"ext": extension, "list": ", ".join(accepted)}
        )
    return kind


def _check_content(extension: str, kind: Kind, head: bytes) -> None:
    if SCRIPTABLE_START.match(head):
        raise UploadRefused(
            _("This file contains a web page or SVG image, which could carry scripts; it is refused.")
        )
    if kind.signatures and not any(
        head[offset : offset + len(magic)] == magic for offset, magic in kind.signatures
    ):
        raise UploadRefused(
            _("This file's content is not a .%(ext)s file; check that you chose the right file.")
            % {"ext": extension}
        )
    if kind.text and (b"\x00" in head or not _is_utf8(head)):
        raise UploadRefused(_("This .%(ext)s file is not plain UTF-8 text.") % {"ext": extension})


def _check_size(kind: Kind, size: int) -> None:
    limit = size_limit(kind.name)
    if size > limit:
        raise UploadRefused(
            _("This file is %(size)s; %(kind)s files may be at most %(limit)s.")
            % {
                "size": filesizeformat(size),
                "kind": KIND_LABELS.get(kind.name, kind.name),
                "limit": filesizeformat(limit),
            }
        )
    if size == 0:
        raise UploadRefused(_("This file is empty."))


def _is_utf8(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start > len(head) - 4  # a character cut at the end of the sample is fine
    return True
