"""The LLM path end to end: the real openai client, instructor and tenacity against a scripted server on loopback."""

import json
import math
import sqlite3
import time
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from conftest import llm_extract

from extractor.backends.llm.answers import ChunkAnswer, FreeChunkAnswer, Meaning, MetricKey, metric_keys
from extractor.cli import main
from extractor.models import Measure
from extractor.outputs.jsonl import read_records
from extractor.tools.evaluate import evaluate, scoreboard
from extractor.tools.testserver import FakeModelServer, Script, perturb_number

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "seeds" / "gold"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def server():
    pytest.importorskip("instructor")  # the LLM extra: the tests that run the backend need it, the others do not
    with FakeModelServer(Script(gold_dir=GOLD)) as running:
        yield running


def extract(server, out: Path, *flags: str, paths=(SEEDS,)) -> int:
    return llm_extract(server.base_url, out, paths, "--timeout", "2", *flags)


def oracle_figures() -> dict[str, list[dict]]:
    return {
        json.loads(p.read_text(encoding="utf-8"))["doc"]: json.loads(p.read_text(encoding="utf-8"))["figures"] for p in GOLD.glob("*.json")
    }


def recall_of_sent(records: list[dict]) -> float:
    """Share of the figures the oracle sends (every gold figure) found again, one to one on amount and base unit."""
    found = total = 0
    for doc, golds in oracle_figures().items():
        mine = [r for r in records if r["kind"] == "figure" and r["doc"] == doc]
        total += len(golds)
        for gold in golds:
            match = next(
                (r for r in mine if r["base_unit"] == gold["base_unit"] and math.isclose(r["amount"], gold["amount"], rel_tol=1e-3)), None
            )
            if match is not None:
                mine.remove(match)
                found += 1
    return found / total


@pytest.mark.parametrize("extraction", ["anchored", "free"])
def test_oracle_answers_come_through_whole_and_once(server, tmp_path, extraction):
    server.reset(Script(gold_dir=GOLD))
    assert extract(server, tmp_path, "--extraction", extraction, "--no-cache") == 0
    records = read_records(tmp_path / "records.jsonl")
    assert recall_of_sent(records) >= 0.98
    figures = [r for r in records if r["kind"] == "figure"]
    keys = Counter((r["doc"], r["evidence"]["start"], r["evidence"]["end"], r["value_text"]) for r in figures if r["evidence"])
    assert max(keys.values()) == 1  # no duplicates from chunks sharing a call
    assert [r["value_text"] for r in figures if r["status"] != "verified"] == []  # no false alarm: every correct figure verified
    manifest = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert manifest["calls"] == server.stats.calls > 0
    assert manifest["tokens"]["prompt"] == server.stats.prompt_tokens
    assert manifest["tokens"]["completion"] == server.stats.completion_tokens


@pytest.mark.parametrize("mode", ["json", "json_schema", "md_json"])
def test_every_instructor_mode_works(server, tmp_path, mode):
    server.reset(Script(gold_dir=GOLD))
    assert extract(server, tmp_path, "--mode", mode, "--no-cache", paths=(SEEDS / "001_f1b4c661d64a9b7f.txt",)) == 0
    figures = [r for r in read_records(tmp_path / "records.jsonl") if r["kind"] == "figure"]
    assert len(figures) >= 60 and all(r["status"] == "verified" for r in figures)


@pytest.mark.parametrize("extraction", ["anchored", "free"])
def test_perturbed_numbers_never_come_out_verified(server, tmp_path, extraction):
    server.reset(Script(gold_dir=GOLD, perturb_rate=0.1, seed=3))
    assert extract(server, tmp_path, "--extraction", extraction, "--no-cache") == 0
    perturbed = list({tuple(p.items()): p for p in server.stats.perturbed}.values())  # an answer asked again perturbs the same items
    assert len(perturbed) >= 20
    figures = [r for r in read_records(tmp_path / "records.jsonl") if r["kind"] == "figure"]
    gold = Counter(f["value_text"] for golds in oracle_figures().values() for f in golds)
    verified = Counter(r["value_text"] for r in figures if r["status"] == "verified")
    for changed in {p["perturbed"] for p in perturbed}:
        assert verified[changed] <= gold[changed], changed  # only the text's own readings of that number verify
    unverified = [r for r in figures if r["status"] != "verified"]
    dropped = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))["dropped_items"]
    refused = sum(count for reason, count in dropped.items() if "not printed" in reason or "not borne out" in reason)
    repeats = sum(count for reason, count in dropped.items() if "repeats a labelled" in reason)  # a second claim on one candidate
    assert refused > 0
    # perturbed numbers are caught (dropped, or written unverified); a few land where the text prints them (verified above)
    assert len(unverified) + refused <= len(perturbed) and len(unverified) + refused + repeats >= 0.9 * len(perturbed)


def test_perturbation_changes_the_number():
    assert perturb_number("739.4亿元") == "379.4亿元" or perturb_number("739.4亿元") == "793.4亿元"
    assert perturb_number("8.0%") == "80%"
    assert perturb_number("9家") == "90家"


def test_faults_are_retried_and_the_run_completes(server, tmp_path):
    server.reset(Script(gold_dir=GOLD, faults=["429", "500", "timeout", "malformed", "truncated"], timeout_delay=3, retry_after="1"))
    started = time.monotonic()
    assert extract(server, tmp_path, "--no-cache", "--concurrency", "1", "--max-retries", "4") == 0
    elapsed = time.monotonic() - started
    manifest = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert manifest["retries"] >= 3  # 429, 500, timeout (once, after waiting); the malformed answer is re-asked by instructor
    assert manifest["failures"] == 0  # the truncated answer is asked again with a larger budget
    assert server.stats.faults == Counter({"429": 1, "500": 1, "timeout": 1, "malformed": 1, "truncated": 1})
    assert manifest["calls"] == server.stats.calls
    with sqlite3.connect(tmp_path / "records.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 25
    assert elapsed < 60


def test_a_chunk_that_keeps_failing_is_reported_and_the_rules_stand_in(server, tmp_path):
    server.reset(Script(gold_dir=GOLD, faults=["500"] * 3))
    page = SEEDS / "003_8501c12392327efb.txt"
    assert extract(server, tmp_path, "--no-cache", "--concurrency", "1", "--max-retries", "2", paths=(page,)) == 0
    manifest = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert manifest["failures"] == 1 and manifest["failed_chunks"][0]["error"].startswith("InternalServerError")
    assert manifest["counts"]["failed_chunks"] == manifest["failures"]
    records = read_records(tmp_path / "records.jsonl")
    assert {r["article"] for r in records} == {0, 1, 2, 3}  # every article still has records
    assert all(r["status"] == "verified" for r in records if r["kind"] == "figure")


def test_second_run_is_served_from_the_cache(server, tmp_path):
    cache = tmp_path / "cache"
    server.reset(Script(gold_dir=GOLD))
    assert extract(server, tmp_path / "first", "--cache-dir", str(cache)) == 0
    first_calls = server.stats.calls
    server.reset()
    assert extract(server, tmp_path / "second", "--cache-dir", str(cache)) == 0
    assert first_calls > 0 and server.stats.calls == 0
    manifest = json.loads((tmp_path / "second" / "run.json").read_text(encoding="utf-8"))
    assert 0 < manifest["cache_hits"] <= first_calls and manifest["calls"] == 0  # one answer per call, whatever it took
    first = read_records(tmp_path / "first" / "records.jsonl")
    second = read_records(tmp_path / "second" / "records.jsonl")
    assert first == second


def test_token_budget_stops_new_calls(server, tmp_path):
    server.reset(Script(gold_dir=GOLD))
    assert extract(server, tmp_path, "--no-cache", "--concurrency", "1", "--max-tokens", "12000") == 0  # a call reserves its max_tokens
    manifest = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert manifest["budget_exhausted"] is True
    assert 0 < server.stats.calls < 15
    assert manifest["failures"] >= 15 - server.stats.calls  # failures count chunks; a call carries one or more
    assert all("budget" in failure["error"] for failure in manifest["failed_chunks"])


def test_records_are_written_in_article_order_at_high_concurrency(server, tmp_path):
    server.reset(Script(gold_dir=GOLD, delay=0.05))
    assert extract(server, tmp_path, "--no-cache", "--concurrency", "16", "--chunk-chars", "600") == 0
    records = read_records(tmp_path / "records.jsonl")
    for doc in {r["doc"] for r in records}:
        articles = [r["article"] for r in records if r["doc"] == doc]
        assert articles == sorted(articles)


def test_llm_backend_without_an_endpoint_fails_at_once(tmp_path, monkeypatch, capsys):
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "EXTRACTOR_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    assert main(["extract", str(SEEDS), "-o", str(tmp_path), "--backend", "llm"]) == 2
    assert "OPENAI_API_KEY" in capsys.readouterr().err
    assert not (tmp_path / "records.jsonl").exists()


# --- issue 8 item 6 and issue 9 item 6: the model's reading and labels, checked like any other claim ---------------

PAGE = (
    "发布时间：2021-03-29\n"
    "高新区今年一季度实现营业收入120亿元，同比增长8.5%。对落户的龙头企业最高奖励两千万。"
    "二期项目投产后将形成新增年产1.62亿片硅片的生产规模。\n"
)  # candidates in order: N1 120亿元, N2 8.5%, N3 两千万 (no base unit printed), N4 1.62亿 (the rules stop before 片)


def figures_of(server, tmp_path, answers, *flags, page=PAGE, exit_code=0) -> list[dict]:
    server.reset(Script(answers=answers))
    tmp_path.mkdir(exist_ok=True)
    source = tmp_path / "page.txt"
    source.write_text(page, encoding="utf-8")
    assert extract(server, tmp_path / "out", "--no-cache", *flags, paths=(source,)) == exit_code
    return [r for r in read_records(tmp_path / "out" / "records.jsonl") if r["kind"] == "figure"]


def test_model_labels_win_and_the_rules_labels_stay_where_it_gives_none(server, tmp_path):
    labels = [{"id": "N1", "metric_key": "sales", "measure": "level", "target": True, "period": "今年"}, {"id": "N2"}]
    figures = {r["value_text"]: r for r in figures_of(server, tmp_path, [{"labels": labels}])}
    given, silent = figures["120亿元"], figures["8.5%"]
    assert (given["metric_key"], given["measure"], given["target"]) == ("sales", "level", True)
    assert (given["period_start"], given["period_end"]) == ("2021-01-01", "2021-12-31")  # the model's period, resolved
    assert (silent["metric_key"], silent["measure"], silent["period"]) == ("revenue", "growth", "今年一季度")  # the rules' labels
    assert silent["period_end"] == "2021-03-31"  # 今年 read against the publication date
    assert server.stats.last_prompt.startswith("Page 1:\n<<<")  # the date resolves periods, and is not sent


def test_a_model_period_the_page_never_prints_is_dropped_and_the_rules_period_stands(server, tmp_path):
    # a 1.5B model copied the prompt's example period (今年上半年) into every label: no reading of this page
    labels = [{"id": "N1", "metric_key": "sales", "period": "2020年上半年"}, {"id": "N2", "period": "今年"}]
    figures = {r["value_text"]: r for r in figures_of(server, tmp_path, [{"labels": labels}])}
    ungrounded, grounded = figures["120亿元"], figures["8.5%"]
    assert ungrounded["metric_key"] == "sales"  # the label's other fields still apply
    assert (ungrounded["period"], ungrounded["period_end"]) == ("今年一季度", "2021-03-31")  # the rules' period
    assert (grounded["period"], grounded["period_end"]) == ("今年", "2021-12-31")
    assert "period words not in the text" in (tmp_path / "out" / "run.json").read_text(encoding="utf-8")


def test_a_reading_correction_is_verified_when_the_text_bears_it_out(server, tmp_path):
    labels = [{"id": "N3", "base_unit": "元"}, {"id": "N4", "value_text": "1.62亿片"}]
    figures = {r["value_text"]: r for r in figures_of(server, tmp_path, [{"labels": labels}])}
    money, longer = figures["两千万"], figures["1.62亿片"]
    assert (money["base_unit"], money["status"]) == ("元", "verified")  # a misreading the model can now fix
    assert (longer["unit"], longer["base_unit"], longer["status"]) == ("亿片", "片", "verified")
    assert "1.62亿片" in longer["evidence"]["text"]  # its own evidence
    assert longer["value_span"]["end"] - longer["value_span"]["start"] == len("1.62亿片")


@pytest.mark.parametrize(
    "label",
    [
        {"id": "N1", "base_unit": "美元"},  # currency swapped
        {"id": "N2", "amount": 85},  # ×10
        {"id": "N3", "qualifier": "lower"},  # 最高: at most, not at least
        {"id": "N4", "value_text": "1.26亿片"},  # a longer reading that is not printed
        {"id": "N1", "value_text": "20亿元"},  # a numeral prefix cut off
    ],
)
def test_a_wrong_reading_never_replaces_a_verified_one(server, tmp_path, label):
    rules = {r["value_text"]: r for r in figures_of(server, tmp_path / "rules", [{}])}
    figures = figures_of(server, tmp_path, [{"labels": [{**label, "subject": "高新区", "period": "今年"}]}])
    assert all(r["status"] == "verified" for r in figures) and len(figures) == len(rules)
    labelled = next(r for r in figures if r["subject"] == "高新区" and r["period"] == "今年")  # the labels still apply
    before = rules[labelled["value_text"]]
    assert {k: labelled[k] for k in ("value", "unit", "amount", "base_unit", "qualifier", "value_span")} == {
        k: before[k] for k in ("value", "unit", "amount", "base_unit", "qualifier", "value_span")
    }
    dropped = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["dropped_items"]
    assert list(dropped) == ["labels: reading not borne out by the text (the verified one stands)"]


@pytest.mark.parametrize(
    ("label", "reason"),
    [({"id": "N1", "metric_key": "business_income"}, "unknown metric_key"), ({"id": "N1", "measure": "growth_rate"}, "unknown measure")],
)
def test_an_invalid_label_value_is_dropped_with_its_reason_not_asked_again(server, tmp_path, label, reason):
    figures = figures_of(server, tmp_path, [{"labels": [{**label, "period": "今年"}]}], "--max-reasks", "1")
    assert server.stats.calls == 1  # no re-ask: the item's other labels apply, the unknown value goes
    assert {r["metric_key"] for r in figures} <= set(metric_keys()) and {r["measure"] for r in figures} <= set(Measure)
    assert next(r for r in figures if r["value_text"] == "120亿元")["period"] == "今年"
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert run["dropped_items"] == {f"labels: {reason}": 1} and run["failures"] == 0
    assert run["labels"]["applied"] == 1 and run["per_document"]["page.txt"]["dropped_items"] == {f"labels: {reason}": 1}


def test_the_answer_schema_leaves_the_metric_key_to_the_keyer_and_reads_a_given_one_from_the_lexicon():
    """The key list is not sent (about a hundred tokens a call): the model names the metric, the project keys it. A key
    the model writes anyway is still read, against the lexicon's keys."""
    lexicon = tomllib.loads((ROOT / "extractor" / "data" / "metrics.toml").read_text(encoding="utf-8"))
    assert {key.value for key in MetricKey} == {entry["key"] for entry in lexicon["metric"]} | {"other"}
    schema = ChunkAnswer.model_json_schema()
    assert "MetricKey" not in schema["$defs"] and schema["$defs"]["Measure"]["enum"] == [m.value for m in Measure]
    assert "metric_key" in Meaning.model_fields  # still read where given (an unknown key is dropped: the test above)
    for answer in (ChunkAnswer, FreeChunkAnswer):
        item = next(d for name, d in answer.model_json_schema()["$defs"].items() if name in ("FigureLabel", "AddedFigure", "FigureItem"))
        assert {"metric", "measure", "target", "period"} <= set(item["properties"]) and "metric_key" not in item["properties"]


@pytest.mark.parametrize("extraction", ["anchored", "free"])
def test_the_models_metric_words_without_a_key_are_keyed_by_the_projects_keyer(server, tmp_path, extraction):
    """A metric the model names and does not key gets the key the project's keyer reads in those words (工业总产值 →
    industrial_output, not the rules' revenue of 营业收入); where its words are the rules' own, or name no key (a small
    model wrote a measure as the metric), the rules' key stays."""
    if extraction == "anchored":
        answer = {"labels": [{"id": "N1", "metric": "工业总产值"}, {"id": "N2", "metric": "level"}]}
    else:
        added = [("120亿元", "实现营业收入120亿元", "工业总产值"), ("8.5%", "同比增长8.5%", "level")]
        measures = {"120亿元": "level", "8.5%": "growth"}
        answer = {"figures": [{"value_text": v, "evidence": e, "metric": m, "measure": measures[v]} for v, e, m in added]}
    rules = {r["value_text"]: r for r in figures_of(server, tmp_path / "rules", [{}])}
    figures = {r["value_text"]: r for r in figures_of(server, tmp_path / "llm", [answer], "--extraction", extraction)}
    assert (figures["120亿元"]["metric"], figures["120亿元"]["metric_key"]) == ("工业总产值", "industrial_output")
    assert rules["120亿元"]["metric_key"] == "revenue" and figures["8.5%"]["metric_key"] == rules["8.5%"]["metric_key"] != "other"


def test_free_evidence_over_a_paragraph_break_is_kept(server, tmp_path):
    page = "高新区加快建设创新平台，新认定省级研发机构。\n全年新增高新技术企业120家，总数达到860家。\n"
    evidence = "新认定省级研发机构。全年新增高新技术企业120家"  # copied without the break
    item = {"value_text": "120家", "value": 120, "unit": "家", "amount": 120, "metric_key": "high_tech_enterprises", "evidence": evidence}
    figures = figures_of(server, tmp_path, [{"figures": [item]}], "--extraction", "free", page=page)
    (figure,) = [r for r in figures if r["value_text"] == "120家"]
    assert figure["status"] == "verified" and figure["metric_key"] == "high_tech_enterprises"
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert run["dropped_items"] == {} and run["labels"]["merged"] == 1  # found over the break, merged into the rules' 120家


def label_accuracy(records: list[dict]) -> dict[str, float]:
    board = scoreboard(evaluate(records, GOLD))["figures"]
    return {label: board[f"{label}_accuracy"] for label in ("metric_key", "measure", "target")}


@pytest.mark.parametrize("extraction", ["anchored", "free"])
def test_the_oracles_labels_beat_the_rules_labels_on_the_seeds(server, tmp_path, extraction):
    assert main(["extract", str(SEEDS), "-o", str(tmp_path / "rules")]) == 0
    rules = label_accuracy(read_records(tmp_path / "rules" / "records.jsonl"))
    server.reset(Script(gold_dir=GOLD))
    assert extract(server, tmp_path / "llm", "--extraction", extraction, "--no-cache") == 0
    llm = label_accuracy(read_records(tmp_path / "llm" / "records.jsonl"))
    assert all(llm[label] >= rules[label] for label in llm), (llm, rules)
    assert sum(llm.values()) > sum(rules.values()), (llm, rules)  # ignoring the model's labels leaves the rules' scores
    assert min(llm.values()) >= 0.98, llm  # the gold labels come through


def test_free_figures_keep_the_rules_labels_of_the_same_number_where_the_model_gives_none(server, tmp_path):
    silent = {"value_text": "120亿元", "value": 120, "unit": "亿元", "evidence": "实现营业收入120亿元"}
    labelled = {"value_text": "8.5%", "value": 8.5, "unit": "%", "evidence": "同比增长8.5%", "metric_key": "sales", "measure": "growth"}
    figures = {r["value_text"]: r for r in figures_of(server, tmp_path, [{"figures": [silent, labelled]}], "--extraction", "free")}
    assert (figures["120亿元"]["metric_key"], figures["120亿元"]["period"]) == ("revenue", "今年一季度")  # the rules' reading of 120亿元
    assert figures["120亿元"]["status"] == "verified" and figures["120亿元"]["base_unit"] == "元"
    assert (figures["8.5%"]["metric_key"], figures["8.5%"]["measure"]) == ("sales", "growth")  # the model's, where given


def test_the_test_server_reads_back_the_candidates_the_prompt_marks():
    """The server takes its markers from the prompting module: each chunk's text, each number's mark, each quote's mark."""
    from extractor import extract_text
    from extractor.backends.llm import prompting
    from extractor.backends.llm.chunks import chunk_article
    from extractor.tools.testserver import _ANY_CANDIDATE, _CANDIDATE, _QUOTE_CANDIDATE, TEXT_CLOSE, TEXT_OPEN, _blocks

    result = extract_text((SEEDS / "000_9db6b0ed7d8a633d.txt").read_text(encoding="utf-8"))
    pieces = [(a, c) for a in result.articles for c in chunk_article(result.text, a.start, a.end, a.index, 600)]
    calls = prompting.batches(pieces, 1200)
    assert len(calls) > 1 and any(batch.quote_ids for batch in calls) and any(batch.figure_ids for batch in calls)
    for batch in calls:
        prompt = prompting.messages(batch, "anchored")[-1]["content"]
        marked = _blocks(prompt, TEXT_OPEN, TEXT_CLOSE)
        assert [_ANY_CANDIDATE.sub("", block) for block in marked] == [part.chunk.text.strip("\n") for part in batch.parts]
        assert [m for block in marked for m in _CANDIDATE.findall(block)] == [m for part in batch.parts for m in part.figures]
        assert [m.group(1) for m in _QUOTE_CANDIDATE.finditer(prompt)] == [m for part in batch.parts for m in part.quotes]


def test_a_chunks_prompt_carries_the_headings_it_sits_under():
    from extractor.backends.llm.chunks import chunk_article
    from extractor.backends.llm.prompting import batches, messages
    from extractor.backends.rules import RulesBackend
    from extractor.text.normalize import normalize
    from extractor.text.segment import segment

    text = normalize("一、2023年工作回顾\n（一）产业升级\n全区规上工业增加值增长8%。\n二、2024年工作安排\n全区生产总值增长6%左右。").text
    articles = [RulesBackend().extract_article(text, part) for part in segment(text)]
    chunks = [(a, c) for a in articles for c in chunk_article(text, a.start, a.end, a.index, 12)]
    prompts = [messages(batch, "anchored")[1]["content"] for batch in batches(chunks, 12, "2024-01-10", text)]
    assert "Section: 一、2023年工作回顾 > （一）产业升级" in next(p for p in prompts if "8%" in p)
    assert "Section: 二、2024年工作安排" in next(p for p in prompts if "6%" in p)


def test_a_label_the_model_gives_says_it_came_from_the_model():
    from extractor.backends.llm.anchoring import _meaning
    from extractor.backends.llm.answers import Meaning
    from extractor.models import Figure

    rules = Figure(value_text="8%", value=8, amount=8, subject="南昌高新区", subject_from="clause", metric_from="clause")
    given = _meaning(Meaning(subject="新余高新区"), rules)
    assert (given["subject"], given["subject_from"]) == ("新余高新区", "model")
    assert given["metric_from"] == "clause"  # the model gave no metric: the rules' label and its source stand


def test_under_the_rules_label_policy_the_labels_the_rules_read_from_the_text_stand(server, tmp_path):
    """data/model_labels.toml: a 1.5B model's labels were wrong wherever they differed from those the rules read from the
    text. Under --model-labels rules (--local's) those stand; the model's label still fills what the rules left open."""
    from extractor.backends.llm.labelpolicy import LABEL_KINDS, label_policy

    said = {"subject": "龙头企业", "metric": "营业额", "measure": "share", "target": True, "period": "今年"}
    labels = [{"id": mark, **said} for mark in ("N1", "N2", "N3", "N4")]
    alone = {r["value_text"]: r for r in figures_of(server, tmp_path / "alone", [{}])}  # no label: the rules' own
    model = {r["value_text"]: r for r in figures_of(server, tmp_path / "model", [{"labels": labels}])}
    rules = {r["value_text"]: r for r in figures_of(server, tmp_path / "rules", [{"labels": labels}], "--model-labels", "rules")}
    stood = 0
    for value_text, theirs in alone.items():
        for kind, (names, source) in LABEL_KINDS.items():
            expected = theirs if theirs[source] in label_policy("rules")[kind] else model[value_text]
            assert [rules[value_text][n] for n in (*names, source)] == [expected[n] for n in (*names, source)], (value_text, kind)
            stood += expected is theirs and any(model[value_text][n] != theirs[n] for n in names)
    assert stood >= 4 and model["120亿元"]["metric_from"] == "model"  # the rule did something here; the default lets the model win
    dropped = json.loads((tmp_path / "rules" / "out" / "run.json").read_text(encoding="utf-8"))["dropped_items"]
    assert sum(count for reason, count in dropped.items() if "stands (read from the" in reason) == stood


def test_local_takes_the_rules_label_policy_and_a_flag_given_wins():
    from extractor.cli import _llm_settings, _parser

    local = _parser().parse_args(["extract", "x", "--backend", "llm", "--local"])
    given = _parser().parse_args(["extract", "x", "--backend", "llm", "--local", "--model-labels", "model"])
    assert (_llm_settings(local).model_labels, _llm_settings(given).model_labels) == ("rules", "model")


def test_the_instructions_print_no_period_a_page_may_not_have():
    """A 1.5B model copied the system prompt's example period (今年上半年) into every label: the fixed instructions name no
    period the project's period reader would read, so a label's period can only come from the page."""
    from extractor.backends.llm.prompting import system_prompt
    from extractor.domain.periods import period_pattern

    for extraction in ("anchored", "free"):
        assert not period_pattern().search(system_prompt(extraction)), period_pattern().search(system_prompt(extraction))


def test_a_resume_with_another_label_policy_is_refused():
    """The records of a run depend on its label policy: a --resume under another would mix two readings."""
    from extractor.backends.llm.settings import LLMSettings

    model, rules = LLMSettings(base_url="http://127.0.0.1:1/v1"), LLMSettings(base_url="http://127.0.0.1:1/v1", model_labels="rules")
    assert model.resume_settings() != rules.resume_settings() and rules.resume_settings()["model_labels"] == "rules"
