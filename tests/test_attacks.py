"""The attack suite: wrong figures built the way an attacker would, none of which may come out verified.

From every correct figure (the seeds' gold files, and the figures read by hand
from the shared corpus articles in tests/data/corpus_figures.jsonl) it builds
wrong records — a dropped leading digit, ×10, a swapped currency, a cut
multiplier, a flipped sign, a numeral prefix, a moved range end, a neighbour's
number, a changed qualifier — each sent with attacker-chosen evidence: the
number alone, none, the right clause, or a clause ending at the wrong number.
None may be verified; every correct figure must be.

A wrong value_text that the document really prints elsewhere as a whole
quantity is not an attack (it is true somewhere) and is skipped.

Run as a script to print the counts by kind: ``python tests/test_attacks.py``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from extractor.checks.verify import verify
from extractor.domain.numbers import UNITS
from extractor.models import Evidence, Figure, Qualifier, Status
from extractor.text.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS_FIGURES = ROOT / "tests" / "data" / "corpus_figures.jsonl"
CURRENCIES = ["美元", "欧元", "港元", "日元", "英镑", "元"]
MULTIPLIER_PREFIXES = ["万亿", "千亿", "千万", "百万", "亿", "万", "千"]
_NUMERAL = re.compile(r"-?[\d,.]*\d|[零〇一二两三四五六七八九十百千万亿点]+")
_NUMERAL_CHARS = set("0123456789.,零〇一二两三四五六七八九十百千万亿点")
_FIELDS = ("value_text", "value", "unit", "amount", "base_unit", "qualifier", "value_high", "amount_high")


@dataclass(frozen=True)
class Case:
    """A correct figure in a document, with where its printed number and its clause stand."""

    doc: str
    text: str
    figure: Figure
    start: int  # of value_text in text
    clause: Evidence


def _evidence(text: str, start: int, end: int) -> Evidence:
    return Evidence(start=start, end=end, text=text[start:end])


def _clean_at(text: str, start: int, end: int) -> bool:
    """value_text stands at [start, end) as a whole printed quantity (judged here independently of the validator)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    ends_in_numeral = text[end - 1] in _NUMERAL_CHARS
    if before in _NUMERAL_CHARS | {"-", "负"} or (ends_in_numeral and after in _NUMERAL_CHARS):
        return False
    return not (ends_in_numeral and (after in "%‰" or (after.isascii() and after.isalpha()) or text.startswith(tuple(UNITS), end)))


def _printed_somewhere(text: str, value_text: str) -> bool:
    position = text.find(value_text)
    while position != -1:
        if _clean_at(text, position, position + len(value_text)):
            return True
        position = text.find(value_text, position + 1)
    return False


def _cases(doc: str, text: str, figures: list[dict]) -> Iterator[Case]:
    for item in figures:
        context, value_text = item["context"], item["value_text"]
        context_start = text.find(context)
        if context_start == -1:
            raise AssertionError(f"{doc}: context {context!r} not in the normalized text")
        offsets = [m.start() for m in re.finditer(re.escape(value_text), context)]
        clean = [o for o in offsets if _clean_at(text, context_start + o, context_start + o + len(value_text))]
        start = context_start + (clean or offsets)[0]
        fields = {key: item[key] for key in _FIELDS if item.get(key) is not None}
        figure = Figure(**fields, evidence=_evidence(text, context_start, context_start + len(context)))
        yield Case(doc, text, figure, start, figure.evidence)


def seed_cases() -> list[Case]:
    cases = []
    for gold_path in sorted((SEEDS / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = normalize((SEEDS / gold["doc"]).read_text(encoding="utf-8")).text
        cases.extend(_cases(gold["doc"], text, gold["figures"]))
    return cases


def corpus_cases(directory: Path) -> list[Case]:
    """The hand-read figures of the shared corpus (tests/data/corpus_figures.jsonl) in their articles in ``directory``."""
    by_doc: dict[str, list[dict]] = {}
    for line in CORPUS_FIGURES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            by_doc.setdefault(item["doc"], []).append(item)
    cases = []
    for doc, figures in by_doc.items():
        text = normalize((directory / doc).read_text(encoding="utf-8")).text
        cases.extend(_cases(doc, text, figures))
    return cases


# ---- the attacks -------------------------------------------------------------------------------


def _split(value_text: str) -> tuple[str, str]:
    """(numeral, rest): 739.4亿元 → (739.4, 亿元)."""
    match = _NUMERAL.match(value_text)
    return (match.group(), value_text[match.end() :]) if match else ("", value_text)


def _changed(figure: Figure, **update) -> Figure:
    return figure.model_copy(update=update)


def _wrong_records(case: Case, neighbours: list[Case]) -> Iterator[tuple[str, Figure, int | None]]:
    """(kind, wrong figure, where its wrong value_text ends in the text if it stands there)."""
    figure = case.figure
    numeral, rest = _split(figure.value_text)
    end = case.start + len(figure.value_text)
    arabic = bool(re.fullmatch(r"-?[\d,.]+", numeral))
    scale = figure.amount / figure.value if figure.value else 1.0
    if arabic and len(numeral.replace(",", "").replace(".", "")) >= 2 and numeral[1].isdigit():
        shorter = numeral[1:]
        value = float(shorter.replace(",", ""))
        yield "drop_leading_digit", _changed(figure, value_text=shorter + rest, value=value, amount=value * scale), end
    yield "times_ten", _changed(figure, value=figure.value * 10, amount=figure.amount * 10), end
    if arabic:
        bigger = f"{float(numeral.replace(',', '')) * 10:g}"
        yield "times_ten", _changed(figure, value_text=bigger + rest, value=figure.value * 10, amount=figure.amount * 10), None
    if figure.base_unit in CURRENCIES:
        other = "美元" if figure.base_unit == "元" else "元"
        yield "swap_currency", _changed(figure, unit=figure.unit.replace(figure.base_unit, other), base_unit=other), end
        swapped = figure.value_text.replace(figure.base_unit, other)
        yield (
            "swap_currency",
            _changed(figure, value_text=swapped, unit=figure.unit.replace(figure.base_unit, other), base_unit=other),
            None,
        )
    multiplier = next((m for m in MULTIPLIER_PREFIXES if rest.startswith(m)), "")
    if multiplier:
        bare_unit = rest[len(multiplier) :]
        yield "cut_multiplier", _changed(figure, unit=bare_unit, amount=figure.value), end
        yield "cut_multiplier", _changed(figure, value_text=numeral, unit="", base_unit="", amount=figure.value), case.start + len(numeral)
        if rest != multiplier:
            cut = numeral + multiplier
            yield "cut_multiplier", _changed(figure, value_text=cut, unit=multiplier, base_unit=""), case.start + len(cut)
    if figure.amount:
        yield "flip_sign", _changed(figure, value=-figure.value, amount=-figure.amount), end
        yield "flip_sign", _changed(figure, value_text="-" + figure.value_text, value=-figure.value, amount=-figure.amount), None
    for cut in range(1, len(numeral)):
        prefix = numeral[:cut]
        if prefix[-1] in ".,点" or prefix in "-":
            continue
        try:
            value = float(prefix.replace(",", "")) if arabic else _chinese_value(prefix)
        except ValueError:
            continue
        yield "numeral_prefix", _changed(figure, value_text=prefix, value=value, unit="", amount=value, base_unit=""), case.start + cut
        yield "numeral_prefix", _changed(figure, value_text=prefix + rest, value=value, amount=value * scale), None
    if figure.value_high is not None and figure.amount_high is not None:
        yield "move_range_end", _changed(figure, value_high=figure.value_high * 2, amount_high=figure.amount_high * 2), end
        yield "move_range_end", _changed(figure, value=figure.value / 2, amount=figure.amount / 2), end
    else:
        yield "move_range_end", _changed(figure, qualifier=Qualifier.range, value_high=figure.value * 2, amount_high=figure.amount * 2), end
    for neighbour in neighbours:
        other = neighbour.figure
        if other.amount != figure.amount:
            yield (
                "neighbour_number",
                _changed(figure, value=other.value, unit=other.unit, amount=other.amount, base_unit=other.base_unit),
                end,
            )
    claimed = Qualifier.lower if figure.qualifier is Qualifier.exact else Qualifier.exact
    if figure.qualifier is not Qualifier.range:
        yield "change_qualifier", _changed(figure, qualifier=claimed), end


def _chinese_value(numeral: str) -> float:
    import cn2an

    return float(cn2an.cn2an(numeral.replace("两", "二"), "smart"))


def _evidences(case: Case, wrong: Figure, wrong_end: int | None) -> Iterator[tuple[str, Evidence | None]]:
    text = case.text
    position = text.find(wrong.value_text, max(0, case.start - 2))
    if position == -1:
        position = max(0, text.find(wrong.value_text))
    yield "number_alone", Evidence(start=position, end=position + len(wrong.value_text), text=wrong.value_text)
    yield "empty", None
    yield "right_clause", case.clause
    if wrong_end is not None and wrong_end > case.clause.start:
        yield "ending_at_wrong_number", _evidence(text, case.clause.start, wrong_end)


def attacks(cases: list[Case]) -> Iterator[tuple[str, str, Case, Figure]]:
    """(kind, evidence kind, case, wrong record with its evidence)."""
    by_doc: dict[str, list[Case]] = {}
    for case in cases:
        by_doc.setdefault(case.doc, []).append(case)
    for doc_cases in by_doc.values():
        for index, case in enumerate(doc_cases):
            neighbours = [c for c in doc_cases[max(0, index - 1) : index + 2] if c is not case]
            for kind, wrong, wrong_end in _wrong_records(case, neighbours):
                if wrong.value_text != case.figure.value_text and _printed_somewhere(case.text, wrong.value_text):
                    continue  # true somewhere in the document: not a wrong record
                for evidence_kind, evidence in _evidences(case, wrong, wrong_end):
                    yield kind, evidence_kind, case, wrong.model_copy(update={"evidence": evidence})


def verified_attacks(cases: list[Case]) -> tuple[Counter, Counter, list[tuple[str, str, Figure]]]:
    """(attacks tried by kind, verified by kind, the verified ones).

    A record that keeps the printed value_text but changes a claim (qualifier,
    amount) may be verified at another place that prints the same value_text
    and says what it claims (6% appears twice, once after 超): the validator
    then moves value_span there. That is a true record, not a leak; it is
    counted under "<kind> (elsewhere)" and the place must print value_text.
    """
    tried: Counter = Counter()
    passed: Counter = Counter()
    leaks = []
    for kind, evidence_kind, case, wrong in attacks(cases):
        tried[kind] += 1
        checked = verify(wrong, case.text)
        if checked.status is not Status.verified:
            continue
        span = checked.value_span
        moved = span is not None and span.start != case.start and wrong.value_text == case.figure.value_text
        if moved and case.text[span.start : span.end] == wrong.value_text:
            passed[f"{kind} (elsewhere)"] += 1
            continue
        passed[kind] += 1
        leaks.append((kind, evidence_kind, wrong))
    return tried, passed, leaks


def false_alarms(cases: list[Case]) -> list[tuple[Case, Figure]]:
    checked = [(case, verify(case.figure, case.text)) for case in cases]
    return [(case, result) for case, result in checked if result.status is not Status.verified]


# ---- the tests ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> list[Case]:
    return seed_cases()


@pytest.fixture(scope="module")
def corpus(shared) -> list[Case]:
    cases = corpus_cases(shared.need("corpus"))
    assert cases  # tests/data/corpus_figures.jsonl is in the repository
    return cases


def _describe(leaks: list[tuple[str, str, Figure]]) -> str:
    return "\n".join(
        f"{kind} / {evidence}: {f.value_text} value={f.value} unit={f.unit} amount={f.amount}" for kind, evidence, f in leaks[:20]
    )


def test_every_correct_seed_figure_is_verified(seeds):
    alarms = false_alarms(seeds)
    assert not alarms, [(c.doc, c.figure.value_text, r.status, r.status_reason) for c, r in alarms]


def test_no_attack_on_the_seeds_is_verified(seeds):
    tried, _passed, leaks = verified_attacks(seeds)
    assert set(tried) >= {"drop_leading_digit", "times_ten", "swap_currency", "cut_multiplier", "flip_sign", "numeral_prefix"}
    assert not leaks, _describe(leaks)


def test_every_correct_corpus_figure_is_verified(corpus):
    alarms = false_alarms(corpus)
    assert not alarms, [(c.doc, c.figure.value_text, r.status, r.status_reason) for c, r in alarms]


def test_no_attack_on_the_corpus_is_verified(corpus):
    _tried, _passed, leaks = verified_attacks(corpus)
    assert not leaks, _describe(leaks)


if __name__ == "__main__":
    from conftest import SHARED  # this file's folder is on the path when it runs as a script

    corpus_folder = SHARED.find("corpus")
    for name, cases in (("seeds", seed_cases()), ("corpus", corpus_cases(corpus_folder) if corpus_folder else [])):
        tried, passed, _ = verified_attacks(cases)
        alarms = false_alarms(cases)
        print(f"{name}: {len(cases)} correct figures, {len(alarms)} not verified (false alarms)")
        for kind in sorted(tried):
            elsewhere = passed[f"{kind} (elsewhere)"]
            print(f"  {kind:22} {passed[kind]:5} verified of {tried[kind]:5}" + (f"  (+{elsewhere} true elsewhere)" if elsewhere else ""))
        leaked = sum(count for kind, count in passed.items() if "elsewhere" not in kind)
        print(f"  {'total':22} {leaked:5} verified of {sum(tried.values()):5}")
