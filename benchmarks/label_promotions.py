"""Would a looser rule for `high` hold on text it was not set on? Leave-one-set-out over label_features.py's rows.

    python benchmarks/label_features.py NAME=OUT/records.jsonl:GOLD_DIR ... > features.jsonl
    python benchmarks/label_promotions.py features.jsonl [--check unseen7]

The candidates are the medium figures a promotion could lift: a metric key other than `other`, and no [never_high]
rule of extractor/data/confidence.toml holding them back. A rule is a combination of features (the three scopes, the
subject's kind, the measure, the period's scope, what the period prints, the document's kind); it is chosen when it
is right >= 0.95 on every set that holds its figures, with at least MIN figures over at least SETS sets. For each
training set left out, the rules chosen on the others are judged on it; the check set (--check) is judged with the
rules chosen on all training sets. Prints one line per (MIN, SETS): promoted figures right/judged out of sample,
pooled, and on the check set.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from extractor.checks import confidence

Rule = tuple[tuple[str, str], ...]
FEATURES: dict[str, Callable[[dict], str]] = {
    "sources": lambda row: row["sources"],
    "subject_kind": lambda row: row["subject_kind"],
    "measure": lambda row: row["measure"],
    "subject_from": lambda row: row["sources"].split("/")[0],
    "period_from": lambda row: row["sources"].split("/")[2],
    "period_kind": lambda row: row.get("period_kind", ""),
    "doc_kind": lambda row: row.get("doc_kind", ""),
}
COMBINATIONS = [
    ("sources",),
    ("sources", "subject_kind"),
    ("sources", "measure"),
    ("subject_kind", "measure", "period_from"),
    ("subject_from", "period_from", "subject_kind"),
    ("sources", "subject_kind", "measure"),
    ("sources", "period_kind"),
    ("sources", "doc_kind"),
    ("sources", "period_kind", "subject_kind"),
    ("subject_from", "period_from", "period_kind", "doc_kind"),
]


def _held_back(row: dict) -> bool:
    scopes = dict(zip(("subject_from", "metric_from", "period_from"), row["sources"].split("/"), strict=True))
    said = (row.get(key, "") for key in ("metric", "unit", "period", "published", "clause"))
    labels = confidence.Labels(row["subject"], row["measure"], row["metric_scope"], *said)
    return confidence._held_back(labels, scopes, row["metric_key"])


def _rule(row: dict, names: tuple[str, ...]) -> Rule:
    return tuple((name, FEATURES[name](row)) for name in names)


def choose(rows: list[dict], sets: set[str], minimum: int, min_sets: int) -> set[Rule]:
    chosen: set[Rule] = set()
    for names in COMBINATIONS:
        cells: dict[Rule, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        for row in rows:
            if row["set"] in sets:
                cell = cells[_rule(row, names)][row["set"]]
                cell[0] += row["right"]
                cell[1] += 1
        for rule, per_set in cells.items():
            total = sum(judged for _, judged in per_set.values())
            if total >= minimum and len(per_set) >= min_sets and all(right / judged >= 0.95 for right, judged in per_set.values()):
                chosen.add(rule)
    return chosen


def _promoted(rows: list[dict], rules: set[Rule]) -> tuple[int, int]:
    hits = [row for row in rows if any(_rule(row, tuple(name for name, _ in rule)) == rule for rule in rules)]
    return sum(row["right"] for row in hits), len(hits)


def main(argv: list[str]) -> None:
    check = argv[argv.index("--check") + 1] if "--check" in argv else "unseen7"
    rows = [json.loads(line) for line in Path(argv[0]).read_text(encoding="utf-8").splitlines()]
    candidates = [r for r in rows if r["band"] == "medium" and r["metric_key"] != "other" and not _held_back(r)]
    training = sorted({r["set"] for r in candidates} - {check})
    print(f"{len(candidates)} medium candidates, {sum(r['right'] for r in candidates)} right; training sets {training}")
    for minimum in (5, 8, 12, 20):
        for min_sets in (1, 2, 3):
            right = judged = 0
            for left_out in training:
                rules = choose(candidates, set(training) - {left_out}, minimum, min_sets)
                hit = _promoted([r for r in candidates if r["set"] == left_out], rules)
                right, judged = right + hit[0], judged + hit[1]
            rules = choose(candidates, set(training), minimum, min_sets)
            held_right, held_judged = _promoted([r for r in candidates if r["set"] == check], rules)
            share = f"{right / judged:.2f}" if judged else "-"
            print(f"min {minimum:2} sets {min_sets}: left out {right}/{judged} {share}", end="  ")
            print(f"{check} {held_right}/{held_judged}  rules {len(rules)}")


if __name__ == "__main__":
    main(sys.argv[1:])
