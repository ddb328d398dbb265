import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.domain.numbers import find_quantities, format_quantity, parse_quantity
from extractor.models import Qualifier

CASES = [
    # value_text, value, unit, amount, base_unit, qualifier, value_high, amount_high
    ("739.4亿元", 739.4, "亿元", 73_940_000_000, "元", Qualifier.exact, None, None),
    ("两亿元", 2, "亿元", 200_000_000, "元", Qualifier.exact, None, None),
    ("1.3万家", 1.3, "万家", 13_000, "家", Qualifier.exact, None, None),
    ("十七条", 17, "条", 17, "条", Qualifier.exact, None, None),
    ("5万—20万元", 5, "万元", 50_000, "元", Qualifier.range, 20, 200_000),
    ("100万至5000万元", 100, "万元", 1_000_000, "元", Qualifier.range, 5000, 50_000_000),
    ("10%-50%", 10, "%", 10, "%", Qualifier.range, 50, 50),
    ("1—2个", 1, "个", 1, "个", Qualifier.range, 2, 2),
    ("13个百分点", 13, "个百分点", 13, "百分点", Qualifier.exact, None, None),
    ("1/3", 0.3333, "ratio", 0.3333, "ratio", Qualifier.exact, None, None),
    ("三分之一", 0.3333, "ratio", 0.3333, "ratio", Qualifier.exact, None, None),
    ("百分之四十", 40, "%", 40, "%", Qualifier.exact, None, None),
    ("50余个", 50, "个", 50, "个", Qualifier.lower, None, None),
    ("3100多万元", 3100, "万元", 31_000_000, "元", Qualifier.lower, None, None),
    ("5万余人", 5, "万人", 50_000, "人", Qualifier.lower, None, None),
    ("11.86万平方米", 11.86, "万平方米", 118_600, "平方米", Qualifier.exact, None, None),
    ("158亿美元", 158, "亿美元", 15_800_000_000, "美元", Qualifier.exact, None, None),
    ("1万亿元", 1, "万亿元", 1_000_000_000_000, "元", Qualifier.exact, None, None),
    ("2.5万亿元", 2.5, "万亿元", 2_500_000_000_000, "元", Qualifier.exact, None, None),
    ("三个工作日", 3, "个工作日", 3, "工作日", Qualifier.exact, None, None),
    ("3个月", 3, "个月", 3, "月", Qualifier.exact, None, None),
    ("2,000万元", 2000, "万元", 20_000_000, "元", Qualifier.exact, None, None),
    ("近万家", 1, "万家", 10_000, "家", Qualifier.approx, None, None),
    ("10GWh", 10, "GWh", 10, "GWh", Qualifier.exact, None, None),  # storage and battery capacity
    ("500MWh", 500, "MWh", 500, "MWh", Qualifier.exact, None, None),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_parse_quantity(case):
    value_text, value, unit, amount, base_unit, qualifier, value_high, amount_high = case
    quantity = parse_quantity(value_text)
    assert quantity is not None
    assert math.isclose(quantity.value, value, rel_tol=1e-9)
    assert quantity.unit == unit
    assert math.isclose(quantity.amount, amount, rel_tol=1e-9)
    assert quantity.base_unit == base_unit
    assert quantity.qualifier is qualifier
    if value_high is None:
        assert quantity.value_high is None
    else:
        assert math.isclose(quantity.value_high, value_high) and math.isclose(quantity.amount_high, amount_high)


@pytest.mark.parametrize(
    ("text", "value_text", "qualifier"),
    [
        ("总投资额约7亿元，", "7亿元", Qualifier.approx),
        ("推动科技成果就地转化超30项。", "30项", Qualifier.lower),
        ("公司还将追加投资逾50亿元", "50亿元", Qualifier.lower),
        ("90%以上移动智能终端产品", "90%", Qualifier.lower),
        ("给予不超过5亿元的支持", "5亿元", Qualifier.upper),
        ("企业上市最高奖补1000万元", "1000万元", Qualifier.upper),
        ("占比达80%左右", "80%", Qualifier.approx),
        ("在一周内帮助企业", "一周", Qualifier.upper),
        ("常住人口已突破11万，", "11万", Qualifier.lower),
        ("市场占有率不低于5%", "5%", Qualifier.lower),
        ("每晋升一位奖励100万元,最高奖励300万元;", "300万元", Qualifier.upper),  # a cap after a comma
    ],
)
def test_qualifier_cues_around_a_quantity(text, value_text, qualifier):
    [match] = [m for m in find_quantities(text) if m.value_text == value_text]
    assert match.quantity.qualifier is qualifier
    assert text[match.start : match.end] == value_text


@pytest.mark.parametrize("text", ["6月25日召开", "今年1至8月份", "第六批", "一期项目", "零部件", "“两特三新一智能”"])
def test_dates_ordinals_and_words_are_not_quantities(text):
    assert [m.value_text for m in find_quantities(text) if m.quantity.base_unit] == []


@pytest.mark.parametrize("text", ["", "亿元", "abc", "一一家", "7.7.7%"])
def test_unparseable_value_text_gives_none(text):
    assert parse_quantity(text) is None


units = st.sampled_from(["元", "万元", "亿元", "家", "万家", "个", "%", "个百分点", "万平方米", "亩", "人", "万吨", "项"])
values = st.decimals(min_value="0.01", max_value="99999", places=2, allow_nan=False, allow_infinity=False)


@given(values, units)
def test_formatted_quantity_parses_back(value, unit):
    text = format_quantity(float(value), unit)
    quantity = parse_quantity(text)
    assert quantity is not None
    assert math.isclose(quantity.value, float(value), rel_tol=1e-9)
    assert quantity.unit == unit
    multiplier = {"万": 1e4, "亿": 1e8}.get(unit[0], 1) if unit not in ("个", "个百分点") else 1
    assert math.isclose(quantity.amount, float(value) * multiplier, rel_tol=1e-9)


@given(values, values, units)
def test_ranges_parse_back(low, high, unit):
    text = format_quantity(float(low), "") + "—" + format_quantity(float(high), unit)
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.qualifier is Qualifier.range
    assert math.isclose(quantity.value, float(low)) and math.isclose(quantity.value_high, float(high))


@given(st.text(max_size=60))
def test_find_quantities_spans_match_the_text(text):
    for match in find_quantities(text):
        assert text[match.start : match.end] == match.value_text


@pytest.mark.parametrize(
    "text",
    ["发布日期:2023/1/168:44:41", "来源：http://www.chinanews.com.cn/news/2004year/2004-08-10/26/470091.shtml", "2023/0507/10840.html"],
)
def test_dates_and_paths_with_slashes_are_no_fractions(text):
    assert not [m.value_text for m in find_quantities(text) if "/" in m.value_text]


def test_a_fraction_still_reads():
    assert [m.value_text for m in find_quantities("约占全国的1/5")] == ["1/5"]


def test_numbers_listed_before_a_unit_share_it():
    text = "分别高于全国、全省平均2.9、2.3和1.3个百分点"
    found = {m.value_text: (m.quantity.amount, m.quantity.base_unit) for m in find_quantities(text)}
    assert found == {"2.9": (2.9, "百分点"), "2.3": (2.3, "百分点"), "1.3个百分点": (1.3, "百分点")}


@pytest.mark.parametrize("text", ["一、加快建设，二、推进改革", "1、加快建设2、推进改革", "第1、2批"])
def test_numbered_items_share_no_unit(text):
    """一、二 and 1、 number items, and 第1、2批 is a pair of ordinals: the first item takes no unit from the list."""
    assert not [m.value_text for m in find_quantities(text) if m.value_text in ("1", "一")]


# --- canonical Chinese numerals are read without cn2an --------------------------------------------


@settings(deadline=None)  # the first example imports cn2an
@given(st.integers(min_value=0, max_value=10**12 - 1), st.text(alphabet="零一二三四五六七八九", max_size=3))
def test_canonical_numerals_read_as_cn2an_reads_them(value, decimals):
    import cn2an

    from extractor.domain.numbers import _canonical_integer, _canonical_value

    numeral = _canonical_integer(value) + ("点" + decimals if decimals else "")
    assert _canonical_value(numeral) == float(cn2an.cn2an(numeral, "smart"))


@pytest.mark.parametrize("numeral", ["二万五", "一百五", "一百十", "十一点", "点五", "一二", "万", "二〇"])
def test_numerals_written_another_way_are_left_to_cn2an(numeral):
    from extractor.domain.numbers import _canonical_value

    assert _canonical_value(numeral) is None


def test_a_canonical_numeral_needs_no_cn2an_import():
    import subprocess
    import sys

    code = "import sys; from extractor.domain.numbers import parse_number as p; p('十七'); p('三十点五'); print('cn2an' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
    fallback = "import sys; from extractor.domain.numbers import parse_number as p; p('二万五'); print('cn2an' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", fallback], capture_output=True, text=True, check=True).stdout.strip() == "True"
