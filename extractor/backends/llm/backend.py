"""The LLM backend: chunks through any OpenAI-compatible endpoint, answers turned into records.

Anchored mode (the default): the rules backend's candidates for each chunk are
marked in the prompt; the model labels them (metric, subject, period, whether
a number is a figure at all), attributes quotes, names parks and initiatives,
and may add figures the candidates missed. Free mode: the model extracts
without candidates. Either way every record then goes through the same
validator as the rules backend's (in the pipeline), so a number that is not in
the text never comes out verified.

Calls run concurrently (bounded) on one event loop in a background thread;
articles still come out in order. A chunk that fails after its retries is
reported, and the rules backend's records for that chunk stand in for it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from ...chunk import DEFAULT_BUDGET, Chunk
from ...models import Article, Evidence, Figure, Initiative, Park, Quote
from ...numbers import parse_quantity, split_unit
from ...segment import Segment
from ..rules import RulesBackend
from .answers import ANSWER_MODELS, AddedFigure, FigureItem, without_marks
from .cache import ResponseCache
from .calls import BudgetSpent, CallResult, ModelCaller, UsageCounter
from .prompting import Batch, Part, batches, messages, prompt_version, value_start
from .settings import ConfigurationError, LLMSettings

__all__ = ["ConfigurationError", "LLMBackend", "LLMSettings"]  # settings re-exported for library users


@dataclass
class CallOutcome:
    batch: Batch
    result: CallResult


def _schema_version(extraction: str) -> str:
    schema = ANSWER_MODELS[extraction].model_json_schema()
    return hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()[:12]


class LLMBackend:
    name = "llm"
    needs_chunks = True

    def __init__(self, settings: LLMSettings, chunk_budget: int = DEFAULT_BUDGET) -> None:
        settings.check()
        self.settings = settings
        self.chunk_budget = chunk_budget
        self.prefetch_pages = max(2, settings.concurrency // 2)  # a page is a few calls: keep the slots busy
        self.counter = UsageCounter()
        self.rules = RulesBackend()
        self.cache = ResponseCache(settings.cache_dir) if settings.cache else None
        self.failed_chunks: list[dict[str, Any]] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="llm-calls", daemon=True)
        self._thread.start()
        self._caller: ModelCaller | None = None
        self._slots: asyncio.Semaphore | None = None
        self._on_loop(self._start()).result()

    # -- the event loop in its own thread ------------------------------------

    def _on_loop(self, coroutine: Any) -> Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    async def _start(self) -> None:
        self._caller = ModelCaller(self.settings, self.counter)
        self._slots = asyncio.Semaphore(self.settings.concurrency)

    def close(self) -> None:
        if self._loop.is_running():
            if self._caller is not None:
                self._on_loop(self._caller.close()).result(timeout=10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)

    # -- the backend interface -------------------------------------------------

    def extract_articles(self, text: str, segments: list[Segment], chunks: dict[int, list[Chunk]], doc: str = "") -> Iterator[Article]:
        """Send every call for the page now (bounded by --concurrency); the iterator yields articles in order.

        Sending at once, not on first iteration, lets a caller prepare the next
        page while it writes this one, so calls of several pages overlap.
        """
        base = [self.rules.extract_article(text, part) for part in segments]
        ordered = [(article, chunk) for article in base for chunk in chunks[article.index]]
        calls = batches(ordered, self.chunk_budget)
        futures = [self._on_loop(self._call(batch)) for batch in calls]
        return self._collect(text, base, chunks, calls, futures, doc)

    def _collect(
        self, text: str, base: list[Article], chunks: dict[int, list[Chunk]], calls: list[Batch], futures: list[Future], doc: str
    ) -> Iterator[Article]:
        by_article: dict[int, list[tuple[Part, CallOutcome]]] = {article.index: [] for article in base}
        waiting = iter(zip(calls, futures, strict=True))
        for article in base:
            while not _complete(article, by_article, chunks):
                batch, future = next(waiting)
                outcome = future.result()
                for part in batch.parts:
                    by_article[part.article.index].append((part, outcome))
            yield self._assemble(text, article, by_article.pop(article.index), doc)

    def usage(self) -> dict[str, Any]:
        c = self.counter
        return {
            "model": self.settings.model,
            "endpoint": self.settings.base_url or "https://api.openai.com/v1",
            "instructor_mode": self.settings.mode,
            "extraction": self.settings.extraction,
            "calls": c.calls,
            "cache_hits": c.cache_hits,
            "retries": c.retries,
            "failures": c.failures,
            "failed_chunks": self.failed_chunks,
            "budget_exhausted": c.budget_exhausted,
            "max_tokens": self.settings.max_tokens,
            "tokens": {"prompt": c.prompt_tokens, "completion": c.completion_tokens},
            "seconds_waiting_to_retry": round(c.seconds_waiting, 3),
        }

    # -- one call -------------------------------------------------------------------

    async def _call(self, batch: Batch) -> CallOutcome:
        extraction = self.settings.extraction
        prompt = messages(batch, extraction)
        answer_model = ANSWER_MODELS[extraction]
        key = ResponseCache.key(
            model=self.settings.model,
            mode=self.settings.mode,
            extraction=extraction,
            prompt=prompt_version(),
            schema=_schema_version(extraction),
            messages=prompt,
        )
        cached = self.cache.get(key) if self.cache else None
        if cached is not None:
            self.counter.cache_hits += 1
            return CallOutcome(batch, CallResult(answer_model.model_validate(cached["answer"]), from_cache=True))
        context = {"text": without_marks(batch.plain_text()), "figure_ids": batch.figure_ids, "quote_ids": batch.quote_ids}
        assert self._slots is not None and self._caller is not None
        async with self._slots:
            try:
                result = await self._caller.ask(prompt, answer_model, context)
            except BudgetSpent as spent:
                result = CallResult(None, error=str(spent))
        if result.answer is not None and self.cache is not None:
            self.cache.put(key, {"answer": result.answer.model_dump(mode="json")})
        return CallOutcome(batch, result)

    # -- answers to records ------------------------------------------------------

    def _assemble(self, text: str, article: Article, received: list[tuple[Part, CallOutcome]], doc: str) -> Article:
        figures: list[Figure] = []
        quotes: list[Quote] = []
        parks: list[Park] = []
        initiatives: list[Initiative] = []
        failed = 0
        prompt_tokens = completion_tokens = 0
        for part, outcome in received:
            share = 1 / len(outcome.batch.parts)  # a shared call's tokens are split between its chunks
            prompt_tokens += round(outcome.result.prompt_tokens * share)
            completion_tokens += round(outcome.result.completion_tokens * share)
            answer = outcome.result.answer
            if answer is None:
                failed += 1
                self._record_failure(doc, article, part, outcome)
                figures += part.figures.values()  # the rules' records stand in for the failed chunk
                quotes += part.quotes.values()
                continue
            span = (part.chunk.start, part.chunk.end)
            figures += _figures(text, part, answer, outcome.batch)
            quotes += _quotes(text, part, answer, outcome.batch)
            parks += [p for p in (_park(text, span, item.name, item.aliases) for item in answer.parks) if p.evidence]  # named here
            initiatives += [
                i
                for i in (_initiative(text, span, item.name, item.kind, item.park or article.park) for item in answer.initiatives)
                if i.evidence
            ]
        if failed or not received:
            parks += article.parks
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

    def _record_failure(self, doc: str, article: Article, part: Part, outcome: CallOutcome) -> None:
        self.counter.failures += 1
        self.failed_chunks.append({"doc": doc, "article": article.index, "chunk": part.chunk.index, "error": outcome.result.error})


def _complete(article: Article, received: dict[int, list], chunks: dict[int, list[Chunk]]) -> bool:
    return len(received[article.index]) >= len(chunks[article.index])


def _figures(text: str, part: Part, answer: Any, batch: Batch) -> list[Figure]:
    """Labelled candidates of this chunk, plus the figures the model added whose evidence lies in it."""
    found: list[Figure] = []
    anchored = hasattr(answer, "labels")  # in the free mode the candidates only stand in for failed chunks
    labels = {label.id: label for label in getattr(answer, "labels", [])}
    for mark, candidate in part.figures.items() if anchored else ():
        label = labels.get(mark)
        if label is None:
            found.append(candidate)  # not labelled: the rules' reading stands
        elif label.is_figure:
            found.append(_labelled(candidate, label))
    for item in answer.figures:
        fragment = item.evidence or item.value_text
        if _owner(text, batch, fragment) is not part:
            continue  # it stands in another chunk of this call
        figure = _figure(item, _locate(text, _span(part), fragment))
        if not any(_same_number(figure, known) for known in found):
            found.append(figure)
    return found


def _span(part: Part) -> tuple[int, int]:
    return part.chunk.start, part.chunk.end


def _owner(text: str, batch: Batch, fragment: str) -> Part:
    """The chunk of the call where a copied fragment first stands (the first chunk if it stands nowhere)."""
    fragment = without_marks(fragment or "").strip()
    if fragment:
        for part in batch.parts:
            if text.find(fragment, part.chunk.start, part.chunk.end) != -1:
                return part
    return batch.parts[0]


def _labelled(candidate: Figure, label: Any) -> Figure:
    update = {name: getattr(label, name) for name in ("metric", "subject", "period") if getattr(label, name)}
    echoed = "".join(label.value_text.split())
    if echoed and echoed != candidate.value_text:
        # The model read a different number here; the record carries its reading and the validator judges it.
        quantity = parse_quantity(echoed)
        update.update(value_text=echoed, value=quantity.value if quantity else candidate.value)
        update.update(amount=quantity.amount if quantity else candidate.amount)
    return candidate.model_copy(update=update)


def _figure(item: FigureItem | AddedFigure, evidence: Evidence | None) -> Figure:
    value_text = "".join(item.value_text.split())
    quantity = parse_quantity(value_text)
    qualifier = getattr(item, "qualifier", None) or (quantity.qualifier.value if quantity else "exact")
    value_high = getattr(item, "value_high", None) if isinstance(item, FigureItem) else (quantity.value_high if quantity else None)
    return Figure(
        value_text=value_text,
        value=item.value,
        unit=item.unit or (quantity.unit if quantity else ""),
        amount=item.amount if item.amount is not None else (quantity.amount if quantity else item.value),
        base_unit=getattr(item, "base_unit", "")
        or (split_unit(item.unit)[1] if item.unit else "")
        or (quantity.base_unit if quantity else ""),
        qualifier=qualifier,
        value_high=value_high,
        amount_high=quantity.amount_high if quantity and value_high is not None else None,
        metric=item.metric,
        period=item.period,
        subject=item.subject,
        evidence=evidence,
    )


def _same_number(figure: Figure, known: Figure) -> bool:
    """An added figure that restates a known one: same number, evidence ending at that same number.

    A figure that only *contains* a known number somewhere in its evidence is
    kept: the validator decides which of two claims on one number stands.
    """
    if figure.value_text != known.value_text or figure.evidence is None or known.evidence is None:
        return False
    return figure.evidence == known.evidence or figure.evidence.end == value_start(known) + len(known.value_text)


def _quotes(text: str, part: Part, answer: Any, batch: Batch) -> list[Quote]:
    found: list[Quote] = []
    anchored = hasattr(answer, "quote_labels")
    labels = {label.id: label for label in getattr(answer, "quote_labels", [])}
    for mark, candidate in part.quotes.items() if anchored else ():
        label = labels.get(mark)
        if label is not None:
            candidate = candidate.model_copy(update={"speaker": label.speaker, "speaker_title": label.speaker_title})
        found.append(candidate)
    for item in answer.quotes:
        words = without_marks(item.text).strip().strip("“”")
        if _owner(text, batch, words) is not part:
            continue  # it stands in another chunk of this call
        evidence = _locate(text, _span(part), words)
        if any(words and (words in q.text or q.text in words) for q in found):
            continue
        found.append(Quote(text=words, speaker=item.speaker, speaker_title=item.speaker_title, evidence=evidence))
    return found


def _park(text: str, span: tuple[int, int], name: str, aliases: list[str]) -> Park:
    return Park(name=name, aliases=[a for a in aliases if a != name], evidence=_locate(text, span, name))


def _initiative(text: str, span: tuple[int, int], name: str, kind: str, park: str) -> Initiative:
    return Initiative(name=name, initiative_kind=kind, park=park, evidence=_locate(text, span, name))


def _locate(text: str, span: tuple[int, int], fragment: str) -> Evidence | None:
    """Where a copied fragment stands in the chunk (as a span of the document), if it does."""
    fragment = without_marks(fragment or "").strip()
    if not fragment:
        return None
    position = text.find(fragment, span[0], span[1])
    if position == -1:
        return None
    return Evidence(start=position, end=position + len(fragment), text=fragment)
