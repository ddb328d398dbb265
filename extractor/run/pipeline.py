"""The data flow, end to end: load → normalize → segment → extract → merge → verify."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..backends import Backend, Page, get_backend
from ..backends.budget import TimeBudget, check_budget, within
from ..backends.rules.labels import metric_scope
from ..checks.confidence import assess
from ..checks.identity import DocumentZones
from ..checks.merge import merge_article
from ..checks.verify import settle_shared_numbers, verify_in_place
from ..domain.meta import document_meta
from ..domain.periods import resolve_figure_periods
from ..models import Article, DocumentMeta, DocumentResult
from ..text.load import LoadError, read_text
from ..text.normalize import NormalizedText, normalize
from ..text.segment import segment


def iter_articles(
    raw: str,
    backend: Backend,
    doc: str = "",
    meta: DocumentMeta | None = None,
    time_budget: TimeBudget | None = None,
) -> tuple[str, Iterator[Article]]:
    """Normalize a page and return its text and a generator of finished (verified) articles.

    ``meta`` (see ``meta.document_meta``) dates the page: figures' periods are resolved against it.
    With a ``time_budget``, the work on this page (here and in the generator) raises
    BudgetExceeded once it has taken longer than the budget.
    """
    published = meta.published if meta else ""
    with within(time_budget):
        normalized = normalize(raw)
        text = normalized.text
        check_budget()
        page = Page(doc, text, segment(text), meta)
        extracted = iter(backend.extract(page))  # a backend may start its work here (LLM calls)

    def articles() -> Iterator[Article]:
        zones = DocumentZones(text)  # zone identities: every spelling of one zone gets one park_id
        while True:
            with within(time_budget):  # the time between two articles is the caller's, not this page's
                article = next(extracted, None)
                if article is None:
                    return
                check_budget()
                title = article.title or (meta.title if meta is not None and article.index <= 1 else "")
                finished = _verified(merge_article(article, zones), normalized, published, title)
            yield finished

    return text, articles()


def _verified(article: Article, normalized: NormalizedText, published: str = "", title: str = "") -> Article:
    """Every record of a freshly extracted article through the validator (the article owns its records),
    and every figure's period words resolved to dates (whichever backend found them).

    The validator gets the offset map too, to check each printed number against the raw file.
    """
    for record in article.records():
        verify_in_place(record, normalized.text, normalized)
    settle_shared_numbers(article.figures)
    resolve_figure_periods(article.figures, published, title)
    for figure in article.figures:  # a sub-metric stays apart from its key's whole (高新技术产业营业收入)
        figure.metric_scope = figure.metric_scope or metric_scope(figure.metric, figure.metric_key)
    assess(article.figures, published)
    return article


def extract_text(
    raw: str,
    doc: str = "<text>",
    backend: Backend | str = "rules",
    meta: DocumentMeta | dict | None = None,
) -> DocumentResult:
    """Extract verified records from one page of text (raw, as read from a file).

    ``meta`` (a DocumentMeta or a dict with published, source, title, url) wins over
    what the page's headers say; a published date that is no date raises ValueError.
    """
    if not isinstance(backend, str):
        document = document_meta(raw, meta, origin="caller")
        text, articles = iter_articles(raw, backend, doc, document)
        return DocumentResult(doc=doc, text=text, meta=document, articles=list(articles))
    with get_backend(backend) as engine:  # a backend made here is closed here (the LLM backend runs a thread and a client)
        return extract_text(raw, doc, engine, meta)


def extract_file(
    path: str | Path, backend: Backend | str = "rules", meta: DocumentMeta | dict | None = None
) -> DocumentResult:
    """Extract from one file; a file that cannot be read gives a result with ``error`` set."""
    path = Path(path)
    try:
        loaded = read_text(path)
    except LoadError as exc:
        return DocumentResult(doc=path.name, text="", error=str(exc))
    return extract_text(loaded.text, path.name, backend, meta)
