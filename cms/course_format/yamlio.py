"""Reading and writing the files of a course folder, deterministically.

Exports must be byte-for-byte repeatable, so keys keep their order, text is written
as UTF-8 and multi-line strings use block style. Exports are YAML; a folder written
by hand or by another tool may hold JSON files instead (``course.json``…), read with
the JSON parser so that a broken one is reported as JSON.
"""

import json
from pathlib import Path

import yaml

from .errors import CourseFormatError


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump(data, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")


def load(path: Path, expect=dict, root: Path | None = None):
    """Load one YAML or JSON file, refusing anything that is not the shape expected."""
    shown = path.relative_to(root) if root else path
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise CourseFormatError(shown, f"is not valid JSON ({where}): {error.msg}") from error
    except FileNotFoundError as error:
        raise CourseFormatError(shown, "file is missing") from error
    except UnicodeDecodeError as error:
        raise CourseFormatError(shown, "file is not UTF-8 text") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise CourseFormatError(shown, f"is not valid YAML{where}: {problem}") from error
    if data is None:
        data = expect()
    if not isinstance(data, expect):
        raise CourseFormatError(shown, f"should contain a {expect.__name__}, found {type(data).__name__}")
    return data
