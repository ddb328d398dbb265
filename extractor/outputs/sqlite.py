"""records.sqlite: documents, articles and a table per record kind, one transaction per document.

The columns come from the models (``columns.py``). The database is also the
ledger of a run: a document is finished when its transaction commits, with the
sha256 of its input bytes, its outcome (counts for run.json) and the seals of
the other writers. A table ``run_settings`` holds what the output depends on
(backend, model, knowledge, versions), and ``PRAGMA application_id`` marks the
file as this program's.

Its part of --resume: ``read_ledger`` checks, before anything is touched, that
the file is an intact SQLite database written by extractor with the same
settings, and raises an OutputError that says what to do otherwise. Documents
carried over keep their rows and get their new input position; a document
extracted again replaces its rows; documents the run did not see are dropped
at the end.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..facts import facts_view_sql
from ..identity import write_zones_table
from ..models import RECORD_TYPES, Article, DocumentMeta
from .columns import TABLE_NAMES, article_columns, article_row, record_columns, record_row, sql_type
from .decisions import DECISIONS_SQL, apply_decisions, carry_over, read_history, rewrite_jsonl
from .errors import OutputError
from .writer import DATABASE_FILE, RECORDS_FILE, DocumentEntry, RenderedArticle, Writer

APPLICATION_ID = 0x7A6F6E65  # "zone": this file was written by extractor
LEDGER_VERSION = 2  # PRAGMA user_version: the layout of the documents and run_settings tables
_SQLITE_HEADER = b"SQLite format 3\x00"
_DOCUMENT_COLUMNS = ("doc", "position", "sha256", "encoding", "text", "outcome", "seals", *DocumentMeta.model_fields)


class SqliteWriter(Writer):
    """records.sqlite (see the module's docstring)."""

    name = DATABASE_FILE

    @classmethod
    def at(cls, out_dir: Path, settings: dict[str, str]) -> SqliteWriter:
        return cls(out_dir / cls.name, settings)

    @staticmethod
    def render(entry: DocumentEntry, article: Article) -> tuple[tuple, dict[str, list[tuple]]]:
        """The article's row and its records' rows by table, in the tables' column order."""
        rows: dict[str, list[tuple]] = {}
        for record in article.records():
            rows.setdefault(TABLE_NAMES[record.kind], []).append(record_row(record, entry.doc, article.index))
        return article_row(article, entry.doc), rows

    def __init__(self, path: Path, settings: dict[str, str]) -> None:
        self.path = path
        self.settings = settings
        self._db: sqlite3.Connection | None = None

    # -- the ledger -----------------------------------------------------------------------

    def read_ledger(self) -> dict[str, DocumentEntry]:
        """The documents a previous run finished, once the file proved intact and of the same settings.

        Reads only: a damaged, foreign or differently configured database is left as it is.
        """
        if not self.path.exists():
            return {}
        out = self.path.parent
        damaged = (
            f"{self.path} is damaged ({{detail}}), so --resume cannot tell which documents are finished. Nothing was changed. "
            f"Run without --resume to start over in {out} (records.jsonl and records.sqlite are rewritten), "
            "or move the folder away first to keep it."
        )
        try:
            with self.path.open("rb") as handle:
                header = handle.read(len(_SQLITE_HEADER))
        except OSError as exc:
            raise OutputError(f"cannot read {self.path}: {exc.strerror}") from exc
        if header != _SQLITE_HEADER:
            raise OutputError(damaged.format(detail="not an SQLite database"))
        try:
            db = sqlite3.connect(f"file:{quote(str(self.path.absolute()))}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise OutputError(damaged.format(detail=str(exc))) from exc
        try:
            return self._entries(db, damaged)
        except sqlite3.DatabaseError as exc:
            raise OutputError(damaged.format(detail=str(exc))) from exc
        finally:
            db.close()

    def _entries(self, db: sqlite3.Connection, damaged: str) -> dict[str, DocumentEntry]:
        (check,) = db.execute("PRAGMA quick_check(1)").fetchone()
        if check != "ok":
            raise OutputError(damaged.format(detail=check))
        (application,) = db.execute("PRAGMA application_id").fetchone()
        (version,) = db.execute("PRAGMA user_version").fetchone()
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        start_over = f"Nothing was changed. Run without --resume to start over in {self.path.parent}, or write to another folder with -o."
        if application != APPLICATION_ID:
            if "documents" in tables:
                raise OutputError(f"{self.path} was written by an older version of extractor, which --resume cannot continue. {start_over}")
            raise OutputError(f"{self.path} was not written by extractor (it is another program's database). {start_over}")
        expected = _expected_tables()  # tables built at the end of a run from these (and views) are not part of the ledger
        if version != LEDGER_VERSION or expected != _table_columns(db, tables & set(expected)):
            raise OutputError(f"{self.path} was written by another version of extractor (other tables or columns). {start_over}")
        before = dict(db.execute("SELECT key, value FROM run_settings"))
        if before != self.settings:
            changed = ", ".join(
                f"{key} {before.get(key, '(none)')} → {self.settings.get(key, '(none)')}"
                for key in sorted(set(before) | set(self.settings))
                if before.get(key) != self.settings.get(key)
            )
            raise OutputError(
                f"{self.path.parent} was written with other settings ({changed}), so its records would not match this run's. "
                f"Nothing was changed. Run with the earlier settings to continue, or without --resume to redo everything "
                "with the new ones, or write to another folder with -o."
            )
        entries = {}
        for doc, sha256, encoding, outcome, seals in db.execute("SELECT doc, sha256, encoding, outcome, seals FROM documents"):
            entries[doc] = DocumentEntry(doc=doc, sha256=sha256, encoding=encoding, outcome=json.loads(outcome), seals=json.loads(seals))
        return entries

    # -- writing --------------------------------------------------------------------------

    def open(self, previous: dict[str, DocumentEntry] | None) -> set[str] | None:
        if previous is None or not self.path.exists():
            decisions = read_history(self.path)  # an editor's decisions outlive the records they are about
            for stale in (self.path, *(self.path.with_name(self.path.name + suffix) for suffix in ("-journal", "-wal", "-shm"))):
                stale.unlink(missing_ok=True)  # a stale journal beside a new database would be replayed into it
            self._known: set[str] = set()
            self._db = self._connect()
            self._db.executescript(schema_sql())
            self._db.execute("BEGIN")
            self._db.executemany("INSERT INTO run_settings VALUES (?, ?)", sorted(self.settings.items()))
            carry_over(self._db, decisions)
            self._db.execute("COMMIT")
            return set() if previous is not None else None
        self._known = set(previous)
        self._db = self._connect()
        self._db.execute("UPDATE documents SET position = NULL")  # this run gives every document it sees a position
        return set(previous)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)  # transactions are explicit
        # a commit per document appends to a write-ahead log without waiting for the disk: a killed run keeps every
        # committed document, a power cut may lose the last ones (--resume redoes them) but never damages the file
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        return db

    def begin_document(self, entry: DocumentEntry) -> None:
        """Open the document's transaction; rows are written as articles come, so memory stays flat."""
        db = self._connection()
        if db.in_transaction:
            db.execute("COMMIT")  # the positions of documents carried over
        db.execute("BEGIN")
        if entry.doc in self._known:  # a document extracted again replaces its rows (a new one has none)
            for table in (*TABLE_NAMES.values(), "articles", "documents"):
                db.execute(f"DELETE FROM {table} WHERE doc = ?", (entry.doc,))

    def write_article(self, entry: DocumentEntry, article: RenderedArticle) -> None:
        db = self._connection()
        article_values, rows = article.pieces[self.name]
        db.execute(_insert_statement("articles"), article_values)
        for table, table_rows in rows.items():  # one statement per table: the main process writes for every worker
            db.executemany(_insert_statement(table), table_rows)

    def end_document(self, entry: DocumentEntry) -> None:
        """Commit the document, with the other writers' seals: an interrupted run leaves no half-written document."""
        db = self._connection()
        row = {
            "doc": entry.doc,
            "position": entry.position,
            "sha256": entry.sha256,
            "encoding": entry.encoding,
            "text": entry.text,
            "outcome": json.dumps(asdict(entry.outcome) if is_dataclass(entry.outcome) else entry.outcome, ensure_ascii=False),
            "seals": json.dumps(entry.seals),
            **entry.meta.model_dump(),  # when and where it was published
        }
        db.execute(_insert_statement("documents"), tuple(row[column] for column in _DOCUMENT_COLUMNS))
        db.execute("COMMIT")

    def abandon_document(self, entry: DocumentEntry) -> None:
        if self._db is not None and self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def keep_document(self, entry: DocumentEntry) -> None:
        db = self._connection()
        if not db.in_transaction:
            db.execute("BEGIN")  # positions of a run of carried-over documents go in one transaction
        db.execute("UPDATE documents SET position = ? WHERE doc = ?", (entry.position, entry.doc))

    def finish(self, manifest: dict[str, Any]) -> None:
        """Drop the documents this run did not see (gone from the inputs, or no longer readable)."""
        db = self._connection()
        if not db.in_transaction:
            db.execute("BEGIN")
        unseen = "SELECT doc FROM documents WHERE position IS NULL"
        for table in (*TABLE_NAMES.values(), "articles"):
            db.execute(f"DELETE FROM {table} WHERE doc IN ({unseen})")
        db.execute("DELETE FROM documents WHERE position IS NULL")
        write_zones_table(db)  # one row per zone across all documents (identity.py)
        reviewed = self._apply_decisions(db, manifest)
        db.execute("COMMIT")
        if reviewed is not None:
            reviewed.replace(self.path.parent / RECORDS_FILE)  # its seals are committed: a crash before this only costs a re-extraction
        self._fold_log(db)
        self.close()

    def _apply_decisions(self, db: sqlite3.Connection, manifest: dict[str, Any]) -> Path | None:
        """The editor's decisions (outputs/decisions.py) applied to the tables and to a copy of records.jsonl."""
        applied = apply_decisions(db)
        if applied.applied or applied.orphaned:
            manifest["review"] = applied.summary()  # run.json is written after the database
        return rewrite_jsonl(db, self.path.parent / RECORDS_FILE, RECORDS_FILE)

    @staticmethod
    def _fold_log(db: sqlite3.Connection) -> None:
        """Fold the write-ahead log into the database, so the finished database is one file.

        That needs the file to itself: while another program has it open (a viewer), the log stays beside it; it
        is complete either way, and SQLite folds it in when the last connection closes.
        """
        db.execute("PRAGMA busy_timeout = 200")
        with contextlib.suppress(sqlite3.OperationalError):
            db.execute("PRAGMA journal_mode = DELETE")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()  # an open transaction is rolled back
            self._db = None

    def _connection(self) -> sqlite3.Connection:
        assert self._db is not None, "open() first"
        return self._db


@functools.cache
def _insert_statement(table: str) -> str:
    """INSERT of a row of ``table`` in the column order ``render`` gives it (``columns.py``)."""
    columns = _expected_tables()[table]
    names = ", ".join(f'"{column}"' for column in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"


def _expected_tables() -> dict[str, list[str]]:
    tables = {"documents": list(_DOCUMENT_COLUMNS), "articles": article_columns(), "run_settings": ["key", "value"]}
    tables.update({TABLE_NAMES[kind]: record_columns(model) for kind, model in RECORD_TYPES.items()})
    return tables


def _table_columns(db: sqlite3.Connection, tables: set[str]) -> dict[str, list[str]]:
    return {table: [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')] for table in tables}


def schema_sql() -> str:
    """CREATE statements for every table, derived from the models."""
    statements = [
        f"PRAGMA application_id = {APPLICATION_ID}",
        f"PRAGMA user_version = {LEDGER_VERSION}",
        "CREATE TABLE run_settings (key TEXT PRIMARY KEY, value TEXT)",
        "CREATE TABLE documents (doc TEXT PRIMARY KEY, position INTEGER, sha256 TEXT, encoding TEXT, text TEXT, outcome TEXT, seals TEXT, "
        + ", ".join(f'"{name}" TEXT' for name in DocumentMeta.model_fields)
        + ")",
        "CREATE INDEX documents_position ON documents (position)",
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
        DECISIONS_SQL,  # an editor's decisions (outputs/decisions.py): history, not part of the ledger
        facts_view_sql(),  # the analyst's table (facts.py): one row per fact with its sources
    ]
    return ";\n".join(statements) + ";"


def ordered_rows(db: sqlite3.Connection, table: str, columns: list[str]) -> sqlite3.Cursor:
    """A table's rows in input order: by the document's position, then as they were written."""
    quoted = ", ".join(f't."{column}"' for column in columns)
    return db.execute(f"SELECT {quoted} FROM documents d JOIN {table} t ON t.doc = d.doc ORDER BY d.position, t.rowid")
