"""The LLM backend's defaults and errors, apart from its settings class: the CLI builds its options and catches these
errors on every run, and pydantic_settings (which LLMSettings needs) costs a rules run its import for nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ...errors import BackendAborted, ExtractorError
from .chunks import DEFAULT_BUDGET

InstructorModeName = Literal["tools", "json", "json_schema", "md_json", "json_grammar"]
"""instructor's modes, and json_grammar: json with the answer schema in response_format for llama.cpp's grammar (calls.py)"""


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zone-extractor"


DEFAULT_ENDPOINT = "https://api.openai.com/v1"
DEFAULT_CHUNK_CHARS = DEFAULT_BUDGET


class ConfigurationError(ExtractorError):
    """The LLM backend cannot start with this configuration; the message says what to set."""


class EndpointRefused(ConfigurationError, BackendAborted):
    """The endpoint answered 401, 403 or 404: the key, the model or the URL is wrong, for every chunk alike."""

    exit_code = 2


class EndpointUnavailable(BackendAborted):
    """The endpoint does not answer (refused connections, timeouts): the run stops instead of waiting on every chunk."""

    exit_code = 1


PACKING_PAGES_AHEAD = 16  # short pages (a few hundred characters) that may meet in one call of the default chunk budget
LOCAL_PRESET = {
    "concurrency": 1, "timeout": 900.0, "max_retries": 1, "retry_max_wait": 60.0, "max_output_tokens": 2048, "model_labels": "rules",
}
"""--local: a model on CPU answers one call at a time at 2–10 tokens/s, so a call may take minutes (flags given win); such a
model is small, and its labels yield to those the rules read from the text (data/model_labels.toml)."""
