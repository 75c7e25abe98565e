"""The words inside a course document, for search (PDFs, via pypdf)."""

import io
import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)
MAX_CHARACTERS = 100_000


def document_text(document) -> str:
    """The text of a PDF document, read once per file version; '' for other files or on error."""
    if document is None or not document.filename.lower().endswith(".pdf"):
        return ""
    key = f"lectern:pdf-text:{document.pk}:{document.file_hash or document.file.name}"
    text = cache.get(key)
    if text is None:
        try:
            from pypdf import PdfReader

            with document.file.open("rb") as handle:
                reader = PdfReader(io.BytesIO(handle.read()))
                text = " ".join((page.extract_text() or "") for page in reader.pages)
        except Exception:  # a broken PDF or an unreachable store: index the title and description only
            logger.warning("Could not read the text of document %s", document.pk, exc_info=True)
            return ""
        text = " ".join(text.split())[:MAX_CHARACTERS]
        cache.set(key, text, 7 * 24 * 3600)
    return text
