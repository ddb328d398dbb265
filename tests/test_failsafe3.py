"""Issue 23, fail safe round 3: hostile cells in CSVs, links in the output folder, secrets, a lost scheduler,
numbers too big, manifests, and the smaller ones. Every file, server and cluster is made here, on 127.0.0.1."""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import stat
from pathlib import Path

import pytest
from conftest import input_outcomes

from extractor.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "seeds").glob("*.txt"))
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def page(index: int = 0) -> str:
    return PAGES[index % len(PAGES)].read_text(encoding="utf-8")


def csv_cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def live_formulas(out: Path) -> list[tuple[str, str]]:
    """Every CSV cell under ``out`` a spreadsheet would run: text starting with = + - @ tab or CR that is not a number."""
    return [
        (path.name, cell)
        for path in sorted(out.glob("*.csv"))
        for cell in csv_cells(path)
        if cell.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(cell)
    ]


# -- 1. spreadsheet formulas ------------------------------------------------------------------------


def test_neutralise_prefixes_formulas_and_leaves_numbers():
    from extractor.outputs.csv import neutralise

    for formula in ("=HYPERLINK(\"http://x\")", "+1+1", "-A1", "@SUM(A1)", "\tX", "\rX"):
        assert neutralise(formula) == "'" + formula
    for kept in (3, -3.5, None, "-3.5", "+12", "1e5", "南昌高新区", "", "a=b"):
        assert neutralise(kept) == kept


def test_no_csv_cell_is_a_live_formula(tmp_path):
    """File names and --meta fields that start a formula reach every CSV (and facts.csv) neutralised."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    hostile = ["=HYPERLINK(1).txt", "+cmd.txt", "-2+3.txt", "@SUM(1).txt", "\tTAB.txt"]
    for index, name in enumerate(hostile):
        (inputs / name).write_text(page(index), encoding="utf-8")
    meta = tmp_path / "meta.csv"
    with meta.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["path", "published", "source", "title", "url"])
        for name in hostile:
            writer.writerow([name, "2024-03-05", "=cmd|' /C calc'!A0", "@title", "-http://x"])
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "-o", str(out), "--meta", str(meta)]) == 0
    assert main(["table", str(out)]) == 0
    assert (out / "facts.csv").exists()
    written = {path.name: csv_cells(path) for path in out.glob("*.csv")}
    assert any(cell == "'=HYPERLINK(1).txt" for cells in written.values() for cell in cells)  # neutralised, not dropped
    assert "'@title" in written["facts.csv"]  # a --meta title
    assert live_formulas(out) == []


# -- 2. links planted in the output folder ------------------------------------------------------------

PLANTED = (".extractor.lock", "records.jsonl", "records.jsonl.writing", "records.sqlite", "figures.csv.writing", "run.json.writing")


@pytest.mark.parametrize("name", PLANTED)
def test_a_link_planted_in_the_output_folder_is_never_written_through(tmp_path, capsys, name):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(page(0), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("precious", encoding="utf-8")
    (out / name).symlink_to(victim)
    code = main(["extract", str(inputs), "-o", str(out)])
    captured = capsys.readouterr()
    assert victim.read_text(encoding="utf-8") == "precious"
    assert code == 2 and "symbolic link" in captured.err and "Traceback" not in captured.err


def test_temporary_files_are_created_anew_not_opened(tmp_path):
    """A link that appears at a temporary name after the check is removed, not followed."""
    from extractor.outputs.files import create_new

    victim = tmp_path / "victim"
    victim.write_text("precious", encoding="utf-8")
    partial = tmp_path / "x.writing"
    partial.symlink_to(victim)
    with create_new(partial) as handle:
        handle.write("new")
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not partial.is_symlink() and partial.read_text(encoding="utf-8") == "new"


# -- 3. secrets -------------------------------------------------------------------------------------


def test_the_lock_holds_no_command_line_is_private_and_is_removed_at_the_end(tmp_path):
    from extractor.outputs.lock import OutputLock

    out = tmp_path / "out"
    out.mkdir()
    lock = OutputLock(out)
    with lock:
        note = json.loads(lock.path.read_text(encoding="utf-8"))
        assert set(note) == {"pid", "started"} and note["pid"] == os.getpid()
        assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600
    assert not lock.path.exists()
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(page(0), encoding="utf-8")
    assert main(["extract", str(inputs), "-o", str(out)]) == 0
    assert not (out / ".extractor.lock").exists()


class _KeyEchoingServer:
    """The test server, whose every answer repeats the key in each free-text field (as a model tricked by a page may)."""

    @staticmethod
    def start(key: str):
        from extractor.tools.testserver import FakeModelServer, Script

        class Server(FakeModelServer):
            def answer(self, request: dict) -> dict:
                return _with_key(super().answer(request), key)

        return Server(Script(gold_dir=ROOT / "seeds" / "gold")).start()


FREE_TEXT = ("speaker", "speaker_title", "subject", "metric")  # answer fields the model words itself


def _with_key(value, key: str):
    if isinstance(value, dict):
        return {
            name: f"{item}{key}" if name in FREE_TEXT and isinstance(item, str) and item else _with_key(item, key)
            for name, item in value.items()
        }
    if isinstance(value, list):
        return [_with_key(item, key) for item in value]
    return value


def test_a_key_in_the_environment_the_url_and_the_answers_is_written_nowhere(tmp_path, capfd, monkeypatch):
    pytest.importorskip("instructor")
    key, user_secret, query_secret = "sk-fake-KEY-93b1d7", "pa55-Wd-31", "qk-SECRET-8c2e"
    monkeypatch.setenv("OPENAI_API_KEY", key)
    server = _KeyEchoingServer.start(key)
    try:
        host, port = server.httpd.server_address[:2]
        url = f"http://analyst:{user_secret}@{host}:{port}/v1?api-key={query_secret}"
        out = tmp_path / "out"
        code = main(["extract", str(PAGES[3]), "-o", str(out), "--backend", "llm", "--base-url", url, "--model", "oracle",
                     "--cache-dir", str(tmp_path / "cache"), "--timeout", "5", "--report"])
        assert main(["table", str(out)]) == 0
        assert list((tmp_path / "cache").rglob("*.json"))  # the answers were cached: the cache is among the files checked
    finally:
        server.stop()
    shown = capfd.readouterr()
    assert code == 0, shown.err
    assert server.stats.answered > 0
    written = "".join(p.read_text(encoding="utf-8", errors="replace") for p in tmp_path.rglob("*") if p.is_file())
    with sqlite3.connect(out / "records.sqlite") as db:
        written += json.dumps(db.execute("SELECT * FROM run_settings").fetchall())
    for secret in (key, user_secret, query_secret):
        assert secret not in shown.out + shown.err
        assert secret not in written
    settings = json.loads((out / "run.json").read_text(encoding="utf-8"))["settings"]
    assert settings["base_url"] == f"http://***@{host}:{port}/v1?api-key=***"  # the port stays: it tells endpoints apart
    assert "***" in (out / "records.jsonl").read_text(encoding="utf-8")  # what the model returned is kept, the key hidden


# -- 7. numbers too big, and two things the validator verified wrongly ------------------------------


def test_a_number_too_big_for_a_float_is_no_figure_and_its_document_goes_on(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    tail = "，同比增长8.0%。园区企业数达到120家。"
    (inputs / "nines.txt").write_text("本报讯 南昌高新区生产总值" + "9" * 400 + "亿元" + tail, encoding="utf-8")
    (inputs / "run.txt").write_text("本报讯 南昌高新区生产总值" + "7" * 10_000 + "元" + tail, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "-o", str(out)]) == 0
    outcomes = input_outcomes(out)
    assert [o["status"] for o in outcomes] == ["read", "read"]
    figures = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    figures = [r for r in figures if r["kind"] == "figure"]
    for doc in ("nines.txt", "run.txt"):  # the document's other figures are kept
        assert {r["value_text"] for r in figures if r["doc"] == doc} >= {"8.0%", "120家"}
    assert all(len(r["value_text"]) < 50 for r in figures)


def _llm_figure(value_text: str, value: float, unit: str, amount: float, base_unit: str, evidence: str):
    from extractor.models import Evidence, Figure

    return Figure(
        value_text=value_text, value=value, unit=unit, amount=amount, base_unit=base_unit,
        evidence=Evidence(start=0, end=len(evidence), text=evidence),
    )


def test_the_validator_reads_a_ratio_whole_and_checks_the_unit():
    from extractor.checks.verify import verify
    from extractor.models import Status

    ratio = "园区完成了全年任务的1/3，增速较快"
    assert verify(_llm_figure("3", 3, "", 3, "", ratio), ratio).status is not Status.verified
    assert verify(_llm_figure("1", 1, "", 1, "", ratio), ratio).status is not Status.verified
    assert verify(_llm_figure("1/3", 0.3333, "ratio", 0.3333, "ratio", ratio), ratio).status is Status.verified
    money = "南昌高新区生产总值7亿元，同比增长"
    wrong_unit = verify(_llm_figure("7亿元", 7, "万元", 7e8, "元", money), money)
    assert wrong_unit.status is Status.mismatch and "unit" in wrong_unit.status_reason
    assert verify(_llm_figure("7亿元", 7, "亿元", 7e8, "元", money), money).status is Status.verified
    assert verify(_llm_figure("7亿元", 70000, "万元", 7e8, "元", money), money).status is Status.verified  # the same amount, rewritten


# -- 9. the smaller ones ------------------------------------------------------------------------------


def test_an_unreadable_subfolder_gets_an_outcome(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    (inputs / "locked").mkdir(parents=True)
    (inputs / "a.txt").write_text(page(0), encoding="utf-8")
    (inputs / "locked" / "b.txt").write_text(page(1), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path=".", *args):  # as for a folder without read permission (the tests may run as root)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "-o", str(out)]) == 0
    outcomes = {Path(o["path"]).name: o for o in input_outcomes(out)}
    assert outcomes["a.txt"]["status"] == "read"
    assert outcomes["locked"]["status"] == "skipped" and "not readable" in outcomes["locked"]["reason"]


def test_a_named_input_that_does_not_exist_fails_the_run(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(page(0), encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out")]) == 1
    assert "missing.txt" in capsys.readouterr().err
    assert (tmp_path / "out" / "run.json").exists()  # what exists was still extracted


def test_schema_onto_a_file_is_a_usage_error(tmp_path, capsys):
    target = tmp_path / "schemas"
    target.write_text("mine", encoding="utf-8")
    assert main(["schema", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "is a file" in err and "Traceback" not in err and "FileExistsError" not in err
    assert target.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("argv", [["extract", "--no-such-flag", "x"], ["extract"], ["extract", "x", "--workers", "none"]])
def test_a_usage_error_is_one_line_and_where_to_read_more(capsys, argv):
    assert main(argv) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and "error:" in lines[0] and "--help" in lines[1]


def _many_pages(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(count):
        shifted = re.sub(r"\d", lambda m, shift=copy: str((int(m.group()) + shift) % 10), page(copy))
        (folder / f"page_{copy:03d}.txt").write_text(shifted, encoding="utf-8")
    return folder


def test_sigterm_ends_a_run_like_ctrl_c(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    inputs = _many_pages(tmp_path / "in", 80)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "extractor", "extract", str(inputs), "-o", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    records = out / "records.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not records.exists() or records.stat().st_size == 0):
        time.sleep(0.01)
    assert process.poll() is None, "the run ended before it could be stopped: give it more pages"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143, err
    assert "interrupted" in err and "Traceback" not in err
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    finished = input_outcomes(out)  # whole lines only, and run.json counts the same ones
    assert "resume" in manifest["stopped"] and len(finished) < 80 and manifest["outcomes"]["count"] == len(finished)
    assert not (out / "records.sqlite-wal").exists()  # the database was closed, its log folded in
    assert not (out / ".extractor.lock").exists()
    assert main(["extract", str(inputs), "-o", str(out), "--resume"]) == 0
    assert main(["extract", str(inputs), "-o", str(tmp_path / "fresh")]) == 0
    assert records.read_bytes() == (tmp_path / "fresh" / "records.jsonl").read_bytes()


# -- 5. --workers within what the machine can run --------------------------------------------------


def test_workers_beyond_the_cpus_are_refused_unless_forced(tmp_path, capsys, monkeypatch):
    pytest.importorskip("distributed")
    import extractor.cli as cli

    too_many = cli.WORKERS_PER_CPU * (os.cpu_count() or 1) + 1
    assert main(["extract", str(PAGES[0]), "-o", str(tmp_path / "a"), "--workers", str(too_many)]) == 2
    err = capsys.readouterr().err
    assert "--force-workers" in err and "CPU" in err and "Traceback" not in err
    assert not (tmp_path / "a").exists()  # refused before anything started
    monkeypatch.setattr(cli, "_available_memory", lambda: cli.MEMORY_PER_WORKER + 1)  # room for one worker
    assert main(["extract", str(PAGES[0]), "-o", str(tmp_path / "b"), "--workers", "2"]) == 2
    assert "memory" in capsys.readouterr().err
    assert main(["extract", str(PAGES[0]), "-o", str(tmp_path / "c"), "--workers", "2", "--force-workers"]) == 0


# -- 4 and 6: a cluster of our own: relative paths, a silent or lost scheduler ---------------------------


class _Cluster:
    """``dask scheduler`` and one ``dask worker`` as separate processes on 127.0.0.1, the worker in a folder of its own."""

    def __init__(self, folder: Path) -> None:
        import subprocess
        import sys
        import time

        folder.mkdir(parents=True, exist_ok=True)
        (folder / "worker").mkdir(exist_ok=True)
        info = folder / "scheduler.json"
        dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.scheduler = subprocess.Popen(
            [*dask, "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(info)], cwd=folder, **quiet
        )
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.2)
        self.address = json.loads(info.read_text(encoding="utf-8"))["address"]
        worker = [sys.executable, "-m", "distributed.cli.dask_worker", self.address, "--nthreads", "1", "--no-dashboard"]
        self.worker = subprocess.Popen([*worker, "--host", "127.0.0.1"], cwd=folder / "worker", **quiet)

    def stop(self) -> None:
        for process in (self.worker, self.scheduler):
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)


@pytest.fixture
def own_cluster(tmp_path):
    pytest.importorskip("distributed")
    clusters: list[_Cluster] = []

    def start(name: str = "cluster") -> _Cluster:
        clusters.append(_Cluster(tmp_path / name))
        return clusters[-1]

    yield start
    for cluster in clusters:
        cluster.stop()


def test_relative_paths_reach_workers_that_run_in_another_folder(tmp_path, monkeypatch, own_cluster):
    cluster = own_cluster()
    inputs = _many_pages(tmp_path / "in", 6)
    monkeypatch.chdir(tmp_path)  # the worker runs in tmp_path/cluster/worker: "in/…" means nothing there
    assert main(["extract", "in", "-o", "on-cluster", "--scheduler", cluster.address]) == 0
    assert main(["extract", str(inputs), "-o", str(tmp_path / "alone")]) == 0
    assert (tmp_path / "on-cluster" / "records.jsonl").read_bytes() == (tmp_path / "alone" / "records.jsonl").read_bytes()
    outcomes = input_outcomes(tmp_path / "on-cluster")
    assert all(o["status"] == "read" and o["path"].startswith("in/") for o in outcomes)  # named as the user named them

    from distributed import Client

    from extractor.run.cluster import extract_many

    with Client(cluster.address, timeout="30s") as client:
        results = extract_many(client, [Path("in") / "page_000.txt"])
    assert results[0].error is None and results[0].articles


def test_a_file_the_worker_cannot_see_is_said_plainly(tmp_path):
    pytest.importorskip("distributed")
    from extractor.models import DocumentResult
    from extractor.run.cluster import ClusterError, _check_seen
    from extractor.run.engines import BackendSpec, DocumentTask, extract_batch

    seen = tmp_path / "a.txt"
    seen.write_text(page(0), encoding="utf-8")
    task = DocumentTask(Path("a.txt"), "a.txt", location=str(tmp_path / "elsewhere" / "a.txt"))  # as on a worker without the disk
    outcome = extract_batch(BackendSpec("rules"), [task])[0].work.entry.outcome
    assert outcome.status == "skipped" and "not found on the worker" in outcome.reason and "same paths" in outcome.reason
    assert outcome.path == "a.txt"
    with pytest.raises(ClusterError, match="same paths"):  # extract_many raises instead of returning empty results
        _check_seen([seen], [DocumentResult(doc="a.txt", text="", error="not found on the worker (w1) at /x/a.txt")])


def test_a_silent_scheduler_fails_the_run_within_the_connect_timeout(tmp_path, capsys):
    pytest.importorskip("distributed")
    import socket
    import threading
    import time

    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []

    def accept() -> None:  # accepts every connection and never says a word
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    address = f"tcp://127.0.0.1:{listener.getsockname()[1]}"
    started = time.monotonic()
    try:
        code = main(["extract", str(PAGES[0]), "-o", str(tmp_path / "out"), "--scheduler", address, "--connect-timeout", "3"])
    finally:
        listener.close()
        for connection in accepted:
            connection.close()
    assert code == 1 and time.monotonic() - started < 3 + 60
    assert accepted  # it did connect: the handshake is what never came
    err = capsys.readouterr().err
    assert "--connect-timeout" in err and "Traceback" not in err


def test_a_scheduler_lost_mid_run_fails_it_and_resume_on_a_new_cluster_finishes_it(tmp_path, own_cluster):
    import subprocess
    import sys
    import time

    inputs = _many_pages(tmp_path / "in", 150)
    out = tmp_path / "out"
    first = own_cluster("first")
    command = [sys.executable, "-m", "extractor", "extract", str(inputs), "-o", str(out)]
    run = subprocess.Popen([*command, "--scheduler", first.address, "--connect-timeout", "3"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True, cwd=ROOT)
    records = out / "records.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not records.exists() or records.stat().st_size == 0):
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before its scheduler could be lost: give it more pages"
    first.scheduler.kill()
    lost = time.monotonic()
    _, err = run.communicate(timeout=3 + 60)
    assert run.returncode == 1, err
    assert time.monotonic() - lost < 3 + 60
    assert "lost" in err and "--resume" in err and "Traceback" not in err
    assert "stopped" in json.loads((out / "run.json").read_text(encoding="utf-8"))
    second = own_cluster("second")
    assert main(["extract", str(inputs), "-o", str(out), "--resume", "--scheduler", second.address]) == 0
    assert main(["extract", str(inputs), "-o", str(tmp_path / "alone")]) == 0
    assert records.read_bytes() == (tmp_path / "alone" / "records.jsonl").read_bytes()


def test_a_local_cluster_lost_mid_run_fails_it_and_resume_finishes_it(tmp_path):
    """``--workers`` runs its scheduler in a process of its own (issue 22), which can be lost as a cluster of your own
    can: the run fails saying so, keeps what was finished, and ``--resume`` finishes it, byte for byte."""
    pytest.importorskip("distributed")
    import subprocess
    import sys
    import time

    import psutil

    inputs = _many_pages(tmp_path / "in", 150)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "extractor", "extract", str(inputs), "-o", str(out)]
    run = subprocess.Popen([*command, "--workers", "2", "--connect-timeout", "3"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True, cwd=ROOT)
    records = out / "records.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not records.exists() or records.stat().st_size == 0):
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before its scheduler could be lost: give it more pages"
    (cluster,) = [child for child in psutil.Process(run.pid).children() if "localcluster" in " ".join(child.cmdline())]
    cluster.kill()
    lost = time.monotonic()
    _, err = run.communicate(timeout=3 + 60)
    assert run.returncode == 1, err
    assert time.monotonic() - lost < 3 + 60
    assert "lost" in err and "--resume" in err and "Traceback" not in err
    assert main(["extract", str(inputs), "-o", str(out), "--resume", "--workers", "2"]) == 0
    assert main(["extract", str(inputs), "-o", str(tmp_path / "alone")]) == 0
    assert records.read_bytes() == (tmp_path / "alone" / "records.jsonl").read_bytes()


# -- 8. manifests and zone files ---------------------------------------------------------------------


def _one_page(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir(exist_ok=True)
    (inputs / "a.txt").write_text(page(0), encoding="utf-8")
    (inputs / "b.txt").write_text(page(1), encoding="utf-8")
    return inputs


def test_an_unterminated_quote_in_a_manifest_or_zone_file_is_refused_naming_its_line(tmp_path, capsys):
    inputs = _one_page(tmp_path)
    meta = tmp_path / "meta.csv"
    meta.write_text('path,published,source\na.txt,2024-03-05,"人民日报\nb.txt,2024-03-06,新华社\n', encoding="utf-8")
    assert main(["extract", str(inputs), "-o", str(tmp_path / "out"), "--meta", str(meta)]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "quote" in err and "Traceback" not in err
    parks = tmp_path / "zones.csv"
    parks.write_text('park_id,name,short_names\nmy-1,"甲高新区,甲区\nmy-2,乙高新区,乙区\n', encoding="utf-8")
    assert main(["extract", str(inputs), "-o", str(tmp_path / "out2"), "--parks", str(parks)]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "quote" in err and "Traceback" not in err


def test_a_huge_field_in_a_manifest_is_refused_naming_its_line(tmp_path, capsys):
    inputs = _one_page(tmp_path)
    meta = tmp_path / "meta.csv"
    meta.write_text("path,published,source\na.txt,2024-03-05,x\nb.txt,2024-03-06," + "长" * 20_000_000 + "\n", encoding="utf-8")
    assert main(["extract", str(inputs), "-o", str(tmp_path / "out"), "--meta", str(meta)]) == 2
    err = capsys.readouterr().err
    assert "line 3" in err and "Traceback" not in err


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "0900-05", "3000"])
def test_a_date_no_news_page_has_is_refused(tmp_path, capsys, date):
    inputs = _one_page(tmp_path)
    meta = tmp_path / "meta.csv"
    meta.write_text(f"path,published\na.txt,{date}\n", encoding="utf-8")
    assert main(["extract", str(inputs), "-o", str(tmp_path / "out"), "--meta", str(meta)]) == 2
    assert "line 2" in capsys.readouterr().err


def test_a_large_manifest_is_streamed_and_only_the_runs_rows_are_kept(tmp_path):
    import tracemalloc

    from extractor.domain.meta import Manifest

    inputs = _one_page(tmp_path)
    meta = tmp_path / "meta.csv"
    with meta.open("w", encoding="utf-8") as handle:
        handle.write("path,published,source,url\n")
        for row in range(200_000):
            handle.write(f"other/{row:07d}.txt,2021-01-{row % 28 + 1:02d},来源{row},https://example.com/{row}\n")
        handle.write("a.txt,2024-03-05,人民日报,https://example.com/a\n")
    size = meta.stat().st_size
    small = tmp_path / "small.csv"
    small.write_text("path,published\na.txt,2024-03-05\n", encoding="utf-8")
    Manifest(small, inputs=[inputs / "a.txt"])  # what any manifest costs once (imports, compiled patterns) is not counted
    tracemalloc.start()
    manifest = Manifest(meta, inputs=[inputs / "a.txt", inputs / "b.txt"])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert manifest.meta_for(inputs / "a.txt").published == "2024-03-05"
    assert manifest.meta_for(inputs / "b.txt") is None
    assert len(manifest) == 1
    assert peak < size / 4  # not the file, nor a dict per row (its time is a benchmark's business, not a test's)


def test_resume_is_refused_when_the_manifest_or_the_zone_file_changed(tmp_path, capsys):
    inputs = _one_page(tmp_path)
    meta = tmp_path / "meta.csv"
    meta.write_text("path,published\na.txt,2024-03-05\n", encoding="utf-8")
    parks = tmp_path / "zones.csv"
    parks.write_text("park_id,name,short_names\nmy-1,甲乙高新技术产业开发区,甲乙高新区\n", encoding="utf-8")
    out = tmp_path / "out"
    flags = ["--meta", str(meta), "--parks", str(parks)]
    assert main(["extract", str(inputs), "-o", str(out), *flags]) == 0
    assert main(["extract", str(inputs), "-o", str(out), "--resume", *flags]) == 0  # unchanged: resumed
    before = (out / "records.jsonl").read_bytes()
    meta.write_text("path,published\na.txt,2023-01-01\n", encoding="utf-8")
    assert main(["extract", str(inputs), "-o", str(out), "--resume", *flags]) == 2
    assert "meta" in capsys.readouterr().err
    meta.write_text("path,published\na.txt,2024-03-05\n", encoding="utf-8")
    parks.write_text("park_id,name,short_names\nmy-2,甲乙高新技术产业开发区,甲乙高新区\n", encoding="utf-8")
    assert main(["extract", str(inputs), "-o", str(out), "--resume", *flags]) == 2
    assert "parks" in capsys.readouterr().err
    assert (out / "records.jsonl").read_bytes() == before  # nothing was changed


# -- 9. memory within a small multiple of the input ---------------------------------------------------

_PEAK = """
import resource, sys
from pathlib import Path
{work}
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


def _peak_bytes(work: str) -> int:
    """Peak memory (bytes) of a fresh Python process doing ``work``."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _PEAK.format(work=work)], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


def _random_digit_pages(path: Path, size: int) -> Path:
    """Seed pages one after another, each digit drawn at random: every paragraph new, ``size`` bytes in all."""
    import random

    draw = random.Random(5)
    pieces, written, index = [], 0, 0
    while written < size:
        text = re.sub(r"\d", lambda m: draw.choice("0123456789"), page(index)) + "\n\n"
        pieces.append(text)
        written += len(text.encode())
        index += 1
    path.write_text("".join(pieces), encoding="utf-8")
    return path


def test_the_review_page_of_a_large_page_stays_within_a_small_multiple_of_it(tmp_path):
    big = _random_digit_pages(tmp_path / "big.txt", 2_000_000)
    assert main(["extract", str(big), "-o", str(tmp_path / "big-out"), "--doc-timeout", "0"]) == 0
    assert main(["extract", str(PAGES[0]), "-o", str(tmp_path / "small-out")]) == 0
    report = "from extractor.outputs.report import write_report; write_report(Path({out!r}))"
    baseline = _peak_bytes(report.format(out=str(tmp_path / "small-out")))
    peak = _peak_bytes(report.format(out=str(tmp_path / "big-out")))
    page_size = (tmp_path / "big-out" / "report" / "doc-000001.html").stat().st_size
    assert page_size > 2 * big.stat().st_size  # the page is several times its input: it must not be held whole
    assert peak - baseline < 8 * big.stat().st_size, (peak - baseline, big.stat().st_size)


def test_a_file_of_random_digits_stays_within_a_small_multiple_of_it(tmp_path):
    """A guard (it holds at the start of issue 23 already): 1.8 MB of random digits after a Chinese lead."""
    import random

    draw = random.Random(1)
    digits = tmp_path / "digits.txt"
    digits.write_text("本报讯 园区" + "".join(draw.choice("0123456789") for _ in range(1_800_000)), encoding="utf-8")
    run = "from extractor.cli import main; assert main(['extract', {path!r}, '-o', {out!r}]) in (0, 1)"
    baseline = _peak_bytes(run.format(path=str(PAGES[0]), out=str(tmp_path / "small")))
    peak = _peak_bytes(run.format(path=str(digits), out=str(tmp_path / "digits-out")))
    assert peak - baseline < 10 * digits.stat().st_size
