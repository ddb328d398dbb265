"""records.sqlite: documents, articles and a table per record kind, one transaction per document.

The columns come from the models (``columns.py``). The database is also the
ledger of a run: a document is finished when its transaction commits, with the
sha256 of its input bytes, its outcome (counts for run.json) and the seals of
the other writers. A table ``run_settings`` holds what the output depends on
(backend, model, knowledge, versions), and ``PRAGMA application_id`` marks the
file as this program's.

This module is the only one with SQL: the writer below, and ``Ledger``, the typed
API every other module reads and changes the database through (the review app,
the CSVs, the report, the facts table, the zones table, the editor's decisions).

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
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..checks.identity import zone_rows
from ..models import RECORD_TYPES, Article, DocumentMeta, Figure
from .columns import TABLE_NAMES, article_columns, article_row, record_columns, record_row, sql_type
from .decisions import apply_decisions, rewrite_jsonl
from .errors import OutputError
from .writer import DATABASE_FILE, RECORDS_FILE, DocumentEntry, RenderedArticle, ShardBatch, Writer

LedgerError = sqlite3.Error  # what a damaged or locked database raises, for callers that report it

APPLICATION_ID = 0x7A6F6E65  # "zone": this file was written by extractor
LEDGER_VERSION = 2  # PRAGMA user_version: the layout of the documents and run_settings tables
_SQLITE_HEADER = b"SQLite format 3\x00"
# The writer's page caches, in KiB (SQLite's default is 2,000 for each database, the ledger and an attached shard). A
# run of 1,000 small documents never fills them and one of 100,000 does: left at the default they were 4 MB of the
# main process's growth with the corpus (issue 22). The writer appends (rows in input order, a shard read once
# from its start), so the pages it needs again are the few at the right edge of each table and index.
LEDGER_CACHE_KIB = 512
SHARD_CACHE_KIB = 128
# The page size of a fresh ledger whose first rows come as a whole batch (a cluster's run; SQLite's default is 4 KiB).
# The main process copies every worker's rows into it, and SQLite's cost of a copy goes with the pages it fills and
# logs (and checkpoints: every 1,000 pages): 1,200 pages' record rows took 150-165 ms of its CPU in 4 KiB pages,
# 90-98 in 16 KiB, 55 in 64 KiB plus 27 to fold the log (issue 22). A ledger written a document at a time (one
# process, or workers that cannot write shards) keeps the default: a commit per document would log larger pages.
BATCH_PAGE_SIZE = 1 << 16
_DOCUMENT_COLUMNS = ("doc", "position", "sha256", "encoding", "text", "outcome", "seals", *DocumentMeta.model_fields)


class SqliteWriter(Writer):
    """records.sqlite (see the module's docstring)."""

    name = DATABASE_FILE
    shard_suffixes = (".sqlite", ".sqlite.writing")
    finishes_away = True

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
        self._empty = False  # a fresh ledger nothing was written to yet: its pages can still be laid out anew
        self._db: sqlite3.Connection | None = None
        self._shard = False  # a shard is attached (as ``shard``)
        self._writing = False  # between begin_document and end_document
        self._deferred = False  # the secondary indexes are dropped until ``finish`` (a fresh run, one process or batches)

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
            decisions = Ledger.read_history(self.path)  # an editor's decisions outlive the records they are about
            for stale in (self.path, *(self.path.with_name(self.path.name + suffix) for suffix in ("-journal", "-wal", "-shm"))):
                stale.unlink(missing_ok=True)  # a stale journal beside a new database would be replayed into it
            self._known: set[str] = set()
            self._db = self._connect()
            self._db.executescript(schema_sql())
            self._db.execute("BEGIN")
            self._db.executemany("INSERT INTO run_settings VALUES (?, ?)", sorted(self.settings.items()))
            Ledger(self._db).carry_over(decisions)
            self._defer_indexes(self._db)  # a fresh ledger is read by them only after ``finish`` builds them
            self._db.execute("COMMIT")
            self._empty = True
            return set() if previous is not None else None
        self._known = set(previous)
        self._db = self._connect()
        self._db.execute("BEGIN")
        _build_indexes(self._db)  # a run stopped before its end left them out; resuming looks documents up by them
        self._db.execute("UPDATE documents SET position = NULL")  # this run gives every document it sees a position
        self._db.execute("COMMIT")
        return set(previous)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)  # transactions are explicit
        # a commit per document appends to a write-ahead log without waiting for the disk: a killed run keeps every
        # committed document, a power cut may lose the last ones (--resume redoes them) but never damages the file
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute(f"PRAGMA cache_size = -{LEDGER_CACHE_KIB}")
        return db

    def begin_document(self, entry: DocumentEntry) -> None:
        """Open the document's transaction; rows are written as articles come, so memory stays flat.

        The documents of a shard share one transaction, committed when the next shard is attached: a commit writes
        every page it changed to the log, and a shard's documents arrive together. Each is still whole or absent (a
        savepoint each), and a run that stops commits the documents it finished (``close``).
        """
        db = self._connection()
        self._empty = False
        if self._shard:
            if not db.in_transaction:
                db.execute("BEGIN")
            db.execute("SAVEPOINT document")
        else:
            if db.in_transaction:
                db.execute("COMMIT")  # the positions of documents carried over
            db.execute("BEGIN")
        self._writing = True
        if entry.doc in self._known:  # a document extracted again replaces its rows (a new one has none)
            for table in (*TABLE_NAMES.values(), "articles", "documents"):
                db.execute(f"DELETE FROM {table} WHERE doc = ?", (entry.doc,))

    def write_article(self, entry: DocumentEntry, article: RenderedArticle) -> None:
        piece = article.pieces.get(self.name)
        if piece is not None:  # None: its rows were in a shard
            _insert_rows(self._connection(), piece)

    # -- shards: a cluster's workers write the rows, this process copies them in input order ------

    @staticmethod
    def write_shard(stem: Path, documents: list[tuple[DocumentEntry, list[RenderedArticle]]]) -> dict[str, Any]:
        """The documents' rows in STEM.sqlite (the tables of records.sqlite), in the order this writer would insert them."""
        path = Path(f"{stem}.sqlite")
        writing = path.with_name(path.name + ".writing")
        db = sqlite3.connect(writing, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = OFF")  # a scratch file: a worker that dies leaves it unmerged, and it is removed
            db.execute("PRAGMA synchronous = OFF")
            db.executescript(_shard_schema_sql())
            db.execute("BEGIN")
            for _entry, articles in documents:
                for article in articles:
                    _insert_rows(db, article.pieces[DATABASE_FILE])
            db.execute("COMMIT")
        finally:
            db.close()
        os.replace(writing, path)
        return {entry.doc: None for entry, _articles in documents}

    def open_shard(self, stem: Path | None) -> None:
        """Attach the next shard (outside a transaction, as SQLite requires), detaching the one before."""
        db = self._db
        if db is None:
            return
        if db.in_transaction:
            db.execute("COMMIT")  # the positions of documents carried over
        if self._shard:
            db.execute("DETACH DATABASE shard")
            self._shard = False
        if stem is not None:
            db.execute("ATTACH DATABASE ? AS shard", (f"{stem}.sqlite",))
            db.execute(f"PRAGMA shard.cache_size = -{SHARD_CACHE_KIB}")
            self._shard = True

    def merge_shard(self, entry: DocumentEntry, part: Any) -> None:
        """The document's rows, copied inside SQLite in the order the worker wrote them: the same rowids as written here."""
        db = self._connection()
        for table in ("articles", *TABLE_NAMES.values()):
            db.execute(_merge_statement(table), (entry.doc,))

    def end_document(self, entry: DocumentEntry) -> None:
        """Commit the document, with the other writers' seals: an interrupted run leaves no half-written document."""
        db = self._connection()
        db.execute(_insert_statement("documents"), _document_row(entry))
        db.execute("RELEASE document" if self._shard else "COMMIT")
        self._writing = False

    # -- batches: a worker writes a batch's rows and ledger rows whole, this process copies the batch as one -----

    @staticmethod
    def write_batch(stem: Path, documents: list[tuple[DocumentEntry, list[RenderedArticle]]]) -> None:
        """The batch's rows and its documents' ledger rows (positions 1… in input order) in STEM.sqlite."""
        path = Path(f"{stem}.sqlite")
        writing = path.with_name(path.name + ".writing")
        db = sqlite3.connect(writing, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = OFF")  # a scratch file, as ``write_shard``'s
            db.execute("PRAGMA synchronous = OFF")
            db.executescript(_shard_schema_sql(ledger=True))
            db.execute("BEGIN")
            for position, (entry, articles) in enumerate(documents, start=1):
                for article in articles:
                    _insert_rows(db, article.pieces[DATABASE_FILE])
                entry.position = position
                db.execute(_insert_statement("documents"), _document_row(entry))
            db.execute("COMMIT")
        finally:
            db.close()
        os.replace(writing, path)

    def merge_batch(self, batch: ShardBatch, first_position: int) -> None:
        """The attached shard's rows, one statement per table, in one transaction: the same rowids as written here."""
        db = self._connection()
        if db.in_transaction:
            db.execute("COMMIT")
        if self._empty:
            self._enlarge_pages(db)
        db.execute("BEGIN")
        if self._known:  # documents extracted again (--resume, changed content) replace their rows
            for table in (*TABLE_NAMES.values(), "articles", "documents"):
                db.execute(f"DELETE FROM main.{table} WHERE doc IN (SELECT doc FROM shard.documents)")
        elif not self._deferred:
            self._defer_indexes(db)
        db.execute(_merge_all_statement("articles"))
        for table in TABLE_NAMES.values():
            db.execute(_transfer_statement(table) if self._deferred else _merge_all_statement(table))
        db.execute(_merge_all_statement("documents"), (first_position - 1,))
        db.execute("COMMIT")  # the ledger commits last: the batch is finished when, and only when, this says so

    def _enlarge_pages(self, db: sqlite3.Connection) -> None:
        """Lay a fresh ledger out in ``BATCH_PAGE_SIZE`` pages before the first batch is copied into it (it holds only
        its tables then: the copy is some kilobytes). SQLite sets a database's page size when it is made, and in WAL
        mode never changes it: the ledger leaves that mode for the copy and goes back. Where it cannot (another
        connection reads it), the pages stay as they are, and the rows are the same."""
        self._empty = False
        with contextlib.suppress(sqlite3.OperationalError):
            db.execute("PRAGMA main.journal_mode = DELETE")
            db.execute(f"PRAGMA main.page_size = {BATCH_PAGE_SIZE}")
            db.execute("VACUUM main")
        db.execute("PRAGMA main.journal_mode = WAL")

    def _defer_indexes(self, db: sqlite3.Connection) -> None:
        """Drop the secondary indexes until ``finish`` builds them again (in the open transaction: a new ledger's or
        the first batch's).

        A fresh run looks nothing up by them before its end, and every row it writes (or a batch copies) would
        otherwise enter each of them here, in the one process that writes for every worker: built once at the end
        (on a worker of the cluster), they cost about 60% less than kept up row by row (issue 22); in one process
        the ledger's share of a run's CPU falls by about a third. A resumed run keeps them (``open`` builds those
        a stopped run left out): it deletes the rows of documents extracted again by ``doc``.
        """
        for name, _create in _index_statements():
            db.execute(f"DROP INDEX IF EXISTS {name}")
        self._deferred = True

    def abandon_batch(self) -> None:
        if self._db is not None and self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def abandon_document(self, entry: DocumentEntry) -> None:
        if self._db is not None and self._db.in_transaction:
            if self._shard and self._writing:  # this document only: the shard's others before it stand
                self._db.execute("ROLLBACK TO document")
                self._db.execute("RELEASE document")
            else:
                self._db.execute("ROLLBACK")
        self._writing = False

    def keep_document(self, entry: DocumentEntry) -> None:
        db = self._connection()
        self._empty = False
        if not db.in_transaction:
            db.execute("BEGIN")  # positions of a run of carried-over documents go in one transaction
        db.execute("UPDATE documents SET position = ? WHERE doc = ?", (entry.position, entry.doc))

    def finish(self, manifest: dict[str, Any]) -> None:
        """Drop the documents this run did not see (gone from the inputs, or no longer readable).

        A fresh writer (on a cluster's worker, ``OutputSet.finish``) opens the ledger the main process closed.
        """
        if self._db is None:
            self._db = self._connect()
        db = self._db
        if not db.in_transaction:
            db.execute("BEGIN")
        unseen = "SELECT doc FROM documents WHERE position IS NULL"
        for table in (*TABLE_NAMES.values(), "articles"):
            db.execute(f"DELETE FROM {table} WHERE doc IN ({unseen})")
        db.execute("DELETE FROM documents WHERE position IS NULL")
        _build_indexes(db)  # those a cluster's run left out (``_defer_indexes``), before anything reads the tables
        Ledger(db).write_zones()  # one row per zone across all documents (identity.py)
        reviewed = self._apply_decisions(db, manifest)
        db.execute("COMMIT")
        if reviewed is not None:
            reviewed.replace(self.path.parent / RECORDS_FILE)  # its seals are committed: a crash before this only costs a re-extraction
        self._fold_log(db)
        self.close()

    def _apply_decisions(self, db: sqlite3.Connection, manifest: dict[str, Any]) -> Path | None:
        """The editor's decisions (outputs/decisions.py) applied to the tables and to a copy of records.jsonl."""
        ledger = Ledger(db)
        applied = apply_decisions(ledger)
        if applied.applied or applied.orphaned:
            manifest["review"] = applied.summary()  # run.json is written after the database
        return rewrite_jsonl(ledger, self.path.parent / RECORDS_FILE, RECORDS_FILE)

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
            if self._shard and self._db.in_transaction and not self._writing:  # a run that stops keeps what it finished
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("COMMIT")
            self._db.close()  # an open transaction is rolled back
            self._db = None
            self._shard = False

    def _connection(self) -> sqlite3.Connection:
        assert self._db is not None, "open() first"
        return self._db


def _insert_rows(db: sqlite3.Connection, piece: tuple[tuple, dict[str, list[tuple]]]) -> None:
    """An article's row and its records' rows (``render``'s piece)."""
    article_values, rows = piece
    db.execute(_insert_statement("articles"), article_values)
    for table, table_rows in rows.items():  # one statement per table: the main process writes for every worker
        db.executemany(_insert_statement(table), table_rows)


def _document_row(entry: DocumentEntry) -> tuple:
    """A document's ledger row, with its outcome (counts for run.json) and the other writers' seals."""
    row = {
        "doc": entry.doc,
        "position": entry.position,
        "sha256": entry.sha256,
        "encoding": entry.encoding,
        "text": entry.text,
        "outcome": json.dumps(_plain(entry.outcome), ensure_ascii=False),
        "seals": json.dumps(entry.seals),
        **entry.meta.model_dump(),  # when and where it was published
    }
    return tuple(row[column] for column in _DOCUMENT_COLUMNS)


def _plain(outcome: Any) -> Any:
    """An outcome as JSON takes it: a dataclass of plain values becomes its fields (a shallow copy, not ``asdict``'s deep one)."""
    return dict(vars(outcome)) if is_dataclass(outcome) else outcome


@functools.cache
def _merge_statement(table: str) -> str:
    """Copy a document's rows of ``table`` from the attached shard (same columns, same order), as they were written."""
    names = ", ".join(f'"{column}"' for column in _expected_tables()[table])
    return f"INSERT INTO main.{table} ({names}) SELECT {names} FROM shard.{table} WHERE doc = ? ORDER BY rowid"


@functools.cache
def _merge_all_statement(table: str) -> str:
    """Copy every row of ``table`` from the attached shard as it was written; documents move to their run positions."""
    names = ", ".join(f'"{column}"' for column in _expected_tables()[table])
    selected = names.replace('"position"', '"position" + ?') if table == "documents" else names
    return f"INSERT INTO main.{table} ({names}) SELECT {selected} FROM shard.{table} ORDER BY rowid"


@functools.cache
def _transfer_statement(table: str) -> str:
    """Copy every row of a record table from the attached shard as SQLite's transfer does: each row's bytes as they
    are, in rowid order, with new rowids (as ``_merge_all_statement`` gives them), where the copy column by column
    decoded and encoded every value again: the main process copies for every worker, and this halves its CPU on the
    record tables (issue 22).

    SQLite transfers only into a table of the same columns without indexes nor unique constraints: a record table of
    a fresh run, whose indexes wait for ``finish`` (``SqliteWriter._defer_indexes``); a test in ``test_outputs`` reads
    the plan.
    """
    return f"INSERT INTO main.{table} SELECT * FROM shard.{table}"


@functools.cache
def _shard_schema_sql(ledger: bool = False) -> str:
    """The tables a shard holds: articles and the record tables, as records.sqlite has them, with the index on doc;
    with ``ledger``, the documents table too (a batch written whole)."""
    tables = ("articles", *TABLE_NAMES.values(), *(("documents",) if ledger else ()))
    return ";\n".join(
        statement
        for statement in schema_sql().split(";\n")
        if statement.startswith(tuple(f"CREATE TABLE {t} " for t in tables))
        or statement.startswith(tuple(f"CREATE INDEX {t}_doc " for t in TABLE_NAMES.values()))
    ) + ";"


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


@functools.cache
def _index_statements() -> tuple[tuple[str, str], ...]:
    """(name, CREATE INDEX statement) of the ledger's secondary indexes, as ``schema_sql`` makes them."""
    return tuple((statement.split()[2], statement) for statement in schema_sql().split(";\n") if statement.startswith("CREATE INDEX "))


def _build_indexes(db: sqlite3.Connection) -> None:
    """The secondary indexes the database lacks (``SqliteWriter._defer_indexes``), each in one pass over its table."""
    for _name, create in _index_statements():
        db.execute(create.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))


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
        _DECISIONS_SQL,  # an editor's decisions (outputs/decisions.py): history, not part of the ledger
        facts_view_sql(),  # the analyst's table (facts.py): one row per fact with its sources
    ]
    return ";\n".join(statements) + ";"




def ordered_rows(db: sqlite3.Connection, table: str, columns: list[str]) -> sqlite3.Cursor:
    """A table's rows in input order: by the document's position, then as they were written."""
    quoted = ", ".join(f't."{column}"' for column in columns)
    return db.execute(f"SELECT {quoted} FROM documents d JOIN {table} t ON t.doc = d.doc ORDER BY d.position, t.rowid")


# -- the ledger API: every read and change of records.sqlite outside the writer -------------------------


class Ledger:
    """An open records.sqlite. Other modules never write SQL: they call these methods (rows come as dicts)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    @classmethod
    def connect(cls, database: Path, readonly: bool = False) -> Ledger:
        """The review app's and the commands' connection: explicit transactions, and a wait for another writer."""
        if readonly:
            db = sqlite3.connect(f"file:{quote(database.absolute().as_posix())}?mode=ro", uri=True, isolation_level=None)
        else:
            db = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout = 10000")  # two editors on one folder: the database serialises their writes
        return cls(db)

    def close(self) -> None:
        self.db.close()

    def close_quietly(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, taken at once: a second editor waits here, then sees the first one's change."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _dicts(self, query: str, parameters: tuple = ()) -> Iterator[dict[str, Any]]:
        cursor = self.db.cursor()
        cursor.row_factory = sqlite3.Row
        for row in cursor.execute(query, parameters):
            yield dict(row)

    # -- documents, articles and records -------------------------------------------------------

    def documents(self) -> list[dict[str, Any]]:
        return list(self._dicts("SELECT doc, position, sha256, title, published FROM documents ORDER BY position"))

    def texts(self) -> Iterator[tuple[str, str]]:
        """(doc, normalized text) of every document in input order, one at a time."""
        yield from self.db.execute("SELECT doc, text FROM documents ORDER BY position")

    def document_text(self, doc: str) -> tuple[str, str] | None:
        """A document's sha256 and normalized text."""
        row = self.db.execute("SELECT sha256, text FROM documents WHERE doc = ?", (doc,)).fetchone()
        return (row[0], row[1]) if row else None

    def document_hashes(self) -> list[tuple[str, str]]:
        """(doc, sha256) of every document."""
        return list(self.db.execute("SELECT doc, sha256 FROM documents"))

    def articles(self, doc: str) -> list[dict[str, Any]]:
        return list(self._dicts("SELECT * FROM articles WHERE doc = ? ORDER BY article", (doc,)))

    def records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every record as (table, row with its rowid as ``id``), in input order."""
        for table in TABLE_NAMES.values():
            query = f"SELECT t.rowid AS id, t.* FROM {table} t JOIN documents d ON d.doc = t.doc ORDER BY d.position, t.rowid"
            for row in self._dicts(query):
                yield table, row

    def rows(self, table: str, doc: str, by_article: bool = False) -> Iterator[dict[str, Any]]:
        """A document's rows of a record table, with their rowid as ``id``; by article then as written, or as stored."""
        order = " ORDER BY article, rowid" if by_article else ""
        yield from self._dicts(f"SELECT rowid AS id, * FROM {_record_table(table)} WHERE doc = ?{order}", (doc,))

    def record_row(self, table: str, rowid: int) -> dict[str, Any] | None:
        return next(self._dicts(f"SELECT rowid AS id, * FROM {_record_table(table)} WHERE rowid = ?", (rowid,)), None)

    def update_row(self, table: str, rowid: int, changed: dict[str, Any]) -> None:
        """Set some cells of a record's row (values as the cells hold them)."""
        assignments = ", ".join(f'"{name}" = ?' for name in changed)
        self.db.execute(f"UPDATE {_record_table(table)} SET {assignments} WHERE rowid = ?", (*changed.values(), rowid))

    def table_rows(self, table: str, columns: list[str]) -> sqlite3.Cursor:
        """A table's rows in input order (the CSVs)."""
        return ordered_rows(self.db, table, columns)

    def seals(self, doc: str) -> dict[str, str] | None:
        row = self.db.execute("SELECT seals FROM documents WHERE doc = ?", (doc,)).fetchone()
        return json.loads(row[0]) if row is not None else None

    def set_seals(self, doc: str, seals: dict[str, str]) -> None:
        self.db.execute("UPDATE documents SET seals = ? WHERE doc = ?", (json.dumps(seals), doc))

    # -- the editor's decisions (outputs/decisions.py says what they mean) ------------------------

    def ensure_decisions(self) -> None:
        """The decisions table, in a folder extracted before decisions existed."""
        self.db.execute(_DECISIONS_SQL)

    def has_decisions(self) -> bool:
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self.db.execute(query, (DECISIONS_TABLE,)).fetchone() is not None

    def decision_rows(self, key: tuple | None = None) -> list[tuple]:
        """The decisions' rows oldest first (id first): all of them, or those on one key (sha256, kind, start, end, text)."""
        if key is None:
            return self.db.execute(f"SELECT {_DECISION_COLUMNS} FROM {DECISIONS_TABLE} ORDER BY id").fetchall()
        query = (
            f"SELECT {_DECISION_COLUMNS} FROM {DECISIONS_TABLE} WHERE sha256 = ? AND kind = ? AND place_start IS ? AND place_end IS ? "
            "AND place_text = ? ORDER BY id"
        )
        return self.db.execute(query, key).fetchall()

    def add_decision(self, row: tuple) -> None:
        """A new decision's row, without its id (inside the caller's transaction)."""
        self.db.execute(_insert_decisions(with_id=False), row)

    def carry_over(self, rows: list[tuple]) -> None:
        """Put a previous database's decisions, ids and all, into this one (its schema already has the table)."""
        self.db.executemany(_insert_decisions(with_id=True), rows)

    def import_decisions(self, rows: list[tuple]) -> int:
        """Add another folder's decisions that this database does not have yet; how many were new."""
        self.ensure_decisions()
        mine = {row[1:] for row in self.decision_rows()}
        new = [row[1:] for row in rows if row[1:] not in mine]
        with self.transaction():
            self.db.executemany(_insert_decisions(with_id=False), new)
        return len(new)

    def version(self) -> tuple:
        """Changes whenever a decision is taken or the folder is extracted again: when to rebuild the review pages."""
        decisions = self.db.execute(f"SELECT max(id) FROM {DECISIONS_TABLE}").fetchone()[0] if self.has_decisions() else None
        documents = self.db.execute("SELECT count(*), group_concat(sha256) FROM documents").fetchone()
        return (decisions, *documents)

    @staticmethod
    def read_history(database: Path) -> list[tuple]:
        """Every decision in an existing database (oldest first); none when it is no database or has no such table.

        A table of an older layout gives what it has (a column it lacks takes its default). One that cannot be read
        stops the run before anything is touched: an editor's work is never dropped silently.
        """
        if not database.is_file():
            return []
        try:
            ledger = Ledger.connect(database, readonly=True)
            present = {row[1] for row in ledger.db.execute(f'PRAGMA table_info("{DECISIONS_TABLE}")')}
        except sqlite3.DatabaseError:
            return []  # not a database at all: nothing of an editor's in it
        try:
            if not present:
                return []
            names = _DECISION_COLUMNS.split(", ")
            columns = ", ".join(name if name in present else _DECISION_DEFAULTS.get(name, "NULL") for name in names)
            return ledger.db.execute(f"SELECT {columns} FROM {DECISIONS_TABLE} ORDER BY id").fetchall()
        except sqlite3.DatabaseError as exc:
            raise OutputError(
                f"cannot read the editor's decisions in {database} ({exc}), so a new run would lose them. Nothing was changed. "
                "Move the folder away, or write to another folder with -o and import them later with 'extractor review --from'."
            ) from exc
        finally:
            ledger.close()

    # -- the tables built from the records ------------------------------------------------------

    def park_parents(self) -> list[tuple[str, str]]:
        """(park_id, parent_id) of every park the run found, then (park_id, "") of every figure's zone.

        parent_id is "" for a zone of its own, a figure's zone no park record names, or a database written
        before parks had a parent_id: then the registry alone says which zone a park belongs to.
        """
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(parks)")}
        parent = "parent_id" if "parent_id" in columns else "''"
        parks = f"SELECT DISTINCT park_id, {parent} FROM parks WHERE park_id <> ''"
        return [*self.db.execute(parks), *self.db.execute("SELECT DISTINCT park_id, '' FROM figures WHERE park_id <> ''")]

    def write_zones(self) -> int:
        """Rebuild ``zones`` from ``parks`` and ``documents`` (identity.py says what a row holds); the number of zones."""
        db = self.db
        db.execute(f"DROP TABLE IF EXISTS {ZONES_TABLE}")
        db.execute(f"CREATE TABLE {ZONES_TABLE} ({_ZONE_COLUMNS})")
        document_columns = {row[1] for row in db.execute("PRAGMA table_info(documents)")}
        published = "published" if "published" in document_columns else "NULL"

        def text_and_date(doc: str) -> tuple[str, str]:  # one document at a time: a corpus's texts never sit in memory together
            row = db.execute(f"SELECT text, {published} FROM documents WHERE doc = ?", (doc,)).fetchone()
            return (row[0] or "", row[1] or "") if row else ("", "")

        identified = "FROM parks WHERE park_id != ''"
        in_order = db.execute(f"SELECT park_id, name, aliases, registered, level, province, city {identified} ORDER BY rowid")
        # a second cursor: SQLite sorts this one (spilling to a temporary file), so no zone's documents sit in memory
        by_doc = db.cursor().execute(f"SELECT park_id, doc, name, aliases {identified} ORDER BY park_id, doc, rowid")
        rows = zone_rows(in_order, by_doc, text_and_date)
        db.executemany(f"INSERT INTO {ZONES_TABLE} VALUES ({', '.join('?' * 12)})", rows)
        return len(rows)

    def facts(self, include_all: bool = False, roots: dict[str, tuple[str, str]] | None = None) -> tuple[list[str], Iterator[tuple]]:
        """The facts table (the view of this version, whatever the file holds): its columns and its rows, streamed.

        Only the facts of high confidence unless ``include_all``. ``roots`` rolls sub-parks up: park_id →
        (the zone it belongs to, that zone's name); a sub-park's figures are then that zone's facts.
        """
        if roots is not None:
            self.db.execute(f"DROP TABLE IF EXISTS temp.{ROOTS_TABLE}")
            self.db.execute(f"CREATE TEMP TABLE {ROOTS_TABLE} (park_id TEXT PRIMARY KEY, root_id TEXT, root_name TEXT)")
            self.db.executemany(f"INSERT INTO {ROOTS_TABLE} VALUES (?, ?, ?)", [(k, *v) for k, v in roots.items()])
        self.db.execute(facts_view_sql("facts_now", temporary=True, rollup=roots is not None))
        where = "" if include_all else " WHERE confidence = 'high'"
        cursor = self.db.execute(f"SELECT * FROM facts_now{where}")
        return [column[0] for column in cursor.description], cursor


def _record_table(table: str) -> str:
    """A record table's name, checked: names come from the review app's requests."""
    if table not in TABLE_NAMES.values():
        raise LookupError(f"no record table {table!r}")
    return table


# -- the decisions table ---------------------------------------------------------------------------

DECISIONS_TABLE = "decisions"
_DECISIONS_SQL = f"""CREATE TABLE IF NOT EXISTS {DECISIONS_TABLE} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL, kind TEXT NOT NULL, place_start INTEGER, place_end INTEGER, place_text TEXT NOT NULL,
    action TEXT NOT NULL, changes TEXT NOT NULL, before TEXT NOT NULL, editor TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL,
    undoes INTEGER, moved TEXT NOT NULL DEFAULT '[]'
)"""
_DECISION_COLUMNS = "id, sha256, kind, place_start, place_end, place_text, action, changes, before, editor, at, doc, undoes, moved"
_DECISION_DEFAULTS = {"moved": "'[]'", "doc": "''", "editor": "''"}  # for a decisions table written before these columns


def _insert_decisions(with_id: bool) -> str:
    columns = _DECISION_COLUMNS if with_id else _DECISION_COLUMNS.removeprefix("id, ")
    return f"INSERT INTO {DECISIONS_TABLE} ({columns}) VALUES ({', '.join('?' * len(columns.split(', ')))})"


# -- the zones table -------------------------------------------------------------------------------

ZONES_TABLE = "zones"
_ZONE_COLUMNS = (
    "park_id TEXT PRIMARY KEY, name TEXT, aliases TEXT, registered INTEGER, level TEXT, province TEXT, city TEXT, "
    "mentions INTEGER, documents INTEGER, docs TEXT, first_published TEXT, last_published TEXT"
)


# -- the facts view (extractor/outputs/facts.py says what a fact is) ---------------------------------------

# The Figure fields of the table, in the analyst's order (checked against the model below).
FIGURE_COLUMNS = (
    "subject", "park_id", "metric_key", "metric_scope", "metric", "measure", "target", "period", "period_start", "period_end",
    "value", "unit", "amount", "amount_high", "base_unit", "qualifier", "status", "confidence",
    "review",  # an editor's decision (extractor review): accepted, corrected; rejected figures are left out
)  # fmt: skip
_unknown = set(FIGURE_COLUMNS) - set(Figure.model_fields)
if _unknown:
    raise RuntimeError(f"facts view: Figure has no field {sorted(_unknown)}")
if "published" not in DocumentMeta.model_fields:
    raise RuntimeError("facts view: DocumentMeta has no field 'published'")

# What makes two figures the same fact; metric words count only when no metric_key names the metric.
_FACT_KEY = (
    "zone", "metric_group", "metric_key", "metric_scope", "measure", "target", "period_start", "period_end",
    "amount", "amount_high", "base_unit", "qualifier", "status",
)  # fmt: skip
# What makes two facts claims about the same thing: they conflict when their values differ.
_CLAIM_KEY = ("zone", "metric_key", "metric_scope", "measure", "target", "period_start", "period_end", "base_unit")
# What a headline figure shares with a body figure it restates (its value may be rounded: 超万亿 for 1.2万亿元).
_RESTATED = ("zone", "metric_key", "metric_scope", "measure", "target")
# What a headline shares with it or leaves unsaid: headlines drop the unit after a bare 万亿/亿 (营收破万亿, 创造48万亿
# over 营业收入超过48万亿元) and the year the body gives (2023年…1.2万亿元). A headline that leaves one unsaid restates
# only a body figure of its value to a headline's rounding (within a factor of _ROUNDING: 超万亿, 近万亿 for 9800亿).
_RESTATED_OR_UNSAID = ("period_end", "base_unit")
_ROUNDING = 2
SOURCE_SEPARATOR = " | "
FACTS_VIEW = "facts"
ROOTS_TABLE = "zone_roots"  # a temporary table of `extractor table --rollup`: sub-park → the zone it rolls up into
# An editor's accepted or corrected figure counts as the highest confidence (extractor review).
_CONFIDENCE_RANK = (
    "CASE WHEN review IN ('accepted', 'corrected') THEN 3 WHEN confidence = 'high' THEN 3 WHEN confidence = 'medium' THEN 2 ELSE 1 END"
)


def _same(left: str, right: str, columns: tuple[str, ...]) -> str:
    return " AND ".join(f"{left}.{name} = {right}.{name}" for name in columns)


def _restates(headline: str, body: str) -> str:
    """SQL: the headline figure restates the body figure (the same claim, its unit or period possibly left unsaid)."""
    h, b = headline, body
    unsaid = " OR ".join(f"{h}.{name} = ''" for name in _RESTATED_OR_UNSAID)
    said = " AND ".join(f"({h}.{name} = {b}.{name} OR {h}.{name} = '')" for name in _RESTATED_OR_UNSAID)
    rounded = f"{h}.amount * {_ROUNDING} >= {b}.amount AND {b}.amount * {_ROUNDING} >= {h}.amount"
    return f"{_same(b, h, _RESTATED)} AND {said} AND (NOT ({unsaid}) OR ({rounded}))"


def facts_view_sql(view: str = FACTS_VIEW, temporary: bool = False, rollup: bool = False) -> str:
    """CREATE VIEW for the facts table over the figures, articles, documents and parks tables.

    ``rollup`` (a temporary view only): a sub-park's figures count as the zone's it belongs to, read from the
    temporary table ``zone_roots`` (``Ledger.facts``), so 东川工业园区's output is a fact of 西宁经开区.
    """
    fact_key = ", ".join(_FACT_KEY)
    claim_key = ", ".join(_CLAIM_KEY)
    park_id = "COALESCE(r.root_id, f.park_id)" if rollup else "f.park_id"
    figure_columns = ", ".join(f"{park_id} AS park_id" if name == "park_id" else f"f.{name}" for name in FIGURE_COLUMNS)
    roots_join = f"\n    LEFT JOIN {ROOTS_TABLE} r ON r.park_id = f.park_id AND f.park_id <> ''" if rollup else ""
    # The zone a sub-park rolls up into may not be named in any text: its name comes from the registry then.
    parks = (
        f"(SELECT park_id, name, registered FROM parks UNION ALL SELECT DISTINCT root_id, root_name, 1 FROM {ROOTS_TABLE}) "
        "WHERE park_id <> ''"
        if rollup
        else "parks WHERE park_id <> ''"
    )
    first_columns = ", ".join(name for name in FIGURE_COLUMNS if name not in _FACT_KEY and name != "confidence")
    sources = ", ".join(
        f"group_concat({name}, '{SOURCE_SEPARATOR}') AS {name}" for name in ("published", "doc", "article_title", "evidence")
    )
    return f"""CREATE {"TEMP " if temporary else ""}VIEW {view} AS
WITH figure_rows AS (
    SELECT COALESCE(NULLIF({park_id}, ''), f.subject) AS zone,
           CASE WHEN f.metric_key = 'other' THEN f.metric ELSE '' END AS metric_group,
           {figure_columns}, d.published, f.doc, f.article,
           COALESCE(NULLIF(a.title, ''), d.title) AS article_title, f.evidence_text AS evidence, f.rowid AS figure_row,
           ifnull(f.evidence_start < a.body_start, 0) AS headline
    FROM figures f JOIN documents d ON d.doc = f.doc
    LEFT JOIN articles a ON a.doc = f.doc AND a.article = f.article{roots_join}
    WHERE f.review <> 'rejected'  -- an editor's rejection (extractor review) outlives every re-run
),
body_rows AS (  -- a headline that restates a figure of its own article's body (超万亿 over 1.2万亿元) is that fact
    SELECT * FROM figure_rows h WHERE NOT (h.headline AND EXISTS (
        SELECT 1 FROM figure_rows b WHERE NOT b.headline AND b.doc = h.doc AND b.article = h.article
          AND {_restates("h", "b")}))
),
per_article AS (  -- a number printed twice in one article is one source; bare columns come from its first printing
    SELECT {fact_key}, min(figure_row) AS figure_row, {first_columns}, min({_CONFIDENCE_RANK}) AS confidence_rank,
           published, doc, article, article_title, evidence
    FROM body_rows GROUP BY {fact_key}, doc, article
),
claimed AS (  -- the values each document prints for a claim that can conflict
    SELECT DISTINCT {claim_key}, doc, amount, ifnull(amount_high, '') AS high FROM per_article
    WHERE status = 'verified' AND zone <> '' AND metric_key <> 'other' AND period_end <> ''
      AND qualifier IN ('exact', 'approx')
),
claim_docs AS (SELECT DISTINCT {claim_key}, doc FROM claimed),
conflicts AS (  -- two documents making the same claim with no value in common
    SELECT DISTINCT {", ".join(f"x.{name}" for name in _CLAIM_KEY)} FROM claim_docs x JOIN claim_docs y
      ON {_same("x", "y", _CLAIM_KEY)} AND x.doc < y.doc
    WHERE NOT EXISTS (
        SELECT 1 FROM claimed u JOIN claimed v ON {_same("u", "v", _CLAIM_KEY)} AND u.amount = v.amount AND u.high = v.high
        WHERE u.doc = x.doc AND v.doc = y.doc AND {_same("u", "x", _CLAIM_KEY)})
),
grouped AS (
    SELECT {fact_key}, min(figure_row) AS figure_row, {first_columns}, min(confidence_rank) AS confidence_rank,
           count(*) AS sources, {sources}
    FROM (SELECT * FROM per_article ORDER BY published, doc, article)
    GROUP BY {fact_key}
),
zone_names AS (  -- the official name of each registered zone (the longest spelling seen for the others)
    SELECT park_id, name, max(registered * 1000 + length(name)) AS preference  -- SQLite: name comes from the max row
    FROM {parks} GROUP BY park_id
)
SELECT g.zone, COALESCE(z.name, g.subject) AS zone_name,
       {", ".join("CASE g.confidence_rank WHEN 3 THEN 'high' WHEN 2 THEN 'medium' ELSE 'low' END AS confidence"
                  if name == "confidence" else f"g.{name}" for name in FIGURE_COLUMNS)},
       CASE WHEN c.zone IS NULL THEN 0 ELSE 1 END AS conflict,
       g.sources, g.published, g.doc, g.article_title, g.evidence
FROM grouped g LEFT JOIN conflicts c ON {_same("c", "g", _CLAIM_KEY)}
LEFT JOIN zone_names z ON z.park_id = g.park_id AND g.park_id <> ''
ORDER BY g.zone, g.metric_key, g.period_end, g.period_start, g.figure_row"""


