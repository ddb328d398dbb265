"""The same run on a real local Dask cluster (2 worker processes): same outputs, faults, LLM bounds, library API."""

import contextlib
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import needs

from extractor import extract_file, extract_text
from extractor.backends import get_backend
from extractor.backends.llm.settings import LLMSettings
from extractor.cli import main
from extractor.run.engines import BatchDone, Extracted
from extractor.run.runner import run_extraction
from extractor.tools.testserver import FakeModelServer, Script

try:  # the Dask extra: without it the tests that need it skip (the client fixture, needs) and the others still run
    from extractor.run.cluster import DaskEngine, dask_client, extract_bag, extract_many
except ImportError:
    DaskEngine = dask_client = extract_bag = extract_many = None

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = SEEDS / "gold"
TIMING = {"seconds", "duration_seconds", "out_dir", "seconds_waiting_to_retry"}


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("distributed")
    with dask_client(workers=2) as running:
        yield running


@pytest.fixture
def two_workers(client):
    client.wait_for_workers(2, timeout=120)  # a test may have killed one: its nanny starts it again
    return client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """The seeds, 40 variants with other numbers, an empty file and a binary one: several batches, every outcome."""
    folder = tmp_path_factory.mktemp("corpus")
    seeds = sorted(SEEDS.glob("*.txt"))
    files = []
    for index in range(40):
        text = seeds[index % len(seeds)].read_text(encoding="utf-8")
        shifted = re.sub(r"\d", lambda m, k=index: str((int(m.group()) + k) % 10), text)  # other values, same shapes
        path = folder / f"v{index:03d}.txt"
        path.write_text(shifted, encoding="utf-8")
        files.append(path)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return [*seeds, *files, folder / "empty.txt", folder / "binary.txt"]


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("single")
    run_extraction(corpus, out, get_backend("rules"), report=True)
    return out


def same_outputs(one: Path, other: Path) -> None:
    """Byte for byte, but run.json, outcomes.jsonl and the database without timings (and run.json without its out_dir)."""
    timed = (".sqlite", ".json", ".lock")

    def compared(out: Path) -> list[Path]:
        return sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file() and p.suffix not in timed and p.name != "outcomes.jsonl")

    names = compared(one)
    assert names == compared(other)
    for name in names:
        assert (one / name).read_bytes() == (other / name).read_bytes(), name
    ran, other_ran = (untimed(json.loads((out / "run.json").read_text())) for out in (one, other))
    differ = {key: (ran.get(key), other_ran.get(key)) for key in ran.keys() | other_ran.keys() if ran.get(key) != other_ran.get(key)}
    assert not differ, differ  # the keys that differ, both sides: a rare failure under load must say what moved
    assert outcomes(one) == outcomes(other)
    assert database(one) == database(other)


def outcomes(out: Path) -> list:
    return [untimed(json.loads(line)) for line in (out / "outcomes.jsonl").read_text(encoding="utf-8").splitlines()]


def untimed(value):
    if isinstance(value, dict):
        return {key: untimed(item) for key, item in value.items() if key not in TIMING}
    if isinstance(value, list):
        return [untimed(item) for item in value]
    if isinstance(value, str) and value.startswith("{"):
        try:
            return untimed(json.loads(value))
        except json.JSONDecodeError:
            return value
    return value


def database(out: Path) -> dict[str, list]:
    with sqlite3.connect(out / "records.sqlite") as db_:
        tables = [row[0] for row in db_.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: [untimed(list(row)) for row in db_.execute(f"SELECT * FROM {table}")] for table in tables}


def record_keys(out: Path) -> list[tuple]:
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return [(r["doc"], r["article"], r["kind"], json.dumps(r.get("evidence"))) for r in map(json.loads, lines)]


def test_a_plain_run_never_imports_dask(tmp_path):
    code = (
        "import sys; from extractor.cli import main; "
        f"code = main(['extract', {str(SEEDS)!r}, '-o', {str(tmp_path)!r}]); "
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split("\n")[-2] == "0 []"


class Watched:
    """An engine that notes which process extracted each document, as its results pass to the runner."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.workers = engine.workers
        self.processes: list[int] = []

    def extract(self, spec, tasks, count=None):
        for done in self.engine.extract(spec, tasks, count):
            assert isinstance(done, Extracted | BatchDone)
            self.processes += [done.worker] * (done.tasks if isinstance(done, BatchDone) else 1)
            yield done

    def elsewhere(self, function, *args):
        return self.engine.elsewhere(function, *args)

    def close(self) -> None:
        self.engine.close()


def test_a_cluster_run_writes_what_a_single_process_run_writes(two_workers, corpus, single, tmp_path):
    engine = Watched(DaskEngine(two_workers, batch_size=3))  # 16 batches over 2 workers: results arrive out of order
    summary = run_extraction(corpus, tmp_path, get_backend("rules"), report=True, engine=engine)
    assert {d.status for d in summary.documents} == {"read", "skipped"}
    same_outputs(single, tmp_path)
    # The same outputs prove nothing if the client did the work: two worker processes did it, and only they
    workers = set(two_workers.run(os.getpid).values())
    assert len(workers) == 2 and os.getpid() not in workers
    assert len(engine.processes) == len(corpus) and set(engine.processes) == workers, (engine.processes, workers)


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(two_workers, corpus, single, tmp_path):
    pids = two_workers.run(os.getpid)
    victim = next(iter(pids.values()))
    written_after_kill = []

    written = []

    def kill_once(event, outcome):
        if event not in ("document", "documents"):
            return
        done = outcome.documents if event == "documents" else 1  # a batch written whole arrives at once
        if written_after_kill:
            written_after_kill.extend([None] * done)
            return
        written.extend([None] * done)
        if len(written) >= 6:  # a few documents in: most of the work is still to come
            os.kill(victim, signal.SIGKILL)
            written_after_kill.append(None)

    engine = DaskEngine(two_workers, batch_size=2, in_flight=6)
    run_extraction(corpus, tmp_path, get_backend("rules"), on_progress=kill_once, report=True, engine=engine)
    assert len(written_after_kill) > 20  # the kill happened with work left, and that work was done
    with pytest.raises(ProcessLookupError):
        os.kill(victim, 0)
    assert record_keys(tmp_path) == record_keys(single)  # no record lost, none twice, same order
    same_outputs(single, tmp_path)


@needs("distributed")
def test_rules_batches_are_cut_by_bytes_and_keep_the_input_order(tmp_path):
    from extractor.run.cluster import _batched
    from extractor.run.engines import DocumentTask

    sizes = [10, 10, 500, 10, 10, 10, 10, 10, 10, 900, 10]
    tasks = []
    for index, size in enumerate(sizes):
        path = tmp_path / f"{index:02d}.txt"
        path.write_bytes(b"x" * size)
        tasks.append(DocumentTask(path, path.name))
    tasks.append(DocumentTask(tmp_path / "gone.txt", "gone.txt"))  # unreadable: the worker says why, the batch goes on
    batches = list(_batched(iter(tasks), 4, 500))
    assert [task for batch in batches for task in batch] == tasks
    assert all(len(batch) <= 4 for batch in batches)
    assert [sizes[int(batch[-1].doc[:2])] for batch in batches[:3]] == [500, 10, 900]  # a big file ends its batch
    assert all(sum(sizes[int(t.doc[:2])] for t in batch[:-1]) < 500 for batch in batches[:-1])


@needs("distributed")
def test_batches_shrink_toward_the_end_of_a_run_of_known_length(tmp_path):
    """So that no worker is left with a big last batch while the others wait (guided self-scheduling)."""
    from extractor.run.cluster import _batched, _Guided
    from extractor.run.engines import DocumentTask

    tasks = [DocumentTask(tmp_path / f"{index}.txt", f"{index}.txt") for index in range(200)]
    for task in tasks:
        task.path.write_text("本报讯", encoding="utf-8")
    plain = [len(batch) for batch in _batched(tasks, 32, 200_000)]
    guided = [len(batch) for batch in _batched(tasks, 32, 200_000, _Guided(len(tasks), workers=2))]
    assert sum(guided) == sum(plain) == 200
    assert max(plain[-2:]) == 32 and guided[-1] == 1  # the last batches are small
    assert guided == sorted(guided, reverse=True) and guided[0] <= 200 // (2 * _Guided.PER_WORKER)


@needs("distributed")
def test_a_short_run_of_pages_goes_out_in_few_tasks_whose_tail_is_still_short():
    """Each task costs the main process some milliseconds whatever its size: a run of 600 pages on 2 workers gives a
    quarter of what is left to a task (two per worker), not an eighth, and its last tasks are still the shortest."""
    from extractor.run.cluster import RULES_BATCH, _batched, _Guided, _Pace
    from extractor.run.engines import DocumentTask

    page, count, workers = 6_000, 600, 2
    tasks = [DocumentTask(f"{index}.txt", f"{index}.txt", size=page) for index in range(count)]
    sizes = [len(batch) for batch in _batched(tasks, RULES_BATCH, _Pace.TASK_BYTES, _Guided(count, workers, _Pace()))]
    assert sum(sizes) == count and sizes == sorted(sizes, reverse=True)
    assert sizes[0] >= count // (2 * workers)  # the first task: a quarter of the run
    assert len(sizes) < 16  # 23 at four per worker
    assert max(sizes[-3:]) * page <= _Pace.SHORTEST  # the tail: tasks of the shortest size


@needs("distributed")
def test_tasks_are_sized_by_the_text_in_them_from_the_first_one_on():
    """Many tiny files to a task, few long pages: each task about the same bytes of input, the first one included."""
    from extractor.run.cluster import RULES_BATCH, _batched, _Guided, _Pace
    from extractor.run.engines import DocumentTask

    tiny, page = 1_000, 60_000
    tasks = [DocumentTask(f"{index}.txt", f"{index}.txt", size=tiny if index < 10_000 else page) for index in range(20_000)]
    batches = list(_batched(tasks, RULES_BATCH, _Pace.TASK_BYTES, _Guided(len(tasks), workers=2, pace=_Pace())))
    assert [task for batch in batches for task in batch] == tasks  # input order kept
    sizes = [len(batch) for batch in batches]
    assert sizes[0] >= min(RULES_BATCH, _Pace.TASK_BYTES // tiny)  # hundreds of tiny files in the first task already
    long_ones = [len(batch) for batch in batches if batch[0].size == page]
    assert max(long_ones) <= _Pace.TASK_BYTES // page + 1  # a handful of long pages a task
    assert all(sum(task.size for task in batch[:-1]) < _Pace.TASK_BYTES for batch in batches)
    assert len(batches) < len(tasks) * (tiny + page) / 2 / _Pace.TASK_BYTES * 2  # few tasks: Dask's cost per task is paid rarely


def test_workers_hand_back_articles_rendered_for_every_writer():
    """The main process writes for every worker, so a worker hands over each writer's piece, not the records."""
    from extractor.outputs import RenderedArticle, rendering_writers
    from extractor.run.engines import BackendSpec, DocumentTask, extract_batch

    page = sorted(SEEDS.glob("*.txt"))[0]
    (done,) = extract_batch(BackendSpec("rules"), [DocumentTask(page, page.name)])
    rendering = {writer.name for writer in rendering_writers()}
    assert rendering == {"records.jsonl", "records.sqlite"}
    assert done.work.articles and all(isinstance(a, RenderedArticle) for a in done.work.articles)
    assert all(set(a.pieces) == rendering for a in done.work.articles)
    assert sum(a.counts["figures"] for a in done.work.articles) > 0  # a seed page has figures: something was rendered
    assert b"".join(a.pieces["records.jsonl"] for a in done.work.articles).count(b"\n") == sum(
        sum(a.counts[kind] for kind in ("parks", "initiatives", "figures", "quotes")) for a in done.work.articles
    )


def test_workers_write_shards_the_main_process_merges(tmp_path):
    """With a shard folder a worker writes a batch whole (lines, rows, ledger rows, outcomes) and hands back its totals."""
    from extractor.run.engines import BackendSpec, DocumentTask, extract_batch

    pages = sorted(SEEDS.glob("*.txt"))[:3]
    tasks = [DocumentTask(page, page.name) for page in pages]
    done = extract_batch(BackendSpec("rules", shards=str(tmp_path)), tasks)
    assert isinstance(done, BatchDone) and done.tasks == 3 and done.shard.documents == 3
    stem = Path(done.shard.stem)
    assert {p.name for p in tmp_path.iterdir()} == {stem.name + ".jsonl", stem.name + ".sqlite", stem.name + ".outcomes"}
    assert done.outcome_lines is None  # the outcomes' lines wait in the shard: the main process copies them, never holds them
    lines = Path(f"{stem}.outcomes").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc"] for line in lines] == [page.name for page in pages]  # in input order
    assert done.tally.by_status == {"read": 3} and done.tally.totals["figures"] > 0 and not done.noted
    with sqlite3.connect(f"{stem}.sqlite") as shard:
        ledger = shard.execute("SELECT doc, position, outcome, seals FROM documents ORDER BY rowid").fetchall()
    assert [(doc, position) for doc, position, _outcome, _seals in ledger] == [(page.name, n) for n, page in enumerate(pages, 1)]
    assert sum(json.loads(outcome)["figures"] for _doc, _position, outcome, _seals in ledger) == done.tally.totals["figures"]
    assert all("records.jsonl" in json.loads(seals) for *_rest, seals in ledger)  # the lines' seals, for --resume
    # A batch with a document a previous run finished goes back document by document, its pieces in a shard
    finished = extract_batch(BackendSpec("rules"), tasks[:1])[0].work.entry.sha256
    mixed = extract_batch(BackendSpec("rules", shards=str(tmp_path)), [DocumentTask(pages[0], pages[0].name, finished), *tasks[1:]])
    assert [extracted.work.entry.outcome.status for extracted in mixed] == ["resumed", "read", "read"]
    assert all(extracted.work.shard is not None and all(a.pieces == {} for a in extracted.work.articles) for extracted in mixed[1:])
    # A worker that cannot write the shard (it does not see OUT_DIR) hands the pieces back: the outputs are the same
    (alone,) = extract_batch(BackendSpec("rules", shards=str(tmp_path / "not-here")), tasks[:1])
    assert alone.work.shard is None and all(set(a.pieces) == {"records.jsonl", "records.sqlite"} for a in alone.work.articles)


def test_on_a_cluster_the_main_process_writes_no_record_itself(two_workers, corpus, single, tmp_path, monkeypatch):
    """The workers write the records into shards; the main process only copies them, and the outputs are the same."""
    import extractor.outputs.csv as csv
    import extractor.outputs.jsonl as jsonl
    import extractor.outputs.report as report
    import extractor.outputs.sqlite as sqlite

    def not_here(*args, **kwargs):
        raise AssertionError("the main process rendered or inserted a record")

    monkeypatch.setattr(jsonl, "article_lines", not_here)  # the workers are other processes: only this one is patched
    monkeypatch.setattr(sqlite, "_insert_rows", not_here)
    monkeypatch.setattr(sqlite.Ledger, "write_zones", not_here)  # the end of the run (zones, CSVs, pages) is a worker's too
    monkeypatch.setattr(csv, "export_csv", not_here)
    monkeypatch.setattr(report, "write_report", not_here)
    seen: list[BatchDone] = []

    class Sharded(Watched):
        def extract(self, spec, tasks, count=None):
            assert Path(spec.shards).parent == tmp_path.absolute() / ".shards"
            for done in super().extract(spec, tasks, count):
                seen.append(done)
                yield done

    run_extraction(corpus, tmp_path, get_backend("rules"), report=True, engine=Sharded(DaskEngine(two_workers, batch_size=4)))
    assert seen and all(isinstance(done, BatchDone) for done in seen)  # whole batches: no document's objects came back
    assert any(done.shard is not None for done in seen) and sum(done.tasks for done in seen) == len(corpus)
    assert not (tmp_path / ".shards").exists()  # merged, then removed
    same_outputs(single, tmp_path)


def test_resume_on_a_cluster_continues_a_single_process_run(two_workers, corpus, single, tmp_path):
    run_extraction(corpus[:12], tmp_path, get_backend("rules"), report=True)
    summary = run_extraction(corpus, tmp_path, get_backend("rules"), resume=True, report=True, engine=DaskEngine(two_workers))
    assert sum(d.status == "resumed" for d in summary.documents) == 12
    assert json.loads((tmp_path / "run.json").read_text())["counts"] == json.loads((single / "run.json").read_text())["counts"]
    assert record_keys(tmp_path) == record_keys(single)


def test_the_cli_uses_a_running_scheduler_by_flag_or_environment(two_workers, tmp_path, monkeypatch, capsys):
    address = two_workers.scheduler.address
    assert main(["extract", str(SEEDS), "-o", str(tmp_path / "flag"), "--scheduler", address]) == 0
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", address)
    assert main(["extract", str(SEEDS), "-o", str(tmp_path / "env")]) == 0
    assert main(["extract", str(SEEDS), "-o", str(tmp_path / "both"), "--workers", "2", "--scheduler", address]) == 2
    assert "not both" in capsys.readouterr().err
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS")
    assert main(["extract", str(SEEDS), "-o", str(tmp_path / "single")]) == 0
    for out in ("flag", "env"):
        assert (tmp_path / out / "records.jsonl").read_bytes() == (tmp_path / "single" / "records.jsonl").read_bytes()


# -- the LLM backend on a cluster ---------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    pytest.importorskip("instructor")  # the LLM extra
    with FakeModelServer(Script(gold_dir=GOLD, delay=0.15)) as running:
        yield running


def llm(server, tmp_path, **settings) -> object:
    base = {"base_url": server.base_url, "model": "oracle", "concurrency": 2, "timeout": 20, "cache_dir": tmp_path / "cache"}
    return get_backend("llm", LLMSettings(**{**base, **settings}))


def run_llm(server, out, backend, engine=None) -> dict:
    try:
        run_extraction(sorted(SEEDS.glob("*.txt")), out, backend, engine=engine)
    finally:
        backend.close()
    return json.loads((out / "run.json").read_text())


def test_llm_calls_in_flight_and_tokens_are_bounded_and_counted_for_the_whole_cluster(two_workers, server, tmp_path):
    server.reset(Script(gold_dir=GOLD, delay=0.15))
    alone = run_llm(server, tmp_path / "single", llm(server, tmp_path, cache=False))
    full = server.stats.prompt_tokens + server.stats.completion_tokens

    server.reset(Script(gold_dir=GOLD, delay=0.15))
    engine = DaskEngine(two_workers, batch_size=1)  # two workers, each with a page's calls at once: 4 could be in flight
    spread = run_llm(server, tmp_path / "cluster", llm(server, tmp_path), engine)
    assert server.stats.max_in_flight == 2  # --concurrency 2 holds for both workers together
    assert spread["tokens"] == {"prompt": server.stats.prompt_tokens, "completion": server.stats.completion_tokens}
    assert spread["calls"] == server.stats.calls == alone["calls"]
    assert (tmp_path / "cluster" / "records.jsonl").read_bytes() == (tmp_path / "single" / "records.jsonl").read_bytes()

    server.reset(Script(gold_dir=GOLD, delay=0.15))
    cached = run_llm(server, tmp_path / "cached", llm(server, tmp_path), DaskEngine(two_workers, batch_size=1))
    assert server.stats.calls == 0 and cached["cache_hits"] == spread["calls"]  # the workers share the cache folder

    budget = full * 2 // 5
    server.reset(Script(gold_dir=GOLD, delay=0.15))
    limited = llm(server, tmp_path, cache=False, max_tokens=budget)
    held = run_llm(server, tmp_path / "budget", limited, DaskEngine(two_workers, batch_size=1))
    spent = server.stats.prompt_tokens + server.stats.completion_tokens
    assert 0 < spent <= budget  # one budget for the run: each worker alone would have spent up to all of it
    assert held["budget_exhausted"] is True
    assert held["tokens"]["prompt"] + held["tokens"]["completion"] == spent


# -- the library API ------------------------------------------------------------------------


def test_the_library_maps_extraction_over_a_bag_and_a_list(two_workers, tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[1]
    text = seed.read_text(encoding="utf-8")
    items = [seed, text, ("page-2", text), {"text": text, "doc": "dated", "meta": {"published": "2024-03-05"}}]
    expected = [
        extract_file(seed),
        extract_text(text, "<text>"),
        extract_text(text, "page-2"),
        extract_text(text, "dated", meta={"published": "2024-03-05"}),
    ]
    assert expected[3].meta.published == "2024-03-05"
    listed = extract_many(two_workers, items)
    import dask.bag as db

    bagged = extract_bag(db.from_sequence(items, npartitions=2)).compute()
    for results in (listed, bagged):
        assert [r.model_dump() for r in results] == [e.model_dump() for e in expected]
    with pytest.raises(TypeError, match="cannot extract from a int"):
        extract_many(two_workers, [3])


def test_the_library_extracts_on_the_workers_not_in_the_client(two_workers, monkeypatch):
    """Results equal to the client's own prove nothing if the client did the work: here the client cannot."""
    import dask.bag as db

    import extractor.run.cluster as cluster

    def not_here(*args, **kwargs):
        raise AssertionError("the client extracted a document itself")

    monkeypatch.setattr(cluster, "_extract_item", not_here)  # the workers are other processes: only this one is patched
    text = sorted(SEEDS.glob("*.txt"))[1].read_text(encoding="utf-8")
    assert [result.doc for result in extract_many(two_workers, [text, ("page-2", text)])] == ["<text>", "page-2"]
    assert [result.doc for result in extract_bag(db.from_sequence([("bagged", text)], npartitions=1)).compute()] == ["bagged"]


@needs("distributed")
def test_the_cli_starts_a_local_cluster_with_workers(tmp_path, capsys):
    started = time.perf_counter()
    assert main(["extract", str(SEEDS), "-o", str(tmp_path), "--workers", "1"]) == 0
    assert (tmp_path / "records.jsonl").stat().st_size > 0
    assert time.perf_counter() - started < 120


def test_a_batch_travels_in_a_few_bytes_a_document_and_comes_back_the_same_tasks(tmp_path):
    """Dask's scheduler and client keep a task's arguments while it runs: a document's share must be its file name."""
    import pickle

    from extractor.models import DocumentMeta
    from extractor.run.engines import DocumentTask, TaskBatch

    here, sha, meta = str(tmp_path), "ab" * 32, DocumentMeta(published="2024-03-05")
    names = [f"d{index:06d}.txt" for index in range(2000)]
    plain = [DocumentTask(f"corpus/2024/{name}", name, location=f"{here}/corpus/2024/{name}") for name in names]
    special = [
        DocumentTask("other/d000001.txt", "other/d000001.txt", sha, meta, f"{here}/other/d000001.txt"),
        DocumentTask("/abs/x.txt", "x.txt", location="/abs/x.txt"),
        DocumentTask("y.txt", "y.txt", location="/elsewhere/y.txt"),  # a location other than the worked-out one
        DocumentTask("z.txt", "z.txt"),  # none given: the worker reads the path
    ]
    tasks = plain + special
    batch = TaskBatch.of(tasks, here)
    assert [(str(t.path), t.doc, t.finished_sha256, t.meta, t.location) for t in batch.tasks()] == [
        (str(t.path), t.doc, t.finished_sha256, t.meta, t.location) for t in tasks
    ]
    assert len(pickle.dumps(batch)) < 20 * len(tasks)  # the file name and a NUL, where a path and a location took ~150 bytes


@needs("distributed")
def test_a_local_cluster_ticks_with_its_work_not_with_the_clock():
    """Dask's timers (event-loop watch every 20 ms, system monitor, memory monitor, the client's poll of the
    scheduler every 2 s) cost CPU in proportion to the wall time, most of the main process's share per document on a
    long run (issue 22). Every server of a local cluster ticks at most a few times a second, and so does a worker its
    nanny starts again after it died (it got Dask's defaults back: its nanny's settings were the global ones), and
    the main process's client polls its scheduler every few seconds."""
    with dask_client(workers=1) as fresh:  # a cluster of its own: a worker is killed
        for tick, monitor, memory in fresh.run(_intervals).values():
            assert tick >= 0.5 and monitor >= 1 and memory >= 0.25
        assert fresh.run_on_scheduler(lambda dask_scheduler: dask_scheduler._tick_interval) >= 0.5
        assert fresh._periodic_callbacks["scheduler-info"].callback_time >= 5000  # ms: the client in the main process
        restarted = _kill_a_worker(fresh)
        for tick, monitor, memory in restarted.run(_intervals).values():
            assert tick >= 0.5 and monitor >= 1 and memory >= 0.25


@needs("distributed")
def test_local_workers_start_warm_even_when_restarted():
    """A local cluster's workers are forked from a process that imported and warmed the extractor once (issue 22:
    each spawned worker paid 1 to 2 s of imports and compiled patterns before its first task): before any task, and
    after its nanny started one again, a worker has run the warm-up page already."""

    def warmed() -> bool:
        return "extractor.run.warmed" in sys.modules  # imported by the forkserver's preload, never by a plain worker

    with dask_client(workers=1) as fresh:
        assert all(fresh.run(warmed).values())
        assert all(_kill_a_worker(fresh).run(warmed).values())


def _intervals() -> tuple[float, float, float]:
    import dask
    from dask.utils import parse_timedelta

    keys = ("admin.tick.interval", "admin.system-monitor.interval", "worker.memory.monitor-interval")
    return tuple(parse_timedelta(dask.config.get(f"distributed.{key}")) for key in keys)


def _kill_a_worker(client):
    """The client, once the nanny of the worker killed here has started another."""
    (pid,) = client.run(os.getpid).values()
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if set(client.run(os.getpid).values()) - {pid}:
                return client
        time.sleep(0.2)
    raise AssertionError("no worker came back")


@needs("distributed")
def test_the_tasks_being_cut_hold_little_of_the_main_process_whatever_the_corpus():
    """A batch's ``DocumentTask``s live in the main process while it is cut and packed: for tiny files the count per
    task, not the bytes, bounds them, and with thousands a task they were megabytes of a long run's peak (issue 22)."""
    import tracemalloc

    from extractor.run.cluster import RULES_BATCH, _batched, _Guided, _Pace
    from extractor.run.engines import DocumentTask

    count = 50_000

    def tasks():
        for index in range(count):
            name = f"d{index:06d}.txt"
            yield DocumentTask(f"corpus/2024/{name}", name, location=f"/data/corpus/2024/{name}", size=100)

    tracemalloc.start()
    try:
        cut = 0
        for batch in _batched(tasks(), RULES_BATCH, _Pace.TASK_BYTES, _Guided(count, workers=2, pace=_Pace())):
            cut += len(batch)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert cut == count
    assert peak < 1 << 20, peak  # under a megabyte, however many files


def test_workers_import_the_installed_extractor_whatever_folder_the_command_runs_in(tmp_path):
    """A folder named ``extractor`` where the user runs ``--workers`` (their notes, an older checkout) is not what the
    workers import: the forkserver they fork from runs ``python -c``, which put the current folder first on sys.path,
    and every worker failed. The command runs as a script does (its own folder first), from that folder."""
    work, scripts = tmp_path / "work", tmp_path / "bin"
    (work / "extractor").mkdir(parents=True)
    (work / "extractor" / "__init__.py").write_text("", encoding="utf-8")  # a package of that name, none of our modules
    scripts.mkdir()
    script = "import sys\nfrom extractor.cli import main\nif __name__ == '__main__':\n    sys.exit(main(sys.argv[1:]))\n"
    (scripts / "run.py").write_text(script, encoding="utf-8")
    command = [sys.executable, str(scripts / "run.py"), "extract", str(SEEDS), "-o", str(tmp_path / "out"), "--workers", "2"]
    env = {key: value for key, value in os.environ.items() if key != "PYTHONSAFEPATH"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "out" / "records.jsonl").stat().st_size > 0


KILLED_MAIN = """
import os, sys, time
from extractor.run.cluster import dask_client
with dask_client(workers=2) as client:
    print(client.run_on_scheduler(os.getpid), *client.run(os.getpid).values(), flush=True)
    time.sleep(600)
"""


@needs("distributed")
def test_a_main_process_killed_with_sigkill_leaves_no_scheduler_nor_worker_running(tmp_path):
    """``--workers`` runs the scheduler and the nannies in a process of their own, so that they cost the main process
    none of its CPU (issue 22); a main process killed with SIGKILL runs no code of ours, and that process, its
    forkserver and its workers must still end with it, not run on orphaned."""
    import psutil

    main_process = subprocess.Popen([sys.executable, "-c", KILLED_MAIN], stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        scheduler, *workers = map(int, main_process.stdout.readline().split())
        family = psutil.Process(main_process.pid).children(recursive=True)
        assert scheduler != main_process.pid and len(workers) == 2  # the scheduler is not in the main process
        assert {scheduler, *workers} <= {child.pid for child in family}
    finally:
        main_process.kill()
        main_process.wait()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(_running(child) for child in family):
        time.sleep(0.2)
    assert not [child for child in family if _running(child)]


def _running(process) -> bool:
    import psutil

    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
