"""How the confidence bands hold on a set no rule was chosen on: leave-one-set-out, from label_features.py's rows.

    python benchmarks/label_features.py NAME=OUT/records.jsonl:GOLD_DIR ... > features.jsonl
    python benchmarks/label_heldout.py features.jsonl [--limits]

Two measurements, each per set (coverage of the high band @ its accuracy: subject, metric_key and period_end all right):

- ``rule``: the band extractor/data/confidence.toml gives each row today, recomputed from the row's scopes and labels
  (so a change of the data file is measured without extracting again). A rule written after looking at a set is
  fitted to it: only a set that was not looked at says how the rule holds on new text.
- ``table``: the band a scope table chosen from the other sets would give: every combination of (subject_from,
  metric_from, period_from) whose figures, on the other sets, were right often enough (the lower Wilson bound at
  ``--z`` above ``--floor``) is high, with the holds of confidence.toml that do not depend on scopes still applied
  ([never_high] read as if every label were the clause's, [low], an unverified number, the key other). If it lifts
  the sets it was chosen on but not the one left out, a table of scopes is fitting, not knowledge.

``--limits`` prints instead what bounds the band's coverage on each set: the share of figures whose three labels are
right (``right``), of those whose key is named and subject read from somewhere (``ceiling``: no rule of today's data
file can make the others high, since a key `other` and a subject from nowhere never are), the share high today, and
the right figures kept out only by a key `other` or by no subject.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from extractor.checks.confidence import Labels, band

Row = dict
Rule = Callable[[Row], bool]


def _scopes(row: Row) -> tuple[str, str, str]:
    subject_from, metric_from, period_from = row["sources"].split("/")
    return subject_from, metric_from, period_from


def _labels(row: Row) -> Labels:
    dated = (row.get("period", ""), row.get("published", ""))  # rows measured before the features recorded them lack both
    said = (row["subject"], row["measure"], row["metric_scope"], row["metric"], row["unit"])
    return Labels(*said, *dated, row.get("clause", ""))


def today(row: Row) -> str:
    """The band the data file gives this row now."""
    return band(*_scopes(row), row["metric_key"], row["status"] == "verified", _labels(row))


def _eligible(row: Row) -> bool:
    """Not held low or back by the data file whatever its scopes: verified, named, not in [never_high]."""
    if today(row) == "low" or row["metric_key"] == "other":
        return False
    return band("clause", "clause", "clause", row["metric_key"], True, _labels(row)) == "high"


def wilson_low(right: int, n: int, z: float) -> float:
    """The lower bound of the Wilson interval of right/n."""
    if not n:
        return 0.0
    p = right / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def chosen_table(rows: list[Row], floor: float, z: float) -> Rule:
    """High for the scope combinations right often enough on ``rows`` (the sets the table is chosen on)."""
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        if _eligible(row):
            counts[_scopes(row)][0] += 1
            counts[_scopes(row)][1] += row["right"]
    admitted = {scopes for scopes, (n, right) in counts.items() if wilson_low(right, n, z) >= floor}
    return lambda row: _eligible(row) and _scopes(row) in admitted


def high_band(rows: list[Row], rule: Rule) -> tuple[int, int, int]:
    """(figures, high, high and right)."""
    high = [row for row in rows if rule(row)]
    return len(rows), len(high), sum(row["right"] for row in high)


def _cell(figures: int, high: int, right: int) -> str:
    return f"{high}={high / figures:.2f}@{right / high:.3f}" if high else f"0={0:.2f}@-"


def report(rows: list[Row], floor: float, z: float) -> list[str]:
    sets = list(dict.fromkeys(row["set"] for row in rows))
    lines = [f"{'set':10s} {'rule (today)':>18s} {'table (chosen without the set)':>32s}"]
    totals = {"rule": [0, 0, 0], "table": [0, 0, 0]}
    for name in sets:
        held_out = [row for row in rows if row["set"] == name]
        table = chosen_table([row for row in rows if row["set"] != name], floor, z)
        cells = {"rule": high_band(held_out, lambda row: today(row) == "high"), "table": high_band(held_out, table)}
        for kind, counts in cells.items():
            totals[kind] = [a + b for a, b in zip(totals[kind], counts, strict=True)]
        lines.append(f"{name:10s} {_cell(*cells['rule']):>18s} {_cell(*cells['table']):>32s}")
    lines.append(f"{'all':10s} {_cell(*totals['rule']):>18s} {_cell(*totals['table']):>32s}")
    lines.append(f"{'wilson':10s} {_bound(*totals['rule']):>18s} {_bound(*totals['table']):>32s}")
    return lines


def _bound(_figures: int, high: int, right: int) -> str:
    """The pooled accuracy's lower Wilson bound at 95% one-sided (z 1.645): what high promises on text like these sets."""
    return f">={wilson_low(right, high, 1.645):.3f}" if high else "-"


def _named(row: Row) -> bool:
    """Labels a high figure may have: a key the lexicon names, a subject read from somewhere, a verified number."""
    return row["metric_key"] != "other" and _scopes(row)[0] != "none" and row["status"] == "verified"


def limits(rows: list[Row]) -> list[str]:
    """Per set and pooled: figures, right, ceiling (right with a named key and subject), high today, and the right
    figures a key `other` or an absent subject keeps out."""
    sets = [*dict.fromkeys(row["set"] for row in rows), "all"]
    lines = [f"{'set':12s} {'figures':>7s} {'right':>6s} {'ceiling':>7s} {'high':>6s} {'other':>6s} {'no subj':>7s}"]
    for name in sets:
        part = [row for row in rows if name in ("all", row["set"])]
        right = [row for row in part if row["right"]]
        shares = (
            len(right),
            sum(_named(row) for row in right),
            sum(today(row) == "high" for row in part),
            sum(row["metric_key"] == "other" for row in right),
            sum(_scopes(row)[0] == "none" for row in right),
        )
        cells = (f"{n / len(part):{width}.3f}" for n, width in zip(shares, (6, 7, 6, 6, 7), strict=True))
        lines.append(f"{name:12s} {len(part):7d} " + " ".join(cells))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("features", type=Path, help="label_features.py's output")
    parser.add_argument("--floor", type=float, default=0.9, help="the Wilson lower bound a scope combination must reach")
    parser.add_argument("--z", type=float, default=1.0)
    parser.add_argument("--limits", action="store_true", help="what bounds the high band's coverage, per set")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.features.read_text(encoding="utf-8").splitlines() if line.strip()]
    print("\n".join(limits(rows) if args.limits else report(rows, args.floor, args.z)))


if __name__ == "__main__":
    main()
