"""Step 2, normalize: repair what OCR and page layout did to the text.

The result follows the gold annotators' convention: no line breaks or spaces
inside sentences, words or numbers (one space survives between two Latin
letters, as in "AI PC"); a paragraph break ("\\n") survives only where a raw
line ended a sentence. Full-width digits, Latin letters and ％ become ASCII.
Headlines printed with doubled glyphs (向向““新新””行行) are undoubled, a
phrase printed twice in a row is kept once, and a paragraph printed twice is
kept once.

Every step only deletes characters or replaces one character with one
character, so a plain list of raw offsets, one per normalized character, maps
any normalized span back to the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH[0xFF05] = ord("%")  # ％
_FULLWIDTH[0x2236] = ord(":")  # ∶ (ratio colon in OCR)

_SENTENCE_END = "。！？!?"
_WHITESPACE = re.compile(r"[\s\u200b\u200c\u200d\ufeff]+")
_HEADING_LINE = re.compile(r"(?m)^[ \t]*#+[^\n]*")
_FULLWIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")
# Three or more glyphs in a row each printed twice: 向向““新新””行行.
_DOUBLED_GLYPHS = re.compile(r"(?:(\S)\1){3,}")
# A phrase of four or more Chinese characters printed twice in a row, or a doubled colon.
_REPEATED_PHRASE = re.compile(r"([\u4e00-\u9fff“”《》]{4,24})\1|(：)\2")
_MIN_DUPLICATE_PARAGRAPH = 20


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text and, for each of its characters, the offset in the raw text."""

    text: str
    raw_offsets: list[int]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span [start, end) back to the raw text."""
        if start >= end:
            raw = self.raw_offsets[start] if start < len(self.raw_offsets) else self._raw_end()
            return raw, raw
        return self.raw_offsets[start], self.raw_offsets[end - 1] + 1

    def _raw_end(self) -> int:
        return self.raw_offsets[-1] + 1 if self.raw_offsets else 0


def normalize(raw: str) -> NormalizedText:
    text = raw.translate(_FULLWIDTH)
    text = _FULLWIDTH_POINT.sub(".", text)
    offsets = list(range(len(text)))
    text, offsets = _collapse_whitespace(text, offsets)
    text, offsets = _undouble_glyphs(text, offsets)
    text, offsets = _delete(
        text, offsets, [(m.end() - len(m.group(1) or m.group(2)), m.end()) for m in _REPEATED_PHRASE.finditer(text)]
    )
    text, offsets = _drop_repeated_paragraphs(text, offsets)
    return NormalizedText(text, offsets)


def _delete(text: str, offsets: list[int], spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Remove the given sorted, non-overlapping spans from text and offsets together."""
    if not spans:
        return text, offsets
    pieces: list[str] = []
    kept: list[int] = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start])
        kept.extend(offsets[position:start])
        position = end
    pieces.append(text[position:])
    kept.extend(offsets[position:])
    return "".join(pieces), kept


def _collapse_whitespace(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    heading_ends = {m.end() for m in _HEADING_LINE.finditer(text)}
    deletions: list[tuple[int, int]] = []
    breaks: list[int] = []  # kept whitespace characters that become "\n"
    for match in _WHITESPACE.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        has_newline = "\n" in match.group()
        if start and end < len(text) and has_newline and (before in _SENTENCE_END or start in heading_ends or after == "#"):
            breaks.append(start)
            deletions.append((start + 1, end))
        elif before.isascii() and before.isalpha() and after.isascii() and after.isalpha():
            deletions.append((start + 1, end))  # keep one space: "AI PC"
        else:
            deletions.append((start, end))
    chars = list(text)
    for position in breaks:
        chars[position] = "\n"
    return _delete("".join(chars), offsets, [(s, e) for s, e in deletions if e > s])


def _undouble_glyphs(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    spans = [
        (position, position + 1)
        for match in _DOUBLED_GLYPHS.finditer(text)
        for position in range(match.start() + 1, match.end(), 2)
    ]
    return _delete(text, offsets, spans)


def _drop_repeated_paragraphs(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        end = position + len(paragraph)
        if len(paragraph) >= _MIN_DUPLICATE_PARAGRAPH and paragraph in seen:
            spans.append((position - 1 if position else 0, end))  # with the break before it
        seen.add(paragraph)
        position = end + 1
    return _delete(text, offsets, spans)
