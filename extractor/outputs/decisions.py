"""The editor's decisions in records.sqlite: the ``decisions`` table, and applying them to the outputs.

The table is history (``extractor/checks/decisions.py`` says what a decision
is and how it is keyed): every decision ever taken, with who, when, what it
changed and from what. It is not part of the ledger: a fresh ``extract`` into
the folder carries it over into the new database (``carry_over``), and every
run ends by applying the decisions in force to the record tables
(``apply_decisions``) and to records.jsonl (``rewrite_jsonl``), so the CSVs
exported afterwards, ``extractor table`` and the review page all see them. A
decision whose record no longer exists is *orphaned*: kept, and reported.

The SQL is in ``sqlite.py``: this module reads and changes the database through its ``Ledger``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..checks.decisions import Decision, Key, applies_to, apply
from .columns import TABLE_NAMES, flat_value

if TYPE_CHECKING:  # the ledger calls this module at the end of a run; this module only calls the ledger it is given
    from .sqlite import Ledger

_KINDS = {table: kind for kind, table in TABLE_NAMES.items()}


@dataclass
class Applied:
    """What applying the decisions did: records under a decision, those it changed, and the decisions that found none."""

    applied: int = 0  # records under a decision in force
    changed: int = 0  # of those, the ones whose row this pass changed
    orphaned: list[Decision] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "orphaned": [{"doc": d.doc, "kind": d.kind, "text": d.text, "action": d.action, "at": d.at} for d in self.orphaned],
        }


# -- reading and writing decisions ---------------------------------------------------------


def history(ledger: Ledger, key: Key | None = None) -> list[Decision]:
    """Decisions oldest first: all of them, or those on one key."""
    return [Decision.from_row(row) for row in ledger.decision_rows(key)]


def in_force(ledger: Ledger) -> dict[Key, Decision]:
    """The latest decision on each key (a cleared one included: it puts the machine's values back)."""
    if not ledger.has_decisions():
        return {}
    latest: dict[Key, Decision] = {}
    for decision in history(ledger):
        latest[decision.key] = decision
    return latest


def record_decision(ledger: Ledger, decision: Decision, table: str, rowid: int) -> dict[str, Any]:
    """Store a decision and apply it to its record, in one transaction; the record as it now stands."""
    with ledger.transaction():  # a second editor waits here, then sees this one's decision
        ledger.add_decision(decision.row())
        row = ledger.record_row(table, rowid)
        if row is None:
            raise LookupError(f"{table}:{rowid} no longer exists (the folder was extracted again): reload")
        _update(ledger, table, rowid, row, apply(row, decision))
    return ledger.record_row(table, rowid) or {}


def kind_of(table: str) -> str:
    return _KINDS[table]


# -- applying what is in force ---------------------------------------------------------------


def apply_decisions(ledger: Ledger) -> Applied:
    """Apply every decision in force to the record tables, inside the caller's transaction; orphans reported."""
    result = Applied()
    matches, result.orphaned = _matches(ledger)
    for table, row, decision in matches:
        result.changed += _update(ledger, table, row["id"], row, apply(row, decision))
    result.applied = len(matches)
    return result


def orphans(ledger: Ledger) -> list[dict[str, Any]]:
    """The decisions in force whose record no longer exists, as the app lists them."""
    return Applied(orphaned=_matches(ledger)[1]).summary()["orphaned"]


def _matches(ledger: Ledger) -> tuple[list[tuple[str, dict[str, Any], Decision]], list[Decision]]:
    """Each record a decision in force is about, with the decision; and the decisions that found none."""
    decisions = in_force(ledger)
    if not decisions:
        return [], []
    by_document: dict[str, list[Decision]] = {}
    for decision in decisions.values():
        by_document.setdefault(decision.sha256, []).append(decision)
    found: set[Key] = set()
    matches = []
    for doc, (sha256, text) in _decided_documents(ledger, by_document).items():
        mine = by_document[sha256]
        for table in TABLE_NAMES.values():
            for row in list(ledger.rows(table, doc)):
                for decision in mine:
                    if applies_to(decision, _KINDS[table], row, text):
                        found.add(decision.key)
                        matches.append((table, row, decision))
    orphaned = [d for key, d in decisions.items() if key not in found and d.action != "clear"]
    return matches, orphaned


def _update(ledger: Ledger, table: str, rowid: int, old: dict[str, Any], new: dict[str, Any]) -> int:
    """Write the columns that changed; 1 when the row changed."""
    changed = {name: _cell(value) for name, value in new.items() if name in old and name != "id" and _cell(value) != old[name]}
    if not changed:
        return 0
    ledger.update_row(table, rowid, changed)
    return 1


def _cell(value: Any) -> Any:
    """A field's JSON value as its table cell holds it (``columns.py``)."""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return int(value)
    return flat_value(value)


# -- records.jsonl ---------------------------------------------------------------------------


def rewrite_jsonl(ledger: Ledger, path: Path, seal_name: str) -> Path | None:
    """records.jsonl with the decisions in force, written beside it; the seals in the ledger updated (caller's
    transaction). Returns the new file for the caller to move into place after its commit, or None (nothing to do)."""
    decisions = in_force(ledger)
    if not decisions or not path.exists():
        return None
    by_document: dict[str, list[Decision]] = {}
    for decision in decisions.values():
        by_document.setdefault(decision.sha256, []).append(decision)
    decided = _decided_documents(ledger, by_document)
    seals: dict[str, list[Any]] = {}
    partial = path.with_name(path.name + ".reviewed")
    with path.open("rb") as source, partial.open("wb") as target:
        for line in source:  # streamed; only the lines of documents with a decision are read as JSON
            doc = _line_doc(line)
            if doc in decided:
                sha256, text = decided[doc]
                record = json.loads(line)
                for decision in by_document[sha256]:
                    if applies_to(decision, record["kind"], record, text):
                        record = apply(record, decision)
                if record.get("review") or _reviewed(line):  # an untouched line stays byte for byte as the run wrote it
                    line = (json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")
                seal = seals.setdefault(doc, [0, hashlib.sha256()])
                seal[0] += 1
                seal[1].update(line)
            target.write(line)
    for doc, (lines, digest) in seals.items():
        stored = ledger.seals(doc)
        if stored is not None:
            stored[seal_name] = f"{lines}:{digest.hexdigest()}"
            ledger.set_seals(doc, stored)
    return partial


def _decided_documents(ledger: Ledger, by_document: dict[str, list[Decision]]) -> dict[str, tuple[str, str]]:
    """The documents some decision is about: name → (sha256, text); only their texts are held in memory."""
    names = [(doc, sha256) for doc, sha256 in ledger.document_hashes() if sha256 in by_document]
    return {doc: (sha256, (ledger.document_text(doc) or ("", ""))[1]) for doc, sha256 in names}


_DECODER = json.JSONDecoder()
_DOC_FIELD = b'"doc": '


def _line_doc(line: bytes) -> str | None:
    """The document of a records.jsonl line, read from its head (``jsonl.record_row`` puts ``doc`` second)."""
    at = line.find(_DOC_FIELD)
    if at == -1:
        return None
    try:
        doc, _ = _DECODER.raw_decode(line[at + len(_DOC_FIELD) : at + len(_DOC_FIELD) + 4096].decode("utf-8", "ignore"))
    except ValueError:
        return None
    return doc if isinstance(doc, str) else None


def _reviewed(line: bytes) -> bool:
    """A line a decision changed before (it may need putting back)."""
    return b'"review": ""' not in line
