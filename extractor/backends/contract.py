"""The backend contract: a page in, its articles' records out.

A backend is a context manager (the LLM backend runs a thread and a client
that ``close`` stops). How it reads a page is its own affair: the rules read
whole articles, the LLM backend cuts them into chunks that fit a model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol

from ..models import Article, DocumentMeta
from ..text.segment import Segment
from .usage import Usage


@dataclass(frozen=True)
class Page:
    """One normalized document as a backend reads it: its name, text, articles' segments and publication facts."""

    doc: str
    text: str
    segments: list[Segment]
    meta: DocumentMeta | None = None  # dates the page (None: unknown)


class Backend(Protocol):
    name: str

    def extract(self, page: Page) -> Iterator[Article]:
        """Records for each article of the page, in order. A backend may start its work at once (the LLM backend
        sends its calls), so that the next page can be prepared while this one is written."""
        ...

    def usage(self) -> Usage:
        """Calls, tokens, retries and failures so far (empty for offline backends)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Backend: ...

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None: ...


class Closing:
    """``with backend:`` for any backend with a ``close``: a mixin."""

    def close(self) -> None:
        return None

    def __enter__(self):
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()
