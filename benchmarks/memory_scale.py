"""Peak memory of the main process against corpus size (issue 22): it should not grow with the number of documents.

    python benchmarks/memory_scale.py [--sizes 1000 100000] [--workers 0 2]
    python benchmarks/memory_scale.py --folder PAGES --workers 2 --scheduler tcp://HOST:8786 [--profile FILE]

Small documents (a few sentences of the seed pages each, numbered so that no
two are alike) are made in a temporary folder; every run is a fresh process
(``--one``), so its peak resident set (``ru_maxrss``) is that run's alone.
Workers 0 is the default one-process run; N runs on a local Dask cluster of N
worker processes, whose memory is not counted here (they are other processes).
The main process's CPU per document is printed beside it (the whole process, and its thread that writes the
outputs: with ``--workers`` the process also runs the Dask scheduler, which a cluster of your own runs elsewhere)
and, on a cluster, the workers' (read in each worker process) and the modelled ceiling: worker CPU per document /
main CPU per document, the number of workers one main process can keep busy.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sentences() -> list[str]:
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    return [s + "。" for s in re.split(r"[。\n]", text) if 15 <= len(s.strip()) <= 120]


def make_documents(folder: Path, count: int, per_document: int = 3) -> None:
    """``count`` small documents of ``per_document`` seed sentences, each with its number (no two alike)."""
    pool = sentences()
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        picked = [pool[(index * 7 + k * 13) % len(pool)] for k in range(per_document)]
        (folder / f"d{index:06d}.txt").write_text(f"本报讯 第{index}号\n" + "\n".join(picked), encoding="utf-8")


def measure(folder: Path, workers: int, out: Path, scheduler: str = "", profile: str = "") -> dict:
    """One run, in this process: its CPU per document, the workers', and the peak RSS; ``scheduler`` runs it on a
    cluster of your own (``dask scheduler`` / ``dask worker``), ``profile`` writes a cProfile of the writing thread
    (measured in CPU time) there."""
    from extractor.backends import get_backend
    from extractor.run.runner import run_extraction
    from extractor.text.load import scan_inputs

    files = scan_inputs([folder])  # as the command line reads a folder (a list of Path objects would be the caller's memory)
    started, cpu, thread = time.perf_counter(), time.process_time(), time.thread_time()
    worker_cpu = 0.0
    if workers == 0:
        summary = run_extraction(files, out, get_backend("rules"))
    else:
        from extractor.run.cluster import DaskEngine, dask_client

        with dask_client(workers=None if scheduler else workers, scheduler=scheduler or None) as client:
            before = client.run(time.process_time)  # each worker process's own CPU seconds, read in that process
            profiler = cProfile.Profile(time.thread_time) if profile else None
            started, cpu, thread = time.perf_counter(), time.process_time(), time.thread_time()
            if profiler is not None:
                profiler.enable()
            summary = run_extraction(files, out, get_backend("rules"), engine=DaskEngine(client))
            if profiler is not None:
                profiler.disable()
                profiler.dump_stats(profile)
            main_cpu, thread_cpu = time.process_time() - cpu, time.thread_time() - thread
            worker_cpu = sum(after - before.get(worker, 0.0) for worker, after in client.run(time.process_time).items())
            cpu, thread = time.process_time() - main_cpu, time.thread_time() - thread_cpu  # the read-out above is not the run's
    return {
        "documents": len(files.files),
        "read": summary.readable,
        "workers": workers,
        "wall": time.perf_counter() - started,
        "main_cpu_ms_per_doc": 1000 * (time.process_time() - cpu) / max(1, len(files.files)),
        "writing_cpu_ms_per_doc": 1000 * (time.thread_time() - thread) / max(1, len(files.files)),  # the thread that writes
        "worker_cpu_ms_per_doc": 1000 * worker_cpu / max(1, len(files.files)),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[0, 2])
    parser.add_argument("--scheduler", default="", help="runs with workers on this cluster (dask scheduler / dask worker)")
    parser.add_argument("--folder", type=Path, help="these documents instead of generated ones (--sizes is then ignored)")
    parser.add_argument("--profile", default="", help="a cProfile of the writing thread (CPU time) of each run, FILE-SIZE-WORKERS")
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        folder, workers, out, *rest = args.one
        print(json.dumps(measure(Path(folder), int(workers), Path(out), *rest)))
        return
    print(f"load average before: {os.getloadavg()}" + (f"; workers of {args.scheduler}" if args.scheduler else ""))
    print("ceiling: how many workers one main process can feed = worker CPU per document / main CPU per document;")
    print("model: N workers run at about min(N, ceiling) times one worker's speed (the main process's CPU bounds the rest)")
    print("(main: the whole process, with --workers the Dask scheduler it starts; writing: its thread that writes the outputs)")
    print("| documents | workers | wall s | main CPU ms/doc | writing ms/doc | worker CPU ms/doc | ceiling | of writing | main peak MiB |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="memory-scale-") as temporary:
        for size in [0] if args.folder else args.sizes:
            folder = args.folder or Path(temporary) / f"docs-{size}"
            if not args.folder:
                make_documents(folder, size)
            for workers in args.workers:
                out = Path(temporary) / f"out-{size}-{workers}"
                profile = f"{args.profile}-{size}-{workers}" if args.profile else ""
                command = [sys.executable, __file__, "--one", str(folder), str(workers), str(out), args.scheduler, profile]
                done = subprocess.run(command, capture_output=True, text=True)
                if done.returncode:
                    print(done.stderr[-2000:], file=sys.stderr)
                    continue
                row = json.loads(done.stdout.strip().splitlines()[-1])
                main_ms, worker_ms, writing_ms = row["main_cpu_ms_per_doc"], row["worker_cpu_ms_per_doc"], row["writing_cpu_ms_per_doc"]
                ceiling = f"{worker_ms / main_ms:.1f}" if workers and main_ms else ""
                of_writing = f"{worker_ms / writing_ms:.1f}" if workers and writing_ms else ""
                size = row["documents"]
                cells = [f"{size:,}", str(workers or "one process"), f"{row['wall']:.1f}", f"{main_ms:.2f}", f"{writing_ms:.2f}"]
                cells += [f"{worker_ms:.2f}", ceiling, of_writing]
                print("| " + " | ".join([*cells, f"{row['peak_rss_mib']:.0f}"]) + " |", flush=True)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
