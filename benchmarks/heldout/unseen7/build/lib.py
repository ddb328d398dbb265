"""Helpers that write unseen7's gold files: fill in amounts and base units, check contexts against the text.

The answers themselves are in gold.py; this only saves typing and catches typos (a context, quote start or
name that is not a verbatim substring of the whitespace-free text stops the build).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NORMALIZATION = (
    "contexts, quote text_start and names are verbatim substrings of the text after removing all whitespace "
    "(spaces, line breaks, full-width spaces); nothing else is changed (traditional characters, half-width "
    "parentheses and digits kept as printed)"
)
_MULT = {"万亿": 1e12, "亿": 1e8, "億": 1e8, "万": 1e4, "萬": 1e4, "千": 1e3}
_BASE = {"个百分点": "百分点", "個百分點": "百分點", "个月": "月", "个工作日": "工作日"}


def plain(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u3000", ""))


def base(unit: str, value: float) -> tuple[float, str]:
    if unit in _BASE:
        return value, _BASE[unit]
    for prefix, factor in _MULT.items():
        if unit.startswith(prefix) and len(unit) > len(prefix):
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


def park(name, aliases=(), opt=False, park_id=""):
    return {"name": name, "aliases": list(aliases), "optional": opt, "park_id": park_id}


def ini(name, kind, park_name="", opt=False):
    return {"name": name, "kind": kind, "park": park_name, "optional": opt}


def quote(speaker, text_start, title="", opt=False):
    return {"speaker": speaker, "speaker_title": title, "text_start": text_start, "optional": opt}


def write(doc, *, published="", precision="", in_text=False, parks=(), figures=(), quotes=(), initiatives=()):
    text = plain((ROOT / "texts" / doc).read_text(encoding="utf-8"))
    urls = {row["path"]: row["url"] for row in csv.DictReader((ROOT / "texts" / "meta.csv").open(encoding="utf-8"))}
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
    out = ROOT / "gold" / (doc[:-4] + ".json")
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    required = sum(not f["optional"] for f in figures)
    print(f"{doc}: {required} required + {len(figures) - required} optional figures, {len(parks)} parks, "
          f"{len(initiatives)} initiatives, {len(quotes)} quotes")
