"""Extraction on a Dask cluster: the engine behind ``--workers`` / ``--scheduler``, and a library API.

- ``dask_client`` starts a local cluster (N worker processes, one thread each,
  no dashboard nor its profiler, quiet logs) or connects to one the user runs (``dask scheduler``
  and ``dask worker``, Kubernetes, SLURM via dask-jobqueue …).
- ``DaskEngine`` is the runner's engine (``extractor/run/engines.py``): it sends
  documents in small batches to the workers, keeps a bounded number of batches
  in flight, and hands results back in input order (a reorder buffer), so the
  main process writes the outputs exactly as a single-process run does. A
  worker that dies has its batches rescheduled by Dask; a batch whose worker
  dies again and again is retried one document at a time, and a document that
  still kills its worker is reported failed.
- ``ClusterLimits`` bounds the LLM backend's calls in flight (a
  ``distributed.Semaphore``) and its token budget (a ``distributed.Variable``
  changed under a ``distributed.Lock``) for the whole run, across workers.
- ``extract_bag`` and ``extract_many`` map extraction over a Dask bag, or over
  paths and texts on a given client, for a user's own Dask pipeline.

Importing this module imports Dask: the rest of the package never does.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import queue
import socket
import threading
import uuid
from collections.abc import AsyncIterator, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

try:
    import dask
    import dask.bag as db
    from distributed import Client, Future, Lock, Semaphore, Variable
except ImportError as exc:  # pragma: no cover - the message is the point
    raise ImportError(f"running on a cluster needs the Dask extra: pip install 'zone-extractor[dask]' ({exc.name} is missing)") from exc

from ..errors import ExtractorError
from ..models import DocumentResult
from .engines import SAME_PATHS, BackendSpec, BatchDone, ClusterLost, DocumentTask, Extracted, TaskBatch, backend_for, extract_batch, failed
from .localcluster import DASK_LOGGERS, QUIET, ClusterProcess
from .pipeline import extract_file, extract_text
from .warm import warm_up

__all__ = ["ClusterError", "ClusterLimits", "ClusterLost", "DaskEngine", "dask_client", "extract_bag", "extract_many"]

# A task of the rules backend is a batch of documents sized by the text in it (``_Pace``: about a megabyte, some
# seconds of a worker's time), written whole into a shard by its worker: Dask's cost per task in the main process is
# then a small share of the work, whatever the documents' size (issue 22)
# Documents at most per task (many tiny files). The main process cuts, packs and pickles a task's documents and keeps
# five tasks in flight: with 4,096 tiny files a task, that was 3.8 MiB of its peak on a 100,000-document run against
# 0.3 MiB on a 1,000-document one; 1,024 kept the peak 1.3 MiB lower at no measured CPU cost (issue 22)
RULES_BATCH = 1024
LIBRARY_BATCH = 32  # documents per task of extract_many (each result travels back whole)
WAIT_FOR_WORKERS = 60.0  # seconds an existing cluster may take to show a worker
CONNECT_TIMEOUT = 30.0  # seconds to connect to a scheduler and hear its answer (--connect-timeout); also how long a lost one is awaited
# The client asks the scheduler for its workers' list every 2 s by default, for a dashboard and ``scheduler_info()``,
# which we never read (the engine asks for ``nthreads()``): with the scheduler out of the main process (``--workers``,
# a cluster of your own) that was half of an idle main process's CPU (0.4 ms a second, 0.21 at 10 s; issue 22)
CLIENT_CONFIG = {"distributed.client.scheduler-info-interval": "10s"}


class ClusterError(ExtractorError):
    """The cluster cannot be used (no scheduler at the address, no workers); the message says what to check."""


@contextlib.contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None, connect_timeout: float = CONNECT_TIMEOUT) -> Iterator[Client]:
    """A client of a local cluster of ``workers`` processes, or of the cluster at ``scheduler``; closed on exit.

    Connecting to ``scheduler`` and its answer take at most ``connect_timeout`` seconds (a port that accepts and
    never answers is an error, not a wait), and a scheduler lost mid-run is awaited as long before the run fails.
    """
    for name in DASK_LOGGERS:  # the user sees our progress bar and messages, not the cluster's chatter
        logging.getLogger(name).setLevel(QUIET)
    if scheduler:
        client = _connect(scheduler, connect_timeout)
        try:
            client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
        except TimeoutError:
            _close(client, connect_timeout)
            raise ClusterError(f"the scheduler at {scheduler} has no workers; start some with 'dask worker {scheduler}'") from None
        try:
            yield client
        finally:
            _close(client, connect_timeout)
        return
    # The scheduler and the nannies run in a process of their own (``localcluster``), as ``dask scheduler`` would:
    # in this one they cost it 5 to 13 ms of CPU a second of wall time, most of its share per document (issue 22).
    # That process ends with this one, however this one ends (it watches a pipe that the kernel closes).
    try:
        process = ClusterProcess(workers or 1)
    except (OSError, RuntimeError) as exc:
        raise ClusterError(f"could not start a local Dask cluster: {exc}") from None
    with process:
        client = _connect(process.address, connect_timeout)
        try:
            client.wait_for_workers(workers or 1, timeout=WAIT_FOR_WORKERS)  # the engine counts them
            yield client
        finally:
            _close(client, connect_timeout)


def _connect(scheduler: str, timeout: float) -> Client:
    """A client of the scheduler, within ``timeout`` seconds; a ClusterError that says what is wrong otherwise.

    Dask's own timeout bounds the connection but not every step of the handshake (a port that accepts and never
    answers holds it for minutes), so the client is made in a thread we stop waiting for.
    """
    made: dict[str, Any] = {}
    done = threading.Event()

    def connect() -> None:
        try:
            with dask.config.set(CLIENT_CONFIG):  # read when the client is made
                made["client"] = Client(scheduler, timeout=f"{timeout}s")
        except BaseException as exc:
            made["error"] = exc
        done.set()
        if made.get("abandoned") and "client" in made:
            made["client"].close()  # answered after we gave up

    threading.Thread(target=connect, name="dask-connect", daemon=True).start()
    if not done.wait(timeout + 1.0):
        made["abandoned"] = True
        raise ClusterError(
            f"{scheduler} accepted the connection but gave no Dask scheduler's answer within {timeout:g} s "
            "(--connect-timeout): check that a 'dask scheduler' listens at that address"
        )
    if "error" in made:
        error = made["error"]
        raise ClusterError(f"no Dask scheduler answers at {scheduler} ({type(error).__name__}: {error}); start one with 'dask scheduler'")
    return made["client"]


def _close(client: Client, timeout: float) -> None:
    """Close the client without waiting on a scheduler that is gone."""
    with contextlib.suppress(Exception):
        client.close(timeout=timeout)


class DaskEngine:
    """Runs ``extract_batch`` on a Dask cluster and yields the results in task order (an ``Engine``)."""

    def __init__(self, client: Client, batch_size: int | None = None, in_flight: int | None = None) -> None:
        self.client = client
        self.workers = max(1, sum(client.nthreads().values()))
        self.batch_size = batch_size
        self.in_flight = in_flight or 2 * self.workers + 1  # one running and one waiting per worker thread, and one arriving

    def extract(self, spec: BackendSpec, tasks: Iterable[DocumentTask], count: int | None = None) -> Iterator[Extracted | BatchDone]:
        run = uuid.uuid4().hex[:12]
        limits = None
        if spec.llm is not None:  # one bound on calls in flight and one token budget for every worker
            limits = ClusterLimits(f"extractor-{run}", spec.llm.concurrency, spec.llm.max_tokens)
            limits.start(self.client)
            spec = replace(spec, limits=limits)
        if self.batch_size or spec.llm is not None:  # the LLM backend: a batch's calls fill the concurrency
            batches = _batched(tasks, self.batch_size or max(2, spec.llm.concurrency if spec.llm else 1))
        else:
            batches = _batched(tasks, RULES_BATCH, _Pace.TASK_BYTES, _Guided(count, self.workers, _Pace()))
        # imports and compiled patterns on every worker at once, not in the first tasks (a local cluster's workers have
        # them from the forkserver); the function is warm's, not this module's: a worker that unpickles a function of
        # this module imports it, and dask.bag with it, 0.7 s
        self.client.run(warm_up, spec.name)
        try:
            yield from self._in_order(spec, batches, run)
        finally:
            if limits is not None:
                limits.forget(self.client)

    def _in_order(self, spec: BackendSpec, batches: Iterable[list[DocumentTask]], run: str) -> Iterator[Extracted | BatchDone]:
        """Submit while fewer than ``in_flight`` batches are running or waiting to be handed on; hand them on in order."""
        # each future puts itself here when it is done (a Dask callback): the wait for the next one is one blocking
        # get, where ``as_completed`` woke ten times a second whatever happened, a CPU cost in proportion to the wall time
        running: queue.SimpleQueue[Future] = queue.SimpleQueue()
        # a batch in flight is kept packed, as it travels (its tasks are made again only to retry them): a list of
        # ``DocumentTask``s, some 350 bytes a document, of each of the batches in flight grew the main process with the
        # size of a task, a few thousand small documents each (issue 22)
        batch_of: dict[Future, tuple[int, TaskBatch]] = {}
        ready: dict[int, list[Extracted | BatchDone]] = {}  # the reorder buffer: done, waiting for an earlier batch
        submitted = handed = 0
        try:
            upcoming = iter(batches)
            while True:
                while submitted - handed >= self.in_flight:  # a slot first, then the next batch: none waits unpacked
                    self._settle_one(running, batch_of, ready, spec)
                    while handed in ready:
                        yield from ready.pop(handed)
                        handed += 1
                batch = next(upcoming, None)
                if batch is None:
                    break
                packed = TaskBatch.of(batch)
                del batch  # only the packed batch stays while it runs
                future = self.client.submit(extract_batch, spec, packed, key=f"extract-{run}-{submitted}", pure=False)
                batch_of[future] = (submitted, packed)
                future.add_done_callback(running.put)
                submitted += 1
            while handed < submitted:
                if handed not in ready:
                    self._settle_one(running, batch_of, ready, spec)
                while handed in ready:
                    yield from ready.pop(handed)
                    handed += 1
        finally:
            if batch_of and self.client.status == "running":  # the run stopped early (an error, Ctrl-C): nothing more to compute
                with contextlib.suppress(Exception):
                    self.client.cancel(list(batch_of))

    def _settle_one(
        self, running: queue.SimpleQueue[Future], batch_of: dict[Future, tuple[int, TaskBatch]], ready: dict, spec: BackendSpec
    ) -> None:
        future = _next_done(running)
        index, batch = batch_of.pop(future)
        ready[index] = self._result(future, batch, spec)

    def _result(self, future: Future, batch: TaskBatch | list[DocumentTask], spec: BackendSpec) -> list[Extracted | BatchDone]:
        try:
            result = future.result()
            return [result] if isinstance(result, BatchDone) else result
        except (Exception, asyncio.CancelledError) as exc:  # Dask cancels every future when it loses the scheduler
            if getattr(exc, "ends_run", False):  # BackendAborted on a worker: the run cannot go on, as in one process
                raise
            if self.client.status != "running" or isinstance(exc, asyncio.CancelledError):
                raise ClusterLost(
                    f"the connection to the Dask scheduler was lost during the run ({type(exc).__name__}: {exc}). "
                    "Every document finished before is kept: start the cluster again (or use another), "
                    "then run the same command with --resume to finish the rest"
                ) from None
            tasks = batch.tasks() if isinstance(batch, TaskBatch) else batch
            if len(tasks) > 1:  # one of them may kill its worker: find which
                return [self._alone(task, spec) for task in tasks]
            return [failed(tasks[0], f"the worker could not extract it: {type(exc).__name__}: {exc}")]

    def _alone(self, task: DocumentTask, spec: BackendSpec) -> Extracted | BatchDone:
        return self._result(self.client.submit(extract_batch, spec, [task], pure=False), [task], spec)[0]

    def elsewhere(self, function: Any, *args: Any) -> Any:
        """``function(*args)`` run on a worker, its result back (the end of a run: the ledger's last changes, the CSVs)."""
        try:
            return self.client.submit(function, *args, pure=False).result()
        except (Exception, asyncio.CancelledError) as exc:
            if getattr(exc, "ends_run", False) or isinstance(exc, ExtractorError):
                raise
            if self.client.status != "running" or isinstance(exc, asyncio.CancelledError):
                raise ClusterLost(
                    f"the connection to the Dask scheduler was lost at the end of the run ({type(exc).__name__}: {exc}). "
                    "Every document is kept: run the same command with --resume to finish the outputs"
                ) from None
            raise

    def close(self) -> None:
        return None  # the client belongs to whoever made it


def _next_done(running: queue.SimpleQueue[Future]) -> Future:
    """The next future done (finished, failed or cancelled: a lost scheduler cancels them all)."""
    while True:
        with contextlib.suppress(queue.Empty):
            return running.get(timeout=1.0)  # a second at a time, so that Ctrl-C is heard


class ClusterLimits:
    """``CallLimits`` for a whole run on a Dask cluster; what travels to the workers is only its name and bounds.

    A worker binds it (``bind``) in a task's thread, where Dask knows the
    worker; the backend's event loop then waits on the cluster's primitives in
    a thread pool of its own, so that waiting never blocks the loop. Leases of a
    worker that dies are given back by the scheduler after its lease timeout.
    """

    def __init__(self, name: str, concurrency: int, max_tokens: int | None) -> None:
        self.name = name
        self.concurrency = concurrency
        self.max_tokens = max_tokens
        self._calls: Semaphore | None = None
        self._lock: Lock | None = None
        self._budget: Variable | None = None
        self._threads: ThreadPoolExecutor | None = None
        self._local: asyncio.Semaphore | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"name": self.name, "concurrency": self.concurrency, "max_tokens": self.max_tokens}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def bind(self) -> None:
        self._calls = Semaphore(max_leases=self.concurrency, name=f"{self.name}-calls")
        self._lock = Lock(f"{self.name}-budget-lock")
        self._budget = Variable(f"{self.name}-budget")
        self._budget.client  # noqa: B018 -- binds the worker's client here: the pool's threads are no Dask task's
        self._threads = ThreadPoolExecutor(self.concurrency + 2, thread_name_prefix="cluster-limits")

    async def _blocking(self, function: Any, *args: Any) -> Any:
        if self._threads is None:
            raise RuntimeError("ClusterLimits used before bind(): it is bound in a Dask task")
        return await asyncio.get_running_loop().run_in_executor(self._threads, function, *args)

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        if self._local is None:
            self._local = asyncio.Semaphore(self.concurrency)  # never more waiters here than could run
        async with self._local:
            assert self._calls is not None
            await self._blocking(self._calls.acquire)
            try:
                yield
            finally:
                await self._blocking(self._calls.release)

    async def reserve(self, tokens: int) -> bool:
        return await self._blocking(self._change, 0, tokens, True)

    async def release(self, tokens: int) -> None:
        await self._blocking(self._change, 0, -tokens, False)

    async def spend(self, tokens: int) -> None:
        await self._blocking(self._change, tokens, 0, False)

    def _change(self, spent: int, reserved: int, check: bool) -> bool:
        """Add to the run's spent and reserved tokens under the cluster's lock; with ``check``, only if they fit."""
        assert self._lock is not None and self._budget is not None
        with self._lock:
            try:
                now_spent, now_reserved = self._budget.get(timeout=0)
            except TimeoutError:
                now_spent, now_reserved = 0, 0  # the run's first call
            if check and self.max_tokens is not None and now_spent + now_reserved + reserved > self.max_tokens:
                return False
            self._budget.set([now_spent + spent, now_reserved + reserved])
            return True

    def start(self, client: Client) -> None:
        """Nothing spent, nothing reserved (from the main process, before the run's first task)."""
        Variable(f"{self.name}-budget", client).set([0, 0])

    def forget(self, client: Client) -> None:
        """Remove the run's state from the scheduler (from the main process, when the run ends)."""
        with contextlib.suppress(Exception):
            Variable(f"{self.name}-budget", client).delete()
        for semaphore in (f"{self.name}-calls", f"{self.name}-budget-lock"):
            with contextlib.suppress(Exception):
                client.sync(client.scheduler.semaphore_close, name=semaphore)

    def close(self) -> None:
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)


# -- the library API ------------------------------------------------------------------


def extract_bag(bag: db.Bag, backend: str = "rules", llm: Any = None) -> db.Bag:
    """A bag of ``DocumentResult`` from a bag of documents, lazily, for your own Dask pipeline.

    An item is a text (``str``), a file (``pathlib.Path``), a ``(doc, text)``
    pair or a dict with ``text`` and optionally ``doc`` and ``meta`` (published,
    source, title, url). Each worker thread builds the backend once. With
    ``backend="llm"`` pass ``llm=LLMSettings(...)``; its concurrency and token
    budget then hold per worker thread (``extract_many`` holds them for the whole call).
    """
    spec = BackendSpec(backend, llm)
    return bag.map_partitions(_extract_partition, spec)


def extract_many(
    client: Client, items: Iterable[Any], backend: str = "rules", llm: Any = None
) -> list[DocumentResult]:
    """``DocumentResult``s for texts, files, pairs or dicts (as ``extract_bag`` takes them), in order, on ``client``'s cluster.

    With ``backend="llm"`` the concurrency and the token budget of ``llm`` hold
    for all the workers together.
    """
    items = [item.absolute() if isinstance(item, Path) else item for item in items]  # a worker's folder is not ours
    spec = BackendSpec(backend, llm)
    limits = ClusterLimits(f"extractor-{uuid.uuid4().hex[:12]}", llm.concurrency, llm.max_tokens) if llm is not None else None
    spec = replace(spec, limits=limits)
    if limits is not None:
        limits.start(client)
    parts = [items[start : start + LIBRARY_BATCH] for start in range(0, len(items), LIBRARY_BATCH)]
    try:
        futures = client.map(_extract_partition, parts, spec=spec, pure=False)
        results = [result for part in client.gather(futures) for result in part]
    finally:
        if limits is not None:
            limits.forget(client)
    _check_seen(items, results)
    return results


def _check_seen(items: list[Any], results: list[DocumentResult]) -> None:
    """Raise when the workers could not see files this process sees: every such result would be empty."""
    unseen = [item for item, result in zip(items, results, strict=True) if isinstance(item, Path) and result.error and item.exists()]
    if unseen:
        raise ClusterError(
            f"{len(unseen)} of the files given are not on the workers, though this process sees them "
            f"(first: {results[items.index(unseen[0])].error}): {SAME_PATHS}"
        )


def _extract_partition(items: Iterable[Any], spec: BackendSpec) -> list[DocumentResult]:
    engine = backend_for(spec)
    return [_extract_item(item, engine) for item in items]


def _extract_item(item: Any, engine: Any) -> DocumentResult:
    if isinstance(item, Path):
        result = extract_file(item, engine)
        if result.error and not os.path.lexists(item):
            result.error = f"not found on the worker ({socket.gethostname()}) at {item}"
        return result
    if isinstance(item, str):
        return extract_text(item, "<text>", engine)
    if isinstance(item, tuple) and len(item) == 2:
        return extract_text(item[1], str(item[0]), engine)
    if isinstance(item, dict) and "text" in item:
        meta = item.get("meta")
        return extract_text(item["text"], str(item.get("doc", "<text>")), engine, meta)
    raise TypeError(f"cannot extract from a {type(item).__name__}: give a text, a pathlib.Path, a (doc, text) pair or a dict with 'text'")


class _Pace:
    """How many documents make a task of about ``TASK_BYTES`` of input, from the sizes of the files batched so far.

    Tasks are sized by the text in them, not by a count of files nor by the seconds a worker reported: a batch of
    tiny files and one of long pages both carry about a megabyte (some seconds of a worker's CPU: its time per
    document is nearly in proportion to the document's bytes), from the first task on, and however loaded the
    machine is, so that Dask's cost per task in the main process stays a small share of the work (issue 22).
    """

    TASK_BYTES = 1 << 20  # of input per task: about 350,000 Chinese characters, 3 to 5 seconds of a worker's CPU
    SHORTEST = 64 << 10  # bytes: no task is cut smaller than this near the end of a run

    def __init__(self) -> None:
        self.documents = 0
        self.bytes = 0

    def learn(self, documents: int, size: int) -> None:
        self.documents += documents
        self.bytes += size

    def floor(self) -> int:
        """Documents in the shortest task, at the mean size so far."""
        if not self.documents:
            return 1
        return max(1, self.SHORTEST * self.documents // max(1, self.bytes))


class _Guided:
    """Guided self-scheduling: near the end of a run of known length, batches shrink so that the workers finish together.

    A batch holds at most the tasks left divided by ``PER_WORKER`` tasks per worker: 200 files on 2 workers go out as
    batches of 32, 32, 32, 26, 19 … 1 (a quarter of what is left, at most), not as 7 batches of 32 of which one
    worker gets 4. With a ``pace``, a batch is not cut
    shorter than ``_Pace.SHORTEST`` bytes of input: a tail of one-file tasks of tiny files would cost the main process
    more than the imbalance it saves.

    Two per worker (factoring) rather than four: each task costs the main process some milliseconds whatever its size
    (the client's messages, a shard attached, merged and removed), and a run of 600 pages on 2 workers went out in 23
    tasks with four, 14 with two, its main process's CPU per page 0.45 → 0.32 ms; the tail, cut to ``SHORTEST``, is
    the same (issue 22).
    """

    PER_WORKER = 2

    def __init__(self, count: int | None, workers: int, pace: _Pace | None = None) -> None:
        self.left = count
        self.workers = workers
        self.pace = pace

    def cap(self, size: int) -> int:
        if self.left is None:
            return size
        floor = self.pace.floor() if self.pace is not None else 1
        return max(1, min(size, max(floor, self.left // (self.PER_WORKER * self.workers))))

    def took(self, tasks: int, size: int) -> None:
        if self.left is not None:
            self.left -= tasks
        if self.pace is not None:
            self.pace.learn(tasks, size)


def _batched(
    tasks: Iterable[DocumentTask], size: int, max_bytes: int | None = None, guided: _Guided | None = None
) -> Iterator[list[DocumentTask]]:
    """Batches of at most ``size`` tasks; with ``max_bytes``, ended by the file that reaches that many bytes; with
    ``guided``, smaller near the end."""
    guided = guided or _Guided(None, 1)
    batch: list[DocumentTask] = []
    total = limit = 0
    for task in tasks:
        if not batch:
            limit = guided.cap(size)  # the tasks left change between batches only
        batch.append(task)
        if max_bytes is not None:
            total += task.size if task.size is not None else _size(task.path)
        if len(batch) >= limit or (max_bytes is not None and total >= max_bytes):
            guided.took(len(batch), total)
            full, total = batch.copy(), 0
            batch.clear()  # this frame keeps no batch while the caller holds it (a task's list is dropped once packed)
            yield full
    if batch:
        yield batch


def _size(path: Path | str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # the worker reports why it cannot read it
