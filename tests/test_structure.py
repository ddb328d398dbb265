"""The document's structure: headings govern the periods and subjects of what is under them."""

import pytest

from extractor import extract_text
from extractor.text.normalize import normalize
from extractor.text.structure import Outline, examples

REPORT = (
    "2024年政府工作报告\n"
    "——2024年1月10日在滨江区第五届人民代表大会第三次会议上\n"
    "各位代表：\n"
    "一、2023年工作回顾\n"
    "过去一年，全区实现地区生产总值2500亿元，增长6.5%。我区规上工业增加值达到1200亿元。\n"
    + "全区上下凝心聚力，攻坚克难，各项事业取得新进展。" * 8
    + "\n新引进项目46个，其中萧山经济技术开发区签约项目5个。\n"
    "全区财政总收入420亿元，增长8%。\n"
    "二、2024年工作安排\n"
    "全区生产总值增长6%左右。\n"
)


@pytest.mark.parametrize("example", examples(), ids=lambda e: e["phrase"])
def test_the_data_files_examples_give_their_headings(example):
    text = normalize(example["text"]).text
    outline = Outline(text, 0, len(text))
    assert [h.text for h in outline.governing(text.index(example["phrase"]))] == example["headings"]


def test_the_normalizer_keeps_a_heading_on_its_own_line():
    text = normalize("各位代表：\n一、2023年工作回顾\n过去一年，全区实现地区生产总值2500亿元。").text
    assert "\n一、2023年工作回顾\n" in text
    # a numbered line that is a sentence is joined as before when the line after continues it
    joined = normalize("1、各项指标完成,全年实现国内生产总值\n42亿元。").text
    assert "生产总值42亿元" in joined


def _figures(result):
    return {f.value_text: f for article in result.articles for f in article.figures}


def test_a_heading_sets_the_period_of_the_figures_under_it():
    figures = _figures(extract_text(REPORT, meta={"published": "2024-01-12"}))
    assert figures["2500亿元"].period_end == "2023-12-31"
    assert figures["420亿元"].period_end == "2023-12-31" and figures["420亿元"].period_from == "heading"
    assert figures["6%"].period_end == "2024-12-31"  # the next heading of the same level takes over


def test_a_park_named_once_far_down_a_report_is_not_its_subject():
    figures = _figures(extract_text(REPORT, meta={"published": "2024-01-12"}))
    assert figures["5个"].subject == "萧山经济技术开发区"  # where it is named, it is the subject
    assert figures["420亿元"].subject == "滨江区"  # the report speaks for the place its lead names
    assert figures["2500亿元"].subject == "滨江区"


PROVINCE = (
    "海南省2024年政府工作报告\n——2024年1月23日在海南省第七届人民代表大会第二次会议上\n"
    + "各位代表，现在我代表省人民政府向大会报告工作，请予审议。" * 5
    + "\n一、2023年工作回顾\n全省地区生产总值增长9.2%。海口综合保税区进出口增长20%，占全省进出口总额的35%。\n"
)


def test_a_provincial_report_speaks_for_its_province():
    figures = _figures(extract_text(PROVINCE, meta={"published": "2024-01-25"}))
    assert (figures["9.2%"].subject, figures["9.2%"].subject_from) == ("海南省", "heading")  # the title block names the province
    assert figures["20%"].subject == "海口综合保税区"  # a zone named in its clause is its figure's subject
    assert figures["35%"].subject != "海南省"  # 占全省…: the province is the whole of the share, not its subject


def test_a_stock_with_no_named_period_is_dated_by_the_publication_but_never_overrides_a_named_year():
    figures = _figures(extract_text("开发区已经成立了4家风险投资公司。2020年已有企业300家。", meta={"published": "2003-01-10"}))
    assert (figures["4家"].period_end, figures["4家"].period_from) == ("2003-01-10", "document")
    assert figures["300家"].period_end == "2020-12-31"


def test_a_collective_keeps_one_spelling_and_a_counted_subset_its_own():
    first = _figures(extract_text("全国169家国家级高新区实现营业收入48万亿元。"))
    second = _figures(extract_text("我国国家高新技术产业开发区实现营业收入6万亿元。"))
    assert first["48万亿元"].subject == second["6万亿元"].subject == "国家高新区"
    assert first["169家"].subject == "全国169家国家级高新区"  # the count inside the name counts the group as printed
    subset = _figures(extract_text("中部12家国家级经开区实现税收900亿元。"))
    assert subset["900亿元"].subject == "中部国家级经开区"  # a region's share, named with its region: no whole


def test_bullet_items_stay_on_their_lines_and_a_pointer_phrase_is_no_name():
    text = "●新增研发机构32个:国家高新区新增10个,省级高新区新增22个\n全省高新区上半年实现营业收入13977.46亿元。"
    assert "22个\n全省高新区" in normalize(text).text  # never 22个全省高新区
    figures = _figures(extract_text("吉林中粮生物材料有限公司落户经开区。该项目研发中心投资2亿元。"))
    assert not figures["2亿元"].subject.startswith("该")


def test_a_count_after_a_list_of_examples_is_the_zones_not_a_listed_companys():
    text = "长春经开区获悉，截至3月31日，一汽丰田(长春)发动机有限公司技改升级、马瑞利车灯、大众置业基地项目等78个重点项目均已开工。"
    figures = _figures(extract_text(text))
    assert figures["78个"].subject == "长春经开区"
