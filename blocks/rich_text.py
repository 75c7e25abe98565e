from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import LearningBlock, SearchDocument

FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "superscript", "subscript"]


class RichTextBlock(LearningBlock, blocks.RichTextBlock):
    """Paragraphs of running text. Headings are blocks of their own, for the contents list."""

    search_as_page_text = True
    kind = "text"

    def __init__(self, **kwargs):
        kwargs.setdefault("features", FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/rich_text.html"
        label = _("Text")
        preview_value = (
            "<p>A cluster brings together firms, research and training organisations "
            "of one region around a shared industrial strength.</p>"
        )
        description = _("Paragraphs, lists and links.")

    def search_documents(self, value, context):
        text = strip_tags(value.source).strip()
        return [SearchDocument(self.kind, "", text)] if text else []
