"""The run's calls through the OpenAI-compatible Batch API (``--batch``), and the requests a run would send (``--dry-run``).

A batch run is two passes of the same backend. The first sends nothing: its
chat call is a ``RequestRecorder``, which keeps the exact request the live call
would send (model, messages, tools, max_tokens, temperature) and fails the call.
Those requests go up as one JSONL file (``/v1/files``), one batch is created
(``/v1/batches``) and its id is written to the output folder (``llm-batch.json``),
so that a run stopped while the batch is pending collects it with ``--resume``
instead of paying again. Once the batch is done its output file is read, and
the second pass runs the backend as live, except that its chat call is
``BatchAnswers``: each request gets the batch's answer to that same request (a
digest of the request is its ``custom_id``). Everything after the call is the
live path's: instructor parses the answer, the same validator and the same
drop-by-reason handling judge it, and it goes to the same response cache, so a
rerun pays nothing. What a batch cannot do is answer a request it was not
given: a re-ask of an invalid answer, or an answer cut off and asked again with
a larger budget. Re-asks are off in the second pass (an answer that only fails
the context checks is kept, as live after its re-asks); a cut-off answer, a
failed line or a missing one fails its chunk only, and the rules' records stand in.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import openai
from openai.types.chat import ChatCompletion

from .calls import NotAnswered
from .settings import LLMSettings

STATE_FILE = "llm-batch.json"  # in the output folder: the pending batch, for --resume
CHAT_ENDPOINT = "/v1/chat/completions"
_NOT_SENT = ("extra_headers", "extra_query", "extra_body", "timeout")  # client options, not part of the request body
DONE = ("completed", "failed", "expired", "cancelled")  # a batch in one of these states will not change


def request_body(arguments: dict[str, Any]) -> dict[str, Any]:
    """The JSON body a chat call with these keyword arguments sends."""
    body = {name: value for name, value in arguments.items() if name not in _NOT_SENT}
    return json.loads(json.dumps(body, ensure_ascii=False, default=_plain))


def _plain(value: Any) -> Any:
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return dump(mode="json", exclude_none=True)
    raise TypeError(f"{type(value).__name__} is not part of a request body")


def request_id(body: dict[str, Any]) -> str:
    """A request's ``custom_id``: the same request gets the same id in both passes (and across a --resume)."""
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "r-" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


class RequestRecorder:
    """A chat call that sends nothing: it keeps the request (once per distinct request) and fails the call."""

    def __init__(self) -> None:
        self.requests: dict[str, dict[str, Any]] = {}

    async def __call__(self, **arguments: Any) -> Any:
        body = request_body(arguments)
        self.requests.setdefault(request_id(body), body)
        raise NotAnswered("held for the Batch API")

    def lines(self) -> bytes:
        """The batch input file: one JSON line per request."""
        rows = ({"custom_id": key, "method": "POST", "url": CHAT_ENDPOINT, "body": body} for key, body in self.requests.items())
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


@dataclass
class BatchAnswers:
    """A chat call answered from a finished batch's output lines (custom_id → line)."""

    lines: dict[str, dict[str, Any]]
    batch_id: str = ""
    status: str = ""
    used: int = 0
    failed: int = 0
    missing: int = 0

    async def __call__(self, **arguments: Any) -> ChatCompletion:
        line = self.lines.get(request_id(request_body(arguments)))
        if line is None:
            self.missing += 1
            raise NotAnswered(f"batch {self.batch_id} holds no answer to this request (a re-ask or a resend is not sent in --batch mode)")
        response = line.get("response") or {}
        error = line.get("error") or (response.get("body") or {}).get("error")
        if error or response.get("status_code") != 200:
            self.failed += 1
            raise NotAnswered(f"batch {self.batch_id}: this request failed: {_error_text(error, response.get('status_code'))}")
        self.used += 1
        return ChatCompletion.model_validate(response["body"])

    def report(self) -> dict[str, Any]:
        counts = {"lines": len(self.lines), "used": self.used, "failed": self.failed, "missing": self.missing}
        return {"id": self.batch_id, "status": self.status, **counts}


def _error_text(error: Any, status: Any) -> str:
    if isinstance(error, dict):
        return f"{error.get('code') or status or 'error'}: {str(error.get('message', ''))[:160]}"
    return f"HTTP {status}" if status else "no answer"


@dataclass
class BatchState:
    """What the output folder keeps of a submitted batch (``llm-batch.json``)."""

    batch_id: str
    input_file_id: str
    requests: int
    endpoint: str
    model: str
    context_tokens: int | None = None  # the context the requests were sized for: the second pass must cut chunks alike
    status: str = "pending"  # pending, then merged
    submitted: float = field(default_factory=time.time)

    @classmethod
    def load(cls, out_dir: Path) -> BatchState | None:
        try:
            data = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
            return cls(**data)
        except (OSError, ValueError, TypeError):
            return None

    def save(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        temporary = out_dir / f".{STATE_FILE}.tmp"
        temporary.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        temporary.replace(out_dir / STATE_FILE)


class BatchClient:
    """The Batch API of the run's endpoint: upload, create, poll, download."""

    def __init__(self, settings: LLMSettings) -> None:
        key = settings.api_key()
        self.settings = settings
        self._client = openai.OpenAI(
            api_key=key.get_secret_value() if key else "not-needed",
            base_url=settings.base_url,
            timeout=max(settings.timeout, 60.0),  # an upload or a download is bigger than one call
            max_retries=3,
        )

    def submit(self, recorder: RequestRecorder, context_tokens: int | None) -> BatchState:
        uploaded = self._client.files.create(file=("requests.jsonl", recorder.lines(), "application/jsonl"), purpose="batch")
        created = self._client.batches.create(
            input_file_id=uploaded.id, endpoint=CHAT_ENDPOINT, completion_window="24h", metadata={"tool": "zone-extractor"}
        )
        return BatchState(created.id, uploaded.id, len(recorder.requests), self.settings.endpoint, self.settings.model, context_tokens)

    def wait(self, batch_id: str, poll: float, most: float | None, tick: Callable[[Any], None] | None = None) -> Any:
        """The batch once it is done, or as it stands after ``most`` seconds (None: no limit)."""
        started = time.monotonic()
        while True:
            batch = self._client.batches.retrieve(batch_id)
            if tick is not None:
                tick(batch)
            if batch.status in DONE or (most is not None and time.monotonic() - started + poll > most):
                return batch
            time.sleep(poll)

    def answers(self, batch: Any) -> BatchAnswers:
        """The lines of the batch's output and error files, by custom_id."""
        lines: dict[str, dict[str, Any]] = {}
        for file_id in (batch.error_file_id, batch.output_file_id):  # an answer wins over an error for the same request
            if not file_id:
                continue
            text = self._client.files.content(file_id).text
            for row in text.splitlines():
                try:
                    line = json.loads(row)
                except ValueError:
                    continue  # a damaged line: its request counts as missing, its chunk fails
                if isinstance(line, dict) and isinstance(line.get("custom_id"), str):
                    lines[line["custom_id"]] = line
        return BatchAnswers(lines, batch.id, batch.status)

    def close(self) -> None:
        self._client.close()
