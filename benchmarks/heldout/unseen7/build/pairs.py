"""List every matched figure whose subject, metric_key, target or period disagrees with the gold.

Uses the project's own matching rules (extractor.tools.evaluate) so the pairs are the ones the score counts:
    python pairs.py /tmp/u7/records.jsonl > ../pairs.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from extractor.tools.evaluate import _close, _evidence_text, _overlap, _plain, _subjects_agree, _zone_spellings

GOLD = Path(__file__).resolve().parents[1] / "gold"
LABELS = ("metric_key", "target", "period_start", "period_end")


def main(records_path: str) -> None:
    records = [json.loads(line) for line in Path(records_path).read_text(encoding="utf-8").splitlines()]
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        mine = [r for r in records if r["doc"] == gold["doc"]]
        zones = _zone_spellings([*(r for r in mine if r["kind"] == "park"), *gold["parks"]])
        free = [g for g in gold["figures"] if not g["optional"]] + [g for g in gold["figures"] if g["optional"]]
        for record in (r for r in mine if r["kind"] == "figure"):
            same = [g for g in free if _plain(record.get("base_unit", "")) == _plain(g["base_unit"])
                    and _close(record.get("amount"), g["amount"])]
            required = [g for g in same if not g["optional"]] or same
            if not required:
                continue
            best = max(required, key=lambda g: _overlap(_evidence_text(record), g["context"]))
            free.remove(best)
            if best["optional"]:
                continue
            wrong = [] if _subjects_agree(record.get("subject", ""), best["subject"], zones) else [
                f"subject {record.get('subject')!r} vs {best['subject']!r}"]
            wrong += [f"{label} {record.get(label)!r} vs {best[label]!r}" for label in LABELS
                      if (record.get(label) or "") != (best[label] or "")]
            if wrong:
                print(f"{gold['doc']}: {best['value_text']} [{best['context']}] " + "; ".join(wrong))


if __name__ == "__main__":
    main(sys.argv[1])
