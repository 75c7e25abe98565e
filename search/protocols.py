"""What a page offers search, so that search never knows the course's page classes.

A page is searched when it implements ``Searchable`` (Wagtail's ``index.Indexed`` is the
model): it says where it sits in the course and which blocks and running text it holds.
The course's topic pages implement it (cms/models/pages.py); any other page is not
searched. Progress may use the same protocol to decide what a topic is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True)
class CoursePlace:
    """The course, module and lesson a page sits in (any may be missing)."""

    course: Any = None
    module: Any = None
    lesson: Any = None


@runtime_checkable
class Searchable(Protocol):
    def search_place(self) -> CoursePlace:
        """The course, module and lesson pages above this one."""

    def search_blocks(self) -> Iterable[Any]:
        """The page's stream children (``child.block``, ``child.value``, ``child.id``)."""

    def search_introduction(self) -> str:
        """Running text shown before the blocks, searched with the page's own document."""
