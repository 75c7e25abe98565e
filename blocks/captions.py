"""Caption files: checked when they are uploaded or chosen, read once per file version."""

from django.core.cache import cache

from . import webvtt


def read_document(document) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()


def cues_for(document) -> list[webvtt.Cue]:
    """The cues of a caption document, parsed once per file content (keyed by its hash)."""
    key = f"lectern:vtt:{document.pk}:{document.file_hash or document.file.name}"
    cues = cache.get(key)
    if cues is None:
        try:
            cues = webvtt.parse(read_document(document))
        except (OSError, webvtt.WebVTTError):
            cues = []  # storage unreachable or a file replaced outside the admin: no transcript
        cache.set(key, cues, 24 * 3600)
    return cues
