"""Every judged figure with cheap features of its labels, as JSON lines: the measurement behind promotions in
extractor/data/confidence.toml beyond the scope combinations of label_combos.py.

    python benchmarks/label_features.py NAME=OUT/records.jsonl:GOLD_DIR [NAME2=...] > features.jsonl

A row per figure `extractor eval` puts in a confidence band: a figure matched to a required gold item (``right``:
subject, metric_key and period_end all right, and which of the three were wrong), or an extra the gold lacks
(``extra``: counted wrong, as the eval counts it). Figures matched only to optional gold are not in a band.
Features: the three scopes, band, measure, metric_key, whether the subject is a registered zone, a place or a
collective, what the period phrase prints (``period_kind``: a year, a relative phrase such as 今年/目前/上半年, or none),
whether the metric was lent by another figure of the sentence (``metric_lent``), the document's kind as its figures
show it (``doc_kind``: ``table`` when a figure was read from a table, ``sectioned`` when a heading set a period,
else ``news``), the document's size in figures, and the clause the figure was read from (``clause``: its evidence text).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from extractor.outputs.jsonl import read_records
from extractor.tools import evaluate as ev

_COLLECTIVE = re.compile(
    r"^(?:全国|全省|全市|全区|全县|我国|各类|各级|\d+个|\d+家|[一二三四五六七八九十百]+[个家])|(?:园区|开发区|高新区|经开区|产业园|等)$"
)


def _kind(prediction: dict, places: set[str]) -> str:
    """What the subject names: a registered zone, a place, a collective, or something else (a company, a project)."""
    subject = prediction.get("subject", "")
    if prediction.get("park_id"):
        return "zone"
    if not subject:
        return "none"
    if subject in places:
        return "place"
    if _COLLECTIVE.search(subject):
        return "collective"
    return "other"


_YEAR = re.compile(r"(?:19|20)\d\d")


def period_kind(period: str) -> str:
    """What the period phrase prints: a year (2025年, 截至2022年末), a relative phrase (今年, 目前, 上半年), or nothing."""
    if not period:
        return "none"
    return "year" if _YEAR.search(period) else "relative"


def _doc_kinds(rows: list[dict]) -> dict[str, str]:
    """A document's kind as its figures show it: a table's, a report's sections (a heading set a period), or news."""
    kinds: dict[str, str] = {}
    for row in rows:
        scopes = row["sources"].split("/")
        kind = "table" if "table" in scopes else "sectioned" if scopes[2] == "heading" else "news"
        if kind != "news" and kinds.get(row["doc"]) != "table":
            kinds[row["doc"]] = kind
        kinds.setdefault(row["doc"], "news")
    return kinds


def _places() -> set[str]:
    path = Path(__file__).resolve().parents[1] / "extractor" / "data" / "places.csv"
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        name, stem = line.split(",")[:2]
        names.update({name, stem})
    return names


def judged(name: str, records: Path, gold_dir: Path) -> list[dict]:
    rows: list[dict] = []
    original = ev.Score.judge_band
    places = _places()

    def capture(self: ev.Score, prediction: dict, gold: dict | None, subject_right: bool = False) -> None:
        row = {
            "set": name,
            "doc": prediction["doc"],
            "sources": "/".join(prediction.get(k, "?") for k in ("subject_from", "metric_from", "period_from")),
            "band": prediction.get("confidence", "?"),
            "measure": prediction.get("measure", ""),
            "metric_key": prediction.get("metric_key", ""),
            "subject_kind": _kind(prediction, places),
            "subject": prediction.get("subject", ""),
            "target": prediction.get("target", False),
            "status": prediction.get("status", ""),
            "text": prediction["evidence"]["text"][-50:],
            "clause": prediction["evidence"]["text"],
            "period": prediction.get("period", ""),
            "period_end": prediction.get("period_end", ""),
            "published": prediction.get("published", ""),
            "metric_scope": prediction.get("metric_scope", ""),
            "metric": prediction.get("metric", ""),
            "unit": prediction.get("base_unit", ""),
            "extra": gold is None,
            "period_kind": period_kind(prediction.get("period", "")),
            "metric_lent": prediction.get("metric_from", "") == "sentence",
        }
        if gold is None:
            row.update(right=False, wrong=["extra"])
        else:
            wrong = [] if subject_right else ["subject"]
            wrong += [key for key in ("metric_key", "period_end") if key in gold and prediction.get(key, "") != gold[key]]
            row.update(right=not wrong, wrong=wrong, gold={k: gold.get(k) for k in ("subject", "metric_key", "period_end")})
        rows.append(row)
        original(self, prediction, gold, subject_right)

    ev.Score.judge_band = capture  # type: ignore[method-assign]
    try:
        ev.evaluate(read_records(records), gold_dir)
    finally:
        ev.Score.judge_band = original  # type: ignore[method-assign]
    sizes = Counter(row["doc"] for row in rows)
    kinds = _doc_kinds(rows)
    for row in rows:
        row["doc_figures"] = sizes[row["doc"]]
        row["doc_kind"] = kinds[row["doc"]]
    return rows


def main(argv: list[str]) -> None:
    for spec in argv:
        name, paths = spec.split("=", 1)
        records, gold = paths.split(":", 1)
        for row in judged(name, Path(records), Path(gold)):
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
