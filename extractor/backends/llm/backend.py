"""The LLM backend: a page's articles cut into chunks, sent through any OpenAI-compatible endpoint, answers made records.

Anchored mode (the default): the candidate source's records (the rules
backend's) for each chunk are marked in the prompt; the model labels them
(metric words and key, measure, target, subject, period, whether a number is a
figure at all, and its own reading of the number where the candidate's is
short), attributes quotes, names parks and initiatives, and may add figures the
candidates missed. Free mode: the model extracts without marks (``modes.py``).
How an answer and the candidates become records is ``anchoring.py``; the calls,
their limits, cache and the judgement of the endpoint are ``client.py``. Either
way every record then goes through the same validator as the rules backend's
(in the pipeline), so a number that is not in the text never comes out verified.

Short pages share calls: a page's chunks join the call still open from the
pages before it, up to the chunk budget (``Packer``); a call is sent when it is
full, or when a page it carries is read (``_collect``), so the runner's look-ahead
(``pages_ahead``) decides how many pages may meet in one call, and the same run
again packs the same calls (its answers come from the cache). Each page reads
only its own parts of an answer; a call that fails lets the rules stand in for
each of its pages' chunks, and costs no page anything else.

Articles come out in order. A chunk that fails after its retries is reported,
and the candidates stand in for it. A run where more than half of the chunks
sent failed is marked failed in its usage (``run_failed``), and the CLI exits 1.
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import Future
from typing import Any

from ...models import Article
from ..budget import current_budget, paused
from ..contract import Backend, Closing, Page
from ..usage import ChunkFailure, ChunkTally, DocumentTally, Usage
from .anchoring import ChunkRecords, assemble, chunk_records, stand_in
from .chunks import Chunk, chunk_article
from .client import CallClock, CallOutcome, CallResult, EndpointClient
from .labelpolicy import label_policy
from .limits import CallLimits
from .prompting import Batch, Packer, Part, page_parts
from .settings import ConfigurationError, LLMSettings
from .settled import Settled, dump, load, part_key

__all__ = ["ConfigurationError", "LLMBackend", "LLMSettings"]  # settings re-exported for library users


class LLMBackend(Closing):
    name = "llm"

    def __init__(
        self,
        settings: LLMSettings,
        candidates: Backend,
        limits: CallLimits | None = None,
        answer_from: Callable[..., Awaitable[Any]] | None = None,
    ) -> None:
        settings.check()
        self.settings = settings
        self.candidates = candidates  # what the model labels (anchored) or merges into (free): the rules backend's records
        self.client = EndpointClient(settings, limits, answer_from)  # answer_from: --batch, --dry-run (batch.py)
        self.usage_extras: dict[str, Callable[[], Any]] = {}  # more sections for run.json (the batch's)
        self.failed_chunks: list[ChunkFailure] = []
        self.tallies: dict[str, DocumentTally] = {}
        self.chunks_done = 0
        self._packer: Packer | None = None  # the call still open, which the next pages' chunks may join
        self._pending: list[_Call] = []  # the open call's pages' waiting places: they learn their call when it closes
        self._packing = threading.RLock()
        self.client.settle = self._settle
        self._redact = settings.redactor()  # a key the model repeats is never written, in the part cache either

    def extract(self, page: Page) -> Iterator[Article]:
        """Send every call for the page that is full now (bounded by --concurrency); the iterator yields articles in order.

        Sending at once, not on first iteration, lets a caller prepare the next
        page while it writes this one, so calls of several pages overlap; the
        page's last call stays open for the next pages' chunks until it is full
        or this page is read. The page's publication date goes to the model, to read 今年 and 去年 by.
        """
        if self.client.abort is not None:
            raise self.client.abort
        base = list(self.candidates.extract(page))
        call_chars = self.client.fitting_chars(self.settings.chunk_chars)
        chunks = {article.index: chunk_article(page.text, article.start, article.end, article.index, call_chars) for article in base}
        ordered = [(article, chunk) for article in base for chunk in chunks[article.index]]
        parts = page_parts(ordered, page.text, page.doc, page.meta.published if page.meta else "")
        for part in parts:  # keyed now: an earlier call's labels merged into the article would change the key later
            part.key = part_key(part, self._part_settings())
        budget = current_budget()
        clock = CallClock(budget.seconds if budget is not None else None)
        restored = self._restored(parts)
        if restored is not None:  # answered before (a run stopped before writing this page): nothing to send
            return self._collect(page, base, chunks, [restored], clock)
        calls: list[_Call] = []
        with self._packing:
            room, answers = self.client.call_room(), self.client.answer_room()
            if self._packer is None or (self._packer.budget, self._packer.room) != (self._pack_chars(call_chars), room):
                self._flush()
                self._packer = Packer(self._pack_chars(call_chars), room, self.client.part_tokens, answers, self.client.part_answer_tokens)
            for part in parts:
                for full in self._packer.add([part]):
                    self._send(full)
                if not calls or calls[-1] is not self._open_call():
                    calls.append(self._open_call())
                calls[-1].clocks.append(clock)
        return self._collect(page, base, chunks, calls, clock)

    def _pack_chars(self, call_chars: int) -> int:
        """A call's text budget: none of its own where the context is known (the context and the answer ceiling then
        bound a call, by the candidates each part really holds, and --chunk-chars bounds a chunk: a large context pays
        the fixed prefix fewer times), else what fits a dense chunk."""
        return sys.maxsize if self.client.call_room() is not None else call_chars

    def _restored(self, parts: list[Part]) -> _Call | None:
        """The page's records from the cache when every part of it was answered before, in whatever call; else None."""
        cache = self.client.cache
        if cache is None or not parts:
            return None
        found = []
        for part in parts:
            stored = cache.get(part.key or part_key(part, self._part_settings()))
            settled = load(stored) if stored is not None else None
            if settled is None:
                return None
            found.append(settled)
        outcome = CallOutcome(Batch(parts), CallResult(None, from_cache=True))
        outcome.settled = {id(part): settled for part, settled in zip(parts, found, strict=True)}
        self.client.counter.cache_hits += sum(settled.first for settled in found)  # each earlier call once, as a cached call is
        call = _Call()
        call.batch, call.future = outcome.batch, Future()
        call.future.set_result(outcome)
        return call

    def _part_settings(self) -> dict[str, Any]:
        """What a part's settled records depend on: the call's settings and the label policy (the answer does not)."""
        policy = label_policy(self.settings.model_labels)
        return {**self.client.call_settings(), "model_labels": sorted((kind, sorted(scopes)) for kind, scopes in policy.items())}

    def _settle(self, outcome: CallOutcome, key: str) -> None:
        """Each part's records from an answered call, made on arrival (on the calls' loop) and cached under the part's own
        key, so that a page read later, or by a resumed run that packs it into another call, pays nothing again."""
        answer, batch = outcome.result.answer, outcome.batch
        for part in batch.parts:
            tally = ChunkTally()
            if part is batch.parts[0]:  # a call's dropped items are counted once, with its first chunk
                tally.dropped.update(answer.dropped)
            try:
                records = chunk_records(part.text, part.article, part, answer, batch, self.client.mode, tally, self.settings.model_labels)
                settled = Settled(records, tally, call=key, first=part is batch.parts[0])
            except Exception as exc:  # whatever the answer holds, it fails this chunk only (the candidates stand in)
                settled = Settled(None, tally, f"unusable answer: {type(exc).__name__}: {str(exc)[:120]}", key)
            outcome.settled[id(part)] = settled
            if settled.records is not None and self.client.cache is not None:
                entry = json.loads(self._redact(json.dumps(dump(settled), ensure_ascii=False)))
                self.client.cache.put(part.key or part_key(part, self._part_settings()), entry)

    def _open_call(self) -> _Call:
        if not self._pending:
            self._pending.append(_Call())
        return self._pending[-1]

    def _send(self, batch: Batch) -> None:
        """Send a closed call: its pages' waiting place gets the batch and the future of its outcome."""
        call = self._pending.pop() if self._pending else _Call()
        call.batch, call.future = batch, self.client.send(batch, PackClock(call.clocks))

    def _flush(self) -> None:
        """Close and send the open call, however full (a page it carries is being read)."""
        if self._packer is not None:
            batch = self._packer.flush()
            if batch is not None:
                self._send(batch)

    def usage(self) -> Usage:
        c, settings = self.client.counter, self.settings
        about = {
            "model": settings.model,
            "endpoint": settings.endpoint,  # credentials removed
            "instructor_mode": settings.mode,
            "extraction": settings.extraction,
            "temperature": settings.temperature,
            "context_tokens": self.client.context_tokens,
            "max_tokens": settings.max_tokens,
        }
        return Usage(
            about,
            calls=c.calls,
            cache_hits=c.cache_hits,
            retries=c.retries,
            splits=c.splits,
            failures=c.failures,
            prompt_tokens=c.prompt_tokens,
            completion_tokens=c.completion_tokens,
            seconds_waiting=c.seconds_waiting,
            reasks=c.reasks,
            reasks_fixed=c.reasks_fixed,
            extras={name: report() for name, report in self.usage_extras.items()},
            chunks=self.chunks_done,
            budget_exhausted=c.budget_exhausted,
            failed_chunks=list(self.failed_chunks),
            tallies={doc: tally + DocumentTally() for doc, tally in self.tallies.items()},  # copies: the counting goes on
            notes=list(self.client.notes),
        )

    def _collect(
        self, page: Page, base: list[Article], chunks: dict[int, list[Chunk]], calls: list[_Call], clock: CallClock
    ) -> Iterator[Article]:
        """Articles in order as their calls are answered. Waiting is not charged to the page's time budget
        (other pages' calls may hold the slots); the page's own calls are, by ``clock``: past --doc-timeout, calls
        not yet sent are not sent, answers still on their way are not waited for (they reach the cache when they
        come), and the candidates stand in for the chunks left without an answer. A call shared with other pages
        gives this page only its own parts."""
        by_article: dict[int, list[tuple[Part, CallOutcome]]] = {article.index: [] for article in base}
        waiting = iter(calls)
        for article in base:
            while len(by_article[article.index]) < len(chunks[article.index]):
                call = next(waiting)
                with self._packing:
                    if call.future is None:  # still open: this page is being read, so it goes now
                        self._flush()
                assert call.batch is not None and call.future is not None
                with paused():
                    outcome = self.client.wait(call.future, call.batch, clock)
                if self.client.abort is not None:
                    raise self.client.abort
                for part in call.batch.parts:
                    if part.doc == page.doc and part.text is page.text:
                        by_article[part.article.index].append((part, outcome))
            yield self._article(article, by_article.pop(article.index), page.doc)

    def _article(self, article: Article, received: list[tuple[Part, CallOutcome]], doc: str) -> Article:
        """The article made of its chunks' answers, with the tokens its calls took (a shared call's split between its chunks)."""
        records: list[ChunkRecords] = []
        failed = prompt_tokens = completion_tokens = 0
        for part, outcome in received:
            self.chunks_done += 1
            share = 1 / len(outcome.batch.parts)
            prompt_tokens += round(outcome.result.prompt_tokens * share)
            completion_tokens += round(outcome.result.completion_tokens * share)
            found, tally = self._chunk(article, part, outcome, doc)
            self.tallies.setdefault(doc, DocumentTally()).add(tally, answered=found is not None)
            failed += found is None
            records.append(found if found is not None else stand_in(part))  # the candidates stand in for a failed chunk
        update = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens, "failed_chunks": failed}
        return assemble(article, records, failed > 0).model_copy(update=update)

    def _chunk(self, article: Article, part: Part, outcome: CallOutcome, doc: str) -> tuple[ChunkRecords | None, ChunkTally]:
        """The chunk's records, made when its answer came (``_settle``); None (the failure listed) when there is no answer
        or it cannot be used. Whatever the answer holds, an error while merging it fails this chunk only, never the document."""
        if outcome.result.answer is not None and id(part) not in outcome.settled:
            self._settle(outcome, "")  # an outcome no call made (none today): its records are made here
        settled: Settled | None = outcome.settled.get(id(part))
        if settled is None:
            self._failed(ChunkFailure(doc, article.index, part.chunk.index, outcome.result.error, outcome.result.held_back))
            return None, ChunkTally()
        if settled.records is None:
            self._failed(ChunkFailure(doc, article.index, part.chunk.index, settled.error))
        return settled.records, settled.tally

    def close(self) -> None:
        self.client.close()

    def _failed(self, failure: ChunkFailure) -> None:
        self.client.counter.failures += 1
        self.failed_chunks.append(failure)


class _Call:
    """A call as its pages wait for it: the batch and its outcome's future once it is closed and sent,
    and the time budgets of the pages it carries."""

    def __init__(self) -> None:
        self.batch: Batch | None = None
        self.future: Future | None = None
        self.clocks: list[CallClock] = []


class PackClock:
    """The clocks of the pages one call carries: the call's time counts for each of them, and it is held back
    (not sent) only once every one of them is out of time."""

    def __init__(self, clocks: list[CallClock]) -> None:
        self.clocks = list(dict.fromkeys(clocks)) or [CallClock(None)]

    @property
    def expired(self) -> bool:
        return all(clock.expired for clock in self.clocks)

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        with contextlib.ExitStack() as stack:
            for clock in self.clocks:
                stack.enter_context(clock.running())
            yield
