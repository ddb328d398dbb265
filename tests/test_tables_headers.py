"""Tables printed as text whose header is not one plain row: a header on two lines, month columns, a unit column,
serial numbers before the row headers, a markdown rule; and the page around such a table (issue 18, item 1)."""

from extractor import extract_text
from extractor.text.normalize import normalize
from extractor.text.segment import segment
from extractor.text.tables import find_tables, table_cells, unit_source

# A monthly progress table: the header's second line (增长%) stands under its last column (累计), a 注 line under it.
TWO_LINE_HEADER = (
    "1、工业生产 | | |\n本月 | 1-6月累计 | 累计 | |\n增长% | | |\n工业总产值(亿元) | 12.5 | 80.3 | 6.1 |\n"
    "税收收入(亿元) | 2.1 | 15.0 | 3.2 |\n#出口交货值(亿元) | 4.4 | 30.8 | 9.9 |\n注:绝对数按现行价计算。| | |\n"
)


def _cells(raw: str) -> dict[str, object]:
    text = normalize(raw).text
    return {c.cell.text: c for rows in find_tables(text, 0, len(text)) for c in table_cells(rows)}


def test_a_header_on_two_lines_gives_the_rate_column_its_percent_and_the_months_their_period():
    cells = _cells(TWO_LINE_HEADER)
    assert (cells["6.1"].unit, cells["6.1"].period) == ("%", "1-6月")  # never the row's 亿元
    assert (cells["80.3"].unit, cells["80.3"].period) == ("亿元", "1-6月")
    assert cells["9.9"].metric.startswith("出口交货值")  # # marks a part of the row above, not a heading


def test_the_header_lines_stay_lines_and_a_marked_row_splits_no_article():
    text = normalize(TWO_LINE_HEADER).text
    assert "\n增长%" in text and "累计||\n" in text
    assert len(segment(text)) == 1


def test_a_rows_level_unit_is_never_verified_for_a_cell_under_a_rate_column():
    text = normalize(TWO_LINE_HEADER).text
    unit_at, cell_at = text.find("亿元"), text.find("6.1")
    assert unit_source(text, cell_at, "亿元", unit_at, unit_at + 2) == ""
    assert unit_source(text, text.find("80.3"), "亿元", unit_at, unit_at + 2) == "header"


def test_the_figures_of_a_two_line_header_table_are_verified_with_their_own_units():
    result = extract_text(TWO_LINE_HEADER, meta={"published": "2021-07-20"})
    figures = {f.value_text: f for article in result.articles for f in article.figures}
    assert len(result.articles) == 1
    assert (figures["6.1"].unit, figures["6.1"].status.value) == ("%", "verified")
    assert figures["80.3"].period_end == "2021-06-30"


def test_a_unit_column_gives_each_row_its_unit_and_a_rate_column_its_percent():
    rows = (("工业增加值", "亿元", "―", "3.0"), ("零售总额", "亿元", "631.38", "-7.8"), ("工业用电量", "亿千瓦时", "52.1", "4.4"))
    raw = "2020年1-6月主要经济指标\n指标\n|\n单位\n|\n累计\n|\n±%\n|\n" + "".join(
        f"{name}\n|\n{unit}\n|\n{level}\n|\n{rate}\n|\n" for name, unit, level, rate in rows
    )
    cells = _cells(raw)
    assert (cells["631.38"].unit, cells["-7.8"].unit, cells["52.1"].unit, cells["3.0"].unit) == ("亿元", "%", "亿千瓦时", "%")
    figures = {f.value_text: f for a in extract_text(raw, meta={"published": "2020-07-29"}).articles for f in a.figures}
    assert figures["52.1"].status.value == "verified" and figures["52.1"].period_end == "2020-06-30"


def test_serial_numbers_and_a_markdown_rule_do_not_head_the_rows():
    raw = "| 地区 | 当月产量(万吨) | 累计增长(%) |\n|---|---|---|\n| 1 | 北京市 | 0.02 | -22.25 |\n| 2 | 天津市 | 3.77 | -3.85 |\n"
    cells = _cells(raw)
    assert (cells["3.77"].subject, cells["3.77"].unit, cells["-3.85"].unit) == ("天津市", "万吨", "%")
    assert "---" not in cells


def test_a_price_basis_in_brackets_is_no_unit():
    raw = "生产总值指数(可比价) | 2001 | 2002 |\n生产总值 | 106.1 | 113.8 |\n第一产业 | 94.9 | 116.3 |\n"
    assert all(c.unit != "可比价" for c in _cells(raw).values())


def test_a_table_page_without_these_shapes_reads_as_before():
    """Counter-example: a one-row header with years keeps its cells' row units (no rate column, no months)."""
    cells = _cells("指标 | 2004 | 2005\n营业总收入(亿元) | 27446 | 34416\n从业人员(万人) | 448.4 | 521.2\n")
    assert (cells["34416"].unit, cells["34416"].period, cells["521.2"].unit) == ("亿元", "2005年", "万人")


def test_a_caption_naming_the_indicator_gives_a_place_by_month_table_its_metric_and_unit():
    raw = (
        "指标:工业增加值_同比增长(%) | | |\n地区 | 2020年11月 | 2020年10月 |\n河北省 | 8.7 | 10 |\n山西省 | 10.7 | 12.6 |\n"
        "注:1.从2011年起,规模以上工业企业起点标准提高。 | | |\n"
    )
    cells = _cells(raw)
    assert (cells["12.6"].unit, cells["12.6"].subject, cells["12.6"].period) == ("%", "山西省", "2020年10月")
    figures = {f.value_text: f for a in extract_text(raw, meta={"published": "2020-12-25"}).articles for f in a.figures}
    assert (figures["12.6"].status.value, figures["12.6"].period_end) == ("verified", "2020-10-31")


def test_a_caption_without_a_unit_names_no_indicator():
    """Counter-example: 2022年全区生产总值 above a place table gives neither unit nor metric to its period cells."""
    cells = _cells("2022年全区生产总值 | | |\n地区 | 2020年11月 | 2020年10月 |\n河北省 | 8.7 | 10 |\n山西省 | 10.7 | 12.6 |\n")
    assert all(not c.unit for c in cells.values())


def test_a_second_table_keeps_the_header_row_it_repeats_from_the_first():
    raw = (
        "一、工业\n指标 | 本月 | 1-9月累计 | 同比增长(%) |\n工业总产值(亿元) | 12.5 | 80.3 | 6.1 |\n税收收入(亿元) | 2.1 | 15.0 | 3.2 |\n"
        "二、投资\n指标 | 本月 | 1-9月累计 | 同比增长(%) |\n固定资产投资(亿元) | 22.5 | 180.3 | 8.1 |\n"
        "工业投资(亿元) | 9.1 | 65.0 | 4.2 |\n"
    )
    assert normalize(raw).text.count("指标|本月|1-9月累计|同比增长(%)|") == 2
    cells = _cells(raw)
    assert (cells["8.1"].unit, cells["180.3"].period) == ("%", "1-9月")


def test_a_paragraph_printed_twice_is_still_kept_once():
    """Counter-example: prose repeated by a page's layout (no cells) is dropped as before."""
    line = "全区规模以上工业增加值同比增长6.1%,高于全市平均水平。"
    assert normalize(f"{line}\n{line}\n").text.count(line) == 1


def test_a_cell_that_prints_its_own_unit_is_read_with_it_and_verified():
    raw = "本月 | 1-8月累计 | 累计 |\n增长% | | |\n亏损面(%) | —— | 24.61 | 1.54个百分点 |\n利润总额(亿元) | —— | 192.59 | 17.0 |\n"
    figures = {f.value_text: f for a in extract_text(raw, meta={"published": "2021-09-20"}).articles for f in a.figures}
    own = figures["1.54个百分点"]
    assert (own.unit, own.amount, own.status.value) == ("个百分点", 1.54, "verified")
    assert figures["24.61"].unit == "%"


def test_a_parents_percent_is_never_verified_for_a_cell_under_a_percentage_point_column():
    raw = (
        "本月 | 1-9月累计 | 累计 |\n增减百分点 | | |\n生产总值(%) | —— | 100.0 | —— |\n第一产业 | —— | 2.3 | 0.4 |\n"
        "第二产业 | —— | 50.8 | 1.4 |\n第三产业 | —— | 46.9 | -1.8 |\n"
    )
    text = normalize(raw).text
    percent, cell = text.find("%"), text.find("|0.4|") + 1
    assert unit_source(text, cell, "%", percent, percent + 1) == ""
    point = text.find("百分点")
    assert unit_source(text, cell, "百分点", point, point + 3) == "header"
    assert unit_source(text, text.find("2.3"), "%", percent, percent + 1) == "header"  # a share of the 100.0 total


# Indicators grouped under a first column whose cells are merged: a row under a merged cell prints one cell fewer
# (its trailing bar left empty); the unit is the third column's, the month the last's.
GROUPED_WITH_UNIT_COLUMN = (
    "一级指标 | 二级指标 | 计量单位 | 1-3月 |\n"
    "经济稳定 | 1.地区生产总值增长率(按可比价格计算) | % | 7.2 |\n"
    "2.居民消费价格涨幅(CPI) | % | 2.7 | |\n"
    "结构优化 | 3.服务业增加值占GDP比重 | % | 55.75 |\n"
    "4.全社会用电量 | 亿千瓦时 | 250.3 | |\n"
)


def test_a_grouped_table_reads_each_row_header_with_the_unit_column_and_lines_short_rows_up_from_the_right():
    cells = _cells(GROUPED_WITH_UNIT_COLUMN)
    assert set(cells) == {"7.2", "2.7", "55.75", "250.3"}  # no group label, no unit cell taken for a value
    assert (cells["2.7"].unit, cells["2.7"].period) == ("%", "1-3月")
    assert cells["2.7"].metric.startswith("2.居民消费价格涨幅")  # never the (CPI) in its brackets as a unit
    assert (cells["250.3"].unit, cells["7.2"].metric) == ("亿千瓦时", "1.地区生产总值增长率(按可比价格计算)")


def test_one_row_of_a_bar_table_is_not_a_whole_table_folded_into_a_line():
    """经济稳定|1.地区生产总值…|%|7.2 alone has no second row to line up with: not read as a 2×2 folded table."""
    text = normalize("经济稳定 | 1.地区生产总值增长率 | % | 7.2 |\n").text
    assert not [rows for rows in find_tables(text, 0, len(text)) if len(rows) == 2 and len(rows[0]) == 2]
