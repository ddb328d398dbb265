"""Step 5, extract: a backend turns an article (and its chunks) into records."""

from __future__ import annotations

from typing import Protocol

from ..chunk import Chunk
from ..models import Article
from ..segment import Segment


class Backend(Protocol):
    name: str
    needs_chunks: bool  # False: the backend reads whole articles and the pipeline skips chunking

    def extract_article(self, text: str, segment: Segment, chunks: list[Chunk] | None = None) -> Article:
        """Records for one article of the normalized document ``text``."""
        ...


def get_backend(name: str) -> Backend:
    if name == "rules":
        from .rules import RulesBackend

        return RulesBackend()
    raise ValueError(f"unknown backend {name!r}; available: rules")
