from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from files.renditions import RENDITIONS, rendition_or_none

from . import previews
from .base import ContentIssue, LearningBlock, SearchDocument
from .prefetch import PrefetchingImageChooserBlock


class ImageBlock(LearningBlock, blocks.StructBlock):
    """A figure: an image, its alternative text (required) and an optional caption."""

    search_as_page_text = True
    kind = "image"

    image = PrefetchingImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        default="",
        max_length=400,
        label=_("Alternative text"),
        help_text=_("What the image shows, for learners who cannot see it."),
    )
    caption = blocks.CharBlock(required=False, default="", max_length=300, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Image")
        description = _("A figure with alternative text and a caption.")
        preview_value = {
            "alt_text": "A cluster manager and a machine-shop owner in front of a retrofitted lathe.",
            "caption": "A first visit starts on the shop floor.",
        }

    def get_preview_value(self):
        return self.to_python({**self.meta.preview_value, "image": previews.first_image_pk()})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["small"] = rendition_or_none(value.get("image"), RENDITIONS[0])
        large = rendition_or_none(value.get("image"), RENDITIONS[1])
        # Wagtail never upscales: for a small image both renditions have one width,
        # and a srcset may not list the same width twice.
        small = context["small"]
        context["large"] = large if large and small and large.width > small.width else None
        return context

    def content_issues(self, value):
        if (value.get("alt_text") or "").strip():
            return []
        return [ContentIssue(gettext("The image has no alternative text."), blocking=True, field="alt_text")]

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                {"alt_text": ValidationError(_("Describe the image for learners who cannot see it."))}
            )
        return value

    def search_documents(self, value, context):
        text = " ".join(part for part in (value.get("caption"), value.get("alt_text")) if part)
        return [SearchDocument(self.kind, value.get("caption") or "", text)] if text else []
