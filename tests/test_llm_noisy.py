"""Issue 20: what a real small model answers, and what it must not cost.

Each test scripts the answers a small model was seen to give (ids written
their own way, non-numbers as value_text, sentences as quotes, candidates
listed again as new figures) and runs the real openai client, instructor and
tenacity against the loopback test server.
"""

import json
import re
from pathlib import Path

import pytest
from conftest import llm_extract

from extractor.backends.llm.answers import ItemRefused, between_quotation_marks, candidate_id, placed_labels
from extractor.cli import main
from extractor.outputs.jsonl import read_records
from extractor.tools.testserver import FakeModelServer, Script

PAGE = (
    "发布时间：2021-03-29\n"
    "高新区今年一季度实现营业收入120亿元，同比增长8.5%。对落户的龙头企业最高奖励两千万。"
    "二期项目投产后将形成新增年产1.62亿片硅片的生产规模。"
    "园区负责人表示：“我们将加快建设。”会上还提到了创新驱动。\n"
)  # candidates in order: N1 120亿元, N2 8.5%, N3 两千万, N4 1.62亿; one quote candidate Q1


@pytest.fixture(scope="module")
def server():
    with FakeModelServer(Script()) as running:
        yield running


def run(server, tmp_path: Path, answers: list[dict], *flags: str, page: str = PAGE, code: int = 0) -> tuple[list[dict], dict]:
    server.reset(Script(answers=answers))
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "page.txt"
    source.write_text(page, encoding="utf-8")
    assert llm_extract(server.base_url, tmp_path / "out", (source,), "--no-cache", "--timeout", "5", *flags) == code
    records = read_records(tmp_path / "out" / "records.jsonl")
    return records, json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))


def rules_alone(tmp_path: Path, page: str = PAGE) -> list[dict]:
    source = tmp_path / "rules" / "page.txt"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(page, encoding="utf-8")
    assert main(["extract", str(source), "-o", str(tmp_path / "rules" / "out")]) == 0
    return read_records(tmp_path / "rules" / "out" / "records.jsonl")


def verified(records: list[dict]) -> set[tuple]:
    return {(r["value_text"], r["value_span"]["start"]) for r in records if r["kind"] == "figure" and r["status"] == "verified"}


# -- item 3: ids a small model can copy ---------------------------------------------------


@pytest.mark.parametrize("written", ["N2", "n2", "<N2>", "{N2}", "2", 2, "002", " N2 "])
def test_the_forms_small_models_write_name_the_candidate(written):
    assert candidate_id(written, "N") == "N2"


@pytest.mark.parametrize("written", ["Q2", "<Q2>", "{Q2}", "q2"])
def test_a_quote_id_is_never_taken_for_a_figure(written):
    with pytest.raises(ItemRefused):
        candidate_id(written, "N")
    assert candidate_id(written, "Q") == "Q2"


@pytest.mark.parametrize("written", ["1", "N1", "{N1}", "n1", "001", 1])
def test_a_label_under_any_copyable_id_reaches_its_candidate(server, tmp_path, written):
    records, run_json = run(server, tmp_path, [{"labels": [{"id": written, "subject": "龙头企业", "period": "今年"}]}])
    figure = next(r for r in records if r["kind"] == "figure" and r["value_text"] == "120亿元")
    assert (figure["subject"], figure["period"]) == ("龙头企业", "今年")
    assert run_json["labels"]["applied"] == 1 and run_json["labels"]["candidates"] == 4
    assert run_json["per_document"]["page.txt"]["applied_label_rate"] == 0.25


ORDER = [("N1", "120亿元"), ("N2", "8.5%"), ("N3", "两千万"), ("N4", "1.62亿")]  # PAGE's candidates, as a call marks them


def test_a_labels_id_is_the_first_field_the_model_is_shown():
    """A model writes fields in the order it sees them; shown after the labels, the id was left out (issue 20)."""
    from extractor.backends.llm.answers import ChunkAnswer
    from extractor.backends.llm.schematext import schema_text

    assert "labels?: {id, " in schema_text(ChunkAnswer.model_json_schema())
    assert next(iter(ChunkAnswer.model_json_schema()["$defs"]["FigureLabel"]["properties"])) == "id"  # tools mode too


def test_labels_keyed_by_their_marks_take_the_key_as_id():
    placed = placed_labels({"N2": {"metric": "增速"}, "<N4>": {"subject": "二期项目"}, "1": {"period": "今年一季度"}}, ORDER)
    assert [(candidate_id(item["id"], "N"), next(v for k, v in item.items() if k != "id")) for item in placed] == [
        ("N2", "增速"), ("N4", "二期项目"), ("N1", "今年一季度")]


def test_labels_without_ids_one_per_candidate_in_order_go_by_position():
    placed = placed_labels([{"metric": "营业收入"}, {"metric": "增速"}, {"metric": "奖励"}, {"metric": "产能"}], ORDER)
    assert [item["id"] for item in placed] == ["N1", "N2", "N3", "N4"]


def test_a_label_without_id_goes_to_the_one_candidate_printing_its_number():
    placed = placed_labels([{"id": "N1", "metric": "营业收入"}, {"value_text": "8.5%", "metric": "增速"}], ORDER)
    assert placed[1]["id"] == "N2"


@pytest.mark.parametrize("labels", [
    [{"metric": "营业收入"}, {"metric": "增速"}],  # fewer labels than candidates: which ones is a guess
    [{"id": "N1", "metric": "营业收入"}, {"metric": "增速"}, {"metric": "奖励"}, {"metric": "产能"}],  # some have ids
])
def test_a_label_without_id_is_not_guessed_where_its_place_is_ambiguous(labels):
    assert all(item.get("id") for item in placed_labels(labels, ORDER)) is False
    assert placed_labels(labels, ORDER)[-1].get("id") is None


def test_labels_keyed_by_marks_and_in_order_without_ids_reach_every_candidate(server, tmp_path):
    """What a 1.5B model writes when the id is not the first thing it is asked for: labels with no id at all."""
    keyed = {"labels": {"N1": {"subject": "高新区"}, "n2": {"subject": "高新区"}, "{N3}": {"subject": "龙头企业"},
                        "4": {"subject": "二期项目"}}}
    unnumbered = {"labels": [{"subject": "高新区"}, {"subject": "高新区"}, {"subject": "龙头企业"}, {"subject": "二期项目"}]}
    for name, answer in (("keyed", keyed), ("unnumbered", unnumbered)):
        records, run_json = run(server, tmp_path / name, [answer])
        subjects = {r["value_text"]: r["subject"] for r in records if r["kind"] == "figure"}
        assert subjects["两千万"] == "龙头企业" and subjects.get("1.62亿", subjects.get("1.62亿片")) == "二期项目", name
        assert run_json["labels"]["applied"] == run_json["labels"]["candidates"] == 4, name
        assert "labels: missing id" not in run_json["dropped_items"], name


def test_a_quote_mark_as_a_key_of_the_figure_labels_is_refused(server, tmp_path):
    _, run_json = run(server, tmp_path, [{"labels": {"Q1": {"subject": "园区负责人"}}}])
    assert run_json["dropped_items"] == {"labels: a quote id where a figure id belongs": 1}
    assert run_json["labels"]["applied"] == 0


def test_a_chunk_answered_with_no_label_applied_is_counted_and_the_console_says_so(server, tmp_path, capsys):
    answer = {"labels": [{"id": "Q1", "metric": "营业收入"}, {"id": "N9", "metric": "x"}, {"metric": "y"}]}
    records, run_json = run(server, tmp_path, [answer])
    assert run_json["labels"] == {**run_json["labels"], "applied": 0, "chunks_without_labels": 1}
    assert run_json["dropped_items"] == {
        "labels: a quote id where a figure id belongs": 1,
        "labels: unknown id": 1,
        "labels: missing id": 1,
    }
    assert "labels reached 0%" in capsys.readouterr().err
    assert verified(records) == verified(rules_alone(tmp_path))


# -- item 1: a bad item never costs a document -------------------------------------------------


def test_unusable_items_are_dropped_one_by_one_and_the_rest_stands(server, tmp_path):
    answer = {
        "labels": [{"id": "N2", "metric": "营业收入增速"}],
        "figures": [
            {"value_text": "{N1}", "metric": "营业收入", "subject": "高新区"},  # a candidate listed again: its label
            {"value_text": "新建政务大厅启用", "value": 1},  # no number
            {"value_text": "7", "value": 7, "evidence": "这句话不在文中7"},  # evidence not in the chunk
            {"value": 3},  # no value_text
            {"value_text": "99亿元", "value": 99, "unit": "亿元"},  # invented: printed nowhere
        ],
        "quotes": [{"text": "会上还提到了创新驱动", "speaker": "负责人"}, {"text": "我们将加快建设。", "speaker": "负责人"}],
    }
    records, run_json = run(server, tmp_path, [answer])
    assert run_json["failures"] == 0 and run_json["documents"] == {"read": 1}
    figures = {r["value_text"]: r for r in records if r["kind"] == "figure"}
    assert (figures["120亿元"]["metric"], figures["120亿元"]["subject"]) == ("营业收入", "高新区")
    assert figures["8.5%"]["metric"] == "营业收入增速"
    assert "99亿元" not in figures and verified(records) == verified(rules_alone(tmp_path))
    assert run_json["dropped_items"] == {
        "figures: no number in value_text": 1,
        "figures: evidence not in the chunk": 1,
        "figures: missing value_text": 1,
        "figures: number not printed in the chunk": 1,
        "quotes: quote not between quotation marks": 1,
    }
    assert run_json["labels"]["applied"] == 2
    assert any(r["kind"] == "quote" and r["text"].startswith("我们将加快建设") for r in records)


def test_an_answer_with_nothing_usable_keeps_the_rules_records(server, tmp_path):
    for answer in ({}, {"figures": []}, {"figures": [{"value_text": "大幅增长"}] * 3}):
        records, run_json = run(server, tmp_path / str(len(answer)), [answer], "--extraction", "free")
        assert run_json["documents"] == {"read": 1}
        rules = rules_alone(tmp_path)
        assert verified(records) == verified(rules)
        assert {r["text"] for r in records if r["kind"] == "quote"} >= {r["text"] for r in rules if r["kind"] == "quote"}


def test_what_one_answer_may_add_is_capped_by_the_chunks_candidates(server, tmp_path):
    page = PAGE + "".join(f"第{i}批项目{i + 10}个。" for i in range(1, 40)) + "\n"
    rules = [r for r in rules_alone(tmp_path, page) if r["kind"] == "figure"]
    junk = [{"value_text": str(i), "value": i, "evidence": ""} for i in range(1, 200)]  # numbers printed as ordinals
    records, _ = run(server, tmp_path, [{"figures": junk}], page=page)
    figures = [r for r in records if r["kind"] == "figure"]
    assert len(figures) <= 2 * len(rules) + 5
    assert verified(records) >= verified(rules)


def test_an_error_merging_one_chunk_fails_that_chunk_not_the_document(server, tmp_path, monkeypatch):
    from extractor.backends.llm import anchoring

    def broken(*args, **kwargs):
        raise KeyError("value")  # what a figure without a value once raised

    monkeypatch.setattr(anchoring, "_labelled", broken)
    records, run_json = run(server, tmp_path, [{"labels": [{"id": "N1", "metric": "营业收入"}]}], code=1)  # its only chunk failed
    assert run_json["documents"] == {"read": 1} and run_json["failures"] == 1
    assert run_json["failed_chunks"][0]["error"].startswith("unusable answer: KeyError")
    assert verified(records) == verified(rules_alone(tmp_path))


# -- item 2: the model supplies labels, a verified reading stands ------------------------------


def test_a_model_figure_repeating_a_candidate_merges_into_it(server, tmp_path):
    item = {"value_text": "120", "value": 120, "unit": "", "metric": "营业收入", "evidence": "实现营业收入120亿元"}  # its unit left out
    records, run_json = run(server, tmp_path, [{"figures": [item]}], "--extraction", "free")
    figures = [r for r in records if r["kind"] == "figure" and "120" in r["value_text"]]
    assert len(figures) == 1 and figures[0]["value_text"] == "120亿元" and figures[0]["status"] == "verified"
    assert figures[0]["metric"] == "营业收入" and run_json["labels"]["merged"] == 1
    assert not any("inside a longer number" in (r.get("status_reason") or "") for r in records)


@pytest.mark.parametrize("reading", [{"value_text": "1200亿元"}, {"amount": 1.2}, {"base_unit": "美元"}])
def test_an_injected_instruction_obeyed_cannot_unverify_a_figure(server, tmp_path, reading):
    labels = [{"id": f"N{i}", **reading, "metric": "营业收入"} for i in range(1, 5)]
    records, _ = run(server, tmp_path, [{"labels": labels}])
    assert verified(records) == verified(rules_alone(tmp_path))


def test_quotation_marks_are_what_makes_a_quote():
    text = "负责人表示：“我们将加快建设，推动发展。”会上还提到了创新驱动。"
    assert between_quotation_marks("我们将加快建设", text)
    assert between_quotation_marks("我们将加快建设，推动发展。", text)
    assert not between_quotation_marks("会上还提到了创新驱动", text)
    assert not between_quotation_marks("推动发展。”会上", text)


# -- item 4: every call bounded ----------------------------------------------------------------

GOLD = Path(__file__).resolve().parent.parent / "seeds" / "gold"
SEEDS = GOLD.parent


def seeds_run(server, out: Path, script: Script, *flags: str, paths=(SEEDS / "003_8501c12392327efb.txt",)) -> int:
    server.reset(script)
    return llm_extract(server.base_url, out, paths, "--no-cache", "--timeout", "5", *flags)


def test_every_call_carries_temperature_and_a_max_tokens_sized_from_its_candidates(server, tmp_path):
    assert seeds_run(server, tmp_path, Script(gold_dir=GOLD), "--chunk-chars", "600", "--max-output-tokens", "1500") == 0
    sent = server.stats.requests
    assert sent and all(r["temperature"] == 0 for r in sent)
    assert all(0 < r["max_tokens"] <= 1500 for r in sent)
    assert len({r["max_tokens"] for r in sent}) > 1  # sized per chunk, not one number for all
    assert seeds_run(server, tmp_path / "warm", Script(gold_dir=GOLD), "--temperature", "0.3") == 0
    assert {r["temperature"] for r in server.stats.requests} == {0.3}


def test_json_grammar_sends_the_answer_schema_with_mark_ids_for_the_servers_grammar(server, tmp_path):
    """--mode json_grammar: llama.cpp's JSON mode with a schema, compiled by the server into a grammar, so that a label's id
    is always written and is a mark (a 1.5B model left it out, or wrote 1, 001, Q1 for a figure); no maxItems (the
    converter spells out every length: 140 kB of grammar). Plain --mode json sends no schema."""
    assert seeds_run(server, tmp_path / "grammar", Script(gold_dir=GOLD), "--mode", "json_grammar") == 0
    formats = [r["response_format"] for r in server.stats.requests]
    assert formats and all(f["type"] == "json_object" for f in formats)
    shapes = formats[0]["schema"]["$defs"]
    assert shapes["FigureLabel"]["properties"]["id"]["pattern"] == "^N[0-9]+$" and shapes["FigureLabel"]["required"] == ["id"]
    assert shapes["QuoteLabel"]["properties"]["id"]["pattern"] == "^Q[0-9]+$"
    assert "maxItems" not in json.dumps(formats[0])
    run_json = json.loads((tmp_path / "grammar" / "run.json").read_text(encoding="utf-8"))
    assert run_json["labels"]["applied_label_rate"] == 1.0  # the oracle's answers parse as in json mode
    assert seeds_run(server, tmp_path / "json", Script(gold_dir=GOLD), "--mode", "json") == 0
    assert {json.dumps(r["response_format"]) for r in server.stats.requests} == {json.dumps({"type": "json_object"})}


def test_a_small_call_may_answer_more_than_its_candidates_without_being_asked_again(server, tmp_path):
    """A short page's estimate is a few items; an answer that adds more (initiatives, figures the rules missed) but stays
    well under --max-output-tokens comes whole at the first request, not cut off and asked again with its prompt."""
    page = tmp_path / "short.txt"
    page.write_text("本报讯 南昌高新区今年实现营业收入120亿元，同比增长8.5%。", encoding="utf-8")
    initiatives = [{"name": f"南昌高新区第{n}批产业链协同创新示范项目", "kind": "project"} for n in range(25)]
    script = Script(answers=[{"initiatives": initiatives}])
    assert seeds_run(server, tmp_path / "out", script, "--context-tokens", "32768", paths=(page,)) == 0
    assert len(server.stats.requests) == 1 and server.stats.requests[0]["max_tokens"] >= 8192 // 4


def test_a_2048_token_context_read_from_the_server_fails_no_chunk_for_size(server, tmp_path):
    code = seeds_run(server, tmp_path, Script(gold_dir=GOLD, context_tokens=2048), paths=(SEEDS,))
    run_json = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert code == 0 and server.stats.faults["context"] == 0
    assert run_json["context_tokens"] == 2048
    assert not [f for f in run_json["failed_chunks"] if "context" in f["error"]]
    assert all(r["prompt_tokens"] + r["max_tokens"] <= 2048 for r in server.stats.requests)


def test_a_context_error_shows_the_servers_message_and_what_to_change(server, tmp_path, capsys):
    code = seeds_run(server, tmp_path, Script(gold_dir=GOLD, context_tokens=2048), "--context-tokens", "32000")  # a wrong setting
    run_json = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert code == 1 and run_json["documents"] == {"read": 1}  # every chunk failed; the rules stood in
    assert all("maximum context length is 2048 tokens" in f["error"] for f in run_json["failed_chunks"])
    err = capsys.readouterr().err
    assert "maximum context length is 2048 tokens" in err and "--chunk-chars" in err and "--context-tokens" in err


def test_a_timed_out_call_waits_for_the_server_before_its_one_retry(server, tmp_path):
    script = Script(gold_dir=GOLD, faults=["timeout"], timeout_delay=2.5)
    assert seeds_run(server, tmp_path, script, "--timeout", "1", "--concurrency", "1") == 0
    run_json = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert run_json["retries"] == 1 and run_json["failures"] == 0
    assert run_json["seconds_waiting_to_retry"] >= 1  # it waited the --timeout out before asking again


def test_repeated_timeouts_stop_the_run_naming_what_to_change(server, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_RETRY_MAX_WAIT", "0.2")
    script = Script(gold_dir=GOLD, faults=["ok"] + ["timeout"] * 100, timeout_delay=1.5)
    code = seeds_run(server, tmp_path, script, "--timeout", "0.5", "--concurrency", "1", paths=(SEEDS,))
    err = capsys.readouterr().err
    assert code == 1
    assert all(flag in err for flag in ("--timeout", "--chunk-chars", "--concurrency"))
    assert server.stats.faults["timeout"] <= 2 * 3  # three chunks in a row, one retry each


# -- item 5: fair time limits, nothing paid for lost ----------------------------------------------------


def test_the_doc_timeout_counts_a_pages_own_calls_not_its_wait_for_a_slot(server, tmp_path):
    # one slot, 0.4 s a call, 15 calls: the last pages wait over 3 s for their turn; their own calls take 0.4 s each
    script = Script(gold_dir=GOLD, delay=0.4)
    code = seeds_run(server, tmp_path, script, "--concurrency", "1", "--doc-timeout", "3", paths=(SEEDS,))
    run_json = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert code == 0 and run_json["documents"] == {"read": 5}
    assert not [f for f in run_json["failed_chunks"] if "doc-timeout" in f["error"]]


def test_a_page_out_of_time_keeps_the_rules_records_and_its_answers_stay_in_the_cache(server, tmp_path):
    page = SEEDS / "001_f1b4c661d64a9b7f.txt"  # several calls
    cache = tmp_path / "cache"
    server.reset(Script(gold_dir=GOLD, delay=1.0))
    # room for one or two of its 1-second answers, not all: on a loaded machine a 1-second budget could answer none
    flags = ("--concurrency", "1", "--doc-timeout", "2.5", "--cache-dir", str(cache), "--timeout", "5")
    assert llm_extract(server.base_url, tmp_path / "first", (page,), *flags) == 0
    first = json.loads((tmp_path / "first" / "run.json").read_text(encoding="utf-8"))
    assert first["documents"] == {"read": 1}
    late = [f for f in first["failed_chunks"] if "doc-timeout" in f["error"]]
    assert late and first["run_failed"] is False
    records = read_records(tmp_path / "first" / "records.jsonl")
    rules = read_records(_rules_of(page, tmp_path))
    assert verified(records) >= verified(rules)
    answered = first["chunks"] - len(first["failed_chunks"])
    time_enough = ("--concurrency", "1", "--cache-dir", str(cache), "--timeout", "5")
    server.reset(Script(gold_dir=GOLD))
    assert llm_extract(server.base_url, tmp_path / "second", (page,), *time_enough) == 0
    second = json.loads((tmp_path / "second" / "run.json").read_text(encoding="utf-8"))
    assert answered > 0 and second["cache_hits"] > 0  # what was answered is not paid for again (a call may carry several chunks)


def _rules_of(page: Path, tmp_path: Path) -> Path:
    assert main(["extract", str(page), "-o", str(tmp_path / "rules")]) == 0
    return tmp_path / "rules" / "records.jsonl"


def test_the_local_preset_asks_one_call_at_a_time_with_long_timeouts():
    from extractor.cli import _llm_settings, _parser

    args = _parser().parse_args(["extract", "x", "--backend", "llm", "--local", "--base-url", "http://127.0.0.1:1/v1"])
    settings = _llm_settings(args)
    assert settings.concurrency == 1 and settings.timeout >= 600
    args = _parser().parse_args(["extract", "x", "--local", "--concurrency", "2", "--base-url", "http://127.0.0.1:1/v1"])
    assert _llm_settings(args).concurrency == 2  # a flag given wins over the preset


# -- item 6: small prompts with a shared prefix ---------------------------------------------------


@pytest.mark.parametrize("mode", ["tools", "json", "md_json"])
def test_the_fixed_prefix_is_byte_identical_across_calls_and_the_schema_compact(server, tmp_path, mode):
    assert seeds_run(server, tmp_path, Script(gold_dir=GOLD), "--mode", mode, paths=(SEEDS,)) == 0
    assert len(server.stats.requests) > 5 and len({r["system"] for r in server.stats.requests}) == 1
    system = server.stats.last_system
    assert "published" not in system.lower() and "<<<" not in system  # nothing variable in the prefix
    if mode != "tools":
        assert "\nAnswer: {" in system and '"$defs"' not in system  # the schema in the project's short notation, not JSON Schema
    assert re.match(r"Page 1(, \d{4}-\d\d-\d\d)?:\n", server.stats.last_prompt)  # the page line, variable, after it
