"""Tables printed as text: one figure per cell, unit and metric from a header, period from the other header."""

import tomllib
from importlib import resources

import pytest

from extractor import extract_text
from extractor.checks.verify import verify
from extractor.models import Figure, Span, Status
from extractor.text.normalize import normalize
from extractor.text.tables import find_tables, is_growth_word, table_cells

_DATA = tomllib.loads(resources.files("extractor").joinpath("data/structure.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", _DATA["table"]["examples"], ids=lambda e: e["cell"])
def test_the_data_files_tables_give_each_cell_its_headers(example):
    text = normalize(example["text"]).text
    cells = [c for rows in find_tables(text, 0, len(text)) for c in table_cells(rows) if c.cell.text == example["cell"]]
    assert len(cells) == 1
    assert (cells[0].metric, cells[0].unit, cells[0].period) == (example["metric"], example["unit"], example["period"])
    assert cells[0].subject == example.get("subject", "")
    if cells[0].unit_from == "growth header":  # the unit's place is the growth word that makes the cell a percentage
        assert is_growth_word(text[cells[0].unit_start : cells[0].unit_end])
    else:
        assert text[cells[0].unit_start : cells[0].unit_start + len(cells[0].unit)] == example["unit"]


def _figures(text: str) -> dict[str, Figure]:
    result = extract_text(text, meta={"published": "2007-05-01"})
    return {f.value_text: f for article in result.articles for f in article.figures}


ALIGNED = "2002-2006年国家高新区主要经济指标\n指标        2004      2005\n营业总收入(亿元)  27446   34416\n出口创汇(亿美元)   824    1117\n"
ONE_CELL_A_LINE = (
    "下面列表是国家高新区企业概况\n|\n2004 |\n2005 |\n企业数(个) |\n38565 |\n41990 |\n营业总收入(亿元) |\n27446-3 |\n34416 |\n"
)


@pytest.mark.parametrize("text", [ALIGNED, ONE_CELL_A_LINE], ids=["aligned", "one-cell-a-line"])
def test_every_cell_is_a_verified_figure_with_its_headers(text):
    figures = _figures(text)
    revenue = figures["34416"]
    assert revenue.status is Status.verified and revenue.amount == pytest.approx(3.4416e12) and revenue.base_unit == "元"
    assert (revenue.metric_key, revenue.period_end, revenue.subject) == ("revenue", "2005-12-31", "国家高新区")
    assert (revenue.metric_from, revenue.period_from, revenue.subject_from) == ("table", "table", "table")
    assert revenue.unit_span is not None and normalize(text).text[revenue.unit_span.start : revenue.unit_span.end] == "亿元"


def test_aligned_columns_stay_apart():
    assert "27446\t34416" in normalize(ALIGNED).text  # not 2744634416


def test_a_damaged_cell_is_reported_not_guessed():
    damaged = _figures(ONE_CELL_A_LINE)["27446-3"]
    assert damaged.status is Status.not_found and "damaged" in damaged.status_reason


def test_the_validator_checks_the_headers_unit():
    text = normalize(ALIGNED).text
    good = _figures(ALIGNED)["34416"]
    assert verify(good, text).status is Status.verified
    elsewhere = text.index("亿美元")  # a header printing another unit
    wrong = good.model_copy(update={"unit_span": Span(start=elsewhere, end=elsewhere + 2), "status": Status.unchecked})
    assert verify(wrong, text).status is Status.mismatch
    tenfold = good.model_copy(update={"amount": good.amount * 10, "status": Status.unchecked})
    assert verify(tenfold, text).status is not Status.verified


def test_a_unit_from_outside_the_cells_headers_never_verifies():
    text = normalize("编号12345，营业收入(亿元)另见附表。\n" + ALIGNED).text
    elsewhere = text.index("亿元")  # a 亿元 in a sentence, not in a header of the number's table
    bare = Figure(
        value_text="12345", value=12345, unit="亿元", amount=1.2345e12, base_unit="元",
        unit_span=Span(start=elsewhere, end=elsewhere + 2),
    )  # fmt: skip
    assert verify(bare, text).status is not Status.verified
    other_row = _figures(ALIGNED)["824"]  # 824 is 亿美元 by its own row; the 亿元 of another row is not its unit
    revenue_unit = text.index("营业总收入(亿元)") + len("营业总收入(")
    claims = {"unit": "亿元", "amount": 8.24e10, "base_unit": "元", "evidence": None}  # consistent with a 亿元 header
    moved = other_row.model_copy(update={**claims, "unit_span": Span(start=revenue_unit, end=revenue_unit + 2)})
    assert verify(moved, text).status is not Status.verified


def test_a_table_without_years_reads_its_corner_as_the_metric_and_its_rows_as_scopes():
    text = "现价工业产值\t本月\t增长%\n装备制造业\t2340183\t16.50\n电子信息业\t397416\t18.05\n"
    figures = _figures(text)
    growth = figures["16.50"]
    assert (growth.unit, growth.metric_scope, growth.measure.value) == ("%", "装备制造业", "growth")
    assert "2340183" not in figures  # no header prints its unit: not read, never guessed


_UNITS = _DATA["table_units"]


@pytest.mark.parametrize("example", _UNITS["examples"], ids=lambda e: e["cell"])
def test_a_cell_without_a_printed_unit_takes_it_from_its_header_or_the_unit_line(example):
    text = normalize(example["text"]).text
    figure = _figures(example["text"])[example["cell"]]
    assert (figure.unit, figure.status) == (example["unit"], Status.verified)
    assert figure.unit_span is not None and text[figure.unit_span.start : figure.unit_span.end] == example["source"]
    assert figure.evidence is not None and figure.evidence.text == example["cell"]  # the span is the cell's digits


@pytest.mark.parametrize("example", _UNITS["counter_examples"], ids=lambda e: e["cell"])
def test_no_unit_is_read_where_no_header_or_unit_line_gives_one(example):
    figure = _figures(example["text"]).get(example["cell"])
    assert figure is None or figure.status is not Status.verified


def test_a_growth_unit_or_unit_line_claimed_for_the_wrong_cell_never_verifies():
    growth_text = _UNITS["examples"][0]["text"]
    text = normalize(growth_text).text
    rate = _figures(growth_text)["24.84"]
    amount = _figures(growth_text).get("21242484")
    assert amount is None  # the 累计 column prints no unit and there is no 单位 line: not read
    # the same growth word claimed for the amount cell beside it (its column is 累计, not 累计增长)
    wrong = rate.model_copy(update={"value_text": "21242484", "value": 21242484.0, "amount": 21242484.0, "evidence": None})
    assert verify(wrong, text).status is not Status.verified
    line_text = _UNITS["examples"][2]["text"]  # a row header printing 亿美元 beats the 单位 line's 万元
    text = normalize(line_text).text
    export = _figures(line_text)["5.1"]
    unit = text.index("万元")
    moved = export.model_copy(update={"unit": "万元", "amount": 51000.0, "unit_span": Span(start=unit, end=unit + 2)})
    assert verify(moved, text).status is not Status.verified


def test_a_damaged_cell_under_a_unit_line_is_reported_not_guessed():
    figures = _figures("单位：万元\n指标\t2022\t2023\n工业总产值\t1200\t27446-3\n税收收入\t45\t51")
    assert figures["1200"].status is Status.verified
    assert figures["27446-3"].status is Status.not_found and "damaged" in figures["27446-3"].status_reason


# A statistics page's table as a crawler prints it: one cell a line, empty cells as bare bars, a caption period,
# zones down the side, 收入合计 spanning 绝对值 | 增速; the two blocks of one page have their own periods.
ZONES_TABLE = "".join(
    f"{line} |\n" if line else "||\n"
    for block, period in (("a", "2016年上半年"), ("b", "2016年1季度"))
    for line in (
        period, "", "区域", "单位数", "收入合计", "", "绝对值", "增速", "",
        "“六高”合计(剔重)", "10128" if block == "a" else "10174", "28811.4", "6.9" if block == "a" else "7.0",
        "金融街", "538", "4242.0", "-8.2" if block == "a" else "-9.3",
        "注:1.中关村按注册地原则统计,部分单位在其他功能区内经营,“六高”合计对这部分数据进行了扣减。" if block == "a" else "",
    )
)


def test_a_table_of_zones_gives_each_row_its_zone_and_each_block_its_caption_period():
    result = extract_text(ZONES_TABLE, meta={"published": "2020-02-17"})
    figures = {f.value_text: f for article in result.articles for f in article.figures}
    first, second, fall = figures["6.9"], figures["7.0"], figures["-9.3"]
    assert first.status is Status.verified and first.unit == "%" and first.metric_key == "revenue"
    assert (first.subject, first.subject_from) == ("“六高”合计", "table")
    assert (first.period_start, first.period_end) == ("2016-01-01", "2016-06-30")
    assert (second.period_start, second.period_end) == ("2016-01-01", "2016-03-31")
    assert fall.subject == "金融街" and fall.value == -9.3 and fall.status is Status.verified
    assert "28811.4" not in figures and "538" not in figures  # no unit printed for these columns: not read, never guessed


# A table printed one bare cell a line (no bars, blank lines between), after the text it restates by rows.
BARE_TABLE = (
    "2010年全市高新技术产业中，航空航天制造业实现工业总产值29.22亿元，医药制造业实现工业总产值260.43亿元。\n\n"
    "比去年增长(%)\n\n占全市高新技术产业比重(%)\n\n航空航天制造业\n\n34.4\n\n0.3\n\n医药制造业\n\n18.7\n\n2.9\n"
)


def test_a_table_of_bare_cells_keeps_its_cells_apart_and_takes_each_rows_key_from_the_text_before():
    figures = _figures(BARE_TABLE)
    growth, share = figures["34.4"], figures["2.9"]
    assert growth.status is Status.verified and growth.unit == "%" and growth.measure.value == "growth"
    assert (growth.metric, growth.metric_key, growth.metric_from) == ("航空航天制造业比去年增长", "industrial_output", "paragraph")
    assert share.metric == "医药制造业占全市高新技术产业比重" and share.status is Status.verified
    assert "34.40.3" not in normalize(BARE_TABLE).text  # two cells, never one number


def test_a_run_of_thousands_of_bare_lines_is_no_table():
    """A statistics table printed one bare cell a line is short; a page of thousands of short lines is none (the
    validator walks a table's block for each of its cells: such a run would make it quadratic)."""
    text = "比去年增长(%)\n占比(%)\n" + "".join(f"行业{i}\n{i}.5\n{i}.1\n" for i in range(2000))
    assert find_tables(text, 0, len(text)) == []
    short = "比去年增长(%)\n占比(%)\n" + "".join(f"行业{i}\n{i}.5\n{i}.1\n" for i in range(20))
    assert len(find_tables(short, 0, len(short))) == 1


def test_a_table_whose_headers_name_no_period_takes_its_captions():
    table = "单位:亿元\n指标\t绝对数\t比上年增长%\n生产总值\t295.4\t7.7\n第一产业\t24.4\t3.3\n"
    dated = _figures("统计公报\n2022年全区生产总值及其增长速度\n" + table)
    assert (dated["295.4"].period, dated["295.4"].period_from) == ("2022年", "table")
    assert dated["3.3"].period_end == "2022-12-31"
    undated = _figures("统计公报\n全区生产总值及其增长速度\n" + table)
    assert undated["295.4"].period == "" and undated["295.4"].period_from == "none"


def test_a_row_header_that_names_the_years_end_makes_its_cells_stocks():
    # periods.toml moment_headers: 年末从业人员数 under 2005 is counted on 2005-12-31, 营业总收入 over the year
    text = "指标\t2004\t2005\n年末从业人员数(万人)\t448.4\t521.1\n营业总收入(亿元)\t27446\t34416\n"
    figures = _figures(text)
    assert (figures["521.1"].period_start, figures["521.1"].period_end) == ("", "2005-12-31")
    assert (figures["34416"].period_start, figures["34416"].period_end) == ("2005-01-01", "2005-12-31")


YEARBOOK = (
    "| 2-3 总产出 | |||||\n| 单位:亿元 | |||||\n| 项目 | 2013 | 2014 |\n| 总产出(亿元) | 61780.20 | 70742.78 |\n"
    "| 第一产业 | 3170.16 | 3400.90 |\n| 第二产业 | 42949.47 | 49719.02 |\n| 第三产业 | 15660.57 | 17622.86 |\n"
    "| 总产出指数(上年=100) | 116.20 | 110.50 |\n| 第一产业 | 104.40 | 104.40 |\n| 第二产业 | 119.10 | 111.90 |\n"
    "| 总产出构成(%) | 100.00 | 100.00 |\n| 第一产业 | 5.10 | 4.80 |\n| 第二产业 | 69.50 | 70.30 |\n| 第三产业 | 25.30 | 24.90 |\n"
)


def test_a_yearbook_table_reads_each_block_with_its_own_unit_and_never_gives_an_index_a_unit():
    figures = _figures(YEARBOOK)
    assert (figures["3400.90"].unit, figures["3400.90"].metric, figures["3400.90"].period_end) == ("亿元", "第一产业总产出", "2014-12-31")
    assert figures["3400.90"].status is Status.verified
    assert (figures["70.30"].unit, figures["70.30"].status) == ("%", Status.verified)  # the 构成(%) block adds up to 100
    indexes = [figures.get(value) for value in ("116.20", "110.50", "104.40", "119.10", "111.90")]
    assert all(f is None or f.status is not Status.verified for f in indexes)  # no unit, the 单位 line's least of all


def test_rows_that_do_not_add_up_take_no_unit_from_the_row_above():
    text = "| 项目 | 2013 | 2014 |\n| 企业数(个) | 120 | 150 |\n| 高新技术企业 | 40 | 52 |\n| 科技型企业 | 30 | 41 |\n"
    figures = _figures(text)
    assert all(f.unit != "个" for value, f in figures.items() if value in ("52", "41"))  # no breakdown: not the 个's


def test_the_validator_refuses_the_unit_line_for_an_index_row():
    text = normalize(YEARBOOK).text
    cell = text.index("|119.10") + 1
    line = text.index("亿元")
    forged = Figure.model_validate(
        {"kind": "figure", "value_text": "119.10", "value": 119.1, "unit": "亿元", "amount": 11910000000.0, "base_unit": "CNY",
         "evidence": {"start": cell, "end": cell + 6, "text": "119.10"}, "unit_span": {"start": line, "end": line + 2}}
    )
    assert verify(forged, text).status is not Status.verified


# A statistics page's table whose first value column is —— (this month: not published) in every row.
NO_VALUE = (
    "2024年1-9月全市主要指标\n本地生产总值(亿元) | —— | 2527.54 | 11.5 |\n第一产业(亿元) | … | 59.44 | 25.6 |\n"
    "第二产业(亿元) | / | 1283.78 | 14.7 |\n"
)


def test_a_cell_that_marks_no_value_is_no_figure_and_not_damaged():
    header = "指标 | 9月 | 1-9月累计 | 增长% |\n"
    figures = _figures(NO_VALUE.replace("\n", "\n" + header, 1))
    assert {"2527.54", "59.44", "1283.78"} <= set(figures)
    assert not {"——", "…", "/"} & set(figures)
    assert all(f.status is not Status.not_found for f in figures.values() if f.value_text in {"2527.54", "59.44"})


# A monthly statistics page turned into text: one cell a line with blank lines between, # marking the parts of the
# total (not markdown headings), 本月 and 1-本月 columns under a caption month.
MONTHLY_PAGE = (
    "2023年3月社会消费品零售总额 2023-04-23 来源:市统计局\n\n社会消费品零售总额\n\n2023年3月\n\n指标\n\n本月\n\n"
    "比去年同月增长(%)\n\n1-本月\n\n比去年同期增长(%)\n\n社会消费品零售总额(亿元)\n\n1545.21\n\n25.5\n\n4611.01\n\n5.2\n\n"
    "   # 批发零售业\n\n1412.17\n\n21.6\n\n4248.47\n\n4.5\n\n     住宿餐饮业\n\n133.04\n\n88.7\n\n362.54\n\n14.3\n"
)


def test_a_monthly_page_reads_its_month_and_year_to_date_columns_against_the_caption():
    result = extract_text(MONTHLY_PAGE, meta={"published": "2023-04-23"})
    assert len(result.articles) == 1  # # 批发零售业 with its values on the lines after it is a row, not a heading
    figures = {f.value_text: f for f in result.articles[0].figures}
    month, to_date, part = figures["1545.21"], figures["4611.01"], figures["4248.47"]
    assert month.status is Status.verified and (month.period_start, month.period_end) == ("2023-03-01", "2023-03-31")
    assert (to_date.period_start, to_date.period_end) == ("2023-01-01", "2023-03-31")
    assert part.unit == "亿元" and part.status is Status.verified  # a part of the total: the total's unit
    assert figures["5.2"].unit == "%" and figures["5.2"].period_start == "2023-01-01"


def test_a_header_printed_in_pieces_is_joined_and_its_unit_verified():
    text = (
        "上海市生产总值\n\n2022年上半年\n\n总量\n\n(亿元)\n\n比上年同期\n\n增长(%)\n\n地区生产总值\n\n19349.31\n\n-5.7\n\n"
        "第一产业\n\n34.52\n\n1.7\n\n第二产业\n\n4452.78\n\n-13.7\n"
    )
    figures = _figures(text)
    level, growth = figures["19349.31"], figures["-5.7"]
    assert level.status is Status.verified and level.unit == "亿元" and level.period_end == "2022-06-30"
    assert growth.unit == "%" and growth.measure.value == "growth" and growth.status is Status.verified
    assert level.unit_span is not None and normalize(text).text[level.unit_span.start : level.unit_span.end] == "亿元"


def test_a_title_row_printed_with_the_table_is_its_caption_not_its_header():
    text = (
        "表1  2022年全区主要经济指标\n指标              单位      绝对数      比上年增长%\n"
        "地区生产总值      亿元      295.4       7.7\n工业增加值        亿元      120.3       9.1\n"
    )
    figures = _figures(text)
    level, growth = figures["295.4"], figures["9.1"]
    assert level.status is Status.verified and level.unit == "亿元" and level.period_end == "2022-12-31"
    assert growth.unit == "%" and growth.status is Status.verified and growth.period_end == "2022-12-31"


def test_month_and_year_to_date_columns_read_the_date_of_the_title_above_the_table():
    text = (
        "高新区2024年1-6月主要经济指标\n单位：万元\n指标\t本月\t累计\t累计增长%\n"
        "工业总产值\t120500\t650200\t6.1\n税收收入\t8030\t24090\t5.5\n"
    )
    figures = _figures(text)
    assert (figures["120500"].period_start, figures["120500"].period_end) == ("2024-06-01", "2024-06-30")
    assert (figures["650200"].period_start, figures["650200"].period_end) == ("2024-01-01", "2024-06-30")
    assert figures["650200"].status is Status.verified and figures["650200"].unit == "万元"
    base = "2024年5月工业指标\n指标\t本月\t上年同期\n工业总产值(亿元)\t120.5\t110.2\n税收收入(亿元)\t12.1\t11.0\n"
    assert "110.2" not in _figures(base)  # last year's column is not the title's month: not read


SINGLE_SPACED = "高新区主要经济指标\n指标 2021年 2022年 2023年\n营业收入(亿元) 1200.5 1350.2 1500.1\n企业数(家) 1500 1620 1750\n"


def test_a_table_printed_with_single_spaces_keeps_its_cells_apart_and_reads_them():
    assert "营业收入(亿元)\t1200.5\t1350.2\t1500.1" in normalize(SINGLE_SPACED).text  # not 1200.51350.2
    figures = _figures(SINGLE_SPACED)
    revenue = figures["1350.2"]
    assert revenue.status is Status.verified and revenue.unit == "亿元" and revenue.period_end == "2022-12-31"
    assert figures["1750"].unit == "家" and figures["1750"].period_end == "2023-12-31"


def test_single_spaced_rows_with_a_label_of_several_words_or_a_unit_column_line_up_with_their_header():
    bilingual = (
        "指标 2006 2007\n本市生产总值(亿元) Gross Domestic Product 3452.14 4122.51\n"
        "第三产业(亿元) Tertiary Industry 1564.79 1748.02\n"
    )
    assert _figures(bilingual)["4122.51"].period_end == "2007-12-31"
    unit_column = "指标 单位 绝对数 比上年增长%\n地区生产总值 亿元 295.4 7.7\n工业增加值 亿元 120.3 9.1\n"
    figures = _figures(unit_column)
    assert (figures["295.4"].unit, figures["9.1"].unit) == ("亿元", "%")


def test_a_single_spaced_row_that_does_not_fit_its_header_is_never_lined_up_by_guess():
    gapped = (
        "指标 1995 1996 2000\n就业人员(万人) 1709.26 1719.43 1690.00\n失业人数(万人) 10.47 10.95 10.15\n"
        "年末人口(万人) 2875.30 2848.82\n职工人数(万人) 294.25 294.63 208.87\n"
    )
    figures = _figures(gapped)
    assert figures["1719.43"].period_end == "1996-12-31"
    assert "2875.30" not in figures and "2848.82" not in figures  # one cell is empty, which one is not said
    # a row after the short one fits the header again: its cells are as unambiguous as those above the gap
    assert figures["294.63"].period_end == "1996-12-31"


def _laid_out(rows: list[list[str]], width: int = 14) -> str:
    """Rows laid out as a page prints them in a fixed-width font: each cell padded to ``width`` display columns (a
    Chinese character two wide), an empty cell all spaces."""
    def pad(cell: str) -> str:
        return cell + " " * (width - sum(2 if "\u4e00" <= char <= "\u9fff" else 1 for char in cell))
    return "".join("".join(pad(cell) for cell in row).rstrip() + "\n" for row in rows)


def test_an_empty_cell_of_an_aligned_table_keeps_the_cells_after_it_under_their_columns():
    text = "高新区主要经济指标\n" + _laid_out([
        ["指标", "2021年", "2022年", "2023年"],
        ["营业收入(亿元)", "1200.5", "1350.2", "1500.1"],
        ["企业数(家)", "1500", "", "1750"],
        ["出口额(亿美元)", "45.2", "50.1", "55.3"],
    ])
    assert "1500\t\t1750" in normalize(text).text  # the skipped column stays a cell
    figures = _figures(text)
    assert figures["1500"].period_end == "2021-12-31" and figures["1750"].period_end == "2023-12-31"
    assert figures["1750"].status is Status.verified and figures["1750"].unit == "家"


@pytest.mark.parametrize("text", [
    "| 指标 | 2021年 | 2022年 | 2023年 |\n| 营业收入(亿元) | 1200.5 | 1350.2 | 1500.1 |\n| 企业数(家) | 1500 | 1620 | |\n"
    "| 出口额(亿美元) | 45.2 | 50.1 | 55.3 |\n",
    "指标\t2021年\t2022年\t2023年\n营业收入(亿元)\t1200.5\t1350.2\t1500.1\n企业数(家)\t1500\t1620\n出口额(亿美元)\t45.2\t50.1\t55.3\n",
], ids=["bar", "tab"])
def test_a_row_shorter_than_its_header_is_not_lined_up_by_guess(text):
    figures = _figures(text)
    assert figures["1350.2"].period_end == "2022-12-31"
    assert "1500" not in figures and "1620" not in figures  # 1500 | 1620 | (empty): which year is empty is not said
    gap = text.replace("| 1500 | 1620 | |", "| 1500 | | 1750 |")
    if gap != text:  # a bar table prints the empty cell between two bars: the cells after it keep their columns
        assert _figures(gap)["1750"].period_end == "2023-12-31"


def test_a_line_of_units_under_the_header_gives_each_column_its_unit_and_the_validator_checks_it():
    text = (
        "2023年开发区主要指标\n指标\t营业收入\t利润总额\t出口额\n\t(亿元)\t(亿元)\t(亿美元)\n"
        "甲园区\t120.5\t10.2\t3.1\n乙园区\t98.1\t8.8\t2.2\n"
    )
    figures = _figures(text)
    revenue, exports = figures["120.5"], figures["2.2"]
    assert (revenue.unit, revenue.metric_key, revenue.status) == ("亿元", "revenue", Status.verified)
    assert (exports.unit, exports.metric_key, exports.status) == ("亿美元", "exports", Status.verified)
    normalized = normalize(text).text
    assert normalized[exports.unit_span.start : exports.unit_span.end] == "亿美元"
    elsewhere = normalized.index("亿元")  # another column's unit line cell: never this cell's
    wrong = exports.model_copy(update={"unit_span": Span(start=elsewhere, end=elsewhere + 2), "unit": "亿元", "status": Status.unchecked})
    assert verify(wrong, normalized).status is not Status.verified


def test_a_growth_column_after_a_level_column_in_a_table_by_zone_is_that_levels_growth():
    text = "2023年各开发区主要经济指标\n开发区\t营业收入(亿元)\t增长(%)\n苏州工业园区\t5200.1\t6.5\n昆山经济技术开发区\t3100.2\t4.1\n"
    growth = _figures(text)["6.5"]
    assert (growth.metric, growth.metric_key, growth.subject, growth.unit) == ("营业收入增长", "revenue", "苏州工业园区", "%")


def test_the_english_line_under_each_row_of_a_bilingual_table_neither_ends_it_nor_is_a_row():
    text = (
        "指标              2021年      2022年\n营业收入(亿元)      1200.5      1350.2\nRevenue  (100 million yuan)\n"
        "工业总产值(亿元)    980.1       1020.7\nGross Industrial Output Value\n出口额(亿美元)      45.2        50.1\n"
    )
    assert "980.1\t1020.7" in normalize(text).text  # not 980.11020.7
    figures = _figures(text)
    assert figures["1020.7"].period_end == "2022-12-31" and figures["1020.7"].status is Status.verified
    assert figures["50.1"].unit == "亿美元" and figures["50.1"].status is Status.verified


@pytest.mark.parametrize("separator", ["|", "\t"], ids=["bar", "tab"])
def test_a_group_label_row_gives_its_unit_to_the_rows_under_it_up_to_a_row_with_its_own(separator):
    rows = [["指标", "2006", "2007"], ["人口(万人)"], ["年末常住人口", "2808.00", "2816.00"], ["城镇人口", "1311.29", "1361.35"],
            ["生产总值(亿元)", "3452.14", "4122.51"], ["人均生产总值", "12316", "14660"]]
    text = "".join(separator.join(row) + "\n" for row in rows)
    figures = _figures(text)
    people = figures["1361.35"]
    assert (people.unit, people.period_end, people.status) == ("万人", "2007-12-31", Status.verified)
    normalized = normalize(text).text
    assert normalized[people.unit_span.start : people.unit_span.end] == "万人"
    assert figures["4122.51"].unit == "亿元"
    assert "14660" not in figures  # after a row that prints its own unit the label's no longer holds: no unit, not read
    label = normalized.index("万人")
    update = {"unit_span": Span(start=label, end=label + 2), "unit": "万人", "status": Status.unchecked}
    wrong = figures["4122.51"].model_copy(update=update)
    assert verify(wrong, normalized).status is not Status.verified


def test_a_yearbook_table_goes_on_under_its_section_labels_and_blank_lines():
    """A header of years with no corner, section labels with no value (人口与就业, 宏观经济 over 国民经济核算), blank
    lines and rows whose label stands apart from single-spaced values: one table, every full row read."""
    yearbook = (
        "表4-8  主要年份主要指标\n    1990 1995 2000\n \n人口与就业    \n      \n"
        "    年末总人口(万人)        324.85 333.65 341.48\n    从业人员(万人)   186.06 188.78 179.36\n"
        "宏观经济    \n国民经济核算     \n     地区生产总值(亿元)   94.87 369.70 600.66\n"
        "         城镇投资     47.80 103.76\n     财政总收入(亿元)   13.10 28.50 60.23\n"
    )
    figures = _figures(yearbook)
    assert figures["324.85"].period_end == "1990-12-31" and figures["324.85"].unit == "万人"
    assert figures["369.70"].period_end == "1995-12-31" and figures["369.70"].metric_key == "gdp"
    assert figures["60.23"].period_end == "2000-12-31"  # a row after a short one
    assert "47.80" not in figures and "103.76" not in figures  # one year is empty, which one is not said


def test_a_label_after_a_table_before_prose_is_no_part_of_it():
    text = "指标 2021 2022\n营业收入(亿元) 1200.5 1350.2\n利润(亿元) 80.1 90.2\n二、工业\n全年工业增加值增长5.2%。\n"
    figures = _figures(text)
    assert figures["1350.2"].period_end == "2022-12-31"
    assert figures["5.2%"].metric_from != "table"


def test_a_row_marked_as_a_part_takes_the_unit_of_the_row_above_and_a_short_one_is_not_read():
    """# (其中) under a row that prints its unit: the part is counted in that unit; a part with an empty year, or with
    no name of its own, is never lined up by guess; # rows are no more parts of a total that the parts add up to."""
    text = (
        "指标 2000 2005 2008\n年末总人口(万人) 341.48 351.63 358.74\n#非农业人口 147.81 160.56 177.73\n"
        "地区生产总值(亿元) 600.66 1303.36 2202.23\n第一产业 45.14 56.56 68.32\n第二产业 336.68 796.12 1297.51\n"
        "# 301.99 717.23 1191.03\n第三产业 218.83 450.68 836.40\n财政总收入(亿元) 60.23 220.45 542.68\n"
        "#地方财政收入 32.92 138.26\n"
    )
    figures = _figures(text)
    people = figures["160.56"]
    assert (people.unit, people.period_end, people.metric_scope, people.metric_key) == ("万人", "2005-12-31", "非农业人口", "population")
    assert (figures["56.56"].unit, figures["56.56"].period_end) == ("亿元", "2005-12-31")  # the parts add up past the #
    assert "717.23" not in figures  # a part whose name is not printed
    assert "32.92" not in figures and "138.26" not in figures  # one year is empty, which one is not said


def test_section_labels_are_read_once_each_however_many_stand_between_two_rows(monkeypatch):
    """A run of label lines inside a table is scanned once, not once per label (a hostile page of 4,000 of them took
    25 s when each label looked ahead over the rest)."""
    from extractor.text import tables

    calls = 0
    real = tables._bare_label

    def counted(line: str) -> bool:
        nonlocal calls
        calls += 1
        return real(line)

    monkeypatch.setattr(tables, "_bare_label", counted)
    labels = 500
    text = "指标\t2021\t2022\n营业收入(亿元)\t1\t2\n" + "宏观经济\n" * labels + "利润(亿元)\t3\t4\n"
    found = find_tables(text, 0, len(text))
    assert [len(rows) for rows in found] == [3]  # one table, the labels inside it
    assert calls <= 2 * labels + 10


def test_rows_by_year_under_a_header_that_does_not_fit_keep_their_numbers_apart_and_give_no_cell():
    # a yearbook table by year whose header lines (a group over 贡献率 / 拉动, the units on a line of their own) line
    # up with nothing the reader knows: the normalizer had joined each row into one number (200068.976.14…)
    raw = (
        "三大需求对生产总值增长的贡献率\n  最终消费 资本形成 净出口\n贡献 拉动 贡献 拉动 贡献 拉动\nYear (%) (百分点) (%)\n"
        "2000 68.97 6.14 66.14 5.89 -35.11 -3.11\n2001 76.75 8.98 119.58 13.99 -96.33 -11.26\n"
    )
    text = normalize(raw).text
    assert "2000\t68.97\t6.14" in text and "2001\t76.75" in text
    assert not [f for f in _figures(raw).values() if f.status is Status.verified]  # no column is named: no cell read


# A table by year whose header has two levels: a group line over leaves that repeat under each group (出口 | 进口 over
# 金额(亿美元) | 增长(%) twice), as yearbooks print trade, demand or investment by year.
TWO_LEVEL_BARS = (
    "| 表3 历年进出口 | | | | |\n| 出口 | 进口 | | | |\n| 年份 | Exports | Imports | | |\n"
    "| 金额(亿美元) | 增长(%) | 金额(亿美元) | 增长(%) | |\n| Year | Value | Growth | Value | Growth |\n"
    "| 2021 | 312.5 | 18.2 | 201.4 | 9.6 |\n| 2022 | 330.1 | 5.6 | 198.7 | -1.3 |\n"
)
TWO_LEVEL_SPACES = (
    "表4 历年进出口\n  出口 进口\nExports Imports\n金额 增长 金额 增长\nYear (亿美元) (%) (亿美元) (%)\n"
    "Value Growth Value Growth\n2021 312.5 18.2 201.4 9.6\n2022 330.1 5.6 198.7 -1.3\n"
)


@pytest.mark.parametrize("raw", [TWO_LEVEL_BARS, TWO_LEVEL_SPACES], ids=["bars", "spaces"])
def test_a_table_by_year_under_a_two_level_header_reads_each_cell_with_its_group_leaf_and_unit(raw):
    figures = _figures(raw)
    imports_2022 = figures["198.7"]
    assert (imports_2022.unit, imports_2022.status, imports_2022.period_end) == ("亿美元", Status.verified, "2022-12-31")
    assert imports_2022.metric.startswith("进口")  # the group over its leaf, not the leaf alone (金额)
    growth = figures["-1.3"]
    assert (growth.unit, growth.status, growth.metric) == ("%", Status.verified, "进口增长")
    assert figures["18.2"].metric == "出口增长" and figures["312.5"].period_end == "2021-12-31"


def test_a_header_line_that_does_not_count_one_word_a_value_reads_no_cell():
    # three leaves over four values a row: which value is under which word is not said — nothing lined up by guess
    raw = TWO_LEVEL_SPACES.replace("金额 增长 金额 增长", "金额 增长 金额").replace("Year (亿美元) (%) (亿美元) (%)", "")
    assert not [f for f in _figures(raw).values() if f.status is Status.verified]


# A table by year printed one cell a line: its corner (年份), its column headers, then each year with its values.
BY_YEAR_ONE_CELL = (
    "表2 历年地区生产总值\n|\n年份 |\n地区生产总值(亿元) |\n增长(%) |\n2019 |\n1200.5 |\n7.1 |\n2020 |\n1250.3 |\n3.2 |\n"
    "2021 |\n1380.9 |\n8.0 |\n"
)


def test_a_table_by_year_printed_one_cell_a_line_reads_each_year_with_its_values():
    figures = _figures(BY_YEAR_ONE_CELL)
    assert (figures["1250.3"].unit, figures["1250.3"].period_end, figures["1250.3"].status) == ("亿元", "2020-12-31", Status.verified)
    assert (figures["8.0"].unit, figures["8.0"].period_end) == ("%", "2021-12-31")


def test_a_table_by_year_one_cell_a_line_with_a_year_short_of_a_value_reads_no_cell():
    raw = BY_YEAR_ONE_CELL.replace("1250.3 |\n", "")  # 2020 has one value for two columns: which one is not said
    assert not [f for f in _figures(raw).values() if f.status is Status.verified]


@pytest.mark.parametrize(
    ("header", "ends"),
    [("一季度 | 上半年 | 前三季度", ("2024-03-31", "2024-06-30", "2024-09-30")),
     ("3月 | 1-6月 | 1-9月累计", ("2024-03-31", "2024-06-30", "2024-09-30"))],
    ids=["quarters", "months"],
)
def test_a_column_of_a_part_of_the_year_takes_the_caption_year_not_the_publication_date(header, ends):
    # the page is published in 2007 (_figures): the caption's 2024年 dates the columns, a quarter word is a period too
    raw = (
        f"2024年经开区主要指标\n| 指标 | {header} |\n| 规上工业总产值(亿元) | 210.5 | 450.2 | 690.8 |\n"
        "| 税收收入(亿元) | 12.1 | 25.3 | 38.4 |\n"
    )
    figures = _figures(raw)
    assert tuple(figures[value].period_end for value in ("210.5", "450.2", "690.8")) == ends
    assert figures["38.4"].status is Status.verified


@pytest.mark.parametrize(
    "raw",
    [
        "表1 主要指标\n指标 2022年 2023年\n规模以上工业总产\n值(亿元) 1200.5 1350.2\n固定资产投资(亿元) 300.1 320.4\n",
        "| 指标 | 2022年 | 2023年 |\n| 规模以上工业总产 | | |\n| 值(亿元) | 1200.5 | 1350.2 |\n| 固定资产投资(亿元) | 300.1 | 320.4 |\n",
    ],
    ids=["spaces", "bars"],
)
def test_a_row_header_cut_over_two_lines_is_read_whole(raw):
    # text copied from a PDF: a long row header wraps, its last character and unit on the row's own line
    figures = _figures(raw)
    assert (figures["1350.2"].metric, figures["1350.2"].unit, figures["1350.2"].status) == ("规模以上工业总产值", "亿元", Status.verified)
    assert figures["320.4"].metric == "固定资产投资"  # the row after it keeps its own header


@pytest.mark.parametrize(
    "raw",
    [
        "| 指标 | 单位 | 2023年 | 2024年 | 增长% |\n| 营业收入 | 亿元 | 1200.5 | 1310.2 | 9.1 |\n"
        "| 实际使用外资 | 亿美元 | 3.2 | 3.5 | 9.4 |\n",
        "| 指标 | 2024年 | 2023年 | 增减(%) |\n| 营业收入(亿元) | 1310.2 | 1200.5 | 9.1 |\n| 实际使用外资(亿美元) | 3.5 | 3.2 | 9.4 |\n",
    ],
    ids=["unit-column", "latest-first"],
)
def test_year_columns_date_their_cells_and_a_rate_column_beside_them_is_of_the_latest_year(raw):
    figures = _figures(raw)
    assert (figures["1200.5"].period_end, figures["1310.2"].period_end) == ("2023-12-31", "2024-12-31")
    assert (figures["9.1"].unit, figures["9.1"].period_end, figures["9.1"].status) == ("%", "2024-12-31", Status.verified)


def test_a_rate_column_after_a_month_column_is_of_those_months():
    raw = (
        "2024年高新区经济运行情况\n| 指标 | 计量单位 | 1-9月 | 同比增长% |\n| 规上工业总产值 | 亿元 | 405.97 | 1.8 |\n"
        "| 固定资产投资 | 亿元 | 57.29 | 2.7 |\n"
    )
    figures = _figures(raw)
    assert figures["405.97"].period_end == figures["1.8"].period_end == "2024-09-30"  # not the caption year's end
    assert (figures["1.8"].unit, figures["1.8"].status) == ("%", Status.verified)


def test_a_table_of_zones_by_year_gives_each_cell_its_zone_as_subject():
    raw = "单位：亿元\n| 开发区 | 2023年 | 2024年 | 增长% |\n| 东区 | 120.5 | 131.2 | 8.9 |\n| 西区 | 80.1 | 85.6 | 6.9 |\n"
    figures = _figures(raw)
    assert (figures["131.2"].subject, figures["131.2"].period_end, figures["131.2"].unit) == ("东区", "2024-12-31", "亿元")
    assert figures["80.1"].subject == "西区" and figures["80.1"].status is Status.verified


@pytest.mark.parametrize("caption", ["各开发区营业收入(亿元)\n", "| 各开发区营业收入(亿元) |\n"], ids=["line", "bar-line"])
def test_a_caption_naming_the_indicator_gives_a_table_of_zones_by_year_its_metric_and_unit(caption):
    raw = caption + "| 开发区 | 2023年 | 2024年 |\n| 东区 | 120.5 | 131.2 |\n| 西区 | 80.1 | 85.6 |\n"
    figure = _figures(raw)["85.6"]
    assert (figure.unit, figure.subject, figure.period_end, figure.status) == ("亿元", "西区", "2024-12-31", Status.verified)
    assert figure.metric == "各开发区营业收入"


def test_a_header_with_its_corner_under_a_caption_row_is_the_header_of_a_table_by_year():
    # the caption row (表1 | 单位:亿元) has one cell a value column: it is no header of the rows below
    raw = "| 表1 | 单位:亿元 |\n| 年份 | GDP(亿元) | 增长(%) |\n| 2019 | 100.5 | 5.1 |\n| 2020 | 110.2 | 3.2 |\n"
    figures = _figures(raw)
    assert (figures["3.2"].unit, figures["3.2"].period_end, figures["100.5"].unit) == ("%", "2020-12-31", "亿元")


def test_a_row_wider_than_its_header_by_more_than_a_corner_is_not_lined_up():
    raw = (
        "单位：亿元\n| 最终消费 | 资本形成 | 净出口 |\n| 2000 | 68.97 | 6.14 | 66.14 | 5.89 | -35.11 | -3.11 |\n"
        "| 2001 | 76.75 | 8.98 | 119.58 | 13.99 | -96.33 | -11.26 |\n"
    )
    assert not [f for f in _figures(raw).values() if f.status is Status.verified]


# A page printing two tables with no line between them (a unit column table, then a table with quarters as rows):
# the second header starts a table of its own, and a quarter down the side is the period of its row.
TWO_TABLES = (
    "根据统计局发布的2023年全年本地生产总值数据。\n指标 | 单位 | 数值 |\n本地生产总值(当年价格) | 百万澳门元 | 379478 |\n"
    "人均本地生产总值 | 澳门元 | 559495 |\n时间 | 本地生产总值(百万澳门元) | 本地生产总值(同期变动率) |\n"
    "2023年第1季 | 81502 | 39.2 |\n2023年第2季 | 92256 | 111.9 |\n"
)


def test_a_second_header_starts_a_second_table_whose_rows_are_quarters():
    figures = _figures(TWO_TABLES)
    assert figures["81502"].unit == "百万澳门元" and figures["81502"].period_end == "2023-03-31"
    assert figures["92256"].period_end == "2023-06-30"
    assert figures["379478"].unit == "百万澳门元"
    # a number never stands for a unit, and a bracket naming a change (同期变动率) prints no unit
    assert all(not any(ch.isdigit() for ch in f.unit) for f in figures.values())
    assert "39.2" not in figures or figures["39.2"].status == Status.not_found or figures["39.2"].unit in ("", "%")


@pytest.mark.parametrize(("printed", "words"), [("2023年第1季", "2023年第一季度"), ("2023Q3", "2023年第三季度"),
                                                ("2024Feb", "2024年2月"), ("2023年3月", "2023年3月"), ("2004", "2004年"),
                                                ("营业收入", "")])
def test_a_period_header_is_read_in_the_resolvers_words(printed, words):
    from extractor.text.tables import Cell, _period_words

    assert _period_words(Cell(0, len(printed), printed)) == words


# A markdown table whose period header rows stand between its indicator rows (one row of periods over each block),
# with a unit column printed in two languages and a level printed with its change in one cell.
PERIOD_ROWS = (
    "主要经济指标\n统计指标 | 单位 | 最新年度数据 (同比变动) | 最新数据 | 按月变动 | |\n"
    "2023 | 2023 Q3 | 2023 Q4 | |||\n本地名义生产总值 | 亿澳门元/ 108 MOP | 3,795 (↑92.3%) | 980.1 | 1,077.1 | ↑ 9.9% |\n"
    "2022 | |||||\n本地居民总收入 | 亿澳门元/ 108 MOP | 2,322.73 (↓ 6.0%) | – | – | – |\n"
    "贸易 (Trade) | |||||\n2023 | 2024 Feb | 2024 Mar | |||\n出口(Export) | 亿澳门元/ 108 MOP | 133.4 (↓ 1.3%) | 9.6 | 12.0 | ↑ 24.7% |\n"
)


def test_rows_of_periods_date_the_blocks_below_them_and_a_bilingual_unit_cell_gives_its_chinese_unit():
    figures = _figures(PERIOD_ROWS)
    expected = {"3,795": "2023-12-31", "980.1": "2023-09-30", "1,077.1": "2023-12-31", "2,322.73": "2022-12-31",
                "133.4": "2023-12-31", "9.6": "2024-02-29", "12.0": "2024-03-31"}
    for value, end in expected.items():
        assert figures[value].unit == "亿澳门元" and figures[value].period_end == end, value
        assert figures[value].status == Status.verified
    # the superscript lost from 10⁸ (108) and the footnote-free changes are no figures of the table
    assert "108" not in figures and "↑9.9%" not in figures and "9.9" not in figures


# A gazetteer's table drawn with box-drawing characters: cities as column groups over 地区 | 市区, a unit column,
# characters spaced apart inside the header cells, and OCR damage (45.2l) in some cells.
BOX = (
    "表二\n┏━━━━━━━━━━┯━━━━━┯━━━━━━━━━━━┯━━━━━━━━━━━┓\n"
    "┃          │  单  位  │      烟  台  市      │      威  海  市      ┃\n"
    "┃          │          ├─────┬─────┼─────┬─────┨\n"
    "┃          │          │  地  区  │  市  区  │  地  区  │  市  区  ┃\n"
    "┠──────────┼─────┼─────┼─────┼─────┼─────┨\n"
    "┃年末总人口            │   万人   │  625.57  │  80.50   │  237.46  │  25.74   ┃\n"
    "┃其中:非农业人口       │   万人   │  141.72  │  45.2l   │  25.66   │  12.90   ┃\n"
    "┃年末总户数            │   万户   │  180.18  │  25.12   │  73.62   │   7.66   ┃\n"
)


def test_a_box_drawn_table_reads_its_unit_column_and_its_column_groups_as_subjects():
    figures = _figures(BOX)
    assert figures["625.57"].unit == "万人" and figures["625.57"].subject == "烟台市"
    assert figures["237.46"].subject == "威海市" and figures["7.66"].unit == "万户"
    assert all(figures[v].status == Status.verified for v in ("625.57", "80.50", "237.46", "25.74", "180.18", "7.66"))
    # the damaged cell is reported, never guessed; no cell of the header's spaced characters is a figure
    assert "45.2l" not in figures or figures["45.2l"].status == Status.not_found
    assert "45.2" not in figures


# A digest that prints each indicator as a label line (words, unit, period) and a line of values under it, the
# thousands grouped by spaces: the values stay apart (no 11307211.7%) and take the label's unit and period.
DIGEST = (
    "一、本地生产总值\n\n当年价格 百万澳门元 2017年第4季\n\n113 072 11.7 % 404 199 11.6 %\n\n"
    "实质增长率 % 2017年第4季\n\n8.0 .. 9.1 ..\n\n二、博彩及旅游\n\n博彩毛收入 百万澳门元 2018年3月\n\n"
    "26 031.83 22.2 % 76 750.29 20.5 %\n\n入境旅客 千人次 2018年2月\n\n3 070.9 23.1 % 5 812.4 8.2 %\n"
)


def test_a_label_line_over_a_line_of_values_gives_each_value_its_unit_and_period():
    figures = _figures(DIGEST)
    assert figures["113072"].unit == "百万澳门元" and figures["113072"].period_end == "2017-12-31"
    assert figures["404199"].status == Status.verified
    assert figures["26031.83"].period_end == "2018-03-31" and figures["3070.9"].unit == "千人次"
    assert figures["3070.9"].period_end == "2018-02-28"
    assert figures["8.0"].unit == "%" and figures["11.7%"].unit == "%"
    assert not any(len(v.replace(".", "").rstrip("%")) > 8 for v in figures)  # no two values joined into one


@pytest.mark.parametrize("line", ["12 345 678 901 234", "2023年 2024年", "营业收入 1200 1350"])
def test_a_line_that_is_no_label_value_pair_is_left_alone(line):
    from extractor.text.tables import raw_spaced_tables

    assert raw_spaced_tables(f"说明文字\n{line}\n")[0] == [] or "营业收入" in line


def test_a_row_printed_with_spaces_after_its_last_cell_still_ends_its_line():
    from extractor.text.tables import raw_table_rows

    raw = "表1\n  以当时市价计算   1,246.1   1,220.0  \n  本地生产总值   1,246.1   1,282.0  \n"
    assert all(not raw[start:end].endswith(" ") for start, end in raw_table_rows(raw))
    assert normalize(raw).text.count("\n") >= 2  # each row on a line of its own, not joined into one
