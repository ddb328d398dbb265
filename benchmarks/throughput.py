"""Throughput of the rules pipeline on the seed pages, in characters per second (one core).

Not a test: run it with `python benchmarks/throughput.py [--runs N]`. It reports
the median of N runs over all seed pages: raw characters in per second of CPU
time of this process and per second of wall time. Every run starts with the
package's memo caches emptied, so repeating the same pages measures no more
than a first pass over new ones would.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from extractor import extract_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    pages = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    characters = sum(len(text) for _, text in pages)
    for name, text in pages:  # warm-up: imports, regex compilation, cn2an
        extract_text(text, name)
    cpu_rates, wall_rates = [], []
    for _ in range(args.runs):
        clear_memo_caches()
        cpu_started, wall_started = time.process_time(), time.perf_counter()
        for name, text in pages:
            extract_text(text, name)
        cpu_rates.append(characters / (time.process_time() - cpu_started))
        wall_rates.append(characters / (time.perf_counter() - wall_started))
    print(f"pages: {len(pages)}, characters: {characters}, runs: {args.runs}")
    for label, rates in (("cpu", cpu_rates), ("wall", wall_rates)):
        print(f"chars/s ({label}): median {statistics.median(rates):,.0f}  min {min(rates):,.0f}  max {max(rates):,.0f}")


def clear_memo_caches() -> None:
    """Empty every memo of text the package keeps (parsed numbers, metric keys, zone-name readings …).

    The data loaders (knowledge(), vocabulary(), registry(): no arguments) stay loaded, as they are
    in a long run after its first page; what repeats within a run is not counted as free.
    """
    for name, module in list(sys.modules.items()):
        if name == "extractor" or name.startswith("extractor."):
            for value in vars(module).values():
                wrapped = getattr(value, "__wrapped__", None)
                takes_text = wrapped is not None and getattr(getattr(wrapped, "__code__", None), "co_argcount", 0) > 0
                if takes_text and callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    from extractor.domain.registry import registry

    registry().vocabulary._memo.clear()


if __name__ == "__main__":
    main()
