"""figures.csv, quotes.csv, parks.csv, initiatives.csv and articles.csv, exported from the database at the end.

UTF-8 with a BOM so that Excel shows Chinese. Rows come in input order. Every
record row carries ``doc`` and ``article``, and articles.csv has the same two
keys with the article's title, byline and park, so the CSVs alone tie a figure
to its article. Each file is written beside its final name and moved into
place, so a full disk never leaves half a CSV. Nothing to keep on --resume:
the CSVs are exported again from the ledger.

Every CSV the project writes goes through ``csv_writer``: a text cell that a
spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
return) gets a leading ``'``, as spreadsheet-export libraries do; numbers, and
text that is only a number (-3.5), stay as they are.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..models import RECORD_TYPES
from .columns import TABLE_NAMES, article_columns, record_columns
from .files import create_new
from .sqlite import Ledger
from .writer import DATABASE_FILE, Writer

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(_FORMULA_STARTS)  # each start is one character: a set lookup of the first one (per cell)
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(cell: Any) -> Any:
    """The cell as a spreadsheet may show it: text that would start a formula is prefixed with ``'``."""
    if isinstance(cell, str) and cell[:1] in _FORMULA_FIRST and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


class SafeCsvWriter:
    """``csv.writer`` whose every cell has been through ``neutralise``."""

    def __init__(self, handle: Any) -> None:
        self._writer = csv.writer(handle)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(_neutralised(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        # One writerows call over lazily neutralised rows: the csv module's loop, not a Python call per row.
        self._writer.writerows(map(_neutralised, rows))


def _neutralised(row: Iterable[Any]) -> list[Any]:
    """neutralise() of every cell, inlined: a CSV export runs it on every cell of every table."""
    first, plain = _FORMULA_FIRST, _PLAIN_NUMBER.fullmatch
    return ["'" + cell if isinstance(cell, str) and cell[:1] in first and not plain(cell) else cell for cell in row]


def csv_writer(handle: Any) -> SafeCsvWriter:
    """The one way the project writes CSV: formulas neutralised (see the module's docstring)."""
    return SafeCsvWriter(handle)


def export_csv(database: Path, out_dir: Path) -> list[Path]:
    """One CSV per table of records, and articles.csv."""
    tables = [(TABLE_NAMES[kind], record_columns(model)) for kind, model in RECORD_TYPES.items()]
    tables.append(("articles", article_columns()))
    written = []
    with Ledger.connect(database) as ledger:
        for table, columns in tables:
            path = out_dir / f"{table}.csv"
            partial = path.with_name(path.name + ".writing")
            with create_new(partial, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv_writer(handle)
                writer.writerow(columns)
                writer.writerows(ledger.table_rows(table, columns))
            partial.replace(path)
            written.append(path)
    return written


class CsvWriter(Writer):
    name = "*.csv"
    finishes_away = True

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir

    def finish(self, manifest: dict[str, Any]) -> None:
        export_csv(self.out_dir / DATABASE_FILE, self.out_dir)
