"""Caption files: checked when they are uploaded or chosen, read once per file version."""

import logging

from django.core.cache import cache

from files import webvtt

logger = logging.getLogger(__name__)


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
        except webvtt.WebVTTError:
            cues = []  # a file replaced outside the admin: no transcript, no error page
        except Exception:  # storage unreachable (botocore, OSError): try again next time
            logger.warning("Could not read caption file %s", document.pk, exc_info=True)
            return []
        cache.set(key, cues, 24 * 3600)
    return cues
