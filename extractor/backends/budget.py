"""A time budget per document: the safety net under the pipeline's linear steps.

The pipeline calls ``check_budget()`` at points it passes often (per article,
per figure); past the budget it raises ``BudgetExceeded`` and the runner fails
that one document with the reason and goes on. The budget lives in a context
variable, not a signal or a thread, so it works in any thread (a Dask worker,
the LLM backend's pool) and costs one clock read per check.

Only time spent inside ``within(budget)`` counts: a page prepared ahead and
waiting its turn (the LLM backend's prefetch) is not charged for the wait, nor
is time inside ``paused()`` (the LLM backend waiting on model calls, which it
bounds itself by the same number of seconds, counting only the page's own calls).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ..errors import ExtractorError

DEFAULT_DOC_TIMEOUT = 600.0  # seconds; the 20 MB test page needs a small fraction of it


class BudgetExceeded(ExtractorError):
    """A document took longer than its time budget."""


class TimeBudget:
    """Seconds a document may spend being processed; None means no limit."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.spent = 0.0
        self._entered: float | None = None

    def check(self) -> None:
        if self.seconds is None or self._entered is None:
            return
        if self.spent + time.monotonic() - self._entered > self.seconds:
            raise BudgetExceeded(f"took longer than the time budget of {self.seconds:g} s per document (--doc-timeout)")


_CURRENT: ContextVar[TimeBudget | None] = ContextVar("extractor_time_budget", default=None)


def check_budget() -> None:
    """Raise BudgetExceeded if the document being processed has run out of time (cheap; call it often)."""
    budget = _CURRENT.get()
    if budget is not None:
        budget.check()


@contextmanager
def within(budget: TimeBudget | None) -> Iterator[None]:
    """Charge the time spent in this block to ``budget`` (nothing happens for None)."""
    if budget is None:
        yield
        return
    token = _CURRENT.set(budget)
    budget._entered = time.monotonic()
    try:
        yield
    finally:
        budget.spent += time.monotonic() - budget._entered
        budget._entered = None
        _CURRENT.reset(token)


def current_budget() -> TimeBudget | None:
    """The budget of the document being processed in this context, if any."""
    return _CURRENT.get()


@contextmanager
def paused() -> Iterator[None]:
    """Time spent in this block is not charged to the current document's budget."""
    budget = _CURRENT.get()
    if budget is None or budget._entered is None:
        yield
        return
    stopped = time.monotonic()
    try:
        yield
    finally:
        budget._entered += time.monotonic() - stopped
