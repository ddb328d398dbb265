"""The review page at corpus scale: build time, peak memory, size and load time in a browser.

Not a test: run it with `python benchmarks/report_scale.py [--documents 250 2500]`.
For each size it extracts that many documents of about 2,000 characters (the
seed pages cut into article-sized pieces, digits shifted so that no two are the
same) with the rules backend, then builds the review page in a fresh process
(wall time, peak RSS) and measures, in Debian's headless Chromium driven by
playwright (as tests/test_browser.py does): the index page's load time, a sort
click on the index, the largest document page's load time and its sort click.

``--baseline SRC`` also builds the page with the extractor package found in the
source tree SRC (an earlier version, e.g. from ``git archive``) on the same
database, to compare.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTICLE_CHARS = 2000
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"]


def make_corpus(folder: Path, documents: int) -> None:
    pieces = []
    for page in sorted(SEEDS.glob("*.txt")):
        text = page.read_text(encoding="utf-8")
        pieces += [text[start : start + ARTICLE_CHARS] for start in range(0, len(text), ARTICLE_CHARS)]
    folder.mkdir(parents=True)
    for number in range(documents):
        shift = number // len(pieces)
        text = re.sub(r"\d", lambda m, s=shift: str((int(m.group()) + s) % 10), pieces[number % len(pieces)])
        (folder / f"doc_{number:05d}.txt").write_text(f"本报讯 第{number}号\n{text}", encoding="utf-8")


def build(out: Path, source: Path) -> dict[str, float]:
    """write_report in a fresh process: wall seconds and peak RSS."""
    module = "extractor.outputs.report" if (source / "extractor" / "outputs").is_dir() else "extractor.report"
    probe = (
        "import resource, sys, time, pathlib; "
        f"sys.path.insert(0, {str(source)!r}); "
        f"from {module} import write_report; "
        f"started = time.perf_counter(); write_report(pathlib.Path({str(out)!r})); "
        "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    seconds, peak_kib = done.stdout.split()
    return {"build_seconds": round(float(seconds), 2), "build_peak_mib": round(int(peak_kib) / 1024, 1)}


def sizes(out: Path) -> dict[str, float]:
    pages = [out / "report.html", *sorted((out / "report").glob("*.html"))] if (out / "report").is_dir() else [out / "report.html"]
    return {
        "pages": len(pages),
        "total_mib": round(sum(p.stat().st_size for p in pages) / 2**20, 2),
        "index_kib": round((out / "report.html").stat().st_size / 1024, 1),
        "largest_page_kib": round(max(p.stat().st_size for p in pages) / 1024, 1),
    }


def browse(out: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    result: dict[str, float] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        started = time.perf_counter()
        tab.goto((out / "report.html").as_uri(), wait_until="load", timeout=600_000)
        result["index_load_s"] = round(time.perf_counter() - started, 3)
        sort = "table.documents th.sortable >> nth=4" if tab.locator("table.documents").count() else "#sort-amount"
        started = time.perf_counter()
        tab.click(sort, timeout=600_000)
        tab.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
        result["index_sort_click_s"] = round(time.perf_counter() - started, 3)
        folder = out / "report"
        if folder.is_dir():
            largest = max(folder.glob("doc-*.html"), key=lambda p: p.stat().st_size)
            started = time.perf_counter()
            tab.goto(largest.as_uri(), wait_until="load")
            result["largest_page_load_s"] = round(time.perf_counter() - started, 3)
            started = time.perf_counter()
            tab.click("#sort-amount")
            tab.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
            result["largest_page_sort_click_s"] = round(time.perf_counter() - started, 3)
        browser.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[250, 2500])
    parser.add_argument("--baseline", type=Path, help="source tree of an earlier extractor to compare with")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="report-scale-") as scratch:
        for documents in args.documents:
            corpus, out = Path(scratch) / f"in-{documents}", Path(scratch) / f"out-{documents}"
            make_corpus(corpus, documents)
            subprocess.run([sys.executable, "-m", "extractor", "extract", str(corpus), "-o", str(out)], capture_output=True, check=True)
            runs = [("this version", ROOT)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])
            for label, source in runs:
                if (out / "report").is_dir():
                    shutil.rmtree(out / "report")
                row = {"documents": documents, "version": label, **build(out, source), **sizes(out)}
                if not args.no_browser:
                    row.update(browse(out))
                print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
