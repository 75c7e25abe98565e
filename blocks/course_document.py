from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from files.text_extraction import document_text

from . import previews
from .base import LearningBlock, SearchDocument
from .prefetch import PrefetchingDocumentChooserBlock

KINDS = [
    ("pdf", _("PDF")),
    ("slides", _("Slides")),
    ("worksheet", _("Worksheet")),
    # Translators: a kind of course document: a file to fill in or adapt (not a web page template).
    ("template", _("Template")),
]


class CourseDocumentBlock(LearningBlock, blocks.StructBlock):
    """A downloadable course document with its kind and size shown before download."""

    kind = "document"
    search_kinds = {"document": _("Course document")}

    document = PrefetchingDocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        default="",
        max_length=200,
        label=_("Title"),
        help_text=_("Left empty, the document's own title is shown."),
    )
    description = blocks.TextBlock(required=False, default="", label=_("Description"))
    document_kind = blocks.ChoiceBlock(choices=KINDS, default="pdf", label=_("Kind"))

    class Meta:
        icon = "doc-full"
        template = "blocks/course_document.html"
        label = _("Course document")
        description = _("A PDF, slides, worksheet or template to download.")
        preview_value = {
            "title": "Digital maturity self-assessment",
            "description": "Fill it in with the owner before the first visit.",
            "document_kind": "worksheet",
        }

    def get_preview_value(self):
        return self.to_python({**self.meta.preview_value, "document": previews.first_course_document_pk()})

    def get_preview_context(self, value, parent_context=None):
        # Without a document in the library, the preview shows what the block says instead.
        return {**super().get_preview_context(value, parent_context), "block_preview": True}

    def clean(self, value):
        """The kind shown to learners must match the file they download."""
        value = super().clean(value)
        document = value.get("document")
        extension = (document.file_extension or "").lower() if document else ""
        if extension in previews.NOT_COURSE_DOCUMENTS:
            message = gettext("A caption track or a video is not a course document: use a video block.")
            raise StructBlockValidationError({"document": ValidationError(message)})
        if value["document_kind"] == "pdf" and document and extension != "pdf":
            message = gettext("The file is a %(type)s, not a PDF: choose another kind.") % {
                "type": extension.upper() or gettext("file without an extension")
            }
            raise StructBlockValidationError({"document_kind": ValidationError(message)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = dict(KINDS).get(value.get("document_kind"), "")
        return context

    def search_documents(self, value, context):
        document = value.get("document")
        title = value.get("title") or (document.title if document else "")
        text = " ".join(part for part in (value.get("description"), document_text(document)) if part)
        return [SearchDocument(self.kind, title, text)]
