from hypothesis import given
from hypothesis import strategies as st

from extractor.backends.llm.chunks import chunk_article
from extractor.text.normalize import normalize
from extractor.text.segment import segment


def test_page_splits_at_bylines_with_titles():
    page = normalize(
        "南昌高新区：厚植产业发展沃土\n◎本报记者 魏依晨\n近日，南昌高新区生产总值739.4亿元。\n"
        "湖南望城经开区发布新政促大学生创新创业\n科技日报讯(记者俞慧友)记者11月11日获悉，望城经开区设立两亿元基金。"
    ).text
    parts = segment(page)
    assert [p.title for p in parts] == ["南昌高新区：厚植产业发展沃土", "湖南望城经开区发布新政促大学生创新创业"]
    assert "739.4亿元" in page[parts[0].start : parts[0].end]
    assert "两亿元" in page[parts[1].start : parts[1].end]
    assert parts[0].end == parts[1].start and parts[-1].end == len(page)


def test_source_line_ends_an_article():
    page = "甲高新区完成投资5亿元。(来源:科技日报)乙高新区新增企业3家。"
    parts = segment(page)
    assert len(parts) == 2
    assert page[parts[1].start :].startswith("乙高新区")


def test_a_number_is_never_split_across_chunks():
    text = "规模以上工业增加值同比增长12.3%，" * 20
    for budget in range(5, 40):
        chunks = chunk_article(text, 0, len(text), budget=budget)
        assert "".join(c.text for c in chunks) == text
        for chunk in chunks:
            assert "12.3%" in chunk.text or "12" not in chunk.text[-3:]
            assert not chunk.text.startswith((".3%", "3%", "%"))


def test_chunks_respect_the_budget_at_sentence_ends():
    sentence = "南昌高新区生产总值739.4亿元，同比增长8.0%。"
    text = sentence * 10
    chunks = chunk_article(text, 0, len(text), budget=len(sentence) * 3)
    assert all(len(c.text) <= len(sentence) * 3 for c in chunks)
    assert all(c.text.endswith("。") for c in chunks)


@given(st.text(alphabet="一二三0123456789.%亿元万，。家", max_size=120), st.integers(min_value=1, max_value=50))
def test_chunks_cover_the_article_exactly(text, budget):
    chunks = chunk_article(text, 0, len(text), budget=budget)
    assert "".join(c.text for c in chunks) == text
    assert all(text[c.start : c.end] == c.text for c in chunks)


def test_an_archive_field_label_is_never_part_of_a_title():
    page = normalize(
        "【 日  期 】20030512\n【 标  题 】合肥高新区新增企业百家\n【 作  者 】王刚/李明\n【 正  文 】\n"
        "新华社合肥电（记者王刚）今年以来，合肥高新区新增企业106家。"
    ).text
    titles = [p.title for p in segment(page)]
    assert "合肥高新区新增企业百家" in titles
    assert not any("【" in title or "】" in title for title in titles)
