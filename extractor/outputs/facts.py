"""The analyst's table: one row per fact (zone × metric × measure × period × value), with its sources.

A fact is a figure's claim; the same claim printed by several articles is one
row listing every source (doc, published date, article title, evidence), and
the same number printed twice in one article is one source. A ``conflict`` is
two documents disagreeing: claims about the same zone, metric_key, measure and
period where the two documents print no value in common. A republished copy
prints the same values, and a total beside its own 其中 items shares the
total with the other document, so neither is a conflict.

A row carries the zone's official name (from the parks the run found) beside
its ``park_id``, and the ``confidence`` of its labels: the lowest of its
sources' (extractor/checks/confidence.py). ``extractor table`` writes the rows of high
confidence by default, every row with ``--all``.

The logic is one SQL view (``facts``, in ``outputs/sqlite.py`` with the rest of the
SQL) over the database the run writes, so the SQLite output and ``extractor
table`` (facts.csv) give the same rows. Its
columns come from the Figure model; only the ones an analyst reads are kept.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from ..errors import ExtractorError
from .csv import csv_writer
from .sqlite import FIGURE_COLUMNS, SOURCE_SEPARATOR, Ledger, LedgerError

__all__ = ["FIGURE_COLUMNS", "SOURCE_SEPARATOR", "FactsError", "write_facts"]


class FactsError(ExtractorError):
    """The output folder holds no database the facts can be read from."""


def write_facts(database: Path, out: Path, include_all: bool = False) -> int:
    """facts.csv (UTF-8 with BOM, so Excel shows Chinese) from an extraction's database; the number of rows.

    Only the facts of high confidence unless ``include_all``: the default table is one an analyst can sum.
    """
    if not database.is_file():
        raise FactsError(f"{database}: no such database (run 'extractor extract' first)")
    try:
        ledger = Ledger.connect(database, readonly=True)
        columns, facts = ledger.facts(include_all)
    except LedgerError as exc:
        raise FactsError(f"{database}: cannot read the facts ({exc}); re-run 'extractor extract' with this version") from None
    with contextlib.closing(ledger):
        out.parent.mkdir(parents=True, exist_ok=True)
        rows = 0
        with out.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv_writer(handle)  # formulas neutralised, as in every CSV of the project
            writer.writerow(columns)
            for row in facts:  # streamed: the table is never held whole in memory
                writer.writerow(row)
                rows += 1
    return rows
