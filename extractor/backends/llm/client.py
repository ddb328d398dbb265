"""The endpoint client: calls on an event loop in a background thread, bounded by the limits, through the cache.

It also judges the endpoint. Three things end the whole run (``BackendAborted``):
an answer 401, 403 or 404 (``EndpointRefused``: wrong key, model or URL, the
same for every chunk); a call that found the endpoint silent before it ever
answered (one retry, then ``EndpointUnavailable``: refused connections or no
answer within --timeout); and ``UNAVAILABLE_AFTER`` calls in a row failing that
way later. Any other failure is one call's: its ``CallResult`` says why, and
the backend lets the rules stand in for its chunks.

A call whose answer is cut off even at --max-output-tokens is asked again in two
halves (``split_batch``), and the halves' answers joined.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import ValidationError

from ...text.tokens import estimate_tokens
from .answers import without_marks
from .cache import ResponseCache
from .calls import BudgetSpent, CallResult, ModelCaller, UsageCounter, is_transport_fault, served_context
from .chunks import Chunk, chunk_article
from .limits import CallLimits, LocalLimits
from .modes import Mode, mode_for
from .prompting import Batch, Part, candidates_in, messages, prompt_version, value_start
from .schematext import schema_text
from .settings import EndpointRefused, EndpointUnavailable, LLMSettings

UNAVAILABLE_AFTER = 3  # calls in a row (at least; --concurrency if higher) that found the endpoint silent: it is down
ANSWER_BASE = 256  # tokens of an answer's frame (its keys, parks, initiatives) ...
ANSWER_PER_TEXT = 0.5  # ... per token of text, for what the model adds (and per candidate: one item of the printed format)
ANSWER_HEADROOM = 1.5  # a call's max_tokens over its estimate: a page dense in additions runs over it; an unspent cap costs nothing
ANSWER_FLOOR = 0.25  # ... and at least this share of the ceiling: a small call's estimate is a few items, and what the model
# adds (figures the rules missed, initiatives) is a larger share of its answer; a cut-off answer costs its prompt again
MAX_SPLITS = 1  # a call whose answer is cut off even at the ceiling is halved once (a runaway answer costs no more)
CLOCK_POLL = 0.05  # seconds: the shortest wait between two looks at a page's call clock
MIN_CHUNK_CHARS = 200  # a context too small for this is reported by the server's error, not cut into crumbs
PROMPT_MARGIN = 1.15  # the token estimate is tokenizer-free: a margin keeps prompt plus answer inside the context
PART_FRAME = 24  # prompt tokens a part adds besides its text: its page line, article line and text markers ...
MARK_TOKENS = 3  # ... and per candidate mark (<N12>, <Q3>)
_COMPACT_MODES = ("json", "md_json", "json_grammar")  # instructor prints the schema in the system message, rewritten short (calls.py)


@dataclass
class CallOutcome:
    batch: Batch
    result: CallResult
    settled: dict[int, Any] = field(default_factory=dict)  # id(part) → its records once answered (the backend's ``Settled``)


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


class SendClock(Protocol):
    """What a call's sending needs of a clock: whether its pages are out of time, and a way to count its running time
    (a ``CallClock``, or the clocks of every page a packed call carries)."""

    @property
    def expired(self) -> bool: ...

    def running(self) -> contextlib.AbstractContextManager[None]: ...


def _schema_version(mode: Mode) -> str:
    schema = mode.answer_model.model_json_schema()
    return hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()[:12]


class EndpointClient:
    """Sends calls (``send``) and hands back their outcomes (``wait``); counts them in ``counter``."""

    def __init__(
        self, settings: LLMSettings, limits: CallLimits | None = None, answer_from: Callable[..., Awaitable[Any]] | None = None
    ) -> None:
        """``answer_from`` stands in for the endpoint's chat call (the Batch API's answers, or a recorder of the requests:
        see batch.py); the server is then not asked its context size either."""
        self.settings = settings
        self.answer_from = answer_from
        self.mode = mode_for(settings.extraction)
        self.limits = limits or LocalLimits(settings.concurrency, settings.max_tokens)  # a cluster passes the run's global ones
        self.counter = UsageCounter()
        self.cache = ResponseCache(settings.cache_dir) if settings.cache else None
        self.notes: list[str] = []  # what the console should say after the run (a server's advice, repeated timeouts)
        self.abort: Exception | None = None  # set once: the run cannot go on
        self.settle: Callable[[CallOutcome, str], None] | None = None  # makes an answered call's records (on the loop)
        self._silent_in_a_row = 0  # calls that failed on transport faults since the last answer
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="llm-calls", daemon=True)
        self._thread.start()
        self._caller: ModelCaller | None = None
        self.context_tokens = settings.context_tokens  # --context-tokens, else what the server says, else unknown
        schema = self.mode.answer_model.model_json_schema()
        printed = schema_text(schema) if settings.mode in _COMPACT_MODES else json.dumps(schema, ensure_ascii=False, separators=(",", ":"))
        self._schema_tokens = estimate_tokens(printed)  # the schema as the call sends it
        self._frame_tokens = estimate_tokens(str(messages(Batch([]), self.mode.name)))  # instructions, without a page
        self._on_loop(self._start()).result()

    def fitting_chars(self, budget: int) -> int:
        """The characters of text one call may carry: ``budget``, or fewer where the model's context holds fewer."""
        if self.context_tokens is None:
            return budget
        per_char = 1 + ANSWER_PER_TEXT + max(self.mode.per_figure, self.mode.per_quote) / 20  # a candidate every ~20 characters
        room = self.context_tokens - PROMPT_MARGIN * (self._schema_tokens + self._frame_tokens) - ANSWER_BASE
        return min(budget, max(MIN_CHUNK_CHARS, int(room / (PROMPT_MARGIN * per_char))))

    def call_room(self) -> int | None:
        """Tokens a call's parts may take together (their prompt and their answers), where the context is known."""
        if self.context_tokens is None:
            return None
        return self.context_tokens - round(PROMPT_MARGIN * (self._schema_tokens + self._frame_tokens)) - ANSWER_BASE

    def answer_room(self) -> int | None:
        """Answer tokens a call's parts may ask for together, where the context is known: --max-output-tokens less the
        answer's frame (a call whose text the context holds would otherwise be cut off at the ceiling, and split)."""
        if self.context_tokens is None:
            return None
        return max(1, self.settings.max_output_tokens - ANSWER_BASE)

    def part_tokens(self, part: Part) -> int:
        """What a part adds to a call: its text, marks and frame in the prompt, and the answer its candidates need."""
        figures, quotes = candidates_in(part)
        prompt = estimate_tokens(part.chunk.text) + PART_FRAME + MARK_TOKENS * (len(figures) + len(quotes))
        return round(PROMPT_MARGIN * prompt) + self.part_answer_tokens(part)

    def part_answer_tokens(self, part: Part) -> int:
        """The answer a part's candidates and text need (``answer_tokens`` of a call, without its frame)."""
        figures, quotes = candidates_in(part)
        text = estimate_tokens(part.chunk.text)
        return self.mode.per_figure * len(figures) + self.mode.per_quote * len(quotes) + round(ANSWER_PER_TEXT * text)

    def send(self, batch: Batch, clock: SendClock) -> Future:
        """Start the call on the loop (bounded by the limits); its outcome comes with ``wait``."""
        return self._on_loop(self._call(batch, clock))

    def wait(self, future: Future, batch: Batch, clock: CallClock) -> CallOutcome:
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
                return CallOutcome(batch, CallResult(None, error=error, held_back=True))
            except CancelledError:
                return CallOutcome(batch, CallResult(None, error=f"not sent: {self.abort}"))

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

    # -- the event loop in its own thread ------------------------------------

    def _on_loop(self, coroutine: Any) -> Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    async def _start(self) -> None:
        self._caller = ModelCaller(self.settings, self.counter, self.limits, self.answer_from)
        if self.context_tokens is None and self.answer_from is None:
            self.context_tokens = await served_context(self.settings)

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
        if self.abort is None:
            self.abort = reason
            self._cancel_calls()

    # -- one call -------------------------------------------------------------------

    def call_settings(self) -> dict[str, Any]:
        """Everything besides the messages that shapes an answer: part of every cache key."""
        return {
            "endpoint": self.settings.endpoint,  # another server's answers are not this one's
            "model": self.settings.model,
            "mode": self.settings.mode,
            "temperature": self.settings.temperature,
            "extraction": self.mode.name,
            "prompt": prompt_version(),
            "schema": _schema_version(self.mode),
        }

    async def _call(self, batch: Batch, clock: SendClock) -> CallOutcome:
        prompt = messages(batch, self.mode.name)
        answer_model = self.mode.answer_model
        key = ResponseCache.key(**self.call_settings(), messages=prompt)
        cached = self._cached(key, answer_model)
        if cached is not None:
            self.counter.cache_hits += 1
            return self._settled(CallOutcome(batch, CallResult(cached, from_cache=True)), key)
        assert self._caller is not None
        async with self.limits.slot():
            if self.abort is not None:
                return CallOutcome(batch, CallResult(None, error=f"not sent: {self.abort}"))
            if clock.expired:
                return CallOutcome(batch, CallResult(None, error="not sent: the page's --doc-timeout had passed", held_back=True))
            try:
                with clock.running():
                    result = await self._ask_fitting(batch, prompt, answer_model)
            except BudgetSpent as spent:
                result = CallResult(None, error=str(spent), held_back=True)
            except EndpointRefused as refused:
                self._stop_run(refused)
                raise
            except Exception as exc:  # anything else fails this call's chunks (the rules stand in), never the document
                result = CallResult(None, error=f"{type(exc).__name__}: {str(exc)[:120]}")
        self._judge_endpoint(result)
        if result.advice and result.advice not in self.notes:
            self.notes.append(result.advice)
        outcome = self._settled(CallOutcome(batch, result), key)  # its parts cached first: a cached call's parts are too
        if result.answer is not None and self.cache is not None:  # a key the model repeats is never written, here either
            answer = json.loads(self.settings.redactor()(json.dumps(result.answer.model_dump(mode="json"), ensure_ascii=False)))
            self.cache.put(key, {"answer": answer})
        return outcome

    def _settled(self, outcome: CallOutcome, key: str) -> CallOutcome:
        """The answered call's records made now, before anyone waits for them (and cached per part, by ``settle``)."""
        if outcome.result.answer is not None and self.settle is not None:
            self.settle(outcome, key)
        return outcome

    async def _ask_fitting(self, batch: Batch, prompt: list[dict[str, str]], answer_model: type, depth: int = 0) -> CallResult:
        """The batch's answer. One cut off even at --max-output-tokens is not sent again as it was: the batch is
        asked in two halves (candidates keep their marks), up to ``MAX_SPLITS`` times, and the halves' answers joined."""
        assert self._caller is not None
        context = {"text": without_marks(batch.plain_text()), "figure_ids": batch.figure_ids, "quote_ids": batch.quote_ids,
                   "figure_order": batch.figure_order}
        wanted, room = self._answer_tokens(batch, prompt)
        result = await self._caller.ask(prompt, answer_model, context, wanted, room)
        halves = split_batch(batch) if result.error.startswith("IncompleteOutputException") and depth < MAX_SPLITS else None
        if halves is None:
            return result
        self.counter.splits += 1
        parts = [await self._ask_fitting(half, messages(half, self.mode.name), answer_model, depth + 1) for half in halves]
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
        wanted = max(round(ANSWER_HEADROOM * answer_tokens(batch, self.mode)), round(ANSWER_FLOOR * self.settings.max_output_tokens))
        return min(wanted, room), room

    def _cached(self, key: str, answer_model: type) -> Any:
        cached = self.cache.get(key) if self.cache else None
        if cached is None:
            return None
        try:
            return answer_model.model_validate(cached["answer"])
        except (ValidationError, KeyError, TypeError):
            return None  # written by another version or damaged: ask again

    def _judge_endpoint(self, result: CallResult) -> None:
        """Stop the run when the endpoint is silent: before its first answer, or for several calls in a row."""
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


def split_batch(batch: Batch) -> list[Batch] | None:
    """Two halves of a call: its chunks shared out, or its one chunk cut at a sentence or clause end near the middle.

    Candidates keep their marks (N7 stays N7) and pages their numbers, so labels and pages still name them.
    None when the chunk will not cut.
    """
    if len(batch.parts) > 1:
        middle = len(batch.parts) // 2
        return [Batch(batch.parts[:middle], batch.first_page), Batch(batch.parts[middle:], batch.page_of(batch.parts[middle]))]
    (part,) = batch.parts
    chunk = part.chunk
    pieces = chunk_article(chunk.text, 0, len(chunk.text), chunk.article, max(1, (len(chunk.text) + 1) // 2))
    if len(pieces) < 2 or len(chunk.text) < MIN_CHUNK_CHARS:
        return None
    cut = chunk.start + pieces[len(pieces) // 2].start
    halves = [_sub_part(part, chunk.start, cut), _sub_part(part, cut, chunk.end)]
    return [Batch([half], batch.first_page) for half in halves]


def _sub_part(part: Part, start: int, end: int) -> Part:
    chunk = part.chunk
    piece = Chunk(chunk.article, chunk.index, start, end, chunk.text[start - chunk.start : end - chunk.start])
    figures = {mark: f for mark, f in part.figures.items() if start <= value_start(f) < end}
    quotes = {mark: q for mark, q in part.quotes.items() if q.evidence is not None and start <= q.evidence.start < end}
    return Part(part.article, piece, figures, quotes, part.headings, part.text, part.doc, part.published)


def _joined(answer_model: type, answers: list[Any]) -> Any:
    """One answer holding every list item of several (the halves of a split call)."""
    lists = {name: [item for answer in answers for item in getattr(answer, name)] for name in answer_model.model_fields}
    return answer_model.model_construct(**lists)  # items checked already; the caps held for each half


def answer_tokens(batch: Batch, mode: Mode) -> int:
    """The max_tokens a call's answer needs: a label per candidate (a whole figure per candidate in the free mode),
    a speaker per quote, and a share of the text for what the model adds (parks, initiatives, figures the rules missed)."""
    figures = sum(len(part.figures) for part in batch.parts)
    quotes = sum(len(part.quotes) for part in batch.parts)
    return ANSWER_BASE + mode.per_figure * figures + mode.per_quote * quotes + round(ANSWER_PER_TEXT * estimate_tokens(batch.plain_text()))
