"""Scores of one run split by text type, with the project's own evaluator: python by_type.py RECORDS TITLE."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from extractor.tools.evaluate import confidence_table, evaluate

GOLD = Path(__file__).resolve().parents[1] / "gold"
TYPES = {"all (10)": "", "gov_report (01,02,03)": "01 02 03", "table (04,05)": "04 05", "policy (06)": "06",
         "news (07,08,09,10)": "07 08 09 10"}
LABELS = ("metric_key", "target", "period_start", "period_end")


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.4g}"


def row(name: str, scores: dict) -> str:
    fig, parks, inis = scores["figures"], scores["parks"], scores["initiatives"]
    subject = fig.attribute_accuracy if fig.true_positives else None
    labels = " | ".join(fmt(fig.label_accuracy(label)) for label in LABELS)
    return (f"| {name} | {fmt(fig.precision)} | {fmt(fig.recall)} | {fig.true_positives}/{fig.false_positives}/"
            f"{fig.false_negatives} | {fmt(subject)} | {labels} | {fmt(parks.precision)}/{fmt(parks.recall)} | "
            f"{fmt(inis.precision)}/{fmt(inis.recall)} |")


def main(records_path: str, title: str) -> None:
    records = [json.loads(line) for line in Path(records_path).read_text(encoding="utf-8").splitlines()]
    print(f"# {title}\n")
    print("| set | fig P | fig R | TP/FP/FN | subject | metric_key | target | period_start | period_end | parks P/R | "
          "initiatives P/R |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, prefixes in TYPES.items():
        with tempfile.TemporaryDirectory() as tmp:
            for gold in GOLD.glob("*.json"):
                if not prefixes or gold.name[:2] in prefixes.split():
                    shutil.copy(gold, tmp)
            scores = evaluate(records, Path(tmp))
        print(row(name, scores))
        if not prefixes:
            table = confidence_table(scores["figures"])
    print(f"\nConfidence bands (all): {json.dumps(table, ensure_ascii=False)}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
