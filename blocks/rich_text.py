from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks.base import DeclarativeSubBlocksMetaclass
from wagtail.blocks.struct_block import StructBlockAdapter

from .base import LearningBlock, SearchDocument
from .glossary_links import linked_prose

FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "superscript", "subscript"]


class RichTextBlock(LearningBlock, blocks.BaseStructBlock, metaclass=DeclarativeSubBlocksMetaclass):
    """Paragraphs of running text. Headings are blocks of their own, for the contents list.

    The first mention of each glossary term of the course links to its definition,
    unless the editor turns ``link_glossary`` off for this block. The value is stored as
    the bare HTML while that switch is on (as every text was stored before it existed),
    and as ``{"text": …, "link_glossary": false}`` only when it is off: no stored page,
    revision, translation or course folder had to change.

    It is a ``BaseStructBlock`` (a ``StructBlock`` without the name): wagtail-localize
    treats every ``StructBlock`` as holding its texts one level down, where this block
    keeps them at its own path, as the text alone did.
    """

    search_as_page_text = True
    kind = "text"
    #: Stored as this field alone while the others keep their defaults (see the course format).
    compact_field = "text"

    text = blocks.RichTextBlock(features=FEATURES, label=_("Text"))
    link_glossary = blocks.BooleanBlock(
        required=False,
        default=True,
        label=_("Link glossary terms"),
        help_text=_("The first mention of each term of the course's vocab sheets links to its definition."),
    )

    class Meta:
        icon = "pilcrow"
        template = "blocks/rich_text.html"
        label = _("Text")
        preview_value = {
            "text": (
                "<p>A cluster brings together firms, research and training organisations "
                "of one region around a shared industrial strength.</p>"
            ),
            "link_glossary": True,
        }
        description = _("Paragraphs, lists and links.")

    @staticmethod
    def _expanded(value):
        return {"text": value} if isinstance(value, str) else value

    def to_python(self, value):
        return super().to_python(self._expanded(value))

    def bulk_to_python(self, values):
        return super().bulk_to_python([self._expanded(value) for value in values])

    def normalize(self, value):
        return super().normalize(self._expanded(value))

    def get_prep_value(self, value):
        prep = super().get_prep_value(value)
        return prep["text"] if prep.get("link_glossary", True) else prep

    def get_translatable_segments(self, value):
        """The text's segments, under the block's own path: translations made before the
        switch existed (when the block was the text alone) still apply."""
        from wagtail_localize.segments.extract import StreamFieldSegmentExtractor

        return StreamFieldSegmentExtractor(None).handle_block(self.child_blocks["text"], value["text"])

    def restore_translated_segments(self, value, segments):
        from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter

        writer = StreamFieldSegmentsWriter(None, None, None)
        text = writer.handle_block(self.child_blocks["text"], value["text"], segments)
        return blocks.StructValue(self, [("text", text), ("link_glossary", value["link_glossary"])])

    def get_context(self, value, parent_context=None):
        """``html``: the text, its glossary terms linked unless the editor turned that off."""
        context = super().get_context(value, parent_context)
        if value["link_glossary"]:
            markup, context["glossary_assets"] = linked_prose(value["text"], parent_context)
        else:
            markup = value["text"].__html__()
        context["html"] = mark_safe(markup)  # noqa: S308  (Wagtail's expanded rich text, escaped terms)
        return context

    def search_documents(self, value, context):
        text = strip_tags(value["text"].source).strip()
        return [SearchDocument(self.kind, "", text)] if text else []


register(StructBlockAdapter(), RichTextBlock)  # the admin edits it as any struct block
