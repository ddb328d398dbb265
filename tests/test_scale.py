"""Memory flat in the corpus size (issue 22): every input's outcome streams to outcomes.jsonl, run.json keeps totals."""

import json
import tracemalloc
from pathlib import Path

import pytest
from conftest import input_outcomes

from extractor.backends import get_backend
from extractor.cli import main
from extractor.run.runner import DocumentOutcome, RunSummary, Status, _named, run_extraction
from extractor.text.load import PathList, _SortedNames, scan_inputs

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


def test_a_path_list_gives_back_every_path_and_costs_a_fraction_of_a_list():
    paths = [Path(f"corpus/{month:02d}/page_{index:06d}.txt") for month in range(12) for index in range(1000)]
    paths += [Path("/abs/名字.txt"), Path("plain.txt"), Path("corpus/odd\udcff.txt")]  # any name, any folder
    texts = [str(path) for path in paths]  # a Path keeps its text once asked: asked here, not while measuring
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        compact = PathList(paths)
        held = tracemalloc.get_traced_memory()[0] - before
        as_list = [Path(text) for text in texts]
        listed = tracemalloc.get_traced_memory()[0] - before - held
    finally:
        tracemalloc.stop()
    assert list(compact) == paths and compact[-1] == paths[-1] and compact[3:5] == paths[3:5] and len(compact) == len(paths)
    assert as_list == paths and held * 5 < listed  # a few bytes a file, against a Path object a file


def test_a_folder_scan_without_links_is_read_once_and_a_link_still_counts_once(tmp_path):
    folder = tmp_path / "in"
    (folder / "b").mkdir(parents=True)
    for name in ("a/1.txt", "b/2.txt", "3.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("本报讯", encoding="utf-8")
    plain = scan_inputs([folder])
    assert [p.relative_to(folder).as_posix() for p in plain.files] == ["3.txt", "a/1.txt", "b/2.txt"]  # sorted, folder by folder
    (folder / "b" / "again.txt").symlink_to(folder / "3.txt")  # a second name of a file read before: read once
    linked = scan_inputs([folder])
    assert list(linked.files) == list(plain.files)


def test_a_folders_names_come_back_sorted_from_runs_of_bytes_never_all_at_once_as_strings(tmp_path, monkeypatch):
    """Listing a folder held each of its names as a string at once (os.walk's list, then a sorted copy): 9 MiB of
    peak for 100,000 files, half of it kept by the allocator for the rest of the run (issue 22). Names are now
    sorted in runs, each kept as bytes, and merged as they are read: the same order as sorting them all."""
    monkeypatch.setattr(_SortedNames, "RUN", 16)
    names = [f"p{(index * 7919) % 1000:04d}.txt" for index in range(1000)] + ["名字.txt", "B.txt", "a.txt", "odd\udcff.txt"]
    held = _SortedNames()
    for name in names:
        held.add(name)
    assert len(held._runs) == len(names) // 16 and len(held._pending) < 16  # strings of one run at most
    assert list(held) == sorted(names)
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in names[:100]:
        (folder / name).write_text("本报讯", encoding="utf-8")
    (folder / "sub" / "0.txt").write_text("本报讯", encoding="utf-8")
    listed = [p.relative_to(folder).as_posix() for p in scan_inputs([folder]).files]
    assert listed == [*sorted(names[:100]), "sub/0.txt"]  # sorted, folder by folder, as before


def test_documents_are_named_by_file_name_and_by_path_only_where_names_repeat():
    files = [Path("x/a.txt"), Path("y/a.txt"), Path("b.txt"), Path("z/a.txt"), Path("y/c.txt")]
    assert [name for _path, name in _named(files)] == ["a.txt", "y/a.txt", "b.txt", "z/a.txt", "c.txt"]
    many = [Path(f"f{index % 7}/n{index}.txt") for index in range(5000)] + [Path("g/n17.txt")]
    names = [name for _path, name in _named(many)]
    assert len(set(names)) == len(names) and names[-1] == "g/n17.txt" and names[17] == "n17.txt"


def test_a_run_in_one_process_makes_no_path_per_input(tmp_path, monkeypatch):
    """pathlib interns every name it parses, and the interpreter's table of interned names keeps its size: a ``Path``
    per input grew a one-process run's main process with the corpus (issue 22). Inputs are handed on as strings."""
    import extractor.run.runner as runner

    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(5):
        (inputs / f"d{index}.txt").write_text(f"本报讯 第{index}号 南昌高新区生产总值739.4亿元。", encoding="utf-8")
    given = []
    real = runner.extract_document

    def watched(path, *args, **kwargs):
        given.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(runner, "extract_document", watched)
    summary = run_extraction(scan_inputs([inputs]), tmp_path / "out", get_backend("rules"))
    assert summary.readable == 5 and len(given) == 5
    assert not any(isinstance(path, Path) for path in given), given


def test_the_ledgers_page_caches_do_not_grow_with_the_corpus(tmp_path):
    """SQLite's default cache (2 MB for the ledger and as much for an attached shard) fills on a long run only: the main
    process's memory then grew with the corpus. The writer's caches are a fraction of that."""
    import sqlite3

    from extractor.outputs import OutputSet

    shard = tmp_path / "shard"
    sqlite3.connect(f"{shard}.sqlite").close()
    with OutputSet(tmp_path / "out", {"backend": "rules"}) as outputs:
        outputs.ledger.open_shard(shard)
        db = outputs.ledger._db
        for database in ("main", "shard"):
            pages = db.execute(f"PRAGMA {database}.cache_size").fetchone()[0]
            kib = -pages if pages < 0 else pages * db.execute(f"PRAGMA {database}.page_size").fetchone()[0] // 1024
            assert 0 < kib <= 1024, (database, kib)
        outputs.ledger.open_shard(None)
