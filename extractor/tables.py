"""Records as table rows: CSV files and a SQLite database, with columns derived from the models.

Nothing here lists a record's fields: the columns are the Pydantic model's
fields in order, with ``evidence`` spread into ``evidence_start``,
``evidence_end`` and ``evidence_text`` and lists stored as JSON text.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from .facts import facts_view_sql
from .models import RECORD_TYPES, Article, DocumentMeta, Evidence, Record

KEY_COLUMNS = ("doc", "article")
TABLE_NAMES = {kind: f"{kind}s" for kind in RECORD_TYPES}  # park → parks
_EVIDENCE_COLUMNS = ("evidence_start", "evidence_end", "evidence_text")


def record_columns(model: type[Record]) -> list[str]:
    """CSV/SQL columns of a record kind, in model field order."""
    columns = list(KEY_COLUMNS)
    for name in model.model_fields:
        if name == "kind":
            continue
        columns += _EVIDENCE_COLUMNS if name == "evidence" else [name]
    return columns


def record_row(record: Record, doc: str, article: int) -> dict[str, Any]:
    """One flat row: scalars as they are, enums by value, lists as JSON, evidence spread out."""
    row: dict[str, Any] = {"doc": doc, "article": article}
    for name in type(record).model_fields:
        if name == "kind":
            continue
        value = getattr(record, name)
        if name == "evidence":
            evidence: Evidence | None = value
            row.update(zip(_EVIDENCE_COLUMNS, (evidence.start, evidence.end, evidence.text) if evidence else (None,) * 3, strict=True))
        elif isinstance(value, Enum):
            row[name] = value.value
        elif isinstance(value, list):
            row[name] = json.dumps(value, ensure_ascii=False)
        else:
            row[name] = value
    return row


_RECORD_LISTS = ("parks", "initiatives", "figures", "quotes")


def article_columns() -> list[str]:
    """The articles table: an article's own scalar fields (its records have tables of their own)."""
    return list(KEY_COLUMNS) + [name for name in Article.model_fields if name != "index" and name not in _RECORD_LISTS]


def article_row(article: Article, doc: str) -> dict[str, Any]:
    return {"doc": doc, "article": article.index, **{name: getattr(article, name) for name in article_columns()[2:]}}


def sql_type(model: type[Record] | type[Article], column: str) -> str:
    if column in ("article", "evidence_start", "evidence_end"):
        return "INTEGER"
    if column in KEY_COLUMNS or column == "evidence_text":
        return "TEXT"
    if column not in model.model_fields:
        return "TEXT"
    annotation = model.model_fields[column].annotation
    for candidate in _flatten(annotation):
        if candidate is float:
            return "REAL"
        if candidate is int:
            return "INTEGER"
    return "TEXT"


def _flatten(annotation: Any) -> list[Any]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return [a for arg in typing.get_args(annotation) for a in _flatten(arg)]
    return [annotation]


def export_csv(database: Path, out_dir: Path) -> list[Path]:
    """figures.csv, quotes.csv, parks.csv, initiatives.csv from the database: UTF-8 with BOM so Excel shows Chinese."""
    written = []
    with sqlite3.connect(database) as db:
        for kind, model in RECORD_TYPES.items():
            table, columns = TABLE_NAMES[kind], record_columns(model)
            path = out_dir / f"{table}.csv"
            quoted = ", ".join(f'"{column}"' for column in columns)
            with path.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(columns)
                writer.writerows(db.execute(f"SELECT {quoted} FROM {table} ORDER BY rowid"))
            written.append(path)
    return written


class SqliteWriter:
    """records.sqlite: documents, articles and a table per record kind, one transaction per document."""

    def __init__(self, path: Path, keep_existing: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not keep_existing:
            path.unlink(missing_ok=True)
        exists = path.exists()
        self._db = sqlite3.connect(path, isolation_level=None)  # transactions are explicit
        if not exists:
            self._db.executescript(schema_sql())

    def begin_document(self, doc: str, text: str, sha256: str, encoding: str, meta: DocumentMeta | None = None) -> None:
        """Open the document's transaction; rows are written as articles come, so memory stays flat."""
        self._db.execute("BEGIN")
        row = {"doc": doc, "sha256": sha256, "encoding": encoding, "text": text, **(meta or DocumentMeta()).model_dump()}
        self._db.execute(*_insert("documents", row))

    def write_article(self, doc: str, article: Article) -> None:
        self._db.execute(*_insert("articles", article_row(article, doc)))
        for record in article.records():
            self._db.execute(*_insert(TABLE_NAMES[record.kind], record_row(record, doc, article.index)))

    def end_document(self) -> None:
        """Commit the document: an interrupted run leaves no half-written document."""
        self._db.execute("COMMIT")

    def abandon_document(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SqliteWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _insert(table: str, row: dict[str, Any]) -> tuple[str, tuple]:
    names = ", ".join(f'"{column}"' for column in row)
    marks = ", ".join("?" for _ in row)
    return f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(row.values())


def schema_sql() -> str:
    """CREATE statements for every table, derived from the models."""
    statements = [
        "CREATE TABLE documents (doc TEXT PRIMARY KEY, sha256 TEXT, encoding TEXT, text TEXT, "
        + ", ".join(f'"{name}" TEXT' for name in DocumentMeta.model_fields)  # when and where it was published
        + ")",
        "CREATE TABLE articles ("
        + ", ".join(f'"{column}" {sql_type(Article, column)}' for column in article_columns())
        + ", PRIMARY KEY (doc, article))",
    ]
    for kind, model in RECORD_TYPES.items():
        table = TABLE_NAMES[kind]
        columns = ", ".join(f'"{column}" {sql_type(model, column)}' for column in record_columns(model))
        statements.append(f"CREATE TABLE {table} ({columns})")
        statements.append(f"CREATE INDEX {table}_doc ON {table} (doc, article)")
    statements += [
        "CREATE INDEX figures_subject ON figures (subject)",
        "CREATE INDEX initiatives_park ON initiatives (park)",
        "CREATE INDEX parks_name ON parks (name)",
    ]
    # The analyst's table (facts.py): one row per fact with its sources, as a view.
    statements.append(facts_view_sql())
    return ";\n".join(statements) + ";"
