"""A run over many files: every file gets an outcome, every finished article is written at once.

Outputs in OUT_DIR:
- ``records.jsonl``: one record a line, flushed as each article finishes;
- ``records.sqlite``: documents, articles and a table per record kind, one
  transaction per document; it is also the ledger ``--resume`` reads;
- ``figures.csv`` … ``initiatives.csv``: exported from the database at the end;
- ``run.json``: the manifest (inputs and their outcomes, backend, counts, tokens, duration).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .backends import Backend
from .chunk import DEFAULT_BUDGET
from .identity import write_zones_table
from .load import InputScan, LoadError, read_text
from .models import Article, Status
from .pipeline import iter_articles
from .tables import TABLE_NAMES, SqliteWriter, export_csv
from .write import JsonlWriter

RECORDS_FILE = "records.jsonl"
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
DATABASE_FILE = "records.sqlite"
MANIFEST_FILE = "run.json"


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

    def count(self, article: Article) -> None:
        self.articles += 1
        self.parks += len(article.parks)
        self.initiatives += len(article.initiatives)
        self.figures += len(article.figures)
        self.figures_verified += sum(f.status is Status.verified for f in article.figures)
        self.quotes += len(article.quotes)
        self.prompt_tokens += article.prompt_tokens
        self.completion_tokens += article.completion_tokens
        self.failed_chunks += article.failed_chunks


@dataclass
class RunSummary:
    out_dir: str
    backend: str
    documents: list[DocumentOutcome] = field(default_factory=list)
    seconds: float = 0.0
    usage: dict[str, Any] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)

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
) -> RunSummary:
    """Extract every file into OUT_DIR; a file that cannot be read is reported, never fatal.

    ``files`` may be a scan of the inputs, whose missing paths, folder loops and
    files left out (not *.txt) are then reported in run.json too.
    """
    scan = files if isinstance(files, InputScan) else InputScan(files=list(files))
    notify = on_progress or (lambda event, outcome: None)
    out_dir.mkdir(parents=True, exist_ok=True)
    documents = _named(scan.files)
    done = _resumable(out_dir, documents) if resume else {}
    if resume:
        _keep_only(out_dir, set(done))
    summary = RunSummary(out_dir=str(out_dir), backend=backend.name)
    summary.documents += [DocumentOutcome(doc=str(p), path=str(p), status="skipped", reason="no such file or folder") for p in scan.missing]
    summary.documents += [
        DocumentOutcome(doc=str(p), path=str(p), status="skipped", reason="symbolic link loop: folder already searched") for p in scan.loops
    ]
    summary.ignored = [str(p) for p in scan.ignored]
    started = time.perf_counter()
    lookahead = backend.prefetch_pages  # pages prepared ahead: their model calls overlap with this one's
    with (
        JsonlWriter(out_dir / RECORDS_FILE, append=resume) as jsonl,
        SqliteWriter(out_dir / DATABASE_FILE, keep_existing=resume) as database,
    ):
        prepared: deque[_Prepared] = deque()
        for path, doc in documents:
            prepared.append(_prepare(path, doc, backend, chunk_budget, done))
            while len(prepared) > lookahead:
                summary.documents.append(_finish(prepared.popleft(), jsonl, database, notify))
        while prepared:
            summary.documents.append(_finish(prepared.popleft(), jsonl, database, notify))
    with sqlite3.connect(out_dir / DATABASE_FILE) as zones_db:  # issue 10: the zones table, one row per zone (identity.py)
        write_zones_table(zones_db)
    export_csv(out_dir / DATABASE_FILE, out_dir)
    summary.seconds = time.perf_counter() - started
    summary.usage = backend.usage()
    (out_dir / MANIFEST_FILE).write_text(json.dumps(summary.manifest(), ensure_ascii=False, indent=2), encoding="utf-8")
    return summary


@dataclass
class _Prepared:
    """A page read, with its articles on the way (or the reason there are none)."""

    outcome: DocumentOutcome
    started: float
    text: str = ""
    articles: Iterator[Article] | None = None


def _prepare(path: Path, doc: str, backend: Backend, chunk_budget: int, done: dict[str, str]) -> _Prepared:
    prepared = _Prepared(DocumentOutcome(doc=doc, path=str(path)), time.perf_counter())
    outcome = prepared.outcome
    try:
        loaded = read_text(path)
    except LoadError as exc:
        outcome.status, outcome.reason = "skipped", str(exc)
        return prepared
    outcome.encoding, outcome.sha256 = loaded.encoding, loaded.sha256
    if done.get(doc) == loaded.sha256:
        outcome.status, outcome.reason = "resumed", "already extracted (same content)"
    elif not loaded.text.strip():
        outcome.status, outcome.reason = "skipped", "empty after decoding" if not loaded.text else "only whitespace"
    else:
        if not _CHINESE.search(loaded.text):
            outcome.reason = "no Chinese text: nothing to extract"
        try:
            prepared.text, prepared.articles = iter_articles(loaded.text, backend, chunk_budget, doc)
        except Exception as exc:  # one bad document must not end the run; the reason goes to run.json
            outcome.status, outcome.reason = "failed", f"{type(exc).__name__}: {exc}"
    return prepared


def _finish(prepared: _Prepared, jsonl: JsonlWriter, database: SqliteWriter, notify: ProgressCallback) -> DocumentOutcome:
    """Write a prepared page: each article as it comes, the database in one transaction at the end."""
    outcome = prepared.outcome
    if prepared.articles is not None:
        try:
            database.begin_document(outcome.doc, prepared.text, outcome.sha256, outcome.encoding)
            for article in prepared.articles:
                jsonl.write_article(outcome.doc, article)
                database.write_article(outcome.doc, article)
                outcome.count(article)
                notify("article", outcome)
            database.end_document()
        except Exception as exc:  # one bad document must not end the run; the reason goes to run.json
            database.abandon_document()
            outcome.status, outcome.reason = "failed", f"{type(exc).__name__}: {exc}"
    outcome.seconds = round(time.perf_counter() - prepared.started, 3)
    notify("document", outcome)
    return outcome


def _named(files: list[Path]) -> list[tuple[Path, str]]:
    """Each file with its document name: the file's name, or its path where two inputs share a name."""
    names: set[str] = set()
    named = []
    for path in files:
        name = path.name if path.name not in names else str(path)
        names.add(name)
        named.append((path, name))
    return named


def _resumable(out_dir: Path, documents: list[tuple[Path, str]]) -> dict[str, str]:
    """doc → sha256 of the documents a previous run committed and whose file has not changed since."""
    path = out_dir / DATABASE_FILE
    if not path.exists():
        return {}
    with sqlite3.connect(path) as db:
        try:
            committed = dict(db.execute("SELECT doc, sha256 FROM documents"))
        except sqlite3.DatabaseError:
            return {}
    done = {}
    for file, doc in documents:
        if doc in committed:
            try:
                current = hashlib.sha256(file.read_bytes()).hexdigest()
            except OSError:
                continue
            if current == committed[doc]:
                done[doc] = current
    return done


def _keep_only(out_dir: Path, finished: set[str]) -> None:
    """Remove what a previous run wrote for documents it did not finish (or that have changed)."""
    _drop_unfinished_lines(out_dir / RECORDS_FILE, finished)
    path = out_dir / DATABASE_FILE
    if not path.exists():
        return
    with sqlite3.connect(path) as db:
        marks = ", ".join("?" for _ in finished)
        for table in ("documents", "articles", *TABLE_NAMES.values()):
            db.execute(f"DELETE FROM {table} WHERE doc NOT IN ({marks})", tuple(finished))


def _drop_unfinished_lines(path: Path, finished: set[str]) -> None:
    """Keep only whole lines of finished documents: what a killed run left half done is redone."""
    if not path.exists():
        return
    kept = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.endswith("\n"):
                break  # a line cut by the kill
            try:
                if json.loads(line).get("doc") in finished:
                    kept.append(line)
            except json.JSONDecodeError:
                continue
    temporary = path.with_suffix(".jsonl.tmp")
    temporary.write_text("".join(kept), encoding="utf-8")
    temporary.replace(path)
