"""Command line: ``extractor extract``, ``extractor eval``, ``extractor schema``.

Records go to files, the progress bar and the summary table to the terminal,
errors to stderr. ``extract`` fails (exit 1) only when no input could be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __name__ as package_name
from .backends import get_backend
from .chunk import DEFAULT_BUDGET
from .evaluate import KINDS, evaluate, scoreboard
from .load import iter_inputs
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
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=package_name, description=__doc__.splitlines()[0])
    commands = parser.add_subparsers()

    extract = commands.add_parser("extract", help="extract verified records from text files or folders")
    extract.add_argument("paths", nargs="+", type=Path, help="files or directories (searched recursively for .txt)")
    extract.add_argument("-o", "--out", type=Path, default=Path("out"), help="output directory (default: out)")
    extract.add_argument("--backend", default="rules", choices=["rules"], help="extraction backend (default: rules, offline)")
    extract.add_argument("--chunk-chars", type=int, default=DEFAULT_BUDGET, help="chunk size budget in characters")
    extract.add_argument("--resume", action="store_true", help="keep documents a previous (interrupted) run finished")
    extract.add_argument("--report", action="store_true", help="also write OUT_DIR/report.html")
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
    for path in args.paths:
        if not path.exists():
            errors.print(f"[red]error:[/] {path}: no such file or directory")
    files = list(iter_inputs(p for p in args.paths if p.exists()))
    if not files:
        errors.print("[red]error:[/] no input files found")
        return 1
    backend = get_backend(args.backend)
    with _progress() as progress:
        documents = progress.add_task("documents", total=len(files))
        articles = progress.add_task("articles", total=None)

        def on_progress(event: str, outcome: DocumentOutcome | None) -> None:
            if event == "article":
                progress.advance(articles)
            elif event == "document" and outcome is not None:
                progress.advance(documents)
                if outcome.status in ("skipped", "failed"):
                    errors.print(f"[yellow]{outcome.status}[/] {outcome.path}: {outcome.reason}", highlight=False)

        summary = run_extraction(files, args.out, backend, args.chunk_chars, args.resume, on_progress)
    console.print(_summary_table(summary))
    if args.report:
        console.print(f"report: {write_report(args.out)}")
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
    for column in ("document", "articles", "parks", "initiatives", "figures verified/total", "quotes"):
        table.add_column(column, justify="left" if column == "document" else "right")
    for s in summary.documents:
        if s.status != "read":
            table.add_row(s.doc, f"[yellow]{s.status}[/]: {s.reason}", "", "", "", "")
            continue
        table.add_row(s.doc, str(s.articles), str(s.parks), str(s.initiatives), f"{s.figures_verified}/{s.figures}", str(s.quotes))
    ok = [s for s in summary.documents if s.status == "read"]
    table.add_section()
    table.add_row(
        f"total ({len(ok)} read, {len(summary.documents) - len(ok)} not)",
        str(sum(s.articles for s in ok)),
        str(sum(s.parks for s in ok)),
        str(sum(s.initiatives for s in ok)),
        f"{sum(s.figures_verified for s in ok)}/{sum(s.figures for s in ok)}",
        str(sum(s.quotes for s in ok)),
    )
    return table


def _run_report(args: argparse.Namespace) -> int:
    try:
        console.print(f"report: {write_report(args.out)}")
    except FileNotFoundError as exc:
        errors.print(f"[red]error:[/] {exc}")
        return 2
    return 0


def _run_eval(args: argparse.Namespace) -> int:
    if not args.records.is_file():
        errors.print(f"[red]error:[/] {args.records}: no such file")
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
                console.print(f"[red]missed {kind[:-1]}[/] {miss}", highlight=False)
            for extra in scores[kind].extras:
                console.print(f"[yellow]extra {kind[:-1]}[/] {extra}", highlight=False)
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
