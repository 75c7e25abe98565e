"""Keep the content of a block whose plugin has been removed.

When the lesson body meets a block type the registry no longer knows, it wraps the
stored data in an ``UnavailableBlock``: learners do not see it, editors see it
marked as unavailable with its data untouched, and saving the page writes the
original type and value back, so reinstalling the plugin brings the block back.

The wrapper must never be a way round a block's own validation: it is not offered
in the **+** menu, its fields are read-only, and the form carries a seal (a keyed
hash of the type and data) so that content an editor changed or made up is refused
instead of being written back as a real block.
"""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .base import NotTranslated
from .registry import registry

NAME = "unavailable_block"


class ReadOnly:
    """Shown to editors, not edited: the browser keeps it read-only, the seal proves it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.field.widget.attrs["readonly"] = True


class ReadOnlyCharBlock(ReadOnly, blocks.CharBlock):
    pass


class ReadOnlyTextBlock(ReadOnly, blocks.TextBlock):
    pass


class HiddenCharBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)
        self.field.widget = forms.HiddenInput()


def seal(original_type: str, data: str) -> str:
    return salted_hmac("blocks.unavailable", f"{original_type}\0{data}", algorithm="sha256").hexdigest()


def is_sealed(value) -> bool:
    expected = seal(value.get("original_type") or "", value.get("data") or "")
    return constant_time_compare(value.get("seal") or "", expected)


class UnavailableBlock(NotTranslated, blocks.StructBlock):
    original_type = ReadOnlyCharBlock(
        required=False,
        label=_("Block type"),
        help_text=_(
            "The plugin for this block is not installed. Its content is kept unchanged and shown again once the plugin is back."
        ),
    )
    data = ReadOnlyTextBlock(required=False, label=_("Stored content (JSON)"))
    seal = HiddenCharBlock()

    kind = "unavailable"
    search_kinds = {}  # never searched: learners do not see it

    class Meta:
        icon = "warning"
        label = _("Unavailable block (plugin not installed)")
        template = "blocks/unavailable.html"
        form_template = "blocks/unavailable_form.html"
        group = _("Kept from removed plugins")

    def clean(self, value):
        value = super().clean(value)
        if not value["original_type"] and not value["data"]:
            return value  # empty: dropped on save (see unwrap)
        if value["original_type"] in registry:
            message = gettext(
                "A “%(type)s” block is installed now: leave this page without saving and open it "
                "again to edit the block."
            ) % {"type": value["original_type"]}
            raise StructBlockValidationError({"original_type": ValidationError(message)})
        if not is_sealed(value):
            message = gettext(
                "This block's type or content is not what was stored, and a block whose plugin is "
                "missing cannot be edited: delete the block or leave this page without saving."
            )
            raise StructBlockValidationError({"data": ValidationError(message)})
        return value

    def search_documents(self, value, context):
        return []


def wrap(child: dict) -> dict:
    original_type = child["type"]
    data = json.dumps(child.get("value"), ensure_ascii=False)
    return {
        "type": NAME,
        "value": {"original_type": original_type, "data": data, "seal": seal(original_type, data)},
        "id": child.get("id"),
    }


def unwrap(child: dict) -> dict | None:
    """The stored block to write back; None for an empty wrapper, the wrapper itself
    when its content cannot be trusted (kept hidden from learners, as it is)."""
    value = child.get("value") or {}
    if not value.get("original_type"):
        return None  # an empty one: nothing to keep
    if not is_sealed(value):
        return child
    original = {
        "type": value["original_type"],
        "value": json.loads(value.get("data") or "null"),
        "id": child.get("id"),
    }
    if original["type"] in registry and not _valid(registry[original["type"]], original["value"]):
        return child
    return original


def _valid(block, data) -> bool:
    """Whether stored data passes the real block's validation, now that it is installed."""
    try:
        block.clean(block.to_python(data))
    except Exception:  # a ValidationError, or data of the wrong shape (TypeError, KeyError…)
        return False
    return True
