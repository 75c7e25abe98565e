from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import LearningBlock, SearchDocument
from .glossary_links import linked_prose

STYLES = [
    ("key_takeaways", _("Key takeaways")),
    ("note", _("Note")),
    ("tip", _("Tip")),
    ("warning", _("Warning")),
]


class CalloutBlock(LearningBlock, blocks.StructBlock):
    """A boxed note, tip, warning or the key takeaways of a topic."""

    search_as_page_text = True
    kind = "callout"

    style = blocks.ChoiceBlock(choices=STYLES, default="note", label=_("Style"))
    title = blocks.CharBlock(required=False, default="", max_length=120, label=_("Title"))
    body = blocks.RichTextBlock(features=["bold", "italic", "ul", "ol", "link"], label=_("Body"))

    class Meta:
        icon = "help"
        template = "blocks/callout.html"
        label = _("Callout")
        preview_value = {
            "style": "key_takeaways",
            "title": "Key takeaways",
            "body": "<ul><li>Start from the members' needs.</li></ul>",
        }
        description = _("A note, tip, warning or key takeaways, set apart from the text.")

    def get_context(self, value, parent_context=None):
        """``body``: the text, with the first mention of each glossary term linked."""
        context = super().get_context(value, parent_context)
        markup, context["glossary_assets"] = linked_prose(value["body"], parent_context)
        context["body"] = mark_safe(markup)  # noqa: S308  (Wagtail's expanded rich text, escaped terms)
        return context

    def search_documents(self, value, context):
        text = strip_tags(value["body"].source).strip()
        return [SearchDocument(self.kind, value["title"], text)] if text else []
