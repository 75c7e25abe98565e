from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from files.renditions import rendition_or_none

from . import previews
from .base import SearchDocument, TitledSectionBlock
from .prefetch import PrefetchingImageChooserBlock


class HotspotBlock(blocks.StructBlock):
    x = blocks.FloatBlock(min_value=0, max_value=100, label=_("Across (%)"))
    y = blocks.FloatBlock(min_value=0, max_value=100, label=_("Down (%)"))
    title = blocks.CharBlock(max_length=120, label=_("Title"))
    text = blocks.TextBlock(label=_("Text"))


class InfographicBlock(TitledSectionBlock, blocks.StructBlock):
    """An image with hotspots that open short explanations.

    Hotspots are real buttons opening native popovers (no script needed), and a
    text alternative lists every hotspot for learners who cannot see the image.
    """

    anchor_prefix, anchor_fallback = "infographic", "image"
    kind = "infographic"
    search_kinds = {"infographic": _("Infographic"), "hotspot": _("Infographic detail")}

    title = blocks.CharBlock(max_length=200, label=_("Title"))
    image = PrefetchingImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(max_length=400, label=_("Alternative text"))
    description = blocks.TextBlock(required=False, default="", label=_("Description"))
    hotspots = blocks.ListBlock(HotspotBlock(), min_num=1, label=_("Hotspots"))

    class Meta:
        icon = "image"
        template = "blocks/infographic.html"
        label = _("Interactive infographic")
        description = _("An image with hotspots, each opening a short explanation.")
        preview_value = {
            "title": "The smart factory",
            "alt_text": "A plant whose machines, planning and suppliers share data.",
            "hotspots": [
                {"x": 25, "y": 35, "title": "Connected machines", "text": "Machines report their state."},
                {"x": 70, "y": 60, "title": "Planning", "text": "The ERP plans orders on live data."},
            ],
        }

    def get_preview_value(self):
        value = self.meta.preview_value
        return self.to_python(
            {**value, "image": previews.first_image_pk(), "hotspots": previews.with_ids(value["hotspots"])}
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["picture"] = rendition_or_none(value.get("image"), "width-1200")
        context["hotspot_items"] = [
            {
                "id": item.id,
                "x": item.value["x"],
                "y": item.value["y"],
                "title": item.value["title"],
                "text": item.value["text"],
            }
            for item in value["hotspots"].bound_blocks
        ]
        return context

    def search_documents(self, value, context):
        anchor = "#" + self.anchor_for(value)  # hotspots open from the infographic itself
        return [SearchDocument(self.kind, value["title"], value.get("description") or "", anchor)] + [
            SearchDocument("hotspot", hotspot["title"], hotspot["text"], anchor)
            for hotspot in value["hotspots"]
        ]
