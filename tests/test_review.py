"""extractor review: an editor's decisions are data that every later run keeps.

The app is driven over loopback HTTP (the checks, the decisions, two editors)
and, when Debian's Chromium is installed, in a real headless browser with the
keyboard alone.
"""

from __future__ import annotations

import csv
import http.client
import itertools
import json
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import input_outcomes

from extractor.checks.verify import check
from extractor.cli import main
from extractor.models import Figure
from extractor.outputs.facts import SOURCE_SEPARATOR
from extractor.outputs.jsonl import read_records
from extractor.review.server import ReviewApp, refresh_outputs

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]  # fmt: skip
NEW_SUBJECT = "编辑核定园区"


# -- helpers --------------------------------------------------------------------------------


def _extract(inputs: Path, out: Path, *flags: str) -> None:
    assert main(["extract", str(inputs), "-o", str(out), *flags]) == 0


def _copy_seeds(seeds_dir: Path, inputs: Path) -> Path:
    inputs.mkdir(parents=True, exist_ok=True)
    for page in seeds_dir.glob("*.txt"):
        shutil.copy(page, inputs / page.name)
    return inputs


def _request(app: ReviewApp, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    connection = http.client.HTTPConnection("127.0.0.1", app.port, timeout=30)
    sent = {"Host": f"127.0.0.1:{app.port}", **(headers or {})}
    connection.request(method, path, body=None if body is None else json.dumps(body, ensure_ascii=False).encode(), headers=sent)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, json.loads(data) if data.startswith(b"{") else data


def _post(app: ReviewApp, path: str, body: dict, **headers: str) -> tuple[int, Any]:
    sent = {"X-Review-Token": app.token, "Content-Type": "application/json", **headers}
    return _request(app, "POST", path, body, sent)


def _items(app: ReviewApp) -> list[dict]:
    status, data = _request(app, "GET", f"/api/items?token={app.token}")
    assert status == 200
    return data["items"]


def _decide(app: ReviewApp, item: dict, action: str, **fields: Any) -> dict:
    body = {"id": item["id"], "place": item["place"], "action": action, **({"fields": fields} if fields else {})}
    status, data = _post(app, "/api/decide", body)
    assert status == 200, data
    return data["item"]


def _rows(out: Path, query: str, *args: Any) -> list[tuple]:
    with sqlite3.connect(out / "records.sqlite") as db:
        return db.execute(query, args).fetchall()


def _figure_line(out: Path, doc: str, place: list) -> dict:
    """A figure of records.jsonl, found by where it was printed."""
    for record in read_records(out / "records.jsonl"):
        span = record.get("value_span") or {}
        if record["kind"] == "figure" and record["doc"] == doc and [span.get("start"), span.get("end")] == place[:2]:
            return record
    raise AssertionError(f"no figure at {place} in {doc}")


def _facts(out: Path) -> list[dict]:
    assert main(["table", str(out), "--all"]) == 0  # every fact, whatever its confidence
    return _read_facts(out)


def _read_facts(out: Path) -> list[dict]:
    with (out / "facts.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _cites(fact: dict, doc: str, evidence: str) -> bool:
    return (doc, evidence) in zip(fact["doc"].split(SOURCE_SEPARATOR), fact["evidence"].split(SOURCE_SEPARATOR), strict=False)


# -- a run over the seeds, reviewed through the API -------------------------------------------


@pytest.fixture(scope="module")
def run(tmp_path_factory, seeds_dir):
    """The seeds extracted twice: ``out`` is reviewed by the tests, ``plain`` never is."""
    root = tmp_path_factory.mktemp("review")
    inputs = _copy_seeds(seeds_dir, root / "in")
    _extract(inputs, root / "out")
    shutil.copytree(root / "out", root / "plain")
    return inputs, root / "out", root / "plain"


@pytest.fixture(scope="module")
def reviewed(run):
    """Three decisions through the app: a subject corrected, a figure rejected, another accepted; then a fresh extract."""
    inputs, out, _ = run
    with ReviewApp(out, editor="tester") as app:
        figures = [i for i in _items(app) if i["kind"] == "figure" and i["fields"]["subject"]]
        corrected, rejected, accepted = figures[0], figures[1], figures[2]
        _decide(app, corrected, "correct", subject=NEW_SUBJECT)
        _decide(app, rejected, "reject")
        _decide(app, accepted, "accept")
    _extract(inputs, out)  # a fresh run into the same folder: every record is written anew
    return out, {"corrected": corrected, "rejected": rejected, "accepted": accepted}


def test_a_fresh_extract_keeps_the_decisions_and_reapplies_them(reviewed):
    out, decided = reviewed
    assert len(_rows(out, "SELECT * FROM decisions")) == 3
    for state, item in decided.items():
        line = _figure_line(out, item["doc"], item["place"])
        assert line["review"] == state
    assert _figure_line(out, decided["corrected"]["doc"], decided["corrected"]["place"])["subject"] == NEW_SUBJECT
    assert {review for (review,) in _rows(out, "SELECT review FROM figures")} == {"", "accepted", "corrected", "rejected"}
    with (out / "figures.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert {row["review"] for row in csv.DictReader(handle)} == {"", "accepted", "corrected", "rejected"}


def test_the_table_applies_corrections_and_leaves_out_rejections(reviewed, run):
    out, decided = reviewed
    facts = _facts(out)
    rejected = decided["rejected"]
    evidence = _rows(out, "SELECT evidence_text FROM figures WHERE review = 'rejected'")[0][0]
    assert not any(_cites(fact, rejected["doc"], evidence) for fact in facts)
    assert any(_cites(fact, rejected["doc"], evidence) for fact in _facts(run[2]))  # the unreviewed run has it
    corrected = [fact for fact in facts if fact["subject"] == NEW_SUBJECT]
    assert corrected and all(fact["review"] == "corrected" for fact in corrected)
    assert any(fact["review"] == "accepted" for fact in facts)


def test_a_resumed_run_keeps_the_decisions(reviewed, run):
    inputs, out, _ = run
    _extract(inputs, out, "--resume")
    states = {line["review"] for line in read_records(out / "records.jsonl") if line["kind"] == "figure"}
    assert {"accepted", "corrected", "rejected"} <= states
    outcomes = input_outcomes(out)
    assert {o["status"] for o in outcomes} == {"resumed"}  # the reviewed lines' seals hold: nothing extracted again


def test_export_then_eval_scores_a_run_against_the_editor(reviewed, run, tmp_path):
    out, decided = reviewed
    gold = tmp_path / "gold"
    assert main(["review", str(out), "--export", str(gold)]) == 0
    answers = [json.loads(path.read_text(encoding="utf-8")) for path in gold.glob("*.json")]
    assert {answer["doc"] for answer in answers} == {item["doc"] for item in decided.values()}
    required = [f for answer in answers for f in answer["figures"] if not f["optional"]]
    assert NEW_SUBJECT in {f["subject"] for f in required}
    scores = {}
    for name, folder in (("reviewed", out), ("plain", run[2])):
        assert main(["eval", str(folder / "records.jsonl"), "--gold", str(gold), "--json", str(tmp_path / f"{name}.json")]) == 0
        scores[name] = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))["figures"]
    assert scores["reviewed"]["recall"] == 1.0  # every figure the editor vouched for is in the run
    assert scores["reviewed"]["false_positives"] >= 1  # the figure the editor rejected is still the machine's output
    assert scores["reviewed"]["subject_accuracy"] > scores["plain"]["subject_accuracy"]  # the machine's subject was wrong


def test_from_imports_another_folders_decisions(reviewed, run, tmp_path):
    out, decided = reviewed
    other = tmp_path / "other"
    shutil.copytree(run[2], other)  # never reviewed
    assert main(["review", str(other), "--from", str(out), "--export", str(tmp_path / "gold")]) == 0
    assert len(_rows(other, "SELECT * FROM decisions")) == len(_rows(out, "SELECT * FROM decisions"))
    line = _figure_line(other, decided["corrected"]["doc"], decided["corrected"]["place"])
    assert (line["subject"], line["review"]) == (NEW_SUBJECT, "corrected")
    assert main(["review", str(other), "--from", str(out), "--export", str(tmp_path / "gold")]) == 0  # twice: nothing doubles
    assert len(_rows(other, "SELECT * FROM decisions")) == len(_rows(out, "SELECT * FROM decisions"))


def test_a_decision_whose_record_is_gone_is_reported_orphaned_and_kept(run, tmp_path):
    inputs, _, plain = run
    folder = tmp_path / "out"
    shutil.copytree(plain, folder)
    with ReviewApp(folder) as app:
        item = next(i for i in _items(app) if i["kind"] == "figure")
        _decide(app, item, "accept")
    changed = _copy_seeds(inputs, tmp_path / "in")
    page = changed / item["doc"]
    page.write_text(page.read_text(encoding="utf-8") + "\n补记。", encoding="utf-8")  # new content: the decision's record is gone
    _extract(changed, folder)
    orphaned = json.loads((folder / "run.json").read_text(encoding="utf-8"))["review"]["orphaned"]
    assert [(o["doc"], o["text"]) for o in orphaned] == [(item["doc"], item["place"][2])]
    assert len(_rows(folder, "SELECT * FROM decisions")) == 1


# -- the validator guards a corrected number -----------------------------------------------------


def test_a_number_the_text_does_not_print_is_refused_with_the_validators_reason(run, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(run[2], folder)
    with ReviewApp(folder) as app:
        item = next(i for i in _items(app) if i["kind"] == "figure" and i["fields"]["value_text"].endswith("亿元"))
        status, answer = _post(app, "/api/decide", {"id": item["id"], "place": item["place"], "action": "correct",
                                                    "fields": {"value_text": "98765.4亿元"}})  # fmt: skip
        assert status == 422
        row = _rows(
            folder, "SELECT evidence_start, evidence_end, evidence_text FROM figures WHERE rowid = ?", int(item["id"].split(":")[1])
        )
        figure = Figure(value_text="98765.4亿元", value=98765.4, unit="亿元", amount=9.87654e12, base_unit="元",
                        evidence={"start": row[0][0], "end": row[0][1], "text": row[0][2]})  # fmt: skip
        text = _rows(folder, "SELECT text FROM documents WHERE doc = ?", item["doc"])[0][0]
        reason = check(figure, text).reason
        assert reason and reason in answer["error"]
        assert _rows(folder, "SELECT count(*) FROM decisions") == [(0,)]


def test_a_number_the_text_prints_is_taken_and_verified(run, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(run[2], folder)
    with ReviewApp(folder) as app:
        items = [i for i in _items(app) if i["kind"] == "figure"]
        # a number printed just after a figure's evidence: the validator finds it there, so the correction stands
        pair = next((a, b) for a, b in itertools.pairwise(items)
                    if a["doc"] == b["doc"] and 0 <= b["place"][0] - a["sentence"][1] <= 10
                    and a["fields"]["value_text"] != b["fields"]["value_text"])  # fmt: skip
        after = _decide(app, pair[0], "correct", value_text=pair[1]["fields"]["value_text"])
    assert after["fields"]["value_text"] == pair[1]["fields"]["value_text"]
    assert (after["status"], after["review"]) == ("verified", "corrected")
    assert after["place"][:2] == pair[1]["place"][:2]  # the figure now points where the new number is printed
    refresh_outputs(folder)
    line = _figure_line(folder, after["doc"], after["place"])
    assert (line["value_text"], line["review"]) == (pair[1]["fields"]["value_text"], "corrected")
    with ReviewApp(folder) as app:  # undone: the machine's number, where it was printed, in every output
        status, _ = _post(app, "/api/undo", {"id": after["id"], "place": after["place"]})
        assert status == 200
    refresh_outputs(folder)
    line = _figure_line(folder, pair[0]["doc"], pair[0]["place"])
    assert (line["value_text"], line["review"], line["target"]) == (pair[0]["fields"]["value_text"], "", bool(pair[0]["fields"]["target"]))


# -- safety ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(run, tmp_path_factory):
    folder = tmp_path_factory.mktemp("safety") / "out"
    shutil.copytree(run[2], folder)
    with ReviewApp(folder) as served:
        yield served


def test_it_listens_on_loopback_only(app):
    assert app.server.server_address[0] == "127.0.0.1"
    assert app.url.startswith("http://127.0.0.1:")


def test_requests_without_the_token_are_refused(app):
    for path in ("/", "/api/items", "/report.html", "/api/text?doc=x"):
        assert _request(app, "GET", path)[0] == 403
        assert _request(app, "GET", path + ("&" if "?" in path else "?") + "token=wrong")[0] == 403
    status, _ = _request(app, "GET", f"/?token={app.token}")
    assert status == 200


def test_the_token_is_kept_in_a_strict_cookie(app):
    connection = http.client.HTTPConnection("127.0.0.1", app.port, timeout=30)
    connection.request("GET", f"/?token={app.token}", headers={"Host": f"127.0.0.1:{app.port}"})
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "script-src 'unsafe-inline'" in response.getheader("Content-Security-Policy")
    assert "default-src 'none'" in response.getheader("Content-Security-Policy")
    status, _ = _request(app, "GET", "/api/items", headers={"Cookie": cookie.split(";")[0]})
    assert status == 200


def test_an_action_by_get_is_refused(app):
    item = _items(app)[0]
    assert _request(app, "GET", f"/api/decide?token={app.token}&id={item['id']}&action=reject")[0] == 405
    assert _request(app, "GET", f"/api/undo?token={app.token}&id={item['id']}")[0] == 405
    assert _items(app)[0]["review"] == ""


def test_an_action_needs_the_token_header_and_json(app):
    item = _items(app)[0]
    body = {"id": item["id"], "action": "reject"}
    assert _request(app, "POST", f"/api/decide?token={app.token}", body, {"Content-Type": "application/json"})[0] == 403
    cookie = {"Cookie": f"review_token={app.token}", "Content-Type": "application/json"}
    assert _request(app, "POST", "/api/decide", body, cookie)[0] == 403  # a cookie alone never changes anything
    assert _request(app, "POST", "/api/decide", body, {"X-Review-Token": app.token, "Content-Type": "text/plain"})[0] == 415
    assert _items(app)[0]["review"] == ""


def test_other_origins_and_hosts_are_refused(app):
    item = _items(app)[0]
    body = {"id": item["id"], "action": "reject"}
    assert _post(app, "/api/decide", body, Origin="http://evil.example")[0] == 403
    assert _post(app, "/api/decide", body, Host="evil.example")[0] == 403  # a rebound DNS name
    assert _request(app, "GET", f"/api/items?token={app.token}", headers={"Host": "evil.example"})[0] == 403
    assert _post(app, "/api/decide", body, **{"Sec-Fetch-Site": "cross-site"})[0] == 403
    assert _items(app)[0]["review"] == ""
    assert _post(app, "/api/decide", body, Origin=f"http://127.0.0.1:{app.port}")[0] == 200


def test_two_editors_keep_both_decisions_and_the_last_wins(run, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(run[2], folder)
    with ReviewApp(folder, editor="first") as first, ReviewApp(folder, editor="second") as second:
        item = next(i for i in _items(first) if i["kind"] == "figure")
        _decide(first, item, "correct", subject="甲园区")
        _decide(second, item, "correct", subject="乙园区")
        assert next(i for i in _items(first) if i["id"] == item["id"])["fields"]["subject"] == "乙园区"
    history = _rows(folder, "SELECT editor, changes FROM decisions ORDER BY id")
    assert [(editor, json.loads(changes)["subject"]) for editor, changes in history] == [("first", "甲园区"), ("second", "乙园区")]


def test_undo_puts_the_machines_record_back_and_keeps_the_history(run, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(run[2], folder)
    with ReviewApp(folder) as app:
        item = next(i for i in _items(app) if i["kind"] == "figure" and i["fields"]["subject"])
        _decide(app, item, "correct", subject=NEW_SUBJECT)
        _decide(app, item, "reject")
        status, once = _post(app, "/api/undo", {"id": item["id"], "place": item["place"]})
        assert status == 200 and (once["item"]["review"], once["item"]["fields"]["subject"]) == ("corrected", NEW_SUBJECT)
        status, twice = _post(app, "/api/undo", {"id": item["id"], "place": item["place"]})
        assert (twice["item"]["review"], twice["item"]["fields"]["subject"]) == ("", item["fields"]["subject"])
    assert len(_rows(folder, "SELECT * FROM decisions")) == 4


def test_the_queue_puts_figures_not_verified_first(run, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(run[2], folder)
    with sqlite3.connect(folder / "records.sqlite") as db:
        db.execute("UPDATE figures SET status = 'mismatch' WHERE rowid IN (SELECT max(rowid) FROM figures)")
    with ReviewApp(folder) as app:
        items = _items(app)
    assert (items[0]["kind"], items[0]["status"]) == ("figure", "mismatch")
    assert all(i["group"] <= j["group"] for i, j in itertools.pairwise(items))


# -- the browser, keyboard first --------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("REQUIRE_BROWSER"):
            raise RuntimeError("REQUIRE_BROWSER is set but chromium is not installed (scripts/ensure-chromium.sh)")
        pytest.skip("chromium is not installed (scripts/ensure-chromium.sh installs Debian's)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


def test_the_browser_review_loop(browser, run, tmp_path):
    """Correct a subject, reject a figure, accept another with the keyboard alone; reload; extract again; table."""
    inputs, _, plain = run
    folder = tmp_path / "out"
    shutil.copytree(plain, folder)
    with sqlite3.connect(folder / "records.sqlite") as db:  # three figures the validator doubts head the queue
        db.execute("UPDATE figures SET status = 'mismatch' WHERE rowid IN (SELECT rowid FROM figures WHERE subject <> '' LIMIT 3)")
    with ReviewApp(folder, editor="browser") as app:
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        tab.goto(app.url)
        tab.wait_for_selector("body[data-ready]")
        first, second, third = (tab.locator("#queue li").nth(n).get_attribute("data-id") for n in range(3))
        mark = tab.locator("#context mark")
        assert mark.inner_text() and mark.is_visible()  # the source sentence, highlighted and in view
        tab.keyboard.press("e")
        tab.locator("#edit input[name=subject]").fill(NEW_SUBJECT)
        tab.keyboard.press("Enter")
        tab.wait_for_selector(f'#queue li[data-id="{first}"][data-review="corrected"]')
        for key in "jra":  # typed at once: each key acts in turn (a rejection moves on to the next item)
            tab.keyboard.press(key)
        tab.wait_for_selector(f'#queue li[data-id="{second}"][data-review="rejected"]')
        tab.wait_for_selector(f'#queue li[data-id="{third}"][data-review="accepted"]')
        assert "3 reviewed" in tab.locator("#progress").inner_text()
        tab.select_option("#filter-status", "verified")
        shown = tab.locator("#queue li").evaluate_all("items => items.map(li => li.dataset.status)")
        assert shown and set(shown) == {"verified"}
        tab.select_option("#filter-status", "")
        tab.locator("#queue li").last.click()  # the last record of the last document: its sentence is far down its article
        tab.wait_for_selector("#queue li.current:last-child")
        tab.wait_for_function(  # its sentence is scrolled into the text pane
            """() => { const m = document.querySelector('#context mark'); if (!m) { return false; }
                       const r = m.getBoundingClientRect(), c = document.getElementById('context').getBoundingClientRect();
                       return r.top >= c.top && r.bottom <= c.bottom; }""",
            timeout=5000,
        )
        tab.reload()
        tab.wait_for_selector("body[data-ready]")
        states = {i: tab.locator(f'#queue li[data-id="{i}"]').get_attribute("data-review") for i in (first, second, third)}
        assert states == {first: "corrected", second: "rejected", third: "accepted"}
        tab.close()
    _extract(inputs, folder)  # a fresh extract of the same input into the same folder
    reviews = dict(_rows(folder, "SELECT review, count(*) FROM figures GROUP BY review"))
    assert reviews.get("corrected") == reviews.get("rejected") == reviews.get("accepted") == 1
    facts = _facts(folder)
    assert any(fact["subject"] == NEW_SUBJECT for fact in facts)
    ((doc, evidence),) = _rows(folder, "SELECT doc, evidence_text FROM figures WHERE review = 'rejected'")
    assert not any(_cites(fact, doc, evidence) for fact in facts)


def test_the_browser_page_escapes_every_text(browser, run, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(run[2], folder)
    hostile = '<img src=x onerror="window.__pwned=1">'
    with sqlite3.connect(folder / "records.sqlite") as db:
        db.execute("UPDATE figures SET subject = ?, status = 'mismatch' WHERE rowid = (SELECT min(rowid) FROM figures)", (hostile,))
    with ReviewApp(folder) as app:
        tab = browser.new_page()
        tab.goto(app.url)
        tab.wait_for_selector("body[data-ready]")
        assert hostile in tab.locator("#card").inner_text()
        assert tab.evaluate("window.__pwned") is None
        assert tab.locator("#card img").count() == 0
        tab.close()


def test_no_decision_is_taken_while_an_extract_writes_the_folder(app):
    from extractor.outputs.lock import OutputLock

    item = _items(app)[-1]
    app.lock_wait = 0.2
    with OutputLock(app.out_dir):  # what a running extract holds
        status, answer = _post(app, "/api/decide", {"id": item["id"], "action": "accept"})
    assert status == 409 and "in use" in answer["error"]
    assert _items(app)[-1]["review"] == ""
    assert _post(app, "/api/decide", {"id": item["id"], "action": "accept"})[0] == 200  # once it has finished


def test_a_decisions_table_of_an_older_layout_is_carried_over(run, tmp_path):
    inputs, _, plain = run
    folder = tmp_path / "out"
    shutil.copytree(plain, folder)
    with sqlite3.connect(folder / "records.sqlite") as db:  # as the first version of the table was: no undoes, no moved
        db.execute("DROP TABLE decisions")
        db.execute(
            "CREATE TABLE decisions (id INTEGER PRIMARY KEY AUTOINCREMENT, sha256 TEXT, kind TEXT, place_start INTEGER, "
            "place_end INTEGER, place_text TEXT, action TEXT, changes TEXT, before TEXT, editor TEXT, at TEXT, doc TEXT)"
        )
        doc, sha256, value_span, value_text = db.execute(
            "SELECT f.doc, d.sha256, f.value_span, f.value_text FROM figures f JOIN documents d ON d.doc = f.doc LIMIT 1"
        ).fetchone()
        span = json.loads(value_span)
        db.execute(
            "INSERT INTO decisions (sha256, kind, place_start, place_end, place_text, action, changes, before, editor, at, doc) "
            "VALUES (?, 'figure', ?, ?, ?, 'reject', '{}', '{}', 'old', '2026-01-01', ?)",
            (sha256, span["start"], span["end"], value_text, doc),
        )
    _extract(inputs, folder)
    assert _rows(folder, "SELECT editor, action FROM decisions") == [("old", "reject")]
    assert _rows(folder, "SELECT count(*) FROM figures WHERE review = 'rejected'") == [(1,)]


# -- confidence: read defensively, and a reviewed record is as sure as a record gets ---------------


def test_the_queue_reads_confidence_defensively():
    from extractor.review import queue

    verified = {"status": "verified"}
    assert queue.group("figure", {"status": "mismatch", "confidence": "high"}) == 0
    assert queue.group("figure", {**verified, "confidence": "low"}) == 1
    assert queue.group("figure", verified) == queue.group("figure", {**verified, "confidence": "medium"}) == 2  # absent: medium
    assert queue.group("quote", {"status": "verified", "confidence": "low"}) == 1


def test_an_accepted_record_takes_the_highest_confidence_and_undo_gives_it_back(monkeypatch):
    from typing import Literal

    from extractor.checks.decisions import apply, decide, undone
    from extractor.models import RECORD_TYPES

    class SureFigure(Figure):  # the field another change adds to Figure
        confidence: Literal["high", "medium", "low"] = "medium"

    monkeypatch.setitem(RECORD_TYPES, "figure", SureFigure)
    text = "园区营业收入12亿元。"
    row = {"value_text": "12亿元", "value": 12.0, "unit": "亿元", "amount": 1.2e9, "base_unit": "元", "subject": "园区",
           "value_span": {"start": 6, "end": 10}, "evidence": {"start": 0, "end": 10, "text": text[:10]},
           "confidence": "low", "review": ""}  # fmt: skip
    key = ("sha", "figure", 6, 10, "12亿元")
    accepted = decide("figure", row, row, key, "accept", {}, text, None, "tester", "doc")
    assert (accepted.review, accepted.changes, accepted.before) == ("accepted", {"confidence": "high"}, {"confidence": "low"})
    reviewed = apply(row, accepted)
    assert (reviewed["confidence"], reviewed["review"]) == ("high", "accepted")
    accepted.id = 1
    assert apply(reviewed, undone([accepted], "tester", "doc"))["confidence"] == "low"


def test_review_of_a_folder_without_a_database_is_a_usage_error(tmp_path):
    assert main(["review", str(tmp_path)]) == 2


def test_a_corrected_subject_takes_its_zones_park_id(run, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(run[2], folder)
    rows = _rows(folder, "SELECT rowid, doc, subject, park_id FROM figures")
    zones = {(doc, subject): park_id for _, doc, subject, park_id in rows if park_id}
    rowid, doc, subject = next((r, d, s) for r, d, s, _ in rows if any(d == zd and s != zs for zd, zs in zones))
    other, park_id = next(((zs, p) for (zd, zs), p in zones.items() if zd == doc and zs != subject))
    with ReviewApp(folder) as app:
        item = next(i for i in _items(app) if i["id"] == f"figures:{rowid}")
        _decide(app, item, "correct", subject=other)
        assert _rows(folder, "SELECT park_id FROM figures WHERE rowid = ?", rowid) == [(park_id,)]
        _decide(app, item, "correct", subject="")  # no subject: no zone
        assert _rows(folder, "SELECT park_id FROM figures WHERE rowid = ?", rowid) == [("",)]


def test_an_accepted_figure_counts_as_high_confidence_in_the_table(run, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(run[2], folder)
    lone = {(f["doc"], f["evidence"]) for f in _facts(folder) if f["sources"] == "1" and f["confidence"] != "high"}
    rowid, doc, evidence = next(
        row for row in _rows(folder, "SELECT rowid, doc, evidence_text FROM figures WHERE confidence <> 'high'") if row[1:] in lone
    )
    assert main(["table", str(folder)]) == 0  # the default table: high confidence only
    assert not any(_cites(f, doc, evidence) for f in _read_facts(folder))
    with ReviewApp(folder) as app:
        _decide(app, next(i for i in _items(app) if i["id"] == f"figures:{rowid}"), "accept")
    assert main(["table", str(folder)]) == 0
    cited = [f for f in _read_facts(folder) if _cites(f, doc, evidence)]
    assert cited and all((f["confidence"], f["review"]) == ("high", "accepted") for f in cited)
