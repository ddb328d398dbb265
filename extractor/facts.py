"""The analyst's table: one row per fact (zone × metric × measure × period × value), with its sources.

A fact is a figure's claim; the same claim printed by several articles is one
row listing every source (doc, published date, article title, evidence), and
the same number printed twice in one article is one source. Claims about the
same zone, metric_key, measure and period that carry different values in
different articles are flagged ``conflict``.

The logic is one SQL view (``facts``) over the database the run writes, so the
SQLite output and ``extractor table`` (facts.csv) give the same rows. Its
columns come from the Figure model; only the ones an analyst reads are kept.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from .models import DocumentMeta, Figure

# The Figure fields of the table, in the analyst's order (checked against the model below).
FIGURE_COLUMNS = (
    "subject", "park_id", "metric_key", "metric", "measure", "target", "period", "period_start", "period_end",
    "value", "unit", "amount", "amount_high", "base_unit", "qualifier", "status",
    "review",  # an editor's decision (extractor review): accepted, corrected; rejected figures are left out
)  # fmt: skip
_unknown = set(FIGURE_COLUMNS) - set(Figure.model_fields)
if _unknown:
    raise RuntimeError(f"facts: Figure has no field {sorted(_unknown)}")
if "published" not in DocumentMeta.model_fields:
    raise RuntimeError("facts: DocumentMeta has no field 'published'")

# What makes two figures the same fact; metric words count only when no metric_key names the metric.
_FACT_KEY = (
    "zone", "metric_group", "metric_key", "measure", "target", "period_start", "period_end",
    "amount", "amount_high", "base_unit", "qualifier", "status",
)  # fmt: skip
# What makes two facts claims about the same thing: they conflict when their values differ.
_CLAIM_KEY = ("zone", "metric_key", "measure", "target", "period_start", "period_end", "base_unit")
SOURCE_SEPARATOR = " | "
FACTS_VIEW = "facts"


def facts_view_sql(view: str = FACTS_VIEW, temporary: bool = False) -> str:
    """CREATE VIEW for the facts table over the figures, articles and documents tables."""
    fact_key = ", ".join(_FACT_KEY)
    claim_key = ", ".join(_CLAIM_KEY)
    figure_columns = ", ".join(f"f.{name}" for name in FIGURE_COLUMNS)
    first_columns = ", ".join(name for name in FIGURE_COLUMNS if name not in _FACT_KEY)
    sources = ", ".join(
        f"group_concat({name}, '{SOURCE_SEPARATOR}') AS {name}" for name in ("published", "doc", "article_title", "evidence")
    )
    return f"""CREATE {"TEMP " if temporary else ""}VIEW {view} AS
WITH figure_rows AS (
    SELECT COALESCE(NULLIF(f.park_id, ''), f.subject) AS zone,
           CASE WHEN f.metric_key = 'other' THEN f.metric ELSE '' END AS metric_group,
           {figure_columns}, d.published, f.doc, f.article,
           COALESCE(NULLIF(a.title, ''), d.title) AS article_title, f.evidence_text AS evidence, f.rowid AS figure_row
    FROM figures f JOIN documents d ON d.doc = f.doc
    LEFT JOIN articles a ON a.doc = f.doc AND a.article = f.article
    WHERE f.review <> 'rejected'  -- an editor's rejection (extractor review) outlives every re-run
),
per_article AS (  -- a number printed twice in one article is one source; bare columns come from its first printing
    SELECT {fact_key}, min(figure_row) AS figure_row, {first_columns}, published, doc, article, article_title, evidence
    FROM figure_rows GROUP BY {fact_key}, doc, article
),
conflicts AS (  -- verified claims on the same zone, metric and period whose values differ between articles
    SELECT {claim_key} FROM per_article
    WHERE status = 'verified' AND zone <> '' AND metric_key <> 'other' AND period_end <> ''
      AND qualifier IN ('exact', 'approx')
    GROUP BY {claim_key}
    HAVING count(DISTINCT amount || '~' || ifnull(amount_high, '')) > 1 AND count(DISTINCT doc || '#' || article) > 1
),
grouped AS (
    SELECT {fact_key}, min(figure_row) AS figure_row, {first_columns}, count(*) AS sources, {sources}
    FROM (SELECT * FROM per_article ORDER BY published, doc, article)
    GROUP BY {fact_key}
)
SELECT g.zone, {", ".join(f"g.{name}" for name in FIGURE_COLUMNS)},
       CASE WHEN c.zone IS NULL THEN 0 ELSE 1 END AS conflict,
       g.sources, g.published, g.doc, g.article_title, g.evidence
FROM grouped g LEFT JOIN conflicts c ON {" AND ".join(f"c.{name} = g.{name}" for name in _CLAIM_KEY)}
ORDER BY g.zone, g.metric_key, g.period_end, g.period_start, g.figure_row"""


class FactsError(Exception):
    """The output folder holds no database the facts can be read from."""


def write_facts(database: Path, out: Path) -> int:
    """facts.csv (UTF-8 with BOM, so Excel shows Chinese) from an extraction's database; the number of rows."""
    if not database.is_file():
        raise FactsError(f"{database}: no such database (run 'extractor extract' first)")
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        try:
            if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?", (FACTS_VIEW,)).fetchone():
                db.execute(facts_view_sql(temporary=True))  # a database written before the view existed
            cursor = db.execute(f"SELECT * FROM {FACTS_VIEW}")
        except sqlite3.DatabaseError as exc:
            raise FactsError(f"{database}: cannot read the facts ({exc}); re-run 'extractor extract' with this version") from None
        out.parent.mkdir(parents=True, exist_ok=True)
        rows = 0
        with out.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(column[0] for column in cursor.description)
            for row in cursor:  # streamed: the table is never held whole in memory
                writer.writerow(row)
                rows += 1
    return rows
