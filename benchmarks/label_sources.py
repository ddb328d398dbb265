"""Which label sources are right how often: the measurement behind extractor/data/confidence.toml.

    python benchmarks/label_sources.py OUT/records.jsonl GOLD_DIR [OUT2/records.jsonl GOLD_DIR2 ...] [--wrong]

For each of subject, metric_key and period_end, and each scope a label was read from (clause, sentence, paragraph,
heading, table, document, none), prints how many matched figures had it and how many were right.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from extractor.outputs.jsonl import read_records
from extractor.tools import evaluate as ev


def main(argv: list[str]) -> None:
    show_wrong = "--wrong" in argv
    pairs = [a for a in argv if a != "--wrong"]
    judged: list[tuple[dict, dict, bool]] = []
    original = ev.Score.judge_band

    def capture(self, prediction, gold, subject_right=False):
        if gold is not None:
            judged.append((prediction, gold, subject_right))
        original(self, prediction, gold, subject_right)

    ev.Score.judge_band = capture  # type: ignore[method-assign]
    for records, gold in zip(pairs[::2], pairs[1::2], strict=True):
        ev.evaluate(read_records(Path(records)), Path(gold))
    table: Counter[tuple[str, str, bool]] = Counter()
    for prediction, gold, subject_right in judged:
        table["subject", prediction.get("subject_from", "?"), subject_right] += 1
        table["metric_key", prediction.get("metric_from", "?"), prediction.get("metric_key") == gold.get("metric_key")] += 1
        if "period_end" in gold:
            right = prediction.get("period_end", "") == gold["period_end"]
            table["period_end", prediction.get("period_from", "?"), right] += 1
            if show_wrong and not right:
                _show("PERIOD", prediction, prediction.get("period_from"), prediction.get("period"), gold["period_end"])
        if show_wrong and not subject_right:
            _show("SUBJECT", prediction, prediction.get("subject_from"), prediction.get("subject"), gold.get("subject"))
    for label in ("subject", "metric_key", "period_end"):
        for scope in sorted({scope for (name, scope, _right) in table if name == label}):
            right, wrong = table[label, scope, True], table[label, scope, False]
            print(f"{label:11} {scope:10} {right:4}/{right + wrong:<4} {right / (right + wrong):.3f}")


def _show(what: str, prediction: dict, source: object, mine: object, gold: object) -> None:
    print(what, source, repr(mine), "gold", repr(gold), prediction["doc"][:20], prediction["evidence"]["text"][-30:])


if __name__ == "__main__":
    main(sys.argv[1:])
