"""records.jsonl: one record a line, streamed as each article finishes.

One JSON object a line: ``kind``, ``doc``, ``article``, then the record's own
fields (from the Pydantic model, so this file never lists them), ``evidence``
and ``status``.

A fresh run writes records.jsonl directly: one unbuffered write per article, so
a killed run leaves only whole lines, and a document that fails (or a write
that fails on a full disk) is cut back to where the document began.

Its part of --resume: at the end of each document it seals the document's lines
(count and sha256) in the ledger. A resume writes a new file beside the old one
(``records.jsonl.writing``), in input order: an unchanged document's lines are
copied from the old file when their seal still matches, everything else is
written afresh; the new file replaces the old one only when the run completes.
The old file is read twice, line by line (an index of byte ranges, then the
copies), so memory does not grow with its size. A resume that is itself
interrupted leaves ``records.jsonl.interrupted-N``; the next resume reads it too.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..models import Article, DocumentMeta, Record
from .files import create_new
from .writer import RECORDS_FILE, DocumentEntry, RenderedArticle, ShardBatch, Writer

_WRITING = ".writing"
_INTERRUPTED = ".interrupted-"
_COPY_BLOCK = 1 << 20


def record_row(record: Record, doc: str, article: int, meta: DocumentMeta | None = None) -> dict:
    """One line's object: kind, doc, article, the document's publication date, then the model's fields.

    ``published`` is "" and ``published_precision`` null when the document's date is unknown.
    """
    fields = record.model_dump(mode="json")
    kind = fields.pop("kind")
    meta = meta or DocumentMeta()
    dated = {"published": meta.published, "published_precision": meta.published_precision}
    return {"kind": kind, "doc": doc, "article": article, **dated, **fields}


def article_lines(doc: str, article: Article, meta: DocumentMeta | None = None) -> bytes:
    encode = _LINE_ENCODER.encode  # json.dumps with these options would build a new encoder for every line
    lines = [encode(record_row(r, doc, article.index, meta)) + "\n" for r in article.records()]
    return "".join(lines).encode("utf-8")


_LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)  # json.dumps(…, ensure_ascii=False, allow_nan=False)


def iter_records(path: Path) -> Iterator[dict]:
    """The records of a records.jsonl, one at a time."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def read_records(path: Path) -> list[dict]:
    return list(iter_records(path))


@dataclass(frozen=True)
class _Range:
    source: Path
    start: int
    end: int


class JsonlWriter(Writer):
    """records.jsonl (see the module's docstring)."""

    name = RECORDS_FILE
    shard_suffixes = (".jsonl", ".jsonl" + _WRITING)

    @classmethod
    def at(cls, out_dir: Path, settings: dict[str, str]) -> JsonlWriter:
        return cls(out_dir / cls.name)

    @staticmethod
    def render(entry: DocumentEntry, article: Article) -> bytes:
        return article_lines(entry.doc, article, entry.meta)

    def __init__(self, path: Path) -> None:
        self.path = path
        self._target = path  # the file being written: records.jsonl, or records.jsonl.writing on --resume
        self._file: IO[bytes] | None = None
        self._offset = 0  # where the file ends: a document that fails is cut back to where it began
        self._document_start = 0
        self._digest = hashlib.sha256()
        self._lines = 0
        self._held: dict[str, _Range] = {}
        self._sources: list[Path] = []
        self._shard: IO[bytes] | None = None  # the shard being merged (a cluster's workers wrote the lines)
        self._shard_seal = ""  # the seal the worker computed for the document's lines in it

    # -- opening: a fresh file, or a new file beside what a previous run left -------------

    def open(self, previous: dict[str, DocumentEntry] | None) -> set[str] | None:
        writing = self.path.with_name(self.path.name + _WRITING)
        leftovers = sorted(self.path.parent.glob(self.path.name + _INTERRUPTED + "*"), key=_number)
        if previous is None:
            for stale in [writing, *leftovers]:
                stale.unlink(missing_ok=True)
            self._open(self.path)
            return None
        if writing.exists():  # an interrupted resume: its lines are worth keeping too
            keep_as = self.path.with_name(f"{self.path.name}{_INTERRUPTED}{len(leftovers) + 1}")
            writing.replace(keep_as)
            leftovers.append(keep_as)
        self._sources = [path for path in (self.path, *leftovers) if path.exists()]
        for source in self._sources:
            self._index(source, previous)
        empty = _seal(0, hashlib.sha256())
        for doc, entry in previous.items():  # a document with no records has no lines: nothing to copy
            if entry.seals.get(self.name) == empty:
                self._held.setdefault(doc, _Range(self.path, 0, 0))
        self._open(writing)
        return set(self._held)

    def _open(self, target: Path) -> None:
        self._target = target
        self._file = create_new(target, "wb", buffering=0)
        self._offset = 0

    def _index(self, source: Path, previous: dict[str, DocumentEntry]) -> None:
        """Note where each document's lines are whole and match the seal the ledger keeps for them."""
        current: str | None = None
        start = offset = lines = 0
        digest = hashlib.sha256()

        def close_run() -> None:
            entry = previous.get(current) if current is not None else None
            if entry is not None and entry.seals.get(self.name) == _seal(lines, digest):
                self._held.setdefault(current, _Range(source, start, offset))

        with source.open("rb") as handle:
            for line in handle:
                doc = _doc_of(line)
                if doc != current or doc is None:
                    close_run()
                    current, start, lines, digest = doc, offset, 0, hashlib.sha256()
                offset += len(line)
                if doc is not None:
                    digest.update(line)
                    lines += 1
            close_run()

    # -- writing ----------------------------------------------------------------------------

    def begin_document(self, entry: DocumentEntry) -> None:
        self._document_start = self._offset
        self._digest = hashlib.sha256()
        self._lines = 0
        self._shard_seal = ""

    def write_article(self, entry: DocumentEntry, article: RenderedArticle) -> None:
        data: bytes | None = article.pieces.get(self.name)
        if data is None:  # its lines were in a shard
            return
        self._write(data)
        self._digest.update(data)
        self._lines += data.count(b"\n")

    def end_document(self, entry: DocumentEntry) -> None:
        entry.seals[self.name] = self._shard_seal or _seal(self._lines, self._digest)

    # -- shards: a cluster's workers write the lines, this process appends them in input order -----

    @staticmethod
    def write_shard(stem: Path, documents: list[tuple[DocumentEntry, list[RenderedArticle]]]) -> dict[str, Any]:
        """The documents' lines, one after another, in STEM.jsonl; each document's byte range and seal."""
        path = Path(f"{stem}.jsonl")
        writing = path.with_name(path.name + _WRITING)
        parts: dict[str, Any] = {}
        offset = 0
        with create_new(writing, "wb") as handle:
            for entry, articles in documents:
                start, digest, lines = offset, hashlib.sha256(), 0
                for article in articles:
                    data: bytes = article.pieces[RECORDS_FILE]
                    handle.write(data)
                    digest.update(data)
                    lines += data.count(b"\n")
                    offset += len(data)
                parts[entry.doc] = (start, offset, _seal(lines, digest))
        writing.replace(path)  # whole, or not there: the main process never reads a shard half-written
        return parts

    def open_shard(self, stem: Path | None) -> None:
        if self._shard is not None:
            self._shard.close()
            self._shard = None
        if stem is not None:
            self._shard = Path(f"{stem}.jsonl").open("rb")  # noqa: SIM115 -- read across documents, closed at the next shard

    def merge_shard(self, entry: DocumentEntry, part: Any) -> None:
        start, end, seal = part
        assert self._shard is not None, "open_shard() first"
        self._shard.seek(start)
        data = self._shard.read(end - start)
        if len(data) != end - start:
            raise OSError(f"{self._shard.name} is shorter than its worker said")
        self._write(data)
        self._shard_seal = seal

    @classmethod
    def write_batch(cls, stem: Path, documents: list[tuple[DocumentEntry, list[RenderedArticle]]]) -> None:
        """Every document's lines in STEM.jsonl, one after another, and each document's seal in its entry."""
        for entry, (_start, _end, seal) in zip(
            (entry for entry, _articles in documents), cls.write_shard(stem, documents).values(), strict=True
        ):
            entry.seals[cls.name] = seal

    def merge_batch(self, batch: ShardBatch, first_position: int) -> None:
        """The open shard's lines, all of them, copied in blocks: its documents come one after another in input order."""
        assert self._shard is not None and self._file is not None, "open_shard() first"
        self._document_start = self._offset
        copied = _copy_in_kernel(self._shard.fileno(), self._file.fileno())
        self._offset += copied
        self._shard.seek(copied)
        while block := self._shard.read(_COPY_BLOCK):  # what the kernel would not copy (another file system, say)
            self._write(block)

    def abandon_batch(self) -> None:
        self.abandon_document(DocumentEntry(doc=""))

    def abandon_document(self, entry: DocumentEntry) -> None:
        if self._file is not None:
            os.ftruncate(self._file.fileno(), self._document_start)
            self._file.seek(self._document_start)
            self._offset = self._document_start

    def keep_document(self, entry: DocumentEntry) -> None:
        held = self._held[entry.doc]
        with held.source.open("rb") as handle:
            handle.seek(held.start)
            left = held.end - held.start
            while left:
                block = handle.read(min(left, _COPY_BLOCK))
                if not block:
                    raise OSError(f"{held.source} shrank while it was being read")
                self._write(block)
                left -= len(block)

    def _write(self, data: bytes) -> None:
        assert self._file is not None
        view = memoryview(data)
        while view:  # a regular file takes it in one call; a short write only on a full disk or a signal
            written = self._file.write(view) or 0
            self._offset += written
            view = view[written:]

    # -- the end --------------------------------------------------------------------------

    def finish(self, manifest: dict[str, Any]) -> None:
        self.close()
        if self._target != self.path:
            self._target.replace(self.path)
            for source in self._sources:
                if source != self.path:
                    source.unlink(missing_ok=True)

    def close(self) -> None:
        self.open_shard(None)
        if self._file is not None:
            self._file.close()
            self._file = None


# what copy_file_range answers when it cannot copy between these files (older kernels across file systems, file
# systems without it): the bytes then go through this process as before; any other error (a full disk) is the write's
_NO_KERNEL_COPY = {errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ETXTBSY, errno.EBADF}


def _copy_in_kernel(source: int, target: int) -> int:
    """Copy ``source`` from its start to ``target`` at its position inside the kernel; the bytes copied.

    The main process appends every worker's lines: copy_file_range moves them from page cache to page cache,
    where a read and a write copied each byte twice through this process (issue 22). It may copy less than all
    (0 where it cannot): the caller copies the rest.
    """
    copy = getattr(os, "copy_file_range", None)
    if copy is None:
        return 0
    copied = 0
    while True:
        try:
            step = copy(source, target, _COPY_BLOCK, copied)
        except OSError as exc:
            if exc.errno in _NO_KERNEL_COPY:
                return copied
            raise
        if not step:
            return copied
        copied += step


def _seal(lines: int, digest: Any) -> str:
    return f"{lines}:{digest.hexdigest()}"


def _doc_of(line: bytes) -> str | None:
    """The document a line belongs to; None for a line cut short or not ours."""
    if not line.endswith(b"\n"):
        return None
    try:
        doc = json.loads(line).get("doc")
    except (ValueError, AttributeError):
        return None
    return doc if isinstance(doc, str) else None


def _number(path: Path) -> int:
    suffix = path.name.rsplit("-", 1)[-1]
    return int(suffix) if suffix.isdigit() else 0
