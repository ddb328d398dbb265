"""Step 3, segment: split a newspaper page into articles.

A page holds several articles. They start at a byline marker (本报讯,
◎本报记者, 科技日报讯, 新华社…电), at a markdown heading, or after a
(来源:…) line that closed the previous one. A short run of text right before a
marker, after the previous sentence ended, is that article's title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(
    # ◎本报记者 魏依晨 通讯员 赵阳: names run into the body, which usually opens with a time word.
    r"◎本报记者[^\n，。“]{0,30}?(?=近日|日前|今年|去年|当前|近年|随着|作为|细看|走进|在|从|\d|“|$)"
    r"|(?:本报讯|科技日报讯|科技日报(?=[（(]记者)|新华社[\u4e00-\u9fff]{0,6}电|中新网[\u4e00-\u9fff]{0,6}电)(?:[（(][^）)]{0,60}[）)])?"
    r"|(?m:^(?P<heading>#+[^#\n][^\n]*))"
    r"|【\s*标\s*题\s*】(?P<field_title>[^\n【]*)"
)
_TABLE_ROW = re.compile(r"[|｜\t]\s*[-−]?\d")  # a cell of digits after a bar or a tab: a table's row, not a heading
# the line after a heading is one number (# 批發零售業, then 1412.17 on its own line): a row of a table printed one cell
# a line, not a heading
_NEXT_CELL_NUMBER = re.compile(r"\n[ \t]*[-−]?\d[\d,.]*%?[ \t]*(?:\n|$)")
_SOURCE_LINE = re.compile(r"[（(]来源[:：][^）)\n]{1,40}[）)]")
_TITLE_BOUNDARY = re.compile(r"[。！？!?\n”】]")  # 】: an archive field label (【作者】…【正文】) is no headline
_MAX_TITLE = 40
_MIN_BODY = 30  # a heading followed this closely by a byline is that article's title
_MIN_TITLE = 6  # shorter runs before a marker are the previous article's author


@dataclass(frozen=True)
class Segment:
    """An article's place in the normalized page."""

    index: int
    start: int
    end: int
    body_start: int
    title: str
    byline: str


def segment(text: str) -> list[Segment]:
    """Split normalized page text into articles covering all of it, in order."""
    starts = _article_starts(text)
    segments = []
    for index, (start, body_start, title, byline) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        if end > start:
            segments.append(Segment(len(segments), start, end, body_start, title, byline))
    return segments or [Segment(0, 0, len(text), 0, "", "")]


def _article_starts(text: str) -> list[tuple[int, int, str, str]]:
    """(start, body_start, title, byline) of each article, the page's lead-in first."""
    starts: list[tuple[int, int, str, str]] = [(0, 0, "", "")]
    for match in _MARKER.finditer(text):
        if match.group("heading"):
            if _starts_article(text, match):
                starts.append((match.start(), match.end(), match.group("heading").strip("# "), ""))
            continue
        if match.group("field_title") is not None:
            starts.append((match.start(), match.end(), match.group("field_title").strip(), ""))
            continue
        title, title_start = _title_before(text, match.start(), starts[-1][1])
        starts.append((title_start, match.end(), title, match.group().strip()))
    for match in _SOURCE_LINE.finditer(text):
        starts.append((match.end(), match.end(), "", ""))
    starts.sort()
    return _merge_bodiless(_drop_empty_leads(starts, text), len(text))


def _starts_article(text: str, heading: re.Match[str]) -> bool:
    """A level-1 heading opens an article; a deeper one only after a (来源:…) line or before a byline. A table row
    that a statistics page marks with # as a part of the row above (#出口产品交货值(亿元)|176.61|1415.10, or #批发零售业
    with its values on the lines after it) is none."""
    if _TABLE_ROW.search(heading.group("heading")) or _NEXT_CELL_NUMBER.match(text, heading.end()):
        return False
    if not heading.group("heading").startswith("##"):
        return True
    before = text[max(0, heading.start() - 2) : heading.start()].strip()
    after = _MARKER.search(text, heading.end(), heading.end() + _MIN_BODY)
    return before.endswith((")", "）")) or (after is not None and not after.group("heading"))


def _title_before(text: str, marker: int, floor: int) -> tuple[str, int]:
    """The headline right before a byline marker, if one sits there."""
    window_start = max(floor, marker - _MAX_TITLE - 1)
    window = text[window_start:marker]
    boundaries = list(_TITLE_BOUNDARY.finditer(window))
    if not boundaries and window_start > floor:
        return "", marker
    title_start = window_start + (boundaries[-1].end() if boundaries else 0)
    title = text[title_start:marker].strip()
    if len(title) < _MIN_TITLE or len(title) > _MAX_TITLE:
        return "", marker
    return title, title_start


def _merge_bodiless(starts: list[tuple[int, int, str, str]], length: int) -> list[tuple[int, int, str, str]]:
    """A heading or title with no body of its own belongs to the article after it."""
    merged: list[tuple[int, int, str, str]] = []
    for start, body_start, title, byline in starts:
        if merged and merged[-1][2] and not merged[-1][3] and start - merged[-1][1] < _MIN_BODY:
            previous = merged.pop()
            joined_title = " ".join(part for part in (previous[2], title) if part)
            start, title = previous[0], joined_title
        merged.append((start, body_start, title, byline))
    return merged


def _drop_empty_leads(starts: list[tuple[int, int, str, str]], text: str) -> list[tuple[int, int, str, str]]:
    """Merge a start that leaves less than a sentence before the next one into it."""
    kept: list[tuple[int, int, str, str]] = []
    for index, entry in enumerate(starts):
        following = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        if kept and entry[0] == kept[-1][0]:
            kept[-1] = max(kept[-1], entry, key=lambda e: (bool(e[2]) or bool(e[3]), e[1]))
            continue
        if following - entry[0] < 2 and index + 1 < len(starts):
            continue
        kept.append(entry)
    return kept
