"""The one reader of the knowledge files (extractor/data/*.toml).

``data(name)`` is a file's parsed content, read once. ``load(name, Type, table)``
builds a frozen dataclass from one table of a file by the dataclass's field
names, so an entry is named once: its TOML key is the field's name. A value is
converted by the field's type (a pattern is compiled, a list becomes a frozenset
or a tuple); a key the dataclass does not know, or a field the file lacks,
stops with a ``KnowledgeError`` naming the file and the entry.
``examples(name)`` gives the example sentences a file carries for the tests; ``csv_rows(name)`` the rows of a
CSV file (places.csv).
"""

from __future__ import annotations

import copy
import csv
import dataclasses
import re
import tomllib
import typing
from collections.abc import Iterable
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


def csv_rows(name: str) -> list[dict[str, str]]:
    """The rows of a CSV file of the package (``extractor/data/<name>``, a header line first), each by its column names."""
    text = resources.files("extractor").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


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
    """The dataclass ``kind`` built from the table ``path`` of ``name`` (keys = field names; ``skip``: keys read elsewhere).

    A field whose type is a dataclass is built from a table the same way, and a ``tuple[Dataclass, ...]`` from an
    array of tables (``[[metric]]``), each entry checked on its own and named in an error by its place and key.
    """
    return _build(kind, table(name, path), name, path, frozenset(skip))


def _build(kind: type[T], entries: Any, name: str, path: str, skip: frozenset[str] = frozenset()) -> T:
    """The dataclass ``kind`` from the table at ``path`` of ``name``, every key a field and every required field a key."""
    where = f"extractor/data/{name}" + (f" [{path}]" if path else "")
    if not isinstance(entries, dict):
        raise KnowledgeError(f"{where}: a table expected, not {type(entries).__name__} (the fields of {kind.__name__})")
    fields = {field.name: field for field in dataclasses.fields(kind)}  # type: ignore[arg-type]
    unknown = set(entries) - set(fields) - skip
    required = {n for n, f in fields.items() if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    missing = required - set(entries)
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
                values[field_name] = _convert(hints[field_name], entries[field_name], name, f"{path}.{field_name}".lstrip("."))
            except KnowledgeError:
                raise  # a nested entry's own error names it already
            except (TypeError, ValueError, re.error) as exc:
                raise KnowledgeError(f"{where}: entry {field_name!r}: {exc}") from exc
    return kind(**values)


def _convert(hint: Any, value: Any, name: str, path: str) -> Any:
    """A TOML value as a field of this type: a table as a dataclass, an array of tables as a tuple of them, a
    pattern compiled, a list as a frozenset or tuple."""
    origin = typing.get_origin(hint) or hint
    arguments = typing.get_args(hint)
    if dataclasses.is_dataclass(origin):
        return _build(origin, value, name, path)  # type: ignore[arg-type]
    if origin is tuple and arguments and dataclasses.is_dataclass(arguments[0]):
        entry = arguments[0]
        return tuple(_build(entry, item, name, f"{path} #{index}{_entry_name(item)}") for index, item in enumerate(value, 1))
    if origin is re.Pattern:
        return re.compile(value)
    if origin in (frozenset, tuple, int, bool, str, float):
        return origin(value)
    return value


def _entry_name(item: Any) -> str:
    """How an entry of an array of tables is named in an error: by its key, name or canonical spelling."""
    if isinstance(item, dict):
        for field_name in ("key", "name", "canonical"):
            if isinstance(item.get(field_name), str):
                return f" ({field_name} = {item[field_name]!r})"
    return ""
