"""The LLM backend: chunks through any OpenAI-compatible endpoint, answers turned into records.

Anchored mode (the default): the rules backend's candidates for each chunk are
marked in the prompt; the model labels them (metric words and key, measure,
target, subject, period, whether a number is a figure at all, and its own
reading of the number where the candidate's is short), attributes quotes, names
parks and initiatives, and may add figures the candidates missed. The model's
labels win where it gives them (the schema admits only valid keys and
measures); the rules' labels stay where it gives none. Free mode: the model extracts
without candidates. Either way every record then goes through the same
validator as the rules backend's (in the pipeline), so a number that is not in
the text never comes out verified.

Calls run concurrently (bounded) on one event loop in a background thread;
articles still come out in order. A chunk that fails after its retries is
reported, and the rules backend's records for that chunk stand in for it.

Three things end the whole run instead (``BackendAborted``): an answer 401,
403 or 404 (``EndpointRefused``: wrong key, model or URL, the same for every
chunk); a chunk that found the endpoint silent before it ever answered (one
retry, then ``EndpointUnavailable``: refused connections or no answer within
--timeout); and ``UNAVAILABLE_AFTER`` chunks in a row failing that way later.
A run that goes on but where more than half of the chunks sent failed is
marked failed in its usage (``run_failed``), and the CLI exits 1.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import hashlib
import json
import math
import re
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ...budget import current_budget, paused
from ...chunk import DEFAULT_BUDGET, Chunk, chunk_article
from ...models import Article, DocumentMeta, Evidence, Figure, Initiative, Measure, Park, Qualifier, Quote, Status
from ...numbers import Quantity, parse_quantity, split_unit
from ...segment import Segment
from ...tokens import estimate_tokens
from ...verify import check, reading_at
from ..rules import RulesBackend
from .answers import ANSWER_MODELS, AddedFigure, FigureItem, FigureLabel, Meaning, without_marks
from .cache import ResponseCache
from .calls import BudgetSpent, CallResult, ModelCaller, UsageCounter, is_transport_fault, served_context
from .limits import CallLimits, LocalLimits
from .prompting import Batch, Part, batches, messages, prompt_version, value_start
from .settings import ConfigurationError, EndpointRefused, EndpointUnavailable, LLMSettings

__all__ = ["ConfigurationError", "LLMBackend", "LLMSettings"]  # settings re-exported for library users

UNAVAILABLE_AFTER = 3  # chunks in a row (at least; --concurrency if higher) that found the endpoint silent: it is down
_BUDGET_ERROR = "budget"
_SUMMED = (
    "calls",
    "cache_hits",
    "retries",
    "splits",
    "failures",
    "prompt_tokens",
    "completion_tokens",
    "seconds_waiting",
    "reasks",
    "reasks_fixed",
)  # UsageCounter's
LOW_LABEL_RATE = 0.5  # under this share of candidates labelled, the console says so
ADDED_PER_CHUNK = 5  # figures one answer may add beyond the chunk's candidates (the rules find nearly every number)
ANSWER_TO_TEXT = 1.5
ANSWER_BASE = 256  # tokens of an answer's frame (its keys, parks, initiatives) ...
ANSWER_PER_CANDIDATE = {"anchored": (128, 64), "free": (192, 128)}  # ... per figure and per quote candidate ...
ANSWER_PER_TEXT = 0.5  # ... and per token of text, for what the model adds
MAX_SPLITS = 1  # a call whose answer is cut off even at the ceiling is halved once (a runaway answer costs no more)
CLOCK_POLL = 0.05  # seconds: the shortest wait between two looks at a page's call clock
MIN_CHUNK_CHARS = 200  # a context too small for this is reported by the server's error, not cut into crumbs
PROMPT_MARGIN = 1.15  # the token estimate is tokenizer-free: a margin keeps prompt plus answer inside the context


@dataclass
class CallOutcome:
    batch: Batch
    result: CallResult


class CallClock:
    """The time a page's own calls run (any of them in flight, holding a slot): what --doc-timeout counts for it.

    Written on the event loop, read from the page's thread; a float read is atomic, and a stale one only delays a check.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.expired = False
        self._spent = 0.0
        self._running = 0
        self._since = 0.0

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        if self._running == 0:
            self._since = time.monotonic()
        self._running += 1
        try:
            yield
        finally:
            self._running -= 1
            if self._running == 0:
                self._spent += time.monotonic() - self._since

    def left(self) -> float | None:
        """Seconds the page's calls may still run; None without a limit."""
        if self.seconds is None:
            return None
        spent = self._spent + (time.monotonic() - self._since if self._running else 0.0)
        return self.seconds - spent


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

    def merge(self, other: dict[str, Any]) -> None:
        """Add a tally sent back as a dict (``as_dict``) by a cluster worker."""
        for name in ("candidates", "applied", "merged", "chunks_without_labels"):
            setattr(self, name, getattr(self, name) + other.get(name, 0))
        self.dropped.update(other.get("dropped_items", {}))

    def as_dict(self) -> dict[str, Any]:
        return {
            "candidates": self.candidates,
            "applied": self.applied,
            "applied_label_rate": round(self.applied / self.candidates, 4) if self.candidates else None,
            "merged": self.merged,
            "chunks_without_labels": self.chunks_without_labels,
            "dropped_items": dict(sorted(self.dropped.items())),
        }


def _schema_version(extraction: str) -> str:
    schema = ANSWER_MODELS[extraction].model_json_schema()
    return hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()[:12]


class LLMBackend:
    name = "llm"
    needs_chunks = True

    def __init__(
        self,
        settings: LLMSettings,
        chunk_budget: int = DEFAULT_BUDGET,
        limits: CallLimits | None = None,
        answer_from: Callable[..., Awaitable[Any]] | None = None,
    ) -> None:
        """``answer_from`` stands in for the endpoint's chat call (the Batch API's answers, or a recorder of the requests:
        see batch.py); the server is then not asked its context size either."""
        settings.check()
        self.answer_from = answer_from
        self.usage_extras: dict[str, Callable[[], Any]] = {}  # more sections for run.json (the batch's)
        self.settings = settings
        self.limits = limits or LocalLimits(settings.concurrency, settings.max_tokens)  # a cluster passes the run's global ones
        self.chunk_budget = chunk_budget
        self.prefetch_pages = max(2, settings.concurrency // 2)  # a page is a few calls: keep the slots busy
        self.counter = UsageCounter()
        self.rules = RulesBackend()
        self.cache = ResponseCache(settings.cache_dir) if settings.cache else None
        self.failed_chunks: list[dict[str, Any]] = []
        self.tallies: dict[str, DocumentTally] = {}
        self.notes: list[str] = []  # what the console should say after the run (a server's advice, repeated timeouts)
        self.chunks_done = 0
        self._silent_in_a_row = 0  # chunks that failed on transport faults since the last answer
        self._abort: Exception | None = None  # set once: the run cannot go on
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="llm-calls", daemon=True)
        self._thread.start()
        self._caller: ModelCaller | None = None
        self.context_tokens = settings.context_tokens  # --context-tokens, else what the server says, else unknown
        schema = ANSWER_MODELS[settings.extraction].model_json_schema()
        self._schema_tokens = estimate_tokens(json.dumps(schema, ensure_ascii=False, separators=(",", ":")))
        self._frame_tokens = estimate_tokens(str(messages(Batch([]), settings.extraction)))  # instructions, without a page
        self._on_loop(self._start()).result()

    # -- the event loop in its own thread ------------------------------------

    def _on_loop(self, coroutine: Any) -> Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    async def _start(self) -> None:
        self._caller = ModelCaller(self.settings, self.counter, self.limits, self.answer_from)
        if self.context_tokens is None and self.answer_from is None:
            self.context_tokens = await served_context(self.settings)

    def _fitting(self, text: str, segments: list[Segment], chunks: dict[int, list[Chunk]]) -> tuple[dict[int, list[Chunk]], int]:
        """The page's chunks, cut smaller where a chunk's prompt and answer would not fit the model's context,
        and the characters one call may carry."""
        if self.context_tokens is None:
            return chunks, self.chunk_budget
        per_char = 1 + ANSWER_PER_TEXT + max(ANSWER_PER_CANDIDATE[self.settings.extraction]) / 20  # a candidate every ~20 characters
        room = self.context_tokens - PROMPT_MARGIN * (self._schema_tokens + self._frame_tokens) - ANSWER_BASE
        fit = min(self.chunk_budget, max(MIN_CHUNK_CHARS, int(room / (PROMPT_MARGIN * per_char))))
        if all(len(chunk.text) <= fit for parts in chunks.values() for chunk in parts):
            return chunks, fit
        return {part.index: chunk_article(text, part.start, part.end, part.index, fit) for part in segments}, fit

    def close(self) -> None:
        """Cancel calls still in flight (after an abort or Ctrl-C), close the client, then stop and close the loop."""
        if self._loop.is_closed():
            return
        if self._loop.is_running():
            with contextlib.suppress(Exception):  # closing is best effort: the run's outcome is already decided
                self._on_loop(self._shutdown()).result(timeout=10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        if not self._thread.is_alive():
            self._loop.close()
        self.limits.close()

    async def _shutdown(self) -> None:
        self._cancel_calls()
        current = asyncio.current_task()
        await asyncio.gather(*(t for t in asyncio.all_tasks() if t is not current), return_exceptions=True)
        if self._caller is not None:
            await self._caller.close()
        await self._loop.shutdown_asyncgens()

    def _cancel_calls(self) -> None:
        current = asyncio.current_task()
        for task in asyncio.all_tasks():
            if task is not current:
                task.cancel()

    def _stop_run(self, reason: Exception) -> None:
        """Remember why the run cannot go on and cancel every other call (on the loop)."""
        if self._abort is None:
            self._abort = reason
            self._cancel_calls()

    # -- the backend interface -------------------------------------------------

    def extract_articles(
        self, text: str, segments: list[Segment], chunks: dict[int, list[Chunk]], doc: str = "", meta: DocumentMeta | None = None
    ) -> Iterator[Article]:
        """Send every call for the page now (bounded by --concurrency); the iterator yields articles in order.

        Sending at once, not on first iteration, lets a caller prepare the next
        page while it writes this one, so calls of several pages overlap.
        ``meta`` gives the model the publication date, to read 今年 and 去年 by.
        """
        if self._abort is not None:
            raise self._abort
        base = [self.rules.extract_article(text, part) for part in segments]
        chunks, call_chars = self._fitting(text, segments, chunks)
        ordered = [(article, chunk) for article in base for chunk in chunks[article.index]]
        calls = batches(ordered, call_chars, meta.published if meta else "", text)
        budget = current_budget()
        clock = CallClock(budget.seconds if budget is not None else None)
        futures = [self._on_loop(self._call(batch, clock)) for batch in calls]
        return self._collect(text, base, chunks, calls, futures, doc, clock)

    def _collect(
        self,
        text: str,
        base: list[Article],
        chunks: dict[int, list[Chunk]],
        calls: list[Batch],
        futures: list[Future],
        doc: str,
        clock: CallClock,
    ) -> Iterator[Article]:
        """Articles in order as their calls are answered. Waiting is not charged to the page's time budget
        (other pages' calls may hold the slots); the page's own calls are, by ``clock``: past --doc-timeout, calls
        not yet sent are not sent, answers still on their way are not waited for (they reach the cache when they
        come), and the rules stand in for the chunks left without an answer."""
        by_article: dict[int, list[tuple[Part, CallOutcome]]] = {article.index: [] for article in base}
        waiting = iter(zip(calls, futures, strict=True))
        for article in base:
            while not _complete(article, by_article, chunks):
                batch, future = next(waiting)
                with paused():
                    outcome = self._await(future, batch, clock)
                if self._abort is not None:
                    raise self._abort
                for part in batch.parts:
                    by_article[part.article.index].append((part, outcome))
            yield self._assemble(text, article, by_article.pop(article.index), doc)

    def _await(self, future: Future, batch: Batch, clock: CallClock) -> CallOutcome:
        """A call's outcome, or a failed one once the page's own calls have run out of time."""
        while True:
            left = clock.left()
            try:
                return future.result(timeout=None if left is None else max(left, CLOCK_POLL))
            except TimeoutError:
                if (clock.left() or 0.0) > 0:
                    continue  # its calls waited for a slot: that time is not the page's
                clock.expired = True
                error = f"no answer within the page's --doc-timeout of {clock.seconds:g} s of its own calls; the rules stand in"
                return CallOutcome(batch, CallResult(None, error=error))
            except CancelledError:
                return CallOutcome(batch, CallResult(None, error=f"not sent: {self._abort}"))

    def usage(self) -> dict[str, Any]:
        c = self.counter
        return {
            "model": self.settings.model,
            "endpoint": self.settings.endpoint,  # credentials removed
            "instructor_mode": self.settings.mode,
            "extraction": self.settings.extraction,
            "calls": c.calls,
            "cache_hits": c.cache_hits,
            "retries": c.retries,
            "split_calls": c.splits,
            "temperature": self.settings.temperature,
            "context_tokens": self.context_tokens,
            "failures": c.failures,
            "failed_chunks": self.failed_chunks,
            "chunks": self.chunks_done,
            **self._verdict(),
            "budget_exhausted": c.budget_exhausted,
            "max_tokens": self.settings.max_tokens,
            "tokens": {"prompt": c.prompt_tokens, "completion": c.completion_tokens},
            "seconds_waiting_to_retry": round(c.seconds_waiting, 3),
            "reasks": _reask_report(c),
            **self._labels_report(),
            **{name: report() for name, report in self.usage_extras.items()},
        }

    def _labels_report(self) -> dict[str, Any]:
        """Labels applied per candidate and items dropped, for the run and per document; a note when under half applied."""
        run = DocumentTally()
        for tally in self.tallies.values():
            run.merge(tally.as_dict())
        report = run.as_dict()
        notes = list(self.notes)
        rate = report["applied_label_rate"]
        if rate is not None and rate < LOW_LABEL_RATE:
            notes.append(
                f"the model's labels reached {rate:.0%} of the {run.candidates} candidates sent "
                f"({run.chunks_without_labels} answered chunks with none): the rules' labels stand for the rest; "
                "a model that cannot copy the {N1} marks may do better with --extraction free"
            )
        return {
            "labels": {name: report[name] for name in ("candidates", "applied", "applied_label_rate", "merged", "chunks_without_labels")},
            "dropped_items": report["dropped_items"],
            "per_document": {doc: tally.as_dict() for doc, tally in sorted(self.tallies.items())},
            "notes": notes,
        }

    def usage_counts(self) -> dict[str, Any]:
        """The counters behind ``usage``, plain and picklable: a worker's are added up with ``add_usage_counts``."""
        c = self.counter
        counts = {name: getattr(c, name) for name in _SUMMED}
        tallies = {doc: tally.as_dict() for doc, tally in self.tallies.items()}
        return {
            **counts,
            "chunks": self.chunks_done,
            "budget_exhausted": c.budget_exhausted,
            "failed_chunks": list(self.failed_chunks),
            "tallies": tallies,
            "notes": list(self.notes),
        }

    def add_usage_counts(self, counts: dict[str, Any]) -> None:
        """Add another backend's counters (a cluster worker's, for its documents) to this one's, for run.json."""
        for name in _SUMMED:
            setattr(self.counter, name, getattr(self.counter, name) + counts.get(name, 0))
        self.chunks_done += counts.get("chunks", 0)
        self.counter.budget_exhausted |= bool(counts.get("budget_exhausted"))
        self.failed_chunks += counts.get("failed_chunks", [])
        for doc, tally in counts.get("tallies", {}).items():
            self.tallies.setdefault(doc, DocumentTally()).merge(tally)
        self.notes += [note for note in counts.get("notes", []) if note not in self.notes]

    def _verdict(self) -> dict[str, Any]:
        """The run failed when more than half of the chunks sent to the endpoint failed (chunks the budget held back are not counted)."""
        held_back = sum(_BUDGET_ERROR in failure["error"] or "--doc-timeout" in failure["error"] for failure in self.failed_chunks)
        sent = self.chunks_done - held_back
        failed = len(self.failed_chunks) - held_back
        if sent > 0 and failed * 2 > sent:
            reason = f"{failed} of {sent} chunks sent to the endpoint failed; the rules' records stand in"
            return {"run_failed": True, "run_failed_reason": reason}
        return {"run_failed": False, "run_failed_reason": ""}

    # -- one call -------------------------------------------------------------------

    async def _call(self, batch: Batch, clock: CallClock | None = None) -> CallOutcome:
        extraction = self.settings.extraction
        prompt = messages(batch, extraction)
        answer_model = ANSWER_MODELS[extraction]
        key = ResponseCache.key(
            endpoint=self.settings.endpoint,  # another server's answers are not this one's
            model=self.settings.model,
            mode=self.settings.mode,
            temperature=self.settings.temperature,
            extraction=extraction,
            prompt=prompt_version(),
            schema=_schema_version(extraction),
            messages=prompt,
        )
        cached = self._cached(key, answer_model)
        if cached is not None:
            self.counter.cache_hits += 1
            return CallOutcome(batch, CallResult(cached, from_cache=True))
        assert self._caller is not None
        clock = clock or CallClock(None)
        async with self.limits.slot():
            if self._abort is not None:
                return CallOutcome(batch, CallResult(None, error=f"not sent: {self._abort}"))
            if clock.expired:
                return CallOutcome(batch, CallResult(None, error="not sent: the page's --doc-timeout had passed"))
            try:
                with clock.running():
                    result = await self._ask_fitting(batch, prompt, answer_model)
            except BudgetSpent as spent:
                result = CallResult(None, error=str(spent))
            except EndpointRefused as refused:
                self._stop_run(refused)
                raise
            except Exception as exc:  # anything else fails this call's chunks (the rules stand in), never the document
                result = CallResult(None, error=f"{type(exc).__name__}: {str(exc)[:120]}")
        self._judge_endpoint(result)
        if result.advice and result.advice not in self.notes:
            self.notes.append(result.advice)
        if result.answer is not None and self.cache is not None:  # a key the model repeats is never written, here either
            answer = json.loads(self.settings.redactor()(json.dumps(result.answer.model_dump(mode="json"), ensure_ascii=False)))
            self.cache.put(key, {"answer": answer})
        return CallOutcome(batch, result)

    async def _ask_fitting(self, batch: Batch, prompt: list[dict[str, str]], answer_model: type, depth: int = 0) -> CallResult:
        """The batch's answer. One cut off even at --max-output-tokens is not sent again as it was: the batch is
        asked in two halves (candidates keep their marks), up to ``MAX_SPLITS`` times, and the halves' answers joined."""
        assert self._caller is not None
        context = {"text": without_marks(batch.plain_text()), "figure_ids": batch.figure_ids, "quote_ids": batch.quote_ids}
        wanted, room = self._answer_tokens(batch, prompt)
        result = await self._caller.ask(prompt, answer_model, context, _answer_estimate(batch), wanted, room)
        halves = split_batch(batch) if result.error.startswith("IncompleteOutputException") and depth < MAX_SPLITS else None
        if halves is None:
            return result
        self.counter.splits += 1
        parts = [await self._ask_fitting(half, messages(half, self.settings.extraction), answer_model, depth + 1) for half in halves]
        answered = [part.answer for part in parts if part.answer is not None]
        joined = CallResult(_joined(answer_model, answered) if answered else None, error="" if answered else parts[0].error)
        joined.prompt_tokens = result.prompt_tokens + sum(part.prompt_tokens for part in parts)
        joined.completion_tokens = result.completion_tokens + sum(part.completion_tokens for part in parts)
        joined.advice = next((part.advice for part in parts if part.advice), "")
        return joined

    def _answer_tokens(self, batch: Batch, prompt: list[dict[str, str]]) -> tuple[int, int]:
        """The call's max_tokens, sized from its candidates, and the most it may be raised to: --max-output-tokens,
        or less where the context leaves less."""
        room = self.settings.max_output_tokens
        if self.context_tokens is not None:
            room = min(room, self.context_tokens - round(PROMPT_MARGIN * (estimate_tokens(str(prompt)) + self._schema_tokens)))
        room = max(1, room)
        return min(answer_tokens(batch, self.settings.extraction), room), room

    def _cached(self, key: str, answer_model: type) -> Any:
        cached = self.cache.get(key) if self.cache else None
        if cached is None:
            return None
        try:
            return answer_model.model_validate(cached["answer"])
        except (ValidationError, KeyError, TypeError):
            return None  # written by another version or damaged: ask again

    def _judge_endpoint(self, result: CallResult) -> None:
        """Stop the run when the endpoint is silent: before its first answer, or for several chunks in a row."""
        if not is_transport_fault(result.error):
            self._silent_in_a_row = 0  # it answered, well or badly
            return
        self._silent_in_a_row += 1
        never_answered = self.counter.answered == 0
        if never_answered or self._silent_in_a_row >= max(UNAVAILABLE_AFTER, self.settings.concurrency):
            when = "has not answered any call" if never_answered else f"stopped answering ({self._silent_in_a_row} chunks in a row)"
            advice = "check that the server is running and reachable, or raise --timeout for a slow model"
            if "Timeout" in result.error:  # it is there but slow: a local model on CPU, or too much asked at once
                advice = (
                    f"calls keep timing out after --timeout {self.settings.timeout:g} s: raise --timeout, lower --chunk-chars, "
                    f"or lower --concurrency ({self.settings.concurrency}; a local server answers one call at a time; see --local)"
                )
            self._stop_run(EndpointUnavailable(f"the endpoint {self.settings.endpoint} {when}: {result.error}; {advice}"))

    # -- answers to records ------------------------------------------------------

    def _assemble(self, text: str, article: Article, received: list[tuple[Part, CallOutcome]], doc: str) -> Article:
        figures: list[Figure] = []
        quotes: list[Quote] = []
        parks: list[Park] = []
        initiatives: list[Initiative] = []
        failed = 0
        prompt_tokens = completion_tokens = 0
        for part, outcome in received:
            self.chunks_done += 1
            share = 1 / len(outcome.batch.parts)  # a shared call's tokens are split between its chunks
            prompt_tokens += round(outcome.result.prompt_tokens * share)
            completion_tokens += round(outcome.result.completion_tokens * share)
            tally = ChunkTally()
            found = self._records_of(text, article, part, outcome, doc, tally)
            self.tallies.setdefault(doc, DocumentTally()).add(tally, answered=found is not None)
            if found is None:
                failed += 1
                figures += part.figures.values()  # the rules' records stand in for the failed chunk
                quotes += part.quotes.values()
                continue
            figures += found[0]
            quotes += found[1]
            parks += found[2]
            initiatives += found[3]
        if failed or not parks:  # the model named none here: the rules' stand
            parks += article.parks
        if failed or not initiatives:
            initiatives += article.initiatives
        return article.model_copy(
            update={
                "figures": figures,
                "quotes": quotes,
                "parks": parks,
                "initiatives": initiatives,
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "failed_chunks": failed,
            }
        )

    def _records_of(
        self, text: str, article: Article, part: Part, outcome: CallOutcome, doc: str, tally: ChunkTally
    ) -> tuple[list, list, list, list] | None:
        """The chunk's records from its answer; None (the failure listed) when there is no answer or it cannot be used.

        Whatever the answer holds, an error while merging it fails this chunk only (the rules stand in), never the document.
        """
        answer = outcome.result.answer
        if answer is None:
            self._record_failure(doc, article, part, outcome.result.error)
            return None
        if part is outcome.batch.parts[0]:  # a call's dropped items are counted once, with its first chunk
            tally.dropped.update(getattr(answer, "dropped", []))
        span = (part.chunk.start, part.chunk.end)
        try:
            return (
                _figures(text, part, answer, outcome.batch, tally),
                _quotes(text, part, answer, outcome.batch, tally),
                [p for p in (_park(text, span, item.name, item.aliases) for item in answer.parks) if p.evidence],  # named here
                [
                    i
                    for i in (_initiative(text, span, item.name, item.kind, item.park or article.park) for item in answer.initiatives)
                    if i.evidence
                ],
            )
        except Exception as exc:
            self._record_failure(doc, article, part, f"unusable answer: {type(exc).__name__}: {str(exc)[:120]}")
            return None

    def _record_failure(self, doc: str, article: Article, part: Part, error: str) -> None:
        self.counter.failures += 1
        self.failed_chunks.append({"doc": doc, "article": article.index, "chunk": part.chunk.index, "error": error})


def _reask_report(counter: UsageCounter) -> dict[str, Any]:
    """Re-asks sent after an invalid answer, and the calls they fixed (a valid answer came back after re-asking)."""
    rate = round(counter.reasks_fixed / counter.reasks, 4) if counter.reasks else None
    return {"sent": counter.reasks, "fixed": counter.reasks_fixed, "success_rate": rate}


def split_batch(batch: Batch) -> list[Batch] | None:
    """Two halves of a call: its chunks shared out, or its one chunk cut at a sentence or clause end near the middle.

    Candidates keep their marks (N7 stays N7), so labels still name them. None when the chunk will not cut.
    """
    if len(batch.parts) > 1:
        middle = len(batch.parts) // 2
        return [Batch(batch.parts[:middle], batch.published), Batch(batch.parts[middle:], batch.published)]
    (part,) = batch.parts
    chunk = part.chunk
    pieces = chunk_article(chunk.text, 0, len(chunk.text), chunk.article, max(1, (len(chunk.text) + 1) // 2))
    if len(pieces) < 2 or len(chunk.text) < MIN_CHUNK_CHARS:
        return None
    cut = chunk.start + pieces[len(pieces) // 2].start
    return [Batch([_sub_part(part, chunk.start, cut)], batch.published), Batch([_sub_part(part, cut, chunk.end)], batch.published)]


def _sub_part(part: Part, start: int, end: int) -> Part:
    chunk = part.chunk
    piece = Chunk(chunk.article, chunk.index, start, end, chunk.text[start - chunk.start : end - chunk.start])
    figures = {mark: f for mark, f in part.figures.items() if start <= value_start(f) < end}
    quotes = {mark: q for mark, q in part.quotes.items() if q.evidence is not None and start <= q.evidence.start < end}
    return Part(part.article, piece, figures, quotes, part.headings)


def _joined(answer_model: type, answers: list[Any]) -> Any:
    """One answer holding every list item of several (the halves of a split call)."""
    lists = {name: [item for answer in answers for item in getattr(answer, name)] for name in answer_model.model_fields}
    return answer_model.model_construct(**lists)  # items checked already; the caps held for each half


def answer_tokens(batch: Batch, extraction: str) -> int:
    """The max_tokens a call's answer needs: a label per candidate (a whole figure per candidate in the free mode),
    a speaker per quote, and a share of the text for what the model adds (parks, initiatives, figures the rules missed)."""
    per_figure, per_quote = ANSWER_PER_CANDIDATE[extraction]
    figures = sum(len(part.figures) for part in batch.parts)
    quotes = sum(len(part.quotes) for part in batch.parts)
    return ANSWER_BASE + per_figure * figures + per_quote * quotes + round(ANSWER_PER_TEXT * estimate_tokens(batch.plain_text()))


def _answer_estimate(batch: Batch) -> int:
    """Tokens the answer may take, reserved from the budget: labels and copied evidence run to about 1.5× the text."""
    return round(ANSWER_TO_TEXT * estimate_tokens(batch.plain_text()))


def _complete(article: Article, received: dict[int, list], chunks: dict[int, list[Chunk]]) -> bool:
    return len(received[article.index]) >= len(chunks[article.index])


def _figures(text: str, part: Part, answer: Any, batch: Batch, tally: ChunkTally) -> list[Figure]:
    """Every candidate of this chunk (labelled where the model labels it), plus the figures the model added.

    The rules' candidates always stay: a verified reading is never lost to an
    answer. A figure the model lists at a candidate's number is that candidate's
    label (merged, not added); what is left is added, at most ``ADDED_PER_CHUNK``
    more than the chunk has candidates, and only where its number is printed in the chunk.
    """
    labels: dict[str, Any] = {}
    for label in getattr(answer, "labels", []):
        if label.id in part.figures:
            labels.setdefault(label.id, label)  # the first label of an id wins
    spans = sorted((value_start(c), value_start(c) + len(c.value_text), mark) for mark, c in part.figures.items())
    added: list[tuple[Any, Evidence | None, int]] = []
    for item in answer.figures:
        fragment = item.evidence or item.value_text
        if _owner(text, batch, fragment) is not part:
            continue  # it stands in another chunk of this call
        evidence = _locate(text, _span(part), item.evidence) if item.evidence else None
        place = _number_place(text, part, item.value_text, evidence)
        if place is None:
            tally.drop("figures: number not printed in the chunk")
            continue
        mark = _candidate_at(spans, place, place + len(item.value_text))
        if mark is None:
            added.append((item, evidence, place))
        elif mark not in labels:
            labels[mark] = item  # the model's figure repeats a candidate: its labels go to the candidate
            tally.merged += 1
        else:
            tally.drop("figures: repeats a labelled candidate")
    found: list[Figure] = []
    known = _KnownNumbers()
    for mark, candidate in part.figures.items():
        label = labels.get(mark)
        found.append(candidate if label is None else _labelled(text, candidate, label, tally))
        known.add(found[-1])
    tally.candidates += len(part.figures)
    tally.applied += sum(mark in labels for mark in part.figures)
    rules_at = {value_start(candidate): candidate for candidate in part.figures.values()}  # their labels, where the model gives none
    cap = ADDED_PER_CHUNK + len(part.figures)
    for item, evidence, place in added:
        figure = _figure(text, item, evidence or _around(text, part, place, item.value_text), rules_at)
        if known.restates(figure):
            tally.drop("figures: repeats another figure")
        elif cap <= 0:
            tally.drop("figures: over the cap of added figures")
        else:
            found.append(figure)
            known.add(figure)
            cap -= 1
    return found


def _number_place(text: str, part: Part, value_text: str, evidence: Evidence | None) -> int | None:
    """Where a model figure's number stands in the chunk: in its evidence (last), else its first printing; None if nowhere."""
    if evidence is not None:
        offset = evidence.text.rfind(value_text)
        if offset != -1:
            return evidence.start + offset
    found = _find(text, value_text, part.chunk.start, part.chunk.end)
    return found[0] if found is not None and text[found[0] : found[1]] == value_text else None


def _candidate_at(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The candidate whose printed number overlaps [start, end) (spans sorted by start, disjoint)."""
    last = bisect.bisect_left(spans, (end,)) - 1  # the last candidate starting before ``end``
    for low, high, mark in reversed(spans[max(0, last - 2) : last + 1]):
        if low < end and start < high:
            return mark
    return None


def _around(text: str, part: Part, place: int, value_text: str) -> Evidence:
    """Evidence for a figure given without any: its number and up to 20 characters before it, inside the chunk."""
    low = max(part.chunk.start, place - 20)
    return Evidence(start=low, end=place + len(value_text), text=text[low : place + len(value_text)])


class _KnownNumbers:
    """The figures kept so far, looked up in constant time: an added figure that restates one is dropped.

    Restating: same number, and the same evidence or evidence ending at that
    same number. A figure that only *contains* a known number somewhere in its
    evidence is kept: the validator decides which of two claims on one number stands.
    """

    def __init__(self) -> None:
        self._evidence: set[tuple[str, Evidence]] = set()
        self._number_ends: set[tuple[str, int]] = set()

    def add(self, figure: Figure) -> None:
        if figure.evidence is not None:
            self._evidence.add((figure.value_text, figure.evidence))
            self._number_ends.add((figure.value_text, value_start(figure) + len(figure.value_text)))

    def restates(self, figure: Figure) -> bool:
        evidence = figure.evidence
        if evidence is None:
            return False
        return (figure.value_text, evidence) in self._evidence or (figure.value_text, evidence.end) in self._number_ends


def _span(part: Part) -> tuple[int, int]:
    return part.chunk.start, part.chunk.end


def _owner(text: str, batch: Batch, fragment: str) -> Part:
    """The chunk of the call where a copied fragment first stands (the first chunk if it stands nowhere)."""
    for part in batch.parts:
        if _find(text, fragment, part.chunk.start, part.chunk.end) is not None:
            return part
    return batch.parts[0]


def _meaning(item: Meaning, fallback: Figure | None = None) -> dict[str, Any]:
    """The labels the model gave; where it gave none, the fallback's (the rules' reading of the same number)."""
    given: dict[str, Any] = {name: getattr(item, name) for name in ("metric", "subject", "period") if getattr(item, name)}
    if item.metric_key is not None:
        given["metric_key"] = item.metric_key.value
    if item.measure is not None:
        given["measure"] = Measure(item.measure)
    if item.target is not None:
        given["target"] = item.target
    for source, names in _LABEL_SOURCES.items():  # a label the model gave says so (confidence.toml: never high alone)
        if any(name in given for name in names):
            given[source] = "model"
    if fallback is None:
        return given
    labels = ("metric", "subject", "period", "metric_key", "measure", "target", *_LABEL_SOURCES)
    return {**{name: getattr(fallback, name) for name in labels}, **given}


_LABEL_SOURCES = {"subject_from": ("subject",), "metric_from": ("metric", "metric_key"), "period_from": ("period",)}


def _labelled(text: str, candidate: Figure, label: Any, tally: ChunkTally) -> Figure:
    """The candidate with the model's labels, and with the model's reading of its number where the text bears it out.

    A different value_text is read at the place the model means (over the
    candidate's number) and gets evidence that contains it; a stated base unit,
    amount or qualifier replaces what the grammar read. That reading is kept
    when the validator verifies it, or when the candidate's own reading does not
    verify either; otherwise the candidate's verified reading stands (value,
    unit, span) and only the labels apply.
    """
    labelled = candidate.model_copy(update=_meaning(label))
    reading: dict[str, Any] = {}
    echoed = "".join(getattr(label, "value_text", "").split())
    if echoed and echoed != candidate.value_text:
        reading.update(_echoed_reading(text, candidate, echoed))
    reading.update(_stated_reading(label, {**candidate.model_dump(include={"value", "amount"}), **reading}))
    reading = {name: value for name, value in reading.items() if getattr(candidate, name) != value}
    if not reading:
        return labelled
    corrected = labelled.model_copy(update=reading)
    before = check(candidate, text)
    if before.status is not Status.verified or _widens(check(corrected, text), before):
        return corrected
    tally.drop("labels: reading not borne out by the text (the verified one stands)")
    return labelled


def _widens(after: Any, before: Any) -> bool:
    """A verified reading over the whole of the verified one's printed number (1.62亿 → 1.62亿片), never a part of it
    (上千人 → 千人): the rules' verified figure is never narrowed away."""
    if after.status is not Status.verified or after.value_span is None or before.value_span is None:
        return False
    return after.value_span.start <= before.value_span.start and before.value_span.end <= after.value_span.end


def _echoed_reading(text: str, candidate: Figure, echoed: str) -> dict[str, Any]:
    """A longer or different reading of the candidate's number: its value, unit and amount, and evidence that holds it."""
    quantity = _finite_quantity(echoed)
    if quantity is None:  # no quantity: the record carries the echo and the validator says so
        return {"value_text": echoed}
    candidate_start = value_start(candidate)
    place = _overlapping_place(text, echoed, candidate_start, candidate_start + len(candidate.value_text))
    if place is not None:
        quantity = reading_at(text, place, place + len(echoed), quantity)
    update: dict[str, Any] = {"value_text": echoed, **_quantity_fields(quantity)}
    if place is not None and candidate.evidence is not None:
        low, high = min(candidate.evidence.start, place), max(candidate.evidence.end, place + len(echoed))
        update["evidence"] = Evidence(start=low, end=high, text=text[low:high])
    return update


def _overlapping_place(text: str, fragment: str, start: int, end: int) -> int | None:
    """Where ``fragment`` stands in the text over [start, end) (a longer reading of the number there), nearest start."""
    places = []
    position = text.find(fragment, max(0, start - len(fragment) + 1), end + len(fragment))
    while position != -1 and position < end:
        if position + len(fragment) > start:
            places.append(position)
        position = text.find(fragment, position + 1, end + len(fragment))
    return min(places, key=lambda place: abs(place - start)) if places else None


def _quantity_fields(quantity: Quantity) -> dict[str, Any]:
    """A Figure's number fields from a reading (the sign as the text prints it)."""
    return {
        "value": quantity.value,
        "unit": quantity.unit,
        "amount": quantity.amount,
        "base_unit": quantity.base_unit,
        "qualifier": quantity.qualifier,
        "value_high": quantity.value_high,
        "amount_high": quantity.amount_high,
    }


def _stated_reading(item: FigureLabel | AddedFigure | FigureItem, current: dict[str, Any]) -> dict[str, Any]:
    """What the model said of the number itself: unit, base unit, amount, qualifier, range end (those its answer has).

    ``current`` holds the value and amount the record has so far, to scale a range end by.
    """
    said = item.model_dump(include={"unit", "base_unit", "amount", "qualifier", "value_high"})
    stated: dict[str, Any] = {name: "".join(said[name].split()) for name in ("unit", "base_unit") if said.get(name)}
    if said.get("amount") is not None:
        stated["amount"] = said["amount"]
    if said.get("qualifier") is not None:
        stated["qualifier"] = Qualifier(said["qualifier"])
    if said.get("value_high") is not None:
        value, amount = current["value"], stated.get("amount", current["amount"])
        stated["value_high"] = said["value_high"]
        stated["amount_high"] = said["value_high"] * (amount / value if value else 1.0)
    return stated


def _finite_quantity(value_text: str) -> Any:
    """The reading of a number, unless it overflows (a model may echo 400 digits): JSON has no Infinity."""
    quantity = parse_quantity(value_text)
    if quantity is None:
        return None
    numbers = (quantity.value, quantity.amount, quantity.value_high, quantity.amount_high)
    return quantity if all(n is None or math.isfinite(n) for n in numbers) else None


def _figure(text: str, item: AddedFigure, evidence: Evidence | None, rules_at: dict[int, Figure]) -> Figure:
    """A figure the model found itself. What it leaves out of the reading, the grammar reads at the place it stands
    (a cue word's qualifier, a range end); what it leaves out of the labels, the rules' candidate for that number gives."""
    value_text = "".join(item.value_text.split())
    quantity = _finite_quantity(value_text)
    place = evidence.start + evidence.text.rfind(value_text) if evidence is not None and value_text in evidence.text else None
    if quantity is not None and place is not None:
        quantity = reading_at(text, place, place + len(value_text), quantity)
    read = _quantity_fields(quantity) if quantity else {"unit": "", "amount": item.value, "base_unit": ""}
    del read["value"]  # the model's value stands; the validator compares it
    if item.amount is not None:
        read["amount"] = item.amount
    if item.unit and not getattr(item, "base_unit", ""):
        read["base_unit"] = split_unit(item.unit)[1] or read["base_unit"]
    read.update(_stated_reading(item, {"value": item.value, "amount": read["amount"]}))
    labels = _meaning(item, rules_at.get(place) if place is not None else None)
    return Figure(value_text=value_text, value=item.value, evidence=evidence, **read, **labels)


def _quotes(text: str, part: Part, answer: Any, batch: Batch, tally: ChunkTally) -> list[Quote]:
    """Every quote candidate of this chunk (with the model's speaker where it gives one), plus new quotes that overlap none."""
    found: list[Quote] = []
    taken = _TakenSpans()
    labels: dict[str, Any] = {}
    for label in getattr(answer, "quote_labels", []):
        labels.setdefault(label.id, label)
    for mark, candidate in part.quotes.items():
        label = labels.get(mark)
        if label is not None and (label.speaker or label.speaker_title):
            candidate = candidate.model_copy(update={"speaker": label.speaker or candidate.speaker, "speaker_title": label.speaker_title})
        found.append(candidate)
        taken.add(candidate)
    for item in answer.quotes:
        words = without_marks(item.text).strip().strip("“”")
        if not words or _owner(text, batch, words) is not part:
            continue  # nothing, or it stands in another chunk of this call
        quote = Quote(text=words, speaker=item.speaker, speaker_title=item.speaker_title, evidence=_locate(text, _span(part), words))
        if taken.overlaps(quote):
            tally.drop("quotes: repeats a quote candidate")
        else:
            found.append(quote)
            taken.add(quote)
    return found


class _TakenSpans:
    """Quotes kept so far: their words, and the union of their spans (sorted, disjoint), searched by bisection.

    A quote the model repeats, or gives in part or with more words, overlaps
    one kept already: two different quotes never share characters.
    """

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, quote: Quote) -> bool:
        if quote.text in self._words:
            return True
        if quote.evidence is None:
            return False
        start, end = quote.evidence.start, quote.evidence.end
        index = bisect.bisect_left(self._ends, start + 1)  # the first kept span that ends after this one starts
        return index < len(self._starts) and self._starts[index] < end

    def add(self, quote: Quote) -> None:
        self._words.add(quote.text)
        if quote.evidence is None:
            return
        start, end = quote.evidence.start, quote.evidence.end
        low = bisect.bisect_left(self._ends, start)  # spans touching or overlapping [start, end) merge into one
        high = bisect.bisect_right(self._starts, end)
        if low < high:
            start, end = min(start, self._starts[low]), max(end, self._ends[high - 1])
        self._starts[low:high] = [start]
        self._ends[low:high] = [end]


def _park(text: str, span: tuple[int, int], name: str, aliases: list[str]) -> Park:
    return Park(name=name, aliases=[a for a in aliases if a != name], evidence=_locate(text, span, name))


def _initiative(text: str, span: tuple[int, int], name: str, kind: str, park: str) -> Initiative:
    return Initiative(name=name, initiative_kind=kind, park=park, evidence=_locate(text, span, name))


def _locate(text: str, span: tuple[int, int], fragment: str) -> Evidence | None:
    """Where a copied fragment stands in the chunk (as a span of the document), if it does."""
    found = _find(text, fragment, span[0], span[1])
    if found is None:
        return None
    start, end = found
    return Evidence(start=start, end=end, text=text[start:end])


def _find(text: str, fragment: str, low: int, high: int) -> tuple[int, int] | None:
    """The first place of a copied fragment in text[low:high], exact or with its whitespace and line breaks differing.

    A model copies a clause that runs over a paragraph break without the break (or with a
    space for it); the evidence is then the document's own span, break included.
    """
    fragment = without_marks(fragment or "").strip()
    if not fragment:
        return None
    position = text.find(fragment, low, high)
    if position != -1:
        return position, position + len(fragment)
    characters = [re.escape(character) for character in fragment if not character.isspace()]
    match = re.compile(r"\s*".join(characters)).search(text, low, high)
    return (match.start(), match.end()) if match else None
