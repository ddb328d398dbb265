"""What a figure means: metric words, metric_key, measure, target and subject.

The cases come from the knowledge files themselves (extractor/data/*.toml), so an
expert who adds an entry adds its test; a few mechanisms get sentences of their own.
"""

from pathlib import Path

import pytest

from extractor import extract_text
from extractor.backends.rules.labels import knowledge, read_data
from extractor.evaluate import evaluate

CORPUS = Path("/work/shared/corpus")
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
    assert figures["48万亿元"].subject == figures["4.2万亿元"].subject == "全国169家国家级高新区"


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
def test_no_metric_is_a_single_character_or_a_function_word(where, seeds_dir):
    folder = seeds_dir if where == "seeds" else CORPUS
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        pytest.skip(f"{folder} is not here")
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
