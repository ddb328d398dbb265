"""The review page: OUT_DIR/report.html, one self-contained file for editors.

Each article's normalized text is shown with every figure highlighted by its
verification status (colour *and* shape: solid, wavy or double underline plus
a ✓ ≠ ? mark, for colour-blind readers), quotes marked with their speaker,
parks and initiatives marked. Clicking a highlight shows the record. A table
of figures can be filtered by status and park and sorted by amount, in plain
JavaScript inside the page. Every piece of input text is HTML-escaped, and the
records travel as JSON inside a non-executed script element with ``<``
escaped, so text from the input can never become markup or code.
"""

from __future__ import annotations

import html
import itertools
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .runner import DATABASE_FILE, MANIFEST_FILE

REPORT_FILE = "report.html"


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # figure | park | initiative | quote
    record_id: int
    label: str
    status: str = ""


def write_report(out_dir: Path) -> Path:
    database = out_dir / DATABASE_FILE
    if not database.exists():
        raise FileNotFoundError(f"{database} not found: run 'extractor extract' first")
    manifest_path = out_dir / MANIFEST_FILE
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    with sqlite3.connect(database) as db:
        db.row_factory = sqlite3.Row
        page = _page(db, manifest)
    path = out_dir / REPORT_FILE
    path.write_text(page, encoding="utf-8")
    return path


def _rows(db: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    return [dict(row) for row in db.execute(f"SELECT rowid AS id, * FROM {table} ORDER BY doc, article, rowid")]


def _page(db: sqlite3.Connection, manifest: dict[str, Any]) -> str:
    records = {table: _rows(db, table) for table in ("figures", "quotes", "parks", "initiatives")}
    for table, rows in records.items():
        for row in rows:
            row["table"] = table
    documents = [dict(row) for row in db.execute("SELECT doc, text FROM documents ORDER BY rowid")]
    articles = [dict(row) for row in db.execute('SELECT doc, article, title, "start", "end" FROM articles ORDER BY doc, article')]
    sections = [_article_section(doc, [a for a in articles if a["doc"] == doc["doc"]], records) for doc in documents]
    figure_rows = "\n".join(_figure_row(row) for row in records["figures"])
    parks = sorted({row["subject"] for row in records["figures"] if row["subject"]})
    data = {f"{table}:{row['id']}": row for table, rows in records.items() for row in rows}
    return _TEMPLATE.format(
        summary=_summary(documents, articles, records, manifest),
        articles="\n".join(sections),
        figure_rows=figure_rows,
        park_options="\n".join(f'<option value="{_attr(p)}">{_text(p)}</option>' for p in parks),
        records_json=json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"),
        style=_STYLE,
        script=_SCRIPT,
    )


def _summary(documents: list, articles: list, records: dict[str, list], manifest: dict[str, Any]) -> str:
    figures = records["figures"]
    verified = sum(f["status"] == "verified" for f in figures)
    share = f"{verified / len(figures):.1%}" if figures else "n/a"
    items = [
        ("documents", len(documents)),
        ("articles", len(articles)),
        *((table, len(rows)) for table, rows in records.items()),
        ("figures verified", f"{verified} ({share})"),
    ]
    tokens = manifest.get("tokens")
    if tokens:
        items.append(("tokens (prompt / completion)", f"{tokens.get('prompt', 0)} / {tokens.get('completion', 0)}"))
    cells = "".join(f"<div><dt>{_text(label)}</dt><dd>{_text(str(value))}</dd></div>" for label, value in items)
    return f'<dl class="summary">{cells}</dl>'


def _article_section(document: dict, articles: list[dict], records: dict[str, list]) -> str:
    parts = []
    for article in articles:
        highlights = _highlights(document, article, records)
        title = article["title"] or f"article {article['article']}"
        body = _marked_text(document["text"], article["start"], article["end"], highlights)
        parts.append(
            f'<article id="{_attr(document["doc"])}-{article["article"]}"><h3>{_text(title)}'
            f' <small>{_text(document["doc"])} · {article["article"]}</small></h3><p class="text">{body}</p></article>'
        )
    return f'<section class="document"><h2>{_text(document["doc"])}</h2>{"".join(parts)}</section>'


def _highlights(document: dict, article: dict, records: dict[str, list]) -> list[Highlight]:
    found = []
    text = document["text"]
    for table, rows in records.items():
        for row in rows:
            if row["doc"] != document["doc"] or row["article"] != article["article"] or row["evidence_start"] is None:
                continue
            start, end = row["evidence_start"], row["evidence_end"]
            if table == "figures":
                offset = text.rfind(row["value_text"], start, end)  # the value ends its evidence
                start, end = (offset, offset + len(row["value_text"])) if offset != -1 else (start, end)
                label = f"{row['metric']} {row['value_text']} ({row['status']})"
            elif table == "quotes":
                label = f"{row['speaker'] or '?'}: {row['speaker_title']}"
            else:
                label = row["name"]
            found.append(Highlight(start, end, table[:-1], row["id"], label, row.get("status", "")))
    return found


def _marked_text(text: str, start: int, end: int, highlights: list[Highlight]) -> str:
    """The article text cut at every highlight boundary; a figure is one element, other marks wrap pieces."""
    figures = _non_overlapping([h for h in highlights if h.kind == "figure" and start <= h.start < h.end <= end])
    others = [h for h in highlights if h.kind != "figure" and start <= h.start < h.end <= end]
    boundaries = sorted({start, end, *(b for h in figures + others for b in (h.start, h.end))})
    opening = {h.start: h for h in figures}
    closing = {h.end for h in figures}
    out = []
    for left, right in itertools.pairwise(boundaries):
        if left in closing:
            out.append("</mark>")
        if left in opening:
            figure = opening[left]
            out.append(
                f'<mark class="figure {_attr(figure.status)}" data-record="figures:{figure.record_id}" '
                f'data-status="{_attr(figure.status)}" tabindex="0" title="{_attr(figure.label)}">'
            )
        piece = _text(text[left:right]).replace("\n", "<br>")
        active = [h for h in others if h.start <= left and right <= h.end]
        if active:
            classes = " ".join(sorted({h.kind for h in active}))
            record = active[-1]
            piece = (
                f'<span class="{classes}" data-record="{record.kind}s:{record.record_id}" '
                f'title="{_attr("; ".join(h.label for h in active))}">{piece}</span>'
            )
        out.append(piece)
    if end in closing:
        out.append("</mark>")
    return "".join(out)


def _non_overlapping(highlights: list[Highlight]) -> list[Highlight]:
    kept: list[Highlight] = []
    for highlight in sorted(highlights, key=lambda h: (h.start, -h.end)):
        if not kept or highlight.start >= kept[-1].end:
            kept.append(highlight)
    return kept


def _figure_row(row: dict) -> str:
    cells = [
        row["doc"],
        str(row["article"]),
        row["value_text"],
        _number(row["amount"]),
        row["base_unit"],
        row["qualifier"],
        row["metric"],
        row["period"],
        row["subject"],
        row["status"],
    ]
    return (
        f'<tr data-status="{_attr(row["status"])}" data-park="{_attr(row["subject"])}" data-amount="{row["amount"]}" '
        f'data-record="figures:{row["id"]}">' + "".join(f"<td>{_text(cell)}</td>" for cell in cells) + "</tr>"
    )


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:,.4f}".rstrip("0").rstrip(".")


def _text(value: str) -> str:
    return html.escape(value or "", quote=False)


def _attr(value: str) -> str:
    return html.escape(value or "", quote=True)


_STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; color: #1b1b1b; line-height: 1.9; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem 2rem; background: #f3f4f6; padding: .75rem 1rem; border-radius: 6px; }
.summary div { min-width: 8rem; } .summary dt { font-size: .8rem; color: #555; }
.summary dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
.legend span { margin-right: 1.5rem; }
mark.figure { background: none; padding: 0 1px; cursor: pointer; border-radius: 2px; }
mark.verified { background: #d9f2e3; border-bottom: 2px solid #1a7f45; }
mark.verified::after { content: "✓"; font-size: .7em; color: #1a7f45; vertical-align: super; }
mark.mismatch { background: #ffe8cc; text-decoration: underline wavy #b35900; text-underline-offset: 4px; }
mark.mismatch::after { content: "≠"; font-size: .7em; color: #b35900; vertical-align: super; }
mark.not_found { background: #fde2e2; border-bottom: 3px double #b00020; outline: 1px dashed #b00020; }
mark.not_found::after { content: "?"; font-size: .7em; color: #b00020; vertical-align: super; }
span.park { border-bottom: 2px dotted #1f4e9c; color: #1f4e9c; }
span.initiative { background: #efe6fb; }
span.quote { font-style: italic; background: #f6f6e4; }
#details { position: fixed; right: 1rem; bottom: 1rem; max-width: 26rem; background: #fff; border: 1px solid #999;
           padding: .5rem 1rem; box-shadow: 0 2px 8px rgba(0,0,0,.2); font-size: .85rem; display: none; }
#details table td { padding: 0 .5rem 0 0; vertical-align: top; }
table.figures { border-collapse: collapse; width: 100%; font-size: .85rem; }
table.figures th, table.figures td { border-bottom: 1px solid #ddd; padding: .2rem .4rem; text-align: left; }
table.figures th.sortable { cursor: pointer; text-decoration: underline; }
.filters { margin: .5rem 0; } .filters label { margin-right: 1rem; }
article h3 small { color: #777; font-weight: normal; }
"""

_SCRIPT = """
(function () {
  const records = JSON.parse(document.getElementById("records").textContent);
  const details = document.getElementById("details");
  const fields = ["value_text", "metric", "value", "unit", "amount", "base_unit", "qualifier", "period", "subject",
                  "status", "text", "speaker", "speaker_title", "name", "initiative_kind", "park", "evidence_text"];
  function show(key) {
    const record = records[key];
    if (!record) { return; }
    const table = document.createElement("table");
    for (const field of fields) {
      if (record[field] === undefined || record[field] === null || record[field] === "") { continue; }
      const row = table.insertRow();
      row.insertCell().textContent = field;
      row.insertCell().textContent = String(record[field]);
    }
    details.replaceChildren(table);
    details.style.display = "block";
  }
  document.addEventListener("click", function (event) {
    const target = event.target.closest("[data-record]");
    if (target) { show(target.dataset.record); } else { details.style.display = "none"; }
  });
  const statusFilter = document.getElementById("status-filter");
  const parkFilter = document.getElementById("park-filter");
  function filter() {
    for (const row of document.querySelectorAll("table.figures tbody tr")) {
      const okStatus = !statusFilter.value || row.dataset.status === statusFilter.value;
      const okPark = !parkFilter.value || row.dataset.park === parkFilter.value;
      row.hidden = !(okStatus && okPark);
    }
  }
  statusFilter.addEventListener("change", filter);
  parkFilter.addEventListener("change", filter);
  let ascending = true;
  document.getElementById("sort-amount").addEventListener("click", function () {
    const body = document.querySelector("table.figures tbody");
    const rows = Array.from(body.rows);
    rows.sort((a, b) => (Number(a.dataset.amount) - Number(b.dataset.amount)) * (ascending ? 1 : -1));
    ascending = !ascending;
    body.append(...rows);
  });
})();
"""

_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Extraction review</title>
<style>{style}</style>
</head>
<body>
<h1>Extraction review</h1>
{summary}
<p class="legend"><mark class="figure verified">verified</mark> <mark class="figure mismatch">mismatch</mark>
<mark class="figure not_found">not found</mark> <span class="park">park</span> <span class="initiative">initiative</span>
<span class="quote">quote</span></p>
<h2>Figures</h2>
<div class="filters">
<label>status <select id="status-filter"><option value="">all</option><option value="verified">verified</option>
<option value="mismatch">mismatch</option><option value="not_found">not found</option></select></label>
<label>park / subject <select id="park-filter"><option value="">all</option>{park_options}</select></label>
</div>
<table class="figures"><thead><tr><th>document</th><th>article</th><th>value</th>
<th class="sortable" id="sort-amount">amount ↕</th><th>unit</th><th>qualifier</th><th>metric</th><th>period</th>
<th>subject</th><th>status</th></tr></thead>
<tbody>
{figure_rows}
</tbody></table>
<h2>Articles</h2>
{articles}
<div id="details" role="dialog" aria-live="polite"></div>
<script type="application/json" id="records">{records_json}</script>
<script>{script}</script>
</body>
</html>
"""
