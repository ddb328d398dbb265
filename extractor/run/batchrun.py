"""``extract --backend llm --batch`` and ``--dry-run``: the run's requests prepared first, then sent as one batch or priced.

Both start with a pass of the LLM backend that sends nothing
(``backends/llm/batch.py``: ``RequestRecorder``) over every input, into a
scratch folder that is thrown away. ``--dry-run`` prices those requests
(``backends/llm/pricing.py``) and stops. ``--batch`` sends them through the
Batch API, keeps the batch's id in OUT_DIR/llm-batch.json, waits for it
(``--batch-poll``, at most ``--batch-wait``), and runs the backend once more
with the batch's answers in place of live calls; that run writes the outputs.
A batch still pending when the run stops (Ctrl-C, ``--batch-wait``) is
collected by the same command with ``--resume``: nothing is sent again.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections.abc import Callable
from pathlib import Path

import openai

from ..backends import Backend, RulesBackend
from ..backends.llm.backend import LLMBackend
from ..backends.llm.batch import DONE, STATE_FILE, BatchAnswers, BatchClient, BatchState, RequestRecorder
from ..backends.llm.calls import served_context
from ..backends.llm.pricing import estimate
from ..backends.llm.settings import DEFAULT_ENDPOINT, LLMSettings
from ..text.load import InputScan, display_name
from .runner import run_extraction

PENDING_EXIT = 3  # the batch is not done yet: nothing was written; --resume collects it


class BatchError(Exception):
    """The Batch API could not be used (no such API on the server, a refused upload …); the message says what happened."""


def plan(scan: InputScan, args: argparse.Namespace, settings: LLMSettings) -> tuple[RequestRecorder, int]:
    """The requests a live run would send (each distinct one once), and how many calls the response cache answers."""
    recorder = RequestRecorder()
    backend = LLMBackend(settings, RulesBackend(), answer_from=recorder)
    try:
        with tempfile.TemporaryDirectory(prefix="extractor-plan-") as scratch:
            run_extraction(scan, Path(scratch), backend, manifest=args.manifest, doc_timeout=None, pages_ahead=settings.pages_ahead)
    finally:
        backend.close()
    return recorder, backend.client.counter.cache_hits


def dry_run(scan: InputScan, args: argparse.Namespace, settings: LLMSettings, say: Callable[[str], None]) -> int:
    """Print what the run would send and cost; send nothing (the server is not even asked its context size)."""
    if settings.base_url is None and settings.api_key() is None:  # no key needed to count: OpenAI's endpoint, as a live run
        settings = settings.model_copy(update={"base_url": DEFAULT_ENDPOINT})
    recorder, cached = plan(scan, args, settings)
    for line in estimate(settings.model, recorder.requests.values(), cached).lines():
        say(line)
    return 0


def batch_run(
    scan: InputScan,
    args: argparse.Namespace,
    settings: LLMSettings,
    extract_with: Callable[[Backend, InputScan, argparse.Namespace], int],
    say: Callable[[str], None],
) -> int:
    """Submit (or, with --resume, find) the run's batch, wait for it, and extract with its answers."""
    client = BatchClient(settings)
    try:
        state, context = _submitted(scan, args, settings, client, say)
        if state is None:  # every call is answered by the cache: no batch at all
            answers = BatchAnswers({}, status="not needed")
        else:
            batch = client.wait(state.batch_id, args.batch_poll, args.batch_wait)
            if batch.status not in DONE:
                counts = batch.request_counts
                done = f"{counts.completed + counts.failed} of {counts.total} done" if counts else "no counts yet"
                say(f"batch {state.batch_id} is {batch.status} ({done}); run the same command with --resume to collect it")
                return PENDING_EXIT
            answers = client.answers(batch)
            say(f"batch {state.batch_id} {batch.status}: {len(answers.lines)} answers")
    except openai.APIError as exc:
        raise BatchError(f"the Batch API of {settings.endpoint}: {type(exc).__name__}: {exc}") from None
    finally:
        client.close()
    merged = settings.model_copy(update={"context_tokens": context, "max_reasks": 0})  # a batch answers no re-ask
    backend = LLMBackend(merged, RulesBackend(), answer_from=answers)
    backend.usage_extras["batch"] = answers.report
    try:
        code = extract_with(backend, scan, args)
    finally:
        backend.close()
    if state is not None:
        state.status = "merged"
        state.save(args.out)
    return code


def _submitted(
    scan: InputScan, args: argparse.Namespace, settings: LLMSettings, client: BatchClient, say: Callable[[str], None]
) -> tuple[BatchState | None, int | None]:
    """The run's batch: the pending one of OUT_DIR on --resume, else a new one (None when there is nothing to send);
    and the context size the requests were cut for."""
    state = BatchState.load(args.out)
    where = display_name(args.out / STATE_FILE)
    if state is not None and state.status == "pending":
        if not args.resume:
            raise BatchError(f"batch {state.batch_id} is pending for this folder ({where}): add --resume to collect it, or delete {where}")
        if (state.endpoint, state.model) != (settings.endpoint, settings.model):
            sent = f"{state.endpoint} for {state.model}"
            raise BatchError(f"the pending batch {state.batch_id} was sent to {sent}, not to this endpoint and model")
        say(f"collecting batch {state.batch_id} ({state.requests} requests)")
        return state, state.context_tokens
    context = settings.context_tokens or asyncio.run(served_context(settings))  # both passes must cut chunks alike
    recorder, cached = plan(scan, args, settings.model_copy(update={"context_tokens": context}))
    if not recorder.requests:
        say(f"nothing to send: the response cache answers all {cached} calls")
        return None, context
    state = client.submit(recorder, context)
    state.save(args.out)
    say(f"batch {state.batch_id} sent: {state.requests} requests ({cached} answered by the cache); its id is kept in {where}")
    return state, context
