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

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

InstructorModeName = Literal["tools", "json", "json_schema", "md_json"]


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zone-extractor"


class ConfigurationError(Exception):
    """The LLM backend cannot start with this configuration; the message says what to set."""


class LLMSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EXTRACTOR_", extra="ignore", populate_by_name=True)

    base_url: str | None = Field(default=None, validation_alias=AliasChoices("EXTRACTOR_BASE_URL", "OPENAI_BASE_URL", "base_url"))
    model: str = Field(default="gpt-4o-mini", validation_alias=AliasChoices("EXTRACTOR_MODEL", "OPENAI_MODEL", "model"))
    api_key_env: str = "OPENAI_API_KEY"
    mode: InstructorModeName = "tools"
    extraction: Literal["anchored", "free"] = "anchored"
    concurrency: int = Field(default=4, ge=1, le=256)
    timeout: float = Field(default=60.0, gt=0, description="seconds for one HTTP call")
    max_retries: int = Field(default=4, ge=0, description="transport retries per call (429, 5xx, timeouts)")
    max_reasks: int = Field(default=1, ge=0, description="re-asks of a structurally invalid answer")
    retry_max_wait: float = Field(default=20.0, gt=0, description="cap on one backoff wait, Retry-After included")
    max_tokens: int | None = Field(default=None, ge=1, description="token budget for the run")
    cache: bool = True
    cache_dir: Path = Field(default_factory=default_cache_dir)

    @field_validator("base_url")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        return value.rstrip("/") if value else value

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
