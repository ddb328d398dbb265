"""Unit attack on table cells: python attack.py RECORDS.jsonl TEXTS_DIR.

Every verified table figure (one with a header unit span) is sent again with each other unit its page prints in a
header (its span there), and with its number ×10 where the page does not print that number: none may be verified."""

import json
import sys
from pathlib import Path

from extractor.checks.verify import verify
from extractor.domain.numbers import parse_quantity
from extractor.models import Figure, Span, Status
from extractor.text.normalize import normalize

_KEPT = ("value_text", "value", "qualifier", "value_high", "amount_high", "evidence")


def _kept(record: dict, *drop: str) -> dict:
    keys = (*_KEPT, "unit", "amount", "base_unit", "unit_span")
    return {key: record[key] for key in keys if key not in drop and record.get(key) is not None}


def main(records: str, texts: Path) -> None:
    by_doc: dict[str, list[dict]] = {}
    with open(records, encoding="utf-8") as handle:
        for record in map(json.loads, handle):
            if record["kind"] == "figure" and record["status"] == "verified" and record.get("unit_span"):
                by_doc.setdefault(record["doc"], []).append(record)
    tried = leaks = 0
    for doc, figures in by_doc.items():
        text = normalize((texts / doc).read_text(encoding="utf-8")).text
        spans = {(f["unit"], f["unit_span"]["start"], f["unit_span"]["end"]) for f in figures}
        for figure in figures:
            wrongs = []
            for unit, start, end in spans:
                quantity = parse_quantity(figure["value_text"] + unit)
                if unit != figure["unit"] and quantity is not None:
                    fields = _kept(figure, "unit", "amount", "base_unit", "unit_span")
                    span = Span(start=start, end=end)
                    wrongs.append(Figure(**fields, unit=unit, amount=quantity.amount, base_unit=quantity.base_unit, unit_span=span))
            value = figure["value_text"]
            tenfold = value.replace(".", "", 1) if "." in value else value + "0"
            quantity = parse_quantity(tenfold + figure["unit"])
            if quantity is not None and tenfold not in text:
                fields = _kept(figure, "value_text", "value", "amount")
                wrongs.append(Figure(**fields, value_text=tenfold, value=quantity.value, amount=quantity.amount))
            for wrong in wrongs:
                tried += 1
                if verify(wrong, text).status is Status.verified:
                    leaks += 1
                    print("verified wrong:", doc, figure["value_text"], figure["unit"], "->", wrong.value_text, wrong.unit)
    print(f"tried {tried}, wrong verified {leaks}")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
