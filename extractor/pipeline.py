"""The data flow, end to end: load → normalize → segment → chunk → extract → merge → verify."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .backends import Backend, get_backend
from .chunk import DEFAULT_BUDGET, chunk_article
from .identity import DocumentZones
from .load import LoadError, read_text
from .merge import merge_article
from .models import Article, DocumentResult
from .normalize import normalize
from .segment import segment
from .verify import settle_shared_numbers, verify_in_place


def iter_articles(raw: str, backend: Backend, chunk_budget: int = DEFAULT_BUDGET, doc: str = "") -> tuple[str, Iterator[Article]]:
    """Normalize a page and return its text and a generator of finished (verified) articles."""
    text = normalize(raw).text
    segments = segment(text)
    chunks = (
        {part.index: chunk_article(text, part.start, part.end, part.index, chunk_budget) for part in segments}
        if backend.needs_chunks
        else {}
    )

    extracted = backend.extract_articles(text, segments, chunks, doc)  # a backend may start its work here (LLM calls)

    def articles() -> Iterator[Article]:
        zones = DocumentZones(text)  # zone identities: every spelling of one zone gets one park_id
        for article in extracted:
            yield _verified(merge_article(article, zones), text)

    return text, articles()


def _verified(article: Article, text: str) -> Article:
    """Every record of a freshly extracted article through the validator (the article owns its records)."""
    for record in article.records():
        verify_in_place(record, text)
    settle_shared_numbers(article.figures)
    return article


def extract_text(raw: str, doc: str = "<text>", backend: Backend | str = "rules", chunk_budget: int = DEFAULT_BUDGET) -> DocumentResult:
    """Extract verified records from one page of text (raw, as read from a file)."""
    if not isinstance(backend, str):
        text, articles = iter_articles(raw, backend, chunk_budget, doc)
        return DocumentResult(doc=doc, text=text, articles=list(articles))
    engine = get_backend(backend)
    try:
        return extract_text(raw, doc, engine, chunk_budget)
    finally:
        engine.close()  # a backend made here is closed here (the LLM backend runs a thread and a client)


def extract_file(path: str | Path, backend: Backend | str = "rules", chunk_budget: int = DEFAULT_BUDGET) -> DocumentResult:
    """Extract from one file; a file that cannot be read gives a result with ``error`` set."""
    path = Path(path)
    try:
        loaded = read_text(path)
    except LoadError as exc:
        return DocumentResult(doc=path.name, text="", error=str(exc))
    return extract_text(loaded.text, path.name, backend, chunk_budget)
