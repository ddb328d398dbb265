"""What every output writer shares: the files' names, a document as the writers see it, the ``Writer`` interface
and an article rendered for them. The writers import this module; ``OutputSet`` (``__init__.py``) drives them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import Article, DocumentMeta

RECORDS_FILE = "records.jsonl"
DATABASE_FILE = "records.sqlite"
MANIFEST_FILE = "run.json"
OUTCOMES_FILE = "outcomes.jsonl"  # every input's outcome, a line each (the runner writes it; run.json has the totals)
REPORT_FILE = "report.html"
OUTCOMES_SUFFIX = ".outcomes"  # a shard's lines of outcomes.jsonl (a batch written whole), beside its records
SHARDS_FOLDER = ".shards"  # in OUT_DIR: what a cluster's workers wrote, merged by the main process and then removed


@dataclass
class DocumentEntry:
    """One document as the writers see it, and as the ledger keeps it for the next --resume."""

    doc: str
    position: int = 0  # in the input order of this run
    sha256: str = ""  # of the input bytes
    encoding: str = ""
    text: str = ""
    outcome: Any = None  # the run's outcome (counts for run.json), stored so that a resumed document counts in full
    seals: dict[str, str] = field(default_factory=dict)  # writer file name → its proof that its part is whole
    meta: DocumentMeta = field(default_factory=DocumentMeta)  # publication date and source: on every record line


class Writer:
    """One output format. Every method has a do-nothing default; a writer overrides what its format needs."""

    name = ""  # the file it owns
    shard_suffixes: tuple[str, ...] = ()  # the files ``write_shard`` makes beside its stem, whole or half-written
    finishes_away = False  # its ``finish`` may run on a cluster's worker, from a fresh instance (``OutputSet.finish``)

    @classmethod
    def at(cls, out_dir: Path, settings: dict[str, str]) -> Writer:
        """The writer of this format in OUT_DIR, for a run with these settings."""
        return cls(out_dir)  # type: ignore[call-arg]

    @staticmethod
    def render(entry: DocumentEntry, article: Article) -> Any:
        """This writer's piece of an article (picklable: it is made on a worker when there is one). Pure: no files.

        A writer that writes per article overrides it; ``write_article`` then gets the piece.
        """
        return None

    def open(self, previous: dict[str, DocumentEntry] | None) -> set[str] | None:
        """Prepare to write. ``previous`` is None on a fresh run; on --resume it is the ledger's documents.

        Return the documents whose part this writer holds whole and can carry over (None: no opinion).
        """
        return None

    def begin_document(self, entry: DocumentEntry) -> None: ...

    def write_article(self, entry: DocumentEntry, article: RenderedArticle) -> None:
        """Write the piece ``render`` made of the article: ``article.pieces[self.name]``."""

    def end_document(self, entry: DocumentEntry) -> None:
        """The document is complete; a writer may add its seal to ``entry.seals``."""

    @staticmethod
    def write_shard(stem: Path, documents: list[tuple[DocumentEntry, list[RenderedArticle]]]) -> dict[str, Any] | None:
        """On a worker: write this writer's pieces of a batch's documents into its shard file beside ``stem``.

        Return each document's part (what ``merge_shard`` needs to find it), by document name; None: nothing to shard.
        Pure but for that one file, which the main process merges and removes.
        """
        return None

    def open_shard(self, stem: Path | None) -> None:
        """The next documents' shard is ``stem`` (None: no more shards); the previous one is no longer read."""

    def merge_shard(self, entry: DocumentEntry, part: Any) -> None:
        """Append the document's part of the open shard, as ``write_article`` would have written its articles."""

    @staticmethod
    def write_batch(stem: Path, documents: list[tuple[DocumentEntry, list[RenderedArticle]]]) -> None:
        """On a worker: this writer's whole part of a batch's documents, ledger rows and seals included, beside ``stem``.

        The writers before this one have set their seals in each entry; the main process appends the batch as one
        (``merge_batch``), so it never handles a document of it.
        """

    def merge_batch(self, batch: ShardBatch, first_position: int) -> None:
        """Append the open shard's whole batch (``write_batch``), its documents at ``first_position`` onwards."""

    def abandon_batch(self) -> None:
        """Undo what ``merge_batch`` wrote: a later writer could not take the batch."""

    def abandon_document(self, entry: DocumentEntry) -> None:
        """Undo whatever begin_document and write_article wrote: the document failed."""

    def keep_document(self, entry: DocumentEntry) -> None:
        """Carry over what a previous run wrote for this unchanged document, at this position."""

    def finish(self, manifest: dict[str, Any]) -> None:
        """The run is complete: exports, temporary files into place."""

    def close(self) -> None:
        """Release files; called after finish, and after a failure (then nothing is finished)."""


@dataclass
class RenderedArticle:
    """An article as the writers take it: its counts for run.json and each rendering writer's piece of it."""

    index: int
    counts: dict[str, int]
    pieces: dict[str, Any]  # writer name → its piece (records.jsonl: bytes; records.sqlite: rows)


@dataclass
class ShardPart:
    """Where a worker wrote a document's pieces: the shard's files (``stem`` + each writer's suffix) and its part in each."""

    stem: str  # absolute, without suffix
    parts: dict[str, Any]  # writer name → what its ``merge_shard`` needs (records.jsonl: byte range and seal)


@dataclass(frozen=True)
class ShardBatch:
    """A batch of documents a worker wrote whole into a shard (``write_batch``): the main process appends it as one.

    ``documents`` have a ledger row each, numbered 1… in input order in the shard; the main process moves them to
    their place in the run. What comes back from the worker is this and the batch's totals: no document's objects.
    """

    stem: str  # absolute, without suffix
    documents: int
