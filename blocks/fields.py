"""The lesson body field, whose blocks come from the registry at run time.

A StreamField normally freezes its block definitions into every migration, so each
new block, option or plugin would need ``makemigrations``, and a plugin installed on
one machine but not another would make migrations differ. ``LessonBodyField`` keeps
the registry out of the migration state: it deconstructs without block definitions,
and builds its StreamBlock from the registry when first used.
"""

from wagtail.blocks import StreamBlock
from wagtail.fields import StreamField

from .registry import registry


class LessonStreamBlock(StreamBlock):
    class Meta:
        block_counts = {}


class LessonBodyField(StreamField):
    def __init__(self, *args, **kwargs):
        kwargs.pop("block_lookup", None)
        super().__init__(block_types=None, **kwargs)
        self._built_for_version = None
        self._stream_block = None

    @property
    def stream_block(self):
        if self._stream_block is None or self._built_for_version != registry.version:
            block = LessonStreamBlock([(name, block) for name, block in registry.items()])
            block.set_meta_options(self.block_opts)
            block.set_name(self.name or "body")
            self._stream_block = block
            self._built_for_version = registry.version
        return self._stream_block

    def deconstruct(self):
        name, _path, _args, kwargs = super(StreamField, self).deconstruct()
        return name, "blocks.fields.LessonBodyField", [], kwargs
