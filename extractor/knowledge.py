"""The one reader of the knowledge files (extractor/data/*.toml).

``data(name)`` is a file's parsed content, read once. ``load(name, Type, table)``
builds a frozen dataclass from one table of a file by the dataclass's field
names, so an entry is named once: its TOML key is the field's name. A value is
converted by the field's type (a pattern is compiled, a list becomes a frozenset
or a tuple); a key the dataclass does not know, or a field the file lacks,
stops with a ``KnowledgeError`` naming the file and the entry.
``examples(name)`` gives the example sentences a file carries for the tests.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import tomllib
import typing
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any, TypeVar

T = TypeVar("T")


class KnowledgeError(ValueError):
    """A knowledge file does not hold what the code reads from it."""


def data(name: str) -> dict[str, Any]:
    """A knowledge file of the package (``extractor/data/<name>``): a copy of what was parsed once, the caller's to change."""
    return copy.deepcopy(_parsed(name))


@cache
def _parsed(name: str) -> dict[str, Any]:
    text = resources.files("extractor").joinpath("data", name).read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"extractor/data/{name}: {exc}") from exc


def examples(name: str) -> list[dict[str, Any]]:
    """The file's ``[[examples]]`` (for the tests)."""
    return data(name)["examples"]


@cache
def metric_keys() -> tuple[str, ...]:
    """The canonical metric keys of the lexicon (extractor/data/metrics.toml), then ``other``: the LLM answer's schema
    and the review's decisions both check a figure's key against them."""
    keys = tuple(dict.fromkeys(entry["key"] for entry in _parsed("metrics.toml")["metric"]))
    return (*keys, "other") if "other" not in keys else keys


def table(name: str, path: str = "") -> dict[str, Any]:
    """A table of a file by its dotted path (``""``: the whole file)."""
    found: Any = _parsed(name)
    for part in filter(None, path.split(".")):
        if not isinstance(found, dict) or part not in found:
            raise KnowledgeError(f"extractor/data/{name}: no table [{path}]")
        found = found[part]
    return found


@cache
def load(name: str, kind: type[T], path: str = "", skip: Iterable[str] = ()) -> T:
    """The dataclass ``kind`` built from the table ``path`` of ``name`` (keys = field names; ``skip``: keys read elsewhere)."""
    entries = table(name, path)
    where = f"extractor/data/{name}" + (f" [{path}]" if path else "")
    fields = {field.name: field for field in dataclasses.fields(kind)}  # type: ignore[arg-type]
    unknown = set(entries) - set(fields) - set(skip)
    missing = {n for n, f in fields.items() if n not in entries and f.default is dataclasses.MISSING}
    if unknown or missing:
        detail = "; ".join(
            part for part in (f"unknown {sorted(unknown)}" if unknown else "", f"missing {sorted(missing)}" if missing else "") if part
        )
        raise KnowledgeError(f"{where}: {detail} (the entries are the fields of {kind.__name__})")
    hints = typing.get_type_hints(kind)
    values = {}
    for field_name in fields:
        if field_name in entries:
            try:
                values[field_name] = _converter(hints[field_name])(entries[field_name])
            except (TypeError, ValueError, re.error) as exc:
                raise KnowledgeError(f"{where}: entry {field_name!r}: {exc}") from exc
    return kind(**values)


def _converter(hint: Any) -> Callable[[Any], Any]:
    """How a TOML value becomes a field of this type."""
    origin = typing.get_origin(hint) or hint
    if origin is re.Pattern:
        return re.compile
    if origin in (frozenset, tuple, int, bool, str, float):
        return origin
    return lambda value: value
