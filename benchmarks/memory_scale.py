"""Peak memory of the main process against corpus size (issue 22): it should not grow with the number of documents.

    python benchmarks/memory_scale.py [--sizes 1000 100000] [--workers 0 2]

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


def measure(folder: Path, workers: int, out: Path) -> dict:
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

        with dask_client(workers=workers) as client:
            before = client.run(time.process_time)  # each worker process's own CPU seconds, read in that process
            started, cpu, thread = time.perf_counter(), time.process_time(), time.thread_time()
            summary = run_extraction(files, out, get_backend("rules"), engine=DaskEngine(client))
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
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        folder, workers, out = args.one
        print(json.dumps(measure(Path(folder), int(workers), Path(out))))
        return
    print(f"load average before: {os.getloadavg()}")
    print("ceiling: how many workers one main process can feed = worker CPU per document / main CPU per document;")
    print("model: N workers run at about min(N, ceiling) times one worker's speed (the main process's CPU bounds the rest)")
    print("(main: the whole process, with --workers the Dask scheduler it starts; writing: its thread that writes the outputs)")
    print("| documents | workers | wall s | main CPU ms/doc | writing ms/doc | worker CPU ms/doc | ceiling | of writing | main peak MiB |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="memory-scale-") as temporary:
        for size in args.sizes:
            folder = Path(temporary) / f"docs-{size}"
            make_documents(folder, size)
            for workers in args.workers:
                out = Path(temporary) / f"out-{size}-{workers}"
                command = [sys.executable, __file__, "--one", str(folder), str(workers), str(out)]
                done = subprocess.run(command, capture_output=True, text=True)
                if done.returncode:
                    print(done.stderr[-2000:], file=sys.stderr)
                    continue
                row = json.loads(done.stdout.strip().splitlines()[-1])
                main_ms, worker_ms, writing_ms = row["main_cpu_ms_per_doc"], row["worker_cpu_ms_per_doc"], row["writing_cpu_ms_per_doc"]
                ceiling = f"{worker_ms / main_ms:.1f}" if workers and main_ms else ""
                of_writing = f"{worker_ms / writing_ms:.1f}" if workers and writing_ms else ""
                cells = [f"{size:,}", str(workers or "one process"), f"{row['wall']:.1f}", f"{main_ms:.2f}", f"{writing_ms:.2f}"]
                cells += [f"{worker_ms:.2f}", ceiling, of_writing]
                print("| " + " | ".join([*cells, f"{row['peak_rss_mib']:.0f}"]) + " |", flush=True)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
