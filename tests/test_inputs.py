"""Hostile inputs (issue 11, items 1-5): special files, huge or slow documents, names of any bytes,
encodings and mojibake, links out of the input folders. Each case has an outcome; none hangs or crashes."""

import os
import sqlite3
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest
from conftest import input_outcomes, llm_extract, needs

from extractor.backends import get_backend
from extractor.outputs.jsonl import read_records
from extractor.run.runner import run_extraction
from extractor.text.load import decode, display_name, measure
from extractor.tools.testserver import FakeModelServer, Script

ROOT = Path(__file__).resolve().parent.parent
PAGE = (ROOT / "seeds" / "001_f1b4c661d64a9b7f.txt").read_text(encoding="utf-8")
TEXT_SETTINGS = tomllib.loads((ROOT / "extractor" / "data" / "text.toml").read_text(encoding="utf-8"))
TRADITIONAL = (
    "本報訊 臺北科技園區今年前三季營業額達新臺幣3,200億元，較去年同期成長8.5%，"
    "園區廠商家數增至512家，從業人員約6.8萬人。管理局表示，將持續擴大投資，並協助廠商導入人工智慧。\n"
)


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The command line in a fresh process, with a time limit (a hang fails the test instead of stalling it)."""
    return subprocess.run(
        [sys.executable, "-m", "extractor", "extract", *args], capture_output=True, timeout=timeout, check=False, cwd=ROOT
    )


def outcomes(out: Path) -> dict[str, dict]:
    return {entry["doc"]: entry for entry in input_outcomes(out)}


def figures_of(out: Path, doc: str) -> list[str]:
    return [r["value_text"] for r in read_records(out / "records.jsonl") if r["doc"] == doc and r["kind"] == "figure"]


# --- 1. Only regular files, never more than the cap, never a blocking open ----------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifos_devices_and_oversized_files_are_skipped_without_blocking(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(PAGE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # opened for reading, a FIFO waits forever for a writer
    (folder / "zero.txt").symlink_to("/dev/zero")  # reads until memory runs out
    (folder / "random.txt").symlink_to("/dev/urandom")
    (folder / "big.txt").write_text(PAGE * 20, encoding="utf-8")
    out = tmp_path / "out"
    size_cap = f"{len(PAGE.encode()) * 10}"
    done = run_cli(str(folder), "-o", str(out), "--max-file-size", size_cap, "--follow-links", timeout=90)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stdout + done.stderr
    found = outcomes(out)
    assert found["good.txt"]["status"] == "read" and found["good.txt"]["figures"] > 0
    for name, kind in (("pipe.txt", "FIFO"), ("zero.txt", "character device"), ("random.txt", "character device")):
        assert found[name]["status"] == "skipped" and "not a regular file" in found[name]["reason"] and kind in found[name]["reason"]
    assert found["big.txt"]["status"] == "skipped" and "--max-file-size" in found["big.txt"]["reason"]


def test_a_bad_size_limit_is_a_usage_error(tmp_path):
    done = run_cli(str(ROOT / "seeds"), "-o", str(tmp_path), "--max-file-size", "lots")
    assert done.returncode == 2 and b"not a size" in done.stderr and b"Traceback" not in done.stderr


# --- 2. A time budget per document, that works in any thread ----------------------------------


def test_a_document_over_its_time_budget_fails_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE, encoding="utf-8")
    (folder / "b.txt").write_text(PAGE.replace("。", "，"), encoding="utf-8")
    done = run_cli(str(folder), "-o", str(tmp_path / "out"), "--doc-timeout", "0.000001")
    assert done.returncode == 1  # nothing could be read in time
    assert b"Traceback" not in done.stdout + done.stderr
    found = outcomes(tmp_path / "out")
    assert [found[name]["status"] for name in ("a.txt", "b.txt")] == ["failed", "failed"]
    assert all("--doc-timeout" in found[name]["reason"] for name in ("a.txt", "b.txt"))
    generous = run_cli(str(folder), "-o", str(tmp_path / "out2"), "--doc-timeout", "600")
    assert generous.returncode == 0 and outcomes(tmp_path / "out2")["a.txt"]["status"] == "read"


def test_the_time_budget_works_outside_the_main_thread(tmp_path):
    """A later Dask worker runs documents in threads: no signal-based timeout may be used."""
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    summaries = []

    def work() -> None:
        summaries.append(run_extraction([tmp_path / "a.txt"], tmp_path / "out", get_backend("rules"), doc_timeout=1e-9))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert summaries, "the run in a thread did not finish"
    (outcome,) = summaries[0].documents
    assert outcome.status == "failed" and "time budget" in outcome.reason


# --- 3. File names of any bytes --------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_names_of_any_bytes_reach_every_output_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    gbk_name = os.fsdecode("报告".encode("gbk") + b".txt")  # a GBK name from a Windows archive
    ansi_name = "\x1b[31mred\x1b[0m.txt"  # a name that would colour the terminal
    (folder / gbk_name).write_text(PAGE, encoding="utf-8")
    (folder / ansi_name).write_text(PAGE.replace("。", "，"), encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli(str(folder), "-o", str(out), "--report")
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stdout + done.stderr
    assert b"\x1b" not in done.stdout + done.stderr  # no escape sequence from a name reaches the terminal
    shown_gbk, shown_ansi = display_name(gbk_name), display_name(ansi_name)
    assert shown_gbk == "\\xb1\\xa8\\xb8\\xe6.txt" and shown_ansi == "\\x1b[31mred\\x1b[0m.txt"
    found = outcomes(out)
    assert found[shown_gbk]["status"] == "read" and found[shown_ansi]["status"] == "read"
    assert figures_of(out, shown_gbk) and figures_of(out, shown_ansi)
    with sqlite3.connect(out / "records.sqlite") as db:
        assert {shown_gbk, shown_ansi} <= {doc for (doc,) in db.execute("SELECT doc FROM documents")}
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "\x1b" not in page and "\\xb1\\xa8" in page
    csv = (out / "figures.csv").read_text(encoding="utf-8-sig")
    assert shown_gbk in csv


def test_display_names_keep_plain_names_and_escape_only_what_is_unsafe():
    assert display_name("南昌高新区 2023.txt") == "南昌高新区 2023.txt"
    assert display_name(Path("a") / "b\nc.txt") == "a/b\\x0ac.txt"
    assert display_name("evil\u202etxt.exe") == "evil\\u202etxt.exe"  # a right-to-left override cannot reorder the line
    assert display_name(os.fsdecode(b"\xff\xfe.txt")) == "\\xff\\xfe.txt"


# --- 4. Encodings, damaged bytes and mojibake ------------------------------------------------


def test_big5_utf16_without_bom_and_gbk_are_detected(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (folder / "utf16.txt").write_bytes(PAGE.encode("utf-16-le"))  # no BOM
    (folder / "utf16be.txt").write_bytes(PAGE.encode("utf-16-be"))
    (folder / "utf8.txt").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(str(folder), "-o", str(out)).returncode == 0
    found = outcomes(out)
    assert found["big5.txt"]["encoding"] == "big5" and found["big5.txt"]["status"] == "read"
    assert {"8.5%", "512家"} <= set(figures_of(out, "big5.txt"))
    with sqlite3.connect(out / "records.sqlite") as db:
        (text,) = db.execute("SELECT text FROM documents WHERE doc = 'big5.txt'").fetchone()
    assert "台北科技园区" in text  # decoded as Big5, then folded to simplified by normalize
    assert found["utf16.txt"]["encoding"] == "utf-16-le" and found["utf16be.txt"]["encoding"] == "utf-16-be"
    assert figures_of(out, "utf16.txt") == figures_of(out, "utf8.txt") == figures_of(out, "utf16be.txt")
    assert len(figures_of(out, "utf8.txt")) >= 40


def test_a_gbk_line_or_a_stray_byte_costs_at_most_that_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    lines = PAGE.splitlines(keepends=True)
    middle = len(lines) // 2
    gbk_line = "测试高新区今年新增企业12家，总投资约7亿元。\n"
    mixed = "".join(lines[:middle]).encode("utf-8") + gbk_line.encode("gbk") + "".join(lines[middle:]).encode("utf-8")
    (folder / "mixed.txt").write_bytes(mixed)
    data = PAGE.encode("utf-8")
    cut = data.index("。".encode()) + 3
    (folder / "stray.txt").write_bytes(data[:cut] + b"\xff" + data[cut:])
    gbk = PAGE.encode("gbk")
    cut = gbk.index("。".encode("gbk")) + 2
    (folder / "stray_gbk.txt").write_bytes(gbk[:cut] + b"\xff" + gbk[cut:])
    (folder / "clean.txt").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(str(folder), "-o", str(out)).returncode == 0
    found = outcomes(out)
    assert found["mixed.txt"]["status"] == "read" and found["mixed.txt"]["encoding"] == "utf-8+gb18030"
    assert found["mixed.txt"]["replaced_bytes"] == 0
    assert {"12家", "7亿元"} <= set(figures_of(out, "mixed.txt"))
    assert set(figures_of(out, "clean.txt")) <= set(figures_of(out, "mixed.txt"))
    for name in ("stray.txt", "stray_gbk.txt"):
        assert found[name]["status"] == "read" and found[name]["replaced_bytes"] == 1, found[name]
        assert "1 undecodable" in found[name]["reason"]
        assert figures_of(out, name) == figures_of(out, "clean.txt")
    assert found["stray_gbk.txt"]["encoding"] == "gb18030"


def test_garbage_is_never_extracted(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "random.txt").write_bytes(os.urandom(20_000))
    (folder / "mostly_bad.txt").write_bytes(b"\xff\xfe\xfd" * 2000 + PAGE.encode("utf-8")[:3000])
    out = tmp_path / "out"
    run_cli(str(folder), "-o", str(out))
    found = outcomes(out)
    for name in ("random.txt", "mostly_bad.txt"):
        assert found[name]["status"] == "skipped", found[name]
        assert not figures_of(out, name)


@pytest.mark.parametrize("example", TEXT_SETTINGS["garbage"]["example"], ids=lambda e: e["why"])
def test_mojibake_examples_are_garbage(example):
    misread = example["text"].encode(example["encoded"]).decode(example["decoded"], "replace")
    assert measure(misread).garbage()


@pytest.mark.parametrize("example", TEXT_SETTINGS["garbage"]["counter_example"], ids=lambda e: e["why"])
def test_text_read_with_its_own_codec_is_not_garbage(example):
    data = example["text"].encode(example["encoded"])
    assert not measure(data.decode(example["decoded"])).garbage()
    assert decode(data).text == example["text"]


@pytest.mark.parametrize("example", TEXT_SETTINGS["chinese"]["example"], ids=lambda e: e["why"])
def test_chinese_examples_are_chinese(example):
    assert measure(example["text"]).is_chinese


@pytest.mark.parametrize("example", TEXT_SETTINGS["chinese"]["counter_example"], ids=lambda e: e["why"])
def test_secrets_and_config_files_are_not_chinese_text(example):
    assert not measure(example["text"]).is_chinese


# --- 5. Links out of the input folders --------------------------------------------------------


def make_linked_tree(tmp_path: Path) -> tuple[Path, Path]:
    folder, outside = tmp_path / "in", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    (folder / "news.txt").write_text(PAGE, encoding="utf-8")
    (outside / ".env").write_text(TEXT_SETTINGS["chinese"]["counter_example"][0]["text"], encoding="utf-8")
    (outside / "other.txt").write_text(PAGE.replace("。", "，"), encoding="utf-8")
    (folder / "env.txt").symlink_to(outside / ".env")
    (folder / "other.txt").symlink_to(outside / "other.txt")
    (folder / "linked_folder").symlink_to(outside, target_is_directory=True)
    (folder / "sub").mkdir()
    (folder / "sub" / "inside.txt").symlink_to(Path("..") / "news.txt")  # a link that stays inside: followed (once)
    return folder, outside


def test_links_out_of_the_input_folders_are_not_followed(tmp_path):
    folder, _outside = make_linked_tree(tmp_path)
    out = tmp_path / "out"
    done = run_cli(str(folder), "-o", str(out))
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    found = {Path(entry["path"]).name: entry for entry in outcomes(out).values()}
    assert [name for name, entry in found.items() if entry["status"] == "read"] == ["news.txt"]
    for name in ("env.txt", "other.txt", "linked_folder"):
        assert found[name]["status"] == "skipped" and "--follow-links" in found[name]["reason"], found[name]
    stored = (out / "records.sqlite").read_bytes() + (out / "records.jsonl").read_bytes()
    assert b"hunter2" not in stored and b"OPENAI_API_KEY" not in stored


def test_follow_links_reads_outside_but_never_stores_what_is_not_chinese(tmp_path):
    folder, _outside = make_linked_tree(tmp_path)
    out = tmp_path / "out"
    assert run_cli(str(folder), "-o", str(out), "--follow-links").returncode == 0
    found = {Path(entry["path"]).name: entry for entry in outcomes(out).values()}
    assert found["other.txt"]["status"] == "read"
    assert found["env.txt"]["status"] == "skipped" and "no Chinese" in found["env.txt"]["reason"]
    stored = (out / "records.sqlite").read_bytes() + (out / "records.jsonl").read_bytes()
    assert b"hunter2" not in stored


@needs("instructor")
def test_a_file_that_is_not_chinese_is_never_sent_to_an_endpoint(tmp_path):
    secret = tmp_path / "notes.txt"
    secret.write_text(TEXT_SETTINGS["chinese"]["counter_example"][0]["text"], encoding="utf-8")
    with FakeModelServer(Script(gold_dir=ROOT / "seeds" / "gold")) as server:
        llm_extract(server.base_url, tmp_path / "out", [secret], "--no-cache", "--timeout", "2")
        assert server.stats.calls == 0
    assert outcomes(tmp_path / "out")["notes.txt"]["status"] == "skipped"


def test_listing_a_folder_interns_no_file_name(tmp_path, monkeypatch):
    """pathlib interns every name it parses, and the interpreter's table of interned strings never shrinks: a folder's
    files are listed as strings, so that listing 100,000 files leaves no table of 100,000 names behind (issue 22)."""
    from extractor.text.load import scan_inputs

    for index in range(50):
        (tmp_path / f"listed{index:03d}.txt").write_text("本报讯", encoding="utf-8")
    interned: list[str] = []
    real = sys.intern
    monkeypatch.setattr(sys, "intern", lambda text: (interned.append(text), real(text))[1])
    scan = scan_inputs([tmp_path])
    monkeypatch.undo()
    assert len(scan.files) == 50 and scan.files[0].name == "listed000.txt"
    assert not [text for text in interned if text.startswith("listed")]
