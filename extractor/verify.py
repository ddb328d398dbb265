"""Step 7, verify: check every record against the source text, whichever backend made it.

This is the product's promise: a number that is not in the text never comes out
``verified``. A figure is verified only when its value_text occurs in the
document inside its evidence span, on a number boundary (39.4亿元 is not found
inside 739.4亿元), and re-parses to the value and amount the record claims.
"""

from __future__ import annotations

import math

from .models import Evidence, Figure, Initiative, Park, Quote, Record, Status
from .numbers import parse_quantity

_NUMERAL_CHARS = set("0123456789.,零〇一二两三四五六七八九十百千万亿")


def verify(record: Record, text: str) -> Record:
    """Return a copy of the record with ``status`` set (and its evidence re-anchored if it was misplaced)."""
    status, evidence = check(record, text)
    return record.model_copy(update={"status": status, "evidence": evidence or record.evidence})


def verify_in_place(record: Record, text: str) -> None:
    """Set ``status`` (and re-anchored evidence) on a record this run created and nobody else holds."""
    status, evidence = check(record, text)
    record.status = status
    if evidence is not None and evidence is not record.evidence:
        record.evidence = evidence


def check(record: Record, text: str) -> tuple[Status, Evidence | None]:
    """The record's status against ``text``, and its evidence as a true span of ``text`` (None if absent)."""
    evidence = locate(record.evidence, text)
    if evidence is None:
        return Status.not_found, None
    if isinstance(record, Figure):
        status = _figure_status(record, evidence)
    elif isinstance(record, Quote):
        status = Status.verified if record.text and record.text in evidence.text else Status.not_found
    elif isinstance(record, (Park, Initiative)):
        names = (record.name, *record.aliases) if isinstance(record, Park) else (record.name,)  # a park's official name may not be printed
        status = Status.verified if any(name in evidence.text or name in text for name in names) else Status.not_found
    else:
        status = Status.unchecked
    return status, evidence


def locate(evidence: Evidence | None, text: str) -> Evidence | None:
    """The evidence as a true span of ``text``: as given, or at the first place its text occurs."""
    if evidence is None or not evidence.text:
        return None
    if 0 <= evidence.start <= evidence.end <= len(text) and text[evidence.start : evidence.end] == evidence.text:
        return evidence
    position = text.find(evidence.text)
    if position == -1:
        return None
    return Evidence(start=position, end=position + len(evidence.text), text=evidence.text)


def _figure_status(figure: Figure, evidence: Evidence) -> Status:
    value_text = "".join(figure.value_text.split())
    if not value_text or not _number_positions(value_text, evidence.text):
        return Status.not_found
    parsed = parse_quantity(value_text)
    if parsed is None:
        return Status.mismatch
    claims = [(parsed.value, figure.value), (parsed.amount, figure.amount)]
    if figure.value_high is not None or parsed.value_high is not None:
        claims.append((parsed.value_high, figure.value_high))
    if all(_same(found, claimed) for found, claimed in claims):
        return Status.verified
    return Status.mismatch


def _number_positions(value_text: str, span: str) -> list[int]:
    """Every place value_text stands in span as a whole number (not the tail of a longer one)."""
    found = []
    position = span.find(value_text)
    while position != -1:
        before = span[position - 1] if position else ""
        if before in ".," and not (position >= 2 and span[position - 2].isdigit()):
            before = ""  # punctuation, not a decimal point or thousands separator
        end = position + len(value_text)
        after = span[end] if end < len(span) else ""
        starts_clean = before not in _NUMERAL_CHARS or value_text[0] not in _NUMERAL_CHARS
        ends_clean = not (value_text[-1].isdigit() and (after.isdigit() or after == "."))
        if starts_clean and ends_clean:
            found.append(position)
        position = span.find(value_text, position + 1)
    return found


def settle_shared_numbers(figures: list[Figure]) -> None:
    """One printed number supports one figure: a verified figure left with no number of its own becomes mismatch.

    A model that attaches 15亿元 to 年税收 in "年产值达15亿元，年税收1.5亿元" finds that
    number in its evidence, but the number already supports 年产值. Each figure
    gets one of the places its value_text stands in its evidence, figures with
    the fewest places (then the tightest evidence) choosing first, the place
    nearest the end of the evidence first.
    """
    claims = []
    for figure in figures:
        if figure.status is not Status.verified or figure.evidence is None:
            continue
        value_text = "".join(figure.value_text.split())
        places = [figure.evidence.start + offset for offset in _number_positions(value_text, figure.evidence.text)]
        if places:
            tightness = figure.evidence.end - places[-1] - len(value_text)
            claims.append((len(places), tightness, value_text, places, figure))
    taken: set[tuple[int, str]] = set()
    for _count, _tightness, value_text, places, figure in sorted(claims, key=lambda claim: claim[:2]):
        free = [place for place in reversed(places) if (place, value_text) not in taken]
        if free:
            taken.add((free[0], value_text))
        else:
            figure.status = Status.mismatch


def _same(found: float | None, claimed: float | None) -> bool:
    if found is None or claimed is None:
        return found is None and claimed is None
    return math.isclose(found, claimed, rel_tol=1e-6, abs_tol=1e-4)
