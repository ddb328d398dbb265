"""What a backend's model calls cost and gave, as one typed value: run.json's usage, and what a cluster adds up.

An offline backend's usage is empty (``Usage()``, reported as nothing). The LLM
backend's counts calls, tokens, retries, chunks and their failures, and what
each document's answers gave (``DocumentTally``). A cluster worker sends back
what its documents added (``since``), and the main process adds it up (``+``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

LOW_LABEL_RATE = 0.5  # under this share of candidates labelled, the console says so


@dataclass(frozen=True)
class ChunkFailure:
    """A chunk the model's answer did not reach (the rules' records stood in for it), and why."""

    doc: str
    article: int
    chunk: int
    error: str
    held_back: bool = False  # never sent (the token budget was spent, or the page's --doc-timeout passed): not the endpoint's failure

    def as_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "article": self.article, "chunk": self.chunk, "error": self.error}


@dataclass
class ChunkTally:
    """What one chunk's answer gave: candidates, labels applied to them, model figures merged into them, items dropped."""

    candidates: int = 0
    applied: int = 0
    merged: int = 0
    dropped: Counter = field(default_factory=Counter)

    def drop(self, reason: str, count: int = 1) -> None:
        self.dropped[reason] += count


@dataclass
class DocumentTally:
    """A document's chunk tallies added up, for run.json."""

    candidates: int = 0
    applied: int = 0
    merged: int = 0
    chunks_without_labels: int = 0  # answered, with candidates, and not one label applied
    dropped: Counter = field(default_factory=Counter)

    def add(self, tally: ChunkTally, answered: bool) -> None:
        self.candidates += tally.candidates
        self.applied += tally.applied
        self.merged += tally.merged
        self.dropped.update(tally.dropped)
        if answered and tally.candidates and not tally.applied:
            self.chunks_without_labels += 1

    def __add__(self, other: DocumentTally) -> DocumentTally:
        return DocumentTally(
            self.candidates + other.candidates,
            self.applied + other.applied,
            self.merged + other.merged,
            self.chunks_without_labels + other.chunks_without_labels,
            self.dropped + other.dropped,
        )

    def __sub__(self, other: DocumentTally) -> DocumentTally:
        return DocumentTally(
            self.candidates - other.candidates,
            self.applied - other.applied,
            self.merged - other.merged,
            self.chunks_without_labels - other.chunks_without_labels,
            self.dropped - other.dropped,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "candidates": self.candidates,
            "applied": self.applied,
            "applied_label_rate": round(self.applied / self.candidates, 4) if self.candidates else None,
            "merged": self.merged,
            "chunks_without_labels": self.chunks_without_labels,
            "dropped_items": dict(sorted(self.dropped.items())),
        }


_COUNTS = (
    "calls", "cache_hits", "retries", "splits", "failures", "prompt_tokens", "completion_tokens", "seconds_waiting", "chunks",
    "reasks", "reasks_fixed",
)


@dataclass
class Usage:
    """A backend's usage so far. ``about`` describes the endpoint (model, URL without credentials, settings):
    empty for an offline backend, whose usage is then reported as nothing."""

    about: dict[str, Any] = field(default_factory=dict)
    calls: int = 0
    cache_hits: int = 0
    retries: int = 0
    splits: int = 0
    failures: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds_waiting: float = 0.0
    chunks: int = 0
    reasks: int = 0  # re-asks sent after an invalid answer
    reasks_fixed: int = 0  # calls a re-ask fixed
    budget_exhausted: bool = False
    failed_chunks: list[ChunkFailure] = field(default_factory=list)
    tallies: dict[str, DocumentTally] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)  # more sections of run.json's usage (a batch's)

    def __add__(self, other: Usage) -> Usage:
        """This usage and another's (a cluster worker's, for its documents): counts added, this one's ``about`` kept."""
        tallies = dict(self.tallies)
        for doc, tally in other.tallies.items():
            tallies[doc] = tallies[doc] + tally if doc in tallies else tally
        return replace(
            self,
            **{name: getattr(self, name) + getattr(other, name) for name in _COUNTS},
            budget_exhausted=self.budget_exhausted or other.budget_exhausted,
            failed_chunks=self.failed_chunks + other.failed_chunks,
            tallies=tallies,
            notes=self.notes + [note for note in other.notes if note not in self.notes],
        )

    def __iadd__(self, other: Usage) -> Usage:
        """Add another's usage to this one in place (the run's total, as a cluster's documents come back)."""
        self.__dict__.update((self + other).__dict__)
        return self

    def since(self, before: Usage) -> Usage:
        """What this usage gained after ``before`` (a worker's counts for the documents it just did)."""
        gained = {doc: tally - before.tallies[doc] if doc in before.tallies else tally for doc, tally in self.tallies.items()}
        return replace(
            self,
            **{name: getattr(self, name) - getattr(before, name) for name in _COUNTS},
            failed_chunks=self.failed_chunks[len(before.failed_chunks) :],
            tallies={doc: tally for doc, tally in gained.items() if tally != DocumentTally()},
            notes=self.notes[len(before.notes) :],
        )

    def verdict(self) -> tuple[bool, str]:
        """The run failed when more than half of the chunks sent to the endpoint failed (chunks held back are not counted)."""
        held_back = sum(failure.held_back for failure in self.failed_chunks)
        sent = self.chunks - held_back
        failed = len(self.failed_chunks) - held_back
        if sent > 0 and failed * 2 > sent:
            return True, f"{failed} of {sent} chunks sent to the endpoint failed; the rules' records stand in"
        return False, ""

    def report(self) -> dict[str, Any]:
        """run.json's usage: nothing for an offline backend."""
        if not self.about:
            return {}
        about = self.about
        failed, reason = self.verdict()
        return {
            "model": about.get("model"),
            "endpoint": about.get("endpoint"),  # credentials removed
            "instructor_mode": about.get("instructor_mode"),
            "extraction": about.get("extraction"),
            "calls": self.calls,
            "cache_hits": self.cache_hits,
            "retries": self.retries,
            "split_calls": self.splits,
            "temperature": about.get("temperature"),
            "context_tokens": about.get("context_tokens"),
            "failures": self.failures,
            "failed_chunks": [failure.as_dict() for failure in self.failed_chunks],
            "chunks": self.chunks,
            "run_failed": failed,
            "run_failed_reason": reason,
            "budget_exhausted": self.budget_exhausted,
            "max_tokens": about.get("max_tokens"),
            "tokens": {"prompt": self.prompt_tokens, "completion": self.completion_tokens},
            "seconds_waiting_to_retry": round(self.seconds_waiting, 3),
            "reasks": self._reask_report(),
            **self._labels_report(),
            **self.extras,
        }

    def _reask_report(self) -> dict[str, Any]:
        """Re-asks sent after an invalid answer, and the calls they fixed (a valid answer came back after re-asking)."""
        rate = round(self.reasks_fixed / self.reasks, 4) if self.reasks else None
        return {"sent": self.reasks, "fixed": self.reasks_fixed, "success_rate": rate}

    def _labels_report(self) -> dict[str, Any]:
        """Labels applied per candidate and items dropped, for the run and per document; a note when under half applied."""
        run = DocumentTally()
        for tally in self.tallies.values():
            run = run + tally
        report = run.as_dict()
        notes = list(self.notes)
        rate = report["applied_label_rate"]
        if rate is not None and rate < LOW_LABEL_RATE:
            notes.append(
                f"the model's labels reached {rate:.0%} of the {run.candidates} candidates sent "
                f"({run.chunks_without_labels} answered chunks with none): the rules' labels stand for the rest; "
                "a model that cannot copy the <N1> marks may do better with --extraction free"
            )
        return {
            "labels": {name: report[name] for name in ("candidates", "applied", "applied_label_rate", "merged", "chunks_without_labels")},
            "dropped_items": report["dropped_items"],
            "per_document": {doc: tally.as_dict() for doc, tally in sorted(self.tallies.items())},
            "notes": notes,
        }

