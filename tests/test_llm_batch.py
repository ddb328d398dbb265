"""--batch, --dry-run and the re-ask report, end to end: the real openai client and instructor against the loopback server.

The server implements the Batch API (extractor/tools/testbatch.py) and answers each
batch line as it would answer the request live, so a batch run must give the
live run's records.
"""

import json
import re
import tomllib
from pathlib import Path

import pytest
from conftest import llm_extract

from extractor.backends.llm.batch import STATE_FILE
from extractor.backends.llm.pricing import PRICES, PriceTable, estimate
from extractor.outputs.jsonl import read_records
from extractor.tools.testserver import FakeModelServer, Script

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "seeds" / "gold"
SEEDS = ROOT / "seeds"
PAGES = (SEEDS / "001_f1b4c661d64a9b7f.txt", SEEDS / "003_8501c12392327efb.txt")
FAST = ("--timeout", "5", "--batch-poll", "0.05", "--model", "gpt-4o-mini")


@pytest.fixture(scope="module")
def server():
    pytest.importorskip("instructor")
    with FakeModelServer(Script(gold_dir=GOLD)) as running:
        yield running


def extract(server, out: Path, *flags: str) -> int:
    return llm_extract(server.base_url, out, PAGES, *FAST, *flags)


def manifest(out: Path) -> dict:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


def outputs(out: Path) -> dict[str, object]:
    """Every output but run.json and outcomes.jsonl (timings; their outcomes compared without them) and the batch's state file."""
    timed = ("run.json", "outcomes.jsonl", STATE_FILE)
    files = {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name not in timed}
    return {**files, "outcomes": [_untimed(json.loads(line)) for line in (out / "outcomes.jsonl").read_text(encoding="utf-8").splitlines()]}


def _untimed(outcome: dict) -> dict:
    return {key: value for key, value in outcome.items() if key != "seconds"}


@pytest.mark.parametrize("noise", [(), ("ids", "non_numbers", "duplicates")])
def test_a_batch_run_gives_the_live_records(server, tmp_path, noise):
    server.reset(Script(gold_dir=GOLD, noise=noise))
    assert extract(server, tmp_path / "live", "--no-cache") == 0
    live_calls = server.stats.calls
    server.reset(Script(gold_dir=GOLD, noise=noise))
    assert extract(server, tmp_path / "batch", "--no-cache", "--batch") == 0
    assert server.stats.batches_created == 1
    assert outputs(tmp_path / "batch") == outputs(tmp_path / "live")
    batch = manifest(tmp_path / "batch")
    assert batch["batch"]["lines"] == batch["batch"]["used"] == live_calls > 0
    assert batch["dropped_items"] == manifest(tmp_path / "live")["dropped_items"]  # the same drop-by-reason handling


def test_a_rerun_pays_nothing_again(server, tmp_path):
    server.reset(Script(gold_dir=GOLD))
    cache = ("--cache-dir", str(tmp_path / "cache"))
    assert extract(server, tmp_path / "first", *cache, "--batch") == 0
    assert extract(server, tmp_path / "second", *cache, "--batch") == 0
    assert server.stats.batches_created == 1  # the second run found every answer in the cache
    assert (tmp_path / "second" / "records.jsonl").read_bytes() == (tmp_path / "first" / "records.jsonl").read_bytes()
    assert manifest(tmp_path / "second")["cache_hits"] == manifest(tmp_path / "first")["batch"]["used"] > 0
    assert extract(server, tmp_path / "live", *cache) == 0  # and a live run too
    assert manifest(tmp_path / "live")["calls"] == 0


def test_a_run_stopped_while_its_batch_is_pending_resumes_it_without_a_second_batch(server, tmp_path, capsys):
    server.reset(Script(gold_dir=GOLD, batch_hold=True))
    out = tmp_path / "out"
    assert extract(server, out, "--no-cache", "--batch", "--batch-wait", "0.3") == 3
    assert "--resume" in capsys.readouterr().out
    assert not (out / "records.jsonl").exists()
    assert json.loads((out / STATE_FILE).read_text(encoding="utf-8"))["status"] == "pending"
    assert extract(server, out, "--no-cache", "--batch") == 1  # without --resume it would pay again: refused
    assert "--resume" in capsys.readouterr().err
    server.script.batch_hold = False
    assert extract(server, out, "--no-cache", "--batch", "--resume") == 0
    assert server.stats.batches_created == 1
    assert json.loads((out / STATE_FILE).read_text(encoding="utf-8"))["status"] == "merged"
    server.reset(Script(gold_dir=GOLD))
    assert extract(server, tmp_path / "live", "--no-cache") == 0
    assert outputs(out) == outputs(tmp_path / "live")


def test_a_failed_line_fails_only_its_chunk_and_the_rules_stand_in(server, tmp_path):
    assert llm_extract(server.base_url, tmp_path / "rules", PAGES, "--backend", "rules") == 0
    server.reset(Script(gold_dir=GOLD, faults=["500"]))  # the batch's first line fails
    assert extract(server, tmp_path / "batch", "--no-cache", "--batch") == 0
    run = manifest(tmp_path / "batch")
    assert run["batch"]["failed"] == 1 and run["batch"]["used"] == run["batch"]["lines"] - 1
    failed = run["failed_chunks"]
    assert failed and all("this request failed" in chunk["error"] for chunk in failed)
    assert run["chunks"] > len(failed) and not run["run_failed"]
    records = read_records(tmp_path / "batch" / "records.jsonl")
    figures = {(r["doc"], r["evidence"]["start"], r["value_text"]) for r in records if r["kind"] == "figure" and r["evidence"]}
    rules = read_records(tmp_path / "rules" / "records.jsonl")
    verified = {(r["doc"], r["evidence"]["start"], r["value_text"]) for r in rules if r["kind"] == "figure" and r["status"] == "verified"}
    assert verified <= figures
    assert run["documents"] == {"read": len(PAGES)}


def _printed(text: str, label: str) -> int:
    return int(re.search(rf"{label}: (?:at most )?([\d,]+)", text).group(1).replace(",", ""))


def test_a_dry_run_sends_nothing_and_prices_the_calls_from_the_table(server, tmp_path, capsys):
    server.reset(Script(gold_dir=GOLD))
    assert extract(server, tmp_path / "dry", "--no-cache", "--dry-run") == 0
    printed = capsys.readouterr().out
    assert server.stats.hits == 0  # not a chat call, not even the context probe
    assert not (tmp_path / "dry").exists()
    assert extract(server, tmp_path / "live", "--no-cache") == 0
    assert _printed(printed, "calls") == server.stats.calls
    prompt, output = _printed(printed, "prompt tokens"), _printed(printed, "output tokens")
    assert 0.5 < prompt / server.stats.prompt_tokens < 2  # counted on the requests the live run sent
    price = tomllib.loads(PRICES.read_text(encoding="utf-8"))["models"]["gpt-4o-mini"]
    live = (prompt * price["input"] + output * price["output"]) / 1e6
    assert f"cost, live: at most {live:.4f} USD" in printed
    assert f"cost, --batch: at most {live * (1 - price['batch_discount']):.4f} USD" in printed
    assert "counted with " in printed and "as of" in printed


def test_the_cost_follows_the_price_table(tmp_path):
    table = PriceTable.load()
    for example in tomllib.loads(PRICES.read_text(encoding="utf-8"))["examples"]:
        price = table.price(example["model"])  # a dated model name finds its entry
        assert price is not None
        assert price.cost(example["prompt_tokens"], example["output_tokens"]) == pytest.approx(example["live"])
        assert price.cost(example["prompt_tokens"], example["output_tokens"], batch=True) == pytest.approx(example["batch"])
    doubled = tmp_path / "prices.toml"
    doubled.write_text(
        '[source]\nname = "test"\nas_of = "today"\n[models."m"]\ninput = 2.0\noutput = 8.0\nbatch_discount = 0.25\n', encoding="utf-8"
    )
    body = {"messages": [{"role": "user", "content": "开发区" * 100}], "max_tokens": 1000}
    cheap = estimate("m", [body], 0, PriceTable.parse(tomllib.loads(doubled.read_text(encoding="utf-8"))))
    assert cheap.live == pytest.approx((cheap.prompt_tokens * 2.0 + 1000 * 8.0) / 1e6)
    assert cheap.batch == pytest.approx(cheap.live * 0.75)
    assert estimate("unknown-model", [body], 0, table).live is None  # no price: tokens only


def test_the_dry_run_says_which_tokenizer_counted(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "tiktoken", None)  # not installed
    body = {"messages": [{"role": "user", "content": "开发区"}], "max_tokens": 10}
    assert "extractor/text/tokens.py" in estimate("gpt-4o-mini", [body], 0).tokenizer


def test_run_json_reports_the_reasks_and_how_many_fixed_the_answer(server, tmp_path):
    server.reset(Script(gold_dir=GOLD, faults=["wrong_shape"]))  # the first answer has the wrong shape; its re-ask the oracle's
    assert llm_extract(server.base_url, tmp_path, PAGES[:1], "--timeout", "5", "--no-cache") == 0
    reasks = manifest(tmp_path)["reasks"]
    assert reasks == {"sent": 1, "fixed": 1, "success_rate": 1.0}
    server.reset(Script(gold_dir=GOLD))
    assert llm_extract(server.base_url, tmp_path / "clean", PAGES[:1], "--timeout", "5", "--no-cache") == 0
    assert manifest(tmp_path / "clean")["reasks"] == {"sent": 0, "fixed": 0, "success_rate": None}


def test_a_reask_sends_the_pages_and_the_errors_but_not_the_invalid_answer(server, tmp_path):
    """instructor's re-ask resends the whole conversation with the invalid answer in it (an anchored answer is often
    longer than its pages); ours carries the first ask and the errors only, and gets the records of a clean run."""
    server.reset(Script(gold_dir=GOLD))
    assert llm_extract(server.base_url, tmp_path / "clean", PAGES[:1], "--timeout", "5", "--no-cache") == 0
    answer_tokens = server.stats.completion_tokens  # the oracle's answer: the malformed one is as long
    server.reset(Script(gold_dir=GOLD, faults=["malformed"]))
    flags = ("--timeout", "5", "--no-cache", "--max-reasks", "1", "--concurrency", "1")  # the re-ask right after the first ask
    assert llm_extract(server.base_url, tmp_path, PAGES[:1], *flags) == 0
    first, reask = server.stats.requests[:2]
    assert manifest(tmp_path)["reasks"] == {"sent": 1, "fixed": 1, "success_rate": 1.0}
    assert reask["system"] == first["system"] and reask["user"].startswith(first["user"])  # the prefix and pages, then errors
    errors = reask["prompt_tokens"] - first["prompt_tokens"]
    assert 0 < errors < answer_tokens / 2  # the errors, not the answer again
    costs = ("articles.csv", "outcomes", "records.sqlite")  # what the calls cost differs; every record is the clean run's
    faulted, clean = ({k: v for k, v in outputs(out).items() if k not in costs} for out in (tmp_path, tmp_path / "clean"))
    assert faulted == clean
