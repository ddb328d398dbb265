"""The review page: OUT_DIR/report.html (an index of the documents) and a page per document in OUT_DIR/report/.

A page per document keeps every page small whatever the corpus, and building is
one pass over the database in input order (each document's rows through the
index on ``doc``), so time and memory grow linearly with the corpus; the index
is split into pages of ``INDEX_PAGE_SIZE`` documents.

A document's page shows its normalized text with every figure highlighted by
its verification status (colour *and* shape: solid, wavy or double underline
plus a ✓ ≠ ? mark, for colour-blind readers), quotes marked with their speaker,
parks and initiatives marked, and a table of its figures (filter by status and
park, sort by amount) whose columns are the Figure model's fields, so a new
field appears without editing this file. Clicking a highlight or a row shows
every field of the record.

Every piece of input text is HTML-escaped; the records travel as JSON inside a
non-executed script element with ``<`` escaped; a Content-Security-Policy
blocks any fetch. So text from the input can never become markup or code.
"""

from __future__ import annotations

import heapq
import html
import itertools
import json
import shutil
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import Figure
from .columns import record_columns
from .files import create_new, refuse_links, write_new
from .sqlite import Ledger
from .writer import DATABASE_FILE, MANIFEST_FILE, REPORT_FILE, Writer

REPORT_FOLDER = "report"
INDEX_PAGE_SIZE = 1000
_RECORD_TABLES = ("figures", "quotes", "parks", "initiatives")
# What a reviewer checks comes first, so it shows without scrolling sideways: the number, its labels and how sure
# they are; the other fields of the model follow in model order (a new field appears without editing this file).
_LABEL_COLUMNS = ("value_text", "subject", "metric_key", "period_start", "period_end", "confidence", "status")
_FIGURE_COLUMNS = [
    *_LABEL_COLUMNS,
    *(c for c in record_columns(Figure) if c not in ("doc", "evidence_start", "evidence_end", *_LABEL_COLUMNS)),
]
_CONFIDENCES = ("high", "medium", "low")
_STATUSES = ("verified", "mismatch", "not_found")


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # figure | park | initiative | quote
    record_id: int
    label: str
    status: str = ""


@dataclass
class _IndexRow:
    position: int
    doc: str
    page: str
    title: str
    articles: int
    counts: dict[str, int]  # per record table, and per figure status


class ReportWriter(Writer):
    """The review page as a writer: built from the database when the run finishes (extract --report)."""

    name = REPORT_FILE
    finishes_away = True

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir

    def finish(self, manifest: dict[str, Any]) -> None:
        write_report(self.out_dir, manifest)


def write_report(out_dir: Path, manifest: dict[str, Any] | None = None, into: Path | None = None) -> Path:
    """Write report.html and report/*.html from OUT_DIR's database (into another folder: ``into``); return the index page's path."""
    database = out_dir / DATABASE_FILE
    refuse_links(out_dir)  # 'extractor report' writes here too
    if not database.exists():
        raise FileNotFoundError(f"{database} not found: run 'extractor extract' first")
    if manifest is None:
        manifest_path = out_dir / MANIFEST_FILE
        manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    target = into or out_dir  # the review app serves pages it builds elsewhere: OUT_DIR stays as the run left it
    folder = target / REPORT_FOLDER
    building = target / (REPORT_FOLDER + ".writing")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    with Ledger.connect(database, readonly=True) as ledger:
        texts = ledger.texts()
        rows = [_document_page(ledger, doc, text, number, building) for number, (doc, text) in enumerate(texts, start=1)]
    shutil.rmtree(folder, ignore_errors=True)
    building.replace(folder)
    pages = [rows[start : start + INDEX_PAGE_SIZE] for start in range(0, len(rows), INDEX_PAGE_SIZE)] or [[]]
    for number, page in enumerate(pages, start=1):
        at_top = number == 1
        path = target / REPORT_FILE if at_top else folder / f"index-{number}.html"
        _write(path, _index_page(page, rows, manifest, number, len(pages), "report/" if at_top else ""))
    return target / REPORT_FILE


def _write(path: Path, page: str) -> None:
    partial = path.with_name(path.name + ".writing")
    write_new(partial, page)
    partial.replace(path)


# -- a document's page --------------------------------------------------------------------


def _document_page(ledger: Ledger, doc: str, text: str, number: int, folder: Path) -> _IndexRow:
    """One document's page, written as it is made: the records are read from the database as the page needs them,
    so memory holds the text and one mark per record, not the page (a 10 MB page's is several times that)."""
    articles = ledger.articles(doc)
    by_article: dict[int, list[Highlight]] = {}
    counts = dict.fromkeys(_RECORD_TABLES, 0)
    statuses = dict.fromkeys(_STATUSES, 0)
    parks: set[str] = set()
    for table in _RECORD_TABLES:
        for row in ledger.rows(table, doc, by_article=True):
            counts[table] += 1
            if table == "figures":
                statuses[row["status"]] = statuses.get(row["status"], 0) + 1
                if row["subject"]:
                    parks.add(row["subject"])
            highlight = _highlight(table, row, text)
            if highlight is not None:
                by_article.setdefault(row["article"], []).append(highlight)
    counts.update({status: statuses[status] for status in _STATUSES})

    def sections() -> Iterator[str]:
        for article in articles:
            title = article["title"] or f"article {article['article']}"
            body = _marked_text(text, article["start"], article["end"], by_article.pop(article["article"], []))
            yield (
                f'<article id="article-{article["article"]}"><h3>{_text(title)} <small>{_text(doc)} · {article["article"]}</small></h3>'
                f'<p class="text">{body}</p></article>'
            )

    page_name = f"doc-{number:06d}.html"
    _write_template(
        folder / page_name,
        _DOCUMENT_TEMPLATE,
        title=_text(doc),
        style=_STYLE,
        summary=_summary([("articles", len(articles)), *counts.items()]),
        legend=_LEGEND,
        park_options="".join(f'<option value="{_attr(p)}">{_text(p)}</option>' for p in sorted(parks)),
        confidence_options="".join(f'<option value="{c}">{c}</option>' for c in _CONFIDENCES),
        figure_head="".join(
            f'<th class="sortable" id="sort-amount">{c} ↕</th>' if c == "amount" else f"<th>{_text(c)}</th>" for c in _FIGURE_COLUMNS
        ),
        figure_rows=_joined((_figure_row(row) for row in ledger.rows("figures", doc, by_article=True)), "\n"),
        articles=_joined(sections(), "\n"),
        records_json=_records_json(ledger, doc),
        script=_DOCUMENT_SCRIPT,
    )
    title = next((a["title"] for a in articles if a["title"]), "")
    return _IndexRow(number, doc, page_name, title, len(articles), counts)


def _records_json(ledger: Ledger, doc: str) -> Iterator[str]:
    """The page's records as one JSON object (record key → row), a record at a time; '<' escaped so no tag can end the script."""
    yield "{"
    first = True
    for table in _RECORD_TABLES:
        for row in ledger.rows(table, doc, by_article=True):
            key = json.dumps(f"{table}:{row['id']}")
            entry = f"{key}: {json.dumps(row, ensure_ascii=False)}".replace("<", "\\u003c")
            yield entry if first else ", " + entry
            first = False
    yield "}"


def _joined(pieces: Iterable[str], separator: str) -> Iterator[str]:
    for index, piece in enumerate(pieces):
        yield separator + piece if index else piece


def _write_template(path: Path, template: str, **fields: str | Iterator[str]) -> None:
    """``template.format(**fields)`` into a new file beside ``path``, then moved into place; a field may be a stream of pieces."""
    partial = path.with_name(path.name + ".writing")
    with create_new(partial, "w", encoding="utf-8") as handle:
        for literal, name, _, _ in string.Formatter().parse(template):
            handle.write(literal)
            if name is not None:
                value = fields[name]
                if isinstance(value, str):
                    handle.write(value)
                else:
                    handle.writelines(value)
    partial.replace(path)


def _highlight(table: str, row: dict[str, Any], text: str) -> Highlight | None:
    if row["evidence_start"] is None:
        return None
    start, end = row["evidence_start"], row["evidence_end"]
    if table == "figures":
        offset = text.rfind(row["value_text"], start, end)  # the value ends its evidence
        start, end = (offset, offset + len(row["value_text"])) if offset != -1 else (start, end)
        label = f"{row['metric']} {row['value_text']} ({row['status']})"
    elif table == "quotes":
        label = f"{row['speaker'] or '?'}: {row['speaker_title']}"
    else:
        label = row["name"]
    return Highlight(start, end, table[:-1], row["id"], label, row.get("status", ""))


def _marked_text(text: str, start: int, end: int, highlights: list[Highlight]) -> str:
    """The article text cut at every highlight boundary, in one sweep: a figure is one element, other marks wrap pieces."""
    figures = _non_overlapping([h for h in highlights if h.kind == "figure" and start <= h.start < h.end <= end])
    others = sorted((h for h in highlights if h.kind != "figure" and start <= h.start < h.end <= end), key=lambda h: h.start)
    boundaries = sorted({start, end, *(b for h in figures + others for b in (h.start, h.end))})
    opening = {h.start: h for h in figures}
    closing = {h.end for h in figures}
    active: dict[int, Highlight] = {}  # the other marks covering the current piece, in the order they opened
    ending: list[tuple[int, int]] = []  # (end, key) of the active marks, soonest first
    waiting = iter(enumerate(others))
    upcoming = next(waiting, None)
    out = []
    for left, right in itertools.pairwise(boundaries):
        while ending and ending[0][0] <= left:
            del active[heapq.heappop(ending)[1]]
        while upcoming is not None and upcoming[1].start <= left:
            key, mark = upcoming
            active[key] = mark
            heapq.heappush(ending, (mark.end, key))
            upcoming = next(waiting, None)
        if left in closing:
            out.append("</mark>")
        if left in opening:
            figure = opening[left]
            out.append(
                f'<mark class="figure {_attr(figure.status)}" data-record="figures:{figure.record_id}" '
                f'data-status="{_attr(figure.status)}" tabindex="0" title="{_attr(figure.label)}">'
            )
        piece = _text(text[left:right]).replace("\n", "<br>")
        if active:
            marks = list(active.values())
            classes = " ".join(sorted({h.kind for h in marks}))
            record = marks[-1]
            piece = (
                f'<span class="{classes}" data-record="{record.kind}s:{record.record_id}" '
                f'title="{_attr("; ".join(h.label for h in marks))}">{piece}</span>'
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
    cells = "".join(f"<td>{_text(_cell(row, column))}</td>" for column in _FIGURE_COLUMNS)
    return (
        f'<tr data-status="{_attr(row["status"])}" data-confidence="{_attr(row.get("confidence") or "")}" '
        f'data-park="{_attr(row["subject"])}" data-amount="{row["amount"]}" '
        f'data-record="figures:{row["id"]}">{cells}</tr>'
    )


def _cell(row: dict, column: str) -> str:
    value = row.get(column)
    if value is None:
        return ""
    if column in ("amount", "amount_high") and isinstance(value, float):
        return _number(value)
    return str(value)


# -- the index ----------------------------------------------------------------------------


def _index_page(page: list[_IndexRow], rows: list[_IndexRow], manifest: dict[str, Any], number: int, pages: int, prefix: str) -> str:
    totals = {key: sum(row.counts.get(key, 0) for row in rows) for key in (*_RECORD_TABLES, *_STATUSES)}
    figures = totals["figures"]
    share = f"{totals['verified'] / figures:.1%}" if figures else "n/a"
    items = [("documents", len(rows)), ("articles", sum(r.articles for r in rows)), *((t, totals[t]) for t in _RECORD_TABLES)]
    items.append(("figures verified", f"{totals['verified']} ({share})"))
    tokens = manifest.get("tokens")
    if tokens:
        items.append(("tokens (prompt / completion)", f"{tokens.get('prompt', 0)} / {tokens.get('completion', 0)}"))
    table_rows = "\n".join(
        f'<tr data-attention="{int(bool(r.counts["mismatch"] or r.counts["not_found"]))}">'
        f'<td>{r.position}</td><td><a href="{_attr(prefix + r.page)}">{_text(r.doc)}</a></td><td>{_text(r.title)}</td>'
        f"<td>{r.articles}</td>" + "".join(f"<td>{r.counts[key]}</td>" for key in (*_STATUSES, "quotes", "parks", "initiatives")) + "</tr>"
        for r in page
    )
    return _INDEX_TEMPLATE.format(
        style=_STYLE,
        summary=_summary(items),
        navigation=_navigation(number, pages, prefix),
        rows=table_rows,
        script=_INDEX_SCRIPT,
    )


def _navigation(number: int, pages: int, prefix: str) -> str:
    if pages == 1:
        return ""
    links = []
    for other in range(1, pages + 1):
        if other == number:
            links.append(f"<strong>{other}</strong>")
        else:
            href = ("../" + REPORT_FILE if not prefix else REPORT_FILE) if other == 1 else f"{prefix}index-{other}.html"
            links.append(f'<a href="{_attr(href)}">{other}</a>')
    return f'<nav class="pages">documents page {" ".join(links)}</nav>'


def _summary(items: list[tuple[str, Any]]) -> str:
    cells = "".join(f"<div><dt>{_text(label)}</dt><dd>{_text(str(value))}</dd></div>" for label, value in items)
    return f'<dl class="summary">{cells}</dl>'


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
mark.figure.current { outline: 3px solid #1f4e8c; outline-offset: 2px; }
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
table.figures, table.documents { border-collapse: collapse; width: 100%; font-size: .85rem; }
table.figures th, table.figures td,
table.documents th, table.documents td { border-bottom: 1px solid #ddd; padding: .2rem .4rem; text-align: left; }
th.sortable { cursor: pointer; text-decoration: underline; }
.filters { margin: .5rem 0; } .filters label { margin-right: 1rem; }
article h3 small { color: #777; font-weight: normal; }
.scroll { overflow-x: auto; } nav.pages a, nav.pages strong { margin-right: .5rem; }
"""

_LEGEND = """<p class="legend"><mark class="figure verified">verified</mark> <mark class="figure mismatch">mismatch</mark>
<mark class="figure not_found">not found</mark> <span class="park">park</span> <span class="initiative">initiative</span>
<span class="quote">quote</span></p>"""

_DOCUMENT_SCRIPT = """
(function () {
  const records = JSON.parse(document.getElementById("records").textContent);
  const details = document.getElementById("details");
  function show(key) {
    const record = records[key];
    if (!record) { return; }
    const table = document.createElement("table");
    for (const [field, value] of Object.entries(record)) {  // every field of the record, as the model defines it
      if (value === undefined || value === null || value === "" || field === "id") { continue; }
      const row = table.insertRow();
      row.insertCell().textContent = field;
      row.insertCell().textContent = String(value);
    }
    details.replaceChildren(table);
    details.style.display = "block";
  }
  document.addEventListener("click", function (event) {
    const target = event.target.closest("[data-record]");
    if (!target) { details.style.display = "none"; return; }
    show(target.dataset.record);
    if (target.tagName === "TR") {  // a row of the table: bring its sentence into view, marked
      const mark = document.querySelector('mark[data-record="' + target.dataset.record + '"]');
      if (mark) {
        document.querySelectorAll("mark.current").forEach((m) => m.classList.remove("current"));
        mark.classList.add("current");
        mark.scrollIntoView({block: "center"});
      }
    }
  });
  const statusFilter = document.getElementById("status-filter");
  const parkFilter = document.getElementById("park-filter");
  const confidenceFilter = document.getElementById("confidence-filter");
  function filter() {
    for (const row of document.querySelectorAll("table.figures tbody tr")) {
      const okStatus = !statusFilter.value || row.dataset.status === statusFilter.value;
      const okPark = !parkFilter.value || row.dataset.park === parkFilter.value;
      const okConfidence = !confidenceFilter.value || row.dataset.confidence === confidenceFilter.value;
      row.hidden = !(okStatus && okPark && okConfidence);
    }
  }
  statusFilter.addEventListener("change", filter);
  parkFilter.addEventListener("change", filter);
  confidenceFilter.addEventListener("change", filter);
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

_INDEX_SCRIPT = """
(function () {
  const body = document.querySelector("table.documents tbody");
  const attention = document.getElementById("attention-filter");
  attention.addEventListener("change", function () {
    for (const row of body.rows) { row.hidden = attention.checked && row.dataset.attention !== "1"; }
  });
  document.querySelectorAll("table.documents th.sortable").forEach(function (header) {
    let ascending = false;
    header.addEventListener("click", function () {
      const column = header.cellIndex;
      const numeric = header.dataset.numeric === "1";
      const rows = Array.from(body.rows);
      const value = (row) => numeric ? Number(row.cells[column].textContent) : row.cells[column].textContent;
      rows.sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (ascending ? 1 : -1));
      ascending = !ascending;
      body.append(...rows);
    });
  });
})();
"""

_HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
"""

_DOCUMENT_TEMPLATE = (
    _HEAD
    + """<title>{title} · extraction review</title>
<style>{style}</style>
</head>
<body>
<p><a href="../report.html">← all documents</a></p>
<h1>{title}</h1>
{summary}
{legend}
<h2>Figures</h2>
<div class="filters">
<label>status <select id="status-filter"><option value="">all</option><option value="verified">verified</option>
<option value="mismatch">mismatch</option><option value="not_found">not found</option></select></label>
<label>park / subject <select id="park-filter"><option value="">all</option>{park_options}</select></label>
<label>confidence <select id="confidence-filter"><option value="">all</option>{confidence_options}</select></label>
</div>
<div class="scroll"><table class="figures"><thead><tr>{figure_head}</tr></thead>
<tbody>
{figure_rows}
</tbody></table></div>
<h2>Articles</h2>
{articles}
<div id="details" role="dialog" aria-live="polite"></div>
<script type="application/json" id="records">{records_json}</script>
<script>{script}</script>
</body>
</html>
"""
)

_INDEX_TEMPLATE = (
    _HEAD
    + """<title>Extraction review</title>
<style>{style}</style>
</head>
<body>
<h1>Extraction review</h1>
{summary}
<h2>Documents</h2>
{navigation}
<div class="filters"><label><input type="checkbox" id="attention-filter"> only documents with figures not verified</label></div>
<table class="documents"><thead><tr><th class="sortable" data-numeric="1">#</th><th class="sortable">document</th><th>title</th>
<th class="sortable" data-numeric="1">articles</th><th class="sortable" data-numeric="1">verified</th>
<th class="sortable" data-numeric="1">mismatch</th><th class="sortable" data-numeric="1">not found</th>
<th class="sortable" data-numeric="1">quotes</th><th class="sortable" data-numeric="1">parks</th>
<th class="sortable" data-numeric="1">initiatives</th></tr></thead>
<tbody>
{rows}
</tbody></table>
{navigation}
<script>{script}</script>
</body>
</html>
"""
)
