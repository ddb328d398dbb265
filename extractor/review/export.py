"""``extractor review OUT_DIR --export GOLD_DIR``: reviewed documents as gold answers (../shared/gold/GUIDE.md).

A document is exported when an editor decided on at least one of its records.
In its answer, what the editor accepted or corrected is required, what was
rejected is left out (a run that finds it again scores a false positive), and
what nobody reviewed is optional: ``extractor eval`` neither rewards nor
penalizes it, since no person vouched for it either way.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..outputs import DATABASE_FILE
from ..outputs.sqlite import Ledger

_CONTEXT = 40  # GUIDE.md: a context is 10–40 characters around the figure
_TEXT_START = 20  # GUIDE.md: a quote's first 10–20 characters


def export_gold(out_dir: Path, gold_dir: Path) -> list[Path]:
    """Write one gold file per reviewed document; the files written."""
    by_doc: dict[str, dict[str, list[dict[str, Any]]]] = {}
    with Ledger.connect(out_dir / DATABASE_FILE, readonly=True) as ledger:
        meta = {d["doc"]: d for d in ledger.documents()}
        texts: dict[str, str] = {}
        for table, row in ledger.records():
            by_doc.setdefault(row["doc"], {}).setdefault(table, []).append(row)
        for doc in by_doc:
            texts[doc] = (ledger.document_text(doc) or ("", ""))[1]
    gold_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for doc, tables in by_doc.items():
        if not any(row.get("review") for rows in tables.values() for row in rows):
            continue
        answer: dict[str, Any] = {"doc": doc}
        if meta.get(doc, {}).get("published"):
            answer["published"] = meta[doc]["published"]
        for table, convert in _CONVERTERS.items():
            kept = [row for row in tables.get(table, []) if row.get("review") != "rejected"]
            answer[table] = _unique([convert(row, texts[doc]) | _optional(row) for row in kept])
        path = gold_dir / f"{Path(doc).stem}.json"
        path.write_text(json.dumps(answer, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    return written


def _optional(row: dict[str, Any]) -> dict[str, bool]:
    return {"optional": not row.get("review")}


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Parks and initiatives are answered once per document (articles repeat them): a required copy wins."""
    seen: dict[str, dict[str, Any]] = {}
    for entry in items:
        key = json.dumps({k: v for k, v in entry.items() if k != "optional"}, ensure_ascii=False, sort_keys=True)
        if key not in seen or not entry["optional"]:
            seen[key] = entry
    return list(seen.values())


def _figure(row: dict[str, Any], text: str) -> dict[str, Any]:
    fields = ("value_text", "value", "unit", "amount", "base_unit", "qualifier", "value_high", "amount_high", "metric", "metric_key",
              "measure", "period", "period_start", "period_end", "subject")  # fmt: skip
    answer = {name: row[name] for name in fields if row.get(name) is not None}
    answer["target"] = bool(row.get("target"))
    answer["context"] = _context(row, text)
    return answer


def _context(row: dict[str, Any], text: str) -> str:
    """At most 40 characters of the evidence around the number, without whitespace (GUIDE.md's normalization)."""
    evidence = "".join(str(row.get("evidence_text") or "").split())
    value = "".join(str(row.get("value_text") or "").split())
    if len(evidence) <= _CONTEXT:
        return evidence or value
    at = evidence.rfind(value)
    end = min(len(evidence), max(at + len(value), _CONTEXT) if at != -1 else _CONTEXT)
    return evidence[max(0, end - _CONTEXT) : end]


def _quote(row: dict[str, Any], text: str) -> dict[str, Any]:
    return {"speaker": row.get("speaker", ""), "speaker_title": row.get("speaker_title", ""),
            "text_start": "".join(str(row.get("text") or "").split())[:_TEXT_START]}  # fmt: skip


def _park(row: dict[str, Any], text: str) -> dict[str, Any]:
    return {"name": row["name"], "aliases": json.loads(row.get("aliases") or "[]")}


def _initiative(row: dict[str, Any], text: str) -> dict[str, Any]:
    return {"name": row["name"], "kind": row.get("initiative_kind", "other"), "park": row.get("park", "")}


_CONVERTERS: dict[str, Callable[[dict[str, Any], str], dict[str, Any]]] = {
    "parks": _park,
    "figures": _figure,
    "quotes": _quote,
    "initiatives": _initiative,
}
