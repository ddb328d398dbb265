"""Sample rows of the analyst's table so a person can judge each one right or wrong.

Run after `extractor extract` and `extractor table` on one or more output folders:

    python benchmarks/table_sample.py /tmp/c1 /tmp/c2 -n 40 --seed 7

Each sampled row of OUT/facts.csv is printed with the cells an analyst reads (zone, official name, metric,
period, value, unit, confidence) and the sentence(s) it came from: the figure records of records.jsonl whose
document and evidence match the row, widened to the whole sentence of the source text (the text is found through
run.json's input paths; without it only the evidence snippet is shown). Rows are drawn from all folders pooled,
so a fixed seed gives the same sample for the same outputs.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

SOURCE_SEPARATOR = " | "  # how facts.csv joins the docs and evidence of one fact's sources
SENTENCE_END = re.compile(r"[。！？!?；;]|\n\s*\n")  # not a single line break: OCR breaks lines mid-sentence
REACH = 150  # characters kept on each side of the evidence, so a table printed one cell a line stays short
CELLS = (
    "zone",
    "zone_name",
    "subject",
    "metric_key",
    "metric_scope",
    "metric",
    "measure",
    "period",
    "period_start",
    "period_end",
    "value",
    "unit",
    "qualifier",
    "target",
    "confidence",
    "sources",
)


@dataclass
class Row:
    folder: Path
    cells: dict[str, str]


def read_rows(folder: Path) -> list[Row]:
    facts = folder / "facts.csv"
    if not facts.is_file():
        sys.exit(f"{facts}: no such file (run 'extractor table {folder}' first)")
    with facts.open(encoding="utf-8-sig", newline="") as handle:
        return [Row(folder, row) for row in csv.DictReader(handle)]


def input_paths(folder: Path) -> dict[str, Path]:
    """doc name -> its text file, from run.json (paths there are relative to where extract ran)."""
    run = folder / "run.json"
    if not run.is_file():
        return {}
    inputs = json.loads(run.read_text(encoding="utf-8")).get("inputs", [])
    return {item["doc"]: Path(item["path"]) for item in inputs if item.get("path")}


def figure_records(folder: Path) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = {}
    with (folder / "records.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("kind") == "figure":
                by_doc.setdefault(record["doc"], []).append(record)
    return by_doc


def loose_pattern(snippet: str) -> re.Pattern[str]:
    """The snippet with any whitespace allowed between characters and ％ for %, as OCR text prints them."""
    parts = ["[%％]" if char in "%％" else re.escape(char) for char in snippet if not char.isspace()]
    return re.compile(r"\s*".join(parts))


def sentence_around(text: str, snippet: str, hint: int) -> str:
    """The sentence of `text` holding `snippet`, taking the occurrence nearest the evidence offset.

    Evidence is printed in simplified characters; in a traditional text it is not found, and the record's own
    offset (which points into the text as read) is used instead."""
    spots = [(m.start(), m.end()) for m in loose_pattern(snippet).finditer(text)] if snippet else []
    if not spots and snippet and 0 <= hint < len(text):
        spots = [(hint, min(len(text), hint + len(snippet)))]
    if not spots:
        return ""
    at, stop = min(spots, key=lambda spot: abs(spot[0] - hint))
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, at)), default=0)
    end_match = SENTENCE_END.search(text, stop)
    end = end_match.end() if end_match else len(text)
    start, end = max(start, at - REACH), min(end, stop + REACH)
    return re.sub(r"\s+", " ", text[start:end]).strip()


def sources_of(row: Row, records: dict[str, list[dict]], paths: dict[str, Path]) -> list[str]:
    """One line per source of the fact: doc, and the sentence (or the evidence when the text is not at hand)."""
    docs = row.cells.get("doc", "").split(SOURCE_SEPARATOR)
    snippets = row.cells.get("evidence", "").split(SOURCE_SEPARATOR)
    lines = []
    for doc, snippet in zip(docs, snippets + [""] * (len(docs) - len(snippets)), strict=False):
        hint = next((r["evidence"]["start"] for r in records.get(doc, []) if r["evidence"]["text"] == snippet), 0)
        path = paths.get(doc)
        text = path.read_text(encoding="utf-8", errors="replace") if path and path.is_file() else ""
        sentence = sentence_around(text, snippet, hint) if text else ""
        lines.append(f"{doc}: {sentence or snippet}")
    return lines


def show(index: int, row: Row, records: dict[str, list[dict]], paths: dict[str, Path]) -> str:
    cells = "  ".join(f"{name}={row.cells[name]}" for name in CELLS if row.cells.get(name, "") != "")
    lines = [f"[{index}] {row.folder.name}", f"    {cells}"]
    lines += [f"    > {line}" for line in sources_of(row, records, paths)]
    lines.append("    judgement: right / wrong (zone, metric, period, value)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="output folders of 'extractor extract' + 'extractor table'")
    parser.add_argument("-n", "--rows", type=int, default=40, help="rows to sample (default: 40)")
    parser.add_argument("--seed", type=int, default=0, help="random seed, so the sample can be drawn again (default: 0)")
    args = parser.parse_args(argv)
    rows = [row for folder in args.folders for row in read_rows(folder)]
    records = {folder: figure_records(folder) for folder in args.folders}
    paths = {folder: input_paths(folder) for folder in args.folders}
    sample = random.Random(args.seed).sample(rows, min(args.rows, len(rows)))
    print(f"{len(sample)} of {len(rows)} rows from {', '.join(str(f) for f in args.folders)} (seed {args.seed})\n")
    for index, row in enumerate(sample, 1):
        print(show(index, row, records[row.folder], paths[row.folder]) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
