"""What a figure means: metric words, metric_key, measure, target and subject.

The cases come from the knowledge files themselves (extractor/data/*.toml), so an
expert who adds an entry adds its test; a few mechanisms get sentences of their own.
"""

import re
from pathlib import Path

import pytest

from extractor import extract_text
from extractor.backends.rules.labels import knowledge, read_data
from extractor.tools.evaluate import evaluate

# Words no metric may be on its own, beyond the data file's list (which the test also reads).
FUNCTION_WORDS = {"的", "了", "在", "和", "与", "及", "是", "为", "有", "这", "那", "其", "来", "从", "把", "被", "将", "对"}


def _figure(sentence: str, value_text: str):
    page = "据悉，" + sentence  # a page's first line is its title; the sentence goes in the body
    figures = [f for article in extract_text(page).articles for f in article.figures if f.value_text == value_text]
    assert figures, f"no figure {value_text} in {sentence}"
    return figures[-1]


def _cases(name: str, section: str | None = None) -> list[dict]:
    data = read_data(name)
    if section is None:
        return data["examples"]
    return data[section]["examples"]


METRIC_EXAMPLES = [(m["key"], e) for m in read_data("metrics.toml")["metric"] for e in m["examples"]]
METRIC_COUNTERS = [(m["key"], e) for m in read_data("metrics.toml")["metric"] for e in m["counter"]]


@pytest.mark.parametrize(("key", "example"), METRIC_EXAMPLES, ids=[f"{k}:{e['figure']}" for k, e in METRIC_EXAMPLES])
def test_every_metric_example_gets_its_key(key, example):
    assert _figure(example["text"], example["figure"]).metric_key == key


@pytest.mark.parametrize(("key", "example"), METRIC_COUNTERS, ids=[f"not-{k}:{e['figure']}" for k, e in METRIC_COUNTERS])
def test_no_metric_counter_example_gets_the_key(key, example):
    assert _figure(example["text"], example["figure"]).metric_key != key


def test_every_metric_key_is_one_of_the_documented_keys():
    documented = Path(__file__).resolve().parent.parent.joinpath("seeds/gold/METRICS.md").read_text(encoding="utf-8")
    for entry in read_data("metrics.toml")["metric"]:
        assert f"| {entry['key']} |" in documented, entry["key"]


@pytest.mark.parametrize("case", _cases("labels.toml", "phrase"), ids=lambda c: c["figure"])
def test_metric_phrase_examples(case):
    assert _figure(case["text"], case["figure"]).metric == case["metric"]


@pytest.mark.parametrize("case", read_data("labels.toml")["period_phrase_examples"], ids=lambda c: c["text"][:12])
def test_a_span_of_time_that_frames_something_else_is_no_figure(case):
    values = [f.value_text for article in extract_text(case["text"]).articles for f in article.figures]
    assert (case["value"] in values) is case["figure"], values


@pytest.mark.parametrize("case", read_data("labels.toml")["threshold_examples"], ids=lambda c: c["text"][:12])
def test_an_amount_that_bounds_a_counted_class_has_no_period_of_its_own(case):
    figure = _figure(case["text"], case["value"])
    assert (figure.period_end == "" and figure.period_from == "none") is case["threshold"], figure
    assert figure.confidence != "high" or not case["threshold"]


@pytest.mark.parametrize("case", _cases("labels.toml", "measure"), ids=lambda c: c["figure"])
def test_measure_examples(case):
    assert _figure(case["text"], case["figure"]).measure == case["measure"]


@pytest.mark.parametrize("case", _cases("labels.toml", "target"), ids=lambda c: c["figure"])
def test_target_examples(case):
    assert _figure(case["text"], case["figure"]).target is case["target"]


@pytest.mark.parametrize("case", _cases("subjects.toml"), ids=lambda c: c["figure"])
def test_subject_examples(case):
    assert _figure(case["text"], case["figure"]).subject == case["subject"]


def test_a_growth_rate_is_tied_to_the_metric_it_qualifies():
    figure = _figure("今年前三季度，武汉东湖高新区进出口额169.65亿元，同比增长3.8%。", "3.8%")
    assert (figure.metric, figure.metric_key, figure.measure) == ("进出口额", "trade", "growth")


def test_a_group_total_is_about_the_group_not_the_nearest_zone():
    page = "中关村高新区是首批国家高新区。\n2021年，全国169家国家级高新区实现营业收入48万亿元，利润总额4.2万亿元。"
    figures = {f.value_text: f for article in extract_text(page).articles for f in article.figures}
    assert figures["48万亿元"].subject == figures["4.2万亿元"].subject == "国家高新区"  # the collective's one spelling


def test_zone_words_on_their_own_mean_the_zone_named_before():
    page = "合肥高新区举行项目签约仪式，台湾某集团在会上签约。\n今年以来，全区实现规上工业总产值1200亿元。"
    assert _figure(page, "1200亿元").subject == "合肥高新区"


def test_a_subject_always_occurs_in_the_text():
    page = "威海火炬高技术产业开发区建区十年，许多企业落户开发区。开发区累计引进项目300多个，总投资达120亿元。"
    for article in extract_text(page).articles:
        for figure in article.figures:
            assert figure.subject == "" or figure.subject in page


def _all_figures(paths):
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for article in extract_text(text).articles:
            yield from article.figures


@pytest.mark.parametrize("where", ["seeds", "corpus"])
def test_no_metric_is_a_single_character_or_a_function_word(where, seeds_dir, shared):
    folder = seeds_dir if where == "seeds" else shared.need("corpus")
    paths = sorted(folder.glob("*.txt"))
    assert paths
    banned = FUNCTION_WORDS | knowledge().not_a_metric
    figures = list(_all_figures(paths))
    assert figures
    bad = [(f.value_text, f.metric) for f in figures if len(f.metric) == 1 or f.metric in banned]
    assert not bad


def test_eval_scores_each_label_over_matched_pairs_whose_gold_has_it(tmp_path):
    import json

    gold = {
        "doc": "d.txt",
        "published": "2024-03-05",
        "figures": [
            {"value_text": "7亿元", "amount": 7e8, "base_unit": "元", "subject": "甲", "context": "总投资7亿元",
             "metric_key": "project_investment", "measure": "level", "target": True},
            {"value_text": "5%", "amount": 5, "base_unit": "%", "subject": "甲", "context": "增长5%", "measure": "growth"},
        ],
    }
    (tmp_path / "d.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    predictions = [
        {"kind": "figure", "doc": "d.txt", "amount": 7e8, "base_unit": "元", "subject": "甲", "metric_key": "project_investment",
         "measure": "level", "target": False, "published": "2024-03-05", "evidence": {"text": "总投资7亿元"}},
        {"kind": "figure", "doc": "d.txt", "amount": 5, "base_unit": "%", "subject": "甲", "metric_key": "other",
         "measure": "share", "target": False, "published": "2024-03", "evidence": {"text": "增长5%"}},
    ]
    figures = evaluate(predictions, tmp_path)["figures"]
    assert figures.label_accuracy("metric_key") == 1.0  # judged on the one gold item that has it
    assert figures.label_accuracy("target") == 0.0
    assert figures.label_accuracy("measure") == 0.5
    assert figures.label_accuracy("published") == 0.5  # the document's date applies to both items
    assert figures.label_accuracy("period_end") is None  # no gold item has it: not scored


def test_eval_pairs_a_repeated_value_with_the_gold_whose_context_is_its_own(tmp_path):
    """Two 2% of one report, 2025's result and 2026's target: each is judged against its own gold, whichever the
    run lists first (pairing in the run's order gave the first one the other's answer)."""
    import json

    gold = {
        "doc": "d.txt",
        "figures": [
            {"value_text": "2%", "amount": 2, "base_unit": "%", "subject": "甲",
             "context": "一般公共预算收入增长2%，规上工业增加值增长7.9%", "target": False},
            {"value_text": "2%", "amount": 2, "base_unit": "%", "subject": "甲", "context": "预期目标：一般公共预算收入增长2%左右",
             "target": True},
        ],
    }
    (tmp_path / "d.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    target = {"kind": "figure", "doc": "d.txt", "amount": 2, "base_unit": "%", "subject": "甲", "target": True,
              "evidence": {"text": "预期目标：一般公共预算收入增长2%左右"}}
    result = {"kind": "figure", "doc": "d.txt", "amount": 2, "base_unit": "%", "subject": "甲", "target": False,
              "evidence": {"text": "一般公共预算收入增长2%"}}
    for order in ([target, result], [result, target]):
        assert evaluate(order, tmp_path)["figures"].label_accuracy("target") == 1.0


def test_eval_counts_no_subject_right_where_the_gold_has_none(tmp_path):
    """A statistics page that never names its district: the gold's subject is empty, and so is a run that does not
    guess one; a run that names any subject there is wrong."""
    import json

    gold = {"doc": "d.txt", "figures": [{"value_text": "295.4亿元", "amount": 2.954e10, "base_unit": "元", "subject": "",
                                         "context": "全年完成地区生产总值295.4亿元"}]}
    (tmp_path / "d.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    figure = {"kind": "figure", "doc": "d.txt", "amount": 2.954e10, "base_unit": "元", "evidence": {"text": "地区生产总值295.4亿元"}}
    assert evaluate([{**figure, "subject": ""}], tmp_path)["figures"].attribute_accuracy == 1.0
    assert evaluate([{**figure, "subject": "全市"}], tmp_path)["figures"].attribute_accuracy == 0.0


def test_eval_tells_provincial_level_zones_from_all_the_provinces_zones():
    from extractor.tools.evaluate import _subjects_agree

    assert not _subjects_agree("省级高新区", "全省高新区", [])  # 省级: the provincial-level ones; 全省: all of them
    assert _subjects_agree("全省国家高新区", "国家高新区", [])  # the province's share, printed as the group
    assert _subjects_agree("32个国家级经济技术开发区", "国家经济技术开发区", [])
    # the short name the text defines (以下简称国家级经开区) and the long one are one collective (docs/labels.md)
    assert _subjects_agree("国家级经济技术开发区", "4個國家級經開區", [])
    assert _subjects_agree("国家高新技术产业开发区", "169家国家级高新区", [])
    assert not _subjects_agree("国家级经济技术开发区", "国家高新区", [])


def test_eval_reads_a_gold_name_glossed_in_pinyin_as_the_normalizer_reads_the_text():
    from extractor.tools.evaluate import _subjects_agree

    assert _subjects_agree("大连19个园区", "大連19個(gè)園區(qū)", [])  # the run reads the text without its glosses
    assert not _subjects_agree("大连19个园区", "大連42個(gè)園區(qū)", [])


def test_a_place_is_a_listed_place_not_a_fragment_ending_in_shi():
    page = "开发区建设者们靠着市财政分3年提供的贷款起步。\n目前，武汉市规模以上工业增加值增长8.3%。"
    figures = {f.value_text: f for article in extract_text(page).articles for f in article.figures}
    assert figures["3年"].subject != "靠着市"
    assert figures["8.3%"].subject == "武汉市"


def test_the_place_list_comes_from_the_data_file():
    from extractor.backends.rules.subjects import read_places

    names, stems = read_places()
    assert {"宁夏回族自治区", "银川市", "海淀区", "山东省"} <= names
    assert "宁夏" in stems and "山东" in stems
    assert all(len(name) >= 3 for name in names)  # two-character counties (威县) would match fragments


@pytest.mark.parametrize("where", ["seeds", "corpus"])
def test_every_place_subject_is_a_listed_place(where, seeds_dir, shared):
    from extractor.backends.rules.subjects import read_places

    folder = seeds_dir if where == "seeds" else shared.need("corpus")
    paths = sorted(folder.glob("*.txt"))
    assert paths
    names, _ = read_places()
    short_places = {f.subject for f in _all_figures(paths) if len(f.subject) <= 4 and f.subject.endswith(("市", "省", "县"))}
    assert short_places <= names


def test_a_list_of_kinds_of_firms_is_counted_as_firms():
    figure = _figure("目前，园区现有瞪羚企业、高新技术企业、上市公司150家。", "150家")
    assert figure.metric == "瞪羚企业、高新技术企业、上市公司"
    assert figure.metric_key == "enterprises"


def test_a_list_with_one_kind_keeps_its_key():
    figure = _figure("累计引进高层次人才、产业骨干等1200人。", "1200人")
    assert figure.metric_key == "talent"


def test_a_number_that_counts_named_companies_is_about_the_zone():
    page = "合肥高新区传来喜讯：安徽华米信息科技有限公司、科大讯飞股份有限公司2家企业入选。"
    figure = _figure(page, "2家")
    assert figure.subject == "合肥高新区"


def test_a_figure_with_no_words_of_its_own_takes_its_sentence_key():
    figure = _figure("今年签约项目中在建30个、投产12个。", "12个")
    assert figure.metric_key == "projects"


def test_an_article_about_no_zone_is_about_the_place_it_names():
    page = "据悉\n目前，闵行区今年新开工产业项目12项，项目总投资56亿元。"
    figures = {f.value_text: f for article in extract_text(page).articles for f in article.figures}
    assert figures["56亿元"].subject == "闵行区"


@pytest.mark.parametrize("where", ["seeds", "corpus"])
def test_no_metric_holds_a_number(where, seeds_dir, shared):
    folder = seeds_dir if where == "seeds" else shared.need("corpus")
    paths = sorted(folder.glob("*.txt"))
    assert paths
    bad = [(f.value_text, f.metric) for f in _all_figures(paths) if re.search(r"\d+(?:\.\d+)?%", f.metric)]
    assert not bad


def test_a_duration_before_an_average_is_a_period_not_a_figure():
    figures = [f.value_text for a in extract_text("全区规上工业增加值两年平均增长10.2%。").articles for f in a.figures]
    assert figures == ["10.2%"]


def test_rates_after_fenbie_qualify_the_amounts_before_it_in_order():
    page = "上半年，16个开发区实现工业总产值692.6亿元，税收收入67.9亿元，出口额35.1亿美元，分别比上年同期增长12.4%、6.8%和17.7%。"
    figures = {f.value_text: f for a in extract_text(page).articles for f in a.figures}
    assert [figures[v].metric_key for v in ("12.4%", "6.8%", "17.7%")] == ["industrial_output", "tax", "exports"]
    assert all(figures[v].measure == "growth" for v in ("12.4%", "6.8%", "17.7%"))


def test_rates_after_fenbie_measure_the_names_listed_in_their_own_clause_not_the_amounts_before():
    """达到…亿元，A、B分别增长X%、Y%: the clause before 分别 lists the names the rates measure; the amounts of the clause
    before it (two of them, as many as the rates) are not what grew."""
    page = "全市地区生产总值突破5000亿元、达到5120亿元，一般公共预算收入、税收收入年均分别增长6.1%、4.2%。"
    figures = {f.value_text: f for a in extract_text(page).articles for f in a.figures}
    assert [figures[v].metric_key for v in ("6.1%", "4.2%")] == ["fiscal_revenue", "tax"]
    assert figures["5120亿元"].metric_key == "gdp"


def test_the_list_after_fenbie_ends_where_a_clause_of_its_own_begins():
    """占比分别为…56.5%和58.3%，对…的贡献度超过一半: two shares of the count and the total before 分别; 一半 is no third."""
    page = "其中，重点产业类招商项目达122个，总投资2144.3亿元，占比分别为全市总量的56.5%和58.3%，对全市经济发展的贡献度超过一半。"
    figures = {f.value_text: f for a in extract_text(page).articles for f in a.figures}
    assert figures["56.5%"].metric_key == figures["122个"].metric_key == "projects"
    assert figures["58.3%"].metric_key == figures["2144.3亿元"].metric_key != "projects"


def test_a_list_of_rates_after_a_list_of_amounts_pairs_them_in_order_without_fenbie():
    """利用内资15.5亿元、外资4101万美元，同比增长18%、17.17%: each rate grows the amount in its place."""
    page = "园区全面利用内资15.5亿元、外资4101万美元，同比增长18%、17.17%。"
    figures = {f.value_text: f for a in extract_text(page).articles for f in a.figures}
    assert [figures[v].metric_key for v in ("18%", "17.17%")] == ["investment_attracted", "fdi_actual"]
    page = "园区实现营业收入120亿元、利润总额8.5亿元，同比增长12%、9%。"
    figures = {f.value_text: f for a in extract_text(page).articles for f in a.figures}
    assert [figures[v].metric_key for v in ("12%", "9%")] == ["revenue", "profit"]


def test_the_data_files_scope_examples():
    from extractor.backends.rules.labels import metric_scope, read_data

    for example in read_data("labels.toml")["scope"]["examples"]:
        assert metric_scope(example["words"], example["key"]) == example["scope"], example


def test_a_sub_metric_keeps_its_key_and_is_a_fact_of_its_own(tmp_path):
    from extractor import extract_text

    text = "2021年上半年，全省高新区实现营业收入13977.46亿元，其中高新技术产业营业收入6994.32亿元。"
    figures = {f.value_text: f for a in extract_text(text).articles for f in a.figures}
    whole, part = figures["13977.46亿元"], figures["6994.32亿元"]
    assert whole.metric_key == part.metric_key == "revenue"
    assert (whole.metric_scope, part.metric_scope) == ("", "高新技术产业")


def test_indexed_names_cut_the_phrase_where_the_plain_list_does():
    from hypothesis import given
    from hypothesis import strategies as st

    from extractor.backends.rules.names import NameIndex, name_ends

    words = st.text(alphabet="高新区园企业A", max_size=12)

    @given(st.lists(words, max_size=6), words)
    def check(names, head):
        plain = sorted(set(name_ends(head, list(names))))
        assert sorted(set(NameIndex(names).ends_in(head))) == plain
        assert all((name in NameIndex(names)) == (name in names) for name in [*names, head])

    check()
    assert NameIndex(["企业", "高新区", "新区"]).ends_in("全市高新区企业企业") == [5, 5, 7]  # each name once, at its first end


def test_where_the_news_came_from_is_not_the_subject_of_its_sentence():
    # 从…获悉 names the source (subjects.toml source_before/source_after): at most the document's subject, not the
    # sentence's, so the figure is not high on its strength
    figure = _figure("记者日前从上海自贸区管委会保税区管理局获悉，2023年，经营总收入2.32万亿元。", "2.32万亿元")
    assert figure.subject_from != "sentence"
    named = _figure("记者从苏州工业园区获悉，2023年，昆山开发区实现地区生产总值3686亿元。", "3686亿元")
    assert (named.subject, named.subject_from) == ("昆山开发区", "clause")  # a subject of its own clause stays


def test_a_signal_is_scanned_only_where_its_first_words_stand():
    """signals_in keeps, in order, exactly the signals that match the words: a gap signal (规上…产值) by its first part."""
    from extractor.backends.rules.lexicon import knowledge

    entries = knowledge().entries
    gapped = next(e for e in entries if e.key == "industrial_output" and any(".{0,8}?" in p.pattern for p, _ in e.signals))
    words = ["园区规上工业总产值", "实现营业收入", "高新技术企业数量", "同比增长", ""]
    for entry in entries:
        for text in words:
            kept = entry.signals_in(text)
            assert [s for s in entry.signals if s[0].search(text)] == [s for s in kept if s[0].search(text)]
            assert all(head in text for (pattern, _), head in zip(entry.signals, entry.heads, strict=True) if (pattern, _) in kept)
    assert gapped.signals_in("同比增长") == []
    assert gapped.signals_in("园区规上工业总产值") or gapped.signals_in("规模以上工业产值")


_REPORT_VOICE = (
    "过去一年，我们坚持稳中求进，扎实推进各项工作。\n"
    "这是综合经济实力显著提升的五年。全省地区生产总值历史性迈上4000亿元台阶，粮食产量连续18年保持在100万吨以上。\n"
    "我们深入学习习近平总书记考察{a}重要讲话精神，{b}大地发展步入最好时期。\n"
)


def _report_subjects(a: str, b: str) -> set[str]:
    page = _REPORT_VOICE.format(a=a, b=b)
    return {f.subject for article in extract_text(page).articles for f in article.figures if f.value_text == "4000亿元"}


def test_a_report_cut_from_its_title_speaks_for_the_province_it_names():
    """全省 in a work report's body with no title: the one province the text names (twice, by full or short name)."""
    assert _report_subjects("青海", "青海") == {"青海省"}


def test_a_report_naming_two_provinces_alike_speaks_for_neither():
    """Counter-example: 青海 once and 甘肃 once: no guess between them."""
    assert not _report_subjects("青海", "甘肃") & {"青海省", "甘肃省"}


def test_a_list_of_counts_gives_each_count_its_own_noun():
    """1个旅游度假区和2个出口加工区: the 2 counts export processing zones only, not 旅游度假区出口加工区."""
    sentence = "1984年，山东省设立了5个高新技术产业开发区、1个旅游度假区和2个出口加工区。"
    assert _figure(sentence, "2个").metric == "出口加工区"
    assert _figure(sentence, "1个").metric == "旅游度假区"


def test_two_sectors_of_firms_join_but_the_next_count_keeps_its_own():
    """424家软件和信息技术服务业企业 is one noun; 高新技术企业120家和科技型中小企业300家 are two counts."""
    assert _figure("全年新增424家软件和信息技术服务业企业。", "424家").metric == "软件和信息技术服务业企业"
    first = _figure("全年新增高新技术企业120家和科技型中小企业300家。", "120家")
    assert "300" not in first.metric and first.metric_key == "high_tech_enterprises"


def test_a_collective_pointed_back_at_keeps_its_one_spelling():
    """178家国家高新区…，园区生产总值…: 园区 points at the nation's collective, which the table adds up under one spelling
    (it had kept the printed 178家国家高新区, a zone of its own beside 国家高新区)."""
    sentence = "前三季度,178家国家高新区发展总体向好,园区生产总值(GDP)达到12.33万亿元。"
    figure = _figure(sentence, "12.33万亿元")
    assert (figure.subject, figure.subject_from) == ("国家高新区", "sentence")  # read where it is named, not by default


def test_a_place_is_read_only_where_a_listed_place_can_end(monkeypatch):
    """_places reads a place at each 省/市/区/县… ending; one set test of the last three characters turns away the
    endings no listed place has (开发区, 保税区), instead of six slices and look-ups each. The places found stay."""
    import dataclasses

    from extractor.backends.rules import subjects

    class Counting(frozenset):
        asked = 0

        def __contains__(self, item: object) -> bool:
            Counting.asked += 1
            return frozenset.__contains__(self, item)

    words = subjects._words()
    monkeypatch.setattr(subjects, "_words", lambda: dataclasses.replace(words, places=Counting(words.places)))
    text = "开发区、保税区和综保区的企业，" * 20 + "常州市新北区今年营业收入增长。"
    found = [(e.name, e.kind) for e in subjects._places(text, 0, len(text))]
    assert ("常州市新北区", "place") in found, found
    assert Counting.asked < 20, Counting.asked  # the 60 endings of zone words ask nothing of the place names
    Counting.asked = 0
    assert subjects._lead_place(text, 0, len(text)) == "新北区"  # 常州市新北区: the district, the most specific place
    assert Counting.asked < 20, Counting.asked


def test_a_phrase_scans_its_head_for_break_words_once(monkeypatch):
    """_phrase cuts at the break words _without_trailing_breaks found in its last pass: one scan of the head, not two
    (a figure's phrase is read for each of the ~11,000 figures of 1M characters). The phrase stays the same."""
    import dataclasses

    from extractor.backends.rules import labels
    from extractor.domain.periods import period_pattern

    lexicon = labels.knowledge()
    scans: list[str] = []

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def finditer(self, text: str, *span: int):
            scans.append(text)
            return self.pattern.finditer(text, *span)

        def __getattr__(self, name: str):
            return getattr(self.pattern, name)

    head = "今年全区实现规上工业总产值"
    expected = labels._phrase(head, [], period_pattern())
    monkeypatch.setattr(labels, "knowledge", lambda: dataclasses.replace(lexicon, breaks=Counting(lexicon.breaks)))
    assert labels._phrase(head, [], period_pattern()) == expected and expected
    assert len(scans) == 1, scans
