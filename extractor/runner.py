"""A run over many files: every file gets an outcome, every finished article is written at once.

The runner reads each input, runs the pipeline on it and hands the result to
the outputs (``extractor/outputs/``), one document at a time in input order. It
knows no output format: the writers own them, and their part of --resume.

``extract_document`` is the whole per-document work as a plain function; with
``materialize`` its result pickles, so a worker process can run it and return it:
with an ``engine`` (``extractor/engines.py``) the documents are extracted on its
workers and come back in input order, and the outputs are still written here.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .backends import Backend, BackendAborted
from .budget import DEFAULT_DOC_TIMEOUT, TimeBudget
from .chunk import DEFAULT_BUDGET
from .load import DEFAULT_MAX_FILE_SIZE, InputScan, LoadError, display_name, read_text
from .meta import Manifest, document_meta
from .models import SCHEMA_VERSION, Article
from .outputs import DATABASE_FILE, MANIFEST_FILE, RECORDS_FILE, DocumentEntry, DocumentWork, OutputSet, RenderedArticle, render_article
from .pipeline import iter_articles
from .registry import user_files as registry_files

if TYPE_CHECKING:
    from .engines import BackendSpec, DocumentTask, Engine

__all__ = [
    "DATABASE_FILE",
    "MANIFEST_FILE",
    "RECORDS_FILE",
    "DocumentOutcome",
    "RunSummary",
    "extract_document",
    "run_extraction",
    "run_settings",
]

_DATA = Path(__file__).parent / "data"


@dataclass
class DocumentOutcome:
    """What happened to one input file."""

    doc: str
    path: str
    status: str = "read"  # read | skipped | failed | resumed
    reason: str = ""
    encoding: str = ""
    sha256: str = ""
    articles: int = 0
    parks: int = 0
    initiatives: int = 0
    figures: int = 0
    figures_verified: int = 0
    quotes: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    failed_chunks: int = 0
    seconds: float = 0.0
    replaced_bytes: int = 0  # undecodable bytes replaced by U+FFFD when the file was read

    def count(self, article: RenderedArticle) -> None:
        self.articles += 1
        for name, value in article.counts.items():
            setattr(self, name, getattr(self, name) + value)

    @classmethod
    def resumed(cls, stored: dict[str, Any], path: Path) -> DocumentOutcome:
        """The outcome a previous run stored for an unchanged document: its counts stand."""
        known = {f.name for f in fields(cls)}
        outcome = cls(**{key: value for key, value in stored.items() if key in known})
        outcome.path, outcome.seconds = display_name(path), 0.0
        outcome.status, outcome.reason = "resumed", "already extracted (same content)"
        return outcome


@dataclass
class RunSummary:
    out_dir: str
    backend: str
    documents: list[DocumentOutcome] = field(default_factory=list)
    seconds: float = 0.0
    usage: dict[str, Any] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)

    @property
    def readable(self) -> int:
        return sum(d.status in ("read", "resumed") for d in self.documents)

    def manifest(self) -> dict[str, Any]:
        totals = {
            key: sum(getattr(d, key) for d in self.documents)
            for key in ("articles", "parks", "initiatives", "figures", "figures_verified", "quotes", "failed_chunks")
        }
        by_status: dict[str, int] = {}
        for outcome in self.documents:
            by_status[outcome.status] = by_status.get(outcome.status, 0) + 1
        return {
            "out_dir": self.out_dir,
            "backend": self.backend,
            "settings": self.settings,
            "inputs": [asdict(d) for d in self.documents],
            "documents": by_status,
            "ignored_files": {"count": len(self.ignored), "first": self.ignored[:100], "why": "folders are searched for *.txt"},
            "counts": totals,
            "duration_seconds": round(self.seconds, 3),
            **self.usage,
        }


ProgressCallback = Callable[[str, DocumentOutcome | None], None]


def run_extraction(
    files: Iterable[Path] | InputScan,
    out_dir: Path,
    backend: Backend,
    chunk_budget: int = DEFAULT_BUDGET,
    resume: bool = False,
    on_progress: ProgressCallback | None = None,
    report: bool = False,
    manifest: Manifest | None = None,
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT,
    engine: Engine | None = None,
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
    other processes (a Dask cluster); the outputs are the same.
    """
    scan = files if isinstance(files, InputScan) else InputScan(files=list(files))
    notify = _redacting(on_progress or (lambda event, outcome: None), _redactor(backend))
    settings = run_settings(backend, chunk_budget, manifest.path if manifest else None, registry_files())
    summary = RunSummary(out_dir=display_name(out_dir), backend=backend.name, settings=settings)
    left_out = [(p, "no such file or folder") for p in scan.missing]
    left_out += [(p, "symbolic link loop: folder already searched") for p in scan.loops]
    left_out += scan.skipped
    summary.documents += [DocumentOutcome(doc=display_name(p), path=display_name(p), status="skipped", reason=why) for p, why in left_out]
    summary.ignored = [display_name(p) for p in scan.ignored]
    started = time.perf_counter()
    lookahead = backend.prefetch_pages  # pages prepared ahead: their model calls overlap with this one's
    with OutputSet(out_dir, settings, resume, report) as outputs:
        try:
            finished = {doc: entry.sha256 for doc, entry in outputs.previous.items()}
            if engine is not None:
                tasks = _tasks(scan.files, finished, manifest)
                spec = _backend_spec(backend, chunk_budget, scan.max_file_size, doc_timeout)
                summary.documents += _extract_on(engine, spec, backend, tasks, len(scan.files), outputs, notify)
            prepared: deque[_Prepared] = deque()
            for path, doc in _named(scan.files) if engine is None else ():
                work = extract_document(path, doc, backend, chunk_budget, finished.get(doc), manifest, scan.max_file_size, doc_timeout)
                prepared.append(_Prepared(work, time.perf_counter()))
                while len(prepared) > lookahead:
                    summary.documents.append(_write(prepared.popleft(), outputs, notify))
            while prepared:
                summary.documents.append(_write(prepared.popleft(), outputs, notify))
        except BaseException as exc:  # Ctrl-C, SIGTERM, a lost cluster: run.json says how far the run came
            summary.seconds = time.perf_counter() - started
            stopped = {"stopped": f"{type(exc).__name__}: {exc}".rstrip(": ") + "; run the same command with --resume to continue"}
            with contextlib.suppress(Exception):
                summary.usage = backend.usage()
                outputs.write_manifest(_redact_manifest({**summary.manifest(), **stopped}, _redactor(backend)))
            raise
        summary.seconds = time.perf_counter() - started
        summary.usage = backend.usage()
        outputs.finish(_redact_manifest(summary.manifest(), _redactor(backend)))
    return summary


def run_settings(backend: Backend, chunk_budget: int, meta: Path | None = None, parks: Iterable[Path] = ()) -> dict[str, str]:
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
    if backend.needs_chunks:
        settings["chunk_chars"] = str(chunk_budget)
    llm = getattr(backend, "settings", None)  # the LLM backend's endpoint settings
    if llm is not None:
        settings["base_url"] = _public_url(getattr(llm, "base_url", None) or "")
        for name in ("model", "mode", "extraction"):
            settings[name] = str(getattr(llm, name, ""))
    return settings


def _version() -> str:
    try:
        return importlib.metadata.version("zone-extractor")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _knowledge_digest() -> str:
    """The word lists, cues and tables in extractor/data: the rules' output changes with them."""
    digest = hashlib.sha256()
    for path in sorted(_DATA.glob("*")):
        if path.is_file():
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


def _public_url(url: str) -> str:
    """The URL as it may be written: user, password and query values hidden, host and port kept."""
    from .backends.llm.redact import public_url  # light: no openai import

    return public_url(url) if url else url


Redact = Callable[[str], str]


def _redactor(backend: Backend) -> Redact | None:
    """What hides the backend's secrets (the key, credentials in its URL) in text it returns; None when it has none."""
    make = getattr(getattr(backend, "settings", None), "redactor", None)
    return make() if callable(make) else None


def _redacted(article: Article, redact: Redact) -> Article:
    """The article with every secret in what the model returned replaced by ***, before anything writes it."""
    dumped = article.model_dump_json()
    cleaned = redact(dumped)
    return article if cleaned == dumped else Article.model_validate_json(cleaned)


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


@dataclass
class _Prepared:
    work: DocumentWork
    started: float


def extract_document(
    path: Path,
    doc: str,
    backend: Backend,
    chunk_budget: int,
    finished_sha256: str | None = None,
    manifest: Manifest | None = None,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT,
) -> DocumentWork:
    """Read one file and start the pipeline on it: the work the outputs write, with its outcome.

    A file whose content matches ``finished_sha256`` (a previous run finished it)
    gets the status "resumed" and no articles. The articles come lazily, so a
    large page streams; ``materialize`` turns them into a list for a worker.
    """
    outcome = DocumentOutcome(doc=doc, path=display_name(path))
    entry = DocumentEntry(doc=doc, outcome=outcome)
    work = DocumentWork(entry)
    try:
        loaded = read_text(path, max_file_size)
    except LoadError as exc:
        outcome.status, outcome.reason = "skipped", str(exc)
        return work
    outcome.encoding, outcome.sha256 = entry.encoding, entry.sha256 = loaded.encoding, loaded.sha256
    outcome.replaced_bytes = loaded.replaced
    if finished_sha256 == loaded.sha256:
        outcome.status, outcome.reason = "resumed", "already extracted (same content)"
    elif not loaded.text.strip():
        outcome.status, outcome.reason = "skipped", "empty after decoding" if not loaded.text else "only whitespace"
    elif not loaded.is_chinese:  # a .env or a key reached by mistake is neither stored nor sent to an endpoint
        outcome.status, outcome.reason = "skipped", "no Chinese text: nothing to extract (not stored, not sent to any backend)"
    else:
        if loaded.replaced:
            outcome.reason = f"{loaded.replaced} undecodable bytes replaced by U+FFFD"
        try:
            entry.meta = document_meta(loaded.text, manifest.meta_for(path) if manifest else None, origin="manifest")
            budget = TimeBudget(doc_timeout)
            entry.text, articles = iter_articles(loaded.text, backend, chunk_budget, doc, entry.meta, budget)
            redact = _redactor(backend)
            if redact is not None:  # a model may repeat the key it was sent; it is never written
                articles = (_redacted(article, redact) for article in articles)
            work.articles = (render_article(entry, article) for article in articles)  # a writer's error in one is the document's
        except BackendAborted:  # not this document's fault: the run cannot go on
            raise
        except Exception as exc:  # one bad document must not end the run; the reason goes to run.json
            outcome.status, outcome.reason = "failed", f"{type(exc).__name__}: {exc}"
    return work


def materialize(work: DocumentWork) -> DocumentWork:
    """The same work with its articles run to the end (a list), so that it pickles; a failure becomes the outcome."""
    if work.articles is not None:
        try:
            work.articles = list(work.articles)
        except BackendAborted:  # not this document's fault: the run cannot go on
            raise
        except Exception as exc:
            work.articles = None
            work.entry.outcome.status, work.entry.outcome.reason = "failed", f"{type(exc).__name__}: {exc}"
    return work


def _tasks(files: list[Path], finished: dict[str, str], manifest: Manifest | None) -> Iterator[DocumentTask]:
    from .engines import DocumentTask

    for path, doc in _named(files):
        yield DocumentTask(path, doc, finished.get(doc), manifest.meta_for(path) if manifest else None, str(path.absolute()))


def _backend_spec(backend: Backend, chunk_budget: int, max_file_size: int, doc_timeout: float | None) -> BackendSpec:
    """What a worker needs to do this run's per-document work as this process would."""
    from .engines import BackendSpec

    parks = tuple(str(path) for path in registry_files())
    return BackendSpec(backend.name, chunk_budget, getattr(backend, "settings", None), None, max_file_size, doc_timeout, parks)


def _extract_on(
    engine: Engine,
    spec: BackendSpec,
    backend: Backend,
    tasks: Iterable[DocumentTask],
    count: int,
    outputs: OutputSet,
    notify: ProgressCallback,
) -> Iterator[DocumentOutcome]:
    """Each document as the engine's workers extracted it, written here in input order; their usage added to ``backend``'s."""
    add_usage = getattr(backend, "add_usage_counts", None)
    for extracted in engine.extract(spec, tasks, count):
        if extracted.usage and add_usage is not None:
            add_usage(extracted.usage)
        yield _write(_Prepared(extracted.work, time.perf_counter() - extracted.seconds), outputs, notify)


def _write(prepared: _Prepared, outputs: OutputSet, notify: ProgressCallback) -> DocumentOutcome:
    """Hand a prepared page to the outputs: carried over, or written article by article."""
    entry = prepared.work.entry
    outcome: DocumentOutcome = entry.outcome
    if outcome.status == "resumed":
        outcome = DocumentOutcome.resumed(outputs.keep(entry.doc).outcome, Path(outcome.path))
    else:

        def on_article(article: RenderedArticle) -> None:
            outcome.count(article)
            notify("article", outcome)

        failure = outputs.write(prepared.work, on_article)
        if failure:
            outcome.status, outcome.reason = "failed", failure
            for name in ("articles", "parks", "initiatives", "figures", "figures_verified", "quotes"):
                setattr(outcome, name, 0)  # nothing of it was written
    outcome.seconds = round(time.perf_counter() - prepared.started, 3)
    notify("document", outcome)
    return outcome


def _named(files: list[Path]) -> list[tuple[Path, str]]:
    """Each file with its document name: the file's name, or its path where two inputs share a name."""
    names: set[str] = set()
    named = []
    for path in files:
        name = display_name(path.name) if display_name(path.name) not in names else display_name(path)
        names.add(name)
        named.append((path, name))
    return named
