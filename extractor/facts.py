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
sources' (extractor/confidence.py). ``extractor table`` writes the rows of high
confidence by default, every row with ``--all``.

The logic is one SQL view (``facts``) over the database the run writes, so the
SQLite output and ``extractor table`` (facts.csv) give the same rows. Its
columns come from the Figure model; only the ones an analyst reads are kept.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .errors import ExtractorError
from .models import DocumentMeta, Figure

# The Figure fields of the table, in the analyst's order (checked against the model below).
FIGURE_COLUMNS = (
    "subject", "park_id", "metric_key", "metric_scope", "metric", "measure", "target", "period", "period_start", "period_end",
    "value", "unit", "amount", "amount_high", "base_unit", "qualifier", "status", "confidence",
    "review",  # an editor's decision (extractor review): accepted, corrected; rejected figures are left out
)  # fmt: skip
_unknown = set(FIGURE_COLUMNS) - set(Figure.model_fields)
if _unknown:
    raise RuntimeError(f"facts: Figure has no field {sorted(_unknown)}")
if "published" not in DocumentMeta.model_fields:
    raise RuntimeError("facts: DocumentMeta has no field 'published'")

# What makes two figures the same fact; metric words count only when no metric_key names the metric.
_FACT_KEY = (
    "zone", "metric_group", "metric_key", "metric_scope", "measure", "target", "period_start", "period_end",
    "amount", "amount_high", "base_unit", "qualifier", "status",
)  # fmt: skip
# What makes two facts claims about the same thing: they conflict when their values differ.
_CLAIM_KEY = ("zone", "metric_key", "metric_scope", "measure", "target", "period_start", "period_end", "base_unit")
# What a headline figure shares with a body figure it restates (its value may be rounded: 超万亿 for 1.2万亿元).
_RESTATED = ("zone", "metric_key", "metric_scope", "measure", "target", "period_end", "base_unit")
SOURCE_SEPARATOR = " | "
FACTS_VIEW = "facts"
# An editor's accepted or corrected figure counts as the highest confidence (extractor review).
_CONFIDENCE_RANK = (
    "CASE WHEN review IN ('accepted', 'corrected') THEN 3 WHEN confidence = 'high' THEN 3 WHEN confidence = 'medium' THEN 2 ELSE 1 END"
)


def _same(left: str, right: str, columns: tuple[str, ...]) -> str:
    return " AND ".join(f"{left}.{name} = {right}.{name}" for name in columns)


def facts_view_sql(view: str = FACTS_VIEW, temporary: bool = False) -> str:
    """CREATE VIEW for the facts table over the figures, articles, documents and parks tables."""
    fact_key = ", ".join(_FACT_KEY)
    claim_key = ", ".join(_CLAIM_KEY)
    figure_columns = ", ".join(f"f.{name}" for name in FIGURE_COLUMNS)
    first_columns = ", ".join(name for name in FIGURE_COLUMNS if name not in _FACT_KEY and name != "confidence")
    sources = ", ".join(
        f"group_concat({name}, '{SOURCE_SEPARATOR}') AS {name}" for name in ("published", "doc", "article_title", "evidence")
    )
    return f"""CREATE {"TEMP " if temporary else ""}VIEW {view} AS
WITH figure_rows AS (
    SELECT COALESCE(NULLIF(f.park_id, ''), f.subject) AS zone,
           CASE WHEN f.metric_key = 'other' THEN f.metric ELSE '' END AS metric_group,
           {figure_columns}, d.published, f.doc, f.article,
           COALESCE(NULLIF(a.title, ''), d.title) AS article_title, f.evidence_text AS evidence, f.rowid AS figure_row,
           ifnull(f.evidence_start < a.body_start, 0) AS headline
    FROM figures f JOIN documents d ON d.doc = f.doc
    LEFT JOIN articles a ON a.doc = f.doc AND a.article = f.article
    WHERE f.review <> 'rejected'  -- an editor's rejection (extractor review) outlives every re-run
),
body_rows AS (  -- a headline that restates a figure of its own article's body (超万亿 over 1.2万亿元) is that fact
    SELECT * FROM figure_rows h WHERE NOT (h.headline AND EXISTS (
        SELECT 1 FROM figure_rows b WHERE NOT b.headline AND b.doc = h.doc AND b.article = h.article
          AND {_same("b", "h", _RESTATED)}))
),
per_article AS (  -- a number printed twice in one article is one source; bare columns come from its first printing
    SELECT {fact_key}, min(figure_row) AS figure_row, {first_columns}, min({_CONFIDENCE_RANK}) AS confidence_rank,
           published, doc, article, article_title, evidence
    FROM body_rows GROUP BY {fact_key}, doc, article
),
claimed AS (  -- the values each document prints for a claim that can conflict
    SELECT DISTINCT {claim_key}, doc, amount, ifnull(amount_high, '') AS high FROM per_article
    WHERE status = 'verified' AND zone <> '' AND metric_key <> 'other' AND period_end <> ''
      AND qualifier IN ('exact', 'approx')
),
claim_docs AS (SELECT DISTINCT {claim_key}, doc FROM claimed),
conflicts AS (  -- two documents making the same claim with no value in common
    SELECT DISTINCT {", ".join(f"x.{name}" for name in _CLAIM_KEY)} FROM claim_docs x JOIN claim_docs y
      ON {_same("x", "y", _CLAIM_KEY)} AND x.doc < y.doc
    WHERE NOT EXISTS (
        SELECT 1 FROM claimed u JOIN claimed v ON {_same("u", "v", _CLAIM_KEY)} AND u.amount = v.amount AND u.high = v.high
        WHERE u.doc = x.doc AND v.doc = y.doc AND {_same("u", "x", _CLAIM_KEY)})
),
grouped AS (
    SELECT {fact_key}, min(figure_row) AS figure_row, {first_columns}, min(confidence_rank) AS confidence_rank,
           count(*) AS sources, {sources}
    FROM (SELECT * FROM per_article ORDER BY published, doc, article)
    GROUP BY {fact_key}
),
zone_names AS (  -- the official name of each registered zone (the longest spelling seen for the others)
    SELECT park_id, name, max(registered * 1000 + length(name)) AS preference  -- SQLite: name comes from the max row
    FROM parks WHERE park_id <> '' GROUP BY park_id
)
SELECT g.zone, COALESCE(z.name, g.subject) AS zone_name,
       {", ".join("CASE g.confidence_rank WHEN 3 THEN 'high' WHEN 2 THEN 'medium' ELSE 'low' END AS confidence"
                  if name == "confidence" else f"g.{name}" for name in FIGURE_COLUMNS)},
       CASE WHEN c.zone IS NULL THEN 0 ELSE 1 END AS conflict,
       g.sources, g.published, g.doc, g.article_title, g.evidence
FROM grouped g LEFT JOIN conflicts c ON {_same("c", "g", _CLAIM_KEY)}
LEFT JOIN zone_names z ON z.park_id = g.park_id AND g.park_id <> ''
ORDER BY g.zone, g.metric_key, g.period_end, g.period_start, g.figure_row"""


class FactsError(ExtractorError):
    """The output folder holds no database the facts can be read from."""


def write_facts(database: Path, out: Path, include_all: bool = False) -> int:
    """facts.csv (UTF-8 with BOM, so Excel shows Chinese) from an extraction's database; the number of rows.

    Only the facts of high confidence unless ``include_all``: the default table is one an analyst can sum.
    """
    from .outputs.csv import csv_writer  # here: the outputs import this module
    if not database.is_file():
        raise FactsError(f"{database}: no such database (run 'extractor extract' first)")
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        try:
            db.execute(facts_view_sql("facts_now", temporary=True))  # this version's view, whatever the file holds
            where = "" if include_all else " WHERE confidence = 'high'"
            cursor = db.execute(f"SELECT * FROM facts_now{where}")
        except sqlite3.DatabaseError as exc:
            raise FactsError(f"{database}: cannot read the facts ({exc}); re-run 'extractor extract' with this version") from None
        out.parent.mkdir(parents=True, exist_ok=True)
        rows = 0
        with out.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv_writer(handle)  # formulas neutralised, as in every CSV of the project
            writer.writerow(column[0] for column in cursor.description)
            for row in cursor:  # streamed: the table is never held whole in memory
                writer.writerow(row)
                rows += 1
    return rows
