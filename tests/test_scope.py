"""Labels read from the document's scope: a headline, a heading, a section's lead, the article's own zone."""

from __future__ import annotations

import pytest

from extractor import extract_text
from extractor.backends.rules.labels import read_data


def _figure(page: str, value_text: str):
    figures = [f for article in extract_text(page).articles for f in article.figures if f.value_text == value_text]
    assert figures, f"no figure {value_text} in {page}"
    return figures[-1]


@pytest.mark.parametrize("case", read_data("subjects.toml")["document_examples"], ids=lambda c: c["figure"])
def test_document_subject_examples(case):
    assert _figure(case["text"], case["figure"]).subject == case["subject"]


def test_a_headline_line_frames_the_figures_without_a_period():
    page = "前三季度，超1.85万亿元！\n文摘 2024-11-06 海南\n分行业看，重点园区制造业营收增长19.8%，增势较好。"
    assert _figure(page, "19.8%").period == "前三季度"
    unframed = "据悉，重点园区经济稳中有进。\n分行业看，重点园区制造业营收增长19.8%，增势较好。"
    assert _figure(unframed, "19.8%").period == ""


def test_a_table_with_no_caption_takes_the_subject_and_period_of_the_text_it_follows():
    page = (
        "据悉，今年前11个月全市规模以上五大产业企业累计完成产值4251.2亿元，同比增长27.1%。\n"
        "现价工业产值\t本月\t增长%\n装备制造业\t2340183\t16.50\n电子信息业\t397416\t18.05\n"
    )
    cell = _figure(page, "18.05")
    body = _figure(page, "27.1%")
    assert (cell.subject, cell.period) == (body.subject, body.period) != ("", "")


def test_a_subject_the_title_names_is_read_from_the_heading_and_one_only_named_most_from_the_document():
    titled = _figure("示范区1-6月主要经济指标分析\n1-6月，规上工业总产值实现12.5亿元，同比增长18%。", "12.5亿元")
    assert (titled.subject, titled.subject_from) == ("示范区", "heading")
    page = "据悉，企业服务持续优化。\n投资环境不断改善，宁波高新区新增企业300家。\n宁波高新区建设加快。\n全年实现营业收入1200亿元。"
    counted = _figure(page, "1200亿元")
    assert (counted.subject, counted.subject_from) == ("宁波高新区", "document")


def test_a_report_told_by_its_speakers_title_speaks_for_the_place_of_that_level(monkeypatch):
    """subjects.toml report_speaker: 代市长…在政府工作报告中 names a city's report; its lead's short name (漳州) is the city."""
    text = (
        "政府工作报告提出:2010年漳州经济社会发展预期目标\n代市长陈冬昨日在政府工作报告中提出预期目标。\n"
        "主要预期目标是:地区生产总值增长13%,外贸出口增长15%。"
    )

    def subjects() -> set[str]:
        return {f.subject for a in extract_text(text).articles for f in a.figures}

    assert subjects() == {"漳州市"}
    monkeypatch.setattr("extractor.backends.rules.subjects._speaker_level", lambda text, start, end: "")
    assert "漳州市" not in subjects()  # without the speaker's level the short name names no place
