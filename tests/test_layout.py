"""The layout docs/developers.md describes stays true: who may import whom.

The course stands on its own: course pages (cms) import blocks and files, and search
only through the small protocol search defines; blocks import files only; files and
search import none of Lectern's packages. The learner side, roles and the reports
import the course, never the other way round. A new package must be placed here (and
in the guide) before it can be imported from anywhere.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

MAY_IMPORT = {
    "files": set(),
    "search": set(),
    "blocks": {"files"},
    "cms": {"blocks", "files", "search"},
    "roles": {"cms", "blocks", "files", "search"},
    "progress": {"cms", "blocks", "files", "search", "roles"},
    "surveys": {"cms", "blocks", "files", "progress", "roles"},
    "reports": {"cms", "blocks", "files", "progress", "roles", "surveys"},
}


def lectern_packages():
    return sorted(
        path.parent.name
        for path in ROOT.glob("*/apps.py")
        if (path.parent / "__init__.py").exists() and path.parent.name != "tests"
    )


def imported_packages(package):
    """Every Lectern package named by an import anywhere in ``package`` (migrations aside)."""
    names = set()
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return (names & set(lectern_packages())) - {package}


def test_every_lectern_package_has_a_place_in_the_layout():
    assert set(lectern_packages()) <= set(MAY_IMPORT), (
        "add the new package to MAY_IMPORT and docs/developers.md"
    )


@pytest.mark.parametrize("package", sorted(MAY_IMPORT))
def test_a_package_imports_only_what_the_layout_allows(package):
    if not (ROOT / package).is_dir():
        pytest.skip(f"{package}/ is not in this tree")
    forbidden = imported_packages(package) - MAY_IMPORT[package]
    assert not forbidden, f"{package} imports {sorted(forbidden)}, which the layout forbids"
