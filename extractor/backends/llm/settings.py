"""Configuration of the LLM backend, the way the OpenAI ecosystem does it.

``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` (or ``EXTRACTOR_*`` overrides, or
CLI flags) select any OpenAI-compatible endpoint: OpenAI, DeepSeek, Qwen
(DashScope compatible mode), Moonshot, Zhipu, vLLM, Ollama, llama.cpp.
The key is read from the environment variable named by ``api_key_env`` and
kept as a SecretStr: it is never printed, logged or written to run.json.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .defaults import (  # noqa: F401 - re-exported: the LLM modules import these from here
    DEFAULT_CHUNK_CHARS,
    DEFAULT_ENDPOINT,
    LOCAL_PRESET,
    PACKING_PAGES_AHEAD,
    ConfigurationError,
    EndpointRefused,
    EndpointUnavailable,
    InstructorModeName,
    default_cache_dir,
)
from .labelpolicy import label_policy
from .redact import Redactor, public_url, url_secrets


class LLMSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EXTRACTOR_", extra="ignore", populate_by_name=True)

    base_url: str | None = Field(default=None, validation_alias=AliasChoices("EXTRACTOR_BASE_URL", "OPENAI_BASE_URL", "base_url"))
    model: str = Field(default="gpt-4o-mini", validation_alias=AliasChoices("EXTRACTOR_MODEL", "OPENAI_MODEL", "model"))
    api_key_env: str = "OPENAI_API_KEY"
    mode: InstructorModeName = "tools"
    extraction: Literal["anchored", "free"] = "anchored"
    concurrency: int = Field(default=4, ge=1, le=256)
    timeout: float = Field(default=60.0, gt=0, description="seconds for one HTTP call, from sending to the last byte")
    max_retries: int = Field(default=4, ge=0, description="transport retries per call (429, 5xx, timeouts)")
    max_reasks: int = Field(default=1, ge=0, description="re-asks of a structurally invalid answer")
    retry_max_wait: float = Field(default=20.0, gt=0, description="cap on one backoff wait, Retry-After included")
    max_tokens: int | None = Field(default=None, ge=1, description="token budget for the run")
    temperature: float = Field(default=0.0, ge=0, le=2, description="sampling temperature sent with every call (0: reproducible)")
    max_output_tokens: int = Field(default=8192, ge=64, description="ceiling on one answer's max_tokens (sized from its candidates)")
    context_tokens: int | None = Field(default=None, ge=256, description="the model's context; read from the server when it says")
    model_labels: str = Field(default="model", description="where the rules' labels stand against the model's (data/model_labels.toml)")
    chunk_chars: int = Field(default=DEFAULT_CHUNK_CHARS, ge=1, description="a chunk's characters at most (cut smaller to fit the context)")
    cache: bool = True
    cache_dir: Path = Field(default_factory=default_cache_dir)

    @field_validator("model_labels")
    @classmethod
    def _known_policy(cls, value: str) -> str:
        label_policy(value)  # raises, naming the policies there are
        return value

    @field_validator("base_url")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        return value.rstrip("/") if value else value

    @property
    def endpoint(self) -> str:
        """The endpoint as it may be shown and written: no credentials."""
        return public_url(self.base_url or DEFAULT_ENDPOINT)

    @property
    def pages_ahead(self) -> int:
        """Pages a run prepares ahead of the one it writes, so that their calls overlap (a page is a few calls), and so
        that short pages can fill a call together: a call still open is sent when the page it began with is written."""
        return max(PACKING_PAGES_AHEAD, self.concurrency // 2)

    def resume_settings(self) -> dict[str, str]:
        """What the records depend on among these settings: a --resume with others is refused."""
        settings = {"chunk_chars": str(self.chunk_chars), "base_url": public_url(self.base_url) if self.base_url else ""}
        return {**settings, **{name: str(getattr(self, name)) for name in ("model", "mode", "extraction", "model_labels")}}

    def redactor(self) -> Redactor:
        secrets = url_secrets(self.base_url)
        key = self.api_key()
        if key is not None:
            secrets.append(key.get_secret_value())
        return Redactor(secrets)

    def api_key(self) -> SecretStr | None:
        value = os.environ.get(self.api_key_env)
        return SecretStr(value) if value else None

    def check(self) -> None:
        """Fail at once, with what to set, when no endpoint is configured."""
        if self.base_url is None and self.api_key() is None:
            raise ConfigurationError(
                f"--backend llm needs an endpoint: set {self.api_key_env} (for OpenAI) or OPENAI_BASE_URL / --base-url "
                "(for DeepSeek, Qwen, vLLM, Ollama, llama.cpp …); without one, use the default offline backend (--backend rules)"
            )
        if self.base_url is not None:
            _check_url(self.base_url)


def _check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 -- raises on a port that is not a number
    except ValueError as exc:
        raise ConfigurationError(f"--base-url {public_url(url)!r} is not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not host:
        raise ConfigurationError(
            f"--base-url {public_url(url)!r} must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:11434/v1"
        )
