"""Periods: the words of data/periods.toml resolve to dates, govern only what they should, and are found in linear time."""

import pytest

from extractor.backends.rules.figures import extract_figures
from extractor.domain import periods
from extractor.domain.periods import PeriodIndex, knowledge, resolve_figure_periods, resolve_period
from extractor.models import Figure


@pytest.mark.parametrize(("words", "published", "start", "end"), knowledge().resolution.examples, ids=lambda v: str(v))
def test_resolution_table_of_the_data_file(words, published, start, end):
    assert resolve_period(words, published) == (start, end)


@pytest.mark.parametrize("example", knowledge().governs, ids=lambda e: e["text"][:20])
def test_which_period_governs_a_figure(example):
    text = example["text"]
    index = PeriodIndex(text, 0, len(text), published=example.get("published", ""))
    start = text.index(example["figure"])
    words = index.words_at(start)[0]
    words = periods.change_end_words(text, start, start + len(example["figure"]), words)
    sentence_start = max(text.rfind(mark, 0, start) for mark in "。！？\n") + 1
    assert periods.average_span_words(text, sentence_start, start, words) == example["period"]


def test_second_phase_does_not_inherit_the_first_phase_year_but_a_continuation_does():
    text = "该公司一期项目2009年建成投产。二期项目总投资10亿元。其中，设备投资6亿元。"
    figures = extract_figures(text, 0, len(text), [], "")
    by_value = {f.value: f.period for f in figures}
    assert by_value[10] == "" and by_value[6] == ""  # 其中 continues the second phase, which has no year
    text = "2009年，该公司一期项目建成投产，完成投资8亿元。其中，设备投资6亿元。"
    by_value = {f.value: f.period for f in extract_figures(text, 0, len(text), [], "")}
    assert by_value[8] == "2009年" and by_value[6] == "2009年"


def test_a_population_takes_the_year_in_force(monkeypatch):
    """periods.toml stock_keys: 户籍总人口 in a bulletin that opens 2024年是… is 2024's (a year-end stock)."""
    assert "population" in knowledge().words.stock_keys
    text = (  # an opening line too long for a headline: the year is the body's, not a title's
        "2024年是实现“十四五”规划目标任务的关键一年。全区坚持稳中求进工作总基调，扎实推动高质量发展，经济总体稳定向好、稳中有进。"
        "\n一、综合\n人口。全区户籍总人口27.2万人。"
    )
    assert extract_figures(text, 0, len(text), [], "")[0].period == "2024年"
    monkeypatch.setattr("extractor.backends.rules.figures.stock_by_nature", lambda key: False)
    assert extract_figures(text, 0, len(text), [], "")[0].period == ""  # a count of people: no lead year without the rule
    text = "据介绍，全区户籍总人口27.2万人。"  # no year anywhere: none
    assert extract_figures(text, 0, len(text), [], "")[0].period == ""


def test_five_year_plans_need_quotes_or_a_period_word():
    assert resolve_period("十五", "") == ("", "")  # the number fifteen
    assert resolve_period("“十五”期间", "") == ("2001-01-01", "2005-12-31")
    assert resolve_period("十五期间", "") == ("2001-01-01", "2005-12-31")


def test_relative_months_use_the_publication_year_for_february():
    assert resolve_period("今年2月", "2024-03-10") == ("2024-02-01", "2024-02-29")
    assert resolve_period("去年2月", "2024-03-10") == ("2023-02-01", "2023-02-28")


def test_dates_a_backend_gives_are_kept_and_others_resolved():
    given = Figure(value_text="5亿元", value=5, amount=5e8, period="今年", period_end="2020-06-30")
    words_only = Figure(value_text="5亿元", value=5, amount=5e8, period="今年上半年")
    resolve_figure_periods([given, words_only], "2021-08-01")
    assert (given.period_start, given.period_end) == ("", "2020-06-30")
    assert (words_only.period_start, words_only.period_end) == ("2021-01-01", "2021-06-30")


class _CountingPattern:
    """A compiled pattern that counts the characters each search covers."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.scanned = 0

    def finditer(self, text, pos=0, endpos=None):
        self.scanned += (len(text) if endpos is None else endpos) - pos
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def sub(self, replacement, text):
        self.scanned += len(text)
        return self.pattern.sub(replacement, text)

    def fullmatch(self, text, *args):
        self.scanned += len(text)
        return self.pattern.fullmatch(text, *args)

    def __getattr__(self, name):
        return getattr(self.pattern, name)


def test_period_lookup_is_linear_in_the_article(monkeypatch):
    """One paragraph, one period at its head, thousands of figures: the period words are searched once."""
    counting = _CountingPattern(periods.period_pattern())
    monkeypatch.setattr("extractor.backends.rules.figures.period_pattern", lambda: counting)
    monkeypatch.setattr(periods, "period_pattern", lambda: counting)
    for figures in (200, 2000):
        counting.scanned = 0
        text = "2021年，测试高新区" + "，".join(f"新增企业{n}家" for n in range(10, 10 + figures)) + "。"
        found = extract_figures(text, 0, len(text), [], "")
        assert len(found) == figures and all(f.period == "2021年" for f in found)
        # One pass over the article, plus each figure's own short clause (its metric): never a rescan per figure.
        assert counting.scanned <= 3 * len(text), (figures, counting.scanned, len(text))


def test_a_headline_period_frames_the_outcomes_that_name_none():
    outcome = Figure(value_text="3756亿元", value=3756, amount=3.756e11, base_unit="元")
    goal = Figure(value_text="4000亿元", value=4000, amount=4e11, base_unit="元", target=True)
    duration = Figure(value_text="3年", value=3, amount=3, base_unit="年")
    own = Figure(value_text="9%", value=9, amount=9, base_unit="%", period="上半年")
    resolve_figure_periods([outcome, goal, duration, own], "2024-01-31", title="新北区:2023年经济运行情况稳中有进")
    assert (outcome.period, outcome.period_end) == ("2023年", "2023-12-31")
    assert goal.period == "" and duration.period == ""  # a goal and a duration keep their own words (none)
    assert own.period == "上半年"


def test_a_headline_deadline_or_date_frames_nothing():
    assert periods.title_period("到2025年园区产值突破千亿") == ""
    assert periods.title_period("2023年6月12日园区签约15个项目") == ""


def test_an_article_that_names_one_period_dates_its_undated_amounts_with_it():
    from extractor import extract_text

    lead = "四川高新区运行情况\n全省高新区经济运行呈现稳中加固、稳中提质、稳中向好态势，上半年实现营业收入13977.46亿元"

    def figures(text: str) -> dict[str, Figure]:
        result = extract_text(text, meta={"published": "2021-08-31"})
        return {f.value_text: f for article in result.articles for f in article.figures}

    one = figures(lead + "，同比增长28.09%。\n营业收入中，国家高新区实现营业收入7831.36亿元。")
    assert (one["7831.36亿元"].period_end, one["7831.36亿元"].period_from) == ("2021-06-30", "document")
    two = figures(lead + "，去年全年为2万亿元。\n营业收入中，国家高新区实现营业收入7831.36亿元。")
    assert two["7831.36亿元"].period_end == ""  # two periods named: which one is not known
    spelled = figures(lead + "，同比增长28.09%。1月到6月，园区保持增长。\n营业收入中，国家高新区实现营业收入7831.36亿元。")
    assert spelled["7831.36亿元"].period_end == "2021-06-30"  # 上半年 and 1月到6月 name one span: one period
    project = figures(lead + "，同比增长28.09%。\n新开工项目总投资达20亿元。")
    assert project["20亿元"].period_end == ""  # a project's total is its own attribute (attribute_keys)


BULLETIN = (
    "衡水市统计局\n国家统计局衡水调查队\n2022年，面对复杂严峻的国际环境和国内疫情散发等多重考验，全市各级各部门坚持稳中求进"
    "工作总基调，全市经济运行持续恢复、加快回稳，保障改善民生全面加强。\n一、综合\n"
    "初步核算，全市地区生产总值实现1800.5亿元。2018-2022年累计新增就业4.3万人。\n"
)
LATER = (  # the year opens the second section only
    "衡水市统计局\n全市经济运行持续恢复。\n一、综合\n初步核算，全市地区生产总值实现1800.5亿元。"
    "2018-2022年累计新增就业4.3万人。\n二、农业\n2022年，全市粮食产量300万吨。\n"
)


def test_the_year_opening_a_bulletin_whose_title_was_cut_dates_its_sections():
    """2022年，… before 一、综合: the year the sections report; a year opening a later section dates that section only."""
    from extractor import extract_text

    def period_of(text: str, value_text: str) -> str:
        return next(f.period for a in extract_text(text).articles for f in a.figures if f.value_text == value_text)

    assert period_of(BULLETIN, "1800.5亿元") == "2022年"
    assert period_of(LATER, "1800.5亿元") == ""


def test_a_part_of_the_year_printed_without_it_does_not_split_a_news_items_one_period():
    """2022年，… then 全年吞吐量… : 全年 is 2022's, so the item still names one period, and an undated figure in a later
    paragraph (主导产业GDP占比达到75%) is of it. Counter-example: a second year (2021年) leaves it unframed."""
    from extractor import extract_text

    def periods(second: str) -> dict[str, str]:
        text = (
            "新乡网讯 2022年,经开区多项经济指标增速均居七区第2位:固定资产投资增速21.5%。\n"
            f"产业发展再提质——全区主导产业GDP占比达到75%以上。现代物流产业{second}吞吐量达140余万吨。\n"
        )
        return {f.value_text: f.period for a in extract_text(text).articles for f in a.figures}

    assert periods("全年")["75%"] == "2022年"
    assert periods("2021年")["75%"] == ""


def test_a_reports_review_counts_take_the_year_in_force_and_news_counts_do_not():
    """periods.toml report_voice: a work report's counts were done in the year its review names; news's stay undated."""
    body = "一年来，全市经济运行稳中有进。\n民生保障有力。新建中小学12所，新设外资企业85家，地区生产总值增长5.1%。"
    report = "刚刚过去的2024年，全市完成了市十五届人大四次会议确定的目标任务，发展态势持续向好，多个重大项目签约落地。" + body
    news = "刚刚过去的2024年，园区经济平稳增长，主要指标好于预期，发展态势持续向好，多个重大项目签约落地，营商环境持续优化。" + body

    def periods_of(text: str) -> dict[str, str]:
        return {f.value_text: f.period for f in extract_figures(text, 0, len(text), [], "", published="2025-01-20")}
    assert periods_of(report)["85家"] == "2024年" and periods_of(report)["12所"] == "2024年"
    assert periods_of(news)["85家"] == ""  # the same count in news: no report's voice, no lead period for a count


@pytest.mark.parametrize("example", knowledge().leads, ids=lambda e: e["text"][:20])
def test_the_one_period_of_a_news_item(example):
    """periods.toml [[leads]] (beside since_after): 今年以来 … 前三季度 … → the part dates the undated rates below."""
    text = example["text"]
    figures = extract_figures(text, 0, len(text), [], "", published=example["published"])
    resolve_figure_periods(figures, example["published"])
    figure = next(f for f in figures if f.value_text == example["figure"])
    assert figure.period == example["period"]


def test_the_part_within_since_rule_is_what_dates_them(monkeypatch):
    """Without the rule the opener (今年以来) and the part (前三季度) disagree and the rate below has no period."""
    example = knowledge().leads[0]
    monkeypatch.setattr(periods, "_closed_within_since", lambda spans: [])
    text = example["text"]
    figure = next(f for f in extract_figures(text, 0, len(text), [], "") if f.value_text == example["figure"])
    assert figure.period == ""


def test_a_title_glued_to_its_body_still_dates_the_undated_amounts():
    """A bulletin's title line (2022年…统计公报) the normalizer joined to the body as a wrapped line: the head's year
    dates the amounts that print none, as a detected title's would — even where a caption names a part (1-4季度)."""
    text = (
        "2022年某县国民经济和社会发展统计公报2022年,面对三重压力,全县经济稳步增长。\n一、综合初步核算,全县完成地区生产总值"
        "2435313万元,按2020年不变价格计算,同比增长3%,两年平均增长4.2%。其中第一产业增加值26200万元,第二产业增加值1265746万元,第三产业增加值1143367万元。"
        "三次产业结构为1.08:51.97:46.95。全年人均地区生产总值81503元。2022年1-4季度地区生产总值增速图。"
    )
    by_value = {f.value: f.period for f in extract_figures(text, 0, len(text), [], "")}
    assert by_value[2435313] == "2022年" and by_value[26200] == "2022年"
    text = "据介绍，全县完成地区生产总值2435313万元。"  # no year in the head: none is made up
    assert extract_figures(text, 0, len(text), [], "")[0].period == ""


def test_a_dated_headline_heading_dates_flows_not_the_stocks_under_it(monkeypatch):
    """A headline kept on its own line under a page's header row (玉溪高新区一季度经济运行平稳) governs as a heading:
    its period dates the flows below, not a count of what the zone has gathered (periods.under_headline)."""
    text = (
        "来源 | 玉溪网 | 公开日期 | 2023-05-16 |\n玉溪高新区一季度经济运行平稳\n"
        "高新区聚焦三大产业集群,强化创新驱动和精准招商,全面实现园区经济高质量跨越式发展。\n"
        "生物医药产业方面,高新区集聚了红云制药等23家企业,实现产值20亿元。"
    )
    by_value = {f.value_text: f.period for f in extract_figures(text, 0, len(text), [], "")}
    assert by_value["20亿元"] == "一季度"  # a flow under the headline takes its period
    assert by_value["23家"] == ""  # a stock counted under it does not
    monkeypatch.setattr(PeriodIndex, "under_headline", lambda self, position: False)
    assert {f.value_text: f.period for f in extract_figures(text, 0, len(text), [], "")}["23家"] == "一季度"
