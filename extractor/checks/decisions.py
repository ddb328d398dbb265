"""An editor's decisions as data: what they are keyed by, and what they do to a record.

A decision is keyed by what does not change when the document is extracted
again, by another version of the rules or another backend: the document's
content hash (sha256 of its input bytes, as the ledger stores it), the record's
kind, and the place it was printed: a figure's ``value_span``, any other
record's evidence, as start, end and the text there.

Decisions are history: a new one never overwrites an old one. The latest
decision on a key is the one in force; undoing inserts a new decision that
restores the state before. Each decision carries its full state: ``changes``
(every field the editor set, with its new value) and ``before`` (the machine's
value of every field a decision on this key ever changed), so applying one is
idempotent, and a record that an earlier decision changed can be put back.

Nothing here touches a database (``extractor/outputs/decisions.py`` does):
records are dicts with the model's field names, as records.jsonl and the
tables hold them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError

from ..domain.numbers import parse_quantity
from ..errors import ExtractorError
from ..knowledge import metric_keys
from ..models import RECORD_TYPES, Figure, Record, Status
from .verify import check

ACTIONS = ("accept", "reject", "correct", "clear")
# The fields an editor may set, per record kind; a figure's number goes through the validator (``correct_number``).
EDITABLE: dict[str, tuple[str, ...]] = {
    "figure": ("subject", "metric_key", "measure", "target", "period_start", "period_end", "value_text"),
    "park": ("name",),
    "initiative": ("name", "initiative_kind", "park"),
    "quote": ("speaker", "speaker_title"),
}
_ZONE_FIELDS = {"figure": "subject", "initiative": "park"}  # the field whose zone gives the record its park_id
_NUMBER_FIELDS = ("value", "unit", "amount", "base_unit", "qualifier", "value_high", "amount_high", "status", "status_reason")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_REVIEWED_CONFIDENCE = "high"  # a record an editor accepted or corrected is as sure as a record gets

Key = tuple[str, str, int | None, int | None, str]  # sha256, kind, start, end, text


class DecisionError(ExtractorError, ValueError):
    """A decision that cannot be taken as asked; the message says why (the validator's reason for a number)."""


@dataclass
class Decision:
    sha256: str
    kind: str
    start: int | None
    end: int | None
    text: str
    action: str  # accept | reject | correct | clear
    changes: dict[str, Any] = field(default_factory=dict)
    before: dict[str, Any] = field(default_factory=dict)
    editor: str = ""
    at: str = ""
    doc: str = ""  # the document's name when the decision was taken: for people, not for matching
    undoes: int | None = None  # the decision this one undoes (it restores the state before that one)
    moved: list[list[int]] = field(default_factory=list)  # every place a corrected number moved the record to
    id: int | None = None

    @property
    def key(self) -> Key:
        return (self.sha256, self.kind, self.start, self.end, self.text)

    @property
    def review(self) -> str:
        """The record's review state under this decision."""
        if self.action == "clear":
            return ""
        if self.action == "reject":
            return "rejected"
        return "corrected" if any(name not in _DERIVED for name in self.changes) else "accepted"

    def row(self) -> tuple:
        """The decisions table's row (``extractor/outputs/decisions.py``), without the id."""
        return (
            self.sha256, self.kind, self.start, self.end, self.text, self.action,
            _dump(self.changes), _dump(self.before), self.editor, self.at, self.doc, self.undoes, json.dumps(self.moved),
        )  # fmt: skip

    @classmethod
    def from_row(cls, row: tuple) -> Decision:
        """The inverse of ``row``, with the id first."""
        id_, sha256, kind, start, end, text, action, changes, before, editor, at, doc, undoes, moved = row
        loaded = (json.loads(changes), json.loads(before))
        return cls(sha256, kind, start, end, text, action, *loaded, editor, at, doc, undoes, json.loads(moved or "[]"), id_)


_DERIVED = {"confidence"}  # fields a decision sets by itself: they do not make an accepted record "corrected"


def _dump(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- where a record was printed ----------------------------------------------------------


def place(kind: str, record: dict[str, Any], text: str) -> tuple[int | None, int | None, str]:
    """Where the record was printed: a figure's value_span, else its evidence; a record with neither, by its words."""
    span = _span(record.get("value_span")) if kind == "figure" else None
    if span is not None and 0 <= span[0] <= span[1] <= len(text):
        return span[0], span[1], text[span[0] : span[1]]
    evidence = _evidence(record)
    if evidence is not None:
        return evidence
    return None, None, str(record.get("name") or record.get("text") or record.get("value_text") or "")


def key_of(sha256: str, kind: str, record: dict[str, Any], text: str) -> Key:
    return (sha256, kind, *place(kind, record, text))


def _span(value: Any) -> tuple[int, int] | None:
    if isinstance(value, str) and value:
        value = json.loads(value)
    if isinstance(value, dict) and value.get("start") is not None:
        return int(value["start"]), int(value["end"])
    return None


def _evidence(record: dict[str, Any]) -> tuple[int, int, str] | None:
    """Evidence as JSONL nests it, or as the tables spread it."""
    nested = record.get("evidence")
    if isinstance(nested, dict):
        return nested["start"], nested["end"], nested["text"]
    if record.get("evidence_start") is not None:
        return record["evidence_start"], record["evidence_end"], record["evidence_text"]
    return None


# -- applying a decision -------------------------------------------------------------------


def apply(record: dict[str, Any], decision: Decision) -> dict[str, Any]:
    """The record as the decision leaves it (a new dict): the machine's values back where an earlier decision
    changed them, then the editor's."""
    out = dict(record)
    if out.get("review"):  # an earlier decision changed this row: start again from the machine's values
        out.update({name: value for name, value in decision.before.items() if name in out})
    if decision.action != "clear":
        out.update({name: value for name, value in decision.changes.items() if name in out})
    out["review"] = decision.review
    return out


def applies_to(decision: Decision, kind: str, record: dict[str, Any], text: str) -> bool:
    """Whether the record is the one the decision is about: at the decision's place, or (a number an editor moved)
    at the place the decision moved it to."""
    if decision.kind != kind:
        return False
    here = place(kind, record, text)
    if here == (decision.start, decision.end, decision.text):
        return True
    return record.get("review", "") != "" and list(here[:2]) in decision.moved


# -- taking a decision ---------------------------------------------------------------------


def decide(
    kind: str,
    record: dict[str, Any],
    machine: dict[str, Any],
    key: Key,
    action: str,
    fields: dict[str, Any],
    text: str,
    previous: Decision | None,
    editor: str,
    doc: str,
) -> Decision:
    """A new decision on the record (``record``: as it stands; ``machine``: the machine's values of it).

    Corrections add to the previous decision's; a corrected number must be printed in the text, which the
    validator checks (DecisionError with its reason otherwise).
    """
    if action not in ("accept", "reject", "correct"):
        raise DecisionError(f"unknown action {action!r}: accept, reject or correct")
    changes = dict(previous.changes) if previous is not None and previous.action != "clear" else {}
    if action == "correct":
        changes.update(_corrections(kind, machine, fields, text))
        if not any(name not in _DERIVED for name in changes):
            raise DecisionError("nothing to correct: no field differs from the record's")
    model = RECORD_TYPES[kind]
    if action in ("accept", "correct") and "confidence" in model.model_fields:
        changes["confidence"] = _REVIEWED_CONFIDENCE
    elif action == "reject":
        changes.pop("confidence", None)
    before = dict(previous.before) if previous is not None else {}
    typed = model.model_validate(_model_fields(machine, model))  # a table's 0/1 and JSON text as the model's values
    for name in changes:
        before.setdefault(name, _plain(getattr(typed, name)))
    moved = _moved(previous, changes)
    return Decision(*key, action=action, changes=changes, before=before, editor=editor, at=now(), doc=doc, moved=moved)


def _moved(previous: Decision | None, changes: dict[str, Any]) -> list[list[int]]:
    """The places the record may stand at: those of earlier decisions, and where a corrected number now puts it."""
    moved = list(previous.moved) if previous is not None else []
    span = _span(changes.get("value_span"))
    if span is not None and list(span) not in moved:
        moved.append(list(span))
    return moved


def undone(history: list[Decision], editor: str, doc: str) -> Decision:
    """The decision that undoes the latest one still standing in ``history`` (oldest first): it restores the state
    before that one, or no decision at all. Undoing again goes further back, as in an editor."""
    standing: list[Decision] = []
    for decision in history:
        if decision.undoes is not None:
            if standing:
                standing.pop()
        else:
            standing.append(decision)
    if not standing:
        raise DecisionError("nothing to undo on this record")
    latest = standing[-1]
    action, changes = (standing[-2].action, dict(standing[-2].changes)) if len(standing) > 1 else ("clear", {})
    before, moved = dict(history[-1].before), list(history[-1].moved)
    undo = Decision(*latest.key, action=action, changes=changes, before=before, editor=editor, at=now(), doc=doc, moved=moved)
    undo.undoes = latest.id or 0
    return undo


def _corrections(kind: str, machine: dict[str, Any], fields: dict[str, Any], text: str) -> dict[str, Any]:
    """The editor's fields as a checked change: each validated by the model, a number by the validator."""
    allowed = EDITABLE.get(kind, ())
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise DecisionError(f"{', '.join(unknown)}: not a field an editor can correct on a {kind} ({', '.join(allowed)})")
    changes = {name: value for name, value in fields.items() if name != "value_text" and value != machine.get(name)}
    if kind == "figure":
        _check_metric_key(changes.get("metric_key"))
        for name in ("period_start", "period_end"):
            if name in changes and changes[name] and not _ISO_DATE.fullmatch(str(changes[name])):
                raise DecisionError(f"{name} {changes[name]!r} is not an ISO date (2024-06-30) nor empty")
        value_text = "".join(str(fields.get("value_text", "")).split())
        if value_text and value_text != machine.get("value_text"):
            changes.update(correct_number(machine, value_text, text))
    link = _ZONE_FIELDS.get(kind)
    if link in changes:  # the zone a corrected subject or park names: the facts table groups by it
        changes["park_id"] = zone_id(str(changes[link]), text)
    model = RECORD_TYPES[kind]
    try:
        checked = model.model_validate(_model_fields(machine, model) | changes)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise DecisionError(problems) from None
    return {name: _plain(getattr(checked, name)) for name in changes}


def zone_id(spelling: str, text: str) -> str:
    """The park_id of a spelling in this document, as extraction gives it (identity.py); "" when it names no zone."""
    from .identity import DocumentZones

    identity = DocumentZones(text).resolve_subject(spelling) if spelling else None
    return identity.park_id if identity is not None else ""


def correct_number(machine: dict[str, Any], value_text: str, text: str) -> dict[str, Any]:
    """A figure's new number: read, then checked against the document by the validator; refused with its reason."""
    quantity = parse_quantity(value_text)
    if quantity is None:
        raise DecisionError(f"cannot read {value_text!r} as a quantity")
    figure = Figure.model_validate(_model_fields(machine, Figure))
    read = {name: value for name, value in quantity._asdict().items() if name in Figure.model_fields}
    candidate = figure.model_copy(update={"value_text": value_text, **read})
    verdict = check(candidate, text)
    if verdict.status is not Status.verified:
        raise DecisionError(f"the validator refuses {value_text}: {verdict.reason or verdict.status.value}")
    changes: dict[str, Any] = {"value_text": value_text, "status": Status.verified.value, "status_reason": ""}
    changes.update({name: _plain(getattr(candidate, name)) for name in _NUMBER_FIELDS if name not in changes})
    if verdict.value_span is not None:
        changes["value_span"] = verdict.value_span.model_dump()
    return changes


def _check_metric_key(metric_key: Any) -> None:
    if metric_key is None:
        return
    if metric_key not in metric_keys():
        raise DecisionError(f"metric_key {metric_key!r} is not in the lexicon (extractor/data/metrics.toml) nor 'other'")


def _model_fields(record: dict[str, Any], model: type[Record]) -> dict[str, Any]:
    """A record dict (a table row or a JSON line) as the model's fields."""
    fields = {name: record[name] for name in model.model_fields if name in record and name != "evidence"}
    evidence = _evidence(record)
    if evidence is not None:
        fields["evidence"] = {"start": evidence[0], "end": evidence[1], "text": evidence[2]}
    for name in ("value_span", "aliases"):
        if isinstance(fields.get(name), str):
            fields[name] = json.loads(fields[name]) if fields[name] else None
    if fields.get("value_span") is None:
        fields.pop("value_span", None)
    return fields


def _plain(value: Any) -> Any:
    """A field's value as JSON holds it."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value.value if isinstance(value, Enum) else value
