"""Records as flat table rows, with columns derived from the models (shared by the SQLite and CSV writers).

Nothing here lists a record's fields: the columns are the Pydantic model's
fields in order, with ``evidence`` spread into ``evidence_start``,
``evidence_end`` and ``evidence_text``, and lists and nested models (a
figure's ``value_span``) stored as JSON text.
"""

from __future__ import annotations

import functools
import json
import operator
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any

from pydantic import BaseModel

from ..models import RECORD_TYPES, Article, Evidence, Record

KEY_COLUMNS = ("doc", "article")
TABLE_NAMES = {kind: f"{kind}s" for kind in RECORD_TYPES}  # park → parks
EVIDENCE_COLUMNS = ("evidence_start", "evidence_end", "evidence_text")
_RECORD_LISTS = ("parks", "initiatives", "figures", "quotes")


def record_columns(model: type[Record]) -> list[str]:
    """CSV/SQL columns of a record kind, in model field order."""
    columns = list(KEY_COLUMNS)
    for name in _field_names(model):
        columns += EVIDENCE_COLUMNS if name == "evidence" else [name]
    return columns


def record_row(record: Record, doc: str, article: int) -> tuple:
    """One flat row in ``record_columns`` order: scalars as they are, enums by value, lists and nested models as
    JSON, evidence spread out."""
    row: list[Any] = [doc, article]
    plain = _PLAIN_TYPES
    evidence_at, fields = _field_reader(type(record))
    for index, value in enumerate(fields(record)):
        if index == evidence_at:
            evidence: Evidence | None = value
            row += (evidence.start, evidence.end, evidence.text) if evidence else (None,) * 3
        else:
            row.append(value if type(value) in plain else flat_value(value))
    return tuple(row)


@functools.cache
def _field_names(model: type[Record]) -> tuple[str, ...]:
    return tuple(name for name in model.model_fields if name != "kind")


@functools.cache
def _field_reader(model: type[Record]) -> tuple[int, Callable[[Record], tuple]]:
    """Where evidence sits among a kind's fields, and one getter of all of them (every record row reads them all)."""
    names = _field_names(model)
    evidence_at = names.index("evidence") if "evidence" in names else -1
    getter = operator.attrgetter(*names)
    return evidence_at, (getter if len(names) > 1 else lambda record: (getter(record),))


_PLAIN_TYPES = frozenset((str, int, float, bool, type(None)))  # exactly these (a str enum is not one): stored as they are


def flat_value(value: Any) -> Any:
    if type(value) in _PLAIN_TYPES:  # most cells: one set lookup instead of three isinstance checks
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, BaseModel):
        return value.model_dump_json()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def article_columns() -> list[str]:
    """The articles table: an article's own scalar fields (its records have tables of their own)."""
    return list(KEY_COLUMNS) + [name for name in Article.model_fields if name != "index" and name not in _RECORD_LISTS]


def article_row(article: Article, doc: str) -> tuple:
    """The articles table's row, in ``article_columns`` order."""
    return (doc, article.index, *(getattr(article, name) for name in _ARTICLE_FIELDS))


def sql_type(model: type[BaseModel], column: str) -> str:
    if column in ("article", "evidence_start", "evidence_end"):
        return "INTEGER"
    if column in KEY_COLUMNS or column == "evidence_text" or column not in model.model_fields:
        return "TEXT"
    for candidate in _flatten(model.model_fields[column].annotation):
        if candidate is float:
            return "REAL"
        if candidate is int or candidate is bool:
            return "INTEGER"
    return "TEXT"


def _flatten(annotation: Any) -> list[Any]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return [a for arg in typing.get_args(annotation) for a in _flatten(arg)]
    return [annotation]


_ARTICLE_FIELDS = tuple(article_columns()[len(KEY_COLUMNS) :])
