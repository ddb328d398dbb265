"""The local cluster of ``--workers N``: its scheduler and nannies in a process of their own, watched by the main one.

In the main process the scheduler and the nannies shared its event loop with the Dask client: 5 to 13 ms of its CPU
per second of wall time, whatever the work, and a main process at a twentieth of a worker's CPU per document where a
cluster started with ``dask scheduler`` / ``dask worker`` left it at a fiftieth (issue 22). Here they run in a child
process (``ClusterProcess``: ``python -c``, this module's ``main``) that starts the cluster, prints the scheduler's address on its
standard output and then reads its standard input until the end: the end comes when the main process closes the
pipe or dies, even by SIGKILL (the kernel closes a dead process's pipes), and the child then closes its cluster and
exits, so no scheduler, nanny nor worker outlives the run. Its workers are forked from a warmed forkserver that the
child starts (``start_forkserver``), as they were from the main process's.

The child runs this file alone (not the ``extractor`` package, whose import loads the rules), starts the
forkserver first, and only then imports Dask: the forkserver's imports and warm-up, the child's import of Dask
and the main process's go on at once, on different cores, instead of one after the other.
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import multiprocessing.forkserver
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import IO, Any

# A local cluster's scheduler and nannies tick with the wall time whatever the work: idle, a two-worker cluster cost
# the process running them 38 ms of CPU a second, and each worker about as much. These timers measure the event
# loop (a warning past 3 s), sample CPU and network counters for a dashboard we do not start, and watch each
# worker's memory (still twice a second: a worker past its limit is still paused or restarted). With them slower
# an idle cluster process spends about 6 ms a second (issue 22; docs/cluster.md).
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,  # it samples stacks for a dashboard we do not start
    "distributed.admin.tick.interval": "1s",  # 20 ms by default, in every server: the scheduler, each nanny and worker
    "distributed.admin.system-monitor.interval": "5s",  # 500 ms by default
    "distributed.worker.memory.monitor-interval": "500ms",  # 100 ms by default, in each nanny and worker
}

# A local cluster's workers are forked from one process that imported Dask and the extractor and ran a page through
# the rules (``extractor.run.warmed``) while the cluster started; spawned (Dask's default), each worker imported and
# compiled everything itself after it started, 1 to 2 s before its first task, and a worker restarted after a crash
# did it again (issue 22). A forked worker starts from a process that has no thread, no open file nor ledger of ours.
_FORKSERVER = "forkserver" in multiprocessing.get_all_start_methods()  # not on Windows: Dask's default there
WORKER_START = {"distributed.worker.multiprocessing-method": "forkserver"} if _FORKSERVER else {}
WORKER_PRELOAD = ("distributed", "extractor.run.warmed")

START_TIMEOUT = 120.0  # seconds the child may take to print its scheduler's address (imports on a loaded machine)
CLOSE_TIMEOUT = 20.0  # seconds the child may take to close its cluster before it exits anyway
QUIET = logging.CRITICAL  # the user sees our progress bar and messages, not the cluster's chatter
DASK_LOGGERS = ("distributed", "distributed.nanny", "distributed.scheduler", "distributed.worker", "distributed.client")


class ClusterProcess:
    """The child process that runs a local cluster of ``workers`` processes; ``address`` is its scheduler's.

    ``close`` (or leaving the ``with`` block) closes the child's standard input and waits for it; a main process
    that dies closes it too, without running any code of ours.
    """

    def __init__(self, workers: int) -> None:
        # the child's sys.path is ours (as multiprocessing's spawn hands it on), set before it imports this module:
        # it and its workers import what we import, and never from the current folder (PYTHONSAFEPATH, ``_safe_path``)
        path = json.dumps([entry for entry in sys.path if entry])
        self.process = subprocess.Popen(
            [sys.executable, "-c", _BOOT, path, str(workers), os.path.abspath(__file__)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONSAFEPATH": "1"},
        )
        self.address = self._address()

    def _address(self) -> str:
        line: list[bytes] = []
        reader = threading.Thread(target=lambda: line.append(self.process.stdout.readline()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        reader.join(START_TIMEOUT)
        address = line[0].decode("utf-8").strip() if line else ""
        if not address.startswith(("tcp://", "tls://", "inproc://", "ucx://", "ws://", "wss://")):
            self.close()
            why = address or ("no answer" if not line else f"exit code {self.process.returncode}")
            raise RuntimeError(f"the local Dask cluster did not start ({why})")
        return address

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.process.stdin.close()  # type: ignore[union-attr]
        try:
            self.process.wait(CLOSE_TIMEOUT + 10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        with contextlib.suppress(OSError):
            self.process.stdout.close()  # type: ignore[union-attr]

    def __enter__(self) -> ClusterProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# this file run alone, by its path: importing it as ``extractor.run.localcluster`` would import the package, and the
# rules with it, before the forkserver could start
_BOOT = "import json, runpy, sys; sys.path[:] = json.loads(sys.argv[1]); runpy.run_path(sys.argv[3], run_name='cluster')['main']()"


def start_cluster(workers: int) -> Any:
    """A local cluster (``distributed.LocalCluster``) of ``workers`` single-threaded worker processes in this process
    (the child's job)."""
    import dask
    from distributed import LocalCluster

    for name in DASK_LOGGERS:
        logging.getLogger(name).setLevel(QUIET)
    # held while the cluster lives: a nanny reads it again when it restarts a worker that died
    dask.config.set(WORKER_START)
    with dask.config.set(LOCAL_CLUSTER_CONFIG):  # read by the scheduler and the nannies here, and passed to the workers
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},  # its HTTP routes on a free port, not 8787
            silence_logs=QUIET,
            # a nanny keeps the configuration it hands a worker it (re)starts, but Dask merges it with the global
            # one key by key at the top only: it shared the "distributed" section that leaving this block puts
            # back, so a worker restarted after a crash ticked every 20 ms again. Its own copy keeps ours.
            config={"distributed": copy.deepcopy(dask.config.get("distributed"))},
        )


def start_forkserver() -> None:
    """Start the process that local workers are forked from, warmed by ``WORKER_PRELOAD``, without waiting for it.

    Called before Dask is imported here: Dask's own choice of what a forkserver preloads, made on its first use,
    then finds it running, and a running forkserver keeps what it preloaded.
    """
    if not _FORKSERVER:
        return
    multiprocessing.forkserver.set_forkserver_preload(list(WORKER_PRELOAD))
    with contextlib.suppress(Exception), _safe_path():  # not fatal: a nanny starts it when it forks its first worker
        multiprocessing.forkserver.ensure_running()


@contextlib.contextmanager
def _safe_path() -> Iterator[None]:
    """PYTHONSAFEPATH=1 while the forkserver starts: it runs ``python -c``, which puts the current folder first on
    sys.path, and Python 3.11 ignores the sys.path it is handed — a folder named ``extractor`` where the user runs
    the command was imported in its place, and every worker failed (``No module named 'extractor.run.warm'``)."""
    before = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ["PYTHONSAFEPATH"]
        else:
            os.environ["PYTHONSAFEPATH"] = before


def main() -> None:
    """The child (``ClusterProcess``): ``python -c _BOOT PATH WORKERS THIS_FILE``."""
    # Ctrl-C reaches the whole foreground group: the cluster hears of it from the main process, which keeps every
    # finished document and then closes its end of the pipe (the forkserver and the workers inherit the ignoring)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    answers = os.fdopen(os.dup(1), "wb")
    with open(os.devnull, "wb") as devnull:  # what the forkserver and the workers print goes nowhere, not into our pipe
        os.dup2(devnull.fileno(), 1)
    start_forkserver()  # it imports and warms while this process imports Dask and starts the scheduler
    threading.Thread(target=_import_tasks, name="import-tasks", daemon=True).start()  # while the workers start
    serve(int(sys.argv[2]), sys.stdin.buffer, answers)


def serve(workers: int, commands: IO[bytes], answers: IO[bytes]) -> None:
    """A cluster of ``workers`` processes; its scheduler's address to ``answers``; the cluster kept until ``commands``
    ends (the main process closed it, or died)."""
    cluster = start_cluster(workers)
    with contextlib.suppress(OSError):  # a main process gone while the cluster started: _watch sees its pipe ended
        answers.write(cluster.scheduler_address.encode("utf-8") + b"\n")
        answers.close()
    _watch(commands)
    # a close that hangs (a nanny that does not answer) must not keep this process alive: its workers die with it
    threading.Timer(CLOSE_TIMEOUT, os._exit, (0,)).start()
    with contextlib.suppress(Exception):
        cluster.close(timeout=CLOSE_TIMEOUT)
    os._exit(0)


def _import_tasks() -> None:
    """Import what the run's tasks name, while the cluster starts (its workers wait for the forkserver's warm-up).

    The scheduler unpickles each task it is sent, and with it imports the functions the task names
    (``extractor.run.engines.extract_batch``, and the extractor's rules with its package): done in its event loop
    on the first task, that held the run's start by 1 to 2 s on a loaded machine."""
    with contextlib.suppress(Exception):  # the scheduler would import it itself, and say what fails
        import extractor.run.engines
        import extractor.run.warm  # noqa: F401


def _watch(commands: IO[bytes]) -> None:
    """Block until the main process's end of the pipe closes (anything it writes is read and ignored)."""
    while commands.read(1 << 12):
        pass
