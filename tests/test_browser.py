"""The review page in real headless Chromium (Debian's /usr/bin/chromium; nothing downloads a browser)."""

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.outputs.report import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("REQUIRE_BROWSER"):
        raise RuntimeError("REQUIRE_BROWSER is set but chromium is not installed (scripts/ensure-chromium.sh)")
    pytest.skip("chromium is not installed (scripts/ensure-chromium.sh installs Debian's)", allow_module_level=True)

HOSTILE = '本报讯 测试高新区新增企业12家。<script>window.__pwned = 1; alert(1)</script><img src=x onerror="window.__pwned=3">'
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def report(tmp_path_factory, seeds_dir):
    inputs = tmp_path_factory.mktemp("in")
    for page in seeds_dir.glob("*.txt"):
        shutil.copy(page, inputs / page.name)
    (inputs / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    assert main(["extract", str(inputs), "-o", str(out)]) == 0
    with sqlite3.connect(out / "records.sqlite") as db:  # a backend's unverified output, as the LLM path can give
        db.execute("UPDATE figures SET status = 'mismatch' WHERE rowid IN (1, 2, 3)")
        db.execute("UPDATE figures SET status = 'not_found' WHERE rowid IN (4, 5)")
    return write_report(out), out


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def index(browser, report):
    """The index page, with a dialog recorder."""
    tab = browser.new_page(viewport={"width": 1400, "height": 1800})
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.goto(report[0].as_uri())
    yield tab
    tab.close()


def _document_pages(index) -> list[str]:
    return index.locator("table.documents tbody a").evaluate_all("links => links.map(a => a.href)")


@pytest.fixture(scope="module")
def pages(browser, index):
    """Every document's page, opened by following the index's links."""
    tabs = []
    for url in _document_pages(index):
        tab = browser.new_page(viewport={"width": 1400, "height": 1800})
        tab.dialogs = []
        tab.on("dialog", lambda dialog, tab=tab: (tab.dialogs.append(dialog.message), dialog.dismiss()))
        tab.goto(url)
        tabs.append(tab)
    yield tabs
    for tab in tabs:
        tab.close()


def _unverified_page(pages):
    return next(p for p in pages if p.locator("mark.figure.mismatch, mark.figure.not_found").count())


def _figures_with_evidence(out: Path) -> int:
    with sqlite3.connect(out / "records.sqlite") as db:
        return db.execute("SELECT COUNT(*) FROM figures WHERE evidence_start IS NOT NULL").fetchone()[0]


def test_the_index_links_every_document(index, report):
    with sqlite3.connect(report[1] / "records.sqlite") as db:
        (documents,) = db.execute("SELECT COUNT(*) FROM documents").fetchone()
    assert len(_document_pages(index)) == documents == 6
    index.check("#attention-filter")
    flagged = index.locator("table.documents tbody tr:not([hidden])").count()
    assert 1 <= flagged < documents  # only the pages with a mismatch or a figure not found
    index.uncheck("#attention-filter")


def test_every_figure_with_evidence_is_highlighted(pages, report):
    assert sum(p.locator("mark.figure[data-record]").count() for p in pages) == _figures_with_evidence(report[1])
    assert sum(p.locator("mark.figure.mismatch[data-record]").count() for p in pages) == 3
    assert sum(p.locator("mark.figure.not_found[data-record]").count() for p in pages) == 2


def test_every_figure_field_of_the_model_is_a_column(pages):
    from extractor.models import Figure

    headers = pages[0].locator("table.figures thead th").all_inner_texts()
    shown = {h.replace("↕", "").strip() for h in headers}
    assert {name for name in Figure.model_fields if name not in ("kind", "evidence")} <= shown


def test_status_filter_hides_unverified_rows(pages):
    page = _unverified_page(pages)
    rows = page.locator("table.figures tbody tr")
    total = rows.count()
    unverified = page.locator("table.figures tbody tr:not([data-status=verified])").count()
    assert unverified >= 1
    page.select_option("#status-filter", "verified")
    visible = page.locator("table.figures tbody tr:not([hidden])")
    assert visible.count() == total - unverified
    assert all(status == "verified" for status in visible.evaluate_all("rows => rows.map(r => r.dataset.status)"))
    page.select_option("#status-filter", "")
    assert page.locator("table.figures tbody tr:not([hidden])").count() == total


def test_sorting_by_amount(pages):
    page = pages[0]
    page.click("#sort-amount")
    amounts = page.locator("table.figures tbody tr").evaluate_all("rows => rows.map(r => Number(r.dataset.amount))")
    assert len(amounts) > 1 and amounts == sorted(amounts)


def test_clicking_a_highlight_shows_every_field_of_the_record(pages):
    page = pages[0]
    page.locator("mark.figure[data-record]").first.click()
    details = page.locator("#details")
    assert details.is_visible()
    text = details.inner_text()
    assert "status" in text and "amount" in text and "metric_key" in text and "measure" in text


def test_injected_markup_did_not_run(index, pages, report):
    for page in [index, *pages]:
        assert page.evaluate("window.__pwned") is None
        assert page.dialogs == []
    assert any("<script>window.__pwned=1;alert(1)</script>" in p.inner_text("body") for p in pages)  # shown, normalized (spaces go)
    pages[0].screenshot(path=str(report[1] / "report.png"), full_page=False)
    assert (report[1] / "report.png").stat().st_size > 10_000


def test_the_labels_show_without_scrolling_sideways(pages):
    page = pages[0]
    box = page.locator("table.figures").bounding_box()
    visible_right = page.viewport_size["width"]
    for column in ("subject", "metric_key", "period_end", "confidence"):
        header = page.locator("table.figures thead th", has_text=column).first.bounding_box()
        assert header is not None and header["x"] + header["width"] <= visible_right and header["x"] >= box["x"]


def test_the_confidence_filter_keeps_only_low_rows(pages):
    page = next(p for p in pages if p.locator("table.figures tbody tr[data-confidence=low]").count())
    page.select_option("#confidence-filter", "low")
    shown = page.locator("table.figures tbody tr:not([hidden])").evaluate_all("rows => rows.map(r => r.dataset.confidence)")
    assert shown and set(shown) == {"low"}
    page.select_option("#confidence-filter", "")


def test_clicking_a_row_scrolls_to_its_sentence(pages):
    page = max(pages, key=lambda p: p.locator("table.figures tbody tr").count())
    row = page.locator("table.figures tbody tr[data-record]").last
    record = row.get_attribute("data-record")
    page.evaluate("window.scrollTo(0, 0)")
    row.click()
    mark = page.locator(f'mark[data-record="{record}"]')
    assert "current" in (mark.get_attribute("class") or "")
    top = mark.evaluate("m => m.getBoundingClientRect().top")
    assert 0 <= top <= page.viewport_size["height"]
