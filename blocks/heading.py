from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import IdentifierBlock, LearningBlock, SearchDocument
from .text import anchor


class HeadingBlock(LearningBlock, blocks.StructBlock):
    """A section heading; each one is a table-of-contents entry with its own anchor."""

    search_as_page_text = True
    kind = "heading"

    text = blocks.CharBlock(max_length=200, label=_("Text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2", label=_("Level")
    )
    anchor = IdentifierBlock(
        required=False,
        default="",
        max_length=80,
        label=_("Anchor"),
        help_text=_("Left empty, it is made from the text."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        preview_value = {"text": "Why clusters matter for SMEs", "level": "h2"}
        description = _("A section heading, listed in the topic's table of contents.")

    @staticmethod
    def anchor_for(value) -> str:
        return anchor(value.get("anchor") or value.get("text") or "")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = self.anchor_for(value)
        return context

    def toc_entries(self, value):
        return [(value["level"], value["text"], self.anchor_for(value))]

    def search_documents(self, value, context):
        return [SearchDocument(self.kind, value["text"], value["text"], "#" + self.anchor_for(value))]
