"""Scaling on a local Dask cluster: wall time, speed-up and the main process's peak memory (not a test).

    python benchmarks/dask_scale.py [--sizes 200 2000] [--workers 1 2] [--repeat 3] [--llm-docs 40 --delay 0.3 --concurrency 4]
    python benchmarks/dask_scale.py --cli --sizes 600 --workers 2 --repeat 5   # issue 22's wall-time acceptance
    python benchmarks/dask_scale.py --main-cpu --sizes 600 --workers 2 --repeat 3   # the command's own CPU per document

``--cli`` times the whole command, as a user waits for it (``extractor extract DOCS -o OUT`` against the same with
``--workers N``: start-up, imports, the cluster's start and close included), in rounds, and prints the speed-up
of each round and their median; run it on an otherwise idle machine (issue 22 asks 1.6 or more for 600 pages on 2
cores).
``--main-cpu`` runs the same command inside a fresh process and prints that process's own CPU per document (its
threads: the writing, the Dask client, the progress bar; not the workers nor, with ``--workers``, the cluster's
process): on a loaded machine CPU times say more than wall times (``memory_scale.py`` prints the workers' beside it).

Documents of about 2,000 characters are made by sampling paragraphs of the
seed pages and changing their digits (so no two are alike). Every measurement
runs in a fresh process: the rules backend in one process (no engine, the
default run), then on 1 and 2 workers; then the LLM backend against the test
server (waiting ``--delay`` seconds per call) at the same ``--concurrency``,
in one process and on 1 and 2 workers. Cluster start-up is timed apart from
the run. The rules runs go in ``--repeat`` rounds, each running one process,
1 worker and 2 workers once; the table shows medians, and a speed-up is read
within each round (this 2-core machine's timings drift by 10 to 30% from one
minute to the next, so one run can neither prove nor refute a speed-up). Peak memory is the main
process's maximum resident set (the workers are other processes). The
machine's load average is printed before and after: on a shared machine, read
the numbers with it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def make_documents(folder: Path, count: int, seed: int = 12) -> list[Path]:
    """``count`` documents of about 2,000 characters: seed paragraphs in random order, digits changed."""
    paragraphs = [p for s in sorted(SEEDS.glob("*.txt")) for p in s.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 30]
    chooser = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        parts, size = [], 0
        while size < 2000:
            paragraph = chooser.choice(paragraphs)[:800]
            shift = chooser.randrange(10)
            parts.append(re.sub(r"\d", lambda m, k=shift: str((int(m.group()) + k) % 10), paragraph))
            size += len(parts[-1])
        path = folder / f"doc{index:05d}.txt"
        path.write_text("本报讯\n" + "\n".join(parts), encoding="utf-8")
        paths.append(path)
    return paths


def measure(backend: str, folder: Path, workers: int, out: Path, base_url: str = "", concurrency: int = 4) -> dict:
    """One run, in this (fresh) process; ``workers`` 0 is the default single-process run."""
    from extractor.backends import get_backend
    from extractor.run.runner import run_extraction

    files = sorted(folder.glob("*.txt"))
    settings = None
    if backend == "llm":
        from extractor.backends.llm.settings import LLMSettings

        settings = LLMSettings(base_url=base_url, model="oracle", concurrency=concurrency, cache=False, timeout=30)
    engine = get_backend(backend, settings)
    started, cpu = time.perf_counter(), time.process_time()
    if workers == 0:
        startup = 0.0
        summary = run_extraction(files, out, engine)
    else:
        from extractor.run.cluster import DaskEngine, dask_client

        with dask_client(workers=workers) as client:
            startup = time.perf_counter() - started
            started, cpu = time.perf_counter(), time.process_time()
            summary = run_extraction(files, out, engine, engine=DaskEngine(client))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    engine.close()
    return {
        "documents": len(files),
        "characters": sum(len(p.read_text(encoding="utf-8")) for p in files),
        "workers": workers,
        "wall": wall,
        "main_cpu": cpu,
        "startup": startup,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "read": summary.readable,
        "calls": summary.usage.get("calls", 0),
    }


def in_fresh_process(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--one", *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def interleaved(repeat: int, configurations: list[int], *args: str) -> list[dict[int, dict]]:
    """``repeat`` rounds, each running every configuration (workers) once in a fresh process, one after the other.

    Rounds rather than one configuration's runs in a row: a drift of the machine's speed then touches every
    configuration alike, and a speed-up is read within a round.
    """
    folder, out = args
    return [{w: in_fresh_process("rules", folder, str(w), f"{out}-{w}") for w in configurations} for _ in range(repeat)]


def command_wall(folder: Path, out: Path, workers: int) -> float:
    """Seconds of one whole ``extractor extract`` command (``--workers`` when workers), as a user waits for it."""
    extractor = Path(sys.executable).with_name("extractor")
    command = [str(extractor), "extract", str(folder), "-o", str(out)] + (["--workers", str(workers)] if workers else [])
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def cli_rounds(sizes: list[int], workers: list[int], repeat: int) -> None:
    """The command in one process against ``--workers N``, in rounds (a speed-up is read within a round)."""
    print(f"load average before: {os.getloadavg()}")
    print("| documents | workers | wall s, median (range) | speed-up over one process, median (range) |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="dask-cli-bench-") as temporary:
        work = Path(temporary)
        for size in sizes:
            folder = work / f"docs-{size}"
            make_documents(folder, size)
            command_wall(folder, work / "warm", 0)  # the file cache and the bytecode, as every later run finds them
            rounds = [{w: command_wall(folder, work / f"out-{w}", w) for w in [0, *workers]} for _ in range(repeat)]
            for w in [0, *workers]:
                walls = [round_[w] for round_ in rounds]
                ups = [round_[0] / round_[w] for round_ in rounds]
                up = f"{median(ups):.2f} ({spread(ups, 2)})" if w else ""
                print(f"| {size} | {w or 'none (one process)'} | {median(walls):.2f} ({spread(walls, 2)}) | {up} |", flush=True)
    print(f"load average after: {os.getloadavg()}")


def command_cpu(folder: Path, out: Path, workers: int) -> float:
    """CPU seconds of this process's own threads running the whole command (``--workers N`` when workers): start-up,
    the cluster's start and close, the progress bar, the outputs; its stderr goes to /dev/null as in ``--cli``."""
    from extractor.cli import main

    shutil.rmtree(out, ignore_errors=True)
    command = ["extract", str(folder), "-o", str(out)] + (["--workers", str(workers)] if workers else [])
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        cpu = time.process_time()
        main(command)
        return time.process_time() - cpu


def cpu_rounds(sizes: list[int], workers: list[int], repeat: int) -> None:
    """The command's own CPU per document, one process against ``--workers N``, each in a fresh process, in rounds."""
    print(f"load average before: {os.getloadavg()}")
    print("| documents | workers | main process CPU ms/doc, median (range) |")
    print("|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="dask-cpu-bench-") as temporary:
        work = Path(temporary)
        for size in sizes:
            folder = work / f"docs-{size}"
            make_documents(folder, size)
            configurations = [0, *workers]
            rounds = []
            for _ in range(repeat):
                rounds.append({w: in_fresh_process("cpu", str(folder), str(w), str(work / f"out-{w}")) for w in configurations})
            for w in configurations:
                per_doc = [1000 * round_[w]["main_cpu"] / size for round_ in rounds]
                print(f"| {size} | {w or 'none (one process)'} | {median(per_doc):.2f} ({spread(per_doc, 2)}) |", flush=True)
    print(f"load average after: {os.getloadavg()}")


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if len(ordered) % 2 else (ordered[len(ordered) // 2 - 1] + ordered[len(ordered) // 2]) / 2


def spread(values: list[float], digits: int = 1) -> str:
    return f"{min(values):.{digits}f}–{max(values):.{digits}f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--llm-docs", type=int, default=40)
    parser.add_argument("--delay", type=float, default=0.3)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of rules runs; medians are shown")
    parser.add_argument("--cli", action="store_true", help="time the whole command, one process against --workers N")
    parser.add_argument("--main-cpu", action="store_true", help="the command's own CPU per document, one process against --workers N")
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cli:
        cli_rounds(args.sizes, args.workers, args.repeat)
        return
    if args.main_cpu:
        cpu_rounds(args.sizes, args.workers, args.repeat)
        return
    if args.one and args.one[0] == "cpu":
        _, folder, workers, out = args.one
        print("\n" + json.dumps({"main_cpu": command_cpu(Path(folder), Path(out), int(workers))}))
        return
    if args.one:
        backend, folder, workers, out, *rest = args.one
        print(json.dumps(measure(backend, Path(folder), int(workers), Path(out), *rest[:1], *map(int, rest[1:]))))
        return
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="p2-dask-bench-") as temporary:
        work = Path(temporary)
        print("rules backend")
        print(f"{args.repeat} rounds, each running every configuration once; medians, and the range over the rounds in brackets")
        print("| documents | characters | workers | startup s | wall s | docs/s | vs 1 worker | vs no engine | main CPU s | main MiB |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for size in args.sizes:
            folder = work / f"docs-{size}"
            make_documents(folder, size)
            configurations = [0, *args.workers]
            rounds = interleaved(args.repeat, configurations, str(folder), str(work / f"out-{size}"))
            for w in configurations:
                runs = [round_[w] for round_ in rounds]
                walls = [run["wall"] for run in runs]
                versus_one = [round_[min(args.workers)]["wall"] / round_[w]["wall"] for round_ in rounds]
                versus_none = [round_[0]["wall"] / round_[w]["wall"] for round_ in rounds]
                print(
                    f"| {size} | {runs[0]['characters']:,} | {w or 'none (one process)'} | {median([r['startup'] for r in runs]):.1f} | "
                    f"{median(walls):.2f} ({spread(walls)}) | {size / median(walls):.0f} | "
                    f"{f'{median(versus_one):.2f} ({spread(versus_one, 2)})' if w else ''} | {median(versus_none):.2f} | "
                    f"{median([r['main_cpu'] for r in runs]):.1f} | {max(r['peak_rss_mib'] for r in runs):.0f} |",
                    flush=True,
                )
        from extractor.tools.testserver import FakeModelServer, Script

        folder = work / "docs-llm"
        make_documents(folder, args.llm_docs, seed=5)
        print(f"\nLLM backend against the test server: {args.delay}s per call, --concurrency {args.concurrency} for the whole run")
        print("| documents | workers | wall s | calls | calls/s | main peak RSS MiB |")
        print("|---|---|---|---|---|---|")
        with FakeModelServer(Script(delay=args.delay)) as server:
            for w in [0, *args.workers]:
                server.reset(Script(delay=args.delay))
                row = in_fresh_process("llm", str(folder), str(w), str(work / f"out-llm-{w}"), server.base_url, str(args.concurrency))
                print(
                    f"| {args.llm_docs} | {w or 'none (one process)'} | {row['wall']:.2f} | {row['calls']} | "
                    f"{row['calls'] / row['wall']:.1f} | {row['peak_rss_mib']:.0f} | max in flight {server.stats.max_in_flight}",
                    flush=True,
                )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
