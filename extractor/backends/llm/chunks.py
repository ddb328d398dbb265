"""Chunks, the LLM backend's own step: cut an article into pieces that fit a model's budget.

Cuts fall at paragraph or sentence ends (。！？ and line breaks), and inside an
over-long sentence at a clause mark (，；), never inside a quantity: 12.3% or
5万—20万元 always stays whole in one chunk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...domain.numbers import QUANTITY

DEFAULT_BUDGET = 3000  # characters: about 3,000 tokens of Chinese, well inside any current model's context
_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』]?|\n")
_CLAUSE_END = re.compile(r"[，；,;、]")


@dataclass(frozen=True)
class Chunk:
    """A piece of an article: [start, end) in the normalized document."""

    article: int
    index: int
    start: int
    end: int
    text: str


def chunk_article(text: str, start: int, end: int, article: int = 0, budget: int = DEFAULT_BUDGET) -> list[Chunk]:
    """Split text[start:end] into chunks of at most ``budget`` characters where possible."""
    if budget < 1:
        raise ValueError("chunk budget must be at least one character")
    protected = [m.span() for m in QUANTITY.finditer(text, start, end)]
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for sentence_start, sentence_end in _sentences(text, start, end):
        if sentence_end - piece_start > budget and sentence_start > piece_start:
            pieces.append((piece_start, sentence_start))
            piece_start = sentence_start
        while sentence_end - piece_start > budget:
            cut = _clause_cut(text, piece_start, piece_start + budget, protected)
            if cut is None:
                break
            pieces.append((piece_start, cut))
            piece_start = cut
    if piece_start < end:
        pieces.append((piece_start, end))
    return [Chunk(article, i, s, e, text[s:e]) for i, (s, e) in enumerate(pieces)]


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _inside_number(text, match.start()):
            continue
        spans.append((position, match.end()))
        position = match.end()
    if position < end:
        spans.append((position, end))
    return spans


def _inside_number(text: str, position: int) -> bool:
    """A full stop between two digits (OCR's 12。3) is a decimal point, not a sentence end."""
    return 0 < position < len(text) - 1 and text[position - 1].isdigit() and text[position + 1].isdigit()


def _clause_cut(text: str, start: int, limit: int, protected: list[tuple[int, int]]) -> int | None:
    """The last clause mark before ``limit`` that is not inside a quantity, else a safe hard cut."""
    for match in reversed(list(_CLAUSE_END.finditer(text, start + 1, limit))):
        cut = match.end()
        if not any(s < cut < e for s, e in protected):
            return cut
    cut = limit
    for s, e in protected:
        if s < cut < e:
            cut = s if s > start else e
    return cut if start < cut else None
