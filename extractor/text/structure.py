"""The document's structure: its headings, their levels, and which heading governs a position.

A long report is read the way a person reads it: 一、2025年工作回顾 sets the year of everything under it until
the next heading of the same level (二、2026年工作安排), and （一） headings nest under it. Headings are found by
their numbering (一、 （一） 1. （1） 第一章 …), by a markdown ``#``, or as a short line without a sentence end
followed by a paragraph. The numbering schemes and their levels are data (extractor/data/structure.toml).

``Outline`` answers "which headings govern this position" by bisection, so the lookups of all figures of an
article stay linear in the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from .. import knowledge
from ..knowledge import load


@dataclass(frozen=True)
class Heading:
    start: int
    end: int  # the heading's own text ends here (a run-in heading: at its first sentence end)
    level: int  # 1 is the outermost
    text: str
    scope_end: int  # the heading governs [end, scope_end)
    parent: int = -1  # the index of the heading it is nested under, -1 for none

    @property
    def numbered(self) -> bool:
        """Opens with a numbering (一、 （一） 1.): a section of one report, not a short line or a markdown
        heading that may be the title of another article or a feature's subheading on a newspaper page."""
        return any(pattern.match(self.text) for pattern, _level in _numbered())


@dataclass(frozen=True)
class _Numbering:
    """structure.toml [[numbering]]: one numbering scheme (一、 （一） 1.) and the level of its headings."""

    pattern: re.Pattern[str]
    level: int


@dataclass(frozen=True)
class _Schemes:
    """structure.toml: an entry's key is its field's name ([table] and [table_units] are read in tables.py)."""

    plain_heading_level: int
    max_heading_chars: int
    max_run_in_chars: int
    sentence_end: re.Pattern[str]
    dated_line: re.Pattern[str]  # a period named in a short line: an unnumbered heading the normalizer keeps
    numbering: tuple[_Numbering, ...]


@cache
def _schemes() -> _Schemes:
    return load("structure.toml", _Schemes, skip=("examples", "table", "table_units"))


@cache
def _numbered() -> tuple[tuple[re.Pattern[str], int], ...]:
    """The numbering schemes and their levels, in the file's order."""
    return tuple((scheme.pattern, scheme.level) for scheme in _schemes().numbering)


@cache
def _any_numbered() -> re.Pattern[str]:
    """Every numbering scheme in one pattern: whether a line opens with any of them is one match, not one per scheme
    (numbered_lines asks it of every raw line)."""
    patterns = [pattern for pattern, _level in _numbered()]
    if not patterns:
        return re.compile("(?!)")
    flags = {pattern.flags for pattern in patterns}
    assert len(flags) == 1, "the numbering schemes are compiled alike"
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), flags.pop())


def examples() -> list[dict]:
    """The data file's examples (for the tests)."""
    return knowledge.examples("structure.toml")


_LINE = re.compile(r"[^\n]+")
_CLAUSE_MARK = re.compile("[，,；;：:]")  # a line with clauses is a sentence, not a heading (1、各项指标完成,全年实现…)


def numbered_lines(raw: str) -> tuple[set[int], set[int]]:
    """Where raw lines open with a heading's numbering, and where such lines end when the whole line is the
    heading (一、2025年工作回顾): the normalizer keeps the line breaks there, which it would otherwise join."""
    schemes = _schemes()
    starts, ends = set(), set()
    numbered = _any_numbered().match
    for match in _LINE.finditer(raw):
        line = match.group().strip()
        if numbered(line):
            starts.add(match.start() + len(match.group()) - len(match.group().lstrip()))
            if len(line) <= schemes.max_heading_chars and not schemes.sentence_end.search(line) and not _CLAUSE_MARK.search(line):
                ends.add(match.end() - (len(match.group()) - len(match.group().rstrip())))
    return starts, ends


# what a paragraph under a heading opens with: a word or a mark, or a year (2009年是…), not another digit
_HEADING_START = re.compile(r"[\u4e00-\u9fff“”《—（(【]|(?:19|20)\d\d\s*年")
_CELL_MARK = re.compile("[|｜\t]|^[【\\[]")  # a table row's cell marks, or a field of a page's header (【 文献号 】1-831)


def plain_heading_lines(raw: str) -> set[int]:
    """Where raw lines end that a reader takes for a heading of their own though nothing numbers them: a short line
    naming a period, without a sentence end or a clause mark, followed by a line more than twice as long (2009年工作
    回顾 over its section) — Outline's plain heading (structure.toml dated_line). The normalizer keeps the line breaks
    there, which it would otherwise join as a line wrapped inside a sentence. Not a line cut inside a number or a
    word (2020¶年吉林省…: it ends in a digit, or the next line opens with one), nor a table's row or a header's field."""
    schemes = _schemes()
    lines = [m for m in _LINE.finditer(raw) if m.group().strip()]
    ends = set()
    for index, match in enumerate(lines[:-1]):
        line, following = match.group().strip(), lines[index + 1].group().strip()
        if len(line) > schemes.max_heading_chars or schemes.sentence_end.search(line) or _CELL_MARK.search(line):
            continue  # a paragraph, a sentence, a table's row (2016年上半年 |) or a header's field: no heading
        cut = line[-1].isdigit() or not _HEADING_START.match(following)
        dated = schemes.dated_line.search(line)
        if dated and not cut and len(following) > 2 * len(line) and not _CLAUSE_MARK.search(line):
            ends.add(match.end() - (len(match.group()) - len(match.group().rstrip())))
    return ends


def _heading_of_line(text: str, start: int, end: int, next_line_long: bool) -> tuple[int, int] | None:
    """(level, end of the heading text) when the line text[start:end] is or opens with a heading, else None."""
    schemes = _schemes()
    line = text[start:end].strip()
    offset = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    if line.startswith("#"):
        return min(line.count("#", 0, len(line) - len(line.lstrip("#"))), 6), end
    for pattern, level in _numbered():
        if pattern.match(line):
            stop = schemes.sentence_end.search(text, offset, end)
            if stop is None and len(line) <= schemes.max_heading_chars and not _CLAUSE_MARK.search(line):
                return level, end  # the whole line is the heading
            if stop is not None and stop.start() - offset <= schemes.max_run_in_chars:
                return level, stop.end()  # （一）坚持创新驱动。…: a run-in heading, the paragraph under it
            return None
    plain = len(line) <= schemes.max_heading_chars and next_line_long and not schemes.sentence_end.search(line[-1:])
    if plain and not _CLAUSE_MARK.search(line):
        return schemes.plain_heading_level, end
    return None


class Outline:
    """The headings of text[start:end] and which of them govern a position."""

    def __init__(self, text: str, start: int, end: int) -> None:
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text, start, end)]
        found: list[tuple[int, int, int]] = []  # start, end, level
        for index, (line_start, line_end) in enumerate(lines):
            following = lines[index + 1] if index + 1 < len(lines) else None
            next_long = following is not None and following[1] - following[0] > 2 * (line_end - line_start)
            heading = _heading_of_line(text, line_start, line_end, next_long)
            if heading is not None:
                found.append((line_start, heading[1], heading[0]))
        self.headings = self._scoped(text, found, end)
        self._starts = [h.end for h in self.headings]
        self._siblings: dict[tuple[int, int], list[Heading]] | None = None

    @staticmethod
    def _scoped(text: str, found: list[tuple[int, int, int]], end: int) -> list[Heading]:
        """Each heading governs until the next heading of the same or an outer level (one pass with a stack);
        its parent is the heading still open above it when it starts."""
        scope_ends = [end] * len(found)
        parents = [-1] * len(found)
        open_headings: list[int] = []  # indexes of headings whose scope is still open, outermost first
        for index, (start, _stop, level) in enumerate(found):
            while open_headings and found[open_headings[-1]][2] >= level:
                scope_ends[open_headings.pop()] = start
            parents[index] = open_headings[-1] if open_headings else -1
            open_headings.append(index)
        return [
            Heading(start, stop, level, text[start:stop].strip(), scope_ends[index], parents[index])
            for index, (start, stop, level) in enumerate(found)
        ]

    def earlier_titles(self, heading: Heading) -> list[str]:
        """The titles of the headings before ``heading`` under the same parent and of its level (its elder
        siblings: 一、…回顾 before 三、2026年主要工作)."""
        if self._siblings is None:  # built once, on first use: one pass over the headings
            self._siblings = {}
            for found in self.headings:
                self._siblings.setdefault((found.parent, found.level), []).append(found)
        return [h.text for h in self._siblings.get((heading.parent, heading.level), []) if h.start < heading.start]

    def governing(self, position: int) -> list[Heading]:
        """The headings whose scope holds ``position``, innermost first.

        Every heading that governs a position is the last heading before it or one of that heading's parents,
        so the walk is as long as the nesting is deep, never as long as the document.
        """
        index = bisect_right(self._starts, position) - 1
        path = []
        while index >= 0:
            heading = self.headings[index]
            if heading.end <= position < heading.scope_end:
                path.append(heading)
            index = heading.parent
        return path
