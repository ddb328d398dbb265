"""Command line: ``extractor extract``, ``report``, ``table``, ``review``, ``eval``, ``schema``.

Records go to files, the progress bar and the summary table to the terminal,
errors to stderr. Exit status: 0 success; 1 nothing could be read, or the run
failed; 2 a usage or configuration error (bad flags, an output folder that
cannot be used, gold answers not found). No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.metadata
import json
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, get_args

from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __name__ as package_name
from .backends import BACKENDS, Backend, BackendAborted, get_backend
from .backends.budget import DEFAULT_DOC_TIMEOUT
from .backends.llm.defaults import DEFAULT_CHUNK_CHARS, LOCAL_PRESET, ConfigurationError, InstructorModeName
from .backends.llm.labelpolicy import policies
from .domain.meta import Manifest, ManifestError
from .domain.registry import RegistryError
from .domain.registry import use_files as use_registry_files
from .outputs import DATABASE_FILE, OutputError
from .outputs.facts import FactsError, write_facts
from .outputs.jsonl import read_records
from .outputs.lock import OutputLock
from .outputs.schemas import write_schemas
from .outputs.sqlite import LedgerError
from .run.engines import ClusterLost
from .run.runner import DocumentOutcome, RunSummary, Status, run_extraction
from .text.load import DEFAULT_MAX_FILE_SIZE, InputScan, display_name, format_size, parse_size, scan_inputs

if TYPE_CHECKING:
    from .backends.llm.settings import LLMSettings
    from .run.engines import Engine

console = Console()
errors = Console(stderr=True, soft_wrap=True)  # messages stay whole lines: paths in them can be copied


ATTENTION_ROWS = 20  # files that need attention listed in the summary; all of them with --all-files
NO_LIMIT = 365 * 24 * 3600.0  # seconds: a timeout of 0 on the command line
WORKERS_PER_CPU = 2  # extraction is CPU-bound (rules) or waits on calls (LLM, which has --concurrency): more only thrash
MEMORY_PER_WORKER = 400 * 1024 * 1024  # what a worker process with the backend loaded and a large page in hand may use
# rich redraws the bar from a thread of its own, 10 times a second by default, and builds the bar's text each time even
# when stderr is no terminal and nothing is shown: on a long --workers run that was about a fifth of the main
# process's CPU (issue 22). Twice a second on a terminal; never off one (the bar is transient: nothing would stay).
PROGRESS_REFRESHES = 2  # per second


class UsageError(Exception):
    """A command cannot start as asked (exit 2); the message says what to change."""


class RunFailed(Exception):
    """The run cannot be done (exit 1): a cluster that cannot be reached or has no workers; the message says what to check."""


class Terminated(KeyboardInterrupt):
    """SIGTERM (sent by schedulers, ``timeout``, ``kill``): the run stops as on Ctrl-C, its outputs closed cleanly."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error argparse has printed
        return exc.code if isinstance(exc.code, int) else 2
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        with _sigterm_as_interrupt():
            return args.run(args)
    except KeyboardInterrupt as exc:
        errors.print("[yellow]interrupted[/]: finished documents are kept; run the same command with --resume to continue")
        return 143 if isinstance(exc, Terminated) else 130
    except (OutputError, UsageError) as exc:
        errors.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        return 2
    except RunFailed as exc:
        errors.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        return 1
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("EXTRACTOR_DEBUG"):
            raise
        errors.print(
            f"[red]error:[/] {escape(type(exc).__name__)}: {escape(str(exc))} (set EXTRACTOR_DEBUG=1 to see where)", highlight=False
        )
        return 1


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """While a command runs, SIGTERM raises ``Terminated``: run.json is written and the database closed, as on Ctrl-C."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield
        return

    def terminate(signum: int, frame: object) -> None:
        raise Terminated()

    before = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


class _Parser(argparse.ArgumentParser):
    """A usage error is one line and where to read more, not the whole usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\nsee '{self.prog} --help'\n")


def _version() -> str:
    try:
        return importlib.metadata.version("zone-extractor")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=package_name, description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(parser_class=_Parser)

    extract = commands.add_parser("extract", help="extract verified records from text files or folders")
    extract.add_argument("paths", nargs="+", type=Path, help="files or directories (searched recursively for .txt)")
    extract.add_argument("-o", "--out", type=Path, default=Path("out"), help="output directory (default: out)")
    extract.add_argument("--backend", default="rules", choices=list(BACKENDS), help="extraction backend (default: rules, offline)")
    extract.add_argument("--chunk-chars", type=_positive, default=DEFAULT_CHUNK_CHARS, help="chunk size budget in characters (at least 1)")
    extract.add_argument("--resume", action="store_true", help="keep documents a previous (interrupted) run finished")
    extract.add_argument("--report", action="store_true", help="also write the review page, OUT_DIR/report.html")
    extract.add_argument("--all-files", action="store_true", help="one summary row per file (default: totals and the files to look at)")
    extract.add_argument(
        "--meta", type=Path, help="CSV or JSON Lines file with path, published, source, url per input (wins over page headers)"
    )
    inputs = extract.add_argument_group("inputs")
    inputs.add_argument(
        "--max-file-size",
        type=_size,
        default=DEFAULT_MAX_FILE_SIZE,
        help=f"skip files larger than this, e.g. 200M (default: {format_size(DEFAULT_MAX_FILE_SIZE)})",
    )
    inputs.add_argument(
        "--doc-timeout",
        type=_seconds,
        default=DEFAULT_DOC_TIMEOUT,
        help=f"fail a document that takes longer than this many seconds, 0 for no limit (default: {DEFAULT_DOC_TIMEOUT:g})",
    )
    inputs.add_argument("--follow-links", action="store_true", help="follow links that lead out of the input folders (default: skip them)")
    extract.add_argument(
        "--parks",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="your own zones, in the format of the zone registry (extractor/data/zones.csv); repeatable",
    )
    cluster = extract.add_argument_group("more cores or machines (Dask; pip install 'zone-extractor[dask]')")
    cluster.add_argument(
        "--workers",
        type=_positive,
        help=f"extract on a local Dask cluster of N worker processes (at most {WORKERS_PER_CPU} per CPU and one per "
        f"{format_size(MEMORY_PER_WORKER)} of free memory, unless --force-workers)",
    )
    cluster.add_argument("--force-workers", action="store_true", help="start --workers N even above that bound")
    cluster.add_argument(
        "--scheduler", metavar="ADDRESS", help="extract on the Dask cluster at ADDRESS, e.g. tcp://10.0.0.5:8786 ($DASK_SCHEDULER_ADDRESS)"
    )
    cluster.add_argument(
        "--connect-timeout",
        type=_seconds,
        default=30.0,
        metavar="SECONDS",
        help="seconds to reach the scheduler and hear its answer, and to wait for it when it is lost mid-run, 0 for no limit (default: 30)",
    )
    llm = extract.add_argument_group("LLM backend (any OpenAI-compatible endpoint; settings also from OPENAI_* / EXTRACTOR_* env)")
    llm.add_argument("--base-url", help="endpoint, e.g. http://127.0.0.1:11434/v1 (default: $OPENAI_BASE_URL or OpenAI)")
    llm.add_argument("--model", help="model name (default: $OPENAI_MODEL or gpt-4o-mini)")
    llm.add_argument("--api-key-env", help="environment variable holding the key (default: OPENAI_API_KEY)")
    llm.add_argument(
        "--mode",
        choices=get_args(InstructorModeName),
        help="instructor mode (default: tools); json_grammar: json, with the answer schema for llama.cpp's grammar",
    )
    llm.add_argument("--extraction", choices=["anchored", "free"], help="label the rules' candidates (default) or extract freely")
    llm.add_argument(
        "--model-labels",
        choices=policies(),
        help="whose label of a number wins: the model's wherever it gives one (model, the default) or the rules' where they "
        "read it from the text (rules, --local's); see extractor/data/model_labels.toml",
    )
    llm.add_argument("--concurrency", type=int, help="calls in flight at once (default: 4)")
    llm.add_argument("--timeout", type=float, help="seconds per HTTP call (default: 60)")
    llm.add_argument("--max-retries", type=int, help="transport retries per call (default: 4)")
    llm.add_argument("--max-reasks", type=int, help="re-asks of an invalid answer (default: 1)")
    llm.add_argument("--max-tokens", type=int, help="token budget for the run: no new calls once spent")
    llm.add_argument("--temperature", type=float, help="sampling temperature sent with every call (default: 0)")
    llm.add_argument("--max-output-tokens", type=int, help="ceiling on one answer's tokens, sized per chunk below it (default: 8192)")
    llm.add_argument("--context-tokens", type=int, help="the model's context size; chunks are cut to fit (default: what the server says)")
    llm.add_argument(
        "--local", action="store_true", help="a local model on CPU: one call at a time, long timeouts (see docs/local-model.md)"
    )
    llm.add_argument("--no-cache", dest="cache", action="store_false", default=None, help="do not read or write the response cache")
    llm.add_argument("--cache-dir", type=Path, help="response cache folder (default: ~/.cache/zone-extractor)")
    _batch_flags(llm)
    extract.set_defaults(run=_run_extract)

    report = commands.add_parser("report", help="write OUT_DIR/report.html from an extraction's output")
    report.add_argument("out", type=Path, help="the output directory of 'extractor extract'")
    report.set_defaults(run=_run_report)

    table = commands.add_parser("table", help="write the analyst's table: one row per fact, with its sources and conflicts")
    table.add_argument("out", type=Path, help="the output directory of 'extractor extract'")
    table.add_argument("-o", "--output", type=Path, help="CSV file to write (default: OUT_DIR/facts.csv)")
    table.add_argument(
        "--all", action="store_true", dest="include_all", help="every fact, not only those whose labels are of high confidence"
    )
    table.add_argument(
        "--rollup",
        action="store_true",
        help="count a sub-park's facts (一区多园, a free trade zone's 片区) as the facts of the zone it belongs to",
    )
    table.set_defaults(run=_run_table)

    review = commands.add_parser("review", help="review the records in a local app: accept, reject, correct; every later run keeps it")
    review.add_argument("out", type=Path, help="the output directory of 'extractor extract'")
    review.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    review.add_argument(
        "--from", dest="from_dir", type=Path, metavar="OLD_OUT_DIR", help="first import the decisions taken on another folder"
    )
    review.add_argument("--export", type=Path, metavar="GOLD_DIR", help="write the reviewed documents as gold answers and exit (no app)")
    review.add_argument("--editor", help="the name the decisions are stored under (default: the login name)")
    review.set_defaults(run=_run_review)

    score = commands.add_parser("eval", help="score records.jsonl against gold annotations")
    score.add_argument("records", type=Path, help="records.jsonl written by extract")
    score.add_argument("--gold", type=Path, default=Path("seeds/gold"), help="folder of gold *.json (default: seeds/gold, from here)")
    score.add_argument("--json", dest="json_out", type=Path, help="also write the scores to this JSON file")
    score.add_argument("--show-errors", action="store_true", help="list missed and extra items")
    score.set_defaults(run=_run_eval)

    schema = commands.add_parser("schema", help="write the JSON Schema files of the records")
    schema.add_argument("-o", "--out", type=Path, default=Path("schemas"), help="directory (default: schemas)")
    schema.set_defaults(run=_run_schema)
    return parser


def _batch_flags(llm: argparse._ArgumentGroup) -> None:
    """--dry-run and --batch (extractor/run/batchrun.py): the run's requests prepared first, then priced or sent as one batch."""
    llm.add_argument("--dry-run", action="store_true", help="send nothing: print the calls, tokens and estimated cost, live and batch")
    llm.add_argument(
        "--batch", action="store_true", help="send the calls through the Batch API at batch prices; --resume collects a pending batch"
    )
    llm.add_argument("--batch-poll", type=float, default=30.0, metavar="SECONDS", help="seconds between looks at the batch (default: 30)")
    llm.add_argument(
        "--batch-wait", type=float, metavar="SECONDS", help="stop waiting after this long; the batch stays pending for --resume (exit 3)"
    )


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _seconds(text: str) -> float | None:
    """Seconds for --doc-timeout; 0 means no limit."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r} (0 for no limit)")
    return seconds or None


def _run_extract(args: argparse.Namespace) -> int:
    scan = scan_inputs(args.paths, follow_links=args.follow_links, max_file_size=args.max_file_size)
    try:
        args.manifest = Manifest(args.meta, inputs=scan.files) if args.meta else None  # only this run's rows are kept
    except ManifestError as exc:
        errors.print(f"[red]error:[/] --meta: {escape(str(exc))}", highlight=False)
        return 2
    try:
        use_registry_files(args.parks)
    except RegistryError as exc:
        errors.print(f"[red]error:[/] --parks: {escape(str(exc))}", highlight=False)
        return 2
    for path in scan.missing:
        errors.print(f"[red]error:[/] {escape(display_name(path))}: no such file or directory", highlight=False)
    if not scan.files:
        errors.print("[red]error:[/] no input files found (folders are searched for *.txt)")
        return 1
    if args.dry_run or args.batch:
        return _run_planned(scan, args)
    try:
        backend = get_backend(args.backend, _llm_settings(args) if args.backend == "llm" else None)
    except (ConfigurationError, ValidationError) as exc:
        errors.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        return 2
    try:
        with _engine(args) as engine:
            return _extract_with(backend, scan, args, engine)
    except BackendAborted as exc:  # the endpoint refused the key or does not answer: every document would fail alike
        errors.print(f"[red]error:[/] {escape(str(exc))}\nthe run was stopped; documents finished before are kept", highlight=False)
        return exc.exit_code
    except ClusterLost as exc:
        errors.print(f"[red]run failed:[/] {escape(str(exc))}", highlight=False)
        return exc.exit_code
    finally:
        backend.close()


def _run_planned(scan: InputScan, args: argparse.Namespace) -> int:
    """--dry-run or --batch: the LLM backend's requests prepared first (extractor/run/batchrun.py)."""
    if args.backend != "llm" or (args.workers or args.scheduler):
        raise UsageError("--dry-run and --batch need --backend llm, in one process (not with --workers or --scheduler)")
    say = functools.partial(console.print, highlight=False, markup=False)
    try:
        settings = _llm_settings(args)
        settings.check()
        from .run import batchrun  # the LLM extra's imports
    except (ConfigurationError, ValidationError, ImportError) as exc:
        errors.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        return 2
    try:
        if args.dry_run:
            return batchrun.dry_run(scan, args, settings, say)
        return batchrun.batch_run(scan, args, settings, _extract_with, say)
    except (BackendAborted, batchrun.BatchError) as exc:  # the endpoint refused, or has no Batch API
        errors.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        return getattr(exc, "exit_code", 1)


def _llm_settings(args: argparse.Namespace) -> LLMSettings:
    """Flags given on the command line (named like the settings' fields) win over the environment."""
    from .backends.llm.settings import LLMSettings  # pydantic_settings: only an LLM run pays its import

    given = {name: getattr(args, name, None) for name in LLMSettings.model_fields}
    preset = LOCAL_PRESET if getattr(args, "local", False) else {}
    return LLMSettings(**{**preset, **{name: value for name, value in given.items() if value is not None}})


@contextlib.contextmanager
def _engine(args: argparse.Namespace) -> Iterator[Engine | None]:
    """A Dask engine with --workers or --scheduler (or $DASK_SCHEDULER_ADDRESS); else None, and Dask is not imported."""
    if args.workers and args.scheduler:
        raise UsageError("give --workers (a local cluster) or --scheduler (an existing one), not both")
    if args.workers and not args.force_workers:
        _check_workers(args.workers)
    scheduler = args.scheduler or (None if args.workers else os.environ.get("DASK_SCHEDULER_ADDRESS"))
    if not args.workers and not scheduler:
        yield None
        return
    try:
        from .run.cluster import ClusterError, DaskEngine, dask_client
    except ImportError as exc:
        raise UsageError(str(exc)) from None
    with contextlib.ExitStack() as stack:
        try:
            client = stack.enter_context(dask_client(args.workers, scheduler, args.connect_timeout or NO_LIMIT))
        except ClusterError as exc:  # like an endpoint that does not answer: the run fails (exit 1)
            raise RunFailed(str(exc)) from None
        yield DaskEngine(client)


def _check_workers(workers: int) -> None:
    """Refuse more local workers than the machine can run (each is a process with its own memory)."""
    cpus = os.cpu_count() or 1
    free = _available_memory()
    bound = WORKERS_PER_CPU * cpus
    if free is not None:
        bound = min(bound, max(1, free // MEMORY_PER_WORKER))
    if workers > bound:
        memory = f" and {format_size(free)} of free memory" if free is not None else ""
        raise UsageError(
            f"--workers {workers} is more than this machine can run ({cpus} CPUs{memory}: at most {bound}). "
            "Give fewer, or add --force-workers to start them anyway."
        )


def _available_memory() -> int | None:
    """Free memory in bytes (psutil comes with Dask), or None when it cannot be told."""
    try:
        import psutil

        return int(psutil.virtual_memory().available)
    except Exception:  # no psutil, or a platform it cannot read: the CPU bound alone
        return None


def _extract_with(backend: Backend, scan: InputScan, args: argparse.Namespace, engine: Engine | None = None) -> int:
    with _progress() as progress:
        where = f" ({engine.workers} workers)" if engine is not None else ""
        documents = progress.add_task(f"documents{where}", total=len(scan.files))
        articles = progress.add_task("articles", total=None)
        left_out = [len(scan.missing) + len(scan.loops) + len(scan.skipped)]  # reported first, not counted as read

        def on_progress(event: str, outcome: Any) -> None:
            if event == "article":
                progress.advance(articles)
            elif event == "documents":  # a batch a worker wrote whole: its documents at once
                progress.advance(documents, outcome.documents)
                progress.advance(articles, outcome.articles)
            elif event == "document" and outcome is not None:
                if left_out[0]:
                    left_out[0] -= 1
                else:
                    progress.advance(documents)
                if outcome.status in (Status.skipped, Status.failed):
                    errors.print(f"[yellow]{outcome.status}[/] {escape(outcome.path)}: {escape(outcome.reason)}", highlight=False)

        summary = run_extraction(
            scan,
            args.out,
            backend,
            args.resume,
            on_progress,
            report=args.report,
            manifest=args.manifest,
            doc_timeout=args.doc_timeout,
            engine=engine,
            pages_ahead=_llm_settings(args).pages_ahead if args.backend == "llm" else 0,
        )
    console.print(_summary_table(summary, args.all_files))
    if summary.ignored:
        console.print(escape(_ignored_line(summary.ignored)), highlight=False)
    if summary.usage:
        console.print(escape(_usage_line(summary.usage)), highlight=False)
        for note in summary.usage.get("notes", []):  # the LLM backend's advice: labels that did not arrive, a server's error
            errors.print(f"[yellow]note:[/] {escape(note)}", highlight=False)
    if args.report:
        console.print(f"report: {escape(display_name(args.out / 'report.html'))}", highlight=False)
    console.print(
        f"records: {escape(display_name(args.out / 'records.jsonl'))}  manifest: {escape(display_name(args.out / 'run.json'))}",
        highlight=False,
    )
    reviewed = _reviewed_line(args.out / "run.json")
    if reviewed:
        console.print(reviewed, highlight=False)
    if summary.usage.get("run_failed"):
        errors.print(f"[red]run failed:[/] {escape(summary.usage['run_failed_reason'])}", highlight=False)
        return 1
    if scan.missing:  # named on the command line and not there: the run did not do all it was asked
        errors.print(f"[red]error:[/] {len(scan.missing)} input(s) named on the command line do not exist (listed above)", highlight=False)
        return 1
    return 0 if summary.readable else 1


def _ignored_line(ignored: list[str]) -> str:
    """What was left out, by kind and folder: 'other files left out (not *.txt): 4 .json, 2 .md in seeds/gold'."""
    kinds = Counter(Path(p).suffix.lower() or "no extension" for p in ignored)
    folders = Counter(str(Path(p).parent) for p in ignored)
    where = ", ".join(f"{folder} ({count})" for folder, count in folders.most_common(3))
    if len(folders) > 3:
        where += f" and {len(folders) - 3} more folders"
    what = ", ".join(f"{count} {kind}" for kind, count in kinds.most_common(4))
    return f"{len(ignored)} other files were not read (only *.txt are searched for): {what}; in {where}. Listed in run.json."


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
        auto_refresh=errors.is_terminal and not errors.is_dumb_terminal,
        refresh_per_second=PROGRESS_REFRESHES,
    )


def needs_attention(outcome: DocumentOutcome) -> bool:
    """A file to look at: not read, read with a remark, with failed chunks or with figures not verified."""
    if outcome.status is Status.resumed:
        return False
    remarked = bool(outcome.reason) or outcome.failed_chunks > 0
    return outcome.status is not Status.read or remarked or outcome.figures_verified < outcome.figures


def _summary_table(summary: RunSummary, all_files: bool = False) -> Table:
    """Totals, and one row per file to look at (or per file, with --all-files)."""
    with_tokens = bool(summary.usage)
    columns = ["document", "articles", "parks", "initiatives", "figures verified/total", "quotes"]
    columns += ["tokens in/out", "failed chunks"] if with_tokens else []
    shown, attention = _shown(summary, all_files)
    left_out = attention - len(shown) if not all_files else 0
    title = f"Extraction summary ({summary.seconds:.2f}s, backend {summary.backend})"
    if not all_files:
        title += f": {attention} of {summary.count} files to look at" if attention else ": no file needs a look"
    table = Table(title=title)
    for column in columns:
        table.add_column(column, justify="left" if column == "document" else "right")
    for s in shown:
        if s.status not in (Status.read, Status.resumed):
            table.add_row(escape(s.doc), f"[yellow]{s.status}[/]: {escape(s.reason)}", *[""] * (len(columns) - 2))
            continue
        table.add_row(escape(s.doc) + (f" [dim]({escape(s.reason)})[/]" if s.reason else ""), *_counts(asdict(s), with_tokens))
    if left_out:
        table.add_row(f"… {left_out} more (every file is in outcomes.jsonl; --all-files lists them here)", *[""] * (len(columns) - 1))
    resumed = summary.by_status.get(Status.resumed, 0)
    table.add_section()
    label = f"total ({summary.readable} read{f', {resumed} of them resumed' if resumed else ''}, {summary.count - summary.readable} not)"
    table.add_row(label, *_counts(summary.read_totals, with_tokens))
    return table


def _shown(summary: RunSummary, all_files: bool) -> tuple[list[DocumentOutcome], int]:
    """The rows to list (every file, or the first ATTENTION_ROWS to look at), and how many need a look.

    The outcomes are read back from outcomes.jsonl one at a time: only the rows shown are held.
    """
    shown: list[DocumentOutcome] = []
    attention = 0
    for outcome in summary.outcomes():
        if all_files:
            shown.append(outcome)
        elif needs_attention(outcome):
            attention += 1
            if len(shown) < ATTENTION_ROWS:
                shown.append(outcome)
    return shown, attention


def _counts(totals: dict[str, int], with_tokens: bool) -> list[str]:
    def total(name: str) -> int:
        return totals[name]

    cells = [str(total("articles")), str(total("parks")), str(total("initiatives"))]
    cells += [f"{total('figures_verified')}/{total('figures')}", str(total("quotes"))]
    if with_tokens:
        cells += [f"{total('prompt_tokens')}/{total('completion_tokens')}", str(total("failed_chunks"))]
    return cells


def _usage_line(usage: dict) -> str:
    tokens = usage.get("tokens", {})
    line = (
        f"model {usage.get('model')}: {usage.get('calls', 0)} calls, {usage.get('cache_hits', 0)} from cache, "
        f"{usage.get('retries', 0)} retries, {usage.get('failures', 0)} failed chunks; "
        f"tokens {tokens.get('prompt', 0)} prompt + {tokens.get('completion', 0)} completion"
    )
    if usage.get("budget_exhausted"):
        line += f" — token budget of {usage.get('max_tokens')} spent: later chunks were not sent"
    return line


def _write_report(out: Path) -> Path:
    from .outputs.report import write_report  # here: only the report command needs the page writer at start-up

    return write_report(out)


def _run_report(args: argparse.Namespace) -> int:
    if not args.out.is_dir():
        raise UsageError(f"{args.out} is not a folder: give the output folder of 'extractor extract'")
    try:
        with OutputLock(args.out):
            page = _write_report(args.out)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from exc
    except (OSError, ValueError, LedgerError) as exc:  # a folder that is not writable, a damaged database
        raise UsageError(f"cannot write the review page in {args.out}: {exc}") from exc
    console.print(f"report: {escape(str(page))}", highlight=False)
    return 0


def _run_table(args: argparse.Namespace) -> int:
    output = args.output or args.out / "facts.csv"
    try:
        rows = write_facts(args.out / DATABASE_FILE, output, args.include_all, args.rollup)
    except FactsError as exc:
        errors.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        return 2
    which = "" if args.include_all else " of high confidence (--all writes every fact)"
    console.print(f"{rows} facts{which}: {escape(str(output))}")
    return 0


def _run_review(args: argparse.Namespace) -> int:
    from .review.export import export_gold
    from .review.server import ReviewApp, import_from, refresh_outputs

    if not (args.out / DATABASE_FILE).is_file():
        raise UsageError(f"{args.out / DATABASE_FILE}: no such database (run 'extractor extract' first)")
    try:
        if args.from_dir is not None:
            added, applied = import_from(args.out, args.from_dir)
            console.print(f"{added} decisions imported from {escape(str(args.from_dir))}; {_applied_line(applied)}", highlight=False)
        if args.export is not None:
            written = export_gold(args.out, args.export)
            console.print(f"{len(written)} reviewed documents written as gold answers to {escape(str(args.export))}", highlight=False)
            return 0
        app = ReviewApp(args.out, port=args.port, editor=args.editor)
    except (FileNotFoundError, LedgerError) as exc:
        raise UsageError(str(exc)) from exc
    except OSError as exc:  # the port is taken
        raise UsageError(f"cannot serve on 127.0.0.1:{args.port}: {exc.strerror or exc}") from exc
    console.print(f"review {escape(str(args.out))} at [bold]{app.url}[/] (Ctrl-C to stop)", highlight=False, soft_wrap=True)
    signal.signal(signal.SIGTERM, _stop)  # a service manager's stop ends the session as Ctrl-C does
    try:
        app.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        app.shutdown()
    console.print(f"records.jsonl and the CSVs updated: {_applied_line(refresh_outputs(args.out))}", highlight=False)
    return 0


def _reviewed_line(manifest: Path) -> str:
    """What an editor's decisions did to this run (run.json's ``review``), or "" when there are none."""
    with contextlib.suppress(OSError, ValueError):
        review = json.loads(manifest.read_text(encoding="utf-8")).get("review")
        if review:
            orphaned = review.get("orphaned", [])
            line = f"review: {review.get('applied', 0)} records under an editor's decision (extractor review)"
            return line + (f"; {len(orphaned)} decisions orphaned, their record is gone (kept, listed in run.json)" if orphaned else "")
    return ""


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _applied_line(applied: object) -> str:
    orphaned = getattr(applied, "orphaned", [])
    line = f"{getattr(applied, 'applied', 0)} records under an editor's decision"
    return line + (f", {len(orphaned)} decisions orphaned (their record is gone; kept)" if orphaned else "")


def _run_eval(args: argparse.Namespace) -> int:
    from .tools.evaluate import KINDS, evaluate, scoreboard  # here: an extract run never scores

    if not args.records.is_file():
        raise UsageError(f"{args.records}: no such file (give the records.jsonl that 'extractor extract' wrote)")
    if not args.gold.is_dir() or not any(args.gold.glob("*.json")):
        where = f"{args.gold}" if args.gold.is_absolute() else f"{args.gold} (looked in {Path.cwd() / args.gold})"
        raise UsageError(f"no gold answers (*.json) at {where}: pass --gold FOLDER")
    try:
        records = read_records(args.records)
    except (UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{args.records} is not a records.jsonl written by 'extractor extract': {exc}") from exc
    scores = evaluate(records, args.gold)
    board = scoreboard(scores)
    table = Table(title=f"Scores against {args.gold}")
    for column in ("kind", "precision", "recall", "TP", "FP", "FN", "attribute accuracy"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind in KINDS:
        row = board[kind]
        table.add_row(
            kind,
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            str(row["true_positives"]),
            str(row["false_positives"]),
            str(row["false_negatives"]),
            "\n".join(_attribute_lines(row)),
        )
    console.print(table)
    console.print(_confidence_table(board["figures"]["confidence"]))
    if args.show_errors:
        for kind in KINDS:
            for miss in scores[kind].misses:
                console.print(f"[red]missed {kind[:-1]}[/] {escape(miss)}", highlight=False)
            for extra in scores[kind].extras:
                console.print(f"[yellow]extra {kind[:-1]}[/] {escape(extra)}", highlight=False)
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(board, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _confidence_table(bands: dict[str, dict]) -> Table:
    """Figures per confidence band: how many, their share, and how often subject, metric_key and period are all right."""
    table = Table(title="Figures by confidence (accuracy: subject, metric_key and period_end all right; extras count as wrong)")
    for column in ("confidence", "figures", "coverage", "accuracy"):
        table.add_column(column, justify="left" if column == "confidence" else "right")
    for name, row in bands.items():
        table.add_row(name, str(row["figures"]), f"{row['coverage']:.3f}", f"{row['accuracy']:.3f}")
    return table


def _attribute_lines(row: dict) -> list[str]:
    """'subject 0.844', 'metric_key 0.910 (n=340)', …: every accuracy the scoreboard has for a kind."""
    from .tools.evaluate import FIGURE_LABELS

    lines = []
    for name in ("subject", "speaker", *FIGURE_LABELS):
        if f"{name}_accuracy" in row:
            judged = row.get(f"{name}_judged")
            lines.append(f"{name} {row[f'{name}_accuracy']:.3f}" + (f" (n={judged})" if judged is not None else ""))
    return lines


def _run_schema(args: argparse.Namespace) -> int:
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"-o {args.out} is a file, not a folder: give a folder for the schema files (it is created when missing)")
    try:
        written = write_schemas(args.out)
    except OSError as exc:
        raise UsageError(f"cannot write the schema files in {args.out}: {exc.strerror or exc}") from exc
    for path in written:
        console.print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
