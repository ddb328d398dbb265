"""Issue 20 item 8: the noisy-model profiles of the loopback server, each a test.

Whatever a profile answers, over the seeds (and ../shared/corpus2 for the
oracle): no document ends failed, each document keeps at least the rules'
verified figures, and no figure comes out verified that neither the rules nor
the clean oracle verify (0 wrong verified figures).
"""

import json
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import llm_extract

from extractor.cli import main
from extractor.outputs.jsonl import read_records
from extractor.tools.testserver import NOISE, FakeModelServer, Script

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "seeds" / "gold"
SEEDS = ROOT / "seeds"
CORPUS2 = ROOT.parent / "shared" / "corpus2"
CORPUS2_GOLD = ROOT.parent / "shared" / "gold" / "corpus2"


@pytest.fixture(scope="module")
def server():
    with FakeModelServer(Script(gold_dir=GOLD)) as running:
        yield running


def verified_by_doc(out: Path) -> dict[str, set[tuple]]:
    found: dict[str, set[tuple]] = defaultdict(set)
    for r in read_records(out / "records.jsonl"):
        if r["kind"] == "figure" and r["status"] == "verified":
            found[r["doc"]].add((r["value_text"], r["value_span"]["start"], r["amount"], r["base_unit"]))
    return found


@pytest.fixture(scope="module")
def baselines(server, tmp_path_factory) -> dict[str, dict]:
    """The rules alone, and the clean oracle in each mode, on the seeds."""
    root = tmp_path_factory.mktemp("baselines")
    assert main(["extract", str(SEEDS), "-o", str(root / "rules")]) == 0
    result = {"rules": verified_by_doc(root / "rules")}
    for extraction in ("anchored", "free"):
        server.reset(Script(gold_dir=GOLD))
        out = root / extraction
        assert llm_extract(server.base_url, out, (SEEDS,), "--no-cache", "--timeout", "5", "--extraction", extraction) == 0
        result[extraction] = verified_by_doc(out)
    return result


def check_floor_and_no_wrong(out: Path, baselines: dict, extraction: str) -> dict:
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["documents"] == {"read": 5}, run["documents"]  # no document failed
    mine = verified_by_doc(out)
    for doc, rules in baselines["rules"].items():
        assert mine[doc] >= rules, (doc, rules - mine[doc])  # at least the rules' verified figures
        assert mine[doc] <= rules | baselines[extraction][doc], (doc, mine[doc] - rules - baselines[extraction][doc])  # none wrong
    return run


@pytest.mark.parametrize("extraction", ["anchored", "free"])
@pytest.mark.parametrize("profile", sorted(NOISE))
def test_a_noisy_profile_costs_no_document_and_no_verified_figure(server, tmp_path, baselines, profile, extraction):
    server.reset(Script(gold_dir=GOLD, noise=(profile,)))
    assert llm_extract(server.base_url, tmp_path, (SEEDS,), "--no-cache", "--timeout", "5", "--extraction", extraction) in (0, 1)
    run = check_floor_and_no_wrong(tmp_path, baselines, extraction)
    if profile not in ("empty", "duplicates", "keyed", "unnumbered") and not (profile == "ids" and extraction == "free"):
        assert run["dropped_items"] or run["failed_chunks"], profile  # what was dropped is counted by reason
    assert sum(sum(doc["dropped_items"].values()) for doc in run["per_document"].values()) == sum(run["dropped_items"].values())


@pytest.mark.parametrize(
    ("script", "flags"),
    [
        (Script(gold_dir=GOLD, faults=["truncated"] * 6), ("--max-retries", "0")),  # answers cut at the limit
        (Script(gold_dir=GOLD, context_tokens=2048), ()),  # a small context
        (Script(gold_dir=GOLD, faults=["ok", "timeout", "timeout"], timeout_delay=2), ("--timeout", "1")),  # slow answers
    ],
    ids=["cut", "context-2048", "slow"],
)
def test_faults_of_a_local_server_cost_no_document(server, tmp_path, baselines, script, flags):
    server.reset(script)
    assert llm_extract(server.base_url, tmp_path, (SEEDS,), "--no-cache", "--timeout", "5", "--concurrency", "1", *flags) in (0, 1)
    check_floor_and_no_wrong(tmp_path, baselines, "anchored")


def test_noisy_ids_and_repeated_candidates_still_reach_their_candidates(server, tmp_path):
    server.reset(Script(gold_dir=GOLD, noise=("duplicates", "ids")))  # the candidates listed again, then the ids mangled
    assert llm_extract(server.base_url, tmp_path, (SEEDS,), "--no-cache", "--timeout", "5") == 0
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert run["labels"]["applied_label_rate"] >= 0.95  # 1, 001, <N1>, n1 all read; a left-out or quote id is made good by <Nk>


@pytest.mark.parametrize("profile", ["keyed", "unnumbered"])
def test_labels_keyed_by_mark_or_given_in_order_without_ids_all_arrive(server, tmp_path, profile):
    """The gold's labels written as an object keyed by marks, or as a list with no ids in candidate order: each label
    reaches its candidate, and the records are the clean oracle's."""
    for name, noise in (("clean", ()), (profile, (profile,))):
        server.reset(Script(gold_dir=GOLD, noise=noise))
        assert llm_extract(server.base_url, tmp_path / name, (SEEDS,), "--no-cache", "--timeout", "5") == 0
    run = json.loads((tmp_path / profile / "run.json").read_text(encoding="utf-8"))
    assert run["labels"]["applied_label_rate"] == 1.0 and not any(reason.startswith("labels") for reason in run["dropped_items"])
    records = [(tmp_path / name / "records.jsonl").read_bytes() for name in ("clean", profile)]
    assert records[0] == records[1]


def test_the_oracle_labels_every_candidate(server, tmp_path):
    server.reset(Script(gold_dir=GOLD))
    assert llm_extract(server.base_url, tmp_path, (SEEDS,), "--no-cache", "--timeout", "5") == 0
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert run["labels"]["applied_label_rate"] == 1.0 and run["labels"]["chunks_without_labels"] == 0
    assert all(doc["applied_label_rate"] in (1.0, None) for doc in run["per_document"].values())


@pytest.mark.skipif(not CORPUS2_GOLD.is_dir(), reason="../shared/corpus2 and its gold are not here")
def test_the_oracle_reads_every_corpus2_document_and_labels_every_candidate(tmp_path):
    with FakeModelServer(Script(gold_dir=CORPUS2_GOLD)) as oracle:
        assert llm_extract(oracle.base_url, tmp_path, (CORPUS2,), "--no-cache", "--timeout", "10", "--concurrency", "8") == 0
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert set(run["documents"]) == {"read"}
    assert run["labels"]["applied_label_rate"] == 1.0


@pytest.mark.parametrize("extraction", ["anchored", "free"])
def test_a_word_of_the_answer_format_is_no_metric_or_subject(server, tmp_path, extraction):
    """A small model wrote the measure's name as the metric ("metric": "level"): that field is dropped and counted,
    the rest of its label still applies, and no record names the answer format's own words as what it measures."""
    from extractor.backends.llm.answers import answer_keywords

    server.reset(Script(gold_dir=GOLD, noise=("misplaced",)))
    assert llm_extract(server.base_url, tmp_path, (SEEDS,), "--no-cache", "--timeout", "5", "--extraction", extraction) == 0
    figures = [r for r in read_records(tmp_path / "records.jsonl") if r["kind"] == "figure"]
    words = [(r.get("metric") or "", r.get("subject") or "") for r in figures]
    assert not [pair for pair in words if {word.strip().lower() for word in pair} & answer_keywords()]
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert any("metric is a word of the answer format" in reason for reason in run["dropped_items"]), run["dropped_items"]
    if extraction == "anchored":
        assert run["labels"]["applied_label_rate"] == 1.0  # the label's other fields still reach their candidate
