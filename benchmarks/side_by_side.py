"""This checkout's rules throughput against another checkout's, end to end, in one run (CPU seconds, interleaved).

Not a test: run it with `python benchmarks/side_by_side.py --baseline DIR [--copies 30] [--pairs 5]`, where DIR is
another checkout of the project (for instance `git worktree add /tmp/base main`). It writes COPIES renumbered copies
of the seed pages (stages.py's: no two pages the same text), then runs `python -m extractor extract` on them as a
whole process, this checkout and the baseline in turn (A B, then B A, …, so a drift in the machine's speed falls
on both), and reads each child's user + system CPU seconds from the operating system (os.wait4). It prints every
pair, the median of the per-pair ratios (baseline CPU / this checkout's CPU: above 1 is faster) and the load
average before and after. Start-up (imports, data files) is counted, as a user pays it.

Both trees are byte-compiled first (`compileall`), as an installed package is: otherwise a run with
PYTHONDONTWRITEBYTECODE set compiles every module from source each time (--no-compile keeps that).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from stages import ROOT, copies


def cpu_seconds(checkout: Path, pages: Path, out: Path) -> float:
    """User + system CPU seconds of one whole `extractor extract` run with checkout's code."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [sys.executable, "-m", "extractor", "extract", str(pages), "-o", str(out)]
    child = subprocess.Popen(command, env=env, cwd=checkout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{checkout}: extractor extract exited with {child.returncode}")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="another checkout of the project")
    parser.add_argument("--copies", type=int, default=30)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--no-compile", action="store_true", help="do not byte-compile the two trees first")
    args = parser.parse_args()
    trees = {"this": ROOT, "baseline": args.baseline.resolve()}
    if not args.no_compile:
        for tree in trees.values():
            compileall.compile_dir(tree / "extractor", quiet=1)
    folder = Path(tempfile.mkdtemp(prefix="side-by-side-"))
    try:
        (folder / "pages").mkdir()
        characters = copies(folder / "pages", args.copies)
        print(f"pages: {len(list((folder / 'pages').iterdir()))}, characters: {characters:,}, load before: {_load()}")
        for name, tree in trees.items():  # warm-up: the file cache, the data files' first read
            cpu_seconds(tree, folder / "pages", folder / f"out-{name}")
        seconds: dict[str, list[float]] = {name: [] for name in trees}
        ratios = []
        for pair in range(args.pairs):
            order = list(trees) if pair % 2 == 0 else list(reversed(trees))
            for name in order:
                seconds[name].append(cpu_seconds(trees[name], folder / "pages", folder / f"out-{name}"))
            ratios.append(seconds["baseline"][-1] / seconds["this"][-1])
            print(f"pair {pair + 1}: this {seconds['this'][-1]:.2f} s, baseline {seconds['baseline'][-1]:.2f} s, ratio {ratios[-1]:.3f}")
        for name in trees:
            median = statistics.median(seconds[name])
            print(f"{name:9} median {median:.2f} CPU s, {characters / median:,.0f} chars per CPU s")
        print(f"ratio (baseline / this): median {statistics.median(ratios):.3f}, min {min(ratios):.3f}, max {max(ratios):.3f}")
        print(f"load after: {_load()}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
