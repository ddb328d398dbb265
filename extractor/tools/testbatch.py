"""The Batch API of the test server (extractor/tools/testserver.py): files, batches (create, retrieve), output file content.

Each line of a batch is answered as the server would answer it live (the
oracle, its perturbations and noisy profiles, the context limit, the cut at
max_tokens), when the batch is first looked at after the script lets it finish
(``Script.batch_hold`` keeps it ``in_progress``, as a batch that takes hours).
A fault the script has for a request fails that line: it goes to the error
file, as OpenAI reports failed requests. ``Stats.batches_created`` counts
the batches created, so a test can tell that a resumed run paid only once.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import re
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .testserver import FakeModelServer

_FILE_CONTENT = re.compile(r"/files/([\w-]+)/content$")
_BATCH = re.compile(r"/batches/([\w-]+)$")

Reply = tuple[int, bytes]


class BatchService:
    def __init__(self, server: FakeModelServer) -> None:
        self.server = server
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(1)

    # -- routes (None: not a Batch API path) -----------------------------------

    def get(self, path: str) -> Reply | None:
        path = path.split("?")[0].rstrip("/")
        content = _FILE_CONTENT.search(path)
        if content:
            data = self.files.get(content.group(1))
            return (200, data) if data is not None else _not_found("file")
        batch = _BATCH.search(path)
        if batch:
            found = self.batches.get(batch.group(1))
            if found is None:
                return _not_found("batch")
            with self.server._lock:
                pending = self.server.script.batch_hold or found["status"] != "in_progress"
            if not pending:
                self._finish(found)
            return 200, json.dumps(found).encode()
        return None

    def post(self, path: str, content_type: str, body: bytes) -> Reply | None:
        path = path.split("?")[0].rstrip("/")
        if path.endswith("/files"):
            return self._upload(content_type, body)
        if path.endswith("/batches"):
            return self._create(json.loads(body or b"{}"))
        return None

    # -- the API ---------------------------------------------------------------------

    def _upload(self, content_type: str, body: bytes) -> Reply:
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        fields = {part.get_param("name", header="content-disposition"): part.get_payload(decode=True) for part in message.iter_parts()}
        data = fields.get("file")
        if not isinstance(data, bytes):
            return 400, b'{"error": {"message": "no file in the upload"}}'
        file_id = self._store(data)
        purpose = (fields.get("purpose") or b"batch").decode()
        with self.server._lock:
            self.server.stats.files_uploaded += 1
        return 200, json.dumps(_file(file_id, data, "requests.jsonl", purpose)).encode()

    def _create(self, request: dict[str, Any]) -> Reply:
        source = self.files.get(str(request.get("input_file_id")))
        if source is None:
            return _not_found("input file")
        lines = [json.loads(row) for row in source.decode("utf-8").splitlines() if row.strip()]
        batch_id = f"batch_{next(self._ids)}"
        batch = {
            "id": batch_id,
            "object": "batch",
            "endpoint": request.get("endpoint", "/v1/chat/completions"),
            "errors": None,
            "input_file_id": request["input_file_id"],
            "completion_window": request.get("completion_window", "24h"),
            "status": "in_progress",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": int(time.time()),
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
            "metadata": request.get("metadata"),
        }
        with self.server._lock:
            self.server.stats.batches_created += 1
        self.batches[batch_id] = batch
        return 200, json.dumps(batch).encode()

    def _finish(self, batch: dict[str, Any]) -> None:
        """Answer every line as live; failed lines go to the error file."""
        lines = [json.loads(row) for row in self.files[batch["input_file_id"]].decode("utf-8").splitlines() if row.strip()]
        answered, failed = [], []
        for number, line in enumerate(lines):
            status, body = self.server.answer_request(line["body"])
            row = {"id": f"batch_req_{number}", "custom_id": line["custom_id"]}
            if status == 200:
                answered.append({**row, "response": {"status_code": 200, "request_id": f"req_{number}", "body": body}, "error": None})
            else:
                error = body.get("error", {}) if isinstance(body, dict) else {}
                failed.append({**row, "response": None, "error": {"code": str(status), "message": error.get("message", "")}})
        batch["output_file_id"] = self._store(_jsonl(answered)) if answered else None
        batch["error_file_id"] = self._store(_jsonl(failed)) if failed else None
        batch["request_counts"] = {"total": len(lines), "completed": len(answered), "failed": len(failed)}
        batch["status"] = "completed"
        batch["completed_at"] = int(time.time())

    def _store(self, data: bytes) -> str:
        file_id = f"file-{next(self._ids)}"
        self.files[file_id] = data
        return file_id


def _jsonl(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def _file(file_id: str, data: bytes, name: str, purpose: str) -> dict[str, Any]:
    return {"id": file_id, "object": "file", "bytes": len(data), "created_at": int(time.time()), "filename": name, "purpose": purpose}


def _not_found(what: str) -> Reply:
    return 404, json.dumps({"error": {"message": f"no such {what}"}}).encode()
