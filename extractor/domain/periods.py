"""Periods: which words give a figure's period, and the dates they stand for.

``PeriodIndex`` finds the period words of one article once (one pass of one
pattern) and answers "which period governs the number at this position" by
bisection, so the lookups of all figures together stay linear in the article.
``resolve_period`` turns the words into ``period_start``/``period_end`` against
the publication date; it runs in the pipeline on every backend's figures.
The words, their meanings and the examples live in ``data/periods.toml``.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..frozen import quick_init
from ..knowledge import load
from ..models import Figure
from ..text.structure import Outline
from .firstchars import first_char_guard
from .meta import knowledge as meta_knowledge
from .numbers import DURATION_UNITS, parse_number

_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_SENTENCE_END = re.compile(r"[。！？!?\n]")


@dataclass(frozen=True)
class _Words:
    """periods.toml [words]: the cue words around a period phrase (see the file for each list's job)."""

    bare_plans: str  # plans recognized without quotes or 期间 (十三五工作回顾)
    moment_after: tuple[str, ...]
    until_before: tuple[str, ...]
    moment_headers: tuple[str, ...]
    stock_keys: tuple[str, ...]  # a year-end stock (population): dated by the year in force where it stands
    list_item: re.Pattern[str]
    attribute_keys: tuple[str, ...]
    target_before: tuple[str, ...]
    since_after: tuple[str, ...]
    stock: tuple[str, ...]
    running_total: tuple[str, ...]
    weak_stock: tuple[str, ...]
    vague: tuple[str, ...]
    vague_patterns: tuple[str, ...]
    comparison_before: tuple[str, ...]
    comparison_after: tuple[str, ...]
    comparison_multiple: re.Pattern[str]  # after a period: a multiple of it (的2.1倍), so the period is its base
    topic_breaks: tuple[str, ...]
    continuation: tuple[str, ...]
    breakdown_paragraph: tuple[str, ...]
    review_span: re.Pattern[str]  # 五年来，… opening a sentence: the N years ending in the year its heading reviews
    report_voice: re.Pattern[str]  # a government work report's own words (各位代表, 本届政府): it reviews the year before
    report_voice_chars: int  # …found in the article's first this many characters
    dated_title: re.Pattern[str]  # a head that names its document's kind (…统计公报): its year frames the document
    report_months: int  # …when published in the first this many months of a year
    plan_title: re.Pattern[str]  # a headline announcing a plan (…2010年…预期目标): its one year is its targets'
    attribution_verbs: tuple[str, ...]
    lead_in: tuple[str, ...]
    clause_only_vague: re.Pattern[str]  # a vague period that frames its own clause only (近6年来)
    clause_only_day: re.Pattern[str]  # what follows an event's day told as an attribute (…挂牌成立的)
    clause_only_event: re.Pattern[str]  # what follows a year that dates a founding (1992年经国务院批准成立)
    change_from: re.Pattern[str]  # before the first level of a change (从0.94万家增加到…)
    change_from_after: re.Pattern[str]  # after it (…增加到)
    change_to: re.Pattern[str]  # before the second level (从0.94万家增加到1.55万家)
    average_rate: re.Pattern[str]
    average_base: re.Pattern[str]
    average_years: re.Pattern[str]
    value_year: re.Pattern[str]  # what follows a year told as its value's own (2020年的3.68万亿元)


@dataclass(frozen=True)
class _Resolution:
    examples: tuple[list[str], ...]  # words, publication date, expected start and end (the tests')


@dataclass(frozen=True)
class PeriodWords:
    """periods.toml: an entry's key is its field's name."""

    relative_years: dict[str, int]  # 今年 = 0, 去年 = -1
    year_parts: dict[str, list[str]]  # 上半年 = [first day, last day] (MM-DD)
    five_year_plans: dict[str, list[int]]  # 十四五 = [2021, 2025]
    words: _Words
    resolution: _Resolution
    governs: tuple[dict[str, Any], ...]  # which period governs a figure (the tests')
    leads: tuple[dict[str, Any], ...]  # the one period of a news item (the tests')


@cache
def knowledge() -> PeriodWords:
    return load("periods.toml", PeriodWords)


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def period_pattern() -> re.Pattern[str]:
    """One pattern for every period phrase the data file describes (see its header)."""
    data = knowledge()
    words = data.words
    plans = _alternatives(data.five_year_plans)
    year = (
        r"(?P<year>(?:19|20)\d\d)(?:\s*[—\-–~至到]\s*(?P<year2>(?:19|20)\d\d))?年(?:度)?(?!代)"
        rf"|(?P<relative>{_alternatives(data.relative_years)})"
        rf"|“(?P<plan>{plans})”(?:期间|时期|规划期|计划期|规划|计划)?"
        rf"|(?P<plan_named>{plans})(?:期间|时期|规划期|计划期|(?=末))"
        rf"|(?<![一二三四五六七八九十百千万亿\d])(?P<plan_bare>{words.bare_plans})(?![一二三四五六七八九十百千万亿个\d])"
    )
    quarters = r"[1-4一二三四]"  # 1-4季度: a range of quarters (a statistics caption's), the months from its first to its last
    part = (
        rf"(?P<quarter_from>{quarters})\s*[-—–~至到]\s*(?P<quarter_to>{quarters})季度"
        rf"|(?P<part>{_alternatives(data.year_parts)})"
        rf"|前(?P<months>{_MONTH})个?月"
        rf"|(?P<month_from>{_MONTH})月?\s*[至—\-–~到]\s*(?P<month_to>{_MONTH})月份?"
        rf"|(?P<day_month>{_MONTH})月(?P<day>{_DAY})[日号]"  # 2020年8月18日: one day (an event's date)
        rf"|(?P<month>{_MONTH})月份?(?![\d一二三四五六七八九十]+日)"
    )
    lone_part = (
        rf"(?P<lone_qfrom>{quarters})\s*[-—–~至到]\s*(?P<lone_qto>{quarters})季度"
        rf"|(?P<lone_part>{_alternatives(data.year_parts)})"
        rf"|前(?P<lone_months>{_MONTH})个?月"
        rf"|(?P<lone_from>{_MONTH})月?\s*[至—\-–~到]\s*(?P<lone_to>{_MONTH})月份?"
    )
    dated = (
        rf"(?P<until>{_alternatives(words.until_before)})?(?P<target>{_alternatives(words.target_before)})?"
        rf"(?:(?:{year})(?:{part})?|{lone_part}|(?(until)(?P<until_month>{_MONTH})月份?|(?!)))"
        rf"(?P<moment>{_alternatives(words.moment_after)})?(?P<same>同期)?(?P<since>{_alternatives(words.since_after)})?"
    )
    vague = "|".join([_alternatives(words.vague), *words.vague_patterns])
    # scanned over every article: led by a test of the characters a period can start with (firstchars.py)
    return first_char_guard(rf"(?P<stock>{_alternatives(words.stock)})|(?P<vague>{vague})|{dated}")


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + _CHINESE_DIGITS.get(text[1:], 0)
    return _CHINESE_DIGITS[text]


# --- resolution ------------------------------------------------------------------------------


def resolve_period(words: str, published: str = "") -> tuple[str, str]:
    """``(period_start, period_end)`` of period words against the publication date (ISO, possibly 2000-08 or 1999)."""
    if words in knowledge().words.weak_stock:
        return "", _last_day(published)
    match = period_pattern().fullmatch(words.strip()) or _last(period_pattern().finditer(words))
    if not match or match.group("vague") or match.group("same"):
        return "", ""
    if match.group("stock"):
        return "", _last_day(published)
    span = _span(match, published)
    if span is None:
        return "", ""
    start, end = span
    if match.group("since"):
        return start, _last_day(published)
    if match.group("until") or match.group("target") or match.group("moment"):
        return "", end
    return start, end


def _last(matches: Any) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


def _span(match: re.Match[str], published: str) -> tuple[str, str] | None:
    """First and last day of the time the words name, or None when it needs an unknown publication date."""
    group = match.group
    publication_year = int(published[:4]) if published[:4].isdigit() else None
    plan = group("plan") or group("plan_named") or group("plan_bare")
    if plan:
        first, last = knowledge().five_year_plans[plan]
        return f"{first}-01-01", f"{last}-12-31"
    if group("year"):
        first_year = int(group("year"))
        last_year = int(group("year2") or first_year)
    elif group("relative"):
        if publication_year is None:
            return None
        first_year = last_year = publication_year + knowledge().relative_years[group("relative")]
    elif publication_year is not None:  # a part of the year alone: the publication year
        first_year = last_year = publication_year
        ends = _months(match, publication_year)
        if ends is not None and f"{publication_year}-{ends[1][0]:02d}-{ends[1][1]:02d}" > _last_day(published):
            first_year = last_year = publication_year - 1  # 1-11月 printed in January: a finished part, last year's
    else:
        return None
    months = _months(match, last_year)
    if months is None and _names_months(match):
        return None  # 前0个月, 9至3月: no span
    if months is None:
        return f"{first_year}-01-01", f"{last_year}-12-31"
    (first_month, first_day), (last_month, last_day) = months
    return f"{first_year}-{first_month:02d}-{first_day:02d}", f"{last_year}-{last_month:02d}-{last_day:02d}"


def _months(match: re.Match[str], year: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(month, day) of the first and last day of the part of ``year`` the words name, or None for a whole year."""
    group = match.group
    part = group("part") or group("lone_part")
    if part:
        first, last = knowledge().year_parts[part]
        return tuple(map(int, first.split("-"))), tuple(map(int, last.split("-")))  # type: ignore[return-value]
    first_month = last_month = None
    if group("quarter_from") or group("lone_qfrom"):  # 1-4季度: January to December
        first_month = 3 * _number(group("quarter_from") or group("lone_qfrom")) - 2
        last_month = 3 * _number(group("quarter_to") or group("lone_qto"))
    elif group("months") or group("lone_months"):
        first_month, last_month = 1, _number(group("months") or group("lone_months"))
    elif group("month_from") or group("lone_from"):
        first_month = _number(group("month_from") or group("lone_from"))
        last_month = _number(group("month_to") or group("lone_to"))
    elif group("month") or group("until_month"):
        first_month = last_month = _number(group("month") or group("until_month"))
    elif group("day_month"):
        return _one_day(_number(group("day_month")), int(group("day")), year)
    if first_month is None or last_month is None or not 1 <= first_month <= last_month <= 12:
        return None
    return (first_month, 1), (last_month, calendar.monthrange(year, last_month)[1])


def _one_day(month: int, day: int, year: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return (month, day), (month, day)


def _names_months(match: re.Match[str]) -> bool:
    names = ("months", "lone_months", "month_from", "lone_from", "month", "until_month", "day_month", "quarter_from", "lone_qfrom")
    return any(match.group(name) for name in names)


def _last_day(published: str) -> str:
    """The publication date, or the last day of its month or year when only those are known."""
    if len(published) == 10:
        return published
    if len(published) == 7:
        year, month = int(published[:4]), int(published[5:])
        return f"{published}-{calendar.monthrange(year, month)[1]:02d}"
    if len(published) == 4:
        return f"{published}-12-31"
    return ""


def resolve_figure_periods(figures: list[Figure], published: str, title: str = "") -> None:
    """Fill period_start/period_end from each figure's period words (a backend's own dates are kept).

    A headline that names a period (新北区2023年经济运行情况, 上半年全省高新区运行情况) frames
    the report: an outcome with no period words of its own takes the headline's.
    """
    framed = title_period(title)
    for figure in figures:
        if framed and not figure.period and not figure.target and figure.base_unit not in DURATION_UNITS:  # 建设周期3年 has no period
            figure.period, figure.period_from = framed, "document"
        if figure.period and not (figure.period_start or figure.period_end):
            figure.period_start, figure.period_end = resolve_period(figure.period, published)


def title_period(title: str) -> str:
    """The period a headline names: a year or a part of one, not a deadline (到2025年) or a stock word."""
    for match in period_pattern().finditer(title):
        dated = any(match.group(g) for g in ("year", "relative", "lone_part", "lone_from", "lone_qfrom"))
        plan_words = match.group("plan") or match.group("plan_named") or match.group("plan_bare")
        plan = plan_words and not match.group("moment")  # “十四五”时期…回顾, 一、十三五工作回顾
        if (dated or plan) and not any(match.group(g) for g in ("until", "target", "since", "day_month")):
            return match.group()
    return ""


def _year_words(match: re.Match[str]) -> str:
    """The words naming the year of a period a part can be added to: 2021年 of 2021年1至11月份, not of 到2025年."""
    if not (match.group("year") or match.group("relative")) or any(match.group(g) for g in ("until", "target", "since", "same")):
        return ""
    year_group = "year" if match.group("year") else "relative"
    end = match.end("year2") if match.group("year2") else match.end(year_group)
    tail = re.match(r"年(?:度)?", match.string[end : match.end()]) if year_group == "year" else None
    return match.string[match.start(year_group) : end + (tail.end() if tail else 0)]


# --- which period governs a figure -----------------------------------------------------------

_PARAGRAPH_BREAK = re.compile("\n")
_CLAUSE_BREAK = re.compile("[，,；;：:]")
_UP_TO_CLAUSE_BREAK = re.compile("(?s).*[，,；;：:]")
_THIS_YEAR = re.compile("|".join(sorted((w for w, shift in knowledge().relative_years.items() if shift == 0), key=len, reverse=True)))
# an article's first clause, across the line breaks that keep a title on its own line (开发区年度述职报告\n2003年,…):
# the head a glued headline made before the normalizer kept title lines apart
_HEAD_CLAUSE = re.compile(r"[^，,。！？!?；;：:]*")
_HEAD_SENTENCE = re.compile(r"[^。！？!?\n]*")  # an article's first sentence or line: its headline and what was glued on
_HEAD_CHARS = 60
_HEADLINE_CHARS = 40
_SCOPES = ("clause", "sentence", "paragraph", "heading", "table", "document", "none")


@cache
def _weak_stock() -> re.Pattern[str]:
    return re.compile(_alternatives(knowledge().words.weak_stock))


@cache
def _topic_breaks() -> re.Pattern[str]:
    return re.compile(_alternatives(knowledge().words.topic_breaks))


@cache
def _opener(field: str) -> re.Pattern[str]:
    """A sentence or paragraph opened by one of a word list's words (knowledge().words.FIELD), after spaces or “."""
    return re.compile(rf"[\s“]*(?:{_alternatives(getattr(knowledge().words, field))})")


def _continuation() -> re.Pattern[str]:
    return _opener("continuation")


def _same_span(one: Anchor, other: Anchor) -> bool:
    """Two period words naming one span (2021—2025年 and “十四五”), compared as resolved against one made-up date."""
    span = resolve_period(one.words, _ANY_DATE)
    return span != ("", "") and span == resolve_period(other.words, _ANY_DATE)


def _breakdown_paragraph() -> re.Pattern[str]:
    return _opener("breakdown_paragraph")


@cache
def _lead_in() -> re.Pattern[str]:
    words = knowledge().words
    attribution = rf"(?:[^，,。！？\n]{{0,40}}?(?:{_alternatives(words.attribution_verbs)})[，,：:]\s*)*"
    return re.compile(rf"{attribution}(?:{_alternatives(words.lead_in)})?[，,：:\s]*")


def _in_header_field(text: str, position: int) -> bool:
    """The words just before ``position`` are a page header field (来源：合肥日报, 发布时间：)."""
    return bool(_header_field().search(text, max(0, position - 24), position))


@cache
def _header_field() -> re.Pattern[str]:
    labels = meta_knowledge()  # the header labels are the meta reader's data
    return re.compile(rf"(?:{_alternatives([*labels.date_labels, *labels.source_labels])})\s*[:：][^，。；！？]*$")


@quick_init
@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    words: str
    opens_sentence: bool  # the period stands at the head of its sentence: it is the sentence's (and paragraph's) topic
    names_year: bool  # 2021年…, 今年…, “十四五”: a year of its own, not a part of some year (全年, 上半年, 1至8月)
    part_only: bool  # 全年, 上半年, 1至8月 on their own: a part of the year in force
    year_words: str  # the words naming its year when a part can be added to it (2021年 of 2021年1至11月份), else ""
    running_total: bool  # 累计: a total within the period in force, if there is one
    vague: bool  # 近年来, 建成后: no time to resolve
    clause_only: bool = False  # inside a sentence, a vague span or an event's day governs only its own clause
    founding: bool = False  # a year that dates a founding (1992年经国务院批准成立): its clause's only, yet a time the text names


def _past_year(match: re.Match[str]) -> bool:
    """一年 as the year just past: 过去一年, 这一年, 一年来 — not 近一年 (the last twelve months) nor a bare 一年."""
    return match.group("past") not in (None, "近") or match.group("since") in ("来", "以来")


def _speaks_as_report(text: str, start: int, end: int) -> bool:
    """Whether an article's first lines speak in a government work report's voice (各位代表, 本届政府, 人大…会议确定的:
    periods.toml report_voice)."""
    words = knowledge().words
    return words.report_voice.search(text, start, min(end, start + words.report_voice_chars)) is not None


def _reported_year(report_voice: bool, published: str) -> int | None:
    """The year a work report cut from its title and headings reviews: the year before its publication, when it
    speaks in a report's voice and was published early in a year (periods.toml)."""
    if not report_voice or not (published[:4].isdigit() and published[5:7].isdigit()):
        return None
    return int(published[:4]) - 1 if int(published[5:7]) <= knowledge().words.report_months else None


def stock_by_nature(metric_key: str) -> bool:
    """A population: a year-end stock, of the year in force where it is printed (periods.toml stock_keys)."""
    return metric_key in knowledge().words.stock_keys


def dated_by_its_own(metric_key: str) -> bool:
    """An attribute of a thing (a project's total investment): only its own words date it (periods.toml attribute_keys)."""
    return metric_key in knowledge().words.attribute_keys


def at_period_end(words: str, header: str) -> str:
    """A year a table's column names, as the moment its row header says the cell is taken at (年末从业人员数 under
    2004年 → 2004年末); other words unchanged."""
    if words.endswith("年") and any(moment in header for moment in knowledge().words.moment_headers):
        return words + "末"
    return words


def average_span_words(text: str, sentence_start: int, start: int, words: str) -> str:
    """An average yearly rate (年均增长38%) after a level compared with an earlier year's (是2005年的5.2倍) in its
    sentence, or after the count of years it averages over (十年间): from the year after the base to the level's year
    (2006—2010年); else ``words``."""
    found = knowledge().words
    if not found.average_rate.search(text[max(sentence_start, start - 12) : start]):
        return words
    years = _years_of(words)
    if years is None or years[0] != years[1]:
        return words
    year = years[1]
    window = max(sentence_start, start - 120)
    bases = [int(b.group(1)) for b in found.average_base.finditer(text, window, start)]
    counted = [year - _number(c.group(1)) for c in found.average_years.finditer(text, window, start)]
    base = bases[-1] if bases else counted[-1] if counted else year
    return f"{base + 1}—{year}年" if base < year else words


def change_end_words(text: str, start: int, end: int, words: str) -> str:
    """The period of a level at either end of a change told under a span of years (从0.94万家增加到1.55万家 under
    “十四五”): the year before the span for the first, the span's last year for the second; else ``words``."""
    years = _years_of(words)
    if years is None or years[0] == years[1]:
        return words
    found = knowledge().words
    before = text[max(0, start - 30) : start]  # a bounded look-back: linear in the page
    if found.change_from.search(before) and found.change_from_after.match(text[end : end + 12]):
        return f"{years[0] - 1}年"
    if found.change_to.search(before):
        return f"{years[1]}年"
    return words


def _years_of(words: str) -> tuple[int, int] | None:
    """The first and last year the period words name on their own (“十四五” → 2021, 2025), or None."""
    match = period_pattern().fullmatch(words.strip()) if words else None
    span = _span(match, "") if match is not None and not match.group("vague") else None
    return (int(span[0][:4]), int(span[1][:4])) if span else None


def _value_year_words(text: str, match: re.Match[str]) -> str:
    """The period words of a match; 到 dropped before a year told as its value's own (到2025年的4.93万亿元 is 2025's
    level, not a deadline)."""
    target = match.group("target")
    if target and knowledge().words.value_year.match(text[match.end() : match.end() + 2]):
        return match.group()[len(target) :]
    return match.group()


_PLAIN_YEAR = re.compile(r"(?:19|20)\d\d年")
_HEADING_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")  # a year a heading names (2025年和“十四五”工作回顾)
_SPACES = re.compile(r"\s*")
_ANY_DATE = "2000-12-31"  # lead_period compares period words by the span they name in one year


def _frames_article(anchor: Anchor) -> bool:
    """A period that may frame a whole news item: a year or a part of one, not vague, a running total or a clause's."""
    return not (anchor.vague or anchor.running_total or anchor.clause_only) and (anchor.names_year or anchor.part_only)


def _closed_within_since(spans: dict[Anchor, tuple[str, str]]) -> list[Anchor]:
    """今年以来，…。前三季度，… : a news item opened by a span running to its publication (…以来) and reporting a closed
    part of it (前三季度, 1-9月) is about that part — the opener frames the story, the part dates its numbers
    (periods.toml, beside since_after). The closed anchors when each starts in the year every such span starts in, not
    before it (a span to the publication ends after any part reported), else none."""
    since = knowledge().words.since_after
    opens = [spans[a][0] for a in spans if a.words.endswith(since)]
    closed = [a for a in spans if not a.words.endswith(since)]
    if not opens or not closed or not all(opens):
        return []
    inside = all(  # a part printed without a year (1-9月) is of the year the span starts in
        spans[a][0] and (a.part_only or spans[a][0][:4] == start[:4]) and start[5:] <= spans[a][0][5:]
        for a in closed
        for start in opens
    )
    return closed if inside else []


class PeriodIndex:
    """The period words of one article, found once, and the one that governs each position.

    A period governs a number after it in the same sentence, unless a new topic
    (二期, 此前 …) starts between them. It carries into the next sentences of the
    paragraph when it opens its sentence (2021年，…) or when the next sentence
    continues this one (其中，…). Sentences end at 。！？ and line breaks; a
    semicolon does not end one.
    """

    def __init__(self, text: str, start: int, end: int, outline: Outline | None = None, published: str = "") -> None:
        words = knowledge().words
        self._report_voice = _speaks_as_report(text, start, end)  # read once: 过去一年's year and review counts ask it
        self._reported_year = _reported_year(self._report_voice, published)
        self._outline = outline or Outline(text, start, end)
        self._start, self._end = start, end
        self._text = text
        self._sentence_starts = [start] + [m.end() for m in _SENTENCE_END.finditer(text, start, end)]
        self._paragraph_breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text, start, end)]
        self._breaks = [m.start() for m in _topic_breaks().finditer(text, start, end)]
        comparison = tuple(words.comparison_before)
        compared = tuple(words.comparison_after)
        self._anchors = [
            self._anchor(text, match)
            for match in period_pattern().finditer(text, start, end)
            if not text[max(start, match.start() - 2) : match.start()].endswith(comparison)  # 比去年同期: a comparison's base
            and not text.startswith(compared, match.end())  # 同1987年相比: the base, not the level's period
            and not words.comparison_multiple.match(text, match.end())  # 是2007年的2.1倍: the multiple's base
            and not (match.group("day_month") and _in_header_field(text, match.start()))  # 来源：… 2023年6月12日: the page's date
        ]
        self._anchors = sorted(self._anchors + self._review_spans(text, start, end), key=lambda a: a.start)
        self._anchor_starts = [a.start for a in self._anchors]
        self._continues = [bool(_continuation().match(text, s, end)) for s in self._sentence_starts]
        self._carried = self._carry()
        self._head_year = self._year_of_head(start, end)
        self._titled_year: str | None = None  # head_year, once asked
        self._plan_year: str | None = None  # plan_period, once asked

    def _review_spans(self, text: str, start: int, end: int) -> list[Anchor]:
        """五年来，… at the head of a sentence under a heading that names one year Y: the span Y-N+1—Y (periods.toml);
        过去一年，… that year. Without such a heading, a work report's own voice and its publication date give Y."""
        found = []
        for sentence_start in self._sentence_starts:
            at = _SPACES.match(text, sentence_start, end).end()  # not a slice of the rest: linear in the page
            match = knowledge().words.review_span.match(text, at, end)
            if match is None or text[match.end() : match.end() + 1] not in ("，", ","):
                continue
            count = int(parse_number(match.group("count")))
            year = self._reviewed_year(match.start())
            if year is None:
                year = self._reported_year
            if year is None or (count < 2 and not _past_year(match)):
                continue
            words = f"{year - count + 1}—{year}年" if count > 1 else f"{year}年"
            if not found or found[-1].start != match.start():  # 。 and a line break: two sentence starts, one span
                found.append(Anchor(match.start(), match.end(), words, True, True, False, "", False, False))
        return found

    def _reviewed_year(self, position: int) -> int | None:
        """The one year the innermost heading over ``position`` that names a year names (2025年和“十四五”工作回顾 → 2025)."""
        for heading in self._outline.governing(position):
            years = {int(y) for y in _HEADING_YEAR.findall(heading.text)}
            if years:
                return years.pop() if len(years) == 1 else None
        return None

    def _anchor(self, text: str, match: re.Match[str]) -> Anchor:
        sentence = self._sentence_starts[bisect_right(self._sentence_starts, match.start()) - 1]
        head = _lead_in().match(text, sentence, match.start())
        group = match.group
        # 2023年，… sets the frame of what follows even when a headline was glued before it
        opens = (bool(head) and head.end() == match.start()) or text[match.end() : match.end() + 1] in ("，", ",")
        return Anchor(
            start=match.start(),
            end=match.end(),
            words=_value_year_words(text, match),
            opens_sentence=opens,
            names_year=bool(group("year") or group("relative")),
            part_only=bool(group("lone_part") or group("lone_months") or group("lone_from") or group("lone_qfrom")) and not group("until"),
            year_words=_year_words(match),
            running_total=match.group() in knowledge().words.running_total,
            vague=bool(group("vague")),
            clause_only=self._clause_only(text, match, opens),
            founding=self._founding(text, match),
        )

    @staticmethod
    def _clause_only(text: str, match: re.Match[str], opens: bool) -> bool:
        """Whether a period frames only its own clause (periods.toml clause_only_vague, clause_only_day)."""
        words = knowledge().words
        if match.group("vague"):
            return not opens and bool(words.clause_only_vague.search(match.group()))
        if not match.group("stock") and words.value_year.match(text[match.end() : match.end() + 2]):
            return True  # 从2020年的3.68万亿元增长到2025年的4.93万亿元, 由十二五末的1123亿元: each its own value's
        if PeriodIndex._founding(text, match):
            return True  # 1992年经国务院批准成立的…，总面积105平方公里: the founding's year, not the area's
        day = match.group("day_month") and not match.group("until")
        return bool(day) and bool(words.clause_only_day.match(text[match.end() : match.end() + 8]))

    @staticmethod
    def _founding(text: str, match: re.Match[str]) -> bool:
        """A year right before a founding (periods.toml clause_only_event)."""
        return not match.group("stock") and not match.group("since") and bool(knowledge().words.clause_only_event.match(text, match.end()))

    def _carry(self) -> list[Anchor | None]:
        """For each sentence, the period in force at its end (one pass over the sentences)."""
        carried: list[Anchor | None] = []
        for index, sentence_start in enumerate(self._sentence_starts):
            next_start = self._sentence_starts[index + 1] if index + 1 < len(self._sentence_starts) else self._end
            last = self._last_anchor_before(next_start)
            while last is not None and last.clause_only and last.start >= sentence_start:
                last = self._last_anchor_before(last.start)  # 从2020年的10.5万元提高到2025年的14万元: each its value's only
            own = last if last is not None and last.start >= sentence_start else None
            # 2021年…预计全年…。利润总额…: 2021年 goes on; so does 今年前11个月 past a 累计 within it
            if own is not None and not own.opens_sentence:
                opener = self._opener(sentence_start, next_start)
                # …and so does the opener when the sentence names its span again (五年来，…实现“十四五”目标)
                if opener is not None and (own.part_only or own.running_total or _same_span(opener, own)):
                    own = opener
            carried.append(own or self._carried_into(index, carried))
        return carried

    def _opener(self, sentence_start: int, next_start: int) -> Anchor | None:
        """The sentence's first period, when it opens the sentence."""
        index = bisect_left(self._anchor_starts, sentence_start)
        if index < len(self._anchors) and self._anchors[index].start < next_start and self._anchors[index].opens_sentence:
            return self._anchors[index]
        return None

    def _last_anchor_before(self, position: int) -> Anchor | None:
        index = bisect_left(self._anchor_starts, position) - 1
        while index >= 0 and self._anchors[index].end > position:
            index -= 1
        return self._anchors[index] if index >= 0 else None

    def sections(self, position: int) -> list[tuple[str, list[str]]]:
        """The headings that govern ``position``, innermost first, each with its elder siblings' titles."""
        return [(h.text, self._outline.earlier_titles(h)) for h in self._outline.governing(position)]

    def governing(self, position: int) -> Anchor | None:
        """The period that governs a number standing at ``position``, or None."""
        return self._governing(position)[0]

    def _governing(self, position: int) -> tuple[Anchor | None, str]:
        """The governing period and its scope: its clause, its sentence, or the paragraph it was carried through."""
        sentence = bisect_right(self._sentence_starts, position) - 1
        anchor = self._last_anchor_before(position)
        while anchor is not None and anchor.clause_only and _CLAUSE_BREAK.search(self._text, anchor.end, position):
            anchor = self._last_anchor_before(anchor.start)  # it framed its own clause only: the one before governs
        scope = "sentence"
        if anchor is None or anchor.start < self._sentence_starts[sentence]:
            anchor, scope = self._carried_into(sentence, self._carried), "paragraph"
        opening = self._sentence_starts[sentence]
        carried_on = scope == "paragraph" and (  # ——… items, and 其中… breaking down the paragraph before
            self._list_item(opening, anchor) or self._opens_breakdown_paragraph(opening)
        )
        if anchor is None or (self._crosses(anchor.end, position) and not carried_on):
            return None, "none"
        if scope == "sentence" and not _CLAUSE_BREAK.search(self._text, anchor.end, position):
            scope = "clause"
        return anchor, scope

    def words_at(self, position: int) -> tuple[str, str]:
        """The period words of the number at ``position`` and their scope (clause, sentence, paragraph, none);
        a part of a year (全年, 上半年) takes the year in force, and 今年 under a heading that names a year is
        that year (二、2018年工作目标任务 / 今年主要预期目标: 2018, whenever the page was put up)."""
        words, scope = self._words_at(position)
        this_year = _THIS_YEAR.match(words)
        if this_year and scope != "heading":
            year = self._heading_year(position)
            if year:
                return year + words[this_year.end() :], scope
        return words, scope

    def _heading_year(self, position: int) -> str:
        """The one year a numbered heading above ``position`` prints (二、2018年工作总体要求), innermost first."""
        for heading in self._outline.governing(position):
            framed = period_pattern().fullmatch(title_period(heading.text)) if heading.numbered else None
            if framed and framed.group("year") and not framed.group("year2"):
                return _year_words(framed)
        return ""

    def _words_at(self, position: int) -> tuple[str, str]:
        anchor, scope = self._governing(position)
        if anchor is None:
            heading = self.heading_period(position)
            if heading:
                return heading, "heading"
            stock = self._weak_stock(position)
            return (stock, "document") if stock else ("", "none")  # dated by the publication, not the text
        if anchor.part_only or anchor.running_total:
            in_force, outer = self._governing(anchor.start)
            wider = max(scope, outer, key=_SCOPES.index)
            if anchor.part_only:
                if in_force is not None and in_force.year_words:
                    return in_force.year_words + anchor.words, wider  # 2021年…全年 → 2021年全年
                return self._year_at(anchor.start) + anchor.words, scope
            if in_force is not None and not (in_force.running_total or in_force.vague):
                if in_force.part_only:  # 1-9月累计完成: within the part, of the year in force
                    return self._year_at(in_force.start) + in_force.words, wider
                return in_force.words, wider  # 2020年累计引进: within 2020; 截至目前…累计: up to now
        return anchor.words, scope

    def year_in_force(self, position: int) -> str:
        """The year in force at ``position`` (see _year_at): what dates a stock printed with no period of its own."""
        return self._year_at(position)

    def _year_at(self, position: int) -> str:
        """The year in force at ``position`` for a part of a year printed without one (1-9月, 全年): a year named
        before it in its sentence or carried into the sentence, the year of a heading above it, or the year the
        article's head names (XX经济开发区2023年工作总结 … 1-9月累计完成…: 2023). Empty when none is known."""
        sentence = bisect_right(self._sentence_starts, position) - 1
        index = bisect_left(self._anchor_starts, position) - 1
        while index >= 0 and self._anchors[index].start >= self._sentence_starts[sentence]:
            found = self._anchors[index]
            ended = found.clause_only and _CLAUSE_BREAK.search(self._text, found.end, position)  # it framed its clause only
            if found.year_words and found.end <= position and not self._crosses(found.end, position) and not ended:
                return found.year_words
            index -= 1
        carried = self._carried_into(sentence, self._carried)
        if carried is not None and carried.year_words:
            return carried.year_words
        heading = period_pattern().fullmatch(self.heading_period(position))
        return (_year_words(heading) if heading else "") or self._head_year

    def lead_period(self, position: int | None = None) -> str:
        """The one period an article names, when every period word in it names the same time (全省高新区上半年实现营业收入…,
        and 1月到6月 further down: one half-year): a news item about that period, whose undated amounts in later
        paragraphs are of it too. Compared as resolved against one made-up date, so spellings of one span agree.
        With ``position``: "" for a figure in a paragraph before the one that first names the period (periods.toml
        [[leads]]); the naming paragraph's own figures take it (…“半年报”出炉，完成地区生产总值230.46亿元…上半年…)."""
        named = [a for a in self._anchors if _frames_article(a)]
        # a part printed without its year (全年, 1-9月) is a part of the year the article names (2022年，… 全年吞吐量…)
        year = next((a.year_words for a in named if a.year_words), "")
        spans = {a: resolve_period(year + a.words if a.part_only else a.words, _ANY_DATE) for a in named}
        closed = _closed_within_since(spans)
        if closed:
            named, spans = closed, {a: spans[a] for a in closed}
        founded = {resolve_period(a.words, _ANY_DATE) for a in self._anchors if a.founding}
        if founded - set(spans.values()):
            return ""  # 1999年12月经省政府批准设立。2010年12月18日，…正式成立: a founding names another time, so no one period
        if position is not None and named and position < self._text.rfind("\n", self._start, named[0].start) + 1:
            return ""  # …总面积105平方公里。¶2015年，…实现GDP: a profile's sizes are not of a year a later paragraph tells
        lead = named[0].words if len(set(spans.values())) == 1 else ""
        return self._reviewed_instead(lead)

    def _reviewed_instead(self, lead: str) -> str:
        """A report published early in a year speaks of that year (今年要…) to plan it; the amounts it prints with no
        period are its review of the year before (periods.toml report_voice): 今年 leads them to that year."""
        if self._reported_year is not None and lead and _THIS_YEAR.fullmatch(lead):
            return f"{self._reported_year}年"
        return lead

    def plan_period(self) -> str:
        """The one year a headline that announces a plan names (2010年漳州经济社会发展预期目标; periods.toml
        plan_title): what a target printing no period of its own is set for."""
        if self._plan_year is None:  # read once per article: every target without a period asks
            head = _HEAD_SENTENCE.match(self._text, self._start, min(self._end, self._start + _HEAD_CHARS))
            line = head.group() if head else ""  # the headline, glued to a caption or not (…预期目标图为代市长…。)
            headline = title_period(line)
            planned = _PLAIN_YEAR.fullmatch(headline) and knowledge().words.plan_title.search(line)
            self._plan_year = headline if planned and len({m.group() for m in _HEADING_YEAR.finditer(line)}) == 1 else ""
        return self._plan_year

    def review_year(self, position: int) -> str:
        """The year in force at ``position`` in a government work report (its text speaks in a report's voice:
        各位代表, 人大…会议确定的): what a report's review counts (刚刚过去的2025年，… 新建普通高中17所, 新设外商投资企业
        673家) was done in the year that governs it — its sentence's, paragraph's, heading's or the opening's. A news
        item's counts take no such period (新签约项目32个 may run past it)."""
        return self.year_in_force(position) if self._report_voice else ""

    def opening_year(self) -> str:
        """The year that opens the body before its first numbered heading (2022年，面对…。 then 一、综合), in a text
        that has such headings: the year its sections report, when its title (…2022年统计公报) was not printed."""
        headings = [h for h in self._outline.headings if h.numbered]  # not a title or an office's name on its own line
        if not headings:
            return ""
        for anchor in self._anchors:
            if anchor.start >= headings[0].start:
                break
            if anchor.opens_sentence and _PLAIN_YEAR.fullmatch(anchor.words):
                return anchor.words
        return ""

    def head_year(self) -> str:
        """The year a head that names its document's kind names (2022年…统计公报, glued to its body by the normalizer
        as a wrapped line is): what a detected title's year is to resolve_figure_periods, for a title the segmenter
        could not see. A news head's year is no such frame (periods.toml dated_title)."""
        if self._titled_year is None:  # read once per article: every undated figure asks
            head = _HEAD_CLAUSE.match(self._text, self._start, min(self._end, self._start + _HEAD_CHARS))
            titled = head is not None and knowledge().words.dated_title.search(head.group())
            self._titled_year = self._head_year if titled else ""
        return self._titled_year

    def headline_period(self) -> str:
        """The period the article's first line names when that line is a headline (short, on its own line: 前三季度,
        超1.85万亿元!): it frames the figures that have no period of their own, as a detected title does."""
        stop = self._text.find("\n", self._start, min(self._end, self._start + _HEADLINE_CHARS + 1))
        return title_period(self._text[self._start : stop]) if stop > self._start else ""

    def _year_of_head(self, start: int, end: int) -> str:
        """The year an article's head names (its headline, glued to the body or not: 经开区2022年经济社会发展总体
        情况和2023年工作打算汇报), when the head's first clause names one: the year the article reports on."""
        head = _HEAD_CLAUSE.match(self._text, start, min(end, start + _HEAD_CHARS))
        if head is None:
            return ""
        index = bisect_left(self._anchor_starts, start)
        while index < len(self._anchors) and self._anchors[index].end <= head.end():
            if self._anchors[index].year_words:
                return self._anchors[index].year_words
            index += 1
        return ""

    def _weak_stock(self, position: int) -> str:
        """已有, 已经 in the figure's own clause: a stock at the publication date, when nothing else dates it."""
        clause_start = max(self._sentence_starts[bisect_right(self._sentence_starts, position) - 1], position - 30)
        mark = _UP_TO_CLAUSE_BREAK.match(self._text, clause_start, position)
        found = _weak_stock().search(self._text, mark.end() if mark else clause_start, position)
        return found.group() if found else ""

    def under_headline(self, position: int) -> bool:
        """Whether the heading that governs ``position`` is the article's headline: an unnumbered line before any
        sentence of the body (玉溪高新区一季度经济运行平稳 under the page's header rows), which frames the flows it
        reports, not the stocks the body counts (集聚了…23家企业), as a lead period does not (figures.py)."""
        governing = self._outline.governing(position)
        if not governing or governing[0].numbered:
            return False
        return not re.search("[。！？!?]", self._text[self._start : governing[0].start])

    def heading_period(self, position: int) -> str:
        """The period a heading above ``position`` names (一、2025年工作回顾 → 2025年), innermost first, or the
        year its section opens with (一、过去一年工作回顾 / 2024年，我们… → 2024年: the section's frame)."""
        for heading in self._outline.governing(position):
            framed = title_period(heading.text) or (self._section_lead(heading.end, heading.scope_end) if heading.numbered else "")
            if framed:
                return framed
        return ""

    def _section_lead(self, start: int, end: int) -> str:
        """The year that opens the first sentence of a section (text[start:end]), when one does."""
        index = bisect_left(self._anchor_starts, start)
        if index == len(self._anchors) or self._anchors[index].start >= end:
            return ""
        lead = self._anchors[index]
        first = bisect_left(self._sentence_starts, start)  # the section's first sentence (a heading ends its own)
        if first < len(self._sentence_starts) - 1 and lead.start >= self._sentence_starts[first + 1]:
            return ""  # the section's first sentence names no period
        # a year alone (2024年，我们…), not an event's date (今年3月，…举行) nor a part of a year (2021年前11个月)
        return lead.words if lead.opens_sentence and lead.words == lead.year_words else ""

    def _carried_into(self, sentence: int, carried: list[Anchor | None]) -> Anchor | None:
        """The period the sentence before hands on: if it opened its sentence, or this sentence continues that one."""
        if sentence and self._opens_breakdown_paragraph(self._sentence_starts[sentence]):
            return self._handed_to_breakdown(sentence, carried)
        anchor = carried[sentence - 1] if sentence else None
        if anchor is None or not (anchor.opens_sentence or self._continues[sentence]):
            return None
        start = self._sentence_starts[sentence]
        if self._crosses(anchor.end, start) and not self._list_item(start, carried[sentence - 1]):
            return None
        return anchor

    def _opens_breakdown_paragraph(self, start: int) -> bool:
        """其中，… as the first words of a paragraph: it breaks down the paragraph before (periods.toml)."""
        line_start = self._text.rfind("\n", self._start, start) + 1
        return not self._text[max(line_start, self._start) : start].strip() and bool(_breakdown_paragraph().match(self._text, start))

    def _handed_to_breakdown(self, sentence: int, carried: list[Anchor | None]) -> Anchor | None:
        """The period in force at the end of the paragraph before (blank lines skipped), unless a new topic lies between:
        …今年上半年…1393.1亿元。¶其中，规上工业增加值增长10.7% keeps 今年上半年 across the line break."""
        before = sentence - 1
        while before > 0 and not self._text[self._sentence_starts[before] : self._sentence_starts[before + 1]].strip():
            before -= 1
        anchor = carried[before]
        if anchor is None:
            return None
        topic = bisect_left(self._breaks, anchor.end)
        return None if topic < len(self._breaks) and self._breaks[topic] < self._sentence_starts[sentence] else anchor

    def _list_item(self, start: int, handed: Anchor | None) -> bool:
        """The sentence stands in a paragraph marked as an item of the one before (——…), and no new topic lies
        between it and the period handed on (which a paragraph without a mark between them would not hand on)."""
        if handed is None:
            return False
        breaks = bisect_left(self._paragraph_breaks, start)  # the chain of items is checked sentence by sentence
        paragraph = self._paragraph_breaks[breaks - 1] + 1 if breaks else self._start
        if not knowledge().words.list_item.match(self._text[paragraph : paragraph + 2]):
            return False
        index = bisect_left(self._breaks, handed.end)
        return not (index < len(self._breaks) and self._breaks[index] < start)

    def _crosses(self, start: int, end: int) -> bool:
        """Whether a paragraph break or a new topic lies between two positions."""
        for points in (self._paragraph_breaks, self._breaks):
            index = bisect_left(points, start)
            if index < len(points) and points[index] < end:
                return True
        return False
