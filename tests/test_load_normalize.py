import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.text.load import LoadError, decode, iter_inputs, read_text
from extractor.text.normalize import fold_characters, normalize

SAMPLE = "南昌高新区生产总值739.4亿元，同比增长8.0%。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
    ],
)
def test_encodings_decode_to_the_same_text(data, encoding):
    text, found, _replaced = decode(data)
    assert text == SAMPLE
    assert found == encoding


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), b"abc\x00\x00\x00def" * 10])
def test_binary_data_is_an_error(data):
    with pytest.raises(LoadError):
        decode(data)


def test_folder_input_reads_text_files_and_reports_bad_ones(tmp_path):
    (tmp_path / "a.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    files = list(iter_inputs([tmp_path]))
    assert [f.name for f in files] == ["a.txt", "b.txt"]
    loaded = read_text(files[0])
    assert loaded.text == SAMPLE and loaded.encoding == "utf-8" and len(loaded.sha256) == 64
    with pytest.raises(LoadError):
        read_text(files[1])


def test_ocr_damage_is_repaired():
    raw = "汕头高\n\n新区工业增加值同比增长\n\n9.7% ，固 定 资 产 投 资 额 同 比 增 长\n\n31.1%。AI PC 项目 ２２亿元，占比１２．５％"
    assert normalize(raw).text == "汕头高新区工业增加值同比增长9.7%，固定资产投资额同比增长31.1%。AI PC项目22亿元，占比12.5%"


def test_doubled_headline_glyphs_and_repeated_phrases_are_undone():
    assert normalize("向向““新新””行行").text == "向“新”行"
    assert normalize("图片来源图片来源：：南昌高新区南昌高新区").text == "图片来源：南昌高新区"


def test_paragraph_printed_twice_is_kept_once():
    paragraph = "根据具体政策给予100万至5000万元不等的政策支持。"
    raw = f"{paragraph}\n其他内容在这里。\n{paragraph}\n结尾。"
    text = normalize(raw).text
    assert text.count(paragraph) == 1
    assert "其他内容在这里。" in text and "结尾。" in text


def test_offsets_map_back_to_the_raw_text():
    raw = "今年 1 至 8 月份，\n\n规模以上工业产值同比增长\n7.7%。"
    normalized = normalize(raw)
    start = normalized.text.index("7.7%")
    raw_start, raw_end = normalized.raw_span(start, start + 4)
    assert raw[raw_start:raw_end] == "7.7%"


@given(st.text(max_size=200))
def test_normalize_never_fails_and_offsets_stay_in_bounds(raw):
    normalized = normalize(raw)
    offsets = [normalized.raw_offset(i) for i in range(len(normalized.text))]
    assert all(0 <= o < len(raw) for o in offsets)
    assert offsets == sorted(set(offsets))
    for char, offset in zip(normalized.text, offsets, strict=True):
        original = raw[offset]
        kept_gap = char in "\n " and (original.isspace() or not original.isprintable())  # a kept break or Latin space
        assert char == original or kept_gap or ord(original) >= 0xFF00 or original in "．∶" or char == fold_characters(original)


_NUMERALS = set("0123456789.-%零〇一二两三四五六七八九十百千万亿点负")
# Text that is mostly numbers, doubled glyphs, traditional numerals, spaces and line breaks: where repairs could go wrong.
_NUMBERY = st.text(alphabet=st.sampled_from(list("0123456789.,-%元万亿千百十一二两三零萬億兩點臺向新行“” \n。，０１２％")), max_size=120)


def _numerals(text: str) -> list[str]:
    return [char for char in fold_characters(text) if char in _NUMERALS]


@given(_NUMBERY)
def test_normalization_never_changes_a_number(raw):
    """The numerals of the raw and the normalized text are the same sequence (whole repeated paragraphs aside)."""
    normalized = normalize(raw).text
    if "\n" in raw:  # a paragraph printed twice is kept once: compare with the repeats dropped
        raw = "\n".join(dict.fromkeys(raw.split("\n")))
        normalized = "\n".join(dict.fromkeys(normalized.split("\n")))
    assert _numerals(raw) == _numerals(normalized)


def test_a_line_break_between_digits_never_joins_two_numbers():
    """Found by the property test above: '0\\n0' became '00' and 营业收入\\n123\\n456 read 123456."""
    assert normalize("0\n0").text == "0\n0"
    assert normalize("营业收入\n123\n456").text.endswith("123\n456")
    assert normalize("2025\n年").text == "2025年"  # a wrapped line after a number still joins


def test_doubled_glyph_repair_leaves_numbers_alone():
    assert normalize("奖励3000000元，向向““新新””行行").text == "奖励3000000元，向“新”行"
    assert "100000000元" in normalize("投资100000000元").text


def test_traditional_characters_fold_one_for_one():
    raw = "總投資380億元，年產6000萬臺，出口165.3億美元"
    normalized = normalize(raw)
    assert normalized.text == "总投资380亿元，年产6000万台，出口165.3亿美元"
    start = normalized.text.index("6000万台")
    raw_start, raw_end = normalized.raw_span(start, start + 6)
    assert raw[raw_start:raw_end] == "6000萬臺"


def test_offset_map_stays_small_on_long_text():
    raw = "南昌高新区生产总值739.4亿元，同\n比增长8.0%。\n" * 5000
    normalized = normalize(raw)
    assert len(normalized.segments) <= 5000 * 3
    position = normalized.text.rindex("739.4亿元")
    start, end = normalized.raw_span(position, position + len("739.4亿元"))
    assert raw[start:end] == "739.4亿元"


def test_a_bulleted_line_starts_an_item_of_its_own():
    text = normalize("全省高新区上半年新增企业22个\n●营业收入13977.46亿元\n●工业增加值2000亿元").text
    assert text.split("\n") == ["全省高新区上半年新增企业22个", "●营业收入13977.46亿元", "●工业增加值2000亿元"]


def test_traditional_characters_are_asked_of_opencc_once_per_process(monkeypatch):
    """to_simplified converts one for one and asks OpenCC about a character only the first time it is seen."""
    from extractor.text import normalize as normalize_module

    asked: list[str] = []
    real = normalize_module._TO_SIMPLIFIED

    class Counting:
        def convert(self, text: str) -> str:
            asked.append(text)
            return real.convert(text)

    monkeypatch.setattr(normalize_module, "_TO_SIMPLIFIED", Counting())
    monkeypatch.setattr(normalize_module, "_asked", set())
    monkeypatch.setattr(normalize_module, "_TRADITIONAL", {})
    monkeypatch.setattr(normalize_module, "_TRADITIONAL_CHARACTERS", set())
    text = "高新區實現營業收入380億元，開發區"
    expected = "".join(c if len(s := real.convert(c)) != 1 else s for c in text)
    assert normalize_module.to_simplified(text) == expected == "高新区实现营业收入380亿元，开发区"
    first = len(asked)
    assert first > 0
    assert normalize_module.to_simplified(text[::-1]) == expected[::-1]
    assert len(asked) == first  # every character was known: OpenCC is not asked again
    assert normalize_module.to_simplified("开发区") == "开发区"


def test_text_measures_count_each_kind_of_character():
    """The per-character kinds the load measures remember give the counts read character by character."""
    from extractor.text.load import _measure

    text = "高新区 AB 𠀀\ufffd\x07é，" * 3
    measures = _measure(text)
    assert measures.visible == len(text) - text.count(" ")
    assert measures.bad == 3 and measures.controls == 3
    assert measures.han == 3 * 4  # 高新区 and the rare 𠀀
    assert measures.rare_han == 3 and measures.tokens == 3 * 6  # AB is one Latin word; é a letter
    assert _measure(text) == measures  # the remembered kinds give the same counts again


def test_pinyin_glosses_that_cut_words_are_dropped_and_spans_still_map_to_the_raw_text():
    raw = "今年上半年，完成地區(qū)生產(chǎn)總值230.46億元，大連19個(gè)園區(qū)。面積(km)与GDP(GDP)照旧。"
    normalized = normalize(raw)
    assert "地区生产总值230.46亿元" in normalized.text and "19个园区" in normalized.text
    assert "(km)" in normalized.text and "(GDP)" in normalized.text  # no tone mark: no gloss
    at = normalized.text.index("230.46")
    start, end = normalized.raw_span(at, at + len("230.46"))
    assert raw[start:end] == "230.46"


def test_a_short_dated_line_over_its_section_keeps_its_line(monkeypatch):
    """structure.toml dated_line: 2009年工作回顾 over a long paragraph is a heading, not a wrapped line; a cut word
    (汕头高) or a line ending in a digit (2020¶年…) is still joined."""
    raw = (
        "现在,我代表区人民政府向大会作政府工作报告。\n2009年工作回顾\n"
        "2009年是实现稳步发展不寻常的一年,区域综合实力进一步增强,经济社会实现平稳较快发展。"
    )
    assert "\n2009年工作回顾\n2009年是" in normalize(raw).text
    assert normalize("2020\n年吉林省政府工作报告全文如下,请予审议并提出意见建议").text.startswith("2020年吉林省")
    monkeypatch.setattr("extractor.text.normalize.plain_heading_lines", lambda text: set())
    assert "2009年工作回顾2009年是" in normalize(raw).text  # without the rule the heading is glued to its paragraph
