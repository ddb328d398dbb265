"""CSV, SQLite and the HTML report agree with records.jsonl; the report is inert against hostile text."""

import csv
import json
import re
import shutil
import sqlite3
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.models import RECORD_TYPES
from extractor.outputs.columns import TABLE_NAMES, article_columns, record_columns
from extractor.outputs.jsonl import read_records
from extractor.outputs.report import write_report

HOSTILE = (
    "本报讯 测试高新区新增企业12家。<script>window.__pwned = 1; alert(1)</script>"
    '“这是一段" onmouseover="window.__pwned=2" 引用，包含<b>标签</b>。”测试高新区主任王五说。'
)


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory, seeds_dir):
    inputs = tmp_path_factory.mktemp("in")
    for page in seeds_dir.glob("*.txt"):
        shutil.copy(page, inputs / page.name)
    (inputs / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    assert main(["extract", str(inputs), "-o", str(out), "--report"]) == 0
    return out


def test_every_output_exists_and_counts_agree(run_dir):
    rows = read_records(run_dir / "records.jsonl")
    by_kind = Counter(r["kind"] for r in rows)
    with sqlite3.connect(run_dir / "records.sqlite") as db:
        for kind in RECORD_TYPES:
            table = TABLE_NAMES[kind]
            with (run_dir / f"{table}.csv").open(encoding="utf-8-sig", newline="") as handle:
                csv_rows = list(csv.DictReader(handle))
            (sql_count,) = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
            assert len(csv_rows) == sql_count == by_kind[kind], kind
        (documents,) = db.execute("SELECT COUNT(*) FROM documents").fetchone()
    assert documents == 6
    pages = "".join(p.read_text(encoding="utf-8") for p in (run_dir / "report").glob("doc-*.html"))
    assert len(re.findall(r'<mark class="figure [a-z_]+" data-record=', pages)) == by_kind["figure"]
    manifest = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["figures"] == by_kind["figure"]
    assert manifest["documents"] == {"read": 6}


def _cell(value) -> str:
    """A database value as a CSV cell shows it."""
    return "" if value is None else str(value)


def test_every_csv_cell_is_the_database_cell(run_dir):
    """Cell by cell, not a count of rows: text with commas, quotation marks and line breaks comes back whole."""
    tables = [(TABLE_NAMES[kind], record_columns(model)) for kind, model in RECORD_TYPES.items()] + [("articles", article_columns())]
    marks = set()
    with sqlite3.connect(run_dir / "records.sqlite") as db:
        for table, columns in tables:
            with (run_dir / f"{table}.csv").open(encoding="utf-8-sig", newline="") as handle:
                header, *cells = list(csv.reader(handle))
            assert header == columns
            quoted = ", ".join(f'"{column}"' for column in columns)
            stored = [[_cell(value) for value in row] for row in db.execute(f"SELECT {quoted} FROM {table}")]
            assert sorted(cells) == sorted(stored), table
            marks |= {mark for row in stored for cell in row for mark in ',"\n' if mark in cell}
    assert marks >= {",", '"'}  # the run wrote cells a naive CSV would break


def test_the_finished_database_is_one_file(run_dir):
    """During a run the database keeps a write-ahead log; a finished run folds it in."""
    assert not [p.name for p in run_dir.iterdir() if p.name.startswith("records.sqlite-")]
    with sqlite3.connect(run_dir / "records.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_a_viewer_holding_the_database_open_does_not_fail_the_run(seeds_dir, tmp_path):
    from extractor.backends import get_backend
    from extractor.run.runner import run_extraction

    out = tmp_path / "out"
    viewers: list[sqlite3.Connection] = []

    def open_a_viewer(event, outcome):
        if event == "document" and not viewers:  # a user opens the database while the run goes on
            viewers.append(sqlite3.connect(out / "records.sqlite"))
            viewers[0].execute("SELECT COUNT(*) FROM documents").fetchone()

    summary = run_extraction(sorted(seeds_dir.glob("*.txt")), out, get_backend("rules"), on_progress=open_a_viewer)
    (documents,) = viewers[0].execute("SELECT COUNT(*) FROM documents").fetchone()
    viewers[0].close()
    assert viewers and documents == summary.readable
    with sqlite3.connect(out / "records.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_csv_is_excel_friendly_and_columns_come_from_the_models(run_dir):
    for kind, model in RECORD_TYPES.items():
        raw = (run_dir / f"{TABLE_NAMES[kind]}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        header = next(csv.reader(raw.decode("utf-8-sig").splitlines()))
        assert header == record_columns(model)
        assert "evidence_text" in header and "kind" not in header


def test_sqlite_answers_questions_per_park(run_dir):
    rows = [r for r in read_records(run_dir / "records.jsonl") if r["kind"] == "figure"]
    expected = Counter(r["subject"] for r in rows)
    with sqlite3.connect(run_dir / "records.sqlite") as db:
        per_park = dict(db.execute("SELECT subject, COUNT(*) FROM figures GROUP BY subject"))
        (share,) = db.execute("SELECT AVG(status = 'verified') FROM figures").fetchone()
        indexes = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert per_park == dict(expected)
    assert share == sum(r["status"] == "verified" for r in rows) / len(rows)
    assert {"figures_doc", "figures_subject", "initiatives_park", "parks_name"} <= indexes


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_report_escapes_hostile_text(run_dir):
    pages = [run_dir / "report.html", *sorted((run_dir / "report").glob("*.html"))]
    assert any("&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in p.read_text(encoding="utf-8") for p in pages)
    for path in pages:
        parser = _Tags()
        parser.feed(path.read_text(encoding="utf-8"))
        names = [tag for tag, _ in parser.tags]
        assert names.count("script") == (1 if path.name.startswith(("report", "index")) else 2)  # records (JSON, not run), the code
        assert "b" not in names and "img" not in names
        assert not [attrs for _, attrs in parser.tags if any(name.startswith("on") for name in attrs)]
        assert not [attrs for _, attrs in parser.tags if "src" in attrs]  # nothing to fetch
        links = [attrs["href"] for _, attrs in parser.tags if "href" in attrs]
        assert all(not link.startswith(("http:", "https:", "//", "javascript:")) and link.endswith(".html") for link in links)
        assert all((path.parent / link).is_file() for link in links), path  # every link leads to a page that exists


def test_report_needs_an_extraction(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_report(tmp_path)
    assert main(["report", str(tmp_path)]) == 2


def secondary_indexes(database) -> set[str]:
    with sqlite3.connect(database) as db:
        return {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def test_batches_leave_the_ledgers_indexes_to_the_end_and_a_resume_builds_them(seeds_dir, tmp_path):
    """A run of batches (a cluster's) copies rows into no secondary index; the finished ledger, and a resumed one, has
    them all, as a run in one process writes them."""
    from extractor.backends import get_backend
    from extractor.outputs import OutputSet
    from extractor.run.engines import BackendSpec, DocumentTask, extract_batch
    from extractor.run.runner import run_settings

    assert main(["extract", str(seeds_dir), "-o", str(tmp_path / "single")]) == 0
    every = secondary_indexes(tmp_path / "single" / "records.sqlite")
    assert {"figures_doc", "documents_position"} <= every
    pages = sorted(seeds_dir.glob("*.txt"))
    (tmp_path / "shards").mkdir()
    settings = run_settings(get_backend("rules"))

    def batch(part: list) -> object:
        return extract_batch(BackendSpec("rules", shards=str(tmp_path / "shards")), [DocumentTask(p, p.name) for p in part])

    out = tmp_path / "out"
    with OutputSet(out, settings) as outputs:
        outputs.write_batch(batch(pages[:2]).shard)
        assert secondary_indexes(out / "records.sqlite") == set()  # committed, as a run stopped here leaves it
    with OutputSet(out, settings, resume=True) as outputs:
        assert secondary_indexes(out / "records.sqlite") == every  # the resumed run deletes and looks up by them
        assert set(outputs.previous) == {p.name for p in pages[:2]}
    with OutputSet(tmp_path / "whole", settings) as outputs:
        outputs.write_batch(batch(pages[:2]).shard)
        outputs.write_batch(batch(pages[2:]).shard)
        outputs.finish({})
    assert secondary_indexes(tmp_path / "whole" / "records.sqlite") == every


def test_a_fresh_ledgers_batch_copies_its_record_rows_as_they_are(seeds_dir, tmp_path):
    """The main process copies every worker's rows: into a fresh ledger (no indexes until the end), SQLite's transfer
    moves each record row's bytes as they are, where a copy column by column decodes and encodes every value; a
    resumed ledger keeps its indexes and the ordered copy, with the same rows either way."""
    from extractor.backends import get_backend
    from extractor.outputs import OutputSet
    from extractor.outputs.sqlite import _build_indexes
    from extractor.run.engines import BackendSpec, DocumentTask, extract_batch
    from extractor.run.runner import run_settings

    pages = sorted(seeds_dir.glob("*.txt"))
    (tmp_path / "shards").mkdir()
    settings = run_settings(get_backend("rules"))

    def batch(part: list) -> object:
        return extract_batch(BackendSpec("rules", shards=str(tmp_path / "shards")), [DocumentTask(p, p.name) for p in part])

    def plans(out, resume: bool) -> dict[str, list[str]]:
        with OutputSet(out, settings, resume=resume) as outputs:
            statements: list[str] = []
            outputs.ledger._db.set_trace_callback(statements.append)
            outputs.write_batch(batch(pages[2:4] if resume else pages[:2]).shard)
            db = outputs.ledger._db
            db.set_trace_callback(None)
            copies = [s for s in statements if s.startswith("INSERT INTO main.") and "?" not in s]
            return {s.split()[2][len("main."):]: [row[1] for row in db.execute("EXPLAIN " + s)] for s in copies}

    fresh = plans(tmp_path / "out", resume=False)
    for table in TABLE_NAMES.values():
        assert "RowData" in fresh[table] and "Column" not in fresh[table], table  # the rows' bytes, moved whole
    resumed = plans(tmp_path / "out", resume=True)
    assert all("Column" in resumed[table] for table in TABLE_NAMES.values())  # indexes kept: the ordered copy
    with sqlite3.connect(tmp_path / "out" / "records.sqlite") as db:
        kept = {table: db.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid").fetchall() for table in TABLE_NAMES.values()}
    out = tmp_path / "ordered"
    with OutputSet(out, settings) as outputs:  # the same two batches into a ledger whose indexes are all there
        outputs.ledger._deferred = False
        _build_indexes(outputs.ledger._db)
        outputs.ledger._known = {"-"}  # as a resumed run's: deletes first, keeps the indexes
        outputs.write_batch(batch(pages[:2]).shard)
        outputs.write_batch(batch(pages[2:4]).shard)
    with sqlite3.connect(out / "records.sqlite") as db:
        assert kept == {table: db.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid").fetchall() for table in TABLE_NAMES.values()}


def test_a_batchs_lines_are_copied_by_the_kernel_and_by_this_process_where_it_cannot(seeds_dir, tmp_path, monkeypatch):
    """The main process appends every worker's lines: copy_file_range moves them without passing through it; where the
    kernel cannot (another file system, an old kernel), the copy goes through it as before, with the same bytes; a
    full disk is the write's error, not a reason to copy otherwise."""
    import errno
    import os

    from extractor.backends import get_backend
    from extractor.outputs import OutputError, OutputSet
    from extractor.run.engines import BackendSpec, DocumentTask, extract_batch
    from extractor.run.runner import run_settings

    pages = sorted(seeds_dir.glob("*.txt"))[:3]
    settings = run_settings(get_backend("rules"))
    kernel = os.copy_file_range
    copied: list[int] = []

    def counted(*args: int) -> int:
        copied.append(kernel(*args))
        return copied[-1]

    def refused(why: int):
        def copy(*args: int) -> int:
            raise OSError(why, os.strerror(why))

        return copy

    written = {}
    for name, copy in (("kernel", counted), ("through", refused(errno.EXDEV))):
        monkeypatch.setattr(os, "copy_file_range", copy)
        (tmp_path / name / "shards").mkdir(parents=True)
        batch = extract_batch(BackendSpec("rules", shards=str(tmp_path / name / "shards")), [DocumentTask(p, p.name) for p in pages])
        lines = Path(batch.shard.stem + ".jsonl").read_bytes()
        with OutputSet(tmp_path / name / "out", settings) as outputs:
            outputs.write_batch(batch.shard)
        written[name] = (tmp_path / name / "out" / "records.jsonl").read_bytes()
        assert written[name] == lines and lines.count(b"\n") > 10
    assert sum(copied) == len(written["kernel"])  # every byte by the kernel
    monkeypatch.setattr(os, "copy_file_range", refused(errno.ENOSPC))
    (tmp_path / "full" / "shards").mkdir(parents=True)
    batch = extract_batch(BackendSpec("rules", shards=str(tmp_path / "full" / "shards")), [DocumentTask(pages[0], pages[0].name)])
    with pytest.raises(OutputError, match="--resume"), OutputSet(tmp_path / "full" / "out", settings) as outputs:
        outputs.write_batch(batch.shard)


def test_a_ledger_that_takes_whole_batches_is_laid_out_in_large_pages(seeds_dir, tmp_path):
    """A fresh ledger whose first rows come as a worker's whole batch is laid out in larger pages (the main process
    copies every worker's rows, at a cost that goes with the pages); its rows are one process's, in one process's
    default pages."""
    from extractor.backends import get_backend
    from extractor.outputs import OutputSet
    from extractor.outputs.sqlite import APPLICATION_ID, BATCH_PAGE_SIZE, LEDGER_VERSION
    from extractor.run.engines import BackendSpec, DocumentTask, extract_batch
    from extractor.run.runner import run_settings

    assert main(["extract", str(seeds_dir), "-o", str(tmp_path / "single")]) == 0
    pages = sorted(seeds_dir.glob("*.txt"))
    (tmp_path / "shards").mkdir()
    settings = run_settings(get_backend("rules"))

    def batch(part: list) -> object:
        return extract_batch(BackendSpec("rules", shards=str(tmp_path / "shards")), [DocumentTask(p, p.name) for p in part])

    with OutputSet(tmp_path / "out", settings) as outputs:
        outputs.write_batch(batch(pages[:2]).shard)
        outputs.write_batch(batch(pages[2:]).shard)
        outputs.finish({})

    def ledger(folder) -> tuple[tuple, dict[str, list]]:
        with sqlite3.connect(folder / "records.sqlite") as db:
            layout = tuple(db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_size", "application_id", "user_version"))
            tables = ["articles", *TABLE_NAMES.values()]
            rows = {table: db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in tables}
            rows["documents"] = db.execute("SELECT doc, position, sha256, text, seals FROM documents ORDER BY position").fetchall()
            return layout, rows

    (single_layout, single_rows), (batched_layout, batched_rows) = ledger(tmp_path / "single"), ledger(tmp_path / "out")
    assert single_layout == (4096, APPLICATION_ID, LEDGER_VERSION)
    assert batched_layout == (BATCH_PAGE_SIZE, APPLICATION_ID, LEDGER_VERSION)
    assert batched_rows == single_rows and len(batched_rows["figures"]) > 10


def test_a_fresh_ledger_in_one_process_builds_its_indexes_at_the_end(seeds_dir, tmp_path):
    """One process writes a fresh ledger's rows into no secondary index either (nothing looks a document up before
    the end); a run stopped before its end leaves them out, and the run that resumes it builds them."""
    from extractor.backends import get_backend
    from extractor.outputs import OutputSet
    from extractor.run.runner import run_settings

    assert main(["extract", str(seeds_dir), "-o", str(tmp_path / "single")]) == 0
    every = secondary_indexes(tmp_path / "single" / "records.sqlite")
    settings = run_settings(get_backend("rules"))
    out = tmp_path / "out"
    with OutputSet(out, settings):
        pass  # opened fresh, stopped before its end
    assert secondary_indexes(out / "records.sqlite") == set()
    with OutputSet(out, settings, resume=True):
        assert secondary_indexes(out / "records.sqlite") == every
