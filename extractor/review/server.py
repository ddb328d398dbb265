"""The review app: a local web server on 127.0.0.1 for one output folder.

Safe by construction:

- it listens on 127.0.0.1 only, and answers only requests whose Host is that
  address (or ``localhost``) at its port, so a web page cannot reach it through
  a DNS name it rebinds;
- every request needs the random token the command prints: in the URL once
  (the app then keeps it in a cookie that is HttpOnly and SameSite=Strict), in
  the cookie, or in the ``X-Review-Token`` header;
- a request that changes anything is a POST with the token in that header and
  a JSON body, from no other Origin; a GET to an action is refused;
- pages carry a Content-Security-Policy that allows no external script, font or
  connection, and put every text in with ``textContent`` (records travel as
  JSON with ``<`` escaped), so text from the input never becomes markup.

Each request opens its own connection: SQLite serialises two editors' writes
(``BEGIN IMMEDIATE``), and both decisions stay in the history.
"""

from __future__ import annotations

import contextlib
import getpass
import hmac
import json
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from http import HTTPStatus
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ..checks.decisions import Decision, DecisionError, decide, key_of, place, undone
from ..knowledge import metric_keys
from ..models import InitiativeKind, Measure
from ..outputs import DATABASE_FILE, RECORDS_FILE, OutputError
from ..outputs import decisions as store
from ..outputs.csv import export_csv
from ..outputs.lock import OutputLock
from ..outputs.report import REPORT_FOLDER, write_report
from ..outputs.sqlite import Ledger
from . import queue
from .page import APP_PAGE

HOST = "127.0.0.1"
COOKIE = "review_token"
TOKEN_HEADER = "X-Review-Token"
_MAX_BODY = 64 * 1024
_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
    "img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",  # the token is in the first URL
    "Cache-Control": "no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
}
_ACTIONS = ("/api/decide", "/api/undo")


class FolderBusy(Exception):
    """An extract is writing the folder: a decision now could be lost with the database it replaces."""


class ReviewApp:
    """The app for one OUT_DIR: ``url`` to open, ``serve_forever`` / ``shutdown`` (or use as a context manager)."""

    lock_wait = 5.0  # seconds a decision waits for the folder's lock (another editor's decision holds it for milliseconds)

    def __init__(self, out_dir: Path, port: int = 0, editor: str | None = None, token: str | None = None) -> None:
        self.out_dir = out_dir
        self.database = out_dir / DATABASE_FILE
        if not self.database.is_file():
            raise FileNotFoundError(f"{self.database}: no such database (run 'extractor extract' first)")
        with Ledger.connect(self.database) as ledger:
            ledger.ensure_decisions()  # a folder extracted before decisions existed
        self.editor = editor or _user()
        self.token = token or secrets.token_urlsafe(24)
        self._pages = Path(tempfile.mkdtemp(prefix="extractor-review-"))
        self._pages_version: tuple | None = None
        self._pages_lock = threading.Lock()
        self.server = ThreadingHTTPServer((HOST, port), _handler(self))
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/?token={self.token}"

    def serve_forever(self) -> None:
        self.server.serve_forever(poll_interval=0.2)

    def shutdown(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        shutil.rmtree(self._pages, ignore_errors=True)

    def __enter__(self) -> ReviewApp:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    # -- what the handler asks -----------------------------------------------------------

    def items(self) -> dict[str, Any]:
        with Ledger.connect(self.database, readonly=True) as ledger:
            documents = {d["doc"]: d for d in ledger.documents()}
            texts: dict[str, str] = {}
            items = []
            for table, row in ledger.records():
                doc = row["doc"]
                if doc not in texts:
                    texts = {doc: (ledger.document_text(doc) or ("", ""))[1]}  # one document's text at a time
                items.append(queue.item(table, store.kind_of(table), row, documents[doc]["position"], texts[doc]))
            orphaned = store.orphans(ledger)
        ordered = queue.ordered(items)
        return {"items": ordered, "progress": queue.progress(ordered), "orphaned": orphaned, "editor": self.editor}

    def text(self, doc: str) -> dict[str, Any]:
        with Ledger.connect(self.database, readonly=True) as ledger:
            found = ledger.document_text(doc)
            if found is None:
                raise LookupError(f"no document {doc!r}")
            parts = [{"article": a["article"], "start": a["start"], "end": a["end"], "title": a["title"]} for a in ledger.articles(doc)]
        return {"doc": doc, "text": found[1], "articles": parts}

    def decide(self, body: dict[str, Any]) -> dict[str, Any]:
        """Take a decision (accept, reject, correct) or undo the latest on one record; the record's item after it."""
        table, rowid = _record_id(body.get("id"))
        action = str(body.get("action", ""))
        with self._folder_lock(), Ledger.connect(self.database) as ledger:
            row = ledger.record_row(table, rowid)
            kind = store.kind_of(table)
            if row is None:
                raise LookupError(f"{body.get('id')} no longer exists (the folder was extracted again): reload the page")
            position_text = ledger.document_text(row["doc"])
            assert position_text is not None
            sha256, text = position_text
            key = _current_key(ledger, sha256, kind, row, text)
            if body.get("place") is not None and list(place(kind, row, text)) != list(body["place"]):
                raise LookupError("this record changed since the page was loaded (the folder was extracted again): reload the page")
            past = store.history(ledger, key)
            if action == "undo":
                decision = undone(past, self.editor, row["doc"])
            else:
                machine = _machine(row, past[-1] if past else None)
                fields = body.get("fields") or {}
                if not isinstance(fields, dict):
                    raise DecisionError("fields must be an object")
                decision = decide(kind, row, machine, key, action, fields, text, past[-1] if past else None, self.editor, row["doc"])
            new_row = store.record_decision(ledger, decision, table, rowid)
            position = next(d["position"] for d in ledger.documents() if d["doc"] == row["doc"])
        return {"item": queue.item(table, kind, new_row, position, text), "decision": decision.action}

    @contextlib.contextmanager
    def _folder_lock(self) -> Iterator[None]:
        """The folder's run lock, held while a decision is written: a fresh extract replaces the database, so a
        decision must land before it reads the history or after it, never in between."""
        lock = OutputLock(self.out_dir)
        deadline = time.monotonic() + self.lock_wait
        while True:
            try:
                lock.acquire()
                break
            except OutputError as exc:
                if time.monotonic() > deadline:
                    raise FolderBusy(f"{exc} Nothing was decided: try again when it has finished (then reload the page).") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            lock.release()

    def report_page(self, path: str) -> Path | None:
        """The review page's file for a request path, built afresh when decisions changed since it was built."""
        with self._pages_lock:
            with Ledger.connect(self.database, readonly=True) as ledger:
                version = ledger.version()
            if version != self._pages_version:
                write_report(self.out_dir, into=self._pages)
                self._pages_version = version
        relative = path.lstrip("/")
        if relative != "report.html" and not (relative.startswith(REPORT_FOLDER + "/") and relative.count("/") == 1):
            return None
        target = (self._pages / relative).resolve()
        return target if target.is_file() and self._pages.resolve() in target.parents else None

    def config(self) -> dict[str, Any]:
        return {
            "measures": [m.value for m in Measure],
            "initiative_kinds": list(InitiativeKind.__args__),  # type: ignore[attr-defined]
            "metric_keys": list(metric_keys()),
            "editor": self.editor,
        }


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "editor"


def _record_id(value: Any) -> tuple[str, int]:
    table, _, rowid = str(value or "").partition(":")
    if not rowid.isdigit():
        raise DecisionError(f"not a record id: {value!r}")
    return table, int(rowid)


def _current_key(ledger: Ledger, sha256: str, kind: str, row: dict[str, Any], text: str) -> tuple:
    """The key of the decisions on this record: where it was printed, or where the decision in force found it."""
    here = key_of(sha256, kind, row, text)
    if row.get("review"):
        for key, decision in store.in_force(ledger).items():
            if key[:2] == (sha256, kind) and _moved_here(decision, here):
                return key
    return here


def _moved_here(decision: Decision, here: tuple) -> bool:
    return list(here[2:4]) in decision.moved


def _machine(row: dict[str, Any], previous: Decision | None) -> dict[str, Any]:
    """The record as the machine made it: the row with the previous decision's changes taken back."""
    if previous is None or not row.get("review"):
        return dict(row)
    machine = dict(row)
    machine.update({name: value for name, value in previous.before.items() if name in machine})
    if "value_span" in previous.before and isinstance(previous.before["value_span"], dict):
        machine["value_span"] = json.dumps(previous.before["value_span"], separators=(",", ":"))
    return machine


def refresh_outputs(out_dir: Path) -> store.Applied:
    """After a review session: the decisions applied to records.jsonl and the CSVs (under the folder's lock)."""
    with OutputLock(out_dir), Ledger.connect(out_dir / DATABASE_FILE) as ledger:
        with ledger.transaction():
            applied = store.apply_decisions(ledger)
            reviewed = store.rewrite_jsonl(ledger, out_dir / RECORDS_FILE, RECORDS_FILE)
        if reviewed is not None:
            reviewed.replace(out_dir / RECORDS_FILE)
    export_csv(out_dir / DATABASE_FILE, out_dir)
    return applied


def import_from(out_dir: Path, old: Path) -> tuple[int, store.Applied]:
    """``review --from OLD_OUT_DIR``: the old folder's decisions added to this one's and applied; (new, applied)."""
    rows = Ledger.read_history(old / DATABASE_FILE)
    if not rows and not (old / DATABASE_FILE).is_file():
        raise FileNotFoundError(f"{old / DATABASE_FILE}: no such database")
    with Ledger.connect(out_dir / DATABASE_FILE) as ledger:
        added = ledger.import_decisions(rows)
    return added, refresh_outputs(out_dir)


# -- HTTP ----------------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def _handler(app: ReviewApp) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "extractor-review"
        sys_version = ""

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the terminal shows the URL, not every request."""

        # -- checks every request passes ----------------------------------------------------

        def _check(self, post: bool) -> None:
            allowed_hosts = {f"{HOST}:{app.port}", f"localhost:{app.port}"}
            if self.headers.get("Host", "") not in allowed_hosts:
                raise _Refused(HTTPStatus.FORBIDDEN, "wrong Host: open the URL the command printed")
            origin = self.headers.get("Origin")
            if origin is not None and origin not in {f"http://{h}" for h in allowed_hosts}:
                raise _Refused(HTTPStatus.FORBIDDEN, "requests from another origin are refused")
            if self.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
                raise _Refused(HTTPStatus.FORBIDDEN, "requests from another site are refused")
            header = self.headers.get(TOKEN_HEADER, "")
            if post:
                if not hmac.compare_digest(header.encode(), app.token.encode()):
                    raise _Refused(HTTPStatus.FORBIDDEN, f"a change needs the token in the {TOKEN_HEADER} header")
                return
            offered = [header, _cookie(self.headers.get("Cookie", "")), *parse_qs(urlsplit(self.path).query).get("token", [])]
            if not any(value and hmac.compare_digest(value.encode(), app.token.encode()) for value in offered):
                raise _Refused(HTTPStatus.FORBIDDEN, "no valid token: open the URL the command printed")

        # -- methods ------------------------------------------------------------------------

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            try:
                if path in _ACTIONS:
                    raise _Refused(HTTPStatus.METHOD_NOT_ALLOWED, "an action is a POST")
                self._check(post=False)
                self._get(path)
            except _Refused as refused:
                self._json({"error": str(refused)}, refused.status)
            except LookupError as exc:
                self._json({"error": str(exc)}, HTTPStatus.NOT_FOUND)

        def do_POST(self) -> None:
            path = urlsplit(self.path).path
            try:
                self._check(post=True)
                if path not in _ACTIONS:
                    raise _Refused(HTTPStatus.NOT_FOUND, "no such action")
                body = self._body()
                if path == "/api/undo":
                    body["action"] = "undo"
                self._json(app.decide(body))
            except _Refused as refused:
                self._json({"error": str(refused)}, refused.status)
            except DecisionError as exc:
                self._json({"error": str(exc)}, HTTPStatus.UNPROCESSABLE_ENTITY)
            except (LookupError, FolderBusy) as exc:
                self._json({"error": str(exc)}, HTTPStatus.CONFLICT)

        def _refuse_other(self) -> None:
            self._json({"error": "method not allowed"}, HTTPStatus.METHOD_NOT_ALLOWED)

        do_PUT = do_DELETE = do_PATCH = _refuse_other

        # -- what GET serves ------------------------------------------------------------------

        def _get(self, path: str) -> None:
            query = parse_qs(urlsplit(self.path).query)
            if path == "/":
                config = json.dumps(app.config(), ensure_ascii=False).replace("<", "\\u003c")
                page = APP_PAGE.replace("{{config}}", config).replace("{{token}}", app.token)
                cookie = f"{COOKIE}={app.token}; HttpOnly; SameSite=Strict; Path=/"
                self._send(page.encode("utf-8"), "text/html; charset=utf-8", {"Set-Cookie": cookie})
            elif path == "/api/items":
                self._json(app.items())
            elif path == "/api/text":
                self._json(app.text(query.get("doc", [""])[0]))
            else:
                page_file = app.report_page(path)
                if page_file is None:
                    raise LookupError(f"no page {path}")
                self._send(page_file.read_bytes(), "text/html; charset=utf-8")

        def _body(self) -> dict[str, Any]:
            if self.headers.get_content_type() != "application/json":
                raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "a JSON body is expected")
            length = int(self.headers.get("Content-Length") or 0)
            if length > _MAX_BODY:
                raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "body too large")
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
            except ValueError:
                raise _Refused(HTTPStatus.BAD_REQUEST, "the body is not JSON") from None
            if not isinstance(body, dict):
                raise _Refused(HTTPStatus.BAD_REQUEST, "the body is not a JSON object")
            return body

        def _json(self, data: Any, status: HTTPStatus = HTTPStatus.OK) -> None:
            self._send(json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8", status=status)

        def _send(self, body: bytes, content_type: str, extra: dict[str, str] | None = None, status: HTTPStatus = HTTPStatus.OK) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in {**_SECURITY_HEADERS, **(extra or {})}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _cookie(header: str) -> str:
    cookie = SimpleCookie()
    with contextlib.suppress(Exception):
        cookie.load(header)
    morsel = cookie.get(COOKIE)
    return morsel.value if morsel else ""
