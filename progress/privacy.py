"""What the site knows about a learner: exported on request, erased with the account.

A tiny registry, so each learner-facing app adds its own part without this module
knowing it: ``register_export_section("certificates", certificates_of)`` puts a
section in "Download my data"; ``register_eraser("certificates", anonymise)`` runs
when the learner deletes their account, before the account itself goes.
"""

from collections.abc import Callable

from django.db import transaction

_export_sections: dict[str, Callable] = {}
_erasers: dict[str, Callable] = {}


def _register(pool: dict, name: str, function: Callable) -> None:
    if name in pool:
        raise ValueError(f"{name!r} is already registered")
    pool[name] = function


def register_export_section(name: str, function: Callable) -> None:
    """``function(user)`` returns JSON-ready data for the section ``name`` of the export."""
    _register(_export_sections, name, function)


def register_eraser(name: str, function: Callable) -> None:
    """``function(user)`` removes or anonymises what an app keeps about ``user``."""
    _register(_erasers, name, function)


def unregister(name: str) -> None:
    """For tests: forget a section and an eraser of that name."""
    _export_sections.pop(name, None)
    _erasers.pop(name, None)


def export_data(user) -> dict:
    """Every registered section, in the order the apps registered them."""
    return {name: function(user) for name, function in _export_sections.items()}


@transaction.atomic
def erase_learner(user) -> None:
    """Run every eraser, then delete the account (its progress and profile go with it)."""
    for function in _erasers.values():
        function(user)
    user.delete()
