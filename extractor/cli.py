"""Command line: ``extractor extract``, ``extractor eval``, ``extractor schema``.

Records go to files, the progress bar and the summary table to the terminal,
errors to stderr. ``extract`` fails (exit 1) only when no input could be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import get_args

from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __name__ as package_name
from .backends import BACKENDS, Backend, get_backend
from .backends.llm.settings import ConfigurationError, InstructorModeName, LLMSettings  # light: no openai/instructor import
from .chunk import DEFAULT_BUDGET
from .evaluate import KINDS, evaluate, scoreboard
from .load import InputScan, scan_inputs
from .registry import RegistryError
from .registry import use_files as use_registry_files
from .report import write_report
from .runner import DocumentOutcome, RunSummary, run_extraction
from .schemas import write_schemas
from .write import read_records

console = Console()
errors = Console(stderr=True)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        errors.print("[yellow]interrupted[/]: finished documents are kept; run the same command with --resume to continue")
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=package_name, description=__doc__.splitlines()[0])
    commands = parser.add_subparsers()

    extract = commands.add_parser("extract", help="extract verified records from text files or folders")
    extract.add_argument("paths", nargs="+", type=Path, help="files or directories (searched recursively for .txt)")
    extract.add_argument("-o", "--out", type=Path, default=Path("out"), help="output directory (default: out)")
    extract.add_argument("--backend", default="rules", choices=list(BACKENDS), help="extraction backend (default: rules, offline)")
    extract.add_argument("--chunk-chars", type=int, default=DEFAULT_BUDGET, help="chunk size budget in characters")
    extract.add_argument("--resume", action="store_true", help="keep documents a previous (interrupted) run finished")
    extract.add_argument("--report", action="store_true", help="also write OUT_DIR/report.html")
    extract.add_argument(
        "--parks",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="your own zones, in the format of the zone registry (extractor/data/zones.csv); repeatable",
    )
    llm = extract.add_argument_group("LLM backend (any OpenAI-compatible endpoint; settings also from OPENAI_* / EXTRACTOR_* env)")
    llm.add_argument("--base-url", help="endpoint, e.g. http://127.0.0.1:11434/v1 (default: $OPENAI_BASE_URL or OpenAI)")
    llm.add_argument("--model", help="model name (default: $OPENAI_MODEL or gpt-4o-mini)")
    llm.add_argument("--api-key-env", help="environment variable holding the key (default: OPENAI_API_KEY)")
    llm.add_argument("--mode", choices=get_args(InstructorModeName), help="instructor mode (default: tools)")
    llm.add_argument("--extraction", choices=["anchored", "free"], help="label the rules' candidates (default) or extract freely")
    llm.add_argument("--concurrency", type=int, help="calls in flight at once (default: 4)")
    llm.add_argument("--timeout", type=float, help="seconds per HTTP call (default: 60)")
    llm.add_argument("--max-retries", type=int, help="transport retries per call (default: 4)")
    llm.add_argument("--max-reasks", type=int, help="re-asks of an invalid answer (default: 1)")
    llm.add_argument("--max-tokens", type=int, help="token budget for the run: no new calls once spent")
    llm.add_argument("--no-cache", dest="cache", action="store_false", default=None, help="do not read or write the response cache")
    llm.add_argument("--cache-dir", type=Path, help="response cache folder (default: ~/.cache/zone-extractor)")
    extract.set_defaults(run=_run_extract)

    report = commands.add_parser("report", help="write OUT_DIR/report.html from an extraction's output")
    report.add_argument("out", type=Path, help="the output directory of 'extractor extract'")
    report.set_defaults(run=_run_report)

    score = commands.add_parser("eval", help="score records.jsonl against gold annotations")
    score.add_argument("records", type=Path, help="records.jsonl written by extract")
    score.add_argument("--gold", type=Path, default=Path("seeds/gold"), help="folder of gold *.json (default: seeds/gold)")
    score.add_argument("--json", dest="json_out", type=Path, help="also write the scores to this JSON file")
    score.add_argument("--show-errors", action="store_true", help="list missed and extra items")
    score.set_defaults(run=_run_eval)

    schema = commands.add_parser("schema", help="write the JSON Schema files of the records")
    schema.add_argument("-o", "--out", type=Path, default=Path("schemas"), help="directory (default: schemas)")
    schema.set_defaults(run=_run_schema)
    return parser


def _run_extract(args: argparse.Namespace) -> int:
    try:
        use_registry_files(args.parks)
    except RegistryError as exc:
        errors.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        return 2
    scan = scan_inputs(args.paths)
    for path in scan.missing:
        errors.print(f"[red]error:[/] {escape(str(path))}: no such file or directory", highlight=False)
    if not scan.files:
        errors.print("[red]error:[/] no input files found (folders are searched for *.txt)")
        return 1
    try:
        backend = get_backend(args.backend, _llm_settings(args) if args.backend == "llm" else None, args.chunk_chars)
    except (ConfigurationError, ValidationError) as exc:
        errors.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        return 2
    try:
        return _extract_with(backend, scan, args)
    finally:
        backend.close()


def _llm_settings(args: argparse.Namespace) -> LLMSettings:
    """Flags given on the command line (named like the settings' fields) win over the environment."""
    given = {name: getattr(args, name, None) for name in LLMSettings.model_fields}
    return LLMSettings(**{name: value for name, value in given.items() if value is not None})


def _extract_with(backend: Backend, scan: InputScan, args: argparse.Namespace) -> int:
    with _progress() as progress:
        documents = progress.add_task("documents", total=len(scan.files))
        articles = progress.add_task("articles", total=None)
        read_paths = {str(p) for p in scan.files}  # missing paths and loops are reported, not counted as read

        def on_progress(event: str, outcome: DocumentOutcome | None) -> None:
            if event == "article":
                progress.advance(articles)
            elif event == "document" and outcome is not None:
                if outcome.path in read_paths:
                    progress.advance(documents)
                if outcome.status in ("skipped", "failed"):
                    errors.print(f"[yellow]{outcome.status}[/] {escape(outcome.path)}: {escape(outcome.reason)}", highlight=False)

        summary = run_extraction(scan, args.out, backend, args.chunk_chars, args.resume, on_progress)
    console.print(_summary_table(summary))
    if summary.ignored:
        console.print(f"{len(summary.ignored)} files in the folders are not *.txt and were left out (listed in run.json)")
    if summary.usage:
        console.print(escape(_usage_line(summary.usage)), highlight=False)
    if args.report:
        console.print(f"report: {escape(str(write_report(args.out)))}")
    console.print(f"records: {args.out / 'records.jsonl'}  manifest: {args.out / 'run.json'}")
    return 0 if summary.readable else 1


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    )


def _summary_table(summary: RunSummary) -> Table:
    table = Table(title=f"Extraction summary ({summary.seconds:.2f}s, backend {summary.backend})")
    with_tokens = bool(summary.usage)
    columns = ["document", "articles", "parks", "initiatives", "figures verified/total", "quotes"]
    columns += ["tokens in/out", "failed chunks"] if with_tokens else []
    for column in columns:
        table.add_column(column, justify="left" if column == "document" else "right")
    for s in summary.documents:
        if s.status != "read":
            table.add_row(escape(s.doc), f"[yellow]{s.status}[/]: {escape(s.reason)}", *[""] * (len(columns) - 2))
            continue
        table.add_row(escape(s.doc), *_counts([s], with_tokens))
    ok = [s for s in summary.documents if s.status == "read"]
    table.add_section()
    table.add_row(f"total ({len(ok)} read, {len(summary.documents) - len(ok)} not)", *_counts(ok, with_tokens))
    return table


def _counts(outcomes: list[DocumentOutcome], with_tokens: bool) -> list[str]:
    def total(name: str) -> int:
        return sum(getattr(o, name) for o in outcomes)

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


def _run_report(args: argparse.Namespace) -> int:
    try:
        console.print(f"report: {write_report(args.out)}")
    except FileNotFoundError as exc:
        errors.print(f"[red]error:[/] {escape(str(exc))}")
        return 2
    return 0


def _run_eval(args: argparse.Namespace) -> int:
    if not args.records.is_file():
        errors.print(f"[red]error:[/] {escape(str(args.records))}: no such file")
        return 2
    scores = evaluate(read_records(args.records), args.gold)
    board = scoreboard(scores)
    table = Table(title=f"Scores against {args.gold}")
    for column in ("kind", "precision", "recall", "TP", "FP", "FN", "attribute accuracy"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind in KINDS:
        row = board[kind]
        attribute = row.get("subject_accuracy", row.get("speaker_accuracy"))
        label = {"figures": "subject", "quotes": "speaker"}.get(kind, "")
        table.add_row(
            kind,
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            str(row["true_positives"]),
            str(row["false_positives"]),
            str(row["false_negatives"]),
            f"{label} {attribute:.3f}" if label else "",
        )
    console.print(table)
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


def _run_schema(args: argparse.Namespace) -> int:
    for path in write_schemas(args.out):
        console.print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
