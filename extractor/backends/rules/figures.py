"""Figures: every measured quantity in an article, with metric, period and subject.

The number grammar finds the quantities; this module decides which of them
measure something (dates, ordinals, ranks, codes and numbers inside names are
not figures, per the annotation guide) and reads metric, period and subject
from the clause around each one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from ...domain.numbers import DURATION_UNITS, QuantityMatch, find_quantities, parse_quantity
from ...domain.periods import (
    PeriodIndex,
    at_period_end,
    average_span_words,
    change_end_words,
    dated_by_its_own,
    period_pattern,
    stock_by_nature,
    title_period,
)
from ...models import Evidence, Figure, Measure, Span
from ...text.tables import Cell, TableCell, find_tables, is_empty, is_number, printed_unit, table_cells, title_before, unit_line
from ..budget import check_budget
from ..build import build_figure
from .labels import (
    FigureContext,
    FigureLabels,
    continues_sentence,
    in_plan_section,
    knowledge,
    label_figure,
    measure_of,
    metric_key,
    unit_class,
)
from .lexicon import metric_entries
from .names import NameIndex
from .parks import ParkMention
from .subjects import (
    Entity,
    article_subject,
    caption_subject,
    entity_kinds,
    find_entities,
    grounded_collective,
    is_work_report,
    place_names,
    subject_of,
    titled_scope,
)

# Institutions, companies and projects a work report names: the subject of their own clause only, the report's place
# of the clauses after them.
_ACTORS = frozenset({"institution", "named", "company", "project"})
_DURATIONS = {"周", "工作日", "天", "小时", "月"}
_SENTENCE_PUNCTUATION = re.compile("[，。！？,]")
_CUE_AFTER_VALUE = re.compile("以上|以下|以内|左右|之多|内")
_ABOUT_PEOPLE = re.compile("人口|人数|人才")
_CLAUSE_RUN = re.compile(r"[^，,、：:；;（(）)“”。！？\n]*")
# Greedy up to the last mark: one backward step per character after it (a `[^…]*$` search would retry every start).
_UP_TO_LAST_CLAUSE_MARK = re.compile(r"(?s).*[，,、：:；;（(）)“”。！？\n]")
_SENTENCE_END = r"[。！？!?\n；;]"
_UP_TO_LAST_SENTENCE_END = re.compile(r"(?s).*" + _SENTENCE_END)
_ENDS_SENTENCE = re.compile(_SENTENCE_END)


def extract_figures(
    text: str, start: int, end: int, parks: list[ParkMention], main_park: str, published: str = "", government: str = ""
) -> list[Figure]:
    """Figures in text[start:end] (one article of the normalized document); ``published`` dates a work report's
    过去一年 when no heading names the year it reviews; ``government`` is the place a work report speaks for
    (subjects.report_place of the article, "" for any other)."""
    entities = find_entities(text, start, end, parks)
    own_subject, own_from = article_subject(entities, main_park, text, start, end, speaks_for=government)
    kinds_of = entity_kinds(entities)
    entity_starts = [e.start for e in entities]
    periods = PeriodIndex(text, start, end, published=published)  # the article's period words, found once
    park_names = {p.name for p in parks}
    report_place = own_from == "heading" and own_subject in place_names() and is_work_report(text, start)  # speaks for it
    figures = []
    placed: list[tuple[int, int]] = []  # each figure's sentence start and number start, for the respective-list pass
    tables = find_tables(text, start, end)
    in_table = _row_spans(tables)
    candidates = [_shifted(m, start) for m in find_quantities(text[start:end])]
    candidates = [m for m in candidates if _is_figure(text, m) and not _covered(in_table, m.start)] + _index_values(text, start, end)
    names = NameIndex(sorted({*park_names, *(e.name for e in entities)}, key=len, reverse=True))  # looked up per figure
    candidates.sort(key=lambda m: m.start)
    last_printed = {m.value_text: m.start for m in candidates}  # where each number is printed last: printed again later?
    previous: tuple[int, int, FigureLabels] | None = None  # sentence start, end and labels of the figure before
    sentence: list[FigureLabels] = []  # the labels of this sentence's figures so far
    sentence_ends: list[int] = []  # where each of them ends
    parallel: tuple[FigureLabels, ...] = ()  # those of the sentence this one continues (after ；, or 其中)
    for match in candidates:
        check_budget()  # the per-figure look-backs are where a hostile page used to go quadratic
        sentence_start = _sentence_start(text, match.start, start)
        same_sentence = previous if previous and previous[0] == sentence_start else None
        if previous and not same_sentence:
            adjacent = not _ENDS_SENTENCE.search(text, previous[1], max(previous[1], sentence_start - 1))
            parallel = tuple(sentence) if adjacent and continues_sentence(text, sentence_start) else ()
            sentence, sentence_ends = [], []
        labels = label_figure(
            FigureContext(
                text,
                match.start,
                match.end,
                match.quantity.base_unit,
                sentence_start,
                names,
                period_pattern(),
                previous=same_sentence[2] if same_sentence else None,
                previous_end=same_sentence[1] if same_sentence else sentence_start,
                parallel=parallel,
                earlier=tuple(zip(sentence_ends, sentence, strict=True)),
            )
        )
        previous = (sentence_start, match.end, labels)
        sentence.append(labels)
        sentence_ends.append(match.end)
        subject, subject_from = subject_of(entities, entity_starts, text, sentence_start, match.start, match.end, own_subject)
        subject, subject_from = titled_scope(subject, subject_from, kinds_of, own_subject, own_from)
        if subject_from == "document" and subject == own_subject:
            subject_from = own_from  # the title names it (heading), or the article only names it most
        elif subject_from == "paragraph" and report_place and "park" in kinds_of.get(subject, ()):
            subject, subject_from = own_subject, own_from  # 这五年，雄安新区…。京津冀…800家: a report's zone speaks for its sentence
        elif subject_from in ("sentence", "paragraph") and report_place and subject in kinds_of and kinds_of[subject] <= _ACTORS:
            subject, subject_from = own_subject, own_from  # 苏州实验室…投入运行，牵头建设44家全国重点实验室: the province's
        subject = grounded_collective(subject, entities)
        if not labels.target and _under_lead_cue(text, sentence_start, start):
            labels = replace(labels, target=True)  # 预计,…；…；…。: the lead cue governs its whole list
        if not labels.target and in_plan_section(periods.sections(match.start), text[sentence_start : match.start]):
            labels = replace(labels, target=True)  # 三、2026年重点工作: the section plans what it lists
        period, period_from = periods.words_at(match.start)
        if period_from == "heading" and unit_class(match.quantity.base_unit) == "count" and periods.under_headline(match.start):
            period, period_from = "", "none"  # 一季度经济运行平稳 over 集聚了…23家企业: a headline dates no stock it counts
        period = change_end_words(text, match.start, match.end, period)  # 从0.94万家增加到1.55万家 under “十四五”
        period = average_span_words(text, sentence_start, match.start, period)  # 是2005年的5.2倍，年均增长38%
        if not period and not labels.target and match.quantity.base_unit not in DURATION_UNITS:
            period = periods.headline_period()  # a headline line the segmenter did not take for a title
            if not period and unit_class(match.quantity.base_unit) not in ("count", "time") and not dated_by_its_own(labels.metric_key):
                # 全省高新区上半年…。营业收入中，…7831.36亿元: the article's one period; else 2022年，… before 一、综合
                # a figure printed before the paragraph that names the period stays out of it (a profile's 总面积, an
                # opening's own day), unless the body prints it again: then it is the headline's summary of the
                # period's figures (●营业收入13977.46亿元 above 全省高新区上半年实现营业收入13977.46亿元)
                restated = last_printed[match.value_text] > match.start and not stock_by_nature(labels.metric_key)
                period = periods.lead_period(None if restated else match.start) or periods.opening_year() or periods.head_year()
            elif not period and stock_by_nature(labels.metric_key):
                period = periods.year_in_force(match.start)  # 人口。全区户籍总人口27.2万人 in a bulletin of 2024年
            elif not period and unit_class(match.quantity.base_unit) == "count":
                period = periods.review_year(match.start)  # 刚刚过去的2025年…一年来，…新建普通高中17所: the reviewed year's
            period_from = "document" if period else period_from
        if not period and labels.target and periods.plan_period():  # 2010年…预期目标 over 主要预期目标是:…增长13%
            period, period_from = periods.plan_period(), "document"
        if _sets_a_threshold(text, match):
            period, period_from = "", "none"  # 超亿元…项目5个: the amount bounds a class, it has no period of its own
        figures.append(
            build_figure(
                match.value_text,
                match.quantity,
                (match.start, match.end),
                base_unit=match.quantity.base_unit or _implied_unit(text, sentence_start, match.start),
                metric=labels.metric,
                metric_key=labels.metric_key,
                measure=labels.measure,
                target=labels.target,
                period=period,
                subject=subject,
                subject_from=subject_from,
                metric_from=labels.source if labels.metric or labels.metric_key != "other" else "none",
                period_from=period_from,
                evidence=_clause_evidence(text, match, start, end),
            )
        )
        placed.append((sentence_start, match.start))
    table_figures = [f for rows in tables for f in _table_figures(text, rows, entities, start, own_subject, figures)]
    figures = _paired_respectively(figures, placed, text)
    _paired_subjects(figures, placed, text, entities)
    return sorted(figures + table_figures, key=_position)


_LISTED_SUBJECTS = ("park", "group", "place", "company", "institution", "area")
_LIST_JOINERS = "、和及与,，"


def _paired_subjects(figures: list[Figure], placed: list[tuple[int, int]], text: str, entities: list[Entity]) -> None:
    """洋浦经济开发区、海口江东新区分别完成税收195.36亿元、43.31亿元: the n-th figure of each kind after 分别 is
    about the n-th name listed before it, when the counts agree."""
    starts = [e.start for e in entities]  # entities are in text order: a sentence's are found by bisection
    by_sentence: dict[int, list[int]] = {}
    for index, (sentence, _start) in enumerate(placed):
        by_sentence.setdefault(sentence, []).append(index)
    for sentence, indexes in by_sentence.items():
        cue = knowledge().respectively.search(text, sentence, placed[indexes[-1]][1])
        if cue is None:
            continue
        listed = _listed_names(text, entities, starts, sentence, cue.start())
        if len(listed) < 2:
            continue
        kinds: dict[str, list[int]] = {}
        for index in indexes:
            if placed[index][1] > cue.end():
                kinds.setdefault(figures[index].base_unit, []).append(index)
        for group in kinds.values():
            if len(group) == len(listed):
                for index, name in zip(group, listed, strict=True):
                    figures[index] = figures[index].model_copy(update={"subject": name, "subject_from": "sentence"})


def _listed_names(text: str, entities: list[Entity], starts: list[int], start: int, end: int) -> list[str]:
    """The names listed right before ``end`` (A、B和C), in order: only names joined by list marks."""
    window = entities[bisect_left(starts, start) : bisect_left(starts, end)]
    inside = [e for e in window if e.end <= end and e.kind in _LISTED_SUBJECTS]
    listed: list[Entity] = []
    for entity in reversed(inside):
        if listed and text[entity.end : listed[-1].start].strip(_LIST_JOINERS):
            break
        listed.append(entity)
    return [e.name for e in reversed(listed)]


def _position(figure: Figure) -> int:
    return figure.evidence.start if figure.evidence else 0


def _row_spans(tables: list[list[list[Cell]]]) -> list[tuple[int, int]]:
    return sorted((row[0].start, row[-1].end) for rows in tables for row in rows)


def _covered(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether a row span (sorted, disjoint) holds the position, by bisection."""
    index = bisect_left(spans, (position + 1, -1)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _table_figures(
    text: str, rows: list[list[Cell]], entities: list[Entity], floor: int, own: str, before: list[Figure]
) -> list[Figure]:
    """One figure per numeric cell: metric and unit from its header, period from the other header (else the
    caption's: 2022年全区生产总值及其增长速度), and the subject the table's caption (the line before it) names, else
    the article's own. A table with neither takes the subject and the period of the text it follows (a statistics
    page's table restates its report: 今年前11个月全市…, then 本月 | 增长% | 累计 …)."""
    table_start = text.rfind("\n", floor, rows[0][0].start) + 1
    caption_start = text.rfind("\n", floor, max(floor, table_start - 1)) + 1  # the line before the table
    starts = [e.start for e in entities]
    near = entities[bisect_left(starts, caption_start) : bisect_left(starts, table_start)]  # the caption's entities
    named = caption_subject(text, caption_start, table_start, near)
    text_before = next((f for f in reversed(before) if _position(f) < table_start), None)
    subject, subject_from = (named, "table") if named else (own, "document" if own else "none")
    if not subject and text_before is not None and text_before.subject:
        subject, subject_from = text_before.subject, "paragraph"
    period_before = text_before.period if text_before is not None and text_before.period_from != "none" else ""
    caption_period = title_period(text[caption_start:table_start])  # 2022年全区生产总值及其增长速度: the table's year
    figures = []
    line = unit_line(text, rows[-1][-1].start)  # 单位：万元 before the table: the unit of cells whose headers print none
    for found in table_cells(rows, title_before(text, table_start, floor)):  # 本月 | 1-本月 under the title's month
        found = _with_line_unit(found, line)
        if not found.unit or not found.metric or is_empty(found.cell.text):
            continue  # a cell whose headers give no unit or no metric is not read (never guessed); —— has no value
        if found.unit_from == "cell":  # 1.54个百分点: the cell prints its number with its unit, like a sentence
            figures.append(_own_unit_figure(found, subject, subject_from, caption_period or period_before))
            continue
        quantity = parse_quantity(found.cell.text + found.unit) if is_number(found.cell.text) else None
        base_unit = quantity.base_unit if quantity else ""
        measure = measure_of(base_unit, found.metric, "")
        row_subject = _ROW_NOTE.sub("", found.subject)  # “六高”合计(剔重): the row's zone, less its note
        key, key_from = metric_key(found.metric, base_unit, measure), "table"
        if key == "other":  # 航空航天制造业 | 比去年增长(%): the key the text before gave that row (…实现工业总产值29.22亿元)
            key, key_from = _key_named_before(text, found.row_header.text, before, floor, table_start) or ("other", "table")
        unread = {} if quantity else {"value": 0.0, "amount": 0.0}  # a damaged cell: the validator says not_found
        figures.append(
            build_figure(
                found.cell.text,
                quantity,
                (found.cell.start, found.cell.end),
                unit=found.unit,  # the header's, as printed (the reading's is the same unit, joined to the cell)
                **unread,
                unit_span=Span(start=found.unit_start, end=found.unit_end if found.unit_end >= 0 else found.unit_start + len(found.unit)),
                metric=found.metric,
                metric_key=key,
                metric_scope=found.scope,
                measure=measure,
                period=_with_caption_year(at_period_end(found.period, found.row_header.text), caption_period)
                or caption_period
                or period_before,
                subject=row_subject or subject,
                subject_from="table" if row_subject else subject_from,
                metric_from=key_from,
                period_from="table" if found.period or caption_period else "paragraph" if period_before else "none",
                evidence=Evidence(start=found.cell.start, end=found.cell.end, text=found.cell.text),
            )
        )
    return figures


def _own_unit_figure(found: TableCell, subject: str, subject_from: str, period: str) -> Figure:
    """A table cell that prints its own unit (1.54个百分点): read as printed, with no header's unit span to check."""
    quantity = parse_quantity(found.cell.text)
    base_unit = quantity.base_unit if quantity else ""
    measure = measure_of(base_unit, found.metric, "")
    return build_figure(
        found.cell.text,
        quantity,
        (found.cell.start, found.cell.end),
        metric=found.metric,
        metric_key=metric_key(found.metric, base_unit, measure),
        metric_scope=found.scope,
        measure=measure,
        period=at_period_end(found.period, found.row_header.text) or period,
        subject=subject,
        subject_from=subject_from,
        metric_from="table",
        period_from="table" if found.period else "paragraph" if period else "none",
        evidence=Evidence(start=found.cell.start, end=found.cell.end, text=found.cell.text),
    )


_NAMED_BEFORE_CHARS = 16  # how far after the row's name the text's figure may stand (航空航天制造业实现工业总产值29.22亿元)


def _key_named_before(text: str, row: str, before: list[Figure], floor: int, table_start: int) -> tuple[str, str] | None:
    """The metric key of the figure the text before a table gives right after the name of the table's row, in the
    same clause: a table that restates its report by rows whose headers name no metric. None when there is none."""
    at = text.rfind(row, floor, table_start) if len(row) >= 2 else -1
    if at < 0:
        return None
    after = at + len(row)
    for figure in before:
        position = _position(figure)  # where its clause's evidence starts: at the row's name, or after it
        if at <= position <= after + _NAMED_BEFORE_CHARS and not _SENTENCE_PUNCTUATION.search(text, after, max(after, position)):
            return (figure.metric_key, "paragraph") if figure.metric_key != "other" else None
    return None


_ROW_NOTE = re.compile(r"[（(][^（）()]*[)）]$")
_CAPTION_YEAR = re.compile(r"(?:19|20)\d\d年")


def _with_caption_year(words: str, caption: str) -> str:
    """A column's period that names no year (9月, 1-9月, 一季度, 上半年) under a caption that does (2024年经开区主要指标):
    the caption's year before it (2024年一季度), not the publication date's. Words with a year of their own, or a
    caption with none: unchanged."""
    if not words or _CAPTION_YEAR.match(words):
        return words
    year = _CAPTION_YEAR.search(caption)
    return f"{year.group()}{words}" if year else words


def _with_line_unit(found: TableCell, line: Cell | None) -> TableCell:
    """A cell whose headers give no unit takes the table's 单位 line's, which the unit span then points at."""
    if found.unit or line is None or found.block is not None:
        return found  # a row in an index's block (…指数(上年=100)) has no unit, whatever the 单位 line says
    if found.unit_row is not None and printed_unit(found.unit_row) not in ("", line.text):
        return found  # 第一产业 under 总产出构成(%), below 单位:亿元: which of the two units it is in is not said — not read
    return replace(found, unit=line.text, unit_start=line.start, unit_end=line.end, unit_from="unit line")


_RATES = {Measure.growth, Measure.change_pp, Measure.share}
_MAX_LISTED = 40


def _paired_respectively(figures: list[Figure], placed: list[tuple[int, int]], text: str) -> list[Figure]:
    """…工业总产值6692.63亿元,…,外商实际投资53.86亿美元,分别比上年同期增长42.4%、…和48.5%:
    the n-th rate after 分别 qualifies the n-th amount before it, when the counts agree."""
    index = 0
    while index < len(figures):
        sentence = placed[index][0]
        last = index
        while last + 1 < len(figures) and placed[last + 1][0] == sentence:
            last += 1
        _pair_sentence(figures, placed, text, index, last + 1)
        index = last + 1
    return figures


def _pair_sentence(figures: list[Figure], placed: list[tuple[int, int]], text: str, first: int, stop: int) -> None:
    if stop - first > _MAX_LISTED:
        return  # a list of respective figures is short; a page-long run-on sentence must stay linear
    for cue in knowledge().respectively.finditer(text, placed[first][0], placed[stop - 1][1]):
        levels = [i for i in range(first, stop) if placed[i][1] < cue.start() and figures[i].measure is Measure.level]
        rates = [i for i in range(first, stop) if placed[i][1] > cue.end()]
        rates = rates[: next((n for n, i in enumerate(rates) if figures[i].measure not in _RATES), len(rates))]
        rates = rates[: _list_length(text, placed, figures, rates)]
        levels = levels[len(levels) - len(rates) :] if len(levels) >= len(rates) else []  # 49个开发区实现…: the last ones
        if levels and _names_listed_between(text[_end(figures, placed, levels[-1]) : cue.start()]):
            continue  # 达到23562亿元，一般公共预算收入、税收收入年均分别增长4.5%、3%: the rates are the names' own
        if len(rates) >= 2 and len(rates) == len(levels) and all(figures[i].metric for i in levels):
            _pair(figures, levels, rates)
    _pair_listed(figures, placed, text, first, stop)


def _names_listed_between(gap: str) -> bool:
    """A clause of its own between the amounts and 分别 that lists names with 、 (一般公共预算收入、税收收入): the rates
    after 分别 measure those names, which the labeler pairs in order, not the amounts before."""
    clause = _UP_TO_LAST_CLAUSE_MARK.sub("", gap.split("、")[0]) if "、" in gap else ""
    return bool(re.search("[，,；;]", gap)) and bool(clause)


def _pair(figures: list[Figure], levels: list[int], rates: list[int]) -> None:
    for level, rate in zip(levels, rates, strict=True):
        figures[rate] = figures[rate].model_copy(update={"metric": figures[level].metric, "metric_key": figures[level].metric_key})


def _pair_listed(figures: list[Figure], placed: list[tuple[int, int]], text: str, first: int, stop: int) -> None:
    """利用内资15.5亿元、外资4101万美元，同比增长18%、17.17%: with no 分别, a list of rates right after a clause mark
    qualifies a list of as many amounts just before it, in order, when each list runs within its clause (、 only)."""
    index = first
    while index < stop:
        rates = _run(figures, placed, text, index, stop, lambda f: f.measure in _RATES)
        if len(rates) < 2:
            index += 1
            continue
        levels = [i for i in range(first, rates[0]) if figures[i].measure is Measure.level][-len(rates) :]
        joined = len(levels) == len(rates) and _run(figures, placed, text, levels[0], rates[0], lambda f: True) == levels
        lead = text[_end(figures, placed, rates[0] - 1) : placed[rates[0]][1]]
        if joined and levels[-1] == rates[0] - 1 and _GROWTH_LEAD.fullmatch(lead) and all(figures[i].metric for i in levels):
            _pair(figures, levels, rates)
        index = rates[-1] + 1


def _run(
    figures: list[Figure], placed: list[tuple[int, int]], text: str, start: int, stop: int, kind: Callable[[Figure], bool]
) -> list[int]:
    """The figures from ``start`` joined by 、 alone (with words between but no clause mark), while ``kind`` holds."""
    run = [start] if start < stop and kind(figures[start]) else []
    for n in range(start + 1, stop):
        gap = text[_end(figures, placed, n - 1) : placed[n][1]]
        if not kind(figures[n]) or not _LIST_GAP.fullmatch(gap):
            break
        run.append(n)
    return run


def _end(figures: list[Figure], placed: list[tuple[int, int]], index: int) -> int:
    return placed[index][1] + len(figures[index].value_text)


_LIST_GAP = re.compile(r"[、和及与]?[^\d，,；;。！？、]{0,8}")  # 、外资 / 和: the next item of one list
_GROWTH_LEAD = re.compile(r"[，,](?:同比|分别|比上年|较上年)?(?:增长|下降|增加|减少)")  # ，同比增长 before the rates


def _list_length(text: str, placed: list[tuple[int, int]], figures: list[Figure], rates: list[int]) -> int:
    """占比分别为56.5%和58.3%，对…的贡献度超过一半: the list of values after 分别 ends where a clause with words of its
    own begins (一半 is no third item of it)."""
    for n in range(1, len(rates)):
        gap = text[placed[rates[n - 1]][1] + len(figures[rates[n - 1]].value_text) : placed[rates[n]][1]]
        if _CLAUSE_GAP.search(gap):
            return n
    return len(rates)


_CLAUSE_GAP = re.compile(r"[，,；;。][^\d、，,；;]*[\u4e00-\u9fff]")  # a clause mark, then words before the next value


_INDEX_VALUE = re.compile(r"指数[^，。,]{0,6}?(?:达到|达|为|至)(\d+\.\d+)(?![\d%.万亿])")


def _index_values(text: str, start: int, end: int) -> list[QuantityMatch]:
    """An index has no unit (该指数达133.16); the grammar skips unitless numbers elsewhere."""
    found = []
    for match in _INDEX_VALUE.finditer(text, start, end):
        quantity = parse_quantity(match.group(1))
        if quantity:
            found.append(QuantityMatch(match.start(1), match.end(1), match.group(1), quantity, False))
    return found


def _shifted(match: QuantityMatch, offset: int) -> QuantityMatch:
    return QuantityMatch(match.start + offset, match.end + offset, match.value_text, match.quantity, match.chinese)


def _is_figure(text: str, match: QuantityMatch) -> bool:
    before = text[match.start - 1] if match.start else ""
    after = text[match.end] if match.end < len(text) else ""
    quantity = match.quantity
    glued = _is_latin(before) and not _after_latin_metric(text, match.start)  # 实现GDP307.3亿元 is a figure
    if before in "第前+几数" or after == "+" or glued or _is_latin(after) or after in "强大级":
        return False  # 第六批, 前四, 几十亿, 2+N, P3实验室, 5G, 500强, 四大, 千亿级
    if quantity.base_unit == "年" and quantity.value >= 1900 and float(quantity.value).is_integer():
        return False  # a year, not a duration
    if match.chinese and quantity.value == 1 and quantity.base_unit not in _DURATIONS:
        return False  # 一个缩影, 一家企业, 一件事: an article, not a count
    if match.chinese and quantity.base_unit == "个" and text[match.end : match.end + 2] in {"方面", "领域"}:
        return False
    if match.value_text == "四周" or text[max(0, match.start - 2) : match.start] in {"未来", "过去"}:
        return False  # 四周 (all around), 未来两年 (a period)
    if quantity.base_unit in ("年", "月") and knowledge().average_after.match(text, match.end):
        return False  # 两年平均增长9.7%: a period phrase, the figure is the rate
    if quantity.base_unit in _PERIOD_UNITS and _frames_a_period(text, match):
        return False  # 连续两年, 经过8年多的发展, 五年来: a span that frames something else
    return not (_inside(text, match.start, "《", "》") or _inside_short_quote(text, match.start))


_PERIOD_UNITS = {"年", "月", "天", "日", "周"}


def _sets_a_threshold(text: str, match: QuantityMatch) -> bool:
    """超亿元人民币内资项目5个, 纳税过1亿元的企业: a money amount after 超/过 that a counted class follows (labels.toml)."""
    facts = knowledge()
    if unit_class(match.quantity.base_unit) != "money":
        return False
    before = text[max(0, match.start - 2) : match.start]
    cued = facts.threshold_before.search(before) or facts.threshold_opens.match(match.value_text)
    return bool(cued and facts.threshold_after.match(text, match.end))


def _frames_a_period(text: str, match: QuantityMatch) -> bool:
    facts = knowledge()
    before = text[max(0, match.start - 3) : match.start]
    if facts.period_phrase_before.search(before) or facts.period_phrase_after.match(text, match.end):
        return True
    return bool(facts.named_period_before.search(before) and facts.named_period_after.match(text, match.end))


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


_LATIN_RUN = re.compile(r"[A-Za-z&]+$")


def _after_latin_metric(text: str, position: int) -> bool:
    """The Latin word glued before the number is a metric of the lexicon (GDP307.3亿元), not a model name (P3, A380)."""
    run = _LATIN_RUN.search(text, max(0, position - 8), position)
    return bool(run) and run.group().upper() in _latin_metric_words()


@cache
def _latin_metric_words() -> frozenset[str]:
    """The metric signals of extractor/data/metrics.toml written in Latin letters (GDP, R&D)."""
    signals = (signal for entry in metric_entries() for signal in entry.signals)
    return frozenset(signal.upper() for signal in signals if signal.isascii() and _LATIN_RUN.fullmatch(signal))


def _inside(text: str, position: int, opening: str, closing: str) -> bool:
    left = text.rfind(opening, max(0, position - 80), position)
    return left != -1 and text.rfind(closing, left, position) == -1 and text.find(closing, position, position + 80) != -1


def _inside_short_quote(text: str, position: int) -> bool:
    """Numbers in a quoted slogan or name (“532”发展战略, “颠覆性10条”) are not measurements."""
    left = text.rfind("“", max(0, position - 12), position)
    if left == -1 or "”" in text[left:position]:
        return False
    right = text.find("”", position, position + 12)
    return right != -1 and not _SENTENCE_PUNCTUATION.search(text, left, right)


_UP_TO_LAST_FULL_STOP = re.compile(r"(?s).*[。！？!?\n]")


def _under_lead_cue(text: str, sentence_start: int, floor: int) -> bool:
    """The full sentence (to its 。) opens with a target cue and a comma (预计,…): it governs each ；-clause, unless the
    clause reports an outcome."""
    facts = knowledge()
    if sentence_start <= floor or text[sentence_start - 1] not in "；;":
        return False  # the first clause: the figure's own sentence already holds the cue
    full = _UP_TO_LAST_FULL_STOP.match(text, max(floor, sentence_start - 300), sentence_start)
    full_start = full.end() if full else max(floor, sentence_start - 300)
    return bool(facts.target_lead.match(text[full_start:sentence_start])) and not facts.outcome.search(text[full_start:sentence_start])


def _sentence_start(text: str, position: int, floor: int) -> int:
    """Just after the last sentence end before ``position`` (looking back at most 300 characters)."""
    lowest = max(floor, position - 300)
    before = _UP_TO_LAST_SENTENCE_END.match(text, lowest, position)
    return before.end() if before else lowest


def _clause_start(text: str, position: int, floor: int) -> int:
    """Just after the last clause or sentence mark before ``position``, not before ``floor``."""
    before = _UP_TO_LAST_CLAUSE_MARK.match(text, floor, position)
    return before.end() if before else floor


def _clause_end(text: str, position: int, limit: int) -> int:
    """The next clause or sentence mark after ``position``, or ``limit``."""
    run = _CLAUSE_RUN.match(text, position, limit)
    return run.end() if run else position


def _clause_evidence(text: str, match: QuantityMatch, start: int, end: int) -> Evidence:
    """The clause up to and including the quantity (and a cue such as 以上 right after it).

    The evidence ends at the value, so the value is the last occurrence of
    value_text in it, even when one clause holds the same number twice.
    """
    left = _clause_start(text, match.start, max(start, match.start - 40))
    cue = _CUE_AFTER_VALUE.match(text, match.end, end)
    right = cue.end() if cue else match.end
    return Evidence(start=left, end=right, text=text[left:right])




def _implied_unit(text: str, sentence_start: int, position: int) -> str:
    """11万 with no unit counts people when the clause is about 人口."""
    return "人" if _ABOUT_PEOPLE.search(text, sentence_start, position) else ""
