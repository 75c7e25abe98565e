"""The pool of learning blocks that the lesson body offers.

Core blocks register first, in a fixed order; plugins follow in the order their
apps are installed. The pool refuses a second block of the same name and a block
whose template does not exist, so a typo fails at start-up, not on a learner's page.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.core.exceptions import ImproperlyConfigured
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from wagtail.blocks import Block


class AlreadyRegistered(ImproperlyConfigured):
    pass


class BlockRegistry:
    def __init__(self):
        self._blocks: dict[str, Block] = {}
        self.version = 0

    def register(self, name: str, block: Block | type[Block]) -> Block:
        if isinstance(block, type):
            block = block()
        if name in self._blocks:
            raise AlreadyRegistered(f"A learning block named {name!r} is already registered.")
        template = getattr(block.meta, "template", None)
        if template:
            try:
                get_template(template)
            except TemplateDoesNotExist as error:
                raise ImproperlyConfigured(
                    f"The template {template!r} of block {name!r} does not exist."
                ) from error
        self._blocks[name] = block
        self.version += 1
        return block

    def unregister(self, name: str) -> None:
        del self._blocks[name]
        self.version += 1

    @contextmanager
    def temporarily(self, name: str, block: Block | type[Block] | None):
        """Within the ``with``, ``name`` is ``block`` (or absent, for None); then as before.

        For tests, as Wagtail's ``register_temporarily``: a plugin removed for one test,
        a block added for one. The pool's order is restored too.
        """
        saved = dict(self._blocks)
        try:
            self._blocks.pop(name, None)
            self.version += 1
            yield self.register(name, block) if block is not None else None
        finally:
            self._blocks = saved
            self.version += 1

    def search_kinds(self) -> dict:
        """Every kind of search document the registered blocks give, with its translated label."""
        labels = {}
        for block in self._blocks.values():
            kind_labels = getattr(block, "search_kind_labels", None)
            labels.update(kind_labels() if kind_labels else {})
        return labels

    def __contains__(self, name: str) -> bool:
        return name in self._blocks

    def __getitem__(self, name: str) -> Block:
        return self._blocks[name]

    def items(self) -> list[tuple[str, Block]]:
        return list(self._blocks.items())

    def names(self) -> list[str]:
        return list(self._blocks)


registry = BlockRegistry()


def search_kinds() -> dict:
    """What ``LECTERN_SEARCH_KINDS`` names: search asks it for kind labels without importing blocks."""
    return registry.search_kinds()
