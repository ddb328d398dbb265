"""Issue 11, outputs: a resume never destroys what the user has, one run per folder, unusable folders and full
disks end cleanly, a resume equals a fresh run line for line, and the review page stays usable on a corpus."""

import csv
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from extractor.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "seeds").glob("*.txt"))
OUTPUT_FILES = ("records.jsonl", "figures.csv", "quotes.csv", "parks.csv", "initiatives.csv")


def shifted(text: str, shift: int) -> str:
    """The page with every digit moved by ``shift``: a different document with the same shape."""
    return re.sub(r"\d", lambda m: str((int(m.group()) + shift) % 10), text)


def make_inputs(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(count):
        text = shifted(PAGES[copy % len(PAGES)].read_text(encoding="utf-8"), copy)
        (folder / f"page_{copy:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def snapshot(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file() and not path.name.startswith(".")}


def no_traceback(captured) -> bool:
    return "Traceback" not in captured.err and "Traceback" not in captured.out


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    """Six pages extracted into a folder, as a user has it after a run."""
    base = tmp_path_factory.mktemp("finished")
    inputs = make_inputs(base / "in", 6)
    out = base / "out"
    assert main(["extract", str(inputs), "-o", str(out)]) == 0
    return inputs, out


def _copy_of(finished, tmp_path) -> tuple[Path, Path]:
    inputs, out = finished
    shutil.copytree(out, tmp_path / "out")
    return inputs, tmp_path / "out"


# -- 6: a damaged or foreign ledger -------------------------------------------------------


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _torn(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:] = bytes(len(data) - 4096)  # the header survives, every page after the first is zeroed
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE customers (name TEXT, email TEXT)")
        db.execute("INSERT INTO customers VALUES ('王五', 'w@example.cn')")


@pytest.mark.parametrize("damage", [_garbage, _torn, _foreign], ids=["garbage", "torn", "foreign"])
def test_resume_over_a_damaged_or_foreign_ledger_changes_nothing(finished, tmp_path, capsys, damage):
    inputs, out = _copy_of(finished, tmp_path)
    damage(out / "records.sqlite")
    before = snapshot(out)
    assert main(["extract", str(inputs), "-o", str(out), "--resume"]) == 2
    assert snapshot(out) == before  # records.jsonl, the database and the CSVs as they were
    captured = capsys.readouterr()
    assert "records.sqlite" in captured.err and "without --resume" in captured.err
    assert no_traceback(captured)


# -- 7: one run per output folder ----------------------------------------------------------


def test_a_second_run_into_the_same_folder_is_refused_and_says_who_holds_it(tmp_path, capsys):
    inputs = make_inputs(tmp_path / "in", 60)
    out = tmp_path / "out"
    first = subprocess.Popen(
        [sys.executable, "-m", "extractor", "extract", str(inputs), "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    records = out / "records.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not records.exists() or records.stat().st_size == 0):
        time.sleep(0.01)
    assert first.poll() is None, "the first run ended before the second started: give it more pages"
    code = main(["extract", str(inputs), "-o", str(out)])
    still_running = first.poll() is None
    _, first_err = first.communicate(timeout=300)
    captured = capsys.readouterr()
    assert still_running
    assert code == 2
    assert f"pid {first.pid}" in captured.err and "-o" in captured.err
    assert no_traceback(captured)
    assert first.returncode == 0, first_err.decode()
    inputs_read = json.loads((out / "run.json").read_text(encoding="utf-8"))["documents"]
    assert inputs_read == {"read": 60}  # the first run was not disturbed
    for line in records.read_text(encoding="utf-8").splitlines():
        json.loads(line)


# -- 8: an output folder that cannot be used --------------------------------------------------


def test_an_output_path_that_is_a_file_is_refused_and_kept(finished, tmp_path, capsys):
    inputs, _ = finished
    target = tmp_path / "notes.txt"
    target.write_text("my notes", encoding="utf-8")
    assert main(["extract", str(inputs), "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "my notes"
    captured = capsys.readouterr()
    assert "is a file" in captured.err and no_traceback(captured)


def test_a_read_only_output_folder_is_a_clear_error(finished, tmp_path, capsys):
    inputs, _ = finished
    if os.geteuid() == 0:  # root writes through file modes: use a folder of a read-only file system
        target = Path("/sys/kernel")
        if not target.is_dir():
            pytest.skip("no read-only folder to write to")
    else:
        target = tmp_path / "locked"
        target.mkdir()
        target.chmod(0o555)
    assert main(["extract", str(inputs), "-o", str(target)]) == 2
    captured = capsys.readouterr()
    assert str(target) in captured.err and no_traceback(captured)


def test_a_full_disk_ends_the_run_cleanly_and_resume_completes_it(tmp_path):
    inputs = make_inputs(tmp_path / "in", 20)
    reference = tmp_path / "reference"
    assert main(["extract", str(inputs), "-o", str(reference)]) == 0
    out = tmp_path / "out"
    limit = (reference / "records.jsonl").stat().st_size // 2  # files may not grow beyond this: the disk is "full"

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", str(inputs), "-o", str(out)],
        capture_output=True,
        text=True,
        preexec_fn=small_disk,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "full" in done.stderr and "--resume" in done.stderr and "Traceback" not in done.stderr
    raw = (out / "records.jsonl").read_bytes()
    assert raw == b"" or raw.endswith(b"\n")
    for line in raw.decode("utf-8").splitlines():
        json.loads(line)  # only whole lines
    with sqlite3.connect(out / "records.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (committed,) = db.execute("SELECT COUNT(*) FROM documents").fetchone()
    docs_in_jsonl = {json.loads(line)["doc"] for line in raw.decode("utf-8").splitlines()}
    assert len(docs_in_jsonl) <= committed < 20  # nothing in the records that the ledger does not know finished
    assert main(["extract", str(inputs), "-o", str(out), "--resume"]) == 0
    for name in OUTPUT_FILES:
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name


# -- 9: resume equals a fresh run ------------------------------------------------------------


def test_resume_keeps_input_order_and_full_counts(finished, tmp_path):
    inputs, out = _copy_of(finished, tmp_path)
    changed = tmp_path / "in"
    shutil.copytree(inputs, changed)
    middle = changed / "page_002.txt"
    middle.write_text(shifted(middle.read_text(encoding="utf-8"), 5), encoding="utf-8")  # edited since the first run
    (changed / "page_004.txt").unlink()  # and one page is gone
    reference = tmp_path / "reference"
    assert main(["extract", str(changed), "-o", str(reference)]) == 0
    assert main(["extract", str(changed), "-o", str(out), "--resume"]) == 0
    for name in OUTPUT_FILES:
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    resumed = json.loads((out / "run.json").read_text(encoding="utf-8"))
    fresh = json.loads((reference / "run.json").read_text(encoding="utf-8"))
    assert resumed["counts"] == fresh["counts"]
    assert resumed["documents"] == {"resumed": 4, "read": 1}
    with sqlite3.connect(out / "records.sqlite") as db:
        assert "page_004.txt" not in {doc for (doc,) in db.execute("SELECT doc FROM documents")}


def test_resume_refuses_a_change_of_backend(finished, tmp_path, capsys):
    pytest.importorskip("instructor")
    inputs, out = _copy_of(finished, tmp_path)
    before = snapshot(out)
    flags = ["--backend", "llm", "--base-url", "http://127.0.0.1:9/v1", "--model", "other", "--max-retries", "0", "--timeout", "1"]
    assert main(["extract", str(inputs), "-o", str(out), "--resume", *flags]) == 2
    assert snapshot(out) == before
    captured = capsys.readouterr()
    assert "backend rules → llm" in captured.err and no_traceback(captured)


def test_an_interrupted_resume_resumes(finished, tmp_path):
    """A resume stopped halfway (Ctrl-C) leaves a folder that the next resume completes."""
    from extractor.backends import get_backend
    from extractor.run.runner import run_extraction
    from extractor.text.load import scan_inputs

    inputs, out = _copy_of(finished, tmp_path)
    edited = sorted(inputs.glob("*.txt"))
    changed = tmp_path / "in"
    shutil.copytree(inputs, changed)
    for page in edited[::2]:  # half the pages change: the resume has work to do
        target = changed / page.name
        target.write_text(shifted(target.read_text(encoding="utf-8"), 3), encoding="utf-8")
    reference = tmp_path / "reference"
    assert main(["extract", str(changed), "-o", str(reference)]) == 0

    def stop_after_three(event, outcome):
        if event == "document" and outcome.doc == "page_003.txt":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_extraction(scan_inputs([changed]), out, get_backend("rules"), resume=True, on_progress=stop_after_three)
    assert main(["extract", str(changed), "-o", str(out), "--resume"]) == 0
    for name in OUTPUT_FILES:
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    assert sorted(p.name for p in out.glob("records.jsonl*")) == ["records.jsonl"]


def test_resume_streams_the_records(tmp_path):
    """Carrying over a records.jsonl costs memory for its documents, not for its bytes."""
    inputs = make_inputs(tmp_path / "in", 80)  # enough bytes that fixed costs (the registry of 2,700 zones) do not dominate
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "-o", str(out)]) == 0
    size = (out / "records.jsonl").stat().st_size
    before = (out / "records.jsonl").read_bytes()
    tracemalloc.start()
    try:
        assert main(["extract", str(inputs), "-o", str(out), "--resume"]) == 0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (out / "records.jsonl").read_bytes() == before
    print(f"resume of a {size / 2**20:.1f} MiB records.jsonl: peak {peak / 2**20:.2f} MiB of Python allocations")
    assert peak < size / 4


# -- 11: the review page on a corpus ---------------------------------------------------------


def _document_page(out: Path, doc: str) -> str:
    for page in (out / "report").glob("doc-*.html"):
        text = page.read_text(encoding="utf-8")
        if f"<title>{doc} ·" in text:
            return text
    raise AssertionError(f"no page for {doc}")


def test_the_review_page_is_an_index_and_a_page_per_document(tmp_path, monkeypatch):
    from extractor.models import Figure

    small, large = tmp_path / "small", tmp_path / "large"
    make_inputs(tmp_path / "in-small", 3)
    make_inputs(tmp_path / "in-large", 12)
    assert main(["extract", str(tmp_path / "in-small"), "-o", str(small), "--report"]) == 0
    monkeypatch.setattr("extractor.outputs.report.INDEX_PAGE_SIZE", 5)
    assert main(["extract", str(tmp_path / "in-large"), "-o", str(large), "--report"]) == 0
    assert len(list((large / "report").glob("doc-*.html"))) == 12
    # a document's page holds that document only: it does not grow with the corpus
    for doc in ("page_000.txt", "page_002.txt"):
        assert _document_page(small, doc) == _document_page(large, doc)
    # the index is paged, and every document is linked from exactly one index page
    index_pages = [large / "report.html", *sorted((large / "report").glob("index-*.html"))]
    assert len(index_pages) == 3
    links = [link for page in index_pages for link in re.findall(r'href="(?:report/)?(doc-\d+\.html)"', page.read_text(encoding="utf-8"))]
    assert sorted(links) == sorted(p.name for p in (large / "report").glob("doc-*.html"))
    # the figure table's columns are the model's fields: a new field appears without editing the page
    header = re.search(r'<table class="figures"><thead><tr>(.*?)</tr>', _document_page(large, "page_001.txt")).group(1)
    columns = [re.sub(r"\s*↕", "", c) for c in re.findall(r"<th[^>]*>(.*?)</th>", header)]
    shown = [c for c in columns if c in Figure.model_fields]
    assert sorted(shown) == sorted(name for name in Figure.model_fields if name not in ("kind", "evidence"))
    labels = ["value_text", "subject", "metric_key", "period_start", "period_end", "confidence", "status"]
    assert shown[: len(labels)] == labels  # what a reviewer checks comes first, without scrolling sideways
    assert "evidence_text" in columns


def test_articles_csv_ties_every_figure_to_its_article_title(finished):
    _, out = finished
    with (out / "articles.csv").open(encoding="utf-8-sig", newline="") as handle:
        articles = {(row["doc"], row["article"]): row for row in csv.DictReader(handle)}
    with (out / "figures.csv").open(encoding="utf-8-sig", newline="") as handle:
        figures = list(csv.DictReader(handle))
    assert figures and all((f["doc"], f["article"]) in articles for f in figures)
    assert all("title" in row for row in articles.values())
    assert any(row["title"] for row in articles.values())
