"""Walk StreamField JSON along its block definitions to swap media references.

In the database an image block holds an image id; in a course folder it holds the
file's path (``media/images/cluster-map.png``). The walk follows the block
definitions, so it works for any block, plugins included, without knowing them;
rich text gets the same swap for its page links, document links and image embeds
(see ``richtext``). It also gives every stream child and list item a stable id when the file has none,
so that importing the same folder twice writes the same data.
"""

import uuid

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from . import richtext

ID_NAMESPACE = uuid.UUID("6c1f6f0e-3b5a-4d0c-9a0e-2f1c9b7d4e11")


class UnknownBlockType(Exception):
    def __init__(self, block_type, location):
        self.block_type = block_type
        self.location = location
        super().__init__(f"{location}: unknown block type {block_type!r}")


class ReferenceMapper:
    """Maps chooser values with ``image(value, location)`` and ``document(...)``.

    ``page(value, location)``, when given, maps the target of rich-text page links;
    without it they are left as they are.
    """

    def __init__(self, image, document, page=None, id_seed=None):
        self.image = image
        self.document = document
        self.page = page
        self.id_seed = id_seed

    def stable_id(self, location):
        if self.id_seed is None:
            return str(uuid.uuid4())
        return str(uuid.uuid5(ID_NAMESPACE, f"{self.id_seed}:{location}"))

    keep_unknown = False

    def walk(self, block, data, location, keep_unknown=False):
        """``keep_unknown`` passes blocks of removed plugins through untouched (for export)."""
        self.keep_unknown = keep_unknown
        return self._walk(block, data, location)

    def _walk(self, block, data, location):
        if data is None:
            return None
        if isinstance(block, blocks.BaseStreamBlock):
            return self._stream(block, data, location)
        if isinstance(block, blocks.BaseStructBlock):
            compact = getattr(block, "compact_field", None)  # stored as one field's value
            if compact and not isinstance(data, dict):
                return self._walk(block.child_blocks[compact], data, location)
            return self._struct(block, data, location)
        if isinstance(block, blocks.ListBlock):
            return self._list(block, data, location)
        if isinstance(block, ImageChooserBlock):
            return self.image(data, location)
        if isinstance(block, DocumentChooserBlock):
            return self.document(data, location)
        if isinstance(block, blocks.RichTextBlock) and isinstance(data, str):
            return richtext.rewrite(data, location, page=self.page, document=self.document, image=self.image)
        return data

    def _stream(self, block, data, location):
        if not isinstance(data, list):
            raise ValueError(f"{location}: expected a list of blocks")
        result = []
        for index, child in enumerate(data):
            where = f"{location}[{index}]"
            if not isinstance(child, dict) or "type" not in child:
                raise ValueError(f"{where}: a block needs a 'type' and a 'value'")
            child_block = block.child_blocks.get(child["type"])
            if child_block is None:
                if self.keep_unknown:
                    result.append(child)
                    continue
                raise UnknownBlockType(child["type"], where)
            result.append(
                {
                    "type": child["type"],
                    "value": self._walk(child_block, child.get("value"), f"{where}.{child['type']}"),
                    "id": child.get("id") or self.stable_id(where),
                }
            )
        return result

    def _struct(self, block, data, location):
        if not isinstance(data, dict):
            raise ValueError(f"{location}: expected a mapping of fields")
        unknown = set(data) - set(block.child_blocks)
        if unknown:
            raise ValueError(f"{location}: unknown fields {', '.join(sorted(unknown))}")
        return {
            name: self._walk(child, data[name], f"{location}.{name}")
            for name, child in block.child_blocks.items()
            if name in data
        }

    def _list(self, block, data, location):
        if not isinstance(data, list):
            raise ValueError(f"{location}: expected a list")
        result = []
        for index, item in enumerate(data):
            where = f"{location}[{index}]"
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                value, item_id = item["value"], item.get("id")
            else:
                value, item_id = item, None
            result.append(
                {
                    "type": "item",
                    "value": self._walk(block.child_block, value, where),
                    "id": item_id or self.stable_id(where),
                }
            )
        return result
