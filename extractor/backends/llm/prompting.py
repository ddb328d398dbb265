"""Prompts from the plain-text templates in ``prompts/``, one call per batch of chunks.

A call carries one or more consecutive chunks, each under its own article title
and park, up to the chunk budget: short articles share a call, and so do short
pages (``Packer``), so the fixed cost of a call (instructions and answer schema)
is paid less often. The chunks of each page come under a line naming the page
by its place in the call (not its date: the pipeline resolves period words); candidate ids are numbered
across the whole call, so a label names one candidate of one page.

In the anchored mode the rules backend's candidates travel with the text:
each number is marked in place (<N1>…), which costs a few tokens per number
instead of a second copy of its context, and so is each quote candidate (<Q1>
where its words start). The model labels them; numbers come from the text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from string import Template

from ...models import Article, Figure, Quote
from ...text.structure import Outline
from .chunks import Chunk
from .schematext import INTRODUCTION

TEMPLATE_NAMES = ("system", "anchored", "free", "article", "reanswer")
# How candidates are shown, for whoever reads a prompt back (the test server): each is marked in place by its id in
# angle brackets, a number where it starts (<N1>), a quote where its words start (<Q1>): three or four tokens each
# (braces cost one more), and no bracket Chinese news prints in ASCII
FIGURE_ID, QUOTE_ID = "N", "Q"
FIGURE_MARK = re.compile(r"<(" + FIGURE_ID + r"\d+)>")
QUOTE_MARK = re.compile(r"<(" + QUOTE_ID + r"\d+)>")
ANY_MARK = re.compile(r"<[" + FIGURE_ID + QUOTE_ID + r"]\d+>")
# A call's pages, for the model and whoever reads a prompt back: its place in the call only. Not its publication date:
# the model gives period words and the pipeline resolves them against the date (a 1.5B model copied the date into
# every label's period instead), and a date is ten digits, ten Qwen tokens a page
PAGE_HEADER = "Page {number}:"
PAGE_LINE = re.compile(r"^Page (\d+)(?:, [^\n]*)?:$", re.MULTILINE)


@cache
def template(name: str) -> Template:
    return Template(resources.files("extractor.prompts").joinpath(f"{name}.txt").read_text(encoding="utf-8"))


@cache
def prompt_version() -> str:
    """Changes whenever a template changes, or the prompt text the code writes (the page line, the schema's notation),
    so cached answers to old prompts are not reused."""
    digest = hashlib.sha256()
    for name in TEMPLATE_NAMES:
        digest.update(template(name).template.encode("utf-8"))
    for written in (PAGE_HEADER, INTRODUCTION):
        digest.update(written.encode("utf-8"))
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
    text: str = ""  # the page's normalized text, which the chunk's offsets index
    doc: str = ""  # the page's name: parts of one page share it
    published: str = ""  # the page's publication date (ISO, may be empty)
    key: str = ""  # its cache key, taken when the page is read (``settled.part_key``), before answers change its records


@dataclass
class Batch:
    """What one call carries: chunks of one or more pages (each part knows its page).

    ``first_page`` is the number the prompt gives its first page: a half of a split call keeps its pages' numbers.
    """

    parts: list[Part]
    first_page: int = 1

    @property
    def figure_ids(self) -> set[str]:
        return {mark for part in self.parts for mark in part.figures}

    @property
    def quote_ids(self) -> set[str]:
        return {mark for part in self.parts for mark in part.quotes}

    @property
    def figure_order(self) -> list[tuple[str, str]]:
        """The call's figure candidates in the order the prompt marks them: (mark, printed number). An answer's labels
        that come without ids are placed by it (``answers.placed_labels``)."""
        return [(mark, figure.value_text) for part in self.parts for mark, figure in part.figures.items()]

    def pages(self) -> list[list[Part]]:
        """The call's parts grouped by page, in order: page n of the prompt is ``pages()[n - 1]``."""
        pages: list[list[Part]] = []
        for part in self.parts:
            if pages and pages[-1][0].doc == part.doc and pages[-1][0].text is part.text:
                pages[-1].append(part)
            else:
                pages.append([part])
        return pages

    def page_of(self, part: Part) -> int:
        """The number of the part's page in the prompt (``first_page`` for the first)."""
        return next(number for number, parts in enumerate(self.pages(), self.first_page) if any(p is part for p in parts))

    def plain_text(self) -> str:
        return "\n".join(part.chunk.text for part in self.parts)


def page_parts(chunks: list[tuple[Article, Chunk]], text: str = "", doc: str = "", published: str = "") -> list[Part]:
    """A page's chunks as parts of calls. With the page's ``text``, each chunk carries the headings it sits under
    (``extractor/text/structure.py``), so the model sees the period and subject scope the rules see."""
    outlines: dict[int, Outline] = {}
    page = {"text": text, "doc": doc, "published": published}
    return [
        Part(article, chunk, headings=_heading_path(text, article, chunk, outlines) if text else "", **page) for article, chunk in chunks
    ]


class Packer:
    """Parts packed into calls in the order they come, each call up to ``budget`` characters of text (one part always fits).

    Where the model's context is known, a call also holds no more than ``room`` tokens by ``weigh`` (a part's prompt
    and the answer its candidates need), so that short pages with few candidates share a call a small context holds,
    and no more answer than ``answer_room`` by ``answer_weigh`` (the answer ceiling, --max-output-tokens), so that a
    call whose text the context holds is not cut off for its answer.
    Parts of several pages share a call: ``add`` returns the calls that are full (a part that did not fit
    opened the next one); ``flush`` closes the call still open. The same parts in the same order give the same
    calls, so a rerun asks the very prompts it cached.
    """

    def __init__(
        self,
        budget: int,
        room: int | None = None,
        weigh: Callable[[Part], int] | None = None,
        answer_room: int | None = None,
        answer_weigh: Callable[[Part], int] | None = None,
    ) -> None:
        self.budget = budget
        self.room = room if weigh is not None else None
        self.answer_room = answer_room if answer_weigh is not None else None
        self._weigh = weigh
        self._answer_weigh = answer_weigh
        self._open: list[Part] = []
        self._size = 0
        self._weight = 0
        self._answer = 0

    def add(self, parts: list[Part]) -> list[Batch]:
        full = []
        for part in parts:
            weight = self._weigh(part) if self._weigh is not None else 0
            answer = self._answer_weigh(part) if self._answer_weigh is not None else 0
            too_heavy = self.room is not None and self._weight + weight > self.room
            too_heavy |= self.answer_room is not None and self._answer + answer > self.answer_room
            if self._open and (self._size + len(part.chunk.text) > self.budget or too_heavy):
                full.append(self.flush())
            self._open.append(part)
            self._size += len(part.chunk.text)
            self._weight += weight
            self._answer += answer
        return [batch for batch in full if batch is not None]

    def flush(self) -> Batch | None:
        """The open call, closed and its candidates numbered; None when nothing is open."""
        if not self._open:
            return None
        batch = Batch(self._open)
        _number_candidates(batch)
        self._open, self._size, self._weight, self._answer = [], 0, 0, 0
        return batch

    @property
    def holding(self) -> list[Part]:
        """The parts of the call still open."""
        return list(self._open)


def batches(chunks: list[tuple[Article, Chunk]], budget: int, published: str = "", text: str = "", doc: str = "") -> list[Batch]:
    """One page's chunks packed into calls of at most ``budget`` characters (see ``Packer``)."""
    packer = Packer(budget)
    packed = packer.add(page_parts(chunks, text, doc, published))
    last = packer.flush()
    return packed + ([last] if last is not None else [])


def _heading_path(text: str, article: Article, chunk: Chunk, outlines: dict[int, Outline]) -> str:
    """一、2023年工作回顾 > （一）产业升级: the headings governing the chunk's start, outermost first."""
    if article.index not in outlines:
        outlines[article.index] = Outline(text, article.start, article.end)
    path = outlines[article.index].governing(chunk.start)
    return " > ".join(heading.text for heading in reversed(path))


def _number_candidates(batch: Batch) -> None:
    figure_count = quote_count = 0
    for part in batch.parts:
        figures, quotes = candidates_in(part)
        for figure in figures:
            figure_count += 1
            part.figures[f"{FIGURE_ID}{figure_count}"] = figure
        for quote in quotes:
            quote_count += 1
            part.quotes[f"{QUOTE_ID}{quote_count}"] = quote


def candidates_in(part: Part) -> tuple[list[Figure], list[Quote]]:
    """The candidates the part's chunk holds (before a call numbers them): its figures in text order, its quotes."""
    chunk = part.chunk
    figures = sorted((f for f in part.article.figures if f.evidence and chunk.start <= value_start(f) < chunk.end), key=value_start)
    quotes = [q for q in part.article.quotes if q.evidence and chunk.start <= q.evidence.start < chunk.end]
    return figures, quotes


def messages(batch: Batch, extraction: str) -> list[dict[str, str]]:
    """The call's messages: everything fixed first (the system message: instructions for the mode), byte-identical
    across a run's calls so that a server's prompt cache holds it; everything variable (pages, dates, quotes, texts) after it."""
    anchored = extraction == "anchored"
    user = "\n".join(_page_block(number, parts, anchored) for number, parts in enumerate(batch.pages(), batch.first_page))
    return [{"role": "system", "content": system_prompt(extraction)}, {"role": "user", "content": user}]


def _page_block(number: int, parts: list[Part], anchored: bool) -> str:
    """One page of a call: its header line (its place in the call), then its chunks."""
    blocks = "\n".join(
        template("article").substitute(about=_about(part), text=_marked(part) if anchored else part.chunk.text).strip() for part in parts
    )
    return f"{PAGE_HEADER.format(number=number)}\n{blocks}"


def _about(part: Part) -> str:
    """The chunk's title, park and section, each on its line where known and not already plain in the chunk: nothing is
    paid for what is not known, nor for what the text says itself."""
    lines = [f"Title: {part.article.title}" if part.article.title and part.article.title not in part.chunk.text else ""]
    lines += [f"Park: {part.article.park}" if part.article.park and not _names_only_its_park(part) else ""]
    lines += [f"Section: {part.headings}" if part.headings else ""]
    return "\n".join(line for line in lines if line)


def _names_only_its_park(part: Part) -> bool:
    """Whether the chunk names the article's park and no other park the article names: the park line would say
    nothing the text does not (where the chunk names another park too, the line says which one the article is about)."""
    text, own = part.chunk.text, part.article.park
    parks = [park for park in part.article.parks if own != park.name and own not in park.aliases]
    others = {name for park in parks for name in (park.name, *park.aliases) if name and name not in own}
    return own in text and not any(name in text for name in others)


@cache
def system_prompt(extraction: str) -> str:
    """The fixed part of every call of a mode: the shared instructions, then the mode's."""
    return f"{template('system').template.strip()}\n{template(extraction).template.strip()}"


def _marked(part: Part) -> str:
    """The chunk's text with its candidates marked where they start: numbers (<N1>) and quotes (<Q1>), in text order."""
    chunk = part.chunk
    marks = [(value_start(figure), mark) for mark, figure in part.figures.items()]
    marks += [(quote.evidence.start, mark) for mark, quote in part.quotes.items() if quote.evidence is not None]
    pieces, position = [], chunk.start
    for start, mark in sorted(marks, key=lambda item: item[0]):
        pieces.append(chunk.text[position - chunk.start : start - chunk.start])
        pieces.append(f"<{mark}>")  # FIGURE_MARK and QUOTE_MARK read it back
        position = start
    pieces.append(chunk.text[position - chunk.start :])
    return "".join(pieces)
