"""One builder makes a Figure from a quantity (issue 19 item 5): the rules' text and table figures and the LLM
backend's own figures all go through ``backends.build.build_figure``, which sets ``value_span`` where it knows it."""

from __future__ import annotations

from extractor.backends.build import build_figure
from extractor.backends.rules.figures import extract_figures
from extractor.domain.numbers import parse_quantity
from extractor.models import Qualifier


def test_the_builder_copies_the_reading_and_sets_the_span_it_is_given():
    quantity = parse_quantity("5万—20万元")
    assert quantity is not None
    figure = build_figure("5万—20万元", quantity, (10, 17), metric="创业资金补贴")
    assert (figure.value, figure.unit, figure.base_unit) == (quantity.value, quantity.unit, quantity.base_unit)
    assert figure.amount == quantity.amount and figure.qualifier is quantity.qualifier is Qualifier.range
    assert (figure.value_high, figure.amount_high) == (quantity.value_high, quantity.amount_high)
    assert figure.value_span is not None and (figure.value_span.start, figure.value_span.end) == (10, 17)
    assert figure.metric == "创业资金补贴"
    assert build_figure("5万—20万元", quantity).value_span is None  # no place known: none claimed


def test_fields_given_win_over_the_reading():
    quantity = parse_quantity("12万元")
    assert quantity is not None
    figure = build_figure("12", quantity, (0, 2), unit="万元（表头）", value=99.0)
    assert (figure.unit, figure.value, figure.amount) == ("万元（表头）", 99.0, quantity.amount)


def test_rules_figures_know_where_their_number_is_printed_before_the_validator_sees_them():
    text = "本报讯 今年前三季度，高新区实现营业收入325.6亿元，同比增长12.5%。\n指标 | 本月\n工业产值（亿元） | 18.2\n"
    figures = extract_figures(text, 0, len(text), [], "")
    assert {"clause", "table"} <= {figure.metric_from for figure in figures}  # a figure of the text and a table cell
    for figure in figures:
        assert figure.value_span is not None, figure.value_text
        assert text[figure.value_span.start : figure.value_span.end] == figure.value_text
