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
sync_api = pytest.importorskip("playwright.sync_api")

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
def page(report):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 1800})
        dialogs = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.goto(report[0].as_uri())
        tab.dialogs = dialogs
        yield tab
        browser.close()


def _figures_with_evidence(out: Path) -> int:
    with sqlite3.connect(out / "records.sqlite") as db:
        return db.execute("SELECT COUNT(*) FROM figures WHERE evidence_start IS NOT NULL").fetchone()[0]


def test_every_figure_with_evidence_is_highlighted(page, report):
    assert page.locator("mark.figure[data-record]").count() == _figures_with_evidence(report[1])
    assert page.locator("mark.figure.mismatch[data-record]").count() == 3
    assert page.locator("mark.figure.not_found[data-record]").count() == 2


def test_status_filter_hides_unverified_rows(page):
    rows = page.locator("table.figures tbody tr")
    total = rows.count()
    page.select_option("#status-filter", "verified")
    visible = page.locator("table.figures tbody tr:not([hidden])")
    assert visible.count() == total - 5
    assert all(status == "verified" for status in visible.evaluate_all("rows => rows.map(r => r.dataset.status)"))
    page.select_option("#status-filter", "")
    assert page.locator("table.figures tbody tr:not([hidden])").count() == total


def test_sorting_by_amount(page):
    page.click("#sort-amount")
    amounts = page.locator("table.figures tbody tr").evaluate_all("rows => rows.map(r => Number(r.dataset.amount))")
    assert amounts == sorted(amounts)


def test_clicking_a_highlight_shows_the_record(page):
    page.locator("mark.figure[data-record]").first.click()
    details = page.locator("#details")
    assert details.is_visible()
    assert "status" in details.inner_text() and "amount" in details.inner_text()


def test_injected_markup_did_not_run(page, report):
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    assert "<script>window.__pwned=1;alert(1)</script>" in page.inner_text("body")  # shown, normalized (spaces go)
    page.screenshot(path=str(report[1] / "report.png"), full_page=False)
    assert (report[1] / "report.png").stat().st_size > 10_000
