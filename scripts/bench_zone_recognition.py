"""Cost of recognising zone names per character, against the packaged registry and one five times larger.

    .venv/bin/python scripts/bench_zone_recognition.py [--runs N] [--scale 5]

Not a test. Reads the seed pages and the shared corpora (../shared/corpus, ../shared/corpus2
when present), and times, per run, what the name reader does on each page: find every zone
mention (``find_park_mentions``) and resolve every spelling to its identity
(``DocumentZones``). With ``--scale K`` it adds, as a ``--parks`` file would, synthetic
zones (X经济开发区, X工业园区, X高新技术产业园区 for counties X of places.csv) until the
registry holds K times the 447 rows it first shipped with: the cost per character must not
grow with the registry. Memo caches are emptied before each run.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_REGISTRY = 447  # rows of zones.csv before the catalogue (issue 21)


def pages() -> list[str]:
    folders = [ROOT / "seeds", ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "corpus2"]
    return [p.read_text(encoding="utf-8") for folder in folders if folder.is_dir() for p in sorted(folder.glob("*.txt"))]


def synthetic_registry(rows_wanted: int, path: Path) -> int:
    """Rows of made-up county zones, ids unique, spellings unique: a large registry's shape, not its facts."""
    from extractor.domain.zonenames import places

    counties = [p for p in places() if p.kind == "county" and len(p.stem) >= 2]
    header = ["park_id", "name", "short_names", "province", "city", "level", "zone_type", "approved", "source"]
    rows, seen = [], set()
    for index, place in enumerate(counties):
        for n, (suffix, short) in enumerate((("经济开发区", "经开区"), ("工业园区", "工业园"), ("高新技术产业园区", "高新园区"))):
            name = place.name + suffix
            if name in seen or len(rows) >= rows_wanted:
                continue
            seen.add(name)
            rows.append([f"bench-{index}-{n}", name, place.name + short, "", "", "provincial", "other", "", "synthetic"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)


def clear_memos() -> None:
    from extractor.domain.registry import registry

    registry().vocabulary._memo.clear()
    for name, module in list(sys.modules.items()):
        if name.startswith("extractor"):
            for value in vars(module).values():
                wrapped = getattr(value, "__wrapped__", None)
                if wrapped is not None and getattr(getattr(wrapped, "__code__", None), "co_argcount", 0) > 0:
                    getattr(value, "cache_clear", lambda: None)()


def one_run(texts: list[str]) -> float:
    from extractor.backends.rules.parks import find_park_mentions
    from extractor.checks.identity import DocumentZones

    clear_memos()
    started = time.process_time()
    for text in texts:
        find_park_mentions(text)
        DocumentZones(text)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--scale", type=int, default=5)
    args = parser.parse_args()
    from extractor.domain import registry as registry_module

    texts = pages()
    characters = sum(map(len, texts))
    with tempfile.TemporaryDirectory() as folder:
        extra = Path(folder) / "bench_zones.csv"
        for label, files in (("packaged", []), (f"x{args.scale}", [extra])):
            registry_module.use_files([])
            shipped = len(registry_module.registry().zones)
            if files:
                synthetic_registry(max(0, args.scale * FIRST_REGISTRY - shipped), extra)
            registry_module.use_files(files)
            size = len(registry_module.registry().all_zones)
            one_run(texts)  # warm-up: the vocabulary and automaton are built once
            rates = [characters / one_run(texts) for _ in range(args.runs)]
            spread = f"min {min(rates):,.0f}  max {max(rates):,.0f}"
            print(f"{label:9} registry {size:5} rows  chars/s (cpu) median {statistics.median(rates):,.0f}  {spread}")
        registry_module.use_files([])
    print(f"pages {len(texts)}, characters {characters}, runs {args.runs}")


if __name__ == "__main__":
    main()
