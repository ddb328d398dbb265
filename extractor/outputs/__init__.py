"""Step 8, write: every output format is a writer; one place (OutputSet) drives them all, in input order.

    jsonl.py     records.jsonl   one record a line, streamed as articles finish
    sqlite.py    records.sqlite  tables derived from the models; the ledger --resume reads
    csv.py       *.csv           exported from the database at the end of the run
    manifest.py  run.json        settings, counts, usage (every input's outcome: outcomes.jsonl)
    report.py    report.html     the review page (an index and a page per document)

A run calls, for each document in input order, either ``write`` (a freshly
extracted document: begin → article … → end, or abandon when it fails) or
``keep`` (a document a previous run finished, on --resume); then ``finish``.
Each writer owns its part of resume: on ``open`` it is handed the ledger's
entries and answers which documents it holds whole (a writer may *seal* a
document at ``end_document``: the ledger stores the seal, and the writer checks
it on the next resume). The ledger (SQLite) commits last, so a document is
finished when, and only when, the ledger says so.

Nothing here runs the pipeline: a document arrives as a ``DocumentWork``, which
a worker process can produce and return (its articles as a list). Its articles
arrive rendered (``render_article``): each writer's piece of an article (lines,
rows) is made where the article was extracted, by the writer's ``render``, so
the one process that writes for every worker only appends what it is handed.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import reraise_interrupt
from ..models import Article
from .csv import CsvWriter
from .errors import OutputError, describe_write_error
from .files import refuse_links
from .jsonl import JsonlWriter
from .lock import OutputLock
from .manifest import ManifestWriter
from .sqlite import SqliteWriter
from .writer import (
    DATABASE_FILE,
    MANIFEST_FILE,
    OUTCOMES_FILE,
    OUTCOMES_SUFFIX,
    RECORDS_FILE,
    REPORT_FILE,
    SHARDS_FOLDER,
    DocumentEntry,
    RenderedArticle,
    ShardBatch,
    ShardPart,
    Writer,
)

# Runs a function, with its arguments, on a worker of the run's cluster and returns its result (``finish``)
Elsewhere = Callable[..., Any]


def render_article(entry: DocumentEntry, article: Article) -> RenderedArticle:
    """Every rendering writer's piece of ``article`` (with a cluster, on the worker that extracted it)."""
    pieces = {writer.name: writer.render(entry, article) for writer in rendering_writers()}
    return RenderedArticle(article.index, article.counts(), pieces)


@functools.cache
def rendering_writers() -> tuple[type[Writer], ...]:
    """The writers that write per article: those with a ``render`` of their own."""
    return tuple(writer for writer in writer_types() if writer.render is not Writer.render)


@functools.cache
def writer_types(report: bool = False) -> tuple[type[Writer], ...]:
    """The writers of an OUT_DIR, in the order they finish: the database is complete before the CSVs are exported from it."""

    if not report:
        return (JsonlWriter, SqliteWriter, CsvWriter, ManifestWriter)
    from .report import ReportWriter  # here: a run without --report never loads (or, without bytecode, compiles) the page writer

    return (JsonlWriter, SqliteWriter, CsvWriter, ManifestWriter, ReportWriter)


@dataclass
class DocumentWork:
    """A document on its way to the outputs, as a worker hands it over.

    ``articles`` is None when there is nothing to write (the file was skipped or
    failed, or a previous run finished it); a list makes the value picklable.
    ``shard`` says where a worker wrote the pieces of the writers that shard
    (their pieces are then no longer in the articles, which keep their counts).
    """

    entry: DocumentEntry
    articles: Iterable[RenderedArticle] | None = None
    shard: ShardPart | None = None


def write_shards(folder: Path, works: list[DocumentWork]) -> None:
    """On a worker: the batch's pieces go into shard files in ``folder`` (OUT_DIR/.shards/RUN), which the main process
    merges in input order, so that it appends files instead of unpickling and writing every line and row itself.

    A shard that cannot be written (the worker does not see OUT_DIR, a full disk) leaves the works as they were:
    the main process then writes their pieces itself, and the outputs are the same.
    """
    documents = [(work.entry, work.articles) for work in works if isinstance(work.articles, list) and work.articles]
    if not documents:
        return
    stem = folder / uuid.uuid4().hex  # a task run again (its worker died) writes a shard of its own
    parts: dict[str, dict[str, Any]] = {}
    try:
        for writer in rendering_writers():
            written = writer.write_shard(stem, documents)
            if written is not None:
                parts[writer.name] = written
    except (OSError, sqlite3.Error):
        remove_shard(stem)
        return
    for work in works:
        if isinstance(work.articles, list) and work.articles:
            work.shard = ShardPart(str(stem), {name: by_doc[work.entry.doc] for name, by_doc in parts.items()})
            work.articles = [RenderedArticle(a.index, a.counts, _unsharded(a.pieces, parts)) for a in work.articles]


def write_batch_shard(
    folder: Path, works: list[DocumentWork], on_article: Callable[[DocumentEntry, RenderedArticle], None]
) -> ShardBatch | None:
    """On a worker: a batch's documents written whole into a shard in ``folder`` (rows, lines, ledger rows, seals),
    which the main process appends as one (``OutputSet.write_batch``); None when the shard cannot be written (the
    worker does not see OUT_DIR, a full disk): the works are then handed back as they are.

    ``on_article`` sees each article first, as ``OutputSet.write`` would show it (the outcome's counts are stored).
    Every work must have its articles as a list (read now, not resumed nor skipped) to be in the shard.
    """
    documents = [(work.entry, work.articles) for work in works if isinstance(work.articles, list)]
    if not documents:
        return None
    for entry, articles in documents:
        for article in articles:
            on_article(entry, article)
    stem = folder / uuid.uuid4().hex
    try:
        for writer in rendering_writers():  # in the writers' order: the records' seals are set before the ledger row
            writer.write_batch(stem, documents)
    except (OSError, sqlite3.Error):
        remove_shard(stem)
        return None
    return ShardBatch(str(stem), len(documents))


def _unsharded(pieces: dict[str, Any], sharded: dict[str, Any]) -> dict[str, Any]:
    return {name: piece for name, piece in pieces.items() if name not in sharded}


def remove_shard(stem: Path) -> None:
    """A shard's files (every writer's, any left half-written, and its outcomes' lines)."""
    for writer in rendering_writers():
        for suffix in writer.shard_suffixes:
            Path(f"{stem}{suffix}").unlink(missing_ok=True)
    Path(f"{stem}{OUTCOMES_SUFFIX}").unlink(missing_ok=True)


class OutputSet:
    """The writers of one OUT_DIR, under its lock. Use as a context manager."""

    def __init__(self, out_dir: Path, settings: dict[str, str], resume: bool = False, report: bool = False) -> None:

        self.out_dir = out_dir
        self.settings = settings
        self.resume = resume
        self.writers: list[Writer] = [kind.at(out_dir, settings) for kind in writer_types(report)]
        self.ledger = next(writer for writer in self.writers if isinstance(writer, SqliteWriter))
        self.previous: dict[str, DocumentEntry] = {}  # documents a previous run finished that every writer holds whole
        self._lock = OutputLock(out_dir)
        self._position = 0
        self._shard: Path | None = None  # the shard being merged

    def __enter__(self) -> OutputSet:
        _make_folder(self.out_dir)
        with self._guard("the lock file"):
            self._lock.acquire()
        try:
            refuse_links(self.out_dir)  # a link planted at an output's name is never written through
            with self._guard("the shards"):
                self._remove_shards()  # what the workers of a run that was stopped wrote and nobody merged
            ledger = self.ledger.read_ledger() if self.resume else None  # checked before anything is touched
            with self._guard("the outputs"):
                holders = [writer.open(ledger) for writer in self.writers]
            if ledger is not None:
                kept = set(ledger)
                for held in holders:
                    kept &= held if held is not None else kept
                self.previous = {doc: ledger[doc] for doc in kept}
        except BaseException:
            self._close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._close()

    def _close(self) -> None:
        for writer in self.writers:
            with contextlib.suppress(Exception):
                writer.close()  # and its shard: never open_shard here, which may commit what a failure left half done
        with contextlib.suppress(OSError):
            self._remove_shards()  # a document merged is in the outputs; one not merged is not in the ledger either
        self._lock.release()

    def shard_folder(self) -> Path:
        """A new folder for this run's shards, in OUT_DIR (absolute: a worker may run in another folder)."""
        folder = self.out_dir.absolute() / SHARDS_FOLDER / uuid.uuid4().hex[:12]
        with self._guard("the shards"):
            folder.mkdir(parents=True)
        return folder

    def _remove_shards(self) -> None:
        shards = self.out_dir / SHARDS_FOLDER
        if shards.is_symlink() or shards.is_file():
            shards.unlink()
        elif shards.exists():
            shutil.rmtree(shards)

    def _switch_shard(self, stem: Path | None) -> None:
        """Every writer reads the next shard; the one before is merged whole (batches are runs of the input order)."""
        if stem == self._shard:
            return
        with self._guard("the shards"):
            for writer in self.writers:
                writer.open_shard(stem)
            if self._shard is not None:
                remove_shard(self._shard)
        self._shard = stem

    def keep(self, doc: str) -> DocumentEntry:
        """A document a previous run finished: every writer carries its part over at this position."""
        entry = self.previous[doc]
        entry.position = self._next_position()
        with self._guard(doc):
            for writer in self.writers:
                writer.keep_document(entry)
        return entry

    def write(self, work: DocumentWork, on_article: Callable[[RenderedArticle], None] = lambda article: None) -> str:
        """Write a document's articles to every writer as they come; return "" or why the document failed.

        An error of the document's own articles (the pipeline) fails that document
        only: every writer undoes its part. An error of a writer ends the run with
        an OutputError, after every writer has undone its part of this document.
        """
        entry = work.entry
        if work.articles is None:
            return ""
        entry.position = self._next_position()
        failure = ""
        if work.shard is not None:
            self._switch_shard(Path(work.shard.stem))  # before the document's transaction: a shard is attached outside one
        try:
            self._each("begin_document", entry)
            if work.shard is not None:
                self._merge(entry, work.shard)
            for article in _guarded(work.articles):
                self._each("write_article", entry, article)
                on_article(article)
            self._each("end_document", entry)
        except _DocumentFailed as exc:
            failure = f"{type(exc.cause).__name__}: {exc.cause}"
            self._undo(entry)
        except BaseException:
            self._undo(entry)
            raise
        return failure

    def write_batch(self, batch: ShardBatch) -> None:
        """Append a batch a worker wrote whole, after the documents before it; an OutputError undoes all of it."""
        first = self._position + 1
        self._switch_shard(Path(batch.stem))
        try:
            with self._guard("the shards"):
                for writer in self.writers:
                    writer.merge_batch(batch, first)
        except BaseException:
            for writer in self.writers:
                with contextlib.suppress(Exception):  # the first error is the one to report
                    writer.abandon_batch()
            raise
        self._position += batch.documents

    def finish(self, manifest: dict[str, Any], elsewhere: Elsewhere | None = None) -> None:
        """Finish every writer; with ``elsewhere``, the ledger's last changes, the CSVs and the review pages are made on
        a worker of the cluster (work in proportion to the corpus), and this process writes records.jsonl and run.json."""
        self._switch_shard(None)
        with self._guard("the outputs"):
            if elsewhere is None:
                for writer in self.writers:
                    writer.finish(manifest)
                return
            away = [writer for writer in self.writers if writer.finishes_away]
            for writer in self.writers:
                if not writer.finishes_away and writer.name != MANIFEST_FILE:
                    writer.finish(manifest)
                else:
                    writer.close()  # the ledger is committed and closed before a worker opens it
            kinds = tuple(type(writer) for writer in away)
            manifest = elsewhere(finish_away, self.out_dir.absolute(), self.settings, kinds, manifest)
            for writer in self.writers:
                if writer.name == MANIFEST_FILE:
                    writer.finish(manifest)

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        """run.json alone, for a run that stops early: the other outputs stay as the ledger left them (--resume finishes them)."""

        for writer in self.writers:
            if isinstance(writer, ManifestWriter):
                writer.finish(manifest)

    def _next_position(self) -> int:
        self._position += 1
        return self._position

    def _each(self, method: str, *args: Any) -> None:
        with self._guard(args[0].doc):
            for writer in self.writers:
                getattr(writer, method)(*args)

    def _merge(self, entry: DocumentEntry, shard: ShardPart) -> None:
        with self._guard(entry.doc):
            for writer in self.writers:
                if writer.name in shard.parts:
                    writer.merge_shard(entry, shard.parts[writer.name])

    def _undo(self, entry: DocumentEntry) -> None:
        for writer in self.writers:
            with contextlib.suppress(Exception):  # the first error is the one to report
                writer.abandon_document(entry)

    @contextlib.contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        """Turn a failed write (full disk, read-only folder, …) into an OutputError that says what to do."""
        try:
            yield
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(
                f"cannot write to {self.out_dir} ({what}): {describe_write_error(exc)}. "
                "Every document finished so far is kept whole: fix that, then run the same command with --resume to continue."
            ) from exc


def finish_away(out_dir: Path, settings: dict[str, str], kinds: tuple[type[Writer], ...], manifest: dict[str, Any]) -> dict[str, Any]:
    """On a worker: finish these writers of OUT_DIR (its ledger closed by the main process), in order; the manifest back."""
    for kind in kinds:
        kind.at(out_dir, settings).finish(manifest)
    return manifest


class _DocumentFailed(Exception):
    def __init__(self, cause: Exception) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _guarded(articles: Iterable[RenderedArticle]) -> Iterator[RenderedArticle]:
    """The document's articles, with an error of the pipeline told apart from an error of a writer."""
    iterator = iter(articles)
    while True:
        try:
            article = next(iterator)
        except StopIteration:
            return
        except Exception as exc:  # one bad document must not end the run; the reason goes to run.json
            reraise_interrupt(exc)  # Ctrl-C wrapped by a library: the run stops as at any other moment
            if getattr(exc, "ends_run", False):  # the backend cannot go on (BackendAborted): every document would fail alike
                raise
            raise _DocumentFailed(exc) from exc
        yield article


def _make_folder(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"-o {out_dir} is a file, not a folder: choose a folder (it is created when missing)")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {out_dir}: {describe_write_error(exc)}") from exc


__all__ = [
    "DATABASE_FILE",
    "MANIFEST_FILE",
    "OUTCOMES_FILE",
    "OUTCOMES_SUFFIX",
    "RECORDS_FILE",
    "REPORT_FILE",
    "DocumentEntry",
    "DocumentWork",
    "OutputError",
    "OutputSet",
    "RenderedArticle",
    "ShardBatch",
    "ShardPart",
    "Writer",
    "remove_shard",
    "render_article",
    "rendering_writers",
    "write_batch_shard",
    "write_shards",
]
