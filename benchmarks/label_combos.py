"""How often a figure's three labels are all right, per combination of the scopes they were read from, per set.

    python benchmarks/label_combos.py NAME=OUT/records.jsonl:GOLD_DIR [NAME2=...] [--min N] [--band high] [--wrong] [--extras]

For each (subject_from, metric_from, period_from) prints, per set, right/judged of the matched figures whose subject,
metric_key and period_end are all right (what `extractor eval` counts for a band), and the band the figures of that
combination were given (--band: only figures of that band; --wrong: list the wrong ones, with what each label
said against the gold; --extras: count the figures the gold does not have as wrong, as `extractor eval` does for a
band, and list them with --wrong). This is the table behind extractor/data/confidence.toml: a combination is safe for `high`
when it is right >= 0.97 on every set where it holds enough figures, not only on their sum.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from extractor.outputs.jsonl import read_records
from extractor.tools import evaluate as ev

Combo = tuple[str, str, str]


def judged_figures(records: Path, gold_dir: Path, extras: bool = False) -> list[tuple[dict, dict, bool]]:
    """Each matched figure with its gold and whether its subject, metric_key and period_end are all right (with
    extras: each figure the gold lacks too, with an empty gold, wrong)."""
    judged: list[tuple[dict, dict, bool]] = []
    original = ev.Score.judge_band

    def capture(self: ev.Score, prediction: dict, gold: dict | None, subject_right: bool = False) -> None:
        if gold is None and extras:
            judged.append((prediction, {}, False))
        elif gold is not None:
            labels = all(prediction.get(key, "") == gold[key] for key in ("metric_key", "period_end") if key in gold)
            judged.append((prediction, gold, subject_right and labels))
        original(self, prediction, gold, subject_right)

    ev.Score.judge_band = capture  # type: ignore[method-assign]
    try:
        ev.evaluate(read_records(records), gold_dir)
    finally:
        ev.Score.judge_band = original  # type: ignore[method-assign]
    return judged


def combo(prediction: dict) -> Combo:
    return (prediction.get("subject_from", "?"), prediction.get("metric_from", "?"), prediction.get("period_from", "?"))


def main(argv: list[str]) -> None:
    show_wrong = "--wrong" in argv
    minimum = int(argv[argv.index("--min") + 1]) if "--min" in argv else 1
    only_band = argv[argv.index("--band") + 1] if "--band" in argv else ""
    extras = "--extras" in argv
    sets = [a for a in argv if "=" in a]
    table: dict[Combo, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    bands: dict[Combo, Counter[str]] = defaultdict(Counter)
    for spec in sets:
        name, paths = spec.split("=", 1)
        records, gold = paths.split(":", 1)
        for prediction, answer, right in judged_figures(Path(records), Path(gold), extras):
            if only_band and prediction.get("confidence") != only_band:
                continue
            if show_wrong and not right:
                _show(name, prediction, answer)
            cell = table[combo(prediction)][name]
            cell[0] += right
            cell[1] += 1
            bands[combo(prediction)][prediction.get("confidence", "?")] += 1
    names = [spec.split("=", 1)[0] for spec in sets]
    print(f"{'subject/metric/period':34} {'all':>11} " + " ".join(f"{n[:9]:>9}" for n in names) + "  bands")
    for key in sorted(table, key=lambda k: -sum(c[1] for c in table[k].values())):
        right = sum(c[0] for c in table[key].values())
        total = sum(c[1] for c in table[key].values())
        if total < minimum:
            continue
        cells = " ".join(f"{_cell(table[key].get(n)):>9}" for n in names)
        print(f"{'/'.join(key):34} {right:4}/{total:<4}{right / total:.2f} {cells}  {dict(bands[key])}")


def _show(name: str, prediction: dict, gold: dict) -> None:
    """One wrong figure: its scopes, and each label beside the gold's."""
    said = [f"{key}={prediction.get(key, '')!r}/{gold.get(key, '')!r}" for key in ("subject", "metric_key", "period_end")]
    text = prediction["evidence"]["text"]
    print(name, "/".join(combo(prediction)), prediction.get("confidence"), *said, prediction["doc"][:24], text[-60:])


def _cell(counts: list[int] | None) -> str:
    return f"{counts[0]}/{counts[1]}" if counts and counts[1] else "-"


if __name__ == "__main__":
    main(sys.argv[1:])
