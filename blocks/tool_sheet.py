from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .base import SearchDocument, TitledSectionBlock
from .prefetch import PrefetchingDocumentChooserBlock
from .validation import repeated_items_error

LISTS = [
    ("steps", _("Steps")),
    ("inputs", _("What you need")),
    ("outputs", _("What you get")),
    ("tips", _("Tips")),
]


class ToolSheetBlock(TitledSectionBlock, blocks.StructBlock):
    """A practical method on one card: why, when, how, with what, and a template to download."""

    anchor_prefix, anchor_fallback = "tool", "sheet"
    kind = "tool_sheet"
    search_kinds = {"tool_sheet": _("Tool sheet")}

    title = blocks.CharBlock(max_length=200, label=_("Title"))
    purpose = blocks.TextBlock(label=_("Purpose"))
    when_to_use = blocks.TextBlock(label=_("When to use it"))
    steps = blocks.ListBlock(blocks.CharBlock(max_length=400), min_num=1, label=_("Steps"))
    inputs = blocks.ListBlock(blocks.CharBlock(max_length=300), default=[], label=_("Inputs"))
    outputs = blocks.ListBlock(blocks.CharBlock(max_length=300), default=[], label=_("Outputs"))
    tips = blocks.ListBlock(blocks.CharBlock(max_length=400), default=[], label=_("Tips"))
    template = PrefetchingDocumentChooserBlock(required=False, label=_("Template to download"))

    class Meta:
        icon = "cogs"
        template = "blocks/tool_sheet.html"
        label = _("Tool sheet")
        description = _("Purpose, when to use it, steps, inputs, outputs, tips and a template.")
        preview_value = {
            "title": "Digital maturity interview guide",
            "purpose": "Structure a first conversation with an SME owner.",
            "when_to_use": "Before any technology recommendation.",
            "steps": ["Agree the scope.", "Walk the shop floor.", "Score each dimension together."],
        }

    def clean(self, value):
        """No item twice in a list: a repeated step reads as a step to do twice."""
        value = super().clean(value)
        errors = {name: repeated_items_error(value[name]) for name, _label in LISTS}
        errors = {name: error for name, error in errors.items() if error}
        if errors:
            raise StructBlockValidationError(errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["lists"] = [(label, value.get(name)) for name, label in LISTS if value.get(name)]
        return context

    def search_documents(self, value, context):
        text = " ".join([value["purpose"], value["when_to_use"], *value["steps"], *value["tips"]])
        return [SearchDocument(self.kind, value["title"], text, "#" + self.anchor_for(value))]
