"""Issue 11, the LLM endpoint: what a hostile or broken endpoint must not do to a run.

Every test runs the real openai client, instructor and tenacity against the
loopback test server, which acts out the fault. Timeouts are small so each
test takes seconds.
"""

import csv
import json
import math
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import llm_extract, needs

from extractor.cli import main
from extractor.outputs.jsonl import read_records
from extractor.tools.testserver import FakeModelServer, Script

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "seeds" / "gold"
SEEDS = ROOT / "seeds"
PAGE = SEEDS / "003_8501c12392327efb.txt"


@pytest.fixture(scope="module")
def server():
    pytest.importorskip("instructor")  # the LLM extra: the tests that run the backend need it, the others do not
    with FakeModelServer(Script(gold_dir=GOLD)) as running:
        yield running


def extract(base_url: str, out: Path, *flags: str, paths=(PAGE,)) -> int:
    return llm_extract(base_url, out, paths, "--no-cache", "--timeout", "2", *flags)


def manifest(out: Path) -> dict:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


def strict_json_lines(path: Path) -> list[dict]:
    """Lines as standard JSON: NaN and Infinity, which json.loads accepts by default, are refused."""

    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return [json.loads(line, parse_constant=refuse) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def numbers_in(value) -> list[float]:
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers_in(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers_in(v)]
    return [value] if isinstance(value, float) else []


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once closed: nothing listens there


# -- item 10: NaN and Infinity ----------------------------------------------------


@pytest.mark.parametrize("faults", [["nan"], ["nan"] * 10], ids=["once-then-fine", "always"])
def test_non_finite_numbers_are_asked_again_and_never_written(server, tmp_path, faults):
    server.reset(Script(gold_dir=GOLD, faults=list(faults)))
    code = extract(server.base_url, tmp_path, "--extraction", "free", "--concurrency", "1", "--max-reasks", "1", "--max-retries", "0")
    assert server.stats.faults["nan"] >= 1
    records = strict_json_lines(tmp_path / "records.jsonl")  # raises on a bare NaN
    assert records and all(math.isfinite(n) for r in records for n in numbers_in(r))
    failed = manifest(tmp_path)["failed_chunks"]
    if len(faults) == 1:
        assert code == 0 and failed == []  # the re-ask got a good answer
    else:  # each item with a NaN is dropped on its own, with its reason; the chunk and its other items stand
        assert code == 0 and failed == []
        assert any("not a finite number" in reason for reason in manifest(tmp_path)["dropped_items"])


# -- item 12: refused, silent, slow and mostly failing endpoints --------------------


@pytest.mark.parametrize("status", ["401", "403", "404"])
def test_an_endpoint_that_refuses_stops_the_run_with_exit_2(server, tmp_path, capsys, status):
    server.reset(Script(gold_dir=GOLD, faults=[status] * 100))
    code = extract(server.base_url, tmp_path, "--concurrency", "4", paths=(SEEDS,))
    err = capsys.readouterr().err
    assert code == 2
    # Stopped at the first answers (the calls already in flight at --concurrency 4), not one call per chunk (15);
    # a loaded machine may time one of them out and send it once more before the refusal arrives.
    assert server.stats.calls <= 4 + 2
    assert f"HTTP {status}" in err and "--model" in err and "Traceback" not in err


def test_a_hung_endpoint_ends_the_run_within_two_timeouts(server, tmp_path, capsys):
    server.reset(Script(gold_dir=GOLD, faults=["hang"] * 1000, timeout_delay=1))  # each call hangs 20 s
    started = time.monotonic()
    code = extract(server.base_url, tmp_path, "--timeout", "0.5", "--concurrency", "2", paths=(SEEDS,))
    elapsed = time.monotonic() - started
    assert code == 1
    assert elapsed < 10  # two attempts of 0.5 s and a backoff, not every chunk's five attempts
    assert "has not answered" in capsys.readouterr().err


@needs("instructor")
def test_an_unreachable_endpoint_ends_the_run_at_once(tmp_path, capsys):
    started = time.monotonic()
    code = extract(f"http://127.0.0.1:{closed_port()}/v1", tmp_path, paths=(SEEDS,))
    assert code == 1 and time.monotonic() - started < 10
    assert "has not answered" in capsys.readouterr().err


def test_the_timeout_bounds_the_whole_call_not_each_read(server, tmp_path):
    # 40 bytes, one every 0.1 s: each read is quick, the answer takes 4 s, --timeout is 1 s
    server.reset(Script(gold_dir=GOLD, faults=["drip"], drip_interval=0.1, drip_bytes=40))
    code = extract(server.base_url, tmp_path, "--timeout", "1", "--max-retries", "0", "--concurrency", "1")
    failed = manifest(tmp_path)["failed_chunks"]
    assert code == 0 and len(failed) == 1 and failed[0]["error"].startswith("TimeoutError")


def test_a_run_where_most_chunks_fail_exits_1_and_says_so(server, tmp_path, capsys):
    server.reset(Script(gold_dir=GOLD, faults=["ok"] + ["500"] * 1000))
    code = extract(server.base_url, tmp_path, "--concurrency", "1", "--max-retries", "0")
    run = manifest(tmp_path)
    assert code == 1
    assert run["run_failed"] is True and str(len(run["failed_chunks"])) in run["run_failed_reason"]
    assert "run failed" in capsys.readouterr().err


def test_a_run_with_few_failures_is_not_failed(server, tmp_path):
    server.reset(Script(gold_dir=GOLD, faults=["500"]))
    assert extract(server.base_url, tmp_path, "--concurrency", "1", "--max-retries", "0") == 0
    run = manifest(tmp_path)
    assert len(run["failed_chunks"]) == 1 < run["chunks"] / 2 and run["run_failed"] is False


# -- item 13: a chunk that keeps failing is listed and stood in for, in every output ----


def test_a_cut_off_answer_is_never_sent_again_unchanged_and_every_output_agrees(server, tmp_path):
    server.reset(Script(gold_dir=GOLD, faults=["truncated"] * 2))
    code = extract(server.base_url, tmp_path, "--concurrency", "1", "--max-retries", "1", "--max-output-tokens", "2048")
    run = manifest(tmp_path)
    assert code == 0 and run["failed_chunks"] == []
    sent = [(r["max_tokens"], r["prompt_tokens"]) for r in server.stats.requests]
    first, second = sent[0], sent[1]
    assert second[0] > first[0] or second[1] < first[1]  # a larger answer budget, or half the chunk: never the same request
    assert run["documents"] == {"read": 1}
    figures = [r for r in read_records(tmp_path / "records.jsonl") if r["kind"] == "figure"]
    with sqlite3.connect(tmp_path / "records.sqlite") as db:
        in_database = db.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
        articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    with (tmp_path / "figures.csv").open(encoding="utf-8") as handle:
        in_csv = sum(1 for _ in csv.DictReader(handle))
    assert len(figures) == in_database == in_csv > 0
    assert articles == len({r["article"] for r in read_records(tmp_path / "records.jsonl")})


def test_an_answer_cut_off_at_the_ceiling_fails_its_chunk_with_what_to_change(server, tmp_path, capsys):
    server.reset(Script(gold_dir=GOLD, faults=["truncated"] * 100))
    code = extract(server.base_url, tmp_path, "--concurrency", "1", "--max-retries", "0", "--max-output-tokens", "512")
    run = manifest(tmp_path)
    assert run["failed_chunks"] and all(f["error"].startswith("IncompleteOutputException") for f in run["failed_chunks"])
    assert code == 1 and run["documents"] == {"read": 1}  # every chunk failed: the rules stood in
    prompts = [(r["max_tokens"], r["messages"]) for r in server.stats.requests]
    assert len(set(prompts)) == len(prompts)  # no request sent twice
    assert "--max-output-tokens" in capsys.readouterr().err


# -- item 14: the token budget under concurrency -------------------------------------


def test_the_token_budget_holds_at_concurrency_64(server, tmp_path):
    server.reset(Script(gold_dir=GOLD))
    budget = 4000
    code = extract(server.base_url, tmp_path, "--max-tokens", str(budget), "--concurrency", "64", "--chunk-chars", "600", paths=(SEEDS,))
    spent = server.stats.prompt_tokens + server.stats.completion_tokens
    run = manifest(tmp_path)
    assert code == 0  # chunks the budget held back are not the endpoint's failures
    assert 0 < spent <= budget
    assert run["tokens"]["prompt"] + run["tokens"]["completion"] == spent
    assert run["budget_exhausted"] is True


# -- item 15: a runaway answer ---------------------------------------------------------


@pytest.mark.parametrize(("items", "error"), [(1000, "RunawayAnswer"), (20000, "ResponseTooLarge")])
def test_a_runaway_answer_fails_its_chunk_unasked_and_writes_no_junk(server, tmp_path, items, error):
    server.reset(Script(gold_dir=GOLD, faults=["huge"], huge_items=items, honour_max_tokens=False))
    code = extract(server.base_url, tmp_path, "--extraction", "free", "--concurrency", "1", "--max-reasks", "1", "--max-retries", "0")
    run = manifest(tmp_path)
    assert code == (1 if run.get("run_failed") else 0)
    assert run["failed_chunks"] and all(f["error"].startswith(error) for f in run["failed_chunks"])
    assert server.stats.prompt_tokens < 20_000  # not re-asked: a re-ask sends the runaway answer back
    figures = [r for r in read_records(tmp_path / "records.jsonl") if r["kind"] == "figure"]
    assert 0 < len(figures) < 1000 and all(r["status"] == "verified" for r in figures)  # none of the made-up numbers


# -- item 16: secrets ----------------------------------------------------------------


def test_an_echoed_key_and_url_credentials_are_never_shown_or_written(server, tmp_path, capfd, monkeypatch):
    key, password = "sk-test-SECRET-4f9a2b", "pa55-w0rd-77"
    monkeypatch.setenv("OPENAI_API_KEY", key)
    server.reset(Script(gold_dir=GOLD, faults=["500"] * 3, echo_key=True))
    host, port = server.httpd.server_address[:2]
    url = f"http://analyst:{password}@{host}:{port}/v1"
    assert extract(url, tmp_path / "run", "--concurrency", "1", "--max-retries", "1") == 0
    server.reset(Script(gold_dir=GOLD, faults=["401"], echo_key=True))
    assert extract(url, tmp_path / "refused") == 2
    shown = capfd.readouterr()
    assert server.stats.faults["401"] == 1
    assert manifest(tmp_path / "run")["endpoint"] == f"http://***@{host}:{port}/v1"
    written = "".join(p.read_text(encoding="utf-8", errors="replace") for p in tmp_path.rglob("*") if p.is_file())
    for secret in (key, password):
        assert secret not in shown.out + shown.err
        assert secret not in written
    assert "***" in shown.err  # the refusal message shows the server's words, redacted


def test_the_response_cache_is_kept_per_endpoint(server, tmp_path):
    cache = tmp_path / "cache"
    server.reset(Script(gold_dir=GOLD))
    assert llm_extract(server.base_url, tmp_path / "first", (PAGE,), "--cache-dir", str(cache)) == 0
    assert server.stats.calls > 0
    with FakeModelServer(Script(gold_dir=GOLD)) as other:
        assert llm_extract(other.base_url, tmp_path / "second", (PAGE,), "--cache-dir", str(cache)) == 0
        assert other.stats.calls == server.stats.calls  # another endpoint's answers are not reused
    server.reset()
    assert llm_extract(server.base_url, tmp_path / "third", (PAGE,), "--cache-dir", str(cache)) == 0
    assert server.stats.calls == 0  # the same endpoint's are


# -- item 17: clean messages ---------------------------------------------------------


@pytest.mark.parametrize("url", ["http://[::1", "http://user:hunter22@[::1", "ftp://example.com/v1", "127.0.0.1:8000"])
def test_a_malformed_base_url_is_a_usage_error(tmp_path, capsys, url):
    assert main(["extract", str(PAGE), "-o", str(tmp_path), "--backend", "llm", "--base-url", url]) == 2
    err = capsys.readouterr().err
    assert "--base-url" in err and "Traceback" not in err and "hunter22" not in err


@needs("instructor")
def test_ctrl_c_during_calls_exits_cleanly(tmp_path):
    # A server of its own: the shared one may still be finishing an earlier test's hung calls, which blurs its counts
    with FakeModelServer(Script(gold_dir=GOLD, delay=3.0)) as server:
        command = [sys.executable, "-m", "extractor", "extract", str(SEEDS), "-o", str(tmp_path), "--backend", "llm"]
        command += ["--base-url", server.base_url, "--model", "oracle", "--no-cache", "--concurrency", "4"]
        # Ctrl-C as at a terminal: a suite started in the background (cmd &) inherits SIGINT ignored, and so would the run
        terminal = {"preexec_fn": lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)}
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, **terminal) as process:
            try:
                deadline = time.monotonic() + 60  # a loaded machine may take long to start Python and import the backend
                while server.stats.calls < 4 and process.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.05)
                # The precondition, said aloud: the run is going on, with calls in flight (else this test tests nothing)
                assert process.poll() is None, f"the run ended before it could be interrupted: {process.communicate()[1]}"
                assert server.stats.in_flight > 0, f"no call in flight after 60 s: {server.stats.calls} calls made"
                process.send_signal(signal.SIGINT)
                _, err = process.communicate(timeout=30)
            finally:
                if process.poll() is None:  # a failed precondition: do not leave the run behind
                    process.kill()
    assert process.returncode == 130, err
    assert "Traceback" not in err and "Event loop is closed" not in err, err
    assert "interrupted" in err


def test_a_placeholder_key_of_one_letter_is_not_masked_in_the_answers(monkeypatch):
    # A local server takes any key; with OPENAI_API_KEY=x every "x" of every answer became *** and no document
    # passed its schema (value_te***t). A real key is still masked wherever it turns up.
    from extractor.backends.llm.settings import LLMSettings

    monkeypatch.setenv("OPENAI_API_KEY", "x")
    assert LLMSettings(base_url="http://127.0.0.1:1/v1").redactor()('{"value_text": "exact"}') == '{"value_text": "exact"}'
    monkeypatch.setenv("OPENAI_API_KEY", "sk-local-3f9a")
    assert LLMSettings(base_url="http://127.0.0.1:1/v1").redactor()("key sk-local-3f9a echoed") == "key *** echoed"


def test_a_ctrl_c_that_pydantic_wrapped_still_stops_the_run():
    """Found by test_ctrl_c_during_calls_exits_cleanly, now and then: SIGINT during a serialization came back as
    PydanticSerializationError(… KeyboardInterrupt), was taken for one document's failure, and the run exited 0."""
    from pydantic_core import PydanticSerializationError

    from extractor.errors import interrupted, reraise_interrupt
    from extractor.outputs import _guarded

    def articles():
        raise PydanticSerializationError("Error serializing to JSON: KeyboardInterrupt: ")
        yield

    assert interrupted(PydanticSerializationError("Error serializing to JSON: KeyboardInterrupt: "))
    assert not interrupted(PydanticSerializationError("Error serializing to JSON: ValueError: bad"))  # a real failure
    reraise_interrupt(PydanticSerializationError("Error serializing to JSON: ValueError: bad"))  # not a Ctrl-C: goes on
    with pytest.raises(KeyboardInterrupt):
        list(_guarded(articles()))
