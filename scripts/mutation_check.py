"""Break a feature on purpose, one line at a time, and check that a named test fails (issue 19, item 6).

A test that still passes when its feature is gone guards nothing. Each break
below is a one-line patch of the code (the text to find, exactly once, and its
replacement) and the tests that must catch it. The script applies a break, runs
its tests, and always puts the file back byte for byte, whatever happens.

    python scripts/mutation_check.py              # every break
    python scripts/mutation_check.py --list       # the breaks and their tests
    python scripts/mutation_check.py csv-quoting  # some of them, by name
    python scripts/mutation_check.py --baseline   # first check their tests pass on the unbroken code

Exit status 0 when every break is caught; 1 when a break goes unnoticed (a test
to write) or its patch no longer applies (the code moved: update the break).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Break:
    name: str
    what: str  # the feature it switches off, in words
    path: str  # the file it patches, from the repository root
    find: str  # a line (or part of one) found exactly once in that file
    replace: str
    tests: tuple[str, ...]  # pytest node ids, at least one of which must fail


BREAKS = (
    Break(
        "dask-in-client",
        "the Dask engine runs every batch in the client instead of on the workers",
        "extractor/run/cluster.py",
        "yield from self._in_order(spec, batches, run)",
        "yield from (done for batch in batches for done in extract_batch(spec, batch))",
        ("tests/test_cluster.py::test_a_cluster_run_writes_what_a_single_process_run_writes",),
    ),
    Break(
        "raw-text-check-off",
        "the validator no longer checks the printed number against the raw file",
        "extractor/checks/verify.py",
        " or _raw_disagreement(value_text, start, end, source)",
        "",
        ("tests/test_verify.py::test_a_number_the_raw_file_prints_otherwise_at_the_mapped_place_is_a_mismatch",),
    ),
    Break(
        "csv-quoting-off",
        "the CSV writer neither quotes nor escapes cells the standard way",
        "extractor/outputs/csv.py",
        "writer = csv.writer(handle)",
        'writer = csv.writer(handle, quoting=csv.QUOTE_NONE, escapechar="\\\\")',
        ("tests/test_outputs.py::test_every_csv_cell_is_the_database_cell",),
    ),
    Break(
        "csv-quotes-backslashed",
        "the CSV writer escapes a quotation mark with a backslash instead of doubling it (as many rows, other cells)",
        "extractor/outputs/csv.py",
        "writer = csv.writer(handle)",
        'writer = csv.writer(handle, doublequote=False, escapechar="\\\\")',
        ("tests/test_outputs.py::test_every_csv_cell_is_the_database_cell",),
    ),
    Break(
        "csv-quoting-unreadable",
        "the CSV writer quotes cells with a character no CSV reader expects",
        "extractor/outputs/csv.py",
        "writer = csv.writer(handle)",
        "writer = csv.writer(handle, quotechar=\"'\")",
        ("tests/test_outputs.py::test_every_csv_cell_is_the_database_cell",),
    ),
    Break(
        "registry-no-park-id",
        "the zone registry finds no zone, so no spelling gets a registered park_id",
        "extractor/domain/registry.py",
        "        return self._by_key.get(key)",
        "        return None",
        ("tests/test_parks.py::test_registry_fixture_gives_official_name_and_nicknames",),
    ),
    Break(
        "figures-no-park-id",
        "figures and initiatives that name a zone are not given its park_id",
        "extractor/checks/identity.py",
        '    return identity.park_id if identity is not None else ""',
        '    return ""',
        ("tests/test_parks.py",),
    ),
    Break(
        "periods-nothing",
        "period resolution returns no dates",
        "extractor/domain/periods.py",
        "    match = period_pattern().fullmatch(words.strip()) or _last(period_pattern().finditer(words))",
        '    return "", ""',
        ("tests/test_periods.py",),
    ),
    Break(
        "figure-periods-unresolved",
        "the run never resolves its figures' period words to dates",
        "extractor/domain/periods.py",
        "            figure.period_start, figure.period_end = resolve_period(figure.period, published)",
        "            pass",
        ("tests/test_periods.py",),
    ),
    Break(
        "resume-keeps-nothing",
        "--resume keeps none of the documents a previous run finished",
        "extractor/outputs/__init__.py",
        "self.previous = {doc: ledger[doc] for doc in kept}",
        "self.previous = {}",
        ("tests/test_outputs_fail_safe.py::test_resume_keeps_input_order_and_full_counts",),
    ),
    Break(
        "llm-figures-dropped-anchored",
        "the LLM backend drops the figures it made of the model's answer before the merge (anchored mode)",
        "extractor/backends/llm/anchoring.py",
        "        _figures(text, part, answer, batch, mode, tally),",
        "        [],",
        ("tests/test_llm.py::test_oracle_answers_come_through_whole_and_once[anchored]",),
    ),
    Break(
        "llm-figures-dropped-free",
        "the LLM backend drops the figures it made of the model's answer before the merge (free mode)",
        "extractor/backends/llm/anchoring.py",
        "        _figures(text, part, answer, batch, mode, tally),",
        "        [],",
        ("tests/test_llm.py::test_oracle_answers_come_through_whole_and_once[free]",),
    ),
    Break(
        "llm-added-figures-dropped-free",
        "the figures the model adds are ignored: in the free mode, every figure of the model",
        "extractor/backends/llm/anchoring.py",
        "    for item in answer.figures:",
        "    for item in answer.figures[:0]:",
        ("tests/test_llm.py::test_oracle_answers_come_through_whole_and_once[free]",),
    ),
    Break(
        "llm-added-figures-dropped-anchored",
        "the figures the model adds are ignored: in the anchored mode, those beyond the rules' candidates",
        "extractor/backends/llm/anchoring.py",
        "    for item in answer.figures:",
        "    for item in answer.figures[:0]:",
        ("tests/test_llm.py::test_oracle_answers_come_through_whole_and_once[anchored]",),
    ),
    Break(
        "llm-labels-dropped-anchored",
        "in the anchored mode the model's labels are ignored and the rules' candidates pass unchanged",
        "extractor/backends/llm/modes.py",
        "        return answer.labels",
        "        return []",
        ("tests/test_llm.py::test_model_labels_win_and_the_rules_labels_stay_where_it_gives_none",),
    ),
)


def run_tests(tests: tuple[str, ...]) -> tuple[int, str]:
    """pytest's exit status on these tests, and its last lines."""
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return done.returncode, "\n".join(done.stdout.strip().splitlines()[-3:])


def check(item: Break) -> tuple[str, str]:
    """("caught", detail), ("MISSED", detail) or ("STALE", detail): the break's outcome."""
    path = ROOT / item.path
    original = path.read_bytes()
    text = original.decode("utf-8")
    if text.count(item.find) != 1:
        return "STALE", f"{item.path}: {item.find.strip()!r} found {text.count(item.find)} times, not once"
    try:
        path.write_text(text.replace(item.find, item.replace), encoding="utf-8")
        status, tail = run_tests(item.tests)
    finally:
        path.write_bytes(original)
    if status == 1:  # tests ran and some failed
        failed = [line for line in tail.splitlines() if line.startswith(("FAILED", "ERROR"))]
        return "caught", (failed[0] if failed else tail)
    if status == 0:
        return "MISSED", "every test passed with the feature broken"
    return "STALE", f"pytest exit status {status}: {tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="breaks to try (default: all)")
    parser.add_argument("--list", action="store_true", help="list the breaks and their tests")
    parser.add_argument("--baseline", action="store_true", help="first run each break's tests on the unbroken code")
    args = parser.parse_args(argv)
    chosen = [b for b in BREAKS if not args.names or b.name in args.names]
    unknown = set(args.names) - {b.name for b in BREAKS}
    if unknown:
        parser.error(f"no such break: {', '.join(sorted(unknown))}")
    if args.list:
        for item in chosen:
            print(f"{item.name}: {item.what}\n  {item.path}: {item.find.strip()!r} -> {item.replace.strip()!r}")
            print("\n".join(f"  {test}" for test in item.tests))
        return 0
    bad = 0
    for item in chosen:
        if args.baseline:
            status, tail = run_tests(item.tests)
            if status != 0:
                print(f"{item.name}: its tests fail on the unbroken code, so the break proves nothing\n{tail}")
                bad += 1
                continue
        started = time.perf_counter()
        outcome, detail = check(item)
        bad += outcome != "caught"
        print(f"{outcome:7} {item.name:36} {time.perf_counter() - started:6.1f}s  {detail}", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
