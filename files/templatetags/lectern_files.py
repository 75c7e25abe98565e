import logging

from django import template
from django.template.defaultfilters import filesizeformat

register = template.Library()
logger = logging.getLogger(__name__)


@register.filter
def file_size(document) -> str:
    """The document's size for learners ("2.1 MB"), or '' if it cannot be known right now."""
    if document is None:
        return ""
    size = document.file_size
    if size is None:
        try:
            size = document.get_file_size()
        except Exception:  # storage unreachable: leave the size out rather than fail the page
            logger.warning("Could not read the size of document %s", document.pk, exc_info=True)
            return ""
    return filesizeformat(size) if size else ""
