"""A run over many files: every file gets an outcome, every finished article is written at once.

The runner reads each input, runs the pipeline on it and hands the result to
the outputs (``extractor/outputs/``), one document at a time in input order. It
knows no output format: the writers own them, and their part of --resume.

The per-document work is ``extractor/run/document.py``; with an ``engine``
(``extractor/run/engines.py``) the documents are extracted on its workers and come
back in input order, and the outputs are still written here.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..backends import Backend, Usage
from ..backends.budget import DEFAULT_DOC_TIMEOUT
from ..domain.meta import Manifest
from ..domain.registry import user_files as registry_files
from ..models import SCHEMA_VERSION
from ..outputs import DATABASE_FILE, MANIFEST_FILE, OUTCOMES_FILE, OUTCOMES_SUFFIX, RECORDS_FILE, DocumentWork, OutputSet, RenderedArticle
from ..outputs.files import create_new
from ..text.load import InputScan, PathList, display_name
from .document import DocumentOutcome, Redact, Status, Tally, extract_document, redactor
from .engines import BackendSpec, BatchDone, DocumentTask, Engine

__all__ = [
    "DATABASE_FILE",
    "MANIFEST_FILE",
    "OUTCOMES_FILE",
    "RECORDS_FILE",
    "DocumentOutcome",
    "Progressed",
    "RunSummary",
    "Status",
    "extract_document",
    "run_extraction",
    "run_settings",
]

_DATA = Path(__file__).parent.parent / "data"


_TOTALS = ("articles", "parks", "initiatives", "figures", "figures_verified", "quotes", "failed_chunks")


@dataclass
class RunSummary:
    """A run's totals; every input's outcome is a line of OUT_DIR/outcomes.jsonl, written as the run goes.

    Nothing here grows with the number of inputs (issue 22): ``add`` folds an
    outcome into the totals, and ``outcomes`` reads the file back one at a time.
    """

    out_dir: str
    backend: str
    seconds: float = 0.0
    usage: dict[str, Any] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    tally: Tally = field(default_factory=Tally)  # over every outcome so far
    outcomes_path: Path | None = None

    def add(self, outcome: DocumentOutcome) -> None:
        self.tally.add(outcome)

    @property
    def by_status(self) -> dict[str, int]:
        return self.tally.by_status

    @property
    def totals(self) -> dict[str, int]:
        return self.tally.totals

    @property
    def read_totals(self) -> dict[str, int]:
        """The counts over the outcomes read or resumed."""
        return self.tally.read_totals

    @property
    def count(self) -> int:
        return sum(self.by_status.values())

    @property
    def readable(self) -> int:
        return self.by_status.get(Status.read, 0) + self.by_status.get(Status.resumed, 0)

    def outcomes(self) -> Iterator[DocumentOutcome]:
        """Every input's outcome in the order the run finished them, read back from outcomes.jsonl."""
        if self.outcomes_path is None or not self.outcomes_path.exists():
            return
        with self.outcomes_path.open(encoding="utf-8") as handle:
            for line in handle:
                yield DocumentOutcome(**json.loads(line))

    @property
    def documents(self) -> list[DocumentOutcome]:
        """Every outcome as a list (for a library caller; the CLI streams ``outcomes`` instead)."""
        return list(self.outcomes())

    def manifest(self) -> dict[str, Any]:
        return {
            "out_dir": self.out_dir,
            "backend": self.backend,
            "settings": self.settings,
            "outcomes": {"file": OUTCOMES_FILE, "count": self.count, "why": "one line per input: its status, reason and counts"},
            "documents": dict(self.by_status),
            "ignored_files": {"count": len(self.ignored), "first": self.ignored[:100], "why": "folders are searched for *.txt"},
            "counts": {key: self.totals[key] for key in _TOTALS},
            "duration_seconds": round(self.seconds, 3),
            **self.usage,
        }


@dataclass(frozen=True)
class Progressed:
    """Documents done at once (a batch a worker wrote whole), besides those reported one by one: the "documents" event."""

    documents: int
    articles: int


# "article" and "document" (a DocumentOutcome), or "documents" (Progressed: a batch written whole on a worker)
ProgressCallback = Callable[[str, Any], None]


def run_extraction(
    files: Iterable[Path] | InputScan,
    out_dir: Path,
    backend: Backend,
    resume: bool = False,
    on_progress: ProgressCallback | None = None,
    report: bool = False,
    manifest: Manifest | None = None,
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT,
    engine: Engine | None = None,
    pages_ahead: int = 0,
) -> RunSummary:
    """Extract every file into OUT_DIR; a file that cannot be read is reported, never fatal.

    ``files`` may be a scan of the inputs, whose missing paths, folder loops and
    files left out (not *.txt) are then reported in run.json too; ``report`` also
    writes the review page; ``manifest`` (``--meta FILE``) gives files their
    publication date, source and url, winning over their headers. An OutputError
    (OUT_DIR in use, not writable, full, or a ledger --resume cannot trust) ends
    the run; what was written before it stays whole. A document that takes longer
    than ``doc_timeout`` seconds (None: no limit) fails with that reason.
    ``engine`` extracts on
    other processes (a Dask cluster); the outputs are the same. ``pages_ahead``
    pages are prepared ahead of the one being written, so that a backend's slow
    work on them (model calls) overlaps.
    """
    scan = files if isinstance(files, InputScan) else InputScan(files=PathList(files))
    notify = _redacting(on_progress or (lambda event, outcome: None), redactor(backend))
    settings = run_settings(backend, manifest.path if manifest else None, registry_files())
    summary = RunSummary(out_dir=display_name(out_dir), backend=backend.name, settings=settings)
    left_out = [(p, "no such file or folder") for p in scan.missing]
    left_out += [(p, "symbolic link loop: folder already searched") for p in scan.loops]
    left_out += scan.skipped
    summary.ignored = [display_name(p) for p in scan.ignored]
    started = time.perf_counter()
    whole = 0  # batches the workers wrote whole: they see OUT_DIR, and can finish it too
    workers_usage = Usage()  # what an engine's workers' backends used, added up as their documents come back
    with OutputSet(out_dir, settings, resume, report) as outputs, OutcomeLog(out_dir / OUTCOMES_FILE, summary) as log:
        try:
            for path, why in left_out:
                log.add(DocumentOutcome(doc=display_name(path), path=display_name(path), status=Status.skipped, reason=why))
            finished = {doc: entry.sha256 for doc, entry in outputs.previous.items()}
            if engine is not None:
                tasks = _tasks(scan.files, finished, manifest)
                spec = replace(_backend_spec(backend, scan.max_file_size, doc_timeout), shards=str(outputs.shard_folder()))
                whole = _extract_on(engine, spec, tasks, len(scan.files), outputs, log, notify, workers_usage)
            prepared: deque[_Prepared] = deque()
            for plain, doc in _named_strings(scan.files) if engine is None else ():
                path = Path(plain) if manifest else plain  # a Path per input interns its name for good (issue 22)
                work = extract_document(path, doc, backend, finished.get(doc), manifest, scan.max_file_size, doc_timeout)  # type: ignore[arg-type]
                prepared.append(_Prepared(work, time.perf_counter()))
                while len(prepared) > pages_ahead:
                    log.add(_write(prepared.popleft(), outputs, notify))
            while prepared:
                log.add(_write(prepared.popleft(), outputs, notify))
        except BaseException as exc:  # Ctrl-C, SIGTERM, a lost cluster: run.json says how far the run came
            summary.seconds = time.perf_counter() - started
            stopped = {"stopped": f"{type(exc).__name__}: {exc}".rstrip(": ") + "; run the same command with --resume to continue"}
            with contextlib.suppress(Exception):
                log.close()
                summary.usage = (backend.usage() + workers_usage).report()
                outputs.write_manifest(_redact_manifest({**summary.manifest(), **stopped}, redactor(backend)))
            raise
        summary.seconds = time.perf_counter() - started
        summary.usage = (backend.usage() + workers_usage).report()
        log.close()
        elsewhere = getattr(engine, "elsewhere", None) if engine is not None and whole else None
        outputs.finish(_redact_manifest(summary.manifest(), redactor(backend)), elsewhere)
    return summary


def run_settings(backend: Backend, meta: Path | None = None, parks: Iterable[Path] = ()) -> dict[str, str]:
    """What the records depend on besides the input: a --resume with other settings is refused.

    The --meta file and the --parks files count too (by their content): a zone
    must not get two park_ids, nor a page two dates, across a resume.
    """
    settings = {
        "backend": backend.name,
        "extractor": _version(),
        "record_schema": SCHEMA_VERSION,
        "knowledge": _knowledge_digest(),
    }
    if meta is not None:
        settings["meta"] = _files_digest([meta])
    parks = list(parks)
    if parks:
        settings["parks"] = _files_digest(parks)
    llm = getattr(backend, "settings", None)  # the LLM backend's settings
    if llm is not None:
        settings.update(llm.resume_settings())
    return settings


def _version() -> str:
    try:
        return importlib.metadata.version("zone-extractor")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


_NOT_KNOWLEDGE = {"prices.toml"}  # the price table of --dry-run: no record depends on it


def _knowledge_digest() -> str:
    """The word lists, cues and tables in extractor/data: the rules' output changes with them."""
    digest = hashlib.sha256()
    for path in sorted(_DATA.glob("*")):
        if path.is_file() and path.name not in _NOT_KNOWLEDGE:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _files_digest(paths: list[Path]) -> str:
    """The content of these files, read in blocks (a manifest may be large); an unreadable one counts by its name."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(len(paths)).encode() + b"\0")
        try:
            with path.open("rb") as handle:
                while block := handle.read(1 << 20):
                    digest.update(block)
        except OSError:
            digest.update(b"unreadable:" + str(path).encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def _redacting(notify: ProgressCallback, redact: Redact | None) -> ProgressCallback:
    """``notify``, after hiding secrets in a finished document's reason (an error message may quote the model's answer)."""
    if redact is None:
        return notify

    def redacted(event: str, outcome: DocumentOutcome | None) -> None:
        if event == "document" and outcome is not None:
            outcome.reason = redact(outcome.reason)
        notify(event, outcome)

    return redacted


def _redact_manifest(manifest: dict[str, Any], redact: Redact | None) -> dict[str, Any]:
    if redact is None:
        return manifest
    return json.loads(redact(json.dumps(manifest, ensure_ascii=False)))


class OutcomeLog:
    """outcomes.jsonl: one line per input's outcome, appended as it is known, and folded into the run's totals."""

    def __init__(self, path: Path, summary: RunSummary) -> None:
        self.path = path
        self.summary = summary
        summary.outcomes_path = path

    def __enter__(self) -> OutcomeLog:
        self._file = create_new(self.path, "w", encoding="utf-8")  # opened under OUT_DIR's lock, after the ledger was checked
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, outcome: DocumentOutcome) -> None:
        self._file.write(json.dumps(dict(vars(outcome)), ensure_ascii=False) + "\n")  # plain values: no deep copy
        self.summary.add(outcome)

    def add_lines(self, lines: bytes, tally: Tally) -> None:
        """Outcomes a worker wrote as lines and added up (a batch written whole)."""
        self._file.flush()  # the lines before, then these bytes as they are (no text copy of a whole batch's lines)
        self._file.buffer.write(lines)
        self.summary.tally.fold(tally)

    def add_file(self, path: Path, tally: Tally) -> None:
        """Outcomes a worker wrote into a shard's file and added up, copied in blocks: they never sit in memory whole."""
        self._file.flush()
        with path.open("rb") as lines:
            shutil.copyfileobj(lines, self._file.buffer, 1 << 20)
        self.summary.tally.fold(tally)

    def close(self) -> None:
        self._file.close()  # the lines are whole on disk before run.json points at them


@dataclass
class _Prepared:
    work: DocumentWork
    started: float


def _tasks(files: Sequence[Path], finished: dict[str, str], manifest: Manifest | None) -> Iterator[DocumentTask]:
    """A task per input, made of strings (this is the main process's work per document on a cluster: kept small)."""
    here = os.getcwd()  # a worker's folder is not ours: it gets absolute paths
    for path, doc in _named_strings(files):
        location = os.path.join(here, path)  # an absolute path stays as it is
        meta = manifest.meta_for(Path(path)) if manifest else None
        yield DocumentTask(path, doc, finished.get(doc) if finished else None, meta, location, _file_size(location))


def _file_size(location: str) -> int:
    """What the engine sizes tasks by; 0 for a file it cannot see (the worker reports why)."""
    try:
        return os.stat(location).st_size
    except OSError:
        return 0


def _backend_spec(backend: Backend, max_file_size: int, doc_timeout: float | None) -> BackendSpec:
    """What a worker needs to do this run's per-document work as this process would."""
    parks = tuple(str(path) for path in registry_files())
    return BackendSpec(backend.name, getattr(backend, "settings", None), None, max_file_size, doc_timeout, parks)


def _extract_on(
    engine: Engine,
    spec: BackendSpec,
    tasks: Iterable[DocumentTask],
    count: int,
    outputs: OutputSet,
    log: OutcomeLog,
    notify: ProgressCallback,
    usage: Usage,
) -> int:
    """Each document as the engine's workers extracted it, written here in input order; their usage added to ``usage``.

    A batch a worker wrote whole is appended as one, with its outcomes' lines and totals; the number of those batches.
    """
    whole = 0
    for extracted in engine.extract(spec, tasks, count):
        if extracted.usage is not None:
            usage += extracted.usage
        if isinstance(extracted, BatchDone):
            _append(extracted, outputs, log, notify)
            whole += 1
        else:
            log.add(_write(_Prepared(extracted.work, time.perf_counter() - extracted.seconds), outputs, notify))
    return whole


def _append(batch: BatchDone, outputs: OutputSet, log: OutcomeLog, notify: ProgressCallback) -> None:
    """A batch written whole on a worker: its shard appended, its outcomes' lines and totals logged, the user told."""
    if batch.shard is not None:
        outputs.write_batch(batch.shard)
    if batch.outcome_lines is None and batch.shard is not None:  # in the shard, beside its records
        log.add_file(Path(batch.shard.stem + OUTCOMES_SUFFIX), batch.tally)
    else:
        log.add_lines(batch.outcome_lines or b"", batch.tally)
    for outcome in batch.noted:
        notify("document", outcome)
    notify("documents", Progressed(batch.tasks - len(batch.noted), batch.articles))


def _write(prepared: _Prepared, outputs: OutputSet, notify: ProgressCallback) -> DocumentOutcome:
    """Hand a prepared page to the outputs: carried over, or written article by article."""
    entry = prepared.work.entry
    outcome: DocumentOutcome = entry.outcome
    if outcome.status is Status.resumed:
        outcome = DocumentOutcome.resumed(outputs.keep(entry.doc).outcome, Path(outcome.path))
    else:

        def on_article(article: RenderedArticle) -> None:
            outcome.count(article)
            notify("article", outcome)

        failure = outputs.write(prepared.work, on_article)
        if failure:
            outcome.status, outcome.reason = Status.failed, failure
            for name in ("articles", "parks", "initiatives", "figures", "figures_verified", "quotes"):
                setattr(outcome, name, 0)  # nothing of it was written
    outcome.seconds = round(time.perf_counter() - prepared.started, 3)
    notify("document", outcome)
    return outcome


_NAME_BITS = 1 << 22  # the bitmaps that tell names seen once from names two files may share (512 KiB each)


def _named(files: Sequence[Path]) -> Iterator[tuple[Path, str]]:
    """Each file with its document name: the file's name, or its path where an earlier input had that name."""
    for path, name in _named_strings(files):
        yield Path(path), name


def _named_strings(files: Sequence[Path]) -> Iterator[tuple[str, str]]:
    """``_named``, each path as a string.

    Only the names two files may share are remembered: a first pass marks each name's bit in a bitmap, or in a
    second one when it is marked already, so that the memory does not grow with a corpus of distinct names (a bit
    shared by chance only means a name is remembered, never that it changes).
    """
    once, twice = bytearray(_NAME_BITS // 8), bytearray(_NAME_BITS // 8)
    for _path, plain in _strings(files):
        byte, mask = _name_bit(display_name(plain))
        if once[byte] & mask:
            twice[byte] |= mask
        once[byte] |= mask
    names: set[str] = set()
    for path, plain in _strings(files):
        name = display_name(plain)
        byte, mask = _name_bit(name)
        if twice[byte] & mask:  # another file may have this name: the first keeps it, the others are named by their path
            if name in names:
                name = display_name(path)
            names.add(name)
        yield path, name


def _strings(files: Sequence[Path]) -> Iterator[tuple[str, str]]:
    """(path, file name) as strings: read out of a ``PathList`` without making ``Path``s."""
    if isinstance(files, PathList):
        return files.strings()
    return ((os.fspath(path), path.name) for path in files)


def _name_bit(name: str) -> tuple[int, int]:
    bit = hash(name) % _NAME_BITS
    return bit >> 3, 1 << (bit & 7)
