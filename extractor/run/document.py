"""Per-document work: one input file read, extracted and rendered for the writers, as a plain function.

``extract_document`` gives the work for one file (its outcome and, lazily, its rendered articles);
``materialize`` runs its articles to the end so that it pickles. The runner calls them in its own process, the
engines (``extractor/run/engines.py``) on their workers: both import this module, and it imports neither.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..backends import Backend
from ..backends.budget import DEFAULT_DOC_TIMEOUT, TimeBudget
from ..domain.meta import Manifest, document_meta
from ..errors import BackendAborted, reraise_interrupt
from ..models import Article
from ..outputs import DocumentEntry, DocumentWork, RenderedArticle, render_article
from ..text.load import DEFAULT_MAX_FILE_SIZE, LoadError, display_name, read_text
from .pipeline import iter_articles

__all__ = ["DocumentOutcome", "Redact", "Status", "Tally", "extract_document", "materialize", "redactor"]


class Status(StrEnum):
    """An input's outcome: a string in run.json and outcomes.jsonl, one of these four in code."""

    read = "read"  # extracted now
    resumed = "resumed"  # extracted by an earlier run of this folder (same content)
    skipped = "skipped"  # nothing to extract (empty, not Chinese, not readable as text): reason says why
    failed = "failed"  # the extraction broke: reason says how; the run goes on


@dataclass
class DocumentOutcome:
    """What happened to one input file."""

    doc: str
    path: str
    status: Status = Status.read
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

    def __post_init__(self) -> None:
        self.status = Status(self.status)  # a line read back from outcomes.jsonl, or a typo: ValueError

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
        outcome.status, outcome.reason = Status.resumed, "already extracted (same content)"
        return outcome


NUMBERS = tuple(f.name for f in fields(DocumentOutcome) if f.type in ("int", int))  # the counts an outcome adds up


@dataclass
class Tally:
    """Outcomes added up: how many of each status, and the counts over all and over those read or resumed.

    A run's totals (``RunSummary``), and a batch's, which a worker adds up so that its outcomes need not travel.
    """

    by_status: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(NUMBERS, 0))
    read_totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(NUMBERS, 0))

    def add(self, outcome: DocumentOutcome) -> None:
        self.by_status[outcome.status] = self.by_status.get(outcome.status, 0) + 1
        read = outcome.status in (Status.read, Status.resumed)
        for name in NUMBERS:
            value = getattr(outcome, name)
            self.totals[name] += value
            if read:
                self.read_totals[name] += value

    def fold(self, other: Tally) -> None:
        for status, count in other.by_status.items():
            self.by_status[status] = self.by_status.get(status, 0) + count
        for name in NUMBERS:
            self.totals[name] += other.totals[name]
            self.read_totals[name] += other.read_totals[name]


Redact = Callable[[str], str]


def redactor(backend: Backend) -> Redact | None:
    """What hides the backend's secrets (the key, credentials in its URL) in text it returns; None when it has none."""
    make = getattr(getattr(backend, "settings", None), "redactor", None)
    return make() if callable(make) else None


def _redacted(article: Article, redact: Redact) -> Article:
    """The article with every secret in what the model returned replaced by ***, before anything writes it."""
    dumped = article.model_dump_json()
    cleaned = redact(dumped)
    return article if cleaned == dumped else Article.model_validate_json(cleaned)


def extract_document(
    path: Path,
    doc: str,
    backend: Backend,
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
        outcome.status, outcome.reason = Status.skipped, str(exc)
        return work
    outcome.encoding, outcome.sha256 = entry.encoding, entry.sha256 = loaded.encoding, loaded.sha256
    outcome.replaced_bytes = loaded.replaced
    if finished_sha256 == loaded.sha256:
        outcome.status, outcome.reason = Status.resumed, "already extracted (same content)"
    elif not loaded.text.strip():
        outcome.status, outcome.reason = Status.skipped, "empty after decoding" if not loaded.text else "only whitespace"
    elif not loaded.is_chinese:  # a .env or a key reached by mistake is neither stored nor sent to an endpoint
        outcome.status, outcome.reason = Status.skipped, "no Chinese text: nothing to extract (not stored, not sent to any backend)"
    else:
        if loaded.replaced:
            outcome.reason = f"{loaded.replaced} undecodable bytes replaced by U+FFFD"
        try:
            entry.meta = document_meta(loaded.text, manifest.meta_for(path) if manifest else None, origin="manifest")
            budget = TimeBudget(doc_timeout)
            entry.text, articles = iter_articles(loaded.text, backend, doc, entry.meta, budget)
            redact = redactor(backend)
            if redact is not None:  # a model may repeat the key it was sent; it is never written
                articles = (_redacted(article, redact) for article in articles)
            work.articles = (render_article(entry, article) for article in articles)  # a writer's error in one is the document's
        except BackendAborted:  # not this document's fault: the run cannot go on
            raise
        except Exception as exc:  # one bad document must not end the run; the reason goes to run.json
            reraise_interrupt(exc)
            outcome.status, outcome.reason = Status.failed, f"{type(exc).__name__}: {exc}"
    return work


def materialize(work: DocumentWork) -> DocumentWork:
    """The same work with its articles run to the end (a list), so that it pickles; a failure becomes the outcome."""
    if work.articles is not None:
        try:
            work.articles = list(work.articles)
        except BackendAborted:  # not this document's fault: the run cannot go on
            raise
        except Exception as exc:
            reraise_interrupt(exc)
            work.articles = None
            work.entry.outcome.status, work.entry.outcome.reason = Status.failed, f"{type(exc).__name__}: {exc}"
    return work
