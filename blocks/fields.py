"""The lesson body field, whose blocks come from the registry at run time.

A StreamField normally freezes its block definitions into every migration, so each
new block, option or plugin would need ``makemigrations``, and a plugin installed on
one machine but not another would make migrations differ. ``LessonBodyField`` keeps
the registry out of the migration state: it deconstructs without block definitions,
and builds its StreamBlock from the registry when first used (and again whenever
the registry changes).
"""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.telepath import register
from wagtail.blocks import StreamBlock
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockAdapter, StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import StreamField

from . import unavailable
from .prefetch import PrefetchingStreamValue
from .registry import registry

# Ids the topic page itself uses; a section anchor must not take one of them.
PAGE_IDS = {"main", "toc-title", "outcomes-title", "authors-title", "site-q"}


class LessonStreamBlock(StreamBlock):
    """The lesson body; blocks of removed plugins are kept (see ``blocks.unavailable``)."""

    def clean(self, value):
        """Every section and every glossary term of a topic needs its own anchor: a link, a
        search hit or a contents entry pointing at a shared one would land on the wrong one."""
        cleaned = super().clean(value)
        seen, errors = set(), {}
        for index, child in enumerate(cleaned):
            error = self._section_error(child, seen) or self._term_error(child, seen)
            if error is not None:
                errors[index] = error
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return cleaned

    @staticmethod
    def _section_error(child, seen: set):
        toc_entries = getattr(child.block, "toc_entries", None)
        for _level, _text, anchor in toc_entries(child.value) if toc_entries else []:
            if anchor in PAGE_IDS:
                message = _("“%(anchor)s” is used by the page itself: choose another anchor.")
            elif anchor in seen:
                message = _(
                    "“%(anchor)s” is already the anchor of an earlier section of this topic: "
                    "change the title or give this one its own anchor."
                )
            else:
                seen.add(anchor)
                continue
            error = ValidationError(message, params={"anchor": anchor})
            field = next((name for name in ("anchor", "title", "text") if child.value.get(name)), None)
            return StructBlockValidationError(block_errors={field: error}) if field else error
        return None

    @staticmethod
    def _term_error(child, seen: set):
        """A term of a second vocab sheet whose link (``#term-…``) an earlier block already has."""
        entries = getattr(child.block, "glossary_entries", None)
        term_errors = {}
        for position, entry in enumerate(entries(child.value) if entries else []):
            if entry.anchor in seen:
                message = _(
                    "“%(term)s” is already a term of an earlier sheet of this topic, so its link would "
                    "open that one: keep the term in one sheet only."
                )
                term_errors[position] = StructBlockValidationError(
                    {"term": ValidationError(message % {"term": entry.term})}
                )
            seen.add(entry.anchor)
        if not term_errors:
            return None
        return StructBlockValidationError({"terms": ListBlockValidationError(block_errors=term_errors)})

    def _known(self, child):
        return not isinstance(child, dict) or child.get("type") in self.child_blocks

    def to_python(self, value):
        if isinstance(value, str) and value:
            try:  # revisions hold the body as a JSON string
                value = json.loads(value)
            except ValueError:
                return super().to_python(value)
        if isinstance(value, list) and value and isinstance(value[0], dict):
            # Every child is now of a known type; its choosers' objects come in one batch.
            value = [child if self._known(child) else unavailable.wrap(child) for child in value]
            return PrefetchingStreamValue(self, value, is_lazy=True)
        return super().to_python(value)

    def get_prep_value(self, value):
        # Convert every lazy child before saving: list items written without ids
        # (hand-made JSON, old data) get their ids now and keep them, so option
        # tokens and anchors derived from ids stay stable from one request to the next.
        for child in value or []:
            child.value  # noqa: B018
        prepared = super().get_prep_value(value)
        result = []
        for child in prepared:
            if child.get("type") == unavailable.NAME:
                child = unavailable.unwrap(child)
            if child is not None:
                result.append(child)
        return result


class LessonStreamBlockAdapter(StreamBlockAdapter):
    """Keeps the unavailable block out of the **+** menu (Wagtail has no option for it).

    Its definition is still sent, so that such blocks already in a page show and save.
    """

    js_constructor = "lectern.blocks.LessonStreamBlock"

    def js_args(self, block):
        name, groups, states, meta = super().js_args(block)
        return [name, groups, states, {**meta, "hiddenFromMenu": [unavailable.NAME]}]

    @cached_property
    def media(self):
        return super().media + forms.Media(js=["blocks/js/lesson-body.js"])


register(LessonStreamBlockAdapter(), LessonStreamBlock)


class LessonBodyField(StreamField):
    def __init__(self, *args, **kwargs):
        kwargs.pop("block_lookup", None)
        super().__init__(block_types=None, **kwargs)
        self._built_for_version = None
        self._stream_block = None

    @property
    def stream_block(self):
        if self._stream_block is None or self._built_for_version != registry.version:
            children = [(name, block) for name, block in registry.items()]
            children.append((unavailable.NAME, unavailable.UnavailableBlock()))
            block = LessonStreamBlock(children)
            block.set_meta_options(self.block_opts)
            block.set_name(self.name or "body")
            self._stream_block = block
            self._built_for_version = registry.version
        return self._stream_block

    def deconstruct(self):
        name, _path, _args, kwargs = super(StreamField, self).deconstruct()
        return name, "blocks.fields.LessonBodyField", [], kwargs
