"""Step 5, extract: a backend turns a page's articles into records (the contract: ``contract.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import BackendAborted
from .contract import Backend, Page
from .rules import RulesBackend
from .usage import Usage

if TYPE_CHECKING:
    from .llm.limits import CallLimits
    from .llm.settings import LLMSettings

__all__ = ["BACKENDS", "Backend", "BackendAborted", "Page", "Usage", "get_backend"]

BACKENDS = ("rules", "llm")


def get_backend(name: str, settings: LLMSettings | None = None, limits: CallLimits | None = None) -> Backend:
    """The backend called ``name``; the LLM backend with ``settings`` (its candidates: the rules backend) and ``limits``
    (a cluster's, shared by its workers; None: its own)."""
    if name == "rules":
        return RulesBackend()
    if name == "llm":
        from .llm.settings import ConfigurationError, LLMSettings  # light, but only an LLM run needs it

        settings = settings or LLMSettings()
        settings.check()
        try:
            from .llm.backend import LLMBackend  # openai and instructor: the extra ``llm``, imported only when used
        except ImportError as exc:
            raise ConfigurationError(f"the LLM backend needs its extra: pip install 'zone-extractor[llm]' ({exc.name} is missing)") from exc
        return LLMBackend(settings, RulesBackend(), limits)
    raise ValueError(f"unknown backend {name!r}; available: {', '.join(BACKENDS)}")
