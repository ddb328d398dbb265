"""Prompts from the plain-text templates in ``prompts/``, one call per batch of chunks.

A call carries one or more consecutive chunks of a page, each under its own
article title and park, up to the chunk budget: short articles share a call,
so the fixed cost of a call (instructions and answer schema) is paid less often.

In the anchored mode the rules backend's candidates travel with the text:
each number is marked in place ({N1}…), which costs a few tokens per number
instead of a second copy of its context, and quote candidates are listed by
their opening words. The model labels them; numbers come from the text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from string import Template

from ...models import Article, Figure, Quote
from ...text.structure import Outline
from .chunks import Chunk

TEMPLATE_NAMES = ("system", "anchored", "free", "article")
_QUOTE_PREVIEW = 20  # characters of a quote candidate shown to the model
# How candidates are shown, for whoever reads a prompt back (the test server): a number is marked in place by
# its id in braces ({N1}), a quote is listed by its id and opening words (Q1: …)
FIGURE_ID, QUOTE_ID = "N", "Q"
FIGURE_MARK = re.compile(r"\{(" + FIGURE_ID + r"\d+)\}")
QUOTE_LINE = re.compile(r"^(" + QUOTE_ID + r"\d+): (.*)$", re.MULTILINE)


@cache
def template(name: str) -> Template:
    return Template(resources.files("extractor.prompts").joinpath(f"{name}.txt").read_text(encoding="utf-8"))


@cache
def prompt_version() -> str:
    """Changes whenever a template changes, so cached answers to old prompts are not reused."""
    digest = hashlib.sha256()
    for name in TEMPLATE_NAMES:
        digest.update(template(name).template.encode("utf-8"))
    return digest.hexdigest()[:12]


def text_markers() -> tuple[str, str]:
    """The lines the article template sets around a chunk's text (<<<TEXT and TEXT>>>)."""
    before, after = template("article").template.split("$text")
    return before.rstrip("\n").rsplit("\n", 1)[-1], after.lstrip("\n").split("\n", 1)[0]


def value_start(figure: Figure) -> int:
    """Where the figure's number starts in the document: its evidence ends with it."""
    assert figure.evidence is not None
    return figure.evidence.start + figure.evidence.text.rfind(figure.value_text)


@dataclass
class Part:
    """One chunk of one article inside a call, with the candidates found in it."""

    article: Article
    chunk: Chunk
    figures: dict[str, Figure] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    headings: str = ""  # the headings the chunk sits under, outermost first: the scope of its periods and subjects


@dataclass
class Batch:
    """What one call carries: chunks of one page, and the page's publication date (ISO, may be empty)."""

    parts: list[Part]
    published: str = ""

    @property
    def figure_ids(self) -> set[str]:
        return {mark for part in self.parts for mark in part.figures}

    @property
    def quote_ids(self) -> set[str]:
        return {mark for part in self.parts for mark in part.quotes}

    def plain_text(self) -> str:
        return "\n".join(part.chunk.text for part in self.parts)


def batches(chunks: list[tuple[Article, Chunk]], budget: int, published: str = "", text: str = "") -> list[Batch]:
    """Consecutive chunks of a page packed into calls of at most ``budget`` characters (one chunk always fits).

    With the page's ``text``, each chunk carries the headings it sits under (``extractor/text/structure.py``), so the
    model sees the period and subject scope the rules see.
    """
    packed: list[Batch] = []
    size = 0
    outlines: dict[int, Outline] = {}
    for article, chunk in chunks:
        part = Part(article, chunk, headings=_heading_path(text, article, chunk, outlines) if text else "")
        if packed and size + len(chunk.text) <= budget:
            packed[-1].parts.append(part)
            size += len(chunk.text)
        else:
            packed.append(Batch([part], published))
            size = len(chunk.text)
    for batch in packed:
        _number_candidates(batch)
    return packed


def _heading_path(text: str, article: Article, chunk: Chunk, outlines: dict[int, Outline]) -> str:
    """一、2023年工作回顾 > （一）产业升级: the headings governing the chunk's start, outermost first."""
    if article.index not in outlines:
        outlines[article.index] = Outline(text, article.start, article.end)
    path = outlines[article.index].governing(chunk.start)
    return " > ".join(heading.text for heading in reversed(path))


def _number_candidates(batch: Batch) -> None:
    figure_count = quote_count = 0
    for part in batch.parts:
        chunk = part.chunk
        inside = sorted((f for f in part.article.figures if f.evidence and chunk.start <= value_start(f) < chunk.end), key=value_start)
        for figure in inside:
            figure_count += 1
            part.figures[f"{FIGURE_ID}{figure_count}"] = figure
        for quote in part.article.quotes:
            if quote.evidence and chunk.start <= quote.evidence.start < chunk.end:
                quote_count += 1
                part.quotes[f"{QUOTE_ID}{quote_count}"] = quote


def messages(batch: Batch, extraction: str) -> list[dict[str, str]]:
    """The call's messages: everything fixed first (the system message: instructions for the mode), byte-identical
    across a run's calls so that a server's prompt cache holds it; everything variable (date, quotes, texts) after it."""
    anchored = extraction == "anchored"
    blocks = "\n".join(
        template("article")
        .substitute(
            title=_title(part),
            park=part.article.park or "-",
            section=f"\nSection: {part.headings}" if part.headings else "",
            text=_marked(part) if anchored else part.chunk.text,
        )
        .strip()
        for part in batch.parts
    )
    published = batch.published or "unknown"
    quotes = _quote_lines(batch) if anchored else ""
    user = f"Published: {published}.\n{quotes}{blocks}"
    return [{"role": "system", "content": system_prompt(extraction)}, {"role": "user", "content": user}]


@cache
def system_prompt(extraction: str) -> str:
    """The fixed part of every call of a mode: the shared instructions, then the mode's."""
    return f"{template('system').template.strip()}\n{template(extraction).template.strip()}"


def _title(part: Part) -> str:
    """The article's title, unless the chunk prints it already (the first chunk of an article): no need to pay for it twice."""
    title = part.article.title
    if not title:
        return "-"
    return "in the text" if title in part.chunk.text else title


def _marked(part: Part) -> str:
    chunk = part.chunk
    pieces, position = [], chunk.start
    for mark, figure in part.figures.items():
        start = value_start(figure)
        pieces.append(chunk.text[position - chunk.start : start - chunk.start])
        pieces.append(f"{{{mark}}}")  # FIGURE_MARK reads it back
        position = start
    pieces.append(chunk.text[position - chunk.start :])
    return "".join(pieces)


def _quote_lines(batch: Batch) -> str:
    quotes = [(mark, quote) for part in batch.parts for mark, quote in part.quotes.items()]
    return "".join(f"{mark}: {quote.text[:_QUOTE_PREVIEW]}…\n" for mark, quote in quotes)
