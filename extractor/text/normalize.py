"""Step 2, normalize: repair what OCR and page layout did to the text.

The result follows the gold annotators' convention: no line breaks or spaces
inside sentences, words or numbers (one space survives between two Latin
letters, as in "AI PC"); a paragraph break ("\\n") survives only where a raw
line ended a sentence. Full-width digits, Latin letters and ％ become ASCII.
Headlines printed with doubled glyphs (向向““新新””行行) are undoubled, a
phrase printed twice in a row is kept once, and a paragraph printed twice is
kept once. Traditional characters are folded to simplified ones (380億元 →
380亿元), one character for one character, so Big5 and Hong Kong sources read
like the rest.

No repair ever changes a number: runs of numerals (3000000元, 一一) are never
undoubled, and no numeral, decimal point or sign is dropped, added or moved.

Every step only deletes characters or replaces one character with one
character, so a short list of kept runs maps any normalized span back to the
raw text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

import opencc

from .structure import numbered_lines, plain_heading_lines
from .tables import raw_aligned_gaps, raw_bare_cell_breaks, raw_cell_blocks, raw_spaced_tables, raw_table_rows

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH[0xFF05] = ord("%")  # ％
_FULLWIDTH[0x2236] = ord(":")  # ∶ (ratio colon in OCR)

_NEEDS_FULLWIDTH_MAP = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\u2236]")
_SENTENCE_END = "。！？!?"
BULLETS = "●○■□◆◇▲△►▶★☆•"  # a line opened by one starts an item of its own
# Whitespace, zero-width characters and stray control characters (NUL bytes in scraped files) all go.
_WHITESPACE = re.compile(r"[\s\u200b\u200c\u200d\ufeff\x00-\x08\x0e-\x1f\x7f]+")
_HEADING_LINE = re.compile(r"(?m)^[ \t]*#+[^\n]*")
_BULLET_LINE = re.compile(rf"(?m)^[ \t]*[{BULLETS}][^\n]*")
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_FULLWIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")
# Three or more glyphs in a row each printed twice: 向向““新新””行行. Numerals and the
# marks inside numbers are never undoubled: 3000000元 and 一一 are numbers, not doubled glyphs.
_NUMBER_CHARS = r"0-9.,%零〇一二两三四五六七八九十百千万亿点负\-"
_DOUBLED_GLYPHS = re.compile(rf"(?:([^\s{_NUMBER_CHARS}])\1){{3,}}")
# A phrase of four or more Chinese characters printed twice in a row, or a doubled colon.
_REPEATED_PHRASE = re.compile(r"([\u4e00-\u9fff“”《》]{4,24})\1|(：)\2")
_NUMERAL_IN_PHRASE = re.compile("[零〇一二两三四五六七八九十百千万亿]")
_HEADLINE_LIKE_LINE = re.compile(r"(?m)^[^\n。，！？；,]{8,}$")
_MIN_DUPLICATE_PARAGRAPH = 20


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text and a map from its offsets back to the raw text.

    The map is piecewise: ``segments`` holds (normalized start, raw start) of
    each run of characters that were kept together, so it stays small on a
    20 MB file where a per-character list would not.
    """

    text: str
    segments: tuple[tuple[int, int], ...]
    raw: str = ""  # the text as read, for checking a span against it

    def raw_offset(self, position: int) -> int:
        """The raw offset of the normalized character at ``position``."""
        if not 0 <= position < len(self.text):
            raise IndexError(f"position {position} outside the normalized text")
        index = bisect_right(self.segments, (position, float("inf"))) - 1
        normalized_start, raw_start = self.segments[index]
        return raw_start + position - normalized_start

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span [start, end) back to the raw text."""
        if start >= end:
            raw = self.raw_offset(start) if start < len(self.text) else self._raw_end()
            return raw, raw
        return self.raw_offset(start), self.raw_offset(end - 1) + 1

    def _raw_end(self) -> int:
        return self.raw_offset(len(self.text) - 1) + 1 if self.text else 0


Segments = list[tuple[int, int]]


def normalize(raw: str) -> NormalizedText:
    text = fold_characters(raw)
    segments: Segments = [(0, 0)]
    text, segments = _delete(text, segments, _repeated_phrases(text))
    text, segments = _collapse_whitespace(text, segments)
    text, segments = _undouble_glyphs(text, segments)
    text, segments = _drop_pinyin_glosses(text, segments)
    text, segments = _drop_repeated_paragraphs(text, segments)
    return NormalizedText(text, tuple(segments), raw)


def fold_characters(text: str) -> str:
    """The one-for-one character repairs: full-width digits and letters, ％, the OCR ratio colon, traditional → simplified."""
    if _NEEDS_FULLWIDTH_MAP.search(text):
        text = text.translate(_FULLWIDTH)
    return to_simplified(_FULLWIDTH_POINT.sub(".", text))


_TO_SIMPLIFIED = opencc.OpenCC("t2s")
_asked: set[str] = set()  # every character OpenCC has been asked about in this process
_TRADITIONAL: dict[int, str] = {}  # the translate table of those that are traditional: ord → its simplified form
_TRADITIONAL_CHARACTERS: set[str] = set()  # the same characters, for one disjointness test per text


def to_simplified(text: str) -> str:
    """Traditional characters as simplified ones, one for one, as the normalizer reads them (開發區 → 开发区)."""
    characters = set(text)
    new = characters - _asked  # one set difference in C: most pages bring few characters not seen before
    if new:
        _learn(new)
    return text if _TRADITIONAL_CHARACTERS.isdisjoint(characters) else text.translate(_TRADITIONAL)


def _learn(characters: set[str]) -> None:
    """Ask OpenCC's t2s about each new character once, one character at a time.

    Converting character by character keeps the offset map one to one; OpenCC's
    phrase tables could change a text's length. Characters below U+3400 are never converted.
    """
    for char in characters:
        if char >= "\u3400":
            converted = _TO_SIMPLIFIED.convert(char)
            if len(converted) == 1 and converted != char:
                _TRADITIONAL[ord(char)] = converted
                _TRADITIONAL_CHARACTERS.add(char)
    _asked.update(characters)


def _delete(text: str, segments: Segments, spans: list[tuple[int, int]]) -> tuple[str, Segments]:
    """Remove the given sorted, non-overlapping spans from the text and carry the offset map along.

    A kept piece starts a segment of its own; the segments that start inside it move with it, found by bisection
    and copied with one comprehension (a step per segment in Python made each later deletion walk the whole map).
    """
    if not spans:
        return text, segments
    kept = _complement(spans, len(text))
    if len(segments) == 1:  # the map is one shift (the first deletion of a page): each piece's segment at once
        (normalized_start, raw_start), lengths = segments[0], accumulate([end - start for start, end in kept], initial=0)
        shifted = [(length, raw_start + start - normalized_start) for (start, _end), length in zip(kept, lengths, strict=False)]
        return "".join([text[start:end] for start, end in kept]), shifted or [(0, 0)]
    starts = [start for start, _ in segments]  # strictly increasing: every kept piece is longer than nothing
    pieces: list[str] = []
    kept_segments: Segments = []
    length = 0
    for keep_start, keep_end in kept:
        pieces.append(text[keep_start:keep_end])
        index = bisect_right(starts, keep_start) - 1  # the segment keep_start lies in
        normalized_start, raw_start = segments[index]
        kept_segments.append((length, raw_start + keep_start - normalized_start))
        shift = length - keep_start
        kept_segments.extend([(start + shift, raw) for start, raw in segments[index + 1 : bisect_left(starts, keep_end, index + 1)]])
        length += keep_end - keep_start
    return "".join(pieces), kept_segments or [(0, 0)]


def _complement(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    kept = []
    position = 0
    for start, end in spans:
        if start > position:
            kept.append((position, start))
        position = max(position, end)
    if position < length:
        kept.append((position, length))
    return kept


def _collapse_whitespace(text: str, segments: Segments) -> tuple[str, Segments]:
    """Delete every whitespace run, but keep one character of it as a paragraph break or a Latin space."""
    numbered_starts, numbered_ends = numbered_lines(text)  # 一、2025年工作回顾 / （一）…: a heading keeps its lines
    heading_ends = {m.end() for m in _HEADING_LINE.finditer(text)} | numbered_ends
    heading_ends |= plain_heading_lines(text)  # a title or a short heading over a longer paragraph: its own line
    spaced_rows, spaced_breaks = raw_spaced_tables(text)  # a table printed with single spaces: its cells stay apart
    rows = sorted({*raw_table_rows(text), *spaced_rows})  # a table keeps its rows and its cells apart
    cell_breaks = set(spaced_breaks)
    gaps = raw_aligned_gaps(text)  # an aligned table's empty cells: one more tab for each column a run skips
    row_starts = [row_start for row_start, _ in rows]
    heading_ends |= {row_end for _, row_end in rows}
    heading_ends |= {m.end() for m in _BULLET_LINE.finditer(text)}  # ●营业收入…: an item of a list ends at its line's end
    numbered_starts |= set(row_starts)
    heading_ends |= set(raw_bare_cell_breaks(text))  # a table printed one bare cell a line keeps its cells apart
    for block_start, block_end in raw_cell_blocks(text):  # a table printed one cell a line: one line of its own
        numbered_starts.add(block_start)
        heading_ends.add(block_end)
    deletions: list[tuple[int, int]] = []
    kept: dict[int, str] = {}  # run start → the one character kept there
    length = len(text)
    for match in _WHITESPACE.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < length else ""
        breaks_line = before in _SENTENCE_END or start in heading_ends or after == "#" or after in BULLETS or end in numbered_starts
        # digits on both sides of a line break are two numbers (two cells, a list): joining them would make a third
        breaks_line = breaks_line or (before.isdigit() and after.isdigit())
        if before and after and breaks_line and "\n" in match.group():
            kept[start] = "\n"
            deletions.append((start + 1, end))
        elif start in cell_breaks or (
            rows and "\n" not in match.group() and _inside(rows, row_starts, start) and (end - start > 1 or match.group() in "\t\u3000")
        ):
            skipped = gaps.get(start, 0) if end - start > gaps.get(start, 0) else 0
            kept.update((start + offset, "\t") for offset in range(skipped + 1))  # aligned columns: a tab between cells
            deletions.append((start + 1 + skipped, end))
        elif before in _LATIN and after in _LATIN:
            kept[start] = " "  # "AI PC"
            deletions.append((start + 1, end))
        else:
            deletions.append((start, end))
    if kept:
        text = "".join(_with_replacements(text, kept))
    return _delete(text, segments, [(start, end) for start, end in deletions if end > start])


def _inside(rows: list[tuple[int, int]], row_starts: list[int], position: int) -> bool:
    index = bisect_right(row_starts, position) - 1
    return index >= 0 and rows[index][0] < position < rows[index][1]


def _with_replacements(text: str, replacements: dict[int, str]) -> list[str]:
    """Pieces of ``text`` with single characters replaced (length-preserving)."""
    pieces = []
    position = 0
    for index in sorted(replacements):
        pieces.append(text[position:index])
        pieces.append(replacements[index])
        position = index + 1
    pieces.append(text[position:])
    return pieces


def _repeated_phrases(text: str) -> list[tuple[int, int]]:
    """Second copies of phrases printed twice; only headline-like raw lines (no sentence punctuation) are searched."""
    spans = []
    for line in _HEADLINE_LIKE_LINE.finditer(text):
        for match in _REPEATED_PHRASE.finditer(text, line.start(), line.end()):
            if _NUMERAL_IN_PHRASE.search(match.group()):
                continue  # 一二三四一二三四 may be a number; never drop numerals
            spans.append((match.end() - len(match.group(1) or match.group(2)), match.end()))
    return spans


def _undouble_glyphs(text: str, segments: Segments) -> tuple[str, Segments]:
    spans = [(position, position + 1) for match in _DOUBLED_GLYPHS.finditer(text) for position in range(match.start() + 1, match.end(), 2)]
    return _delete(text, segments, spans)


# A character's reading glossed in pinyin right after it (地區(qū)生產(chǎn)總值, 個(gè)): some converters to traditional
# characters print one after each character with several readings, and it cuts every word it stands in. A gloss has a
# tone mark (ā á ǎ à …), so (km) or (GDP) never reads as one.
_PINYIN_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


def without_pinyin_glosses(text: str) -> str:
    """地區(qū) → 地區: a name as the normalizer reads it (the scorer compares gold names so)."""
    return _PINYIN_GLOSS.sub("", text)


def _drop_pinyin_glosses(text: str, segments: Segments) -> tuple[str, Segments]:
    if "(" not in text and "（" not in text:
        return text, segments
    return _delete(text, segments, [match.span() for match in _PINYIN_GLOSS.finditer(text)])


# A paragraph with cells split by bars or tabs is a table's row: a second table repeats the first one's header row
# (指标|本月|1-9月累计|同比增长(%)), which is no copy of a paragraph to drop.
_TABLE_ROW_MARK = re.compile("[|｜\t]")


def _drop_repeated_paragraphs(text: str, segments: Segments) -> tuple[str, Segments]:
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        end = position + len(paragraph)
        if len(paragraph) >= _MIN_DUPLICATE_PARAGRAPH and paragraph in seen and not _TABLE_ROW_MARK.search(paragraph):
            spans.append((position - 1 if position else 0, end))  # with the break before it
        seen.add(paragraph)
        position = end + 1
    return _delete(text, segments, spans)
