"""Tools shared by the held-out sets (unseen5, unseen6, unseen7 and later ones), each set a folder with texts/, gold/
and build/.

Writing gold (each set's build/gold.py): ``fig``, ``park``, ``ini`` and ``quote`` make the items and fill in amounts
and base units; ``writer(SET)`` gives the ``write`` that checks every context, quote start and name against the
whitespace-free text (a typo stops the build) and writes gold/DOC.json.

Reading a run against a set, with the project's own evaluator:

    python benchmarks/heldout/heldout.py pairs benchmarks/heldout/unseen7 /tmp/u7/records.jsonl > pairs.txt

lists every matched figure whose subject, metric_key, target or period disagrees with the gold (pairs made as the
score makes them); each set's build/by_type.py calls ``by_type`` with its own split of the texts.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

NORMALIZATION = (
    "contexts, quote text_start and names are verbatim substrings of the text after removing all whitespace "
    "(spaces, line breaks, full-width spaces); nothing else is changed (traditional characters, half-width "
    "parentheses and digits kept as printed)"
)
_MULT = {"万亿": 1e12, "萬億": 1e12, "亿": 1e8, "億": 1e8, "万": 1e4, "萬": 1e4, "千": 1e3}
_BASE = {"个百分点": "百分点", "個百分點": "百分點", "个月": "月", "个工作日": "工作日"}
LABELS = ("metric_key", "target", "period_start", "period_end")


# --- writing gold ----------------------------------------------------------------------------------------------


def plain(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u3000", ""))


def base(unit: str, value: float) -> tuple[float, str]:
    if unit in _BASE:
        return value, _BASE[unit]
    for prefix, factor in _MULT.items():  # longest first: 万亿 is not 万 + 亿; a bare 万 is a count of ten thousands
        if unit.startswith(prefix):
            return round(value * factor, 6), unit[len(prefix):]
    return value, unit


def fig(value_text, value, unit, metric, period, subject, context, key, measure="level", *, target=False,
        ps="", pe="", q="exact", opt=False, high=None):
    amount, base_unit = base(unit, value)
    item = {"value_text": value_text, "value": value, "unit": unit, "amount": amount, "base_unit": base_unit,
            "qualifier": q, "metric": metric, "period": period, "subject": subject, "context": context,
            "optional": opt, "metric_key": key, "measure": measure, "target": target,
            "period_start": ps, "period_end": pe}
    if high is not None:
        item["value_high"] = high
        item["amount_high"] = base(unit, high)[0]
    return item


def year(y: int) -> dict:
    """A whole calendar year as fig()'s period fields (the sets' gold.py share it)."""
    return dict(ps=f"{y}-01-01", pe=f"{y}-12-31")


def span(start: str, end: str) -> dict:
    """A period from ``start`` to ``end`` (ISO dates) as fig()'s period fields."""
    return dict(ps=start, pe=end)


def park(name, aliases=(), opt=False, park_id=""):
    return {"name": name, "aliases": list(aliases), "optional": opt, "park_id": park_id}


def ini(name, kind, park_name="", opt=False):
    return {"name": name, "kind": kind, "park": park_name, "optional": opt}


def quote(speaker, text_start, title="", opt=False):
    return {"speaker": speaker, "speaker_title": title, "text_start": text_start, "optional": opt}


def writer(root: Path) -> Callable[..., None]:
    """``write(doc, ...)`` for the set in ``root``: its texts/ and meta.csv checked, its gold/ written."""

    def write(doc, *, published="", precision="", in_text=False, parks=(), figures=(), quotes=(), initiatives=()):
        text = plain((root / "texts" / doc).read_text(encoding="utf-8"))
        urls = {row["path"]: row["url"] for row in csv.DictReader((root / "texts" / "meta.csv").open(encoding="utf-8"))}
        for item in figures:
            assert plain(item["context"]) == item["context"] and item["context"] in text, (doc, item["context"])
            assert item["value_text"] in item["context"] or item["value_text"] in text, (doc, item["value_text"])
        for item in quotes:
            assert item["text_start"] in text, (doc, item["text_start"])
        for item in [*parks, *initiatives]:
            assert item["name"] in text, (doc, item["name"])
        gold = {"doc": doc, "source_url": urls[doc], "published": published, "published_precision": precision,
                "normalization": NORMALIZATION, "parks": list(parks), "figures": list(figures), "quotes": list(quotes),
                "initiatives": list(initiatives), "published_in_text": in_text}
        out = root / "gold" / (doc[:-4] + ".json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        required = sum(not f["optional"] for f in figures)
        print(f"{doc}: {required} required + {len(figures) - required} optional figures, {len(parks)} parks, "
              f"{len(initiatives)} initiatives, {len(quotes)} quotes")

    return write


# --- reading a run against a set -------------------------------------------------------------------------------


def _records(records_path: str) -> list[dict]:
    return [json.loads(line) for line in Path(records_path).read_text(encoding="utf-8").splitlines()]


def pairs(root: Path, records_path: str) -> None:
    """Print every matched figure whose subject or a label disagrees with the required gold figure it is paired with."""
    from extractor.tools.evaluate import _subjects_agree, _zone_spellings, required_figure_pairs  # not for writing gold

    records = _records(records_path)
    for gold_file in sorted((root / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        mine = [r for r in records if r["doc"] == gold["doc"]]
        zones = _zone_spellings([*(r for r in mine if r["kind"] == "park"), *gold["parks"]])
        for record, best in required_figure_pairs([r for r in mine if r["kind"] == "figure"], gold["figures"]):
            wrong = [] if _subjects_agree(record.get("subject", ""), best["subject"], zones) else [
                f"subject {record.get('subject')!r} vs {best['subject']!r}"]
            wrong += [f"{label} {record.get(label)!r} vs {best[label]!r}" for label in LABELS
                      if (record.get(label) or "") != (best[label] or "")]
            if wrong:
                band = record.get("confidence", "")
                print(f"{gold['doc']}: {best['value_text']} [{best['context']}] ({band}) " + "; ".join(wrong))


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.4g}"


def _row(name: str, scores: dict) -> str:
    fig_, parks, inis = scores["figures"], scores["parks"], scores["initiatives"]
    subject = fig_.attribute_accuracy if fig_.true_positives else None
    labels = " | ".join(_fmt(fig_.label_accuracy(label)) for label in LABELS)
    return (f"| {name} | {_fmt(fig_.precision)} | {_fmt(fig_.recall)} | {fig_.true_positives}/{fig_.false_positives}/"
            f"{fig_.false_negatives} | {_fmt(subject)} | {labels} | {_fmt(parks.precision)}/{_fmt(parks.recall)} | "
            f"{_fmt(inis.precision)}/{_fmt(inis.recall)} |")


def by_type(root: Path, types: dict[str, str], records_path: str, title: str) -> None:
    """Scores of one run split by text type (``types``: a row's name → the texts' two-digit prefixes, "" for all)."""
    from extractor.tools.evaluate import confidence_table, evaluate  # not for writing gold

    records = _records(records_path)
    print(f"# {title}\n")
    print("| set | fig P | fig R | TP/FP/FN | subject | metric_key | target | period_start | period_end | parks P/R | "
          "initiatives P/R |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    table = None
    for name, prefixes in types.items():
        with tempfile.TemporaryDirectory() as tmp:
            for gold in (root / "gold").glob("*.json"):
                if not prefixes or gold.name[:2] in prefixes.split():
                    shutil.copy(gold, tmp)
            scores = evaluate(records, Path(tmp))
        print(_row(name, scores))
        if not prefixes:
            table = confidence_table(scores["figures"])
    print(f"\nConfidence bands (all): {json.dumps(table, ensure_ascii=False)}")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "pairs":
        sys.exit("usage: python heldout.py pairs SET_FOLDER RECORDS")
    pairs(Path(sys.argv[2]), sys.argv[3])
