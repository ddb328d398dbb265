"""One schema-constrained model call per chunk: instructor + openai, tenacity around it, tokens counted.

Two layers of retry, each bounded:
- instructor re-asks a structurally invalid answer (bad JSON, wrong shape,
  evidence not in the chunk) up to ``max_reasks`` times; every re-ask resends
  the conversation and its tokens count toward the budget;
- tenacity retries what the network and the server do: 429 (honouring
  Retry-After), 5xx, connection errors, timeouts and truncated answers, with
  exponential backoff, jitter and a cap on each wait and on the attempts.
The openai client's own retries are off so that only these two layers count.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from dataclasses import dataclass, field
from typing import Any

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel, ValidationError
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt, wait_random_exponential

from .settings import LLMSettings

MODES = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
}
_TRANSIENT = (
    openai.RateLimitError,
    openai.InternalServerError,
    openai.APIConnectionError,  # includes APITimeoutError
    openai.APIResponseValidationError,  # an HTML error page with status 200
    IncompleteOutputException,  # a truncated answer
)


class BudgetSpent(Exception):
    """The run's token budget is used up; no new call is sent."""


@dataclass
class CallResult:
    answer: BaseModel | None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    error: str = ""
    from_cache: bool = False
    raw: dict[str, Any] | None = None


@dataclass
class UsageCounter:
    calls: int = 0  # HTTP requests sent, re-asks included
    retries: int = 0  # tenacity retries after transport faults
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    failures: int = 0
    budget_exhausted: bool = False
    seconds_waiting: float = 0.0
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
    return isinstance(cause, (*_TRANSIENT, asyncio.TimeoutError))


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


class ModelCaller:
    """Sends chunk prompts to one endpoint; lives on one event loop."""

    def __init__(self, settings: LLMSettings, usage: UsageCounter) -> None:
        self.settings = settings
        self.usage = usage
        key = settings.api_key()
        self._openai = openai.AsyncOpenAI(
            api_key=key.get_secret_value() if key else "not-needed",  # local servers ignore it
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_retries=0,
        )
        self._client = instructor.from_openai(self._openai, mode=MODES[settings.mode])
        self._client.on("completion:kwargs", self._count_call)
        self._backoff = wait_random_exponential(multiplier=0.5, max=settings.retry_max_wait)

    def _count_call(self, *args: Any, **kwargs: Any) -> None:
        self.usage.calls += 1

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        backoff = self._backoff(state)
        asked = retry_after_seconds(error) if error else None
        wait = min(self.settings.retry_max_wait, max(backoff, asked or 0.0))
        self.usage.seconds_waiting += wait
        return wait

    def _before_sleep(self, state: RetryCallState) -> None:
        self.usage.retries += 1

    async def ask(self, messages: list[dict[str, str]], answer_model: type[BaseModel], context: dict[str, Any]) -> CallResult:
        if self.settings.max_tokens is not None and self.usage.tokens >= self.settings.max_tokens:
            self.usage.budget_exhausted = True
            raise BudgetSpent(f"token budget of {self.settings.max_tokens} spent; no further calls sent")
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.settings.max_retries + 1),
            wait=self._wait,
            retry=retry_if_exception(is_transient),
            before_sleep=self._before_sleep,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._once(messages, answer_model, context)
        except InstructorRetryException as error:
            usage = getattr(error, "total_usage", None)
            result = CallResult(None, error=_describe(error))
            self._add_usage(result, usage)
            lenient = _lenient_answer(error, answer_model)
            if lenient is not None:  # re-asks exhausted on a context check: keep the answer, the validator judges it
                result.answer, result.error = lenient, ""
            return result
        raise AssertionError("unreachable: tenacity reraises")

    async def _once(self, messages: list[dict[str, str]], answer_model: type[BaseModel], context: dict[str, Any]) -> CallResult:
        answer, completion = await self._client.chat.completions.create_with_completion(
            model=self.settings.model,
            messages=messages,
            response_model=answer_model,
            max_retries=self.settings.max_reasks,
            context=context,
        )
        result = CallResult(answer)
        self._add_usage(result, getattr(completion, "usage", None))
        return result

    def _add_usage(self, result: CallResult, usage: Any) -> None:
        result.prompt_tokens = int(getattr(usage, "prompt_tokens", 0) or 0)
        result.completion_tokens = int(getattr(usage, "completion_tokens", 0) or 0)
        self.usage.prompt_tokens += result.prompt_tokens
        self.usage.completion_tokens += result.completion_tokens

    async def close(self) -> None:
        await self._openai.close()


def _describe(error: BaseException) -> str:
    cause = root_cause(error)
    name = type(cause).__name__
    status = getattr(cause, "status_code", None)
    return f"{name} (HTTP {status})" if status else name


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
