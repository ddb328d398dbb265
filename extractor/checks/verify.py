"""Step 7, verify: check every record against the source text, whichever backend made it.

This is the product's promise: a number marked ``verified`` is printed in the
text, with that value, unit and magnitude, at that place. The validator never
trusts the evidence a backend sends: it looks for the figure's value_text in
the document itself (inside the evidence, else just around it; anywhere when
the evidence is empty or not in the text),
accepts a place only where the printed quantity is whole there (39.4亿元 is not
found inside 739.4亿元, 2 not inside 2万, 5万 not inside 5万—20万元), reads
the quantity at that place with its sign and qualifier cues, and compares
everything the record claims: amount, value and unit, base unit, sign,
qualifier and both range ends. The place it found becomes ``value_span``, and
the evidence is widened to contain it. When the caller passes the normalized
text's offset map, the printed number is also checked against the raw file.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from ..domain.numbers import (
    QUANTITY,
    UNIT_START,
    Quantity,
    canonical_base_unit,
    parse_quantity,
    qualifier_from_cues,
    shared_cue_after,
    shared_unit,
    split_unit,
)
from ..models import Evidence, Figure, Initiative, Park, Qualifier, Quote, Record, Span, Status
from ..text.normalize import NormalizedText, fold_characters
from ..text.tables import is_growth_word, unit_source

_DIGITS = set("0123456789")
_CHINESE_NUMERALS = set("零〇一二两三四五六七八九十百千万亿")
_MULTIPLIER_CHARS = set("十百千万亿")
_RANGE_SEPARATORS = set("—–-~～至到")
_SIGNS = {"-", "−", "负"}
_PRINTED_UNITS = {"元", "美元", "欧元", "港元", "日元", "英镑", "%", "‰", "百分点", "ratio"}  # never implied, always printed
_NEAR = 20  # how far around a located evidence that misses the value to look for it
_CLAUSE_MARK = re.compile(r"[，,、：:；;。！？\n]")
_PLAIN_NUMBER = re.compile(r"[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|[-−]?\d+(?:\.\d+)?%?")  # what a table cell may print


class Verdict(NamedTuple):
    status: Status
    evidence: Evidence | None
    reason: str = ""
    value_span: Span | None = None


def verify(record: Record, text: str, source: NormalizedText | None = None) -> Record:
    """Return a copy of the record with ``status`` (and reason, evidence, value_span) set."""
    verdict = check(record, text, source)
    update: dict = {"status": verdict.status, "status_reason": verdict.reason, "evidence": verdict.evidence or record.evidence}
    if isinstance(record, Figure):
        update["value_span"] = verdict.value_span
    return record.model_copy(update=update)


def verify_in_place(record: Record, text: str, source: NormalizedText | None = None) -> None:
    """Set the verdict on a record this run created and nobody else holds."""
    verdict = check(record, text, source)
    record.status = verdict.status
    record.status_reason = verdict.reason
    if verdict.evidence is not None and verdict.evidence is not record.evidence:
        record.evidence = verdict.evidence
    if isinstance(record, Figure):
        record.value_span = verdict.value_span


def check(record: Record, text: str, source: NormalizedText | None = None) -> Verdict:
    """The record's verdict against ``text`` (the normalized document)."""
    evidence = locate(record.evidence, text)
    if isinstance(record, Figure):
        return _check_figure(record, text, evidence, source)
    if evidence is None:
        return Verdict(Status.not_found, None, "evidence not in the text")
    if isinstance(record, Quote):
        if record.text and record.text in evidence.text:
            return Verdict(Status.verified, evidence)
        return Verdict(Status.not_found, evidence, "quote text not in its evidence")
    if isinstance(record, (Park, Initiative)):
        names = (record.name, *record.aliases) if isinstance(record, Park) else (record.name,)  # an official name may not be printed
        if any(name in evidence.text or name in text for name in names):
            return Verdict(Status.verified, evidence)
        return Verdict(Status.not_found, evidence, "name not in the text")
    return Verdict(Status.unchecked, evidence)


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


# ---- figures -----------------------------------------------------------------------------------


def _check_figure(figure: Figure, text: str, evidence: Evidence | None, source: NormalizedText | None) -> Verdict:
    value_text = "".join(figure.value_text.split())
    if not value_text:
        return Verdict(Status.not_found, evidence, "no value_text")
    if figure.unit_span is not None:  # a table cell: the number in the cell, its unit in a header
        header_unit = text[figure.unit_span.start : figure.unit_span.end]
        if header_unit != figure.unit and not (figure.unit == "%" and is_growth_word(header_unit)):
            return Verdict(Status.mismatch, evidence, f"unit: header prints {header_unit!r}, record {figure.unit!r}")
        if not _PLAIN_NUMBER.fullmatch(value_text):
            return Verdict(Status.not_found, evidence, f"table cell {value_text!r} is no plain number (damaged): not read")
        places = whole_places(value_text, text, evidence)
        if not places or not any(_header_holds(text, place, figure.unit_span, figure.unit) for place in places):
            return Verdict(Status.not_found, evidence, f"{value_text} is not a cell whose header or 单位 line gives {header_unit}")
        parsed = parse_quantity(value_text + figure.unit)
    else:
        parsed = parse_quantity(value_text)
    if parsed is None:
        return Verdict(Status.mismatch if value_text in text else Status.not_found, evidence, f"cannot read {value_text!r} as a quantity")
    places = whole_places(value_text, text, evidence)
    if not places:
        reason = f"{value_text} printed only inside a longer number" if value_text in text else f"{value_text} not in the text"
        return Verdict(Status.not_found, evidence, reason)
    first_reason = ""
    for start in places:
        end = start + len(value_text)
        reason = disagreement(figure, reading_at(text, start, end, parsed)) or _raw_disagreement(value_text, start, end, source)
        if not reason:
            return Verdict(Status.verified, _containing(evidence, text, start, end), "", Span(start=start, end=end))
        first_reason = first_reason or reason
    start, end = places[0], places[0] + len(value_text)
    return Verdict(Status.mismatch, _containing(evidence, text, start, end), first_reason, Span(start=start, end=end))


def _header_holds(text: str, place: int, span: Span, unit: str) -> bool:
    """The unit stands in a header of the cell at ``place`` (its row's first cell or its column's header cell),
    is the % of a growth word its header ends with, or is its table's 单位 line's while no header prints one."""
    return bool(unit_source(text, place, unit, span.start, span.end))


def whole_places(value_text: str, text: str, evidence: Evidence | None) -> list[int]:
    """Where value_text stands whole in the document: inside the evidence (last first), then near it, then anywhere."""
    if evidence is None:
        return _occurrences(value_text, text, 0, len(text))
    inside = _occurrences(value_text, text, evidence.start, evidence.end)
    if inside:
        return inside[::-1]
    # Evidence that stands in the text but misses the value: only just around it (a clause cut short), never a
    # printing elsewhere that belongs to another statement.
    low, high = max(0, evidence.start - _NEAR), min(len(text), evidence.end + _NEAR)
    return sorted(_occurrences(value_text, text, low, high), key=lambda place: abs(place - evidence.start))


def _occurrences(value_text: str, text: str, low: int, high: int) -> list[int]:
    found = []
    position = text.find(value_text, low, high)
    while position != -1:
        if is_whole(text, position, position + len(value_text)):
            found.append(position)
        position = text.find(value_text, position + 1, high)
    return found


def is_whole(text: str, start: int, end: int) -> bool:
    """The quantity printed at [start, end) is whole: nothing numeric or unit-like continues it on either side."""
    return _clean_left(text, start) and _clean_right(text, start, end)


def _clean_left(text: str, start: int) -> bool:
    if start == 0:
        return True
    before, first = text[start - 1], text[start]
    earlier = text[start - 2] if start >= 2 else ""
    if before in _SIGNS and not (earlier in _DIGITS or earlier in _CHINESE_NUMERALS):
        return True  # a sign: read as part of the quantity (reading_at), not a boundary failure
    if before in ".,点" and (earlier in _DIGITS or earlier in _CHINESE_NUMERALS):
        return False  # the tail of a decimal or of a number with thousands separators
    if before in "/／" and earlier in _DIGITS:
        return False  # 3 of 1/3: the denominator of a ratio
    if first in _DIGITS and (before in _DIGITS or before in _MULTIPLIER_CHARS or before == "零"):
        return False  # 739.4 → 39.4; 3亿2000万 → 2000万
    if first in _CHINESE_NUMERALS and (before in _CHINESE_NUMERALS or before in _DIGITS):
        return False  # 三十五 → 五; 3千 → 千
    if before in _RANGE_SEPARATORS and (earlier in _DIGITS or earlier in _CHINESE_NUMERALS or earlier in "%元"):
        return not _range_reaches(text, start)  # 5万—20万元: 20万元 alone is one end of a range
    return True


def _range_reaches(text: str, start: int) -> bool:
    """A quantity the grammar reads from a little earlier runs through ``start`` (a range around it)."""
    for earlier in range(max(0, start - 12), start - 1):
        match = QUANTITY.match(text, earlier)
        if match and match.end() > start and match.groupdict().get("hi"):
            return True
    return False


def _clean_right(text: str, start: int, end: int) -> bool:
    if end >= len(text):
        return True
    after, last = text[end], text[end - 1]
    following = text[end + 1] if end + 1 < len(text) else ""
    if after in _DIGITS and (last in _DIGITS or last in _MULTIPLIER_CHARS or last in "零点."):
        return False
    if after in ".," and following in _DIGITS and last in _DIGITS:
        return False  # 1 of 1,234 or 12 of 12.5
    if after in "/／" and following in _DIGITS and last in _DIGITS:
        return False  # 1 of 1/3: the numerator of a ratio
    ends_in_numeral = last in _DIGITS or last in _CHINESE_NUMERALS
    if ends_in_numeral and (after in _CHINESE_NUMERALS or after == "点"):
        return False  # 2 of 2万, 三十 of 三十五, 十三 of 十三点五
    if ends_in_numeral and ((after.isascii() and after.isalpha()) or UNIT_START.match(text, end)):
        return False  # no unit in value_text, but one follows: 12 of 12家, 600 of 600MW
    here = QUANTITY.match(text, start)
    if here is None or here.end() < end:
        return not QUANTITY.fullmatch(text, start, end)  # 50年 of 50年代: the unit's guard says it is no unit here
    return here.end() == end  # 3个 of 3个月, 5万 of 5万—20万元


def reading_at(text: str, start: int, end: int, parsed: Quantity) -> Quantity:
    """What the document prints at [start, end): the parsed value_text with the sign and cue words around it."""
    quantity = parsed
    if not quantity.unit and (unit := shared_unit(text, end)):  # 2.9 of 2.9、2.3和1.3个百分点: the list's unit
        quantity = parse_quantity(text[start:end] + unit) or quantity
    before = text[start - 1] if start else ""
    if before in _SIGNS and text[start : start + 1] not in _SIGNS and quantity.amount > 0:
        quantity = _negated(quantity)
    qualifier = qualifier_from_cues(text[max(0, start - 6) : start], text[end : end + 6], quantity)
    if qualifier is Qualifier.exact:
        qualifier = shared_cue_after(text, end) or qualifier
    return quantity._replace(qualifier=qualifier) if qualifier is not quantity.qualifier else quantity


def _negated(quantity: Quantity) -> Quantity:
    high = {} if quantity.value_high is None else {"value_high": -quantity.value_high, "amount_high": -(quantity.amount_high or 0)}
    return quantity._replace(value=-quantity.value, amount=-quantity.amount, **high)


def disagreement(figure: Figure, printed: Quantity) -> str:
    """Why the record does not say what the text prints ("" when it does)."""
    if _sign(printed.amount) != _sign(figure.amount):
        return f"sign: text {_signed(printed.amount)}, record {_signed(figure.amount)}"
    text_base, record_base = canonical_base_unit(printed.base_unit), canonical_base_unit(figure.base_unit)
    # 三大, 第四位, 千亿级: a loosely read word is no measuring unit; the annotator's base unit stands.
    if printed.loose:
        text_base = ""
    compared = (text_base and not printed.loose) or record_base in _PRINTED_UNITS
    if compared and text_base != record_base and not _implied_yuan(printed, record_base):
        return f"base unit: text {text_base or '(none)'}, record {record_base or '(none)'}"
    if not _same(printed.amount, figure.amount):
        return f"amount: text {printed.amount:g}, record {figure.amount:g}"
    if not _same(printed.value, figure.value) and not _consistent_rewrite(figure, printed):
        return f"value: text {printed.value:g} {printed.unit}, record {figure.value:g} {figure.unit}"
    if figure.unit and split_unit(figure.unit)[0] != split_unit(printed.unit)[0] and not _consistent_rewrite(figure, printed):
        return f"unit: text {printed.value:g} {printed.unit}, record {figure.value:g} {figure.unit}"  # 7 万元 where 7亿元 is printed
    if printed.qualifier is not figure.qualifier and not _compatible_qualifiers(printed.qualifier, figure.qualifier):
        return f"qualifier: text {printed.qualifier}, record {figure.qualifier}"
    if not _same(printed.amount_high, figure.amount_high) or (figure.value_high is None) != (printed.value_high is None):
        return f"range high end: text {_maybe(printed.amount_high)}, record {_maybe(figure.amount_high)}"
    return ""


def _implied_yuan(printed: Quantity, record_base: str) -> bool:
    """48万亿营收, 超百亿: a bare 万/亿 amount in a headline is yuan unless it says otherwise."""
    bare = not printed.base_unit or printed.loose
    return record_base == "元" and bare and printed.unit.startswith(("万", "亿", "千亿", "百亿", "千万", "百万"))


def _consistent_rewrite(figure: Figure, printed: Quantity) -> bool:
    """3.2亿元 written as 32000万元: the same amount, a value and unit that agree with it."""
    multiplier, base = split_unit(figure.unit)
    return canonical_base_unit(base) == canonical_base_unit(printed.base_unit) and _same(figure.value * multiplier, printed.amount)


def _compatible_qualifiers(printed: Qualifier, claimed: Qualifier) -> bool:
    """近 reads as approx, and annotators also write it as an upper bound; nothing else is interchangeable."""
    return {printed, claimed} == {Qualifier.approx, Qualifier.upper}


def _raw_disagreement(value_text: str, start: int, end: int, source: NormalizedText | None) -> str:
    """The raw file prints the same number at the place the offset map gives (normalization changed nothing)."""
    if source is None or not source.raw or end > len(source.text):
        return ""
    raw_start, raw_end = source.raw_span(start, end)
    printed = source.raw[raw_start:raw_end]
    if printed == value_text:
        return ""  # the raw characters are the normalized ones (value_text has no space): folding leaves them so
    raw = "".join(fold_characters(printed).split())
    return "" if raw == value_text else f"raw text prints {raw!r} there"


def _containing(evidence: Evidence | None, text: str, start: int, end: int) -> Evidence:
    """The evidence, widened to contain the value; the value's clause when the evidence is absent or far away."""
    if evidence is not None and evidence.start <= start and end <= evidence.end:
        return evidence
    if evidence is not None and abs(evidence.start - start) <= 200:
        low, high = min(evidence.start, start), max(evidence.end, end)
    else:
        marks = list(_CLAUSE_MARK.finditer(text, max(0, start - 40), start))
        low, high = (marks[-1].end() if marks else max(0, start - 40)), end
    return Evidence(start=low, end=high, text=text[low:high])


# ---- one printed number, one figure ------------------------------------------------------------


def settle_shared_numbers(figures: list[Figure]) -> None:
    """One printed number supports one figure: a verified figure left with no number of its own becomes mismatch.

    A model that attaches 15亿元 to 年税收 in "年产值达15亿元，年税收1.5亿元" finds that
    number in its evidence, but the number already supports 年产值. Places are
    keyed by where the printed number starts, so 15亿元 and a record writing the
    same number another way compete for the same place. Figures with the fewest
    places (then the tightest evidence) choose first, nearest the evidence end first.
    """
    claims = []
    for figure in figures:
        if figure.status is not Status.verified or figure.evidence is None or figure.value_span is None:
            continue
        value_text = "".join(figure.value_text.split())
        places = _agreeing_places(figure, value_text)
        tightness = figure.evidence.end - figure.value_span.end
        claims.append((len(places), tightness, places, figure))
    taken: set[int] = set()
    for _count, _tightness, places, figure in sorted(claims, key=lambda claim: claim[:2]):
        free = [place for place in places if place not in taken]
        if free:
            taken.add(free[0])
            figure.value_span = Span(start=free[0], end=free[0] + figure.value_span.end - figure.value_span.start)
        else:
            figure.status = Status.mismatch
            figure.status_reason = "the printed number already supports another figure"


def _agreeing_places(figure: Figure, value_text: str) -> list[int]:
    """Places inside the figure's evidence where its number stands and reads as it claims (its value_span first)."""
    evidence = figure.evidence
    assert evidence is not None and figure.value_span is not None
    parsed = parse_quantity(value_text)
    places = [figure.value_span.start]
    offset = evidence.text.rfind(value_text)
    while offset != -1:
        place = evidence.start + offset
        if place != figure.value_span.start and _agrees_in_evidence(evidence.text, offset, value_text, figure, parsed):
            places.append(place)
        offset = evidence.text.rfind(value_text, 0, offset)
    return places


def _agrees_in_evidence(span: str, offset: int, value_text: str, figure: Figure, parsed: Quantity | None) -> bool:
    end = offset + len(value_text)
    return parsed is not None and is_whole(span, offset, end) and not disagreement(figure, reading_at(span, offset, end, parsed))


# ---- small helpers ------------------------------------------------------------------------------


def _sign(number: float) -> int:
    return (number > 0) - (number < 0)


def _signed(number: float) -> str:
    return "-" if number < 0 else "+"


def _maybe(number: float | None) -> str:
    return "none" if number is None else f"{number:g}"


def _same(found: float | None, claimed: float | None) -> bool:
    if found is None or claimed is None:
        return found is None and claimed is None
    return math.isclose(found, claimed, rel_tol=1e-6, abs_tol=1e-4)
