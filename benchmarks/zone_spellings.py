"""Zone spellings, one per one-sentence document: how many are found, and how well spellings of one zone are linked.

    .venv/bin/python benchmarks/zone_spellings.py [tests/data/zone_spellings.csv]

Found: the share of spellings that come out as a park. Link precision and recall:
over pairs of found spellings, "same park_id" against "same zone" in the file.
"""

from __future__ import annotations

import csv
import itertools
import sys
from pathlib import Path

from extractor.run.pipeline import extract_text

SENTENCE = "记者从{}获悉，今年前三季度实现营业收入1200亿元，同比增长8.5%。"


def measure(path: Path) -> dict[str, float]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    predicted = {}
    for row in rows:
        parks = [p for a in extract_text(SENTENCE.format(row["spelling"])).articles for p in a.parks]
        if parks:
            predicted[row["spelling"]] = getattr(parks[0], "park_id", "") or parks[0].name
    pairs = list(itertools.combinations([r for r in rows if r["spelling"] in predicted], 2))
    linked = [(a, b) for a, b in pairs if predicted[a["spelling"]] == predicted[b["spelling"]]]
    same = [(a, b) for a, b in pairs if a["zone"] == b["zone"]]
    right = [(a, b) for a, b in linked if a["zone"] == b["zone"]]
    return {
        "zones": len({r["zone"] for r in rows}),
        "spellings": len(rows),
        "found": len(predicted) / len(rows),
        "link_precision": len(right) / len(linked) if linked else 0.0,
        "link_recall": len(right) / len(same) if same else 0.0,
        "missed": [r["spelling"] for r in rows if r["spelling"] not in predicted],
    }


if __name__ == "__main__":
    print(measure(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/zone_spellings.csv")))
