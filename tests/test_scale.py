"""Memory flat in the corpus size (issue 22): every input's outcome streams to outcomes.jsonl, run.json keeps totals."""

import json
from pathlib import Path

import pytest
from conftest import input_outcomes

from extractor.backends import get_backend
from extractor.cli import main
from extractor.run.runner import DocumentOutcome, RunSummary, Status, run_extraction

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_outcomes_stream_to_a_file_and_run_json_keeps_only_totals(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index, seed in enumerate(sorted(SEEDS.glob("*.txt"))[:3]):
        (inputs / f"p{index}.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    summary = run_extraction(sorted(inputs.glob("*.txt")), tmp_path / "out", get_backend("rules"))
    manifest = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    lines = input_outcomes(tmp_path / "out")
    assert "inputs" not in manifest  # nothing per input in run.json: it would grow with the corpus
    assert manifest["outcomes"]["count"] == len(lines) == 4
    assert manifest["counts"]["figures"] == sum(line["figures"] for line in lines)
    assert manifest["documents"] == {"read": 3, "skipped": 1}
    assert [o.doc for o in summary.outcomes()] == [line["doc"] for line in lines]
    statuses = [o.status for o in summary.outcomes()]  # read back from the file: typed again, not bare strings
    assert all(isinstance(status, Status) for status in statuses) and Status.skipped in statuses


def test_an_outcome_status_outside_the_four_is_refused():
    assert DocumentOutcome(doc="a", path="a", status="resumed").status is Status.resumed
    with pytest.raises(ValueError):
        DocumentOutcome(doc="a", path="a", status="done")


def test_a_summary_holds_totals_not_outcomes():
    summary = RunSummary(out_dir="x", backend="rules")
    held = {name for name, value in vars(summary).items() if isinstance(value, list | set | tuple)}
    assert held == {"ignored"}  # the files left out of a folder (only their count and the first 100 reach run.json)


def test_the_cli_summary_reads_the_outcomes_back(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "blank.txt").write_text("   \n", encoding="utf-8")
    assert main(["extract", str(inputs), "-o", str(tmp_path / "out")]) == 0
    shown = capsys.readouterr().out
    assert "blank.txt" in shown and "1 of 2 files to look at" in shown
