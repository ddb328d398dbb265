"""The review queue: every record as an item, in the order that puts first what most needs a person.

First the figures the validator did not verify (their number is in doubt), then
the records whose labels the machine is least sure of (``confidence`` "low"; a
record without that field counts as "medium"), then the rest; within each group
in input order. The app filters the queue by document, zone, metric_key and
status, and counts the reviewed items against those left to review.
"""

from __future__ import annotations

from typing import Any

from ..checks.decisions import EDITABLE, place
from ..models import RECORD_TYPES

DEFAULT_CONFIDENCE = "medium"  # what a record without a confidence field counts as
GROUPS = ("figures not verified", "low-confidence labels", "the rest")


def confidence(row: dict[str, Any]) -> str:
    return str(row.get("confidence") or DEFAULT_CONFIDENCE)


def group(kind: str, row: dict[str, Any]) -> int:
    """0: a figure not verified; 1: a low-confidence record; 2: the rest."""
    if kind == "figure" and row.get("status") != "verified":
        return 0
    if confidence(row) == "low":
        return 1
    return 2


def item(table: str, kind: str, row: dict[str, Any], position: int, text: str) -> dict[str, Any]:
    """A record as the app shows it: where to highlight, what to filter on, what an editor may change."""
    start, end, printed = place(kind, row, text)
    evidence = (row.get("evidence_start"), row.get("evidence_end"))
    return {
        "id": f"{table}:{row['id']}",
        "kind": kind,
        "doc": row["doc"],
        "article": row["article"],
        "position": position,
        "place": [start, end, printed],  # the key of its decisions (with the document's sha256)
        "sentence": list(evidence) if evidence[0] is not None else [start, end],
        "status": row.get("status", ""),
        "confidence": confidence(row),
        "review": row.get("review", ""),
        "zone": _zone(kind, row),
        "metric_key": row.get("metric_key", ""),
        "label": _label(kind, row),
        "fields": {name: _typed(kind, name, row.get(name)) for name in EDITABLE.get(kind, ()) if name in row},
        "reason": row.get("status_reason", ""),
        "group": group(kind, row),
    }


def ordered(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda i: (i["group"], i["position"], i["article"], i["place"][0] if i["place"][0] is not None else -1))


def progress(items: list[dict[str, Any]]) -> dict[str, int]:
    reviewed = sum(bool(i["review"]) for i in items)
    return {"reviewed": reviewed, "to_review": len(items) - reviewed}


def _typed(kind: str, name: str, value: Any) -> Any:
    """A table cell as the model's value: the tables hold a bool as 0/1."""
    return bool(value) if RECORD_TYPES[kind].model_fields[name].annotation is bool else value


def _zone(kind: str, row: dict[str, Any]) -> str:
    if kind == "figure":
        return str(row.get("subject") or "")
    if kind == "initiative":
        return str(row.get("park") or "")
    if kind == "park":
        return str(row.get("name") or "")
    return ""


def _label(kind: str, row: dict[str, Any]) -> str:
    if kind == "figure":
        return f"{row.get('metric') or row.get('metric_key')} {row.get('value_text')}"
    if kind == "quote":
        return f"{row.get('speaker') or '?'}: {str(row.get('text') or '')[:30]}"
    return str(row.get("name") or "")
