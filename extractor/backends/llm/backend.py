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

Articles come out in order. A chunk that fails after its retries is reported,
and the candidates stand in for it. A run where more than half of the chunks
sent failed is marked failed in its usage (``run_failed``), and the CLI exits 1.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import Future
from typing import Any

from ...models import Article
from ..budget import current_budget, paused
from ..contract import Backend, Closing, Page
from ..usage import ChunkFailure, ChunkTally, DocumentTally, Usage
from .anchoring import ChunkRecords, assemble, chunk_records, stand_in
from .chunks import Chunk, chunk_article
from .client import CallClock, CallOutcome, EndpointClient
from .limits import CallLimits
from .prompting import Batch, Part, batches
from .settings import ConfigurationError, LLMSettings

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

    def extract(self, page: Page) -> Iterator[Article]:
        """Send every call for the page now (bounded by --concurrency); the iterator yields articles in order.

        Sending at once, not on first iteration, lets a caller prepare the next
        page while it writes this one, so calls of several pages overlap.
        The page's publication date goes to the model, to read 今年 and 去年 by.
        """
        if self.client.abort is not None:
            raise self.client.abort
        base = list(self.candidates.extract(page))
        call_chars = self.client.fitting_chars(self.settings.chunk_chars)
        chunks = {article.index: chunk_article(page.text, article.start, article.end, article.index, call_chars) for article in base}
        ordered = [(article, chunk) for article in base for chunk in chunks[article.index]]
        calls = batches(ordered, call_chars, page.meta.published if page.meta else "", page.text)
        budget = current_budget()
        clock = CallClock(budget.seconds if budget is not None else None)
        futures = [self.client.send(batch, clock) for batch in calls]
        return self._collect(page, base, chunks, calls, futures, clock)

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

    def close(self) -> None:
        self.client.close()

    def _collect(
        self, page: Page, base: list[Article], chunks: dict[int, list[Chunk]], calls: list[Batch], futures: list[Future], clock: CallClock
    ) -> Iterator[Article]:
        """Articles in order as their calls are answered. Waiting is not charged to the page's time budget
        (other pages' calls may hold the slots); the page's own calls are, by ``clock``: past --doc-timeout, calls
        not yet sent are not sent, answers still on their way are not waited for (they reach the cache when they
        come), and the candidates stand in for the chunks left without an answer."""
        by_article: dict[int, list[tuple[Part, CallOutcome]]] = {article.index: [] for article in base}
        waiting = iter(zip(calls, futures, strict=True))
        for article in base:
            while len(by_article[article.index]) < len(chunks[article.index]):
                batch, future = next(waiting)
                with paused():
                    outcome = self.client.wait(future, batch, clock)
                if self.client.abort is not None:
                    raise self.client.abort
                for part in batch.parts:
                    by_article[part.article.index].append((part, outcome))
            yield self._article(page.text, article, by_article.pop(article.index), page.doc)

    def _article(self, text: str, article: Article, received: list[tuple[Part, CallOutcome]], doc: str) -> Article:
        """The article made of its chunks' answers, with the tokens its calls took (a shared call's split between its chunks)."""
        records: list[ChunkRecords] = []
        failed = prompt_tokens = completion_tokens = 0
        for part, outcome in received:
            self.chunks_done += 1
            share = 1 / len(outcome.batch.parts)
            prompt_tokens += round(outcome.result.prompt_tokens * share)
            completion_tokens += round(outcome.result.completion_tokens * share)
            tally = ChunkTally()
            found = self._chunk(text, article, part, outcome, doc, tally)
            self.tallies.setdefault(doc, DocumentTally()).add(tally, answered=found is not None)
            failed += found is None
            records.append(found if found is not None else stand_in(part))  # the candidates stand in for a failed chunk
        update = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens, "failed_chunks": failed}
        return assemble(article, records, failed > 0).model_copy(update=update)

    def _chunk(self, text: str, article: Article, part: Part, outcome: CallOutcome, doc: str, tally: ChunkTally) -> ChunkRecords | None:
        """The chunk's records from its answer; None (the failure listed) when there is no answer or it cannot be used.

        Whatever the answer holds, an error while merging it fails this chunk only (the candidates stand in), never the document.
        """
        answer = outcome.result.answer
        if answer is None:
            self._failed(ChunkFailure(doc, article.index, part.chunk.index, outcome.result.error, outcome.result.held_back))
            return None
        if part is outcome.batch.parts[0]:  # a call's dropped items are counted once, with its first chunk
            tally.dropped.update(answer.dropped)
        try:
            return chunk_records(text, article, part, answer, outcome.batch, self.client.mode, tally)
        except Exception as exc:
            self._failed(ChunkFailure(doc, article.index, part.chunk.index, f"unusable answer: {type(exc).__name__}: {str(exc)[:120]}"))
            return None

    def _failed(self, failure: ChunkFailure) -> None:
        self.client.counter.failures += 1
        self.failed_chunks.append(failure)
