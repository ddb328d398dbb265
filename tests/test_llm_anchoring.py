"""The anchoring policy on hand-made answers, without a server: how an answer and the candidates become records."""

from __future__ import annotations

import pytest

from extractor.backends import Page
from extractor.backends.llm.anchoring import assemble, chunk_records, stand_in
from extractor.backends.llm.answers import without_marks
from extractor.backends.llm.chunks import chunk_article
from extractor.backends.llm.modes import mode_for
from extractor.backends.llm.prompting import batches
from extractor.backends.rules import RulesBackend
from extractor.backends.usage import ChunkTally
from extractor.knowledge import examples
from extractor.models import Figure
from extractor.text.normalize import normalize
from extractor.text.segment import segment

PAGE = "本报讯 南昌高新区今年实现营业收入120亿元，同比增长8.5%。"


def _call(extraction: str, answer: dict):
    text = normalize(PAGE).text
    (article,) = RulesBackend().extract(Page("page", text, segment(text)))
    (batch,) = batches([(article, chunk) for chunk in chunk_article(text, article.start, article.end, article.index)], 3000, "", text)
    mode = mode_for(extraction)
    context = {"text": without_marks(batch.plain_text()), "figure_ids": batch.figure_ids, "quote_ids": batch.quote_ids}
    parsed = mode.answer_model.model_validate(answer, context=context)
    tally = ChunkTally()
    return chunk_records(text, article, batch.parts[0], parsed, batch, mode, tally), tally, batch.parts[0], article


def _mark(part, value_text: str) -> str:
    return next(mark for mark, figure in part.figures.items() if figure.value_text == value_text)


def test_an_anchored_label_goes_to_its_candidate_and_says_it_came_from_the_model():
    _, _, part, _ = _call("anchored", {})
    records, tally, _, _ = _call("anchored", {"labels": [{"id": _mark(part, "120亿元"), "metric": "主营业务收入"}]})
    labelled = next(f for f in records.figures if f.value_text == "120亿元")
    assert (labelled.metric, labelled.metric_from) == ("主营业务收入", "model")
    assert tally.applied == 1 and tally.candidates == len(part.figures)
    assert {f.value_text for f in records.figures} == {f.value_text for f in part.figures.values()}  # every candidate stays


def test_the_free_mode_merges_a_model_figure_at_a_candidates_number_into_it():
    item = {"value_text": "120亿元", "value": 120, "unit": "亿元", "metric": "收入", "evidence": "实现营业收入120亿元"}
    records, tally, part, _ = _call("free", {"figures": [item]})
    at_120 = [f for f in records.figures if "120" in f.value_text]
    assert len(at_120) == 1 and at_120[0].metric == "收入" and tally.merged == 1 and tally.applied == 1
    assert len(records.figures) == len(part.figures)


def test_a_model_figure_not_printed_in_the_chunk_is_dropped_and_the_candidates_stay():
    item = {"value_text": "999亿元", "value": 999, "unit": "亿元", "evidence": ""}
    records, tally, part, _ = _call("anchored", {"figures": [item]})
    assert "999亿元" not in {f.value_text for f in records.figures}
    assert records.figures == list(part.figures.values())
    assert tally.dropped["figures: number not printed in the chunk"] == 1


def test_a_figure_the_model_adds_is_kept_with_its_own_labels():
    text_figure = {"value_text": "8.5%", "value": 8.5, "unit": "%", "metric": "营业收入增速", "evidence": "同比增长8.5%"}
    _, _, part, _ = _call("anchored", {})
    records, _, _, _ = _call("anchored", {"figures": [text_figure]})
    assert len(records.figures) == len(part.figures)  # 8.5% is a candidate: merged into it, not added
    assert next(f for f in records.figures if f.value_text == "8.5%").metric == "营业收入增速"


def test_a_failed_chunk_keeps_the_candidates_and_the_articles_parks():
    _, _, part, article = _call("anchored", {})
    assembled = assemble(article, [stand_in(part)], failed=True)
    assert assembled.figures == list(part.figures.values()) and assembled.parks == article.parks


MODEL_SAYS = {  # a label of each kind that differs from anything the rules read for 120亿元
    "subject": {"subject": "新余高新区"},
    "metric": {"metric": "出口额", "measure": "growth", "target": True},
    "period": {"period": "今年"},
}


@pytest.mark.parametrize("example", examples("model_labels.toml"), ids=lambda e: f"{e['policy']}-{e['kind']}-{e['rules_from']}")
def test_the_label_policy_keeps_the_rules_label_where_it_says(example):
    """data/model_labels.toml: under a policy, the rules' label of a kind read from a listed scope stands; else the model's wins."""
    from extractor.backends.llm.anchoring import _standing
    from extractor.backends.llm.labelpolicy import LABEL_KINDS

    names, source = LABEL_KINDS[example["kind"]]
    rules = Figure(value_text="120亿元", value=120, amount=1.2e10, subject="南昌高新区", metric="营业收入", period="今年一季度")
    rules = rules.model_copy(update={source: example["rules_from"]})
    model = rules.model_copy(update={**MODEL_SAYS[example["kind"]], source: "model"})
    tally = ChunkTally()
    kept = _standing(model, rules, example["policy"], tally)
    winner = rules if example["wins"] == "rules" else model
    assert [getattr(kept, name) for name in (*names, source)] == [getattr(winner, name) for name in (*names, source)], example["why"]
    assert bool(tally.dropped) == (example["wins"] == "rules")  # a label the rules' label outranks is counted, with its reason
