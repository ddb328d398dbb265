from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from extractor.checks.verify import verify
from extractor.models import Evidence, Figure, Quote, Status
from extractor.text.normalize import normalize

TEXT = "南昌高新区生产总值739.4亿元，同比增长8.0%。“我们搬到南昌高新区，很重要的原因就是产业集群。”李杰欣说。"


def figure(value_text: str, value: float, amount: float, evidence_text: str = "南昌高新区生产总值739.4亿元") -> Figure:
    start = TEXT.find(evidence_text)
    return Figure(
        value_text=value_text,
        value=value,
        unit="亿元",
        amount=amount,
        base_unit="元",
        evidence=Evidence(start=start, end=start + len(evidence_text), text=evidence_text),
    )


def test_a_figure_in_its_evidence_is_verified():
    assert verify(figure("739.4亿元", 739.4, 73_940_000_000), TEXT).status is Status.verified


def test_a_perturbed_number_is_not_found():
    assert verify(figure("793.4亿元", 793.4, 79_340_000_000), TEXT).status is Status.not_found


def test_a_wrong_value_for_a_real_value_text_is_a_mismatch():
    assert verify(figure("739.4亿元", 793.4, 79_340_000_000), TEXT).status is Status.mismatch
    assert verify(figure("739.4亿元", 739.4, 7_394_000_000), TEXT).status is Status.mismatch


def test_the_tail_of_a_longer_number_is_not_found():
    assert verify(figure("39.4亿元", 39.4, 3_940_000_000), TEXT).status is Status.not_found


def test_made_up_evidence_is_replaced_by_the_place_the_number_is_printed():
    fake = Figure(
        value_text="8.0%",
        value=8.0,
        unit="%",
        amount=8.0,
        base_unit="%",
        evidence=Evidence(start=0, end=10, text="同比增长80.0%"),
    )
    checked = verify(fake, TEXT)
    assert checked.status is Status.verified
    span = checked.value_span
    assert TEXT[span.start : span.end] == "8.0%"
    assert checked.evidence.start <= span.start < span.end <= checked.evidence.end
    absent = fake.model_copy(update={"value_text": "80.0%", "value": 80.0, "amount": 80.0})
    assert verify(absent, TEXT).status is Status.not_found


def test_misplaced_evidence_is_re_anchored():
    record = figure("739.4亿元", 739.4, 73_940_000_000)
    moved = record.model_copy(update={"evidence": Evidence(start=40, end=40 + len(record.evidence.text), text=record.evidence.text)})
    checked = verify(moved, TEXT)
    assert checked.status is Status.verified
    assert TEXT[checked.evidence.start : checked.evidence.end] == checked.evidence.text


def test_quotes_must_match_verbatim():
    words = "我们搬到南昌高新区，很重要的原因就是产业集群。"
    start = TEXT.find(words)
    quote = Quote(text=words, speaker="李杰欣", evidence=Evidence(start=start, end=start + len(words), text=words))
    assert verify(quote, TEXT).status is Status.verified
    altered = quote.model_copy(update={"text": words.replace("南昌", "北京"), "evidence": Evidence(start=0, end=3, text="编造的")})
    assert verify(altered, TEXT).status is Status.not_found


@given(st.floats(min_value=0.01, max_value=1e6, allow_nan=False), st.text(alphabet="0123456789.亿万元%", min_size=1, max_size=8))
def test_nothing_absent_from_the_text_is_ever_verified(value, value_text):
    record = Figure(
        value_text=value_text,
        value=value,
        unit="",
        amount=value,
        base_unit="",
        evidence=Evidence(start=0, end=len(TEXT), text=TEXT),
    )
    checked = verify(record, TEXT)
    if checked.status is Status.verified:
        assert value_text in checked.evidence.text


def test_a_comma_before_a_number_is_punctuation_not_a_separator():
    text = "从2018年落户青岛高新区,3年的发展取得如此成绩"
    record = Figure(value_text="3年", value=3, unit="年", amount=3, base_unit="年", evidence=Evidence(start=0, end=len(text), text=text))
    assert verify(record, text).status is Status.verified
    separated = "投资1,500万元"
    tail = Figure(
        value_text="500万元",
        value=500,
        unit="万元",
        amount=5e6,
        base_unit="元",
        evidence=Evidence(start=0, end=len(separated), text=separated),
    )
    assert verify(tail, separated).status is Status.not_found


def test_one_printed_number_supports_one_figure():
    from extractor.checks.verify import settle_shared_numbers

    text = "预计年产值达15亿元，年税收1.5亿元"
    honest = Figure(
        value_text="15亿元",
        value=15,
        unit="亿元",
        amount=1.5e9,
        base_unit="元",
        metric="年产值",
        evidence=Evidence(start=0, end=10, text=text[:10]),
    )
    borrowed = Figure(
        value_text="15亿元",
        value=15,
        unit="亿元",
        amount=1.5e9,
        base_unit="元",
        metric="年税收",
        evidence=Evidence(start=0, end=len(text), text=text),
    )
    figures = [verify(borrowed, text), verify(honest, text)]
    assert all(f.status is Status.verified for f in figures)  # each on its own finds 15亿元 in its evidence
    settle_shared_numbers(figures)
    assert [f.status for f in figures] == [Status.mismatch, Status.verified]


LIST = "全区规上工业增加值分别高于全国、全省、全市平均2.9、2.3和1.3个百分点，投资分别为1.2、13.4亿元。"


def _listed(value_text: str, value: float, unit: str, amount: float, base_unit: str) -> Figure:
    return Figure(value_text=value_text, value=value, unit=unit, amount=amount, base_unit=base_unit)


def test_a_number_listed_before_the_one_that_prints_the_unit_shares_it():
    """2.9、2.3和1.3个百分点: 2.9 is printed with the list's unit, 1.2、13.4亿元: with its multiplier too."""
    assert verify(_listed("2.9", 2.9, "个百分点", 2.9, "百分点"), LIST).status is Status.verified
    assert verify(_listed("1.2", 1.2, "亿元", 1.2e8, "元"), LIST).status is Status.verified


def test_a_listed_number_claimed_with_another_unit_or_magnitude_is_a_mismatch():
    assert verify(_listed("2.9", 2.9, "%", 2.9, "%"), LIST).status is Status.mismatch
    assert verify(_listed("1.2", 1.2, "万元", 1.2e4, "元"), LIST).status is Status.mismatch


def test_the_tail_of_a_listed_number_is_still_not_found():
    assert verify(_listed("3.4", 3.4, "亿元", 3.4e8, "元"), LIST).status is Status.not_found  # inside 13.4亿元


def test_a_number_the_raw_file_prints_otherwise_at_the_mapped_place_is_a_mismatch():
    """The cross-check against the raw file: were normalization ever to change a number, the offset map leads
    from the normalized text back to the raw file's own number, and the record is not verified."""
    raw = "南昌高新区生产总值 739.4 亿元，\n同比增长8.0%。"
    source = normalize(raw)
    start = source.text.find("739.4亿元")
    claim = Figure(
        value_text="739.4亿元",
        value=739.4,
        unit="亿元",
        amount=73_940_000_000,
        base_unit="元",
        evidence=Evidence(start=start, end=start + 7, text="739.4亿元"),
    )
    raw_start, raw_end = source.raw_span(start, start + 7)
    assert raw[raw_start:raw_end] == "739.4 亿元"  # the map leads to the printed number, spaces and all
    assert verify(claim, source.text, source).status is Status.verified
    misread = replace(source, raw=raw[:raw_start] + "793.4 亿元" + raw[raw_end:])  # same map, another number printed there
    checked = verify(claim, source.text, misread)
    assert checked.status is Status.mismatch
    assert "793.4" in checked.status_reason
