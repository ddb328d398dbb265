"""Score a run on the table check: python score.py RECORDS.jsonl [1|2|3|4|5] (texts/, texts2/ … texts5/).
A figure matches an expected cell by document, value text and unit; period_end and subject are then compared where the cell gives one.
Set 5 compares value texts without thousands separators or a leading + (its tables print 113 072 and 1,246.1)."""

import json
import sys
from collections import Counter

from expected import OPTIONAL, OPTIONAL2, OPTIONAL3, OPTIONAL4, OPTIONAL5, REQUIRED, REQUIRED2, REQUIRED3, REQUIRED4, REQUIRED5

SETS = {"1": (REQUIRED, OPTIONAL), "2": (REQUIRED2, OPTIONAL2), "3": (REQUIRED3, OPTIONAL3), "4": (REQUIRED4, OPTIONAL4),
        "5": (REQUIRED5, OPTIONAL5)}


def _plain(text: str) -> str:
    """A value text without thousands separators (113 072, 1,246.1), a leading + or a trailing % (a cell printing its
    own %, 11.7 %, has value_text 11.7% and unit %): set 5's tables print all three."""
    return text.replace(",", "").replace(" ", "").removeprefix("+").removesuffix("%")


def main(path: str, which: str = "1") -> None:
    required, optional_cells = SETS[which]
    with open(path, encoding="utf-8") as handle:
        figures = [r for r in map(json.loads, handle) if r["kind"] == "figure" and r["status"] != "not_found"]
    if which == "5":
        for f in figures:
            f["value_text"] = _plain(f["value_text"])
        required = {doc: [(_plain(c[0]), *c[1:]) for c in cells] for doc, cells in required.items()}
        optional_cells = {doc: [(_plain(v), u) for v, u in cells] for doc, cells in optional_cells.items()}
    tp = fp = fn = period_ok = period_n = subject_ok = subject_n = key_ok = key_n = 0
    for doc, cells in required.items():
        got = [f for f in figures if f["doc"] == doc]
        left = Counter((f["value_text"], f["unit"]) for f in got)
        by_key = {}
        for f in got:
            by_key.setdefault((f["value_text"], f["unit"]), []).append(f)
        for value, unit, period_end, subject, *key in cells:
            if left[(value, unit)] > 0:
                left[(value, unit)] -= 1
                tp += 1
                found = by_key[(value, unit)].pop(0)
                period_n += 1
                period_ok += (found.get("period_end") or "") == period_end
                if subject:
                    subject_n += 1
                    subject_ok += found.get("subject") == subject
                if key and key[0]:  # set 3 and 4 cells name a metric_key
                    key_n += 1
                    key_ok += found.get("metric_key") == key[0]
            else:
                fn += 1
                print(f"  miss {doc[:2]} {value} {unit}")
        optional = Counter(optional_cells.get(doc, []))
        for key, count in left.items():
            extra = max(0, count - optional[key])
            fp += extra
            if extra:
                print(f"  extra {doc[:2]} {key[0]} {key[1]} ×{extra}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(f"cells P {p:.3f} R {r:.3f} (TP {tp} FP {fp} FN {fn}); period_end {period_ok}/{period_n}; "
          f"subject {subject_ok}/{subject_n}; metric_key {key_ok}/{key_n}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "1")
