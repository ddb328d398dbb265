"""Where documents are extracted: an engine runs the runner's per-document work on worker processes.

The work is the runner's own (``extract_document`` then ``materialize``): an
engine only decides where it runs. The main process hands an engine
``DocumentTask``s in input order and gets each document's ``Extracted`` back in
that same order, streaming, with a bounded number of documents in flight; it
writes every output itself (``OutputSet``), so the outputs are a single-process
run's. The workers write the records' JSON lines and table rows into shard files
in OUT_DIR (``write_shards``, when the spec names a folder), and the main process
copies each document's part of them in input order, with its ledger row; a worker
that cannot write a shard hands its articles back rendered (``render_article``).
Without an engine the runner extracts in its own process, as always.

An engine implements ``Engine`` (``extractor.run.cluster.DaskEngine`` does, on a
Dask cluster; a Ray adapter would too). Its workers call ``extract_batch``,
which builds the backend once per worker thread (``backend_for``) from a
picklable ``BackendSpec``. Nothing here imports an engine's library.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..backends import Backend, Usage, get_backend
from ..backends.budget import DEFAULT_DOC_TIMEOUT
from ..errors import ExtractorError
from ..models import DocumentMeta
from ..outputs import OUTCOMES_SUFFIX, DocumentEntry, DocumentWork, RenderedArticle, ShardBatch, write_batch_shard, write_shards
from ..text.load import DEFAULT_MAX_FILE_SIZE, display_name
from .document import DocumentOutcome, Status, Tally, extract_document, materialize

if TYPE_CHECKING:
    from ..backends.llm.limits import CallLimits
    from ..backends.llm.settings import LLMSettings

BACKENDS_KEPT = 2  # backends a worker thread keeps built (a long-lived cluster serves one run after another)


class ClusterLost(ExtractorError):
    """The engine lost its cluster mid-run (the scheduler died or cannot be reached): the run fails, --resume finishes it."""

    ends_run = True
    exit_code = 1


@dataclass(frozen=True)
class BackendSpec:
    """What a worker needs to build the run's backend: picklable, and small enough to send with every task.

    ``limits`` bounds the LLM backend's calls across the whole run (a cluster's
    ``CallLimits``); None leaves each backend its own. The API key is not in
    here: a worker reads it from its own environment (``llm.api_key_env``).
    """

    name: str
    llm: LLMSettings | None = None
    limits: CallLimits | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # the run's per-document options (--max-file-size, --doc-timeout, --parks)
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT
    parks: tuple[str, ...] = ()  # zone registry files besides the packaged one: the workers load them too
    shards: str = ""  # a folder in OUT_DIR where the workers write the records' lines and rows (outputs.write_shards)

    def key(self) -> str:
        settings = self.llm.model_dump_json() if self.llm is not None else ""
        return f"{self.name}|{settings}|{getattr(self.limits, 'name', '')}"

    def build(self) -> Backend:
        return get_backend(self.name, self.llm, self.limits)


@dataclass(slots=True)
class DocumentTask:
    """One input file, as the main process names it; ``meta`` is its --meta row, looked up by the main process.

    The main process makes one per input, so ``path`` may be the plain string (a ``Path`` costs more to make than
    the rest of the task together).
    """

    path: Path | str
    doc: str
    finished_sha256: str | None = None  # a previous run finished this content (--resume)
    meta: DocumentMeta | None = None
    location: str = ""  # the absolute path the worker reads: a relative one would be taken from the worker's own folder
    size: int | None = None  # the file's bytes, when the main process read them (what tasks are sized by)


@dataclass
class TaskBatch:
    """A batch's tasks as they travel to a worker: one object that Dask does not walk into (it looks for futures in
    every list it is given), of a few bytes per document.

    The file names go as one byte string and everything a worker can work out (a task's document name, its
    absolute location) is left out unless it differs: a task's arguments are kept by Dask's scheduler and client
    while it runs, and a few hundred bytes of Python strings per document grew the main process by some 0.3 KiB
    per document over a run (issue 22).
    """

    here: str  # the main process's folder: a task's location is its path taken from there, unless given
    folders: list[str]
    names: bytes  # the file names (file system bytes), each ended by a NUL byte (which no file name holds)
    folder_of: bytes  # each task's folder, as an array of indexes ("I"); empty when there is one folder
    given: dict[str, dict[int, Any]]  # by column (path, doc, finished, meta, location): the values not worked out

    @classmethod
    def of(cls, tasks: list[DocumentTask], here: str | None = None) -> TaskBatch:
        here = os.getcwd() if here is None else here
        folders: dict[str, int] = {}
        folder_of = array("I")
        names = bytearray()
        given: dict[str, dict[int, Any]] = {"path": {}, "doc": {}, "finished": {}, "meta": {}, "location": {}}
        for index, task in enumerate(tasks):
            path = os.fspath(task.path)
            folder, name = os.path.split(path)
            folder_of.append(folders.setdefault(folder, len(folders)))
            names += os.fsencode(name) + b"\0"
            # only what a worker cannot work out travels (compared here, one by one: this runs for every input)
            if path != _joined(folder, name):
                given["path"][index] = path
            if task.doc != display_name(name):
                given["doc"][index] = task.doc
            if task.finished_sha256 is not None:
                given["finished"][index] = task.finished_sha256
            if task.meta is not None:
                given["meta"][index] = task.meta
            if task.location != os.path.join(here, path):
                given["location"][index] = task.location
        return cls(here, list(folders), bytes(names), folder_of.tobytes() if len(folders) > 1 else b"", given)

    def tasks(self) -> list[DocumentTask]:
        folder_of = array("I", self.folder_of) if self.folder_of else None
        given = self.given
        tasks = []
        for index, raw in enumerate(self.names.split(b"\0")[:-1]):
            name = os.fsdecode(raw)
            path = given["path"].get(index) or _joined(self.folders[folder_of[index] if folder_of else 0], name)
            tasks.append(
                DocumentTask(
                    Path(path),
                    given["doc"].get(index, display_name(name)),
                    given["finished"].get(index),
                    given["meta"].get(index),
                    given["location"].get(index, os.path.join(self.here, path)),
                )
            )
        return tasks


def _joined(folder: str, name: str) -> str:
    return os.path.join(folder, name) if folder else name


def unseen_reason(location: str) -> str:
    """Why a worker could not read a file the main process saw: plainly, with what to do."""
    return f"not found on the worker ({socket.gethostname()}) at {location}, though this process sees it: {SAME_PATHS}"


SAME_PATHS = "the workers need the input files at the same paths (a shared file system)"


@dataclass
class Extracted:
    """A document's work as a worker returns it, with the seconds it took and its backend's usage counters."""

    work: DocumentWork
    seconds: float = 0.0
    usage: Usage | None = None  # what the backend used, to add up; per batch, on its first document
    worker: int = 0  # the id of the process that extracted it: what shows that a cluster spread the work (0: none did)


@dataclass
class BatchDone:
    """A batch a worker wrote whole (``write_batch_shard``), as it comes back: its shard, its outcomes.jsonl lines and
    totals, and only the outcomes a user is told about (skipped, failed): no object per document.
    """

    tasks: int
    shard: ShardBatch | None  # None: no document of it had anything to write (all skipped, say)
    outcome_lines: bytes | None  # None: they are in the shard's outcomes file (STEM.outcomes), not in this object
    tally: Tally
    noted: list[DocumentOutcome]
    articles: int
    usage: Usage | None = None
    seconds: float = 0.0  # the worker's, for the whole batch: what the next tasks are sized by
    worker: int = 0  # the id of the process that extracted it


class Engine(Protocol):
    """Runs ``extract_batch`` somewhere else and hands the results back in task order."""

    workers: int  # processes (or threads) extracting at once, for the progress line

    def extract(self, spec: BackendSpec, tasks: Iterable[DocumentTask], count: int | None = None) -> Iterator[Extracted]:
        """Every task's result, in task order, as soon as it and those before it are done; bounded in flight.

        ``count``, when known, is how many tasks there are: the last ones can then be spread evenly.
        """
        ...

    def close(self) -> None: ...


def extract_batch(spec: BackendSpec, tasks: list[DocumentTask] | TaskBatch) -> list[Extracted] | BatchDone:
    """The per-document work for a batch of documents, on a worker.

    With the rules backend and a shard folder that the worker sees, the batch is written whole into a shard and
    only its totals come back (``BatchDone``); otherwise each document's articles come back as lists, ready to
    pickle (the LLM backend, whose outcomes are redacted and counted in the main process; a batch with a resumed
    document, which the main process carries over at its place). The documents are all started before the first is
    finished, so an LLM backend's calls for them overlap (as the runner's look-ahead does). The usage counters the
    backend gained meanwhile go back with the first document.
    """
    from ..domain.registry import use_files

    use_files(spec.parks)  # the --parks files the main process loaded (workers start with the packaged registry)
    if isinstance(tasks, TaskBatch):
        tasks = tasks.tasks()
    backend = backend_for(spec)
    before = backend.usage()
    started = []
    for task in tasks:
        began = time.perf_counter()
        location = Path(task.location or task.path)
        work = extract_document(
            location, task.doc, backend, task.finished_sha256, _Given(task.meta), spec.max_file_size, spec.doc_timeout
        )
        outcome = work.entry.outcome
        outcome.path = display_name(task.path)  # as the main process names it, so run.json is a one-process run's
        if outcome.status is Status.skipped and not os.path.lexists(location):
            outcome.reason = unseen_reason(str(location))
        started.append((began, work))
    done = [Extracted(materialize(work), time.perf_counter() - began, worker=os.getpid()) for began, work in started]
    usage = backend.usage().since(before)
    whole = _written_whole(spec, done, usage) if spec.shards and spec.llm is None else None
    if whole is not None:
        return whole
    if spec.shards:  # the worker writes, the main process appends the shard's bytes and rows in input order
        write_shards(Path(spec.shards), [extracted.work for extracted in done])
    if done:
        done[0].usage = usage
    return done


def _written_whole(spec: BackendSpec, done: list[Extracted], usage: Usage) -> BatchDone | None:
    """The batch written into a shard with its ledger rows, its outcomes counted here; None when it cannot be."""
    if any(extracted.work.entry.outcome.status is Status.resumed for extracted in done):
        return None  # carried over by the main process, at its place among the others

    def count(entry: DocumentEntry, article: RenderedArticle) -> None:
        entry.outcome.count(article)

    works = [extracted.work for extracted in done]
    shard = write_batch_shard(Path(spec.shards), works, count)
    if shard is None and any(isinstance(work.articles, list) for work in works):
        return None  # the worker cannot write there: the main process writes
    tally, lines, noted, articles = Tally(), [], [], 0
    for extracted in done:
        outcome: DocumentOutcome = extracted.work.entry.outcome
        outcome.seconds = round(extracted.seconds, 3)
        tally.add(outcome)
        articles += outcome.articles
        lines.append(json.dumps(dict(vars(outcome)), ensure_ascii=False) + "\n")
        if outcome.status in (Status.skipped, Status.failed):
            noted.append(outcome)
    seconds = max((extracted.seconds for extracted in done), default=0.0)  # all are started first: the batch's time
    data = "".join(lines).encode("utf-8")
    if shard is not None:  # the lines go beside the records: a few hundred bytes a document stay out of the main process
        with contextlib.suppress(OSError):  # or travel back, as they did (a full disk)
            Path(shard.stem + OUTCOMES_SUFFIX).write_bytes(data)
            return BatchDone(len(done), shard, None, tally, noted, articles, usage, seconds, os.getpid())
    return BatchDone(len(done), shard, data, tally, noted, articles, usage, seconds, os.getpid())


def failed(task: DocumentTask, reason: str) -> Extracted:
    """The result of a document whose worker could not return it (it died on it, again and again)."""

    outcome = DocumentOutcome(doc=task.doc, path=display_name(task.path), status=Status.failed, reason=reason)
    return Extracted(DocumentWork(DocumentEntry(doc=task.doc, outcome=outcome)))


_built = threading.local()  # per worker thread: an LLM backend's counters are then this thread's documents' alone


def backend_for(spec: BackendSpec) -> Backend:
    """The spec's backend, built on first use in this thread and kept for the next tasks."""
    kept: OrderedDict[str, Backend] = getattr(_built, "backends", None) or OrderedDict()
    _built.backends = kept
    key = spec.key()
    if key not in kept:
        bind = getattr(spec.limits, "bind", None)
        if bind is not None:
            bind()  # a cluster's limits connect here, in the task's thread
        kept[key] = spec.build()
        while len(kept) > BACKENDS_KEPT:
            kept.popitem(last=False)[1].close()
    kept.move_to_end(key)
    return kept[key]


class _Given:
    """The --meta row the main process looked up, in the shape ``extract_document`` asks a manifest for it."""

    def __init__(self, meta: DocumentMeta | None) -> None:
        self.meta = meta

    def meta_for(self, file: Path) -> DocumentMeta | None:
        return self.meta
