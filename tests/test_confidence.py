"""Every figure says where its labels came from and how sure they are; the eval reports accuracy per band."""

import json

import pytest

from extractor import extract_text
from extractor.checks.confidence import Labels, band, examples
from extractor.tools.evaluate import confidence_table, evaluate


def _example_id(example: dict) -> str:
    said = (example.get(key, "") for key in ("subject", "measure", "metric_scope", "metric"))
    return "-".join([*example["sources"], example["metric_key"], *said])


@pytest.mark.parametrize("example", examples(), ids=_example_id)
def test_the_data_files_examples_get_their_band(example):
    keys = ("subject", "measure", "metric_scope", "metric", "unit", "period", "published", "clause")
    said = [example.get(key, "") for key in keys]
    labels = Labels(*said)
    assert band(*example["sources"], example["metric_key"], labels=labels) == example["band"]


def test_a_number_not_verified_is_low_whatever_its_labels():
    assert band("clause", "clause", "clause", "revenue", verified=False) == "low"


def _figure(result, value_text):
    return next(f for a in result.articles for f in a.figures if f.value_text == value_text)


def test_labels_read_in_the_figures_clause_say_so_and_are_high():
    result = extract_text("2023年，南昌高新区实现营业收入1200亿元。", meta={"published": "2024-01-10"})
    figure = _figure(result, "1200亿元")
    assert (figure.subject_from, figure.metric_from, figure.period_from) == ("clause", "clause", "sentence")
    assert figure.confidence == "high"


def test_a_subject_that_only_the_document_gives_is_not_high():
    text = "南昌高新区召开大会。\n\n会议指出，2023年实现营业收入1200亿元。"
    figure = _figure(extract_text(text, meta={"published": "2024-01-10"}), "1200亿元")
    assert figure.subject == "南昌高新区" and figure.subject_from == "document"
    assert figure.confidence != "high"


def test_a_metric_no_key_names_is_not_high():
    figure = _figure(extract_text("2023年，南昌高新区举办活动36场。"), "36场")
    assert figure.metric_key == "other" and figure.confidence != "high"


def test_the_eval_counts_right_figures_and_extras_per_band(tmp_path):
    labels = {"base_unit": "元", "subject": "甲高新区", "period_end": "2023-12-31"}
    gold = {
        "doc": "d.txt",
        "figures": [
            {"value_text": "10亿元", "amount": 1e9, "metric_key": "revenue", **labels},
            {"value_text": "5亿元", "amount": 5e8, "metric_key": "profit", **labels},
        ],
    }
    (tmp_path / "d.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    common = {"kind": "figure", "doc": "d.txt", "base_unit": "元", "subject": "甲高新区", "period_end": "2023-12-31"}
    records = [
        {**common, "amount": 1e9, "metric_key": "revenue", "confidence": "high"},  # right
        {**common, "amount": 5e8, "metric_key": "revenue", "confidence": "high"},  # wrong metric
        {**common, "amount": 7e8, "metric_key": "revenue", "confidence": "medium"},  # not in the gold
    ]
    table = confidence_table(evaluate(records, tmp_path)["figures"])
    assert table["high"]["figures"] == 2 and table["high"]["accuracy"] == 0.5
    assert table["medium"]["accuracy"] == 0.0 and table["medium"]["coverage"] == pytest.approx(1 / 3, abs=1e-3)


def test_a_collective_named_by_its_place_is_not_high():
    """全市园区 is 安顺市 to one reader and the parks to another: the pipeline holds such a subject back."""
    result = extract_text("2020年，全市工业园区完成工业总产值536.77亿元。", meta={"published": "2021-03-29"})
    figure = _figure(result, "536.77亿元")
    assert figure.subject.startswith("全市") and figure.subject_from in ("clause", "sentence")
    assert figure.confidence == "medium"


def test_a_zone_named_in_the_metric_words_holds_back_a_subject_of_another_kind():
    """港区经营总收入 under 上海自贸区 (read from the sentence): the figure may be the 港区's own. (保税区 heading its clause
    is now read as a zone's kind printed alone and is the subject itself: subjects.toml bare_kinds.)"""
    text = "保税区2023年经济运行\n据上海自贸区管委会介绍，2023年，港区经营总收入2.32万亿元，增长3.5%。"
    figure = _figure(extract_text(text, meta={"published": "2024-01-20"}), "2.32万亿元")
    assert figure.subject == "上海自贸区" and figure.subject_from == "sentence" and figure.metric_key == "revenue"
    assert figure.confidence == "medium"


def test_a_count_of_the_subjects_own_kind_is_not_high():
    """3-4家国家级高新区 counts zones of a group; a subject read outside the clause may be the group or one of them."""
    text = "到2027年，国家级高新区数量实现新突破，3-4家国家级高新区综合评价排名进入全国百名以内。"
    figure = _figure(extract_text(text, meta={"published": "2023-08-01"}), "3-4家")
    assert (figure.subject, figure.subject_from, figure.metric_key) == ("国家高新区", "sentence", "parks")
    assert figure.confidence == "medium"


def test_a_level_in_a_unit_its_key_is_never_counted_in_is_not_high():
    """12个 before 重点传统制造业增加值: a value added is money, so the 12 counts something else; its growth stays high."""
    result = extract_text("2024年，南昌高新区12个重点传统制造业增加值增长4.8%。", meta={"published": "2025-01-10"})
    count, growth = _figure(result, "12个"), _figure(result, "4.8%")
    assert count.metric_key == growth.metric_key == "industrial_value_added"
    assert (count.subject_from, count.metric_from) == ("clause", "clause")
    assert count.confidence == "medium" and growth.confidence == "high"


def test_a_channel_named_as_the_subject_is_not_high():
    """跨境电商平台进出口: the trade went through the platform; whose it is, the subject does not say."""
    result = extract_text("2024年，南昌高新区跨境电商平台进出口增长21.5%。", meta={"published": "2025-01-10"})
    figure = _figure(result, "21.5%")
    assert figure.subject.endswith("平台") and figure.subject_from == "clause" and figure.metric_key == "trade"
    assert figure.confidence == "medium"


def test_a_list_of_quantities_left_whole_before_respectively_is_not_high():
    """…等各项指标同比依次增长43.1%、33.9%: while the metric words still hold the list, the key one item gave is said of
    every value; a list split item by item (营业收入、工业总产值分别增长…) keeps its figures high."""
    whole = (
        "今年上半年，中西部16个国家级开发区工业总产值、工业增加值、税收收入、实际利用外资金额等各项指标同比依次增长"
        "43.1%、33.9%、35.5%和23.8%。"
    )
    figure = _figure(extract_text(whole, meta={"published": "2004-08-10"}), "33.9%")
    assert "、" in figure.metric and figure.subject_from == "clause" and figure.metric_key != "other"
    assert figure.confidence == "medium"
    split = "2023年，南昌高新区营业收入、工业总产值分别增长12.1%、9.8%。"
    figure = _figure(extract_text(split, meta={"published": "2024-01-10"}), "9.8%")
    assert figure.metric == "工业总产值" and figure.confidence == "high"


def test_this_year_in_a_text_published_in_january_is_not_high():
    """A review published in January says 今年 of the year just ended: the publication's year is a guess then."""
    text = "2023年，南昌高新区实现营业收入1200亿元。今年以来，南昌高新区实现税收收入85亿元。"
    january = _figure(extract_text(text, meta={"published": "2024-01-12"}), "85亿元")
    assert january.period == "今年以来" and january.metric_key == "tax" and january.subject_from == "clause"
    assert january.confidence == "medium"
    assert _figure(extract_text(text, meta={"published": "2024-01-12"}), "1200亿元").confidence == "high"
    assert _figure(extract_text(text, meta={"published": "2024-07-12"}), "85亿元").confidence == "high"


def test_a_list_left_whole_with_respectively_in_the_clause_is_not_high():
    """受理数、案损数分别下降16%、36%: the clause of 16% is 案损数分别下降16%, the metric words keep both items; the 36%
    is lent them. Neither is high while the list stays whole."""
    text = "2025年，浙江省电信网络诈骗案件受理数、案损数分别下降16%、36%。"
    result = extract_text(text, meta={"published": "2026-01-20"})
    first, second = _figure(result, "16%"), _figure(result, "36%")
    assert "、" in first.metric and first.subject_from == "clause" and first.metric_key != "other"
    assert "分别" in first.evidence.text and second.metric_from == "sentence"
    assert first.confidence == second.confidence == "medium"


def test_a_zone_kind_heading_the_clause_holds_back_an_inherited_subject():
    """园区规上工业总产值 in a city's report: the 园区's figure, not the city's; the city's own 规上工业总产值 stays high."""
    text = (
        "玉林市2025年政府工作报告\n\n一、2024年工作回顾\n\n2024年，全市经济稳中有进。"
        "园区规上工业总产值突破1000亿元，规上工业总产值增长8.1%。"
    )
    result = extract_text(text, meta={"published": "2025-02-10"})
    zone, city = _figure(result, "1000亿元"), _figure(result, "8.1%")
    assert zone.subject == city.subject == "玉林市" and zone.subject_from == "heading"
    assert zone.evidence.text.startswith("园区") and zone.confidence == "medium"
    assert city.confidence == "high"


def test_a_money_key_counting_things_is_not_high():
    """出口集装箱3159个 counts containers: the exports' key names a value in money."""
    result = extract_text("2022年，霍尔果斯综保区跨境电商累计出口集装箱3159个，出口额12亿元。", meta={"published": "2023-02-10"})
    containers, money = _figure(result, "3159个"), _figure(result, "12亿元")
    assert containers.metric_key == "exports" and containers.subject_from == "clause"
    assert containers.confidence == "medium"
    assert money.metric_key == "exports" and money.confidence == "high"
