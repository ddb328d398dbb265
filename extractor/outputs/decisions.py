"""The editor's decisions in records.sqlite: the ``decisions`` table, and applying them to the outputs.

The table is history (``extractor/review/decisions.py`` says what a decision
is and how it is keyed): every decision ever taken, with who, when, what it
changed and from what. It is not part of the ledger: a fresh ``extract`` into
the folder carries it over into the new database (``carry_over``), and every
run ends by applying the decisions in force to the record tables
(``apply_decisions``) and to records.jsonl (``rewrite_jsonl``), so the CSVs
exported afterwards, ``extractor table`` and the review page all see them. A
decision whose record no longer exists is *orphaned*: kept, and reported.

This module and ``sqlite.py`` are the only places with SQL.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..review.decisions import Decision, Key, applies_to, apply
from .columns import TABLE_NAMES, flat_value
from .errors import OutputError

DECISIONS_TABLE = "decisions"
DECISIONS_SQL = f"""CREATE TABLE IF NOT EXISTS {DECISIONS_TABLE} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL, kind TEXT NOT NULL, place_start INTEGER, place_end INTEGER, place_text TEXT NOT NULL,
    action TEXT NOT NULL, changes TEXT NOT NULL, before TEXT NOT NULL, editor TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL,
    undoes INTEGER, moved TEXT NOT NULL DEFAULT '[]'
)"""
_COLUMNS = "id, sha256, kind, place_start, place_end, place_text, action, changes, before, editor, at, doc, undoes, moved"
_KINDS = {table: kind for kind, table in TABLE_NAMES.items()}
_DEFAULTS = {"moved": "'[]'", "doc": "''", "editor": "''"}  # for a decisions table written before these columns


@dataclass
class Applied:
    """What applying the decisions did: records under a decision, those it changed, and the decisions that found none."""

    applied: int = 0  # records under a decision in force
    changed: int = 0  # of those, the ones whose row this pass changed
    orphaned: list[Decision] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "orphaned": [{"doc": d.doc, "kind": d.kind, "text": d.text, "action": d.action, "at": d.at} for d in self.orphaned],
        }


def connect(database: Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection for the review app and the commands: explicit transactions, and a wait for another writer."""
    if readonly:
        db = sqlite3.connect(f"file:{quote(database.absolute().as_posix())}?mode=ro", uri=True, isolation_level=None)
    else:
        db = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA busy_timeout = 10000")  # two editors on one folder: the database serialises their writes
    return db


def ensure_table(db: sqlite3.Connection) -> None:
    db.execute(DECISIONS_SQL)


# -- carrying the history over -------------------------------------------------------------


def read_history(database: Path) -> list[tuple]:
    """Every decision in an existing database (oldest first); none when it is no database or has no such table.

    A table of an older layout gives what it has (a column it lacks takes its default). One that cannot be read
    stops the run before anything is touched: an editor's work is never dropped silently.
    """
    if not database.is_file():
        return []
    try:
        db = connect(database, readonly=True)
        present = {row[1] for row in db.execute(f'PRAGMA table_info("{DECISIONS_TABLE}")')}
    except sqlite3.DatabaseError:
        return []  # not a database at all: nothing of an editor's in it
    try:
        if not present:
            return []
        columns = ", ".join(name if name in present else _DEFAULTS.get(name, "NULL") for name in _COLUMNS.split(", "))
        return db.execute(f"SELECT {columns} FROM {DECISIONS_TABLE} ORDER BY id").fetchall()
    except sqlite3.DatabaseError as exc:
        raise OutputError(
            f"cannot read the editor's decisions in {database} ({exc}), so a new run would lose them. Nothing was changed. "
            "Move the folder away, or write to another folder with -o and import them later with 'extractor review --from'."
        ) from exc
    finally:
        db.close()


def carry_over(db: sqlite3.Connection, rows: list[tuple]) -> None:
    """Put a previous database's decisions, ids and all, into a new one (its schema already has the table)."""
    db.executemany(f"INSERT INTO {DECISIONS_TABLE} ({_COLUMNS}) VALUES ({', '.join('?' * 14)})", rows)


def import_history(db: sqlite3.Connection, rows: list[tuple]) -> int:
    """Add another folder's decisions (``review --from``) that this database does not have yet; how many were new."""
    ensure_table(db)
    mine = {row[1:] for row in db.execute(f"SELECT {_COLUMNS} FROM {DECISIONS_TABLE}")}
    new = [row[1:] for row in rows if row[1:] not in mine]
    db.execute("BEGIN IMMEDIATE")
    db.executemany(f"INSERT INTO {DECISIONS_TABLE} ({_COLUMNS.removeprefix('id, ')}) VALUES ({', '.join('?' * 13)})", new)
    db.execute("COMMIT")
    return len(new)


# -- reading and writing decisions ---------------------------------------------------------


def history(db: sqlite3.Connection, key: Key | None = None) -> list[Decision]:
    """Decisions oldest first: all of them, or those on one key."""
    if key is None:
        rows = db.execute(f"SELECT {_COLUMNS} FROM {DECISIONS_TABLE} ORDER BY id")
    else:
        sha256, kind, start, end, text = key
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM {DECISIONS_TABLE} WHERE sha256 = ? AND kind = ? AND place_start IS ? AND place_end IS ? "
            "AND place_text = ? ORDER BY id",
            (sha256, kind, start, end, text),
        )
    return [Decision.from_row(row) for row in rows]


def in_force(db: sqlite3.Connection) -> dict[Key, Decision]:
    """The latest decision on each key (a cleared one included: it puts the machine's values back)."""
    if not _has_table(db):
        return {}
    latest: dict[Key, Decision] = {}
    for decision in history(db):
        latest[decision.key] = decision
    return latest


def record_decision(db: sqlite3.Connection, decision: Decision, table: str, rowid: int, text: str) -> dict[str, Any]:
    """Store a decision and apply it to its record, in one transaction; the record as it now stands."""
    db.execute("BEGIN IMMEDIATE")  # a second editor waits here, then sees this one's decision
    try:
        db.execute(f"INSERT INTO {DECISIONS_TABLE} ({_COLUMNS.removeprefix('id, ')}) VALUES ({', '.join('?' * 13)})", decision.row())
        row = record_row(db, table, rowid)
        if row is None:
            raise LookupError(f"{table}:{rowid} no longer exists (the folder was extracted again): reload")
        _update(db, table, rowid, row, apply(row, decision))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return record_row(db, table, rowid) or {}


# -- records as the review app reads them ---------------------------------------------------


def documents(db: sqlite3.Connection) -> list[dict[str, Any]]:
    db.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in db.execute("SELECT doc, position, sha256, title, published FROM documents ORDER BY position")]
    finally:
        db.row_factory = None


def document_text(db: sqlite3.Connection, doc: str) -> tuple[str, str] | None:
    """A document's sha256 and normalized text."""
    row = db.execute("SELECT sha256, text FROM documents WHERE doc = ?", (doc,)).fetchone()
    return (row[0], row[1]) if row else None


def articles(db: sqlite3.Connection, doc: str) -> list[dict[str, Any]]:
    db.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in db.execute("SELECT * FROM articles WHERE doc = ? ORDER BY article", (doc,))]
    finally:
        db.row_factory = None


def records(db: sqlite3.Connection) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every record as (table, row with its rowid as ``id``), in input order."""
    db.row_factory = sqlite3.Row
    try:
        for table in TABLE_NAMES.values():
            query = f"SELECT t.rowid AS id, t.* FROM {table} t JOIN documents d ON d.doc = t.doc ORDER BY d.position, t.rowid"
            for row in db.execute(query):
                yield table, dict(row)
    finally:
        db.row_factory = None


def record_row(db: sqlite3.Connection, table: str, rowid: int) -> dict[str, Any] | None:
    if table not in _KINDS:
        raise LookupError(f"no record table {table!r}")
    db.row_factory = sqlite3.Row
    try:
        row = db.execute(f"SELECT rowid AS id, * FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
    finally:
        db.row_factory = None
    return dict(row) if row else None


def kind_of(table: str) -> str:
    return _KINDS[table]


# -- applying what is in force ---------------------------------------------------------------


def apply_decisions(db: sqlite3.Connection) -> Applied:
    """Apply every decision in force to the record tables, inside the caller's transaction; orphans reported."""
    result = Applied()
    matches, result.orphaned = _matches(db)
    for table, row, decision in matches:
        result.changed += _update(db, table, row["id"], row, apply(row, decision))
    result.applied = len(matches)
    return result


def orphans(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """The decisions in force whose record no longer exists, as the app lists them."""
    return Applied(orphaned=_matches(db)[1]).summary()["orphaned"]


def version(db: sqlite3.Connection) -> tuple:
    """Changes whenever a decision is taken or the folder is extracted again: when to rebuild the review pages."""
    decisions = db.execute(f"SELECT max(id) FROM {DECISIONS_TABLE}").fetchone()[0] if _has_table(db) else None
    documents = db.execute("SELECT count(*), group_concat(sha256) FROM documents").fetchone()
    return (decisions, *documents)


def _matches(db: sqlite3.Connection) -> tuple[list[tuple[str, dict[str, Any], Decision]], list[Decision]]:
    """Each record a decision in force is about, with the decision; and the decisions that found none."""
    decisions = in_force(db)
    if not decisions:
        return [], []
    by_document: dict[str, list[Decision]] = {}
    for decision in decisions.values():
        by_document.setdefault(decision.sha256, []).append(decision)
    found: set[Key] = set()
    matches = []
    for doc, (sha256, text) in _decided_documents(db, by_document).items():
        mine = by_document[sha256]
        for table in TABLE_NAMES.values():
            for row in _rows(db, table, doc):
                for decision in mine:
                    if applies_to(decision, _KINDS[table], row, text):
                        found.add(decision.key)
                        matches.append((table, row, decision))
    orphaned = [d for key, d in decisions.items() if key not in found and d.action != "clear"]
    return matches, orphaned


def _rows(db: sqlite3.Connection, table: str, doc: str) -> list[dict[str, Any]]:
    db.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in db.execute(f"SELECT rowid AS id, * FROM {table} WHERE doc = ?", (doc,))]
    finally:
        db.row_factory = None


def _update(db: sqlite3.Connection, table: str, rowid: int, old: dict[str, Any], new: dict[str, Any]) -> int:
    """Write the columns that changed; 1 when the row changed."""
    changed = {name: value for name, value in new.items() if name in old and name != "id" and _cell(value) != old[name]}
    if not changed:
        return 0
    assignments = ", ".join(f'"{name}" = ?' for name in changed)
    db.execute(f"UPDATE {table} SET {assignments} WHERE rowid = ?", (*(_cell(v) for v in changed.values()), rowid))
    return 1


def _cell(value: Any) -> Any:
    """A field's JSON value as its table cell holds it (``columns.py``)."""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return int(value)
    return flat_value(value)


def _has_table(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (DECISIONS_TABLE,)).fetchone() is not None


# -- records.jsonl ---------------------------------------------------------------------------


def rewrite_jsonl(db: sqlite3.Connection, path: Path, seal_name: str) -> Path | None:
    """records.jsonl with the decisions in force, written beside it; the seals in the ledger updated (caller's
    transaction). Returns the new file for the caller to move into place after its commit, or None (nothing to do)."""
    decisions = in_force(db)
    if not decisions or not path.exists():
        return None
    by_document: dict[str, list[Decision]] = {}
    for decision in decisions.values():
        by_document.setdefault(decision.sha256, []).append(decision)
    decided = _decided_documents(db, by_document)
    seals: dict[str, list[Any]] = {}
    partial = path.with_name(path.name + ".reviewed")
    with path.open("rb") as source, partial.open("wb") as target:
        for line in source:  # streamed; only the lines of documents with a decision are read as JSON
            doc = _line_doc(line)
            if doc in decided:
                sha256, text = decided[doc]
                record = json.loads(line)
                for decision in by_document[sha256]:
                    if applies_to(decision, record["kind"], record, text):
                        record = apply(record, decision)
                if record.get("review") or _reviewed(line):  # an untouched line stays byte for byte as the run wrote it
                    line = (json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")
                seal = seals.setdefault(doc, [0, hashlib.sha256()])
                seal[0] += 1
                seal[1].update(line)
            target.write(line)
    for doc, (lines, digest) in seals.items():
        row = db.execute("SELECT seals FROM documents WHERE doc = ?", (doc,)).fetchone()
        if row is not None:
            stored = json.loads(row[0])
            stored[seal_name] = f"{lines}:{digest.hexdigest()}"
            db.execute("UPDATE documents SET seals = ? WHERE doc = ?", (json.dumps(stored), doc))
    return partial


def _decided_documents(db: sqlite3.Connection, by_document: dict[str, list[Decision]]) -> dict[str, tuple[str, str]]:
    """The documents some decision is about: name → (sha256, text); only their texts are held in memory."""
    names = [(doc, sha256) for doc, sha256 in db.execute("SELECT doc, sha256 FROM documents") if sha256 in by_document]
    return {doc: (sha256, db.execute("SELECT text FROM documents WHERE doc = ?", (doc,)).fetchone()[0]) for doc, sha256 in names}


_DECODER = json.JSONDecoder()
_DOC_FIELD = b'"doc": '


def _line_doc(line: bytes) -> str | None:
    """The document of a records.jsonl line, read from its head (``jsonl.record_row`` puts ``doc`` second)."""
    at = line.find(_DOC_FIELD)
    if at == -1:
        return None
    try:
        doc, _ = _DECODER.raw_decode(line[at + len(_DOC_FIELD) : at + len(_DOC_FIELD) + 4096].decode("utf-8", "ignore"))
    except ValueError:
        return None
    return doc if isinstance(doc, str) else None


def _reviewed(line: bytes) -> bool:
    """A line a decision changed before (it may need putting back)."""
    return b'"review": ""' not in line


def close_quietly(db: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):
        db.close()
