"""One schema-constrained model call per chunk: instructor + openai, tenacity around it, tokens counted.

Two layers of retry, each bounded:
- instructor re-asks a structurally invalid answer (bad JSON, wrong shape,
  evidence not in the chunk, a number that is NaN or infinite, too many items)
  up to ``max_reasks`` times; every re-ask resends the conversation and its
  tokens count toward the budget;
- tenacity retries what the network and the server do: 429 (honouring
  Retry-After), 5xx and connection errors, with exponential backoff, jitter
  and a cap on each wait and on the attempts.
The openai client's own retries are off so that only these two layers count.

Two faults are not sent again unchanged. An answer cut off at ``max_tokens``
(finish_reason length) is asked once more with twice the answer budget (up to
--max-output-tokens), then the chunk fails saying what to change. A call that
timed out is not retried at once: a local server goes on generating the
abandoned answer, and a retry would queue behind it; the caller instead keeps
every call back for a while (``_quiet_until``: --timeout, at most
--retry-max-wait), then tries once more. Every call carries
``temperature`` and a ``max_tokens`` sized by the backend from the chunk.
A server's own error message (HTTP 400: the context is too small) is kept,
redacted, in the chunk's reason, with advice.

Bounds that hold whatever the server does: ``timeout`` is a deadline for the
whole HTTP call (a server that drips its answer a byte at a time is cut off),
an answer over ``MAX_RESPONSE_BYTES`` is refused unread or unparsed, and the
token budget is reserved before a call is sent, so calls in flight cannot
overspend it together (the budget and the bound on calls in flight are a
``CallLimits``: this process's by default, the whole cluster's on a cluster).
401, 403 and 404 are not retried: they raise
``EndpointRefused``, which ends the run.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import email.utils
import functools
import json
import logging
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel, ValidationError
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, wait_random_exponential

from ...text.tokens import estimate_tokens
from .answers import RunawayAnswer
from .limits import CallLimits, LocalLimits
from .prompting import template
from .schematext import schema_text
from .settings import EndpointRefused, LLMSettings

MODES = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
    "json_grammar": instructor.Mode.JSON,  # json, and the answer schema sent for the server's grammar (``grammar_format``)
}
_TRANSIENT = (
    openai.RateLimitError,
    openai.InternalServerError,
    openai.APIConnectionError,  # includes APITimeoutError
    openai.APIResponseValidationError,  # an HTML error page with status 200
    TimeoutError,  # the whole-call deadline: retried once, after the server has had time to finish the abandoned answer
)
_TIMEOUTS = (TimeoutError, openai.APITimeoutError)
_REFUSED = (openai.AuthenticationError, openai.PermissionDeniedError, openai.NotFoundError)  # same answer for every chunk
MAX_RESPONSE_BYTES = 128 * 1024  # a chunk's honest answer is a few kB to a few tens; more is a runaway model or a wrong server
ESTIMATE_MARGIN = 1.1  # the estimate is tokenizer-free; a tenth more keeps a budget from being overrun by its error
_ERROR_PREVIEW = 200  # characters of a server's error message shown, after redaction


class ResponseTooLarge(Exception):
    """The server sent more than MAX_RESPONSE_BYTES; asking again would cost the same."""


class BudgetSpent(Exception):
    """The run's token budget is used up; no new call is sent."""


class NotAnswered(Exception):
    """A request that another channel (the Batch API) holds or did not answer; the message says why. Never retried."""


@dataclass
class CallResult:
    answer: BaseModel | None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    error: str = ""
    from_cache: bool = False
    raw: dict[str, Any] | None = None
    advice: str = ""  # what the user should change, for the console (a context too small, answers cut off)
    held_back: bool = False  # never sent (the token budget spent, the page's --doc-timeout passed): not the endpoint's failure


@dataclass
class UsageCounter:
    calls: int = 0  # HTTP requests sent, re-asks included
    retries: int = 0  # tenacity retries after transport faults
    splits: int = 0  # calls whose answer was cut off at the ceiling, asked again in two halves
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    failures: int = 0
    budget_exhausted: bool = False
    answered: int = 0  # HTTP responses of any status: the endpoint is there
    seconds_waiting: float = 0.0
    reasks: int = 0  # re-asks instructor sent after an invalid answer
    reasks_fixed: int = 0  # calls that got a valid answer after re-asking
    errors: dict[str, int] = field(default_factory=dict)

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


def root_cause(error: BaseException) -> BaseException:
    """The transport or parsing error that instructor wrapped."""
    while isinstance(error, InstructorRetryException) and error.__cause__ is not None:
        error = error.__cause__
    return error


def is_transient(error: BaseException) -> bool:
    cause = root_cause(error)
    if _caused_by(cause, ResponseTooLarge) or isinstance(cause, RunawayAnswer):
        return False
    return isinstance(cause, _TRANSIENT)


def is_transport_fault(error_text: str) -> bool:
    """Whether a failed call's error says the endpoint did not answer (as opposed to answering badly)."""
    return error_text.startswith(("APIConnectionError", "APITimeoutError", "TimeoutError"))


def _caused_by(error: BaseException | None, kind: type[BaseException]) -> bool:
    while error is not None:
        if isinstance(error, kind):
            return True
        error = error.__cause__ or error.__context__
    return False


def retry_after_seconds(error: BaseException) -> float | None:
    """Seconds a 429 (or 503) asks us to wait: Retry-After-Ms, Retry-After seconds or HTTP date."""
    cause = root_cause(error)
    response = getattr(cause, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    if headers.get("retry-after-ms"):
        try:
            return float(headers["retry-after-ms"]) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value)
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


_ATTEMPTS: contextvars.ContextVar[list[int]] = contextvars.ContextVar("attempts")  # requests of the instructor call running in this task
# --mode json_grammar: the response_format of the call running in this task (instructor's JSON mode writes a bare one)
_GRAMMAR: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("grammar", default=None)
_MARK_IDS = {"FigureLabel": "N", "QuoteLabel": "Q"}  # the answer shapes whose id names a mark of the prompt (prompting.py)


def grammar_format(answer_model: type[BaseModel]) -> dict[str, Any]:
    """The response_format of --mode json_grammar: llama.cpp's (llama-cpp-python's) JSON mode with the answer schema, which
    the server compiles into a grammar, so a small model cannot leave out a label's id or write one that is no mark (it
    wrote 1, 001, Q1 for a figure). Without maxItems (the converter spells out every allowed length: 140 kB of grammar
    for the anchored answer instead of 8 kB); the caps still hold where the answer is parsed."""
    schema = _without(answer_model.model_json_schema(), "maxItems")
    for name, letter in _MARK_IDS.items():
        shape = schema.get("$defs", {}).get(name)
        if shape is not None and "id" in shape.get("properties", {}):
            shape["properties"]["id"] = {"type": "string", "pattern": f"^{letter}[0-9]+$"}
    return {"type": "json_object", "schema": schema}


def _without(node: Any, key: str) -> Any:
    if isinstance(node, dict):
        return {name: _without(value, key) for name, value in node.items() if name != key}
    if isinstance(node, list):
        return [_without(value, key) for value in node]
    return node


class ModelCaller:
    """Sends chunk prompts to one endpoint; lives on one event loop.

    ``answer_from`` replaces the HTTP call (``chat.completions.create``) with
    another source of completions: the Batch API's answers, or a recorder that
    only keeps the requests (--batch, --dry-run). It gets the very keyword
    arguments the call would send.
    """

    def __init__(
        self,
        settings: LLMSettings,
        usage: UsageCounter,
        limits: CallLimits | None = None,
        answer_from: Callable[..., Awaitable[Any]] | None = None,
    ) -> None:
        self.settings = settings
        self.usage = usage
        self.limits = limits or LocalLimits(settings.concurrency, settings.max_tokens)
        self.redact = settings.redactor()
        key = settings.api_key()
        self._openai = openai.AsyncOpenAI(
            api_key=key.get_secret_value() if key else "not-needed",  # local servers ignore it
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_retries=0,
            http_client=openai.DefaultAsyncHttpxClient(event_hooks={"response": [self._note_answer, _refuse_declared_oversize]}),
        )
        completions = self._openai.chat.completions
        completions.create = _with_deadline(answer_from or completions.create, settings.timeout)  # type: ignore[method-assign]
        self._client = instructor.from_openai(self._openai, mode=MODES[settings.mode])
        self._client.on("completion:kwargs", self._count_call)
        self._backoff = wait_random_exponential(multiplier=0.5, max=settings.retry_max_wait)
        self._quiet_until = 0.0  # after a timeout, no call is sent before this (the server may still be busy)
        # instructor logs every failed attempt with the server's error body, which may echo the key; we report failures ourselves
        logging.getLogger("instructor").setLevel(logging.CRITICAL)

    def _count_call(self, *args: Any, **kwargs: Any) -> None:
        self.usage.calls += 1
        attempts = _ATTEMPTS.get(None)
        if attempts is not None:  # hooks run in the calling task: this call's own count
            attempts[0] += 1
            self.usage.reasks += attempts[0] > 1

    async def _note_answer(self, response: Any) -> None:
        self.usage.answered += 1

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        backoff = self._backoff(state)
        asked = retry_after_seconds(error) if error else None
        wait = min(self.settings.retry_max_wait, max(backoff, asked or 0.0))
        if isinstance(root_cause(error), _TIMEOUTS) if error else False:
            self._keep_quiet()  # every call waits, not only this one: the server is busy with the abandoned answer
            wait = max(0.0, self._quiet_until - time.monotonic())
        self.usage.seconds_waiting += wait
        return wait

    def _stopper(self) -> Callable[[RetryCallState], bool]:
        """--max-retries attempts; but a second timeout ends the call, and one retry only while the endpoint has never
        answered (down, a wrong host)."""
        timeouts = 0

        def stop(state: RetryCallState) -> bool:
            nonlocal timeouts
            error = state.outcome.exception() if state.outcome else None
            timeouts += error is not None and isinstance(root_cause(error), _TIMEOUTS)
            never_answered = self.usage.answered == 0 and state.attempt_number >= 2
            return state.attempt_number > self.settings.max_retries or never_answered or timeouts >= 2

        return stop

    def _before_sleep(self, state: RetryCallState) -> None:
        self.usage.retries += 1

    async def ask(
        self,
        messages: list[dict[str, str]],
        answer_model: type[BaseModel],
        context: dict[str, Any],
        max_tokens: int | None = None,
        ceiling: int | None = None,
    ) -> CallResult:
        """One chunk's answer, or a CallResult saying why there is none; raises only EndpointRefused and BudgetSpent.

        An answer cut off at ``max_tokens`` is asked once more with twice the budget (up to ``ceiling``:
        --max-output-tokens, or what the context leaves).
        """
        budget = max_tokens or self.settings.max_output_tokens
        result = await self._ask_within(messages, answer_model, context, budget)
        raised = min(2 * budget, ceiling or self.settings.max_output_tokens)
        if result.error.startswith("IncompleteOutputException") and raised > budget:
            spent = (result.prompt_tokens, result.completion_tokens)
            result = await self._ask_within(messages, answer_model, context, raised)
            result.prompt_tokens += spent[0]
            result.completion_tokens += spent[1]
            budget = raised
        if result.error.startswith("IncompleteOutputException"):
            result.error = f"IncompleteOutputException (the answer was cut off at max_tokens {budget})"
            result.advice = "answers were cut off at their token limit: lower --chunk-chars or raise --max-output-tokens"
        return result

    async def _ask_within(
        self, messages: list[dict[str, str]], answer_model: type[BaseModel], context: dict[str, Any], max_tokens: int
    ) -> CallResult:
        sent = estimate_tokens(str(messages)) + estimate_tokens(str(answer_model.model_json_schema()))
        estimate = round(ESTIMATE_MARGIN * sent) + max_tokens  # the answer cannot run past max_tokens: what the call may spend
        retrying = AsyncRetrying(
            stop=self._stopper(),
            wait=self._wait,
            retry=retry_if_exception(is_transient),
            before_sleep=self._before_sleep,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    async with self._reserved(estimate):
                        return await self._once(messages, answer_model, context, max_tokens)
        except BudgetSpent:
            raise
        except Exception as error:  # every failure of this chunk ends here: listed, and the rules stand in
            if isinstance(root_cause(error), _REFUSED):
                raise EndpointRefused(self._refusal(root_cause(error))) from None
            result = CallResult(None, error=_describe(error, self.redact))
            result.advice = _advice(root_cause(error), result.error)
            await self._add_usage(result, _failed_usage(error))
            lenient = _lenient_answer(error, answer_model) if isinstance(error, InstructorRetryException) else None
            if lenient is not None:  # re-asks exhausted on a context check: keep the answer, the validator judges it
                result.answer, result.error = lenient, ""
            return result
        raise AssertionError("unreachable: tenacity reraises")

    def _keep_quiet(self) -> None:
        """After a timeout, hold the next calls back: a local server is still generating the answer nobody waits for."""
        pause = min(self.settings.timeout, self.settings.retry_max_wait)
        self._quiet_until = max(self._quiet_until, time.monotonic() + pause)

    @contextlib.asynccontextmanager
    async def _reserved(self, estimate: int) -> AsyncIterator[None]:
        """Set the call's estimated tokens aside before sending; its real usage replaces them when it ends.

        The limits check and reserve at once, so concurrent calls (of this
        process, or of the cluster with cluster limits) see each other's reservations.
        """
        budget = self.settings.max_tokens
        if budget is not None and not await self.limits.reserve(estimate):
            self.usage.budget_exhausted = True
            raise BudgetSpent(f"token budget of {budget} spent or set aside for calls in flight; no further calls sent")
        try:
            yield
        finally:
            if budget is not None:
                await self.limits.release(estimate)

    async def _once(
        self, messages: list[dict[str, str]], answer_model: type[BaseModel], context: dict[str, Any], max_tokens: int
    ) -> CallResult:
        quiet = self._quiet_until - time.monotonic()
        if quiet > 0:
            await asyncio.sleep(quiet)
        attempts = [0]
        _ATTEMPTS.set(attempts)
        _GRAMMAR.set(grammar_format(answer_model) if self.settings.mode == "json_grammar" else None)
        answer, completion = await self._client.chat.completions.create_with_completion(
            model=self.settings.model,
            messages=messages,
            response_model=answer_model,
            max_retries=self.settings.max_reasks,
            context=context,
            temperature=self.settings.temperature,
            max_tokens=max_tokens,
        )
        self.usage.reasks_fixed += attempts[0] > 1  # re-asked, and the last answer was valid
        result = CallResult(answer)
        await self._add_usage(result, getattr(completion, "usage", None))
        return result

    async def _add_usage(self, result: CallResult, usage: Any) -> None:
        result.prompt_tokens = int(getattr(usage, "prompt_tokens", 0) or 0)
        result.completion_tokens = int(getattr(usage, "completion_tokens", 0) or 0)
        self.usage.prompt_tokens += result.prompt_tokens
        self.usage.completion_tokens += result.completion_tokens
        if self.settings.max_tokens is not None:
            await self.limits.spend(result.prompt_tokens + result.completion_tokens)

    def _refusal(self, error: BaseException) -> str:
        status = getattr(error, "status_code", "")
        what = {401: "refused the API key", 403: "refused access", 404: "does not know this model or URL"}.get(status, "refused the call")  # type: ignore[call-overload]
        body = getattr(error, "body", None)
        message = body.get("message", "") if isinstance(body, dict) else ""
        detail = f": {self.redact(str(message))[:_ERROR_PREVIEW]}" if message else ""
        return (
            f"the endpoint {self.settings.endpoint} {what} (HTTP {status}{detail}); "
            f"check --base-url, --model ({self.settings.model!r}) and the key in ${self.settings.api_key_env}"
        )

    async def close(self) -> None:
        await self._openai.close()


_CONTEXT_FIELDS = ("max_model_len", "context_length", "n_ctx", "context_window")  # vLLM, LM Studio/OpenRouter, llama.cpp
PROBE_SECONDS = 3.0


async def served_context(settings: LLMSettings) -> int | None:
    """The model's context size where the server says it: vLLM's /v1/models (max_model_len), llama.cpp's /props (n_ctx).

    Best effort and quick: any failure means unknown (then --context-tokens, or no fitting at all).
    """
    if settings.base_url is None:
        return None
    root = settings.base_url.removesuffix("/v1")
    key = settings.api_key()
    headers = {"Authorization": f"Bearer {key.get_secret_value()}"} if key else {}
    async with openai.DefaultAsyncHttpxClient(timeout=PROBE_SECONDS, headers=headers) as client:
        for url in (f"{settings.base_url}/models", f"{root}/props"):
            try:
                response = await client.get(url)
                found = _context_in(response.json(), settings.model) if response.status_code == 200 else None
            except Exception:  # any transport error or body: the size stays unknown
                found = None
            if found:
                return found
    return None


def _context_in(body: object, model: str) -> int | None:
    """A context size in a /models or /props answer: the named model's entry first, then any field that says one."""
    if isinstance(body, dict):
        entries = body.get("data") if isinstance(body.get("data"), list) else [body]
        named = [e for e in entries if isinstance(e, dict) and e.get("id") == model] or entries
        for entry in named:
            for place in (entry, entry.get("default_generation_settings", {}) if isinstance(entry, dict) else {}):
                for name in _CONTEXT_FIELDS:
                    value = place.get(name) if isinstance(place, dict) else None
                    if isinstance(value, int) and value > 0:
                        return value
    return None


def _with_deadline(create: Callable[..., Awaitable[Any]], seconds: float) -> Callable[..., Awaitable[Any]]:
    """The client's create, cut off ``seconds`` after sending: httpx's timeout only bounds each read.

    The answer's size is checked here too, before instructor parses it.
    """

    @functools.wraps(create)
    async def create_within_deadline(*args: Any, **kwargs: Any) -> Any:
        if isinstance(kwargs.get("messages"), list):
            kwargs["messages"] = slim_reask([_compact_schema(message) for message in kwargs["messages"]])
        grammar = _GRAMMAR.get()
        if grammar is not None:
            kwargs["response_format"] = grammar
        async with asyncio.timeout(seconds):
            completion = await create(*args, **kwargs)
        if _completion_size(completion) > MAX_RESPONSE_BYTES:
            raise ResponseTooLarge(f"answer of more than {MAX_RESPONSE_BYTES} bytes")
        return completion

    return create_within_deadline


def slim_reask(messages: list[Any]) -> list[Any]:
    """A re-ask as instructor builds it (the first ask, the invalid answer, the errors) sent without the invalid answer:
    the model answers the pages again with the errors before it, so a re-ask costs the first ask and the errors, not the
    answer too (an anchored answer is often longer than its pages). The fixed prefix stays first, so a server's prompt
    cache still holds it. In the tools mode the answer's tool call stays, its arguments emptied: the tool's reply that
    carries the errors needs its call."""
    roles = [message.get("role") if isinstance(message, dict) else None for message in messages]
    if "assistant" not in roles or not all(isinstance(message, dict) for message in messages):
        return messages
    answered = roles.index("assistant")
    note = template("reanswer").template.strip()
    errors = [{**message, "content": f"{note}\n{message.get('content') or ''}"} for message in messages[answered + 1 :]]
    calls = messages[answered].get("tool_calls")
    if not calls:
        return [*messages[:answered], *errors]
    if not all(isinstance(call, dict) and isinstance(call.get("function"), dict) for call in calls):
        return messages
    emptied = [{**call, "function": {**call["function"], "arguments": "{}"}} for call in calls]
    return [*messages[:answered], {**messages[answered], "tool_calls": emptied}, *errors]


_SCHEMA_PARAGRAPH = re.compile(
    r"As a genius expert, your task is to understand the content and provide\s+the parsed objects in json that match the following "
    r"json_schema:\s*(\{.*\})\s*Make sure to return an instance of the JSON, not the schema itself",
    re.DOTALL,
)


def _compact_schema(message: Any) -> Any:
    """instructor's JSON modes print the answer schema at indent 2 in the system message (about three times the tokens):
    the same schema in the project's own short notation (``schematext.py``); instructor still validates the answer."""
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str) or "json_schema:" not in content:
        return message
    match = _SCHEMA_PARAGRAPH.search(content)
    if match is None:
        return message
    try:
        schema = json.loads(match.group(1))
    except ValueError:
        return message
    sentence = schema_text(schema)
    before, after = content[: match.start()].rstrip(), content[match.end() :].strip()
    return {**message, "content": "\n".join(part for part in (before, sentence, after) if part)}


async def _refuse_declared_oversize(response: Any) -> None:
    """Refuse an answer whose Content-Length is over the cap before its body is read."""
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
        raise ResponseTooLarge(f"answer of {declared} bytes (cap {MAX_RESPONSE_BYTES})")


def _completion_size(completion: Any) -> int:
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return 0
    size = len(message.content or "")
    for call in getattr(message, "tool_calls", None) or ():
        size += len(getattr(getattr(call, "function", None), "arguments", "") or "")
    return size


def _failed_usage(error: BaseException) -> Any:
    """Tokens a failed call still cost: instructor's total over its attempts, or the truncated answer's."""
    usage = getattr(error, "total_usage", None)
    if usage is None:
        usage = getattr(getattr(error, "last_completion", None), "usage", None)
    return usage


def _describe(error: BaseException, redact: Callable[[str], str] | None = None) -> str:
    """What failed: error type, HTTP status, our own reasons, and for a 400 the server's message (redacted, shortened)."""
    cause = root_cause(error)
    if _caused_by(cause, ResponseTooLarge):
        return f"ResponseTooLarge (answer over {MAX_RESPONSE_BYTES} bytes)"
    if isinstance(cause, (RunawayAnswer, NotAnswered)):
        return f"{type(cause).__name__} ({cause})"
    name = type(cause).__name__
    status = getattr(cause, "status_code", None)
    if isinstance(cause, IncompleteOutputException):
        return f"{name} (the answer was cut off)"
    if isinstance(cause, _TIMEOUTS):
        return f"{name} (no whole answer within --timeout)"
    if status == 400 and redact is not None:
        message = _server_message(cause)
        return f"{name} (HTTP 400: {redact(message)[:_ERROR_PREVIEW]})" if message else f"{name} (HTTP 400)"
    return f"{name} (HTTP {status})" if status else name


def _server_message(error: BaseException) -> str:
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error") if isinstance(body.get("error"), dict) else body
        return str(inner.get("message", "") or "")
    return str(getattr(error, "message", "") or "")


_CONTEXT_WORDS = ("context", "too long", "maximum", "tokens")


def _advice(cause: BaseException, described: str) -> str:
    """What to change, for the console: a prompt the server's context cannot hold, or a model too slow for --timeout."""
    if getattr(cause, "status_code", None) == 400 and any(word in described.lower() for word in _CONTEXT_WORDS):
        return f"the server refused a prompt ({described}): lower --chunk-chars, or set --context-tokens to the server's context"
    if isinstance(cause, _TIMEOUTS):
        return "calls timed out: raise --timeout, or lower --chunk-chars or --concurrency (a local model answers one call at a time)"
    return ""


def _lenient_answer(error: InstructorRetryException, answer_model: type[BaseModel]) -> BaseModel | None:
    """The last answer, parsed without the context checks, when only those failed."""
    if not isinstance(root_cause(error), ValidationError):
        return None
    completion = getattr(error, "last_completion", None)
    raw = _completion_json(completion)
    if raw is None:
        return None
    try:
        return answer_model.model_validate_json(raw)  # structure only: no context, so no chunk checks
    except ValidationError:
        return None


def _completion_json(completion: Any) -> str | None:
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError):
        return None
    if getattr(message, "tool_calls", None):
        return message.tool_calls[0].function.arguments
    content = message.content or ""
    if "```" in content:
        content = content.split("```json")[-1].split("```")[0]
    return content or None
