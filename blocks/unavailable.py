"""Keep the content of a block whose plugin has been removed.

When the lesson body meets a block type the registry no longer knows, it wraps the
stored data in an ``UnavailableBlock``: learners do not see it, editors see it
marked as unavailable with its data untouched, and saving the page writes the
original type and value back, so reinstalling the plugin brings the block back.
"""

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .base import NotTranslated

NAME = "unavailable_block"


class UnavailableBlock(NotTranslated, blocks.StructBlock):
    original_type = blocks.CharBlock(
        required=False,
        label=_("Block type"),
        help_text=_(
            "The plugin for this block is not installed. Its content is kept unchanged and shown again once the plugin is back."
        ),
    )
    data = blocks.TextBlock(required=False, label=_("Stored content (JSON)"))

    kind = "unavailable"

    class Meta:
        icon = "warning"
        label = _("Unavailable block (plugin not installed)")
        template = "blocks/unavailable.html"
        group = _("Kept from removed plugins")

    def clean(self, value):
        value = super().clean(value)
        try:
            json.loads(value["data"] or "null")
        except json.JSONDecodeError as error:
            raise StructBlockValidationError(
                {"data": ValidationError(gettext("This is not valid JSON: %(e)s") % {"e": error})}
            ) from error
        return value

    def search_documents(self, value, context):
        return []


def wrap(child: dict) -> dict:
    return {
        "type": NAME,
        "value": {"original_type": child["type"], "data": json.dumps(child.get("value"), ensure_ascii=False)},
        "id": child.get("id"),
    }


def unwrap(child: dict) -> dict | None:
    value = child.get("value") or {}
    if not value.get("original_type"):
        return None  # an empty one an editor added: nothing to keep
    return {
        "type": value["original_type"],
        "value": json.loads(value.get("data") or "null"),
        "id": child.get("id"),
    }
