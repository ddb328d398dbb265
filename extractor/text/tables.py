"""Tables printed as text: rows one a line, cells split by ``|`` or tabs (aligned spaces become tabs in
normalization). A statistics page prints its units in the row headers (营业总收入(亿元)) and its years in the
column headers (2004), or the other way round; each numeric cell is one figure whose metric and unit come from
its row or column header and whose period comes from the other.

Mechanisms only: what a unit in a header looks like and which separators split cells live in
extractor/data/structure.toml ([table]).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise

from ..knowledge import load


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str
    parent: str = ""  # a column header under a spanning one (增速 under 收入合计): the spanning header's words
    unit_cell: Cell | None = None  # a header's unit printed on the line under the header ((亿元) under 营业收入)


@dataclass(frozen=True)
class TableCell:
    """One numeric cell with what its headers say about it."""

    cell: Cell
    metric: str  # the header's words without the unit: 营业总收入
    unit: str  # as printed in the header: 亿元
    unit_start: int  # where the header prints the unit
    period: str  # 2004年, from the other header
    scope: str  # a row header that narrows the corner's metric (装备制造业 under 现价工业产值)
    row_header: Cell
    column_header: Cell | None
    unit_end: int = -1  # where the unit's source ends (a growth word is longer than its %); -1: unit_start + len(unit)
    unit_from: str = ""  # which printing gives the unit: "header", "growth header" (累计增长 → %), "" when none
    subject: str = ""  # the row header, when the corner says the rows are zones or places (区域 | 单位数 | …)
    parent: Cell | None = None  # the row this row breaks down (总产出(亿元) over 第一产业): where the unit is printed
    block: Cell | None = None  # an index row above whose block the row stands in (总产出指数(上年=100)): no unit line
    unit_cell: Cell | None = None  # the row's cell in a unit column (指标 | 单位 | 累计): where its unit is printed
    caption: Cell | None = None  # a caption naming the table's indicator (指标:工业增加值_同比增长(%)): where its unit is
    unit_row: Cell | None = None  # the nearest row above that prints its own unit (总产出构成(%)): a 单位 line it contradicts


@dataclass(frozen=True)
class _UnitRules:
    """structure.toml [table_units]: where a cell that prints no unit takes one from."""

    growth_header: re.Pattern[str]
    unit_line: re.Pattern[str]


@cache
def _unit_rules() -> _UnitRules:
    return load("structure.toml", _UnitRules, "table_units", skip=("examples", "counter_examples"))


@dataclass(frozen=True)
class _Rules:
    """structure.toml [table]: an entry's key is its field's name."""

    cell_separators: re.Pattern[str]
    box_separators: re.Pattern[str]
    box_rule: re.Pattern[str]
    unit_in_header: re.Pattern[str]
    year_header: re.Pattern[str]
    number_cell: re.Pattern[str]
    empty_cell: re.Pattern[str]
    min_rows: int
    section_label: re.Pattern[str]
    index_header: re.Pattern[str]
    generic_corner: re.Pattern[str]
    entity_corner: re.Pattern[str]
    caption_period: re.Pattern[str]
    sub_header: re.Pattern[str]
    header_continuation: re.Pattern[str]
    month_header: re.Pattern[str]
    cumulative_header: re.Pattern[str]
    rule_row: re.Pattern[str]
    serial_cell: re.Pattern[str]
    unit_column: re.Pattern[str]
    indicator_caption: re.Pattern[str]
    header_unit_fragment: re.Pattern[str]
    header_open_base: re.Pattern[str]
    this_period_header: re.Pattern[str]
    report_period_header: re.Pattern[str]
    to_date_header: re.Pattern[str]
    base_period_header: re.Pattern[str]
    period_header: re.Pattern[str]
    place_group: re.Pattern[str]
    bilingual_unit: re.Pattern[str]
    value_with_change: re.Pattern[str]


@cache
def _rules() -> _Rules:
    return load("structure.toml", _Rules, "table", skip=("examples",))


_LINE = re.compile(r"[^\n]+")


def _cells(text: str, start: int, end: int, keep_gaps: bool = False) -> list[Cell]:
    """The cells of one line, with their places (empty cells of a leading or trailing bar dropped). With
    ``keep_gaps`` (a row of a table), an empty cell between two cells that are not stays, as an empty Cell where
    it stands (|企业数(家)|1500||1750|: the middle column is empty, and 1750 stays under the last)."""
    pieces: list[Cell] = []
    position = start
    boxed = bool(_rules().box_separators.search(text, start, end))  # ┃年末总人口 │ 万人 │: only the box lines split it
    separators = _rules().box_separators if boxed else _rules().cell_separators
    for separator in [*separators.finditer(text, start, end), None]:
        stop = separator.start() if separator else end
        raw = text[position:stop]
        stripped = raw.strip()
        offset = position + len(raw) - len(raw.lstrip()) if stripped else position
        words = "".join(stripped.split()) if boxed else stripped  # 烟\t台\t市 in a box-drawn header: one cell, 烟台市
        pieces.append(Cell(offset, offset + len(stripped), words))
        position = separator.end() if separator else end
    filled = [index for index, cell in enumerate(pieces) if cell.text]
    if not keep_gaps or not filled:
        return [pieces[index] for index in filled]
    return pieces[filled[0] : filled[-1] + 1]


def _row_of_values(cells: list[Cell], text: str, line: re.Match[str]) -> list[Cell]:
    """A line of a table with its inner empty cells kept, when it is a row of values (a value after its first
    cell); a header, a label or a caption line keeps its cells only (its empty cells are spacing)."""
    if len(cells) < 2 or not any(_is_value(cell.text) for cell in cells[1:]):
        return cells
    return _cells(text, line.start(), line.end(), keep_gaps=True)


def find_tables(text: str, start: int, end: int) -> list[list[list[Cell]]]:
    """Runs of at least ``min_rows`` consecutive lines of two or more cells, each run a table (rows of cells);
    a line that holds a whole table printed one cell a line (years, then each row header with its values)
    is folded back into its rows."""
    tables: list[list[list[Cell]]] = []
    run: list[list[Cell]] = []
    bare: list[Cell] = []  # a run of lines of one bare cell each (a table printed one cell a line, with no bars)
    caption: list[Cell] = []  # the line before, when it is a bar line naming the indicator of a table below it
    lines = list(_LINE.finditer(text, start, end))
    labels_end = 0  # the row after a run of section labels already found to be inside the table
    for index, line in enumerate(lines):
        if run and index < labels_end:
            continue
        if run and (labels_end := _section_labels_end(run, lines, index)) > index:
            if labels_end == index + 1 and _wrapped_tail(text, lines[labels_end]):
                label_start = line.start() + len(line.group()) - len(line.group().lstrip())
                run = [*run, _wrapped_row(text, label_start, lines[labels_end])]
                labels_end += 1
            continue  # 人口与就业, 宏观经济: a yearbook's label over the rows below, the table goes on under it
        if run and (_rules().rule_row.fullmatch(line.group()) or _rules().box_rule.fullmatch(line.group())):
            continue  # ---|---|---: a markdown table's rule under its header; ┠──┼──┨: a box-drawn table's
        if run and _english_line(line.group()):
            continue  # Revenue(100million yuan) under 营业收入(亿元): the English of the row above, no row itself
        if run and len(run) >= 1 and _group_label(line.group().strip("|｜ \t")):
            stripped = line.group().strip("|｜ \t")
            offset = line.start() + line.group().index(stripped)
            run = [*run, [Cell(offset, offset + len(stripped), stripped)]]  # 人口(万人): a label over the rows below
            continue
        cells = _cells(text, line.start(), line.end()) if _rules().cell_separators.search(text, line.start(), line.end()) else []
        if run and len(cells) == 1 and _period_cells([cells[0].text]):
            run = [*run, cells]  # 2023 | | | |: the period of the rows below (a block of one period), inside the table
            continue
        if run and len(cells) == 1 and index + 1 < len(lines) and _period_line(text, lines[index + 1]):
            continue  # 貿易及投資 (Trade and Investment) | | |, then 2023 | 2024 Feb: a section's label, the table goes on
        bare = _bare_run(bare, text, line, cells, tables)
        folded = _folded(cells, text)
        if folded:
            tables.append(folded)
            continue
        above, caption = caption, cells if not run and len(cells) == 1 and _rules().indicator_caption.fullmatch(cells[0].text) else []
        if not run and not cells and not above:  # 各开发区营业收入(亿元) on a line of its own, no bar: the same caption
            caption = _plain_caption(text, line)
        cells = _row_of_values(cells, text, line)
        if len(run) == 1 and _unit_line_under(run[0], cells):
            run[0] = _with_units(run[0], cells)  # 营业收入 | 利润总额, then (亿元) | (亿元) under them: one header row
            continue
        if len(cells) >= 2:
            run = [above, cells] if not run and above else [*run, cells]
            continue
        if len(run) == 1 and cells and len(cells) < len(run[0]) and _header_line(run[0], cells):
            run[0] = _spanned(run[0], cells)  # 9月 | 1-9月累计 | 累计, then 增长% under 累计: one header row
            continue
        if run and len(cells) == 1 and _LEADING_BAR.match(line.group()) and _rules().section_label.fullmatch(cells[0].text):
            continue  # |按主要行业分|||: a label of the rows below, inside the table
        if run and len(cells) == 1 and index + 1 < len(lines) and _wrapped_tail(text, lines[index + 1]):
            run = [*run, _wrapped_row(text, cells[0].start, lines[index + 1])]  # | 规模以上工业总产 | | |, then | 值(亿元) | …
            labels_end = index + 2
            continue
        if len(run) >= _rules().min_rows:
            tables.append(run)
        run = []
    if len(run) >= _rules().min_rows:
        tables.append(run)
    _bare_run(bare, text, None, [], tables)
    return [_without_serials(rows) for rows in tables]


_CAPTION_CHARS = 40  # the indicator caption's words (at most 30) and its bracketed unit


def _plain_caption(text: str, line: re.Match[str]) -> list[Cell]:
    """A line with no cell separator that names the one indicator of the table below it, with its unit in brackets
    (structure.toml indicator_caption): as one cell, else nothing."""
    stripped = line.group().strip()
    if not stripped or len(stripped) > _CAPTION_CHARS or _rules().cell_separators.search(stripped):
        return []  # a line of prose is no caption: one cheap test
    if not _rules().indicator_caption.fullmatch(stripped):
        return []
    start = line.start() + line.group().index(stripped)
    return [Cell(start, start + len(stripped), stripped)]


def _wrapped_tail(text: str, line: re.Match[str]) -> bool:
    """A row whose label is one character and its unit (值(亿元) 1200.5 1350.2): the end of a label a page cut over
    two lines (规模以上工业总产 / 值(亿元)), as text copied from a PDF prints a long row header."""
    cells = _cells(text, line.start(), line.end())
    return len(cells) >= 2 and len(_metric_and_unit(cells[0])[0]) == 1 and _CJK.match(cells[0].text) is not None


def _wrapped_row(text: str, start: int, line: re.Match[str]) -> list[Cell]:
    """The row under a label cut over two lines (its first piece at ``start``), its header the whole label: the line
    break inside it, so that where the header prints its unit stays where the text prints it."""
    cells = _row_of_values(_cells(text, line.start(), line.end()), text, line)
    return [Cell(start, cells[0].end, text[start : cells[0].end]), *cells[1:]]


def _section_labels_end(run: list[list[Cell]], lines: list[re.Match[str]], index: int) -> int:
    """Where a run of short label lines with no value and no unit (人口与就业; 宏观经济 over 国民经济核算) that starts at
    ``index`` ends, when the next line after them is a row as wide as the one above (or one wider, under a header
    printed without its corner): a yearbook's section labels, not the table's end. 0 when the line is no such label
    or the labels are followed by anything else (a heading before prose, the caption of another table). The caller
    skips the whole run, so each line is read once."""
    following = index
    while following < len(lines) and _bare_label(lines[following].group()):
        following += 1
    if following == index or following == len(lines):
        return 0
    cells = [cell for cell in lines[following].group().strip().split("\t") if cell]
    fits = len(cells) in (len(run[-1]), len(run[-1]) + 1) and sum(_is_value(cell) for cell in cells) >= len(cells) - 1
    return following if fits else 0


def _short_label(text: str, most: int) -> bool:
    """A yearbook's section label (人口与就业, 固定资产投资): at most ``most`` characters, no number, no sentence. The one
    test the normalized reader (_bare_label) and the raw single-spaced reader (_spaced_group) both ask."""
    stripped = text.strip()
    return bool(stripped) and len(stripped) <= most and not _SENTENCE_MARKS.search(stripped) and not re.search(r"\d", stripped)


def _bare_label(line: str) -> bool:
    """A short label alone on its line: no number, no unit, no cell separator, no sentence."""
    if not _short_label(line, _GROUP_LABEL_CHARS) or _rules().cell_separators.search(line.strip()):
        return False
    return not _group_label(line.strip())  # 人口(万人) prints a unit: a group label, read as one


_ENGLISH_LINE = re.compile(r"[A-Za-z][A-Za-z0-9 ,.;:&()'’/\-%]*")  # no Chinese, no bar, no tab: a bilingual table's English line


def _english_line(line: str) -> bool:
    """A line of an English label alone (Revenue (100 million yuan), Gross Industrial Output Value), as a bilingual
    yearbook prints under each Chinese row header: part of the table, no row of it."""
    stripped = line.strip()
    if not _ENGLISH_LINE.fullmatch(stripped) or sum(char.isalpha() for char in stripped) < 3:
        return False
    return not any(is_number(token) for token in stripped.split())  # Item  2021  2022: a header row, not a label


def _label_line(line: str) -> bool:
    """A line inside a table that has no cell separator: an English label, a group label (人口(万人)) or a section
    label (人口与就业) — find_tables decides whether the table goes on under it."""
    return _english_line(line) or _group_label(line) or _bare_label(line)


def _without_serials(rows: list[list[Cell]]) -> list[list[Cell]]:
    """A table whose every row after the header opens with a serial number (1, 2, 3 … before 北京市) one cell more
    than the header: the rows without it, so the name after it is their header."""
    header, body = rows[0], rows[1:]
    if not body or not all(len(row) == len(header) + 1 and len(row) >= 3 for row in body):
        return rows
    if not all(_rules().serial_cell.fullmatch(row[0].text) and not _is_value(row[1].text) for row in body):
        return rows
    return [header, *(row[1:] for row in body)]


def _unit_line_under(header: list[Cell], cells: list[Cell]) -> bool:
    """A line of units alone ((亿元) | (亿元) | (亿美元)) under a header of words, one for each of its last columns
    (the corner has none): the units of those columns."""
    fits = len(header) - 1 <= len(cells) <= len(header) and len(cells) >= 1
    units = all(_rules().header_unit_fragment.fullmatch(cell.text) for cell in cells)
    return fits and units and not any(_is_value(cell.text) or _metric_and_unit(cell)[1] for cell in header)


def _with_units(header: list[Cell], units: list[Cell]) -> list[Cell]:
    first = len(header) - len(units)
    return [*header[:first], *(replace(top, unit_cell=unit) for top, unit in zip(header[first:], units, strict=True))]


def _header_line(header: list[Cell], cells: list[Cell]) -> bool:
    """A line of words that completes the header row above it (增长%, 增减百分点 under 9月 | 1-9月累计 | 累计): each
    cell a second-level header word (structure.toml header_continuation), the row above all words, no value."""
    return all(_rules().header_continuation.fullmatch(cell.text) for cell in cells) and not any(_is_value(cell.text) for cell in header)


def _spanned(header: list[Cell], under: list[Cell]) -> list[Cell]:
    """The header row with the words of the line under it as its last columns' leaves: a statistics table prints
    its levels first and the rates after them, so a shorter second line stands under the last columns (累计 over
    增长%); each leaf keeps the word above it as its parent."""
    first = len(header) - len(under)
    return [*header[:first], *(replace(leaf, parent=top.text) for top, leaf in zip(header[first:], under, strict=True))]


def _bare_run(bare: list[Cell], text: str, line: re.Match[str] | None, cells: list[Cell], tables: list[list[list[Cell]]]) -> list[Cell]:
    """Grow the run of bare one-cell lines by this line, or close it: a closed run that reads as a table joins
    ``tables``. Returns the run going on."""
    if line is not None and not cells and _bare_cell(line.group()):
        return [*bare, Cell(line.start(), line.end(), line.group().strip())]
    if line is not None and len(cells) == 1 and _LEADING_BAR.match(line.group()) and _bare_cell(cells[0].text):
        return [*bare, cells[0]]  # |295.4: a cell printed one a line after a bar line, the two joined by the normalizer
    if line is not None and _BETWEEN_CELLS.fullmatch(line.group()):
        return bare  # a line of bars or spaces between the cells (生产总值 / | / 295.4 / | / 7.7): no cell, no end
    if _bare_table(bare):
        folded = _folded(bare, text)
        if folded:
            tables.append(folded)
    return []


def _bare_cell(line: str) -> bool:
    """A line that may be one cell of a table printed without bars: short, no sentence in it."""
    stripped = line.strip()
    return 0 < len(stripped) <= _BARE_CELL_CHARS and not _SENTENCE_MARKS.search(stripped)


def _bare_table(cells: list[Cell] | list[str]) -> bool:
    """Enough bare cells, a third of them plain numbers, two numbers in a row somewhere: a table, not a list of
    headings (a heading is never a plain number)."""
    texts = [cell.text if isinstance(cell, Cell) else cell for cell in cells]
    numbers = [is_number(text) for text in texts]
    paired = any(a and b for a, b in pairwise(numbers))
    return _BARE_MIN_CELLS <= len(texts) <= _BARE_MAX_CELLS and 3 * sum(numbers) >= len(texts) and paired


_BARE_CELL_CHARS = 30
_BARE_MIN_CELLS = 6
# A statistics table printed one bare cell a line has tens of cells; a run of thousands of short lines is no such
# table (and the validator, which walks a table's block for each of its cells, would go quadratic on it).
_BARE_MAX_CELLS = 400
_SENTENCE_MARKS = re.compile("[。，,；;！？!?：:]")


def raw_bare_cell_breaks(raw: str) -> list[int]:
    """The ends of the raw lines that are cells of a table printed one bare cell a line (no bars, blank lines
    between cells allowed): the normalizer keeps a break after each, so the cells never run into one another
    (34.4 and 0.3 are two cells, not 34.40.3)."""
    ends: list[int] = []
    run: list[re.Match[str]] = []
    for line in [*_LINE.finditer(raw), None]:
        if line is not None and _BETWEEN_CELLS.fullmatch(line.group()):
            continue
        if line is not None and not _RAW_SEPARATOR_BAR.search(line.group()) and _bare_cell(line.group()):
            run.append(line)
            continue
        if len(run) >= _BARE_MIN_CELLS and _bare_table([found.group().strip() for found in run]):  # most lines end no run
            ends += [found.end() for found in run]
        run = []
    return ends


_RAW_SEPARATOR_BAR = re.compile("[|｜\t│┃]")
_LEADING_BAR = re.compile("\\s*[|｜]")
_BETWEEN_CELLS = re.compile("[|｜\\s]*")  # a line of bars or blanks only: what some pages print between one-a-line cells


def _folded(cells: list[Cell], text: str | None = None) -> list[list[Cell]]:
    """A whole table printed one cell a line, joined into one line: the rows again, or nothing.

    2002|2003|2004|企业数(个)|28338|32857|38565|…: a header of n years, then each row header with its n values.
    现价工业产值|本月|增长%|五大产业合计|4448189|19.31|装备制造业|…: a header of words (a corner and n column
    headers), then each row header with its n values. A row whose count of values is not n cannot be lined up with
    the header and is left out (never guessed)."""
    years = 0
    while years < len(cells) and _year(cells[years]):
        years += 1
    if years >= 2 and years < len(cells) and not _is_value(cells[years].text):
        return _rows_after([], cells[:years], cells[years:], years)
    caption = cells[:1] if cells and _rules().caption_period.fullmatch(cells[0].text) else []
    cells = cells[len(caption) :]
    with_units = _folded_with_unit_column(cells) or _folded_by_year(cells)
    if with_units:
        return [caption, *with_units] if caption else with_units
    words = 0
    while words < len(cells) and not _is_value(cells[words].text):
        words += 1
    if words < 3 or words == len(cells):
        return []
    header = cells[: words - 1]  # the last word before the first value is the first row's header
    rest = cells[words - 1 :]
    width = _row_width(rest)
    rows = _header_rows(header, rest, width)
    if len(rows) < 3 and text is not None:  # 总量 / (亿元) / 比上年同期 / 增长(%): a header printed in pieces
        dated, rows = _titled_rows(_joined_header(header, text), rest, width)
        caption = caption or dated
    if len(rows) < 3:  # 经济稳定|1.地区生产总值增长率|%|7.2: one row of a bar table, not a whole table folded into a line
        return []
    return [caption, *rows] if caption and rows else rows


def _titled_rows(header: list[Cell], rest: list[Cell], width: int) -> tuple[list[Cell], list[list[Cell]]]:
    """The rows under a header whose pieces are joined, with the title lines above it (上海市生产总值 / 2022年上半年) cut
    off: the header is the last ``width`` words, and the word before them too when it is a corner (指标, 地区); of
    the title, a date (structure.toml caption_period) is the table's caption."""
    if len(header) < width:
        return [], []
    corner = len(header) > width and bool(
        _rules().generic_corner.fullmatch(header[-width - 1].text) or _rules().entity_corner.fullmatch(header[-width - 1].text)
    )
    title = header[: len(header) - width - corner]
    dates = [cell for cell in title if _rules().caption_period.fullmatch(cell.text)]
    return dates[-1:], _header_rows(header[len(title) :], rest, width)


def _header_rows(header: list[Cell], rest: list[Cell], width: int) -> list[list[Cell]]:
    corner = [] if width == len(header) else header[:1]  # 比去年增长(%) | 比重(%) over the rows: no corner cell
    columns = _leaf_columns(header[len(corner) :], width)
    return _rows_after(corner, columns, rest, len(columns))


def _joined_header(header: list[Cell], text: str) -> list[Cell]:
    """A header printed one piece a line: a bracketed unit alone (总量 / (亿元)) belongs to the word before it, and a
    comparison base with no measure (比上年同期 / 增长(%)) to the word after it (structure.toml). A joined cell spans
    its pieces in the text, line break included, so the unit it prints stays where the text prints it."""
    joined: list[Cell] = []
    for cell in header:
        previous = joined[-1] if joined else None
        glue = previous is not None and (
            _rules().header_unit_fragment.fullmatch(cell.text) or _rules().header_open_base.fullmatch(previous.text)
        )
        if previous is not None and glue:
            joined[-1] = Cell(previous.start, cell.end, text[previous.start : cell.end])
        else:
            joined.append(cell)
    return joined


def _folded_with_unit_column(cells: list[Cell]) -> list[list[Cell]]:
    """指标|单位|累计|±%|规模以上工业增加值|亿元|―|3.0|…: a header with a unit column (its corner, if printed, right
    before it), then each row header with its unit and one value (or empty mark) per remaining column; nothing
    unless every row fits. Words before the corner are the table's title, left to be read as its caption line."""
    cells = [cell for cell in cells if cell.text.strip("|｜")]  # a closing bar line is no cell
    unit = _unit_column_at(cells)
    if unit < 0:
        return []
    cells = cells[max(0, unit - 1) :]
    first = next((index for index, cell in enumerate(cells) if _is_value(cell.text) or is_empty(cell.text)), len(cells))
    header = cells[: first - 2]  # the row header and its unit stand before the first value
    width = len(header) + (0 if unit else 1)  # no corner printed (单位 first): a row is one cell wider than its header
    if len(header) < 3 - (1 if not unit else 0) or (len(cells) - len(header)) % width:
        return []
    rows = [cells[start : start + width] for start in range(len(header), len(cells), width)]
    for row in rows:
        if _is_value(row[0].text) or _is_value(row[1].text) or not all(_is_value(c.text) or is_empty(c.text) for c in row[2:]):
            return []
    return [header, *rows]


def _folded_by_year(cells: list[Cell]) -> list[list[Cell]]:
    """年份|地区生产总值(亿元)|增长(%)|2019|1200.5|7.1|2020|…: a table by year printed one cell a line — its corner
    (structure.toml generic_corner: 年份), n column headers, then each year with its n values (or empty marks).
    Nothing unless every row fits: a year short of a value is never lined up by guess."""
    words = 0
    while words < len(cells) and not _is_value(cells[words].text):
        words += 1
    if words < 2 or words == len(cells) or not _year(cells[words]) or not _rules().generic_corner.fullmatch(cells[0].text):
        return []
    rest = cells[words:]
    if len(rest) % words or len(rest) < 2 * words:
        return []
    rows = [rest[start : start + words] for start in range(0, len(rest), words)]
    if not all(_year(row[0]) and all(_is_value(c.text) or is_empty(c.text) for c in row[1:]) for row in rows):
        return []
    return [cells[:words], *rows]


def _row_width(cells: list[Cell]) -> int:
    """How many values the first row header of a folded table is followed by."""
    width = 0
    for cell in cells[1:]:
        if not _is_value(cell.text):
            break
        width += 1
    return width


def _leaf_columns(columns: list[Cell], width: int) -> list[Cell]:
    """The columns a row's values line up with. A header printed on two levels (区域 | 单位数 | 收入合计, then
    绝对值 | 增速 under 收入合计) has one word more than a row has values: its last words are sub-headers
    (structure.toml sub_header) of the word before them, which spans them. Nothing fits: the columns as printed."""
    if len(columns) != width + 1:
        return columns
    subs = 0
    while subs < len(columns) - 1 and _rules().sub_header.fullmatch(columns[-1 - subs].text):
        subs += 1
    if subs < 2:
        return columns
    parent = columns[-1 - subs]
    return [*columns[: -1 - subs], *(replace(cell, parent=parent.text) for cell in columns[-subs:])]


def _rows_after(corner: list[Cell], columns: list[Cell], rest: list[Cell], width: int) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for cell in rest:
        if _is_value(cell.text) and rows:
            rows[-1].append(cell)
        elif not _is_value(cell.text):
            rows.append([cell])
    complete = [row for row in rows if len(row) == width + 1]
    return [[*corner, *columns], *complete] if complete and width >= 1 else []


def _is_value(cell: str) -> bool:
    return is_number(cell) or _damaged(cell)


def _damaged(cell: str) -> bool:
    """27446-3: digits with a stray mark, where a number should stand (kept so it is reported, not guessed)."""
    return bool(re.fullmatch(r"[\d.,\-−]+", cell)) and any(char.isdigit() for char in cell)


def is_number(cell: str) -> bool:
    return bool(_rules().number_cell.fullmatch(cell))


def is_empty(cell: str) -> bool:
    """——, …, /, or nothing between two separators: a statistics table's mark for no value, neither a number nor a
    damaged one (structure.toml)."""
    return not cell.strip() or bool(_rules().empty_cell.fullmatch(cell.strip()))


def _year(cell: Cell | None) -> str:
    """2004 or 2004年 in a header → 2004年 (the period words the resolver reads)."""
    if cell is None:
        return ""
    match = _rules().year_header.fullmatch(cell.text)
    return f"{match.group(1)}年" if match else ""


def _period_words(cell: Cell | None) -> str:
    """2023年第1季, 2023Q3, 2024Feb, 2023年3月 in a header → 2023年第一季度, 2023年第三季度, 2024年2月 (words the period
    resolver reads); a plain year → 2023年; anything else → ""."""
    if cell is None:
        return _year(cell)
    match = _rules().period_header.fullmatch(cell.text)
    if match is None:
        return _year(cell)
    quarter = match.group("quarter") or match.group("q")
    if quarter:  # the resolver's quarters are named in Chinese numerals (第一季度)
        return f"{match.group('year')}年第{'一二三四'[int(quarter) - 1] if quarter.isdigit() else quarter}季度"
    month = match.group("month") or str(list(calendar.month_abbr).index(match.group("mon")))
    return f"{match.group('year')}年{int(month)}月"


_JOINED_PIECES = re.compile("[\n|｜]+")  # between the pieces of a header printed one piece a line (总量 / (亿元))


def _metric_and_unit(cell: Cell) -> tuple[str, str, int]:
    """营业总收入(亿元) → (营业总收入, 亿元, where 亿元 stands); no unit → (the words, "", -1)."""
    match = _rules().unit_in_header.search(cell.text)
    if not match and cell.unit_cell is not None:  # 营业收入 over (亿元) on the line under the header
        below = _rules().unit_in_header.search(cell.unit_cell.text)
        if below:
            group = next(name for name in ("unit", "unit2", "unit3") if below.group(name))
            return _JOINED_PIECES.sub("", cell.text).lstrip(_PART_MARKS), below.group(group), cell.unit_cell.start + below.start(group)
    if not match:  # #出口产品交货值: a statistics table's mark for a part (其中) of the row above
        return _JOINED_PIECES.sub("", cell.text).lstrip(_PART_MARKS), "", -1
    group = next(name for name in ("unit", "unit2", "unit3") if match.group(name))
    metric = _JOINED_PIECES.sub("", cell.text[: match.start()] + cell.text[match.end() :]).strip().lstrip(_PART_MARKS)
    return metric, match.group(group), cell.start + match.start(group)


def printed_unit(cell: Cell) -> str:
    """The unit a header cell prints (总产出构成(%) → %), or ""."""
    return _metric_and_unit(cell)[1]


def table_cells(rows: list[list[Cell]], title: str = "") -> list[TableCell]:
    """Every cell that is not a header, with its row's and column's headers (years on either side).

    The header row is the first row; the first cell of every other row is its row header. A row shorter than
    the header row by one has no corner cell: its cells line up with the header's from the second. When the
    row header prints no unit, the unit comes from the column header, and a corner cell that names the table's
    indicator (现价工业产值) is the metric, the row header its scope. ``title`` is the text right before the table (its
    title and 单位 lines): a date there resolves columns that name no months (本月, 1-本月, 累计, 上年同期) against it.
    """
    if _label_value_pairs(rows):
        return [found for label, values in zip(rows[::2], rows[1::2], strict=True) for found in _pair_cells(label, values)]
    rows = _header_over_years(rows) or rows
    caption = rows[0][0].text if len(rows[0]) == 1 else ""  # 2016年上半年 above a folded table: its period
    indicator = rows[0][0] if caption and _rules().indicator_caption.fullmatch(caption) else None
    caption = "" if indicator is not None else caption  # 指标:工业增加值_同比增长(%): the cells' metric, not their period
    rows = rows[1:] if caption or indicator is not None else rows
    leaves = _leaves_under_groups(rows, _unit_column_at(rows[0]))
    if leaves is not None:  # 单位 | 烟台市 | 威海市, then 地区 | 市区 | 地区 | 市区 under them: one header of leaves
        rows = [leaves, *rows[2:]]
    own_title = False  # a title row of the table's own (表1  2022年全区主要经济指标): its date is every cell's period
    while len(rows) > 2 and not any(_year(c) or _is_value(c.text) for c in rows[0]) and _header_below(rows):
        title, own_title = "\t".join(c.text for c in rows[0]), True
        rows = rows[1:]  # |2-3总产出|单位:亿元|, 表1  2022年全区主要经济指标: a caption line above the header row
    header, found = rows[0], []
    if any(_is_value(cell.text) and not _year(cell) for cell in header[1:]):
        return []  # 2000 | 68.97 | 6.14: a row of values, its table's header not found above it — no column is named
    unit_at = _unit_column_at(header)
    if unit_at >= 1 and any(_period_cells([cell.text for cell in row]) for row in rows[1:]):
        return _cells_under_period_rows(rows[1:], unit_at)  # 2023 | 2023 Q3 | 2023 Q4 over each block of rows
    second = _second_header_at(rows)
    if second:  # 指標 | 單位 | 數值 … then 時間 | 本地生產總值(百萬澳門元) | …: two tables, each read under its own header
        return table_cells(rows[:second], title) + table_cells(rows[second:], title)
    dated = [] if caption or indicator is not None else list(_rules().caption_period.finditer(title))
    parents = _breakdown_parents(rows[1:])
    index_block: Cell | None = None  # the index row (…指数(上年=100)) whose block the rows below stand in
    group: Cell | None = None  # a label row with a unit and no values (人口(万人)) over the rows below it
    unit_row: Cell | None = None  # the last row that printed its own unit (总产出构成(%)), for the rows under it
    for row in rows[1:]:
        if len(row) == 1 and _group_label(row[0].text):
            group, index_block = row[0], None
            continue
        parent = parents.get(id(row))
        if parent is not None:
            found += _breakdown_cells(row, header, parent)
            continue
        if _has_note(row[0]) or _metric_and_unit(row[0])[1]:
            index_block = row[0] if _has_note(row[0]) else None
            group, unit_row = None, row[0]  # a row that prints its own unit ends the group above it
            cells = _row_cells(row, header, caption)
            found += [replace(cell, block=index_block) for cell in cells] if index_block is not None else cells
        elif index_block is not None:  # 第一产业 under 总产出指数(上年=100): an index too, never the 单位 line's
            found += [replace(cell, block=index_block) for cell in _row_cells(row, header, caption)]
        else:
            found += [replace(_in_group(cell, group), unit_row=unit_row) for cell in _row_cells(row, header, caption)]
    if indicator is not None:
        found = [_with_indicator(cell, indicator) for cell in found]
    if caption:
        columns = _caption_periods(header, caption)
        found = [_with_caption_period(cell, columns) for cell in found]
    elif dated and (own_title or any(_named_period(cell) for cell in header)):  # for 本月 | 1-本月 | 上年同期 columns
        columns = _caption_periods(header, dated[-1].group())
        found = [_with_caption_period(cell, columns) for cell in found]
    found = _rates_of_latest_year(found, header)
    periods = _month_periods(header)
    if not periods:
        return found
    return [replace(c, period=periods.get(c.column_header.start, "")) if not c.period and c.column_header is not None else c for c in found]


def _label_value_pairs(rows: list[list[Cell]]) -> bool:
    """Rows that go in pairs: a label line (博彩毛收入 | 百萬澳門元 | 2018年3月: words, a unit, a period), then a line of
    values only (26 031.83 | 22.2% | 76 750.29 | 20.5%), as a digest prints each indicator."""
    if len(rows) < 2 or len(rows) % 2:
        return False
    labels, values = rows[::2], rows[1::2]
    return all(
        len(label) == 3 and _period_words(label[2]) and not any(_is_value(cell.text) for cell in label)
        for label in labels
    ) and all(all(_is_value(cell.text) or not any(ch.isdigit() for ch in cell.text) for cell in row) for row in values)


def _pair_cells(label: list[Cell], values: list[Cell]) -> list[TableCell]:
    """The values under a label line: each in the label's unit and period, but a value that prints its own % (the
    change beside a level, 22.2%) is a percentage; the label line prints no column header, so none is read."""
    name, unit_cell, period = label
    found = []
    for cell in values:
        if not is_number(cell.text):
            continue  # ..: not applicable
        if cell.text.endswith("%") and unit_cell.text != "%":
            found.append(TableCell(cell, name.text, "%", cell.end - 1, _period_words(period), "", name, None,
                                   unit_from="cell"))  # as _own_unit reads 1.54个百分点: the unit stands in the cell
            continue
        level = Cell(cell.start, cell.end - 1, cell.text[:-1]) if cell.text.endswith("%") else cell
        found.append(TableCell(level, name.text, unit_cell.text, unit_cell.start, _period_words(period), "", name, None,
                               unit_from="header", unit_cell=unit_cell))
    return found


def _second_header_at(rows: list[list[Cell]]) -> int:
    """The index of a second header row printed after rows of values (a page printing two tables with no line between
    them: 指標 | 單位 | 數值, its rows, then 時間 | 本地生產總值(百萬澳門元) | 同期變動率), or 0. A row of header words as
    wide as the first header, two of them Chinese, after at least one row of values; its rows are not the first
    header's (their cells would take a number for a unit)."""
    width, values_above = len(rows[0]), False  # one pass: a table of thousands of rows is read in linear time
    for index in range(1, len(rows) - 1):
        row = rows[index]
        if values_above and len(row) == width and _header_words(row) and sum(1 for cell in row if _CJK.search(cell.text)) >= 2:
            return index
        values_above = values_above or any(_is_value(cell.text) for cell in row[1:])
    return 0


def _header_over_years(rows: list[list[Cell]]) -> list[list[Cell]] | None:
    """A table by year (a year, then n values, in every row below its header lines) whose header has more than one
    line: the header is the last line of n words (贡献率(%) | 拉动(百分点) | 贡献率(%) | …, one for each value; a line of
    English or of units alone is no such line), its units the line of n units alone when it prints none itself
    (Year | (%) | (百分点) | …). A line of k words above it, k dividing n, is the group over it (最终消费支出 |
    资本形成总额 | 货物和服务净出口) when the leaves repeat every n/k columns, which is how the leaves show that each
    group spans n/k of them: each leaf keeps its group as its parent. None when the rows are no such table or no
    line fits: nothing is lined up by guess."""
    first = next((index for index, row in enumerate(rows) if _year_row(row)), -1)
    if first < 1 or not all(_year_row(row) and len(row) == len(rows[first]) for row in rows[first:]):
        return None
    width, above = len(rows[first]) - 1, rows[:first]
    # the nearest line of Chinese words above the rows, past their English and units lines: n words, or no such table
    # (a header with its corner, 年份 | GDP(亿元) | 增长(%), is read as any header is)
    nearest = next((index for index in range(first - 1, -1, -1) if _header_words(above[index]) and not _units_row(above[index], width)), -1)
    if nearest < 0 or len(above[nearest]) != width:
        return None
    leaf = above[nearest]
    units = next((row[len(row) - width :] for row in above if _units_row(row, width)), None)
    if units is not None and not any(_metric_and_unit(cell)[1] for cell in leaf):
        leaf = [replace(cell, unit_cell=unit) for cell, unit in zip(leaf, units, strict=True)]
    group = next((row for row in reversed(above[:nearest]) if _groups(row, leaf)), None)
    if group is not None:
        span = width // len(group)
        leaf = [replace(cell, parent=group[index // span].text) for index, cell in enumerate(leaf)]
    return [leaf, *rows[first:]]


def _year_row(row: list[Cell]) -> bool:
    return len(row) >= 3 and bool(_year(row[0])) and all(_is_value(cell.text) or is_empty(cell.text) for cell in row[1:])


def _header_words(row: list[Cell]) -> bool:
    """A header line of Chinese words: no value, no year, not all English, not all units."""
    return (
        not any(_is_value(cell.text) or _year(cell) for cell in row)
        and any(_CJK.search(cell.text) for cell in row)
        and not all(_rules().header_unit_fragment.fullmatch(cell.text) for cell in row)
    )


_CJK = re.compile("[\u4e00-\u9fff]")


def _units_row(row: list[Cell], width: int) -> bool:
    """(%) | (百分点) | …, n units alone, after a corner word (Year, 年份) or not."""
    units = row[len(row) - width :] if len(row) in (width, width + 1) else []
    return bool(units) and all(_rules().header_unit_fragment.fullmatch(cell.text) for cell in units)


def _groups(row: list[Cell], leaf: list[Cell]) -> bool:
    """Whether ``row`` is the group line over ``leaf``: k Chinese words, 1 < k < n, k dividing n, and the leaves'
    words repeating every n/k columns."""
    k, width = len(row), len(leaf)
    if not 1 < k < width or width % k or not _header_words(row):
        return False
    span = width // k
    names = [_metric_and_unit(cell)[0] for cell in leaf]
    return all(names[index] == names[index % span] for index in range(width))


def _rates_of_latest_year(found: list[TableCell], header: list[Cell]) -> list[TableCell]:
    """A rate column beside year columns (2023年 | 2024年 | 增长%; 2024年 | 2023年 | 增减(%)) compares the latest year
    with an earlier one: its cells are of the latest year, whichever side it is printed on."""
    years = [_year(cell) for cell in header if _year(cell)]
    if not years:
        return found
    latest = max(years)
    return [
        replace(cell, period=latest)
        if not cell.period and cell.column_header is not None and not _year(cell.column_header) and _rate_of(cell.column_header)
        else cell
        for cell in found
    ]


_CAPTION_MONTH = re.compile(r"((?:19|20)\d\d)年(?:1?\d[-—–至])?(1?\d)月份?")


def _caption_periods(header: list[Cell], caption: str) -> dict[int, str | None]:
    """The period each column of a captioned table holds, by the column's start: a column of the caption's month
    (本月) that month of its year, a column of the year to date (1-本月, 累计) the months up to it, a rate column the
    period of the column before it (比去年同月增长 after 本月), any other column the caption's period (2022年上半年).
    A column of the base period (上年同期) is None: its values are not of the caption's period. 本月 under a caption
    with no month (2022年上半年) is None too: which month is not said."""
    month = _CAPTION_MONTH.fullmatch(caption)
    found: dict[int, str | None] = {}
    current: str | None = caption
    for cell in header:
        words = _metric_and_unit(cell)[0]
        if _rules().base_period_header.fullmatch(words):
            found[cell.start] = None
            continue
        if _rules().report_period_header.fullmatch(words):
            current = caption  # 本期 under 2023年上半年: the reporting period, whatever its length
        elif _rules().this_period_header.fullmatch(words):
            current = f"{month.group(1)}年{month.group(2)}月" if month else None
        elif _rules().to_date_header.fullmatch(words):
            current = f"{month.group(1)}年1-{month.group(2)}月" if month else None
        found[cell.start] = current
    return found


def _named_period(cell: Cell) -> bool:
    """A column of the caption's month, its period, the year to it, or the base period (本月, 本期, 累计, 上年同期)."""
    words = _metric_and_unit(cell)[0]
    rules = _rules()
    patterns = (rules.this_period_header, rules.report_period_header, rules.to_date_header, rules.base_period_header)
    return any(pattern.fullmatch(words) for pattern in patterns)


def title_before(text: str, table_start: int, floor: int) -> str:
    """The two lines right before a table (its title, then maybe its 单位 line): where its date is printed."""
    start = table_start
    for _ in range(2):
        if start <= floor:
            break
        start = text.rfind("\n", floor, start - 1) + 1
    return text[max(start, floor) : table_start]


def _with_caption_period(found: TableCell, columns: dict[int, str | None]) -> TableCell:
    """A cell with no period of its own takes its column's period under the table's caption; a cell whose column's
    period the caption cannot tell (上年同期, 本月 under 2022年上半年) is not read: its unit is dropped."""
    column = found.column_header
    if found.period or found.subject or column is None or column.start not in columns:
        return found
    period = columns[column.start]
    if period is None:
        return replace(found, unit="", unit_from="")
    return replace(found, period=period)


def _group_label(text: str) -> bool:
    """A yearbook's label row over a group of rows, printing their unit and no value (人口(万人), 就业(万人)): short,
    a unit in brackets, no number, no sentence."""
    stripped = text.strip()
    if not stripped or len(stripped) > _GROUP_LABEL_CHARS or _SENTENCE_MARKS.search(stripped) or _RAW_SEPARATOR.search(stripped):
        return False
    if any(is_number(token) for token in stripped.split()) or _has_note(Cell(0, len(stripped), stripped)):
        return False
    match = _rules().unit_in_header.search(stripped)
    return match is not None and bool(match.group("unit"))


_GROUP_LABEL_CHARS = 16


def _in_group(found: TableCell, group: Cell | None) -> TableCell:
    """A cell whose headers print no unit, in a row under a group label (年末常住人口 under 人口(万人)): the label's
    unit, the label its parent (where the validator finds the unit printed)."""
    if group is None or found.unit or found.unit_from:
        return found
    _words, unit, unit_start = _metric_and_unit(group)
    return replace(found, unit=unit, unit_start=unit_start, unit_end=-1, unit_from="header", parent=group)


def _with_indicator(found: TableCell, indicator: Cell) -> TableCell:
    """A place's cell under a period column (河北省 × 2020年11月) that its headers give no unit: the caption's indicator
    and unit (指标:工业增加值_同比增长(%)), the column its period."""
    column = found.column_header
    if found.unit or not found.subject or column is None or not (_year(column) or _rules().month_header.fullmatch(column.text)):
        return found
    match = _rules().indicator_caption.fullmatch(indicator.text)
    if match is None:
        return found
    metric = match.group("metric").replace("_", "")
    period = _year(column) or column.text
    unit_start = indicator.start + match.start("unit")
    unit = match.group("unit")
    found = replace(found, metric=metric, unit=unit, unit_start=unit_start, unit_end=-1, period=period, caption=indicator)
    return replace(found, unit_from="header")  # the caption is a header of every cell of its table


def _month_periods(header: list[Cell]) -> dict[int, str]:
    """The period each month column of a header names, by the column's start: 9月 → 9月, 1-9月累计 → 1-9月, and a
    running-total column that names no months (累计 over 增长%) → the months of the column that does (1-9月累计).
    The year is the caption's or the publication's, read later like any period words."""
    found: dict[int, str] = {}
    total = ""
    for cell in header:
        words = f"{cell.parent}{cell.text}"
        match = _rules().month_header.match(words)
        if match:
            months = _rules().cumulative_header.sub("", match.group())
            found[cell.start] = months
            total = months if _rules().cumulative_header.search(match.group()) or not total else total
    if not found:
        return {}
    for cell in header:
        if cell.start not in found and _rules().cumulative_header.match(f"{cell.parent}{cell.text}") and total:
            found[cell.start] = total
    last = ""
    for cell in header:  # 1-9月 | 同比增长%: a rate column compares the months of the column before it
        last = found.get(cell.start, last)
        if cell.start not in found and last and _rate_of(cell):
            found[cell.start] = last
    return found


def _header_below(rows: list[list[Cell]]) -> bool:
    """The second row is the header the first only captions: a row of years (项目 | 2000 | 2005), or a wider row of
    words alone right above the first row of values (表1 | 2022年全区主要经济指标, then 指标 | 单位 | 绝对数 | 比上年增长%)."""
    if _header_of_years(rows[1], len(rows[0])):
        return True
    words = not any(_year(c) or _is_value(c.text) for c in rows[1])
    return words and len(rows[1]) > len(rows[0]) and any(_is_value(c.text) for c in rows[2][1:])


def _header_of_years(row: list[Cell], above: int) -> bool:
    """项目 | 2000 | 2005 …: a row of years (after its corner) wider than the row above it, or a row of years only."""
    years = [c for c in row[1:] if _year(c)]
    return len(years) >= 2 and (len(row) > above or len(years) == len(row) - 1)


def _row_cells(row: list[Cell], header: list[Cell], caption: str) -> list[TableCell]:
    """The value cells of one row, each with its row's and column's headers; none for a second row of years (a
    header the table's first row only captioned), whose years are no values."""
    row_header, values = row[0], row[1:]
    if len(values) >= 2 and all(_year(cell) for cell in values):
        return []
    shift = len(row) - len(header)  # 0: the header has a corner cell; 1: it does not
    corner = header[0] if shift == 0 and not _year(header[0]) else None
    unit_at = _unit_column_at(header) + shift  # where the row prints its unit, the header's unit column
    if unit_at >= 1 and len(row) - unit_at >= 2 and shift <= 1:
        # 一级指标 | 二级指标 | 计量单位 | 1-3月: cells left of the row header are group labels, and a row that prints
        # fewer cells (2.居民消费价格涨幅 | % | 2.7 under 经济稳定's merged cell) lines up from the right
        return _unit_column_cells(row[unit_at - 1 :], header[-(len(row) - unit_at - 1) :])
    if shift < 0 or shift > 1:
        return []  # |企业数(家)|1500|1620|| under three years, or seven values under three words: not lined up by guess
    found = []
    for index, cell in enumerate(values):
        column_index = index + 1 - shift
        column = header[column_index] if 0 <= column_index < len(header) else None
        if corner is not None and column is not None and _rules().entity_corner.fullmatch(corner.text) and not _year(column):
            level = header[column_index - 1] if column_index >= 2 else None  # 营业收入(亿元) before 增长(%)
            found.append(_entity_row_cell(cell, row_header, _of_level(column, level), caption))
        elif corner is not None and column is not None and _rules().entity_corner.fullmatch(corner.text):
            # 开发区 | 2023年 | 2024年, one zone a row: the row header is the cell's subject, as in the columns of words
            found.append(replace(_cell_with_headers(cell, row_header, column, corner), subject=row_header.text, scope=""))
        else:
            found.append(_cell_with_headers(cell, row_header, column, corner))
    return found


def _leaves_under_groups(rows: list[list[Cell]], unit_at: int) -> list[Cell] | None:
    """A header row of groups after a unit column (单位 | 烟台市 | 威海市 | 青岛市 | 连云港市) over a row of as many leaves
    for each group (地区 | 市区 | 地区 | 市区 …), of words only: the header of leaves, each under its group (its
    parent); None for any other table."""
    if unit_at < 0 or len(rows) < 3 or not _header_words(rows[1]):
        return None
    groups, leaves = rows[0][unit_at + 1 :], rows[1]
    if not groups or len(leaves) <= len(groups) or len(leaves) % len(groups):
        return None
    span = len(leaves) // len(groups)
    return [*rows[0][: unit_at + 1], *(replace(leaf, parent=groups[i // span].text) for i, leaf in enumerate(leaves))]


def _cells_under_period_rows(rows: list[list[Cell]], unit_at: int) -> list[TableCell]:
    """指標 | 單位 | 最新年度數據 | 最新數據 (月/季度) | 按月/季變動, with a row of periods (2023 | 2023 Q3 | 2023 Q4) over
    each block of rows: a row's values take its unit cell's unit and, one by one, the periods of the row above them;
    a value with no period over it (the 變動 column's change) is not read, nor a row before any periods."""
    found: list[TableCell] = []
    periods: list[Cell] = []
    for row in rows:
        if _period_cells([cell.text for cell in row]):
            periods = row
            continue
        if not periods or len(row) < unit_at + 2 or _is_value(row[unit_at].text):
            continue
        unit_cell = _unit_of_cell(row[unit_at])
        for cell, period in zip(row[unit_at + 1 :], periods, strict=False):
            level = _value_before_change(cell)
            if level.text.endswith("%"):  # 80.5% under 百分比 / %: the cell prints its own %, read with it (as _own_unit)
                found.append(TableCell(level, row[0].text, "%", level.end - 1, _period_words(period), "", row[0], period,
                                       unit_from="cell"))
                continue
            found.append(TableCell(level, row[0].text, unit_cell.text, unit_cell.start, _period_words(period), "", row[0],
                                   period, unit_from="header", unit_cell=unit_cell))
    return found


def _unit_of_cell(cell: Cell) -> Cell:
    """億澳門元/ 108 MOP, 百分比 / %: a unit cell printed in two languages → its Chinese unit, or its % when the Chinese
    side names the percentage in words (百分比); a cell of one language stays as it is."""
    match = _rules().bilingual_unit.fullmatch(cell.text)
    if match is None:
        return cell
    group = "symbol" if match.group("symbol") else "unit"
    return Cell(cell.start + match.start(group), cell.start + match.end(group), match.group(group))


def _value_before_change(cell: Cell) -> Cell:
    """3,795 (↑92.3%): a level printed with its change in brackets → the level (the change is not read)."""
    match = _rules().value_with_change.fullmatch(cell.text)
    return Cell(cell.start, cell.start + match.end("value"), match.group("value")) if match else cell


def _unit_column_at(header: list[Cell]) -> int:
    """The index of the header's unit column (单位, 计量单位) among its first three cells, or -9 when it has none."""
    return next((index for index, cell in enumerate(header[:3]) if _rules().unit_column.fullmatch(cell.text)), -9)


def _unit_column_cells(row: list[Cell], columns: list[Cell]) -> list[TableCell]:
    """规模以上工业增加值 | 亿元 | ― | 3.0 under 指标 | 单位 | 累计 | ±%: the row's unit is its cell in the unit column,
    unless the value's column (``columns``, one per value) prints a rate (±%: 3.0%)."""
    unit_cell, found = row[1], []
    if _is_value(unit_cell.text):
        return []  # 2023年第1季 | 81502 | 39.2 under 指標 | 單位 | 數值: a number stands where the unit should, no unit is read
    for cell, column in zip(row[2:], columns, strict=True):
        period = _year(column)  # 指标 | 单位 | 2023年 | 2024年: the year of the column
        level = TableCell(cell, row[0].text, unit_cell.text, unit_cell.start, period, "", row[0], column, unit_from="header")
        level = replace(level, unit_cell=unit_cell)
        if column.parent and _rules().place_group.fullmatch(column.parent):  # 625.57 under 烟台市 / 地区: 烟台市's
            level = replace(level, subject=column.parent)
        found.append(_rate_column(level, column))
    return found


def _breakdown_parents(rows: list[list[Cell]]) -> dict[int, list[Cell]]:
    """Rows that break down the row above them, by the row's id: the parent row. A row whose header prints a unit
    (总产出(亿元)) is a parent when the rows after it, with no unit of their own, add up to it in its first value
    (第一产业 + 第二产业 + 第三产业 = 总产出, or the shares of a 构成(%) row to 100); the rows after those, up to the next
    row that prints a unit, break it down too (工业, 建筑业 … after |按主要行业分|). Their cells take the parent's
    unit and metric; a row that adds up to nothing takes no unit from any other row."""
    parents: dict[int, list[Cell]] = {}
    index = 0
    while index < len(rows):
        row = rows[index]
        end = index + 1
        while end < len(rows) and not _metric_and_unit(rows[end][0])[1] and not _has_note(rows[end][0]):
            end += 1
        if _metric_and_unit(row[0])[1] and _adds_up(row, rows[index + 1 : end]):
            parents.update((id(child), row) for child in rows[index + 1 : end])
        elif _metric_and_unit(row[0])[1]:
            parts = _marked_parts(row, rows[index + 1 : end])  # 年末总人口(万人), then #非农业人口: its part, in its unit
            parents.update((id(child), row) for child in parts)
        index = end
    return parents


def _marked_parts(parent: list[Cell], rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows marked # (其中, a part of the row above) right under a row that prints its unit: they print none
    of their own and are counted in the row above's unit. Rows after the first unmarked one are not its parts, nor
    is a row with fewer cells than its parent (which year is empty is not said: never lined up by guess)."""
    parts = []
    for row in rows:
        if not _is_marked_part(row[0]) or len(row) != len(parent):
            break
        parts.append(row)
    return parts


def _is_marked_part(cell: Cell) -> bool:
    return cell.text[:1] in _PART_MARKS and len(cell.text) > 1


def _has_note(cell: Cell) -> bool:
    """总产出指数(上年=100): an index, a row of its own kind (no parent's child), whose rows below are indexes too."""
    return bool(_rules().index_header.search(cell.text))


_PART_MARKS = "#＃"  # a statistics table's mark for a part (其中) of the row above (#出口产品交货值): one owner for every reader
_ADDS_UP = 0.005  # the parts of a total printed to two decimals add up within rounding


def _adds_up(parent: list[Cell], children: list[list[Cell]]) -> bool:
    """Two or more of the rows after ``parent``, from the first, add up to its first value: every row counted
    (# 批发零售业 + 住宿餐饮业 = 社会消费品零售总额: the # marks the total's own parts), or the # rows left out
    (第一产业, 第二产业, #工业, 第三产业: the # marks a part of the part above)."""
    column = next((index for index, cell in enumerate(parent[1:], start=1) if is_number(cell.text)), 0)
    if not column or any(not is_empty(cell.text) for cell in parent[1:column]):
        return False  # 本地生产总值(%) | —— | 100.0: the first value after the columns the row leaves empty
    total = _amount(parent[column].text)
    unmarked = [child for child in children if child[0].text[:1] not in _PART_MARKS]
    whole = [child for child in children if len(child) == len(parent)] == children
    return whole and (_sums_to(total, children, column) or (len(unmarked) < len(children) and _sums_to(total, unmarked, column)))


def _sums_to(total: float, rows: list[list[Cell]], column: int) -> bool:
    """Whether two or more of ``rows``, from the first, add up to ``total`` in ``column`` within rounding."""
    running = 0.0
    for count, row in enumerate(rows, start=1):
        if len(row) <= column or not is_number(row[column].text):
            return False  # a row short of the column, or printing no number there: no sum is read through it
        running += _amount(row[column].text)
        if count >= 2 and abs(running - total) <= _ADDS_UP * max(abs(total), 1.0):
            return True
    return False


def _amount(text: str) -> float:
    return float(text.replace(",", "").replace("−", "-").rstrip("%"))


def _breakdown_cells(row: list[Cell], header: list[Cell], parent: list[Cell]) -> list[TableCell]:
    """第一产业 under 总产出(亿元): each cell the parent's metric and unit, the row header its part, the column its year.
    A part whose name is not printed (a bare # before its values) is not read: what it is a part of is not said."""
    if row[0].text in _PART_MARKS:
        return []
    words, unit, unit_start = _metric_and_unit(parent[0])
    shift = len(row) - len(header)
    found = []
    for index, cell in enumerate(row[1:]):
        column_index = index + 1 - shift
        column = header[column_index] if 0 <= column_index < len(header) else None
        part, period = row[0].text.lstrip(_PART_MARKS).strip(), _year(column)  # # 批发零售业: the part is 批发零售业
        metric = f"{part}{words}"
        level = TableCell(cell, metric, unit, unit_start, period, part, row[0], column, unit_from="header", parent=parent[0])
        found.append(_rate_column(level, column))
    return found


def _of_level(column: Cell, level: Cell | None) -> Cell:
    """A rate column that names no measure (增长(%), 增速) right after a level column (营业收入(亿元)) in a table by
    zone: the level's growth, its words the level column's parent (营业收入增长, not 增长 alone)."""
    if column.parent or level is None or level.parent or not _rules().sub_header.fullmatch(_metric_and_unit(column)[0]):
        return column
    words = _metric_and_unit(level)[0]
    if not words or _rules().sub_header.fullmatch(words):
        return column
    return replace(column, parent=words)


def _entity_row_cell(cell: Cell, row_header: Cell, column: Cell, caption: str) -> TableCell:
    """区域 | 单位数 | 增速 …, one zone a row: the row header is the subject, the column header (under the one
    spanning it) the metric and unit, the table's caption or the column's year the period."""
    words, unit, unit_start = _metric_and_unit(column)
    metric, period = f"{column.parent}{words}", caption or _year(column)
    if unit:
        return TableCell(cell, metric, unit, unit_start, period, "", row_header, column, unit_from="header", subject=row_header.text)
    growth = _growth_word(column)
    if growth is None:
        return TableCell(cell, metric, "", -1, period, "", row_header, column, subject=row_header.text)
    return TableCell(cell, metric, "%", growth.start, period, "", row_header, column, growth.end, "growth header", row_header.text)


def _rate_column(cell: TableCell, column: Cell | None) -> TableCell:
    """A cell whose column prints a rate (增长%, 增减百分点, 比上年增长(%)) under a row header that prints a level's unit
    (本地生产总值(亿元)): the column's rate, not the row's unit (11.5 under 增长% is 11.5%, never 11.5亿元)."""
    if column is None or _year(column) or cell.unit_from != "header" or cell.column_header is not column:
        return cell
    words, unit, unit_start = _metric_and_unit(column)
    if unit and _RATE_UNIT.fullmatch(unit) and unit != cell.unit:
        return replace(cell, metric=f"{_metric_and_unit(cell.row_header)[0]}{words}", unit=unit, unit_start=unit_start, unit_end=-1)
    growth = _growth_word(column)
    if growth is not None and not _RATE_UNIT.fullmatch(cell.unit):
        metric = f"{_metric_and_unit(cell.row_header)[0]}{growth.text}"
        return replace(cell, metric=metric, unit="%", unit_start=growth.start, unit_end=growth.end, unit_from="growth header")
    return cell


_RATE_UNIT = re.compile("%|‰|个?百分点")


def _rate_of(header: Cell) -> str:
    """The rate a header (not a year) gives its cells: the rate unit it prints (增长% → %, 增减百分点 → 百分点), % for a
    growth word it ends with (累计增长); "" for none."""
    if _year(header):
        return ""
    unit = _metric_and_unit(header)[1]
    if _RATE_UNIT.fullmatch(unit):
        return _rate_of_unit(unit)
    return "%" if _growth_word(header) is not None else ""


def _rate_of_unit(unit: str) -> str:
    return unit.removeprefix("个")  # 个百分点 and 百分点 are one unit


def _cell_with_headers(cell: Cell, row_header: Cell, column: Cell | None, corner: Cell | None) -> TableCell:
    return _own_unit(_rate_column(_headed_cell(cell, row_header, column, corner), column))


_CELL_WITH_UNIT = re.compile(r"[-−]?\d+(?:\.\d+)?(?P<unit>个?百分点)")


def _own_unit(found: TableCell) -> TableCell:
    """1.54个百分点 in a column of 增长%: a cell that prints its own rate unit is read with it, as a sentence's number
    would be (unit_from "cell": the unit stands in the cell, no header gives it)."""
    match = _CELL_WITH_UNIT.fullmatch(found.cell.text)
    if match is None or not found.metric:
        return found
    start = found.cell.start + match.start("unit")
    return replace(found, unit=match.group("unit"), unit_start=start, unit_end=start + len(match.group("unit")), unit_from="cell")


def _headed_cell(cell: Cell, row_header: Cell, column: Cell | None, corner: Cell | None) -> TableCell:
    row_year, column_year = _period_words(row_header), _year(column)  # 2023年第1季 | 81502: a quarter down the side
    scope = ""
    if column_year or not row_year:  # years across the top (or none): the row header names the metric
        metric, unit, unit_start = _metric_and_unit(row_header)
        period = column_year
        if not unit and column is not None:
            column_words, unit, unit_start = _metric_and_unit(column)
            indicator = _metric_and_unit(corner)[0] if corner is not None else ""
            if indicator and not _rules().generic_corner.fullmatch(indicator):
                metric, scope = f"{indicator}{column_words}", row_header.text  # 装备制造业 × 增长% under 现价工业产值
            elif unit and not _year(column):
                metric = f"{metric}{column_words}"  # 航空航天制造业 × 比去年增长(%): the row's growth
    else:  # years down the side: the column header names the metric, under its group if it has one
        metric, unit, unit_start = _metric_and_unit(column) if column is not None else ("", "", -1)
        metric = f"{column.parent}{metric}" if column is not None and column.parent else metric
        period = row_year
    if unit:
        return TableCell(cell, metric, unit, unit_start, period, scope, row_header, column, unit_from="header")
    growth = _growth_word(column) or _growth_word(row_header)
    if growth is None:
        return TableCell(cell, metric, unit, unit_start, period, scope, row_header, column)
    return TableCell(cell, metric, "%", growth.start, period, scope, row_header, column, growth.end, "growth header")


def _growth_word(header: Cell | None) -> Cell | None:
    """The growth word a header (not a year) ends with (累计增长 → 增长): its cells are percentages."""
    if header is None or _year(header):
        return None
    match = _unit_rules().growth_header.search(header.text)
    return Cell(header.start + match.start(), header.start + match.end(), match.group()) if match else None


def is_growth_word(printed: str) -> bool:
    return bool(_unit_rules().growth_header.fullmatch(printed))


def unit_line(text: str, position: int) -> Cell | None:
    """The unit a 单位 line prints (单位：万元) at the end of one of the two lines before the table that holds
    ``position``: the unit of its cells whose headers print none. One unit only; nothing when there is none."""
    start, _end = _block(text, position)
    first_end = text.find("\n", start)
    own = _unit_rules().unit_line.search(text, start, len(text) if first_end == -1 else first_end)
    if own:  # 生产总值及其增长速度|单位:亿元|指标: the table's first line, one cell a line joined by bars, prints it
        return Cell(own.start("unit"), own.end("unit"), own.group("unit"))
    for _ in range(2):
        if start == 0:
            return None
        previous = text.rfind("\n", 0, start - 1) + 1
        match = _unit_rules().unit_line.search(text, previous, start - 1)
        if match:
            return Cell(match.start("unit"), match.end("unit"), match.group("unit"))
        start = previous
    return None


def unit_source(text: str, position: int, unit: str, start: int, end: int) -> str:
    """Which printing of the table holding the cell at ``position`` gives the cell the unit printed at
    text[start:end]: "header" (its row or column header prints it), "growth header" (a header of the cell ends
    with a growth word and none prints a unit: ``unit`` must be %), "unit line" (the table's 单位 line, when no
    header of the cell prints a unit or names a growth); "" when none does. The validator asks this."""
    headers = headers_of(text, position)
    if not headers:
        return ""
    holder = next((cell for cell in headers if cell.start <= start and end <= cell.end), None)
    printed = text[start:end]
    column = _column_of(text, position)
    if column is not None and column is not holder and _rate_of(column) not in ("", _rate_of_unit(unit)):
        return ""  # 本地生产总值(亿元) × 增长%, 本地生产总值(%) × 增减百分点: the column's rate, not another header's unit
    own_unit = any(_metric_and_unit(cell)[1] not in ("", unit) for cell in headers)  # a header's other unit beats the line
    if holder is not None and printed == unit:
        return "header"
    growth = [found for found in map(_growth_word, headers) if found is not None]
    if holder is not None and unit == "%" and not own_unit and any((g.start, g.end) == (start, end) for g in growth):
        return "growth header"
    line = unit_line(text, position)
    indexed = any(_has_note(cell) for cell in headers)  # 总产出指数(上年=100) and the rows of its block: no unit at all
    if line is not None and (line.start, line.end) == (start, end) and printed == unit and not own_unit and not growth and not indexed:
        return "unit line"
    return ""


_RAW_SEPARATOR = re.compile(r"[|｜\t│┃]|  +|\u3000+")


def raw_table_rows(raw: str) -> list[tuple[int, int]]:
    """The raw lines that are rows of a table: two or more cells split by bars, tabs or aligned spaces, in a run
    of at least ``min_rows`` such lines, each with a number in a cell after its first. The normalizer keeps their
    line breaks and their cell separators, which it would otherwise delete."""
    rows, run = [], []
    heads: list[tuple[int, int, list[str]]] = []  # bar lines with no number right before the run: its header lines
    separated = _RAW_SEPARATOR.search
    for line in _LINE.finditer(raw):
        stripped = line.group().strip()
        if stripped and _rules().box_rule.fullmatch(stripped):  # ┏━━┯━━┓, ┠──┼──┨: a box-drawn table's rule, a line of its own
            (run if run else heads).append((line.start(), line.end(), []))
            continue
        if run and (_english_line(stripped) or _group_label(stripped)):  # Revenue (100 million yuan), 人口(万人)
            continue  # the run goes on; the line keeps its own line (the rows around it keep their breaks), no tabs
        if not separated(stripped):  # one cell at most (most lines of a page): it ends a run and starts none
            if run:
                rows += _kept(run, raw)
                run = []
            heads = []
            continue
        parts = [part.strip() for part in _RAW_SEPARATOR.split(stripped)]
        cells = [part for part in parts if part]
        numeric = len(cells) >= 2 and any(is_number(cell) for cell in cells[1:])
        if numeric and not run and heads:
            run, heads = [*heads, (line.start(), line.end(), cells)], []  # 9月 | 1-9月累计 | 累计 / 增长% over the rows
            continue
        if numeric or (run and len(cells) >= 2 and len(cells) >= len(run[0][2]) - 1):  # a header row inside the run
            run.append((line.start(), line.end(), cells))
            continue
        if run and _period_cells(cells):
            run.append((line.start(), line.end(), cells))  # 2023 | 2024 Feb | 2024 Mar, or 2023 | | |: periods of the rows below
            continue
        if run and len(cells) == 1 and _rules().section_label.fullmatch(cells[0]):
            run.append((line.start(), line.end(), cells))  # | 按主要行业分 | | |: a label of the rows below, on its line
            continue
        rows += _kept(run, raw)
        run = [(line.start(), line.end(), cells)] if len(cells) >= 2 else []
        heads = _last_heads([*heads, (line.start(), line.end(), cells)]) if not run and _bar_line(stripped, cells) else []
    return rows + _kept(run, raw)


_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")  # a cell of a table aligned with runs of spaces: words joined by single spaces


def raw_aligned_gaps(raw: str) -> dict[int, int]:
    """Empty cells of tables aligned with runs of spaces, found by where the cells stand under the header: for
    a whitespace run inside a row, how many columns it skips (企业数(家)  1500      1750 under 2021年  2022年  2023年:
    the run after 1500 skips 2022年). Positions count display columns (a Chinese character is two wide, as the page
    was laid out). A row whose cells do not each stand clearly under one column gets nothing, and is then shorter
    than its header: not lined up by guess. The normalizer keeps one tab per skipped column."""
    gaps: dict[int, int] = {}
    for start, end in raw_table_rows(raw):
        line = raw[start:end]
        if "|" in line or "｜" in line or "\t" in line:
            continue
        header = _aligned_header(raw, start)
        if header is None:
            continue
        cells = list(_ALIGNED_CELL.finditer(line))
        if len(cells) >= len(header) or len(cells) < 2 or not any(is_number(c.group()) for c in cells[1:]):
            continue
        nearest = [_nearest_column(header, _span_center(line, c)) for c in cells]
        columns = [column for column in nearest if column is not None]
        if len(columns) < len(nearest) or columns[0] != 0 or any(b <= a for a, b in pairwise(columns)):
            continue
        for left, (a, b) in zip(cells[:-1], pairwise(columns), strict=True):
            if b - a > 1:
                gaps[start + left.end()] = b - a - 1
    return gaps


def _aligned_header(raw: str, row_start: int) -> list[tuple[float, float]] | None:
    """The display spans of the cells of the header line above a run of aligned rows: the nearest line above with
    no number but years, two or more cells split by runs of spaces."""
    position = row_start
    for _ in range(_ALIGNED_HEADER_DISTANCE):
        if position == 0:
            return None
        previous = raw.rfind("\n", 0, position - 1) + 1
        line = raw[previous : position - 1]
        cells = list(_ALIGNED_CELL.finditer(line))
        if len(cells) >= 2 and not any(is_number(c.group()) and not _rules().year_header.fullmatch(c.group()) for c in cells):
            if not re.search("  ", line.strip()):
                return None
            return [(_display(line, c.start()), _display(line, c.end())) for c in cells]
        position = previous
    return None


_ALIGNED_HEADER_DISTANCE = 40  # rows of one aligned table between a row and its header line


def _display(line: str, index: int) -> float:
    return float(sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line[:index]))


def _span_center(line: str, cell: re.Match[str]) -> tuple[float, float]:
    return _display(line, cell.start()), _display(line, cell.end())


def _nearest_column(header: list[tuple[float, float]], span: tuple[float, float]) -> int | None:
    """The header column a cell stands under: the one its span overlaps most, if it overlaps only one; else the
    one whose center is nearest, if clearly nearer than the next (half the distance)."""
    overlaps = [max(0.0, min(end, span[1]) - max(start, span[0])) for start, end in header]
    touching = [index for index, overlap in enumerate(overlaps) if overlap > 0]
    if len(touching) == 1:
        return touching[0]
    center = (span[0] + span[1]) / 2
    distances = sorted((abs((start + end) / 2 - center), index) for index, (start, end) in enumerate(header))
    if len(distances) > 1 and distances[0][0] * 2 > distances[1][0]:
        return None
    return distances[0][1]


_SPACE_TOKEN = re.compile(r"[^ ]+")
_SPACE_CELL_CHARS = 24  # a cell of a table printed with single spaces is short; a longer token is prose


def raw_spaced_tables(raw: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Tables printed with single spaces between their cells (指标 2021年 2022年 / 营业收入(亿元) 1200.5 1350.2), as
    pages flattened to text print them: their lines, and where each space that splits two cells stands. A header
    line of n words, then two or more rows of n cells (or n + 1: no corner), each a label and values; a label may
    hold spaces itself (Gross Domestic Product 1016.25 …) when the values alone fill the other cells. A row that
    does not fit the header (a gap where a cell is empty, a note) ends the table: its cells are never lined up by
    guess. The normalizer keeps the lines and turns those spaces into tabs, which would otherwise join the numbers
    (1200.51350.2)."""
    lines = list(_LINE.finditer(raw))
    rows: list[tuple[int, int]] = []
    breaks: list[int] = []
    index = 0
    while index < len(lines):
        header = _spaced_header(lines[index])
        found, scanned = _spaced_body(raw, header, lines[index + 1 :]) if header else ([], 0)
        if sum(full for _l, _s, full in found) < _SPACED_MIN_ROWS:
            year_rows = _year_rows(lines, index)
            year_rows = [*_year_header_lines(lines, index, year_rows), *year_rows] if year_rows else []
            rows += [_stripped_span(line) for line, _splits in year_rows]
            breaks += [split for _line, splits in year_rows for split in splits]
            index += max(1, len(year_rows))
            continue
        rows += [_stripped_span(lines[index]), *(_stripped_span(line) for line, _s, _f in found)]
        breaks += [start - 1 for start in header[1:]] + [split for _l, splits, _f in found for split in splits]
        index += 1 + scanned
    for line, splits in _label_value_lines(lines):
        rows.append(_stripped_span(line))
        breaks += splits
    return rows, breaks


_GAP = re.compile(r"[ \u3000]+")


def _label_value_lines(lines: list[re.Match[str]]) -> list[tuple[re.Match[str], list[int]]]:
    """A digest printed as pairs of lines (當年價格 百萬澳門元 2017年第4季, then 113 072 11.7 % 404 199 11.6 %): a label
    line of words, a unit and a period, and under it a line of values only. Both lines, with the gaps that split
    their cells: a gap inside a number grouped by spaces (113 072, 3 070.9) or before its % is none."""
    found: list[tuple[re.Match[str], list[int]]] = []
    for label, values in pairwise([line for line in lines if line.group().strip()]):
        label_gaps = _label_gaps(label)
        value_gaps = _value_gaps(values) if label_gaps else None
        if value_gaps:
            found += [(label, label_gaps), (values, value_gaps)]
    return found


def _label_gaps(line: re.Match[str]) -> list[int]:
    """The gaps of a label line (words, then a unit, then a period: 博彩毛收入 百萬澳門元 2018年3月), or none."""
    text = line.group().rstrip()
    gaps = [gap for gap in _GAP.finditer(text) if gap.start() > len(text) - len(text.lstrip())]
    words = _GAP.split(text.strip())
    if len(words) != 3 or not _period_words(Cell(0, len(words[2]), words[2])) or any(ch.isdigit() for ch in words[1]):
        return []
    if len(words[1]) > _LABEL_UNIT_CHARS or not _CJK.search(words[0]) or any(_is_value(word) for word in words[:2]):
        return []
    return [line.start() + gap.start() for gap in gaps]


_LABEL_UNIT_CHARS = 6  # 百萬澳門元, 千人次, %: a unit, not a second label


def _value_gaps(line: re.Match[str]) -> list[int]:
    """The gaps between the values of a line of values only (113 072 11.7 % 404 199 11.6 %, 8.0 .. 9.1 ..): a token
    of three digits after one of one to three digits continues its number (113 072), a % belongs to the number
    before it; two values or more, or none."""
    text = line.group().rstrip()
    tokens = list(re.finditer(r"\S+", text))
    if not tokens or not all(_VALUE_TOKEN.fullmatch(token.group()) for token in tokens):
        return []
    gaps, values = [], 0
    for previous, token in pairwise(tokens):
        joined = token.group() == "%" or (
            re.fullmatch(r"\d{1,3}", previous.group()) is not None and re.fullmatch(r"\d{3}(?:\.\d+)?%?", token.group()) is not None
        )
        if not joined:
            gaps.append(line.start() + previous.end())
            values += 1
    return gaps if values + 1 >= 2 and any(ch.isdigit() for ch in text) else []


_VALUE_TOKEN = re.compile(r"[-−]?\d+(?:\.\d+)?%?|%|\.\.|-")


_YEAR_START = re.compile(r"\s*(?:19|20)\d\d")


def _year_rows(lines: list[re.Match[str]], index: int) -> list[tuple[re.Match[str], list[int]]]:
    """A run of two or more rows from ``index`` that each print a year and then as many values as the others
    (2000 68.97 6.14 66.14, as a yearbook's table by year prints its rows under a header no line of which fits
    them), each with the splits before its values: their numbers stay apart (200068.976.14 would be one number),
    and whatever their header says is read later, or not at all. Nothing when there is no such run."""
    found: list[tuple[re.Match[str], list[int]]] = []
    width = 0
    for line in lines[index:]:
        if not _YEAR_START.match(line.group()):
            break  # most lines: no year first, no words split (a paragraph's line stays one cheap test)
        tokens = list(_SPACE_TOKEN.finditer(line.group()))
        values = min(_trailing_values(tokens, empty_cells=True), len(tokens) - 1)  # the year is a number too
        if _SENTENCE_MARKS.search(line.group()) or _RAW_SEPARATOR_BAR.search(line.group().strip()):
            break
        if values < 2 or values != len(tokens) - 1 or not _rules().year_header.fullmatch(tokens[0].group()):
            break
        if width and values != width:
            break
        width = values
        found.append((line, [line.start() + t.start() - 1 for t in tokens[1:]]))
    return found if len(found) >= _SPACED_MIN_ROWS else []


_YEAR_HEADER_LINES = 12  # how far above its rows by year a yearbook table prints its header lines (with their English)


def _year_header_lines(
    lines: list[re.Match[str]], index: int, year_rows: list[tuple[re.Match[str], list[int]]]
) -> list[tuple[re.Match[str], list[int]]]:
    """The lines above rows by year (n values each) that may be their header, each with the splits between its
    words, so that its words stay cells: n or n + 1 short words (贡献率 拉动 …; Year (%) (百分点) …), or k words with
    k dividing n (最终消费支出 资本形成总额 货物和服务净出口: a group line), with no digit and no sentence. Which of
    them is the header is the reader's question (a line of n words, else none)."""
    width = len(year_rows[0][1])
    found = []
    for line in reversed(lines[max(0, index - _YEAR_HEADER_LINES) : index]):
        text = line.group()
        tokens = list(_SPACE_TOKEN.finditer(text))
        if _year_rows([line, line], 0):
            break  # the rows of the table above
        if re.search(r"\d", text) or _SENTENCE_MARKS.search(text) or _RAW_SEPARATOR_BAR.search(text.strip()):
            continue
        count = len(tokens)
        fits = count in (width, width + 1) or (1 < count < width and width % count == 0)  # leaves, or a group line
        if not fits or any(len(t.group()) > _SPACE_CELL_CHARS for t in tokens):
            continue
        found.append((line, [line.start() + t.start() - 1 for t in tokens[1:]]))
    return found[::-1]


def _stripped_span(line: re.Match[str]) -> tuple[int, int]:
    """A line's span without its leading and trailing spaces: where the normalizer must keep its line breaks."""
    text = line.group()
    return line.start() + len(text) - len(text.lstrip()), line.start() + len(text.rstrip())


def _spaced_body(
    raw: str, header: list[int], lines: list[re.Match[str]]
) -> tuple[list[tuple[re.Match[str], list[int], bool]], int]:
    """The lines of a single-spaced table under its header, each with its cell splits and whether it is a full row,
    and how many of ``lines`` the table takes (up to its last kept line). Blank lines and group labels with no values
    (人口与就业, 宏观经济) stay inside the table, as yearbooks print them; a row with fewer values than the header (a
    cell left empty) keeps its numbers apart but is marked short, so the reader never lines it up by guess. A
    sentence or anything else ends the table; so do trailing group labels."""
    unit_column = _rules().unit_column.fullmatch(raw[header[1] : raw.find(" ", header[1])]) is not None
    found: list[tuple[re.Match[str], list[int], bool]] = []
    taken: list[int] = []  # how many lines the table takes with each found line
    width = 0
    for position, line in enumerate(lines):
        text = line.group().strip()
        if not text:
            continue  # a blank line between two blocks of a yearbook table
        splits = _spaced_row(line, [width] if width else [len(header), len(header) + 1], unit_column)
        if splits is not None:
            width = width or len(splits) + 1
            found.append((line, splits, True))
        elif _spaced_group(text):
            found.append((line, [], False))
        elif width and (short := _spaced_short_row(line, width)) is not None:
            found.append((line, short, False))
        else:
            break
        taken.append(position + 1)
    while found and not found[-1][2] and not found[-1][1]:
        found.pop()  # a group label after the last row belongs to what follows, not to the table
        taken.pop()
    return found, taken[-1] if taken else 0


def _spaced_group(text: str) -> bool:
    """A group label of a yearbook table (人口与就业, 固定资产投资): one short run of words, no number, no sentence."""
    return len(text.split()) <= 2 and _short_label(text, _SPACE_CELL_CHARS)


def _spaced_short_row(line: re.Match[str], width: int) -> list[int] | None:
    """The splits before the values of a row with fewer values than its table's rows (城镇投资 47.80 103.76 534.70,
    its first year empty): its numbers stay apart, the row is never read. None when it is no such row."""
    text = line.group()
    if _RAW_SEPARATOR_BAR.search(text.strip()) or _SENTENCE_MARKS.search(text):
        return None
    tokens = list(_SPACE_TOKEN.finditer(text))
    values = _trailing_values(tokens, empty_cells=False)
    if values < 1 or values >= width - 1 or values == len(tokens):
        return None
    return [line.start() + t.start() - 1 for t in tokens[-values:]]


_SPACED_MIN_ROWS = 2


def _spaced_header(line: re.Match[str]) -> list[int]:
    """Where the words of a header line of a single-spaced table start, or nothing: three or more short words split
    by single spaces, no number but years, no sentence."""
    text = line.group()
    if text.count(" ") < 2:  # three words need two spaces: most lines of prose are out at the cost of a count
        return []
    if _RAW_SEPARATOR.search(text.strip()) or _SENTENCE_MARKS.search(text):
        return []
    tokens = list(_SPACE_TOKEN.finditer(text))
    if len(tokens) < 3 or any(len(t.group()) > _SPACE_CELL_CHARS for t in tokens):
        return []
    if any(is_number(t.group()) and not _rules().year_header.fullmatch(t.group()) for t in tokens):
        return []
    if not _CJK.search(text) and not any(_rules().year_header.fullmatch(t.group()) for t in tokens):
        return []  # Value Growth Value Growth: the English of a bilingual header, whose Chinese line is the header
    return [line.start() + t.start() for t in tokens]


def _spaced_row(line: re.Match[str], widths: list[int], unit_column: bool) -> list[int] | None:
    """Where the spaces that split the cells of a row of a single-spaced table stand, for a row of one of ``widths``
    cells: every space when the row has that many words (a label, its unit when the header has a unit column, its
    values), else the spaces before its values when a label of several words (Gross Domestic Product, 工 业) and
    the values fill them. None when the row does not fit. A run of spaces between the label and the values
    (年末总人口(万人)        324.85 333.65) is one split like a single space."""
    text = line.group()
    if _RAW_SEPARATOR_BAR.search(text.strip()) or "\u3000" in text or _SENTENCE_MARKS.search(text):
        return None
    tokens = list(_SPACE_TOKEN.finditer(text))
    values = _trailing_values(tokens, empty_cells=True)
    label = tokens[0].group() if tokens else ""
    if values < 2 or (is_number(label) and not _rules().year_header.fullmatch(label) and values == len(tokens)):
        return None  # a row of numbers alone, its label a number too (an axis of a chart): no table row
    if len(tokens) in widths and values >= len(tokens) - (2 if unit_column else 1):
        return [line.start() + t.start() - 1 for t in tokens[1:]]
    if values + 1 in widths and values < len(tokens):
        return [line.start() + t.start() - 1 for t in tokens[-values:]]
    return None


def _trailing_values(tokens: list[re.Match[str]], empty_cells: bool) -> int:
    """How many of a row's words, from its end, are values (or, with ``empty_cells``, marks of an empty cell: —, …)."""
    values = 0
    while values < len(tokens) and (_is_value(tokens[-1 - values].group()) or (empty_cells and is_empty(tokens[-1 - values].group()))):
        values += 1
    return values


_HEADER_LINES = 2  # a header printed on two lines (9月 | 1-9月累计 | 累计, then 增长% under 累计)
_BAR = re.compile("[|｜\t]")


def _last_heads(heads: list[tuple[int, int, list[str]]]) -> list[tuple[int, int, list[str]]]:
    """The last ``_HEADER_LINES`` header lines, with the box rules (no cells) between and above them."""
    worded = [index for index, (_s, _e, cells) in enumerate(heads) if cells]
    return heads[worded[-_HEADER_LINES]:] if len(worded) > _HEADER_LINES else heads


def _period_line(text: str, line: re.Match[str]) -> bool:
    """A line of a table that holds periods only (2023 | 2024 Feb | 2024 Mar)."""
    return _period_cells([cell.text for cell in _cells(text, line.start(), line.end())])


def _period_cells(cells: list[str]) -> bool:
    """A row of periods only (2023 | 2023 Q3 | 2023 Q4): the periods of the value columns of the rows below it."""
    return bool(cells) and all(_period_words(Cell(0, len(cell), cell)) for cell in cells)


def _bar_line(stripped: str, cells: list[str]) -> bool:
    """A line of header words between bars or tabs (9月 | 1-9月累计 | 累计 |, 增长% | | |): no number, no sentence."""
    return bool(_BAR.search(stripped)) and bool(cells) and not any(_SENTENCE_MARKS.search(cell) or is_number(cell) for cell in cells)


_CELL_LINE = re.compile(r"[ \t\u3000]*[^|｜\n]{0,30}[|｜]+[ \t\u3000]*")  # |||: empty cells of the run


def raw_cell_blocks(raw: str) -> list[tuple[int, int]]:
    """Runs of four or more lines that each hold one cell and a bar, or only bars (empty cells), as a table
    printed one cell a line: the normalizer keeps a break before and after the run and joins the cells inside it."""
    blocks, first, last, count = [], -1, -1, 0
    for line in _LINE.finditer(raw):
        if _CELL_LINE.fullmatch(line.group()):
            first, count = (line.start() if count == 0 else first), count + 1
            last = line.end()
            continue
        if count >= 4:
            blocks.append((first, last))
        count = 0
    if count >= 4:
        blocks.append((first, last))
    return blocks


def _kept(run: list[tuple[int, int, list[str]]], raw: str = "") -> list[tuple[int, int]]:
    """The spans of a run's lines, when it is a table; without a line's leading and trailing spaces (a row printed
    with spaces around its cells must still start and end its line: the normalizer keeps a break only there)."""
    numeric = sum(any(is_number(cell) for cell in cells[1:]) for _s, _e, cells in run)
    if len(run) < _rules().min_rows or not numeric:
        return []
    if not raw:
        return [(start, end) for start, end, _cells in run]
    spans = [(start, raw[start:end]) for start, end, _cells in run]
    return [(start + len(line) - len(line.lstrip()), start + len(line.rstrip())) for start, line in spans]


def headers_of(text: str, position: int) -> list[Cell]:
    """The header cells governing the cell at ``position`` (its row header and its column header), if the
    position is a value cell of a table; else nothing. The validator asks this to check that a unit read from a
    header belongs to the cell's own table, row or column."""
    block_start, block_end = _block(text, position)
    return _block_headers(text, block_start, block_end).get(position, [])


def _column_of(text: str, position: int) -> Cell | None:
    """The column header of the value cell at ``position``, if it is one and has one."""
    block_start, block_end = _block(text, position)
    return _block_columns(text, block_start, block_end).get(position)


@lru_cache(maxsize=16)
def _block_columns(text: str, start: int, end: int) -> dict[int, Cell | None]:
    return {found.cell.start: found.column_header for rows in find_tables(text, start, end) for found in table_cells(rows)}


def _block(text: str, position: int) -> tuple[int, int]:
    """The run of lines with cell separators around ``position``: the table's block."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end == -1 else line_end
    in_block = _line_test(text, line_start, line_end)
    bare = not _rules().cell_separators.search(text, line_start, line_end)
    limit = _BARE_MAX_CELLS if bare else len(text)  # a bare table is short; a longer run is none (never quadratic)
    block_start, steps = line_start, 0
    while block_start > 0 and steps <= limit:  # the table's block: the run of lines like the position's
        previous = text.rfind("\n", 0, block_start - 1) + 1
        if not in_block(previous, block_start - 1):
            break
        block_start, steps = previous, steps + 1
    block_end, steps = line_end, 0
    while block_end < len(text) and steps <= limit:
        steps += 1
        following = text.find("\n", block_end + 1)
        following = len(text) if following == -1 else following
        if not in_block(block_end + 1, following):
            break
        block_end = following
    return block_start, block_end


def _line_test(text: str, start: int, end: int) -> Callable[[int, int], bool]:
    """What makes a line part of the block of the line text[start:end]: cell separators, or (a table printed one
    bare cell a line) being one short bare cell itself."""
    if _rules().cell_separators.search(text, start, end) or not _bare_cell(text[start:end]):
        return lambda first, last: (
            bool(_rules().cell_separators.search(text, first, last))
            or _label_line(text[first:last])
            or bool(_rules().box_rule.fullmatch(text, first, last))  # ┠──┼──┨ between a box-drawn table's header and rows
        )
    return lambda first, last: not _rules().cell_separators.search(text, first, last) and _bare_cell(text[first:last])


def _unit_headers(found: TableCell) -> list[Cell]:
    below = found.column_header.unit_cell if found.column_header is not None else None  # (亿元) under the column
    if found.subject:  # a zone a row: its row header names the zone, not the unit; a unit column still gives its row's
        return [cell for cell in (found.column_header, below, found.caption, found.unit_cell) if cell is not None]
    headers = (found.row_header, found.column_header, below, found.parent, found.block, found.unit_cell, found.unit_row)
    return [cell for cell in headers if cell is not None]


@lru_cache(maxsize=16)
def _block_headers(text: str, start: int, end: int) -> dict[int, list[Cell]]:
    """The headers of every value cell of the tables in text[start:end], by the cell's start: read once per
    table, however many of its cells the validator asks about. A row header that names the row's zone
    (“六高”合计(剔重)) is no header of its unit: only the column's counts."""
    return {
        found.cell.start: _unit_headers(found)
        for rows in find_tables(text, start, end)
        for found in table_cells(rows)
    }
