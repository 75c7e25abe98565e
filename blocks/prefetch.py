"""Fetch every image and document a lesson body names in one query per model.

Wagtail converts a stream one block type at a time, and each chooser inside a block
type asks the database on its own: a topic with figures, a video (file, poster,
captions), course documents and a tool sheet's template makes a query for each of
those choosers. ``PrefetchingStreamValue`` reads the whole body's raw data first,
collects the ids every chooser will need, grouped by model, and fetches them at once;
the choosers (``PrefetchingChooserMixin``) then take their objects from that batch.
The number of queries a topic makes no longer depends on which blocks it holds.

A chooser outside a lesson body, or one asked for an id the batch does not hold,
simply queries as Wagtail's own would.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from contextvars import ContextVar

from wagtail import blocks
from wagtail.blocks.stream_block import StreamValue
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from files.renditions import RENDITIONS

# The objects fetched for the stream being converted: {model: {pk: instance}}.
_batch: ContextVar[dict | None] = ContextVar("lectern_chooser_batch", default=None)


class PrefetchingChooserMixin:
    """A chooser that takes its objects from the page's batch when there is one."""

    def batch_queryset(self):
        """The queryset the batch fetches this chooser's model with."""
        return self.model_class._default_manager.all()

    def bulk_to_python(self, values):
        values = list(values)
        found = (_batch.get() or {}).get(self.model_class)
        if found is None or any(value is not None and value not in found for value in values):
            return super().bulk_to_python(values)
        result, seen = [], set()
        for value in values:
            obj = found.get(value)
            # Each occurrence gets its own instance, as Wagtail's own bulk_to_python does.
            result.append(copy.copy(obj) if obj is not None and value in seen else obj)
            seen.add(value)
        return result


class PrefetchingImageChooserBlock(PrefetchingChooserMixin, ImageChooserBlock):
    """An image chooser whose images come with the renditions learner pages use."""

    def batch_queryset(self):
        return self.model_class._default_manager.prefetch_renditions(*RENDITIONS)

    def bulk_to_python(self, values):
        values = list(values)
        if _batch.get() is None:  # outside a lesson body: images and renditions in two queries
            images = self.batch_queryset().in_bulk([value for value in values if value is not None])
            return [images.get(value) for value in values]
        return super().bulk_to_python(values)


class PrefetchingDocumentChooserBlock(PrefetchingChooserMixin, DocumentChooserBlock):
    pass


def collect(block, raw, wanted) -> None:
    """Add to ``wanted`` ({model: (chooser, ids)}) every id the choosers in ``raw`` will need."""
    if raw is None:
        return
    if isinstance(block, PrefetchingChooserMixin):
        if isinstance(raw, int):
            wanted.setdefault(block.model_class, (block, set()))[1].add(raw)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            collect(child, raw.get(name), wanted)
    elif isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        for item in raw:
            is_block_format = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            collect(block.child_block, item["value"] if is_block_format else item, wanted)
    elif isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        for item in raw:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                collect(block.child_blocks[item["type"]], item.get("value"), wanted)


def fetch(stream_block, raw_items) -> dict:
    """{model: {pk: instance}} for every chooser id in the raw stream items, a query per model."""
    wanted: dict = {}
    collect(stream_block, [item for item in raw_items if item is not None], wanted)
    batch = defaultdict(dict)
    for model, (chooser, ids) in wanted.items():
        batch[model] = chooser.batch_queryset().in_bulk(ids)
    return dict(batch)


class PrefetchingStreamValue(StreamValue):
    """A lazy stream value that fetches all its choosers' objects before the first block is read."""

    _batch = None

    def _prefetch_blocks(self, type_name):
        if self._batch is None:
            self._batch = fetch(self.stream_block, self._raw_data)
        token = _batch.set(self._batch)
        try:
            super()._prefetch_blocks(type_name)
        finally:
            _batch.reset(token)
