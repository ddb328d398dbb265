"""Issue 11 item 18: the command line as a new user meets it."""

import io
import re
import shutil
from pathlib import Path

import pytest

from extractor.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-out")
    assert main(["extract", str(SEEDS), "-o", str(out)]) == 0
    return out


def test_eval_from_another_folder_says_where_it_looked(seeds_run, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["eval", str(seeds_run / "records.jsonl")]) == 2
    captured = capsys.readouterr()
    assert "--gold" in captured.err and str(tmp_path) in captured.err and "Traceback" not in captured.err
    assert main(["eval", str(seeds_run / "records.jsonl"), "--gold", str(SEEDS / "gold")]) == 0


def test_eval_on_a_file_that_is_not_records_is_a_clear_error(tmp_path, capsys):
    broken = tmp_path / "records.jsonl"
    broken.write_bytes(b'{"kind": "figure", "doc"\n\xff\xfe')
    assert main(["eval", str(broken), "--gold", str(SEEDS / "gold")]) == 2
    assert "not a records.jsonl" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "-5", "many"])
def test_chunk_chars_must_be_a_positive_number(tmp_path, value, capsys):
    assert main(["extract", str(SEEDS), "-o", str(tmp_path / "out"), "--chunk-chars", value]) == 2
    assert "--chunk-chars" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_version(capsys):
    assert main(["--version"]) == 0
    assert re.search(r"\d+\.\d+", capsys.readouterr().out)


def test_summary_shows_totals_and_the_files_to_look_at(tmp_path, capsys, monkeypatch):
    from extractor import cli

    monkeypatch.setattr(cli.console, "width", 200)  # one table row a line
    inputs = tmp_path / "in"
    inputs.mkdir()
    page = (SEEDS / "001_f1b4c661d64a9b7f.txt").read_text(encoding="utf-8")
    for copy in range(30):
        (inputs / f"page_{copy:02d}.txt").write_text(page.replace("。", f"（{copy}）。"), encoding="utf-8")
    (inputs / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    capsys.readouterr()
    assert main(["extract", str(inputs), "-o", str(tmp_path / "out")]) == 0
    short = capsys.readouterr().out
    assert "broken.txt" in short and "total (30 read, 1 not)" in short
    assert sum(f"page_{copy:02d}.txt" in short for copy in range(30)) == 0  # the files that went well are in the totals
    assert main(["extract", str(inputs), "-o", str(tmp_path / "out"), "--all-files"]) == 0
    full = capsys.readouterr().out
    assert all(f"page_{copy:02d}.txt" in full for copy in range(30))


def test_side_files_beside_the_seeds_are_described_not_alarming(tmp_path, capsys):
    inputs = tmp_path / "seeds"
    shutil.copytree(SEEDS, inputs)
    capsys.readouterr()
    assert main(["extract", str(inputs), "-o", str(tmp_path / "out")]) == 0
    out = " ".join(capsys.readouterr().out.split())
    side_files = sorted(p for p in (inputs / "gold").iterdir() if p.suffix != ".txt")
    assert f"{len(side_files)} other files were not read" in out
    assert ".json" in out and str(inputs / "gold") in out  # what they are and where: the gold answers beside the seeds


def test_report_on_a_damaged_database_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "records.sqlite").write_bytes(b"not a database" * 100)
    assert main(["report", str(tmp_path)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_the_progress_bar_is_redrawn_a_few_times_a_second_and_not_at_all_off_a_terminal(monkeypatch):
    """rich builds the bar from a thread of its own 10 times a second by default, shown or not: on a long
    ``--workers`` run about a fifth of the main process's CPU (issue 22)."""
    from rich.console import Console

    from extractor import cli

    monkeypatch.setattr(cli, "errors", Console(file=io.StringIO(), force_terminal=False))
    assert not cli._progress().live.auto_refresh  # nothing to show: no redrawing thread
    monkeypatch.setattr(cli, "errors", Console(file=io.StringIO(), force_terminal=True))
    shown = cli._progress().live
    assert shown.auto_refresh and shown.refresh_per_second <= 4
