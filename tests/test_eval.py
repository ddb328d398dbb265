"""The scoreboard and the held-out gold writers: traditional and simplified spellings of one quote match; a bare
multiplier (万, 亿, 万亿) is written as an amount in the base unit, as the tool writes it."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from extractor.tools.evaluate import evaluate

HELDOUT = Path(__file__).resolve().parents[1] / "benchmarks" / "heldout" / "heldout.py"


def _heldout():
    spec = importlib.util.spec_from_file_location("heldout", HELDOUT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_quote_printed_in_traditional_characters_matches_the_runs_simplified_reading(tmp_path):
    gold = {"doc": "d.txt", "quotes": [{"speaker": "成都高新區負責人", "text_start": "電子信息產業拉動全區規上工業增長"}]}
    (tmp_path / "d.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    run = [{"kind": "quote", "doc": "d.txt", "text": "电子信息产业拉动全区规上工业增长6.9%。", "speaker": "成都高新区负责人"}]
    quotes = evaluate(run, tmp_path)["quotes"]
    assert (quotes.true_positives, quotes.false_positives, quotes.false_negatives) == (1, 0, 0)
    assert quotes.attribute_accuracy == 1.0


def test_a_bare_multiplier_is_an_amount_in_the_base_unit():
    base = _heldout().base
    assert base("万", 242) == (2420000, "")
    assert base("万亿", 1) == (1e12, "")  # not 万 + 亿
    assert base("億", 5981) == (598100000000, "")
    assert base("亿元", 3) == (3e8, "元")
    assert base("个百分点", 2) == (2, "百分点")
