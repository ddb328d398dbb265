"""Step 5, extract: a backend turns the articles of a page (and their chunks) into records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol

from ..chunk import Chunk
from ..models import Article, DocumentMeta
from ..segment import Segment

if TYPE_CHECKING:
    from .llm.settings import LLMSettings

BACKENDS = ("rules", "llm")


class BackendAborted(Exception):
    """The backend cannot go on (an endpoint refused the key, or does not answer): the run stops.

    Every other failure is one document's or one chunk's, reported and stood in
    for; this one ends the run with ``exit_code`` (2 configuration, 1 run failed).
    """

    exit_code = 1
    ends_run = True  # the outputs undo the current document and let it through, instead of failing that document only


class Backend(Protocol):
    name: str
    needs_chunks: bool  # False: the backend reads whole articles and the pipeline skips chunking
    prefetch_pages: int  # pages the runner prepares ahead, so that slow work (model calls) overlaps

    def extract_articles(
        self, text: str, segments: list[Segment], chunks: dict[int, list[Chunk]], doc: str = "", meta: DocumentMeta | None = None
    ) -> Iterator[Article]:
        """Records for each article of the normalized page ``text``, in order; ``meta`` dates the page (None: unknown)."""
        ...

    def usage(self) -> dict[str, Any]:
        """Calls, tokens, retries and failures so far, for run.json (empty for offline backends)."""
        ...

    def close(self) -> None: ...


def get_backend(name: str, settings: LLMSettings | None = None, chunk_budget: int | None = None) -> Backend:
    if name == "rules":
        from .rules import RulesBackend

        return RulesBackend()
    if name == "llm":
        from .llm.settings import ConfigurationError, LLMSettings

        settings = settings or LLMSettings()
        settings.check()
        try:
            from .llm.backend import LLMBackend
        except ImportError as exc:
            raise ConfigurationError(f"the LLM backend needs its extra: pip install 'zone-extractor[llm]' ({exc.name} is missing)") from exc
        return LLMBackend(settings) if chunk_budget is None else LLMBackend(settings, chunk_budget)
    raise ValueError(f"unknown backend {name!r}; available: {', '.join(BACKENDS)}")
