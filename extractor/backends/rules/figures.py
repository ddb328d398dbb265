"""Figures: every measured quantity in an article, with metric, period and subject.

The number grammar finds the quantities; this module decides which of them
measure something (dates, ordinals, ranks, codes and numbers inside names are
not figures, per the annotation guide) and reads metric, period and subject
from the clause around each one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ...budget import check_budget
from ...models import Evidence, Figure
from ...numbers import QuantityMatch, find_quantities, parse_quantity
from .parks import ParkMention
from .spans import LastWord, runs_ending_in

_DURATIONS = {"周", "工作日", "天", "小时", "月"}
_SENTENCE_PUNCTUATION = re.compile("[，。！？,]")
_CUE_AFTER_VALUE = re.compile("以上|以下|以内|左右|之多|内")
_ABOUT_PEOPLE = re.compile("人口|人数|人才")
_CLAUSE_RUN = re.compile(r"[^，,、：:；;（(）)“”。！？\n]*")
# Greedy up to the last mark: one backward step per character after it (a `[^…]*$` search would retry every start).
_UP_TO_LAST_CLAUSE_MARK = re.compile(r"(?s).*[，,、：:；;（(）)“”。！？\n]")
_UP_TO_LAST_SENTENCE_END = re.compile(r"(?s).*[。！？!?\n；;]")
_PERIOD = re.compile(
    r"截至目前|截至[^，。,]{1,12}?[底末]|到20\d\d年|(?:19|20)\d\d年(?:度)?(?:前三季度|[上下]半年|前\d+个月|\d+[至—\-]\d+月份?|\d+月份?|以来)?"
    r"|今年(?:以来|前三季度|[上下]半年|前\d+个月|\d+[至—\-]\d+月份?|\d+月份?)?|去年(?:同期)?|上半年|下半年|前三季度"
    r"|目前|现有|近年来|近几年|近\d+年来|累计|建成后|全部达产后"
)
# Things a figure can be about, besides parks: companies, institutes, facilities, named projects.
_ENTITY_ENDING = re.compile(r"股份有限公司|有限责任公司|有限公司|集团|研究院|研究所|实验室|污水处理厂|驿站")
_ENTITY_CHARS = r"[\u4e00-\u9fffA-Za-z()（）]"
# A city at the head of a clause (肇庆市共有10家企业上榜); 上市/全市/本市 are not cities.
_CITY = re.compile(r"(?<=[，。、；：\n“（(,])(?!上市|全市|本市|城市|超市|该市|各市)[\u4e00-\u9fff]{2}市(?![场民级委政长区县])")
_PROJECT_ENDING = re.compile("项目")
_PROJECT_CHARS = r"[\u4e00-\u9fffA-Za-z“”·]"
_GENERIC_PROJECT = re.compile(r"新增|签约|开工|竣工|重点|优质|在建|入库|产业项目|配套|完成|引进|这些|上述|力争")
_PROJECT_ANAPHORA = re.compile(r"该项目|项目(?:总投资|占地|建成|总建筑)")
_ENTITY_LEAD = LastWord(
    ["位于", "落户", "引进", "推动", "支持", "围绕", "打造", "建设", "成立", "设立", "其中", "目前"],
    "在于与和及为将把的了是对从向让由以并等共、",
)
_METRIC_LEAD = re.compile(r"^(?:其中|此外|同时|另外|共|累计|已|实现|完成|达到|拥有|现有|新增|全区|园区|该区|主要|并|还)+")
_METRIC_TAIL = re.compile(r"(?:达到|达|为|约|超过|超|突破|逾|近|接近|增至|降至|至|了|的|共|累计|已)+$")


@dataclass(frozen=True)
class Entity:
    name: str
    start: int
    is_park: bool


def extract_figures(text: str, start: int, end: int, parks: list[ParkMention], main_park: str) -> list[Figure]:
    """Figures in text[start:end] (one article of the normalized document)."""
    entities = _Entities(_entities(text, start, end, parks), text, start, end)
    park_names = {p.name for p in parks}
    figures = []
    candidates = [_shifted(m, start) for m in find_quantities(text[start:end])]
    candidates = [m for m in candidates if _is_figure(text, m)] + _index_values(text, start, end)
    for match in sorted(candidates, key=lambda m: m.start):
        check_budget()  # the per-figure look-backs are where a hostile page used to go quadratic
        sentence_start = _sentence_start(text, match.start, start)
        figures.append(
            Figure(
                value_text=match.value_text,
                value=match.quantity.value,
                unit=match.quantity.unit,
                amount=match.quantity.amount,
                base_unit=match.quantity.base_unit or _implied_unit(text, sentence_start, match.start),
                qualifier=match.quantity.qualifier,
                value_high=match.quantity.value_high,
                amount_high=match.quantity.amount_high,
                metric=_metric(text, match, sentence_start, park_names),
                period=_period(text, start, sentence_start, match.start),
                subject=_subject(entities, text, sentence_start, match.start, main_park),
                evidence=_clause_evidence(text, match, start, end),
            )
        )
    return figures


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
    if before in "第前+几数" or after == "+" or _is_latin(before) or _is_latin(after) or after in "强大级":
        return False  # 第六批, 前四, 几十亿, 2+N, P3实验室, 5G, 500强, 四大, 千亿级
    if quantity.base_unit == "年" and quantity.value >= 1900 and float(quantity.value).is_integer():
        return False  # a year, not a duration
    if match.chinese and quantity.value == 1 and quantity.base_unit not in _DURATIONS:
        return False  # 一个缩影, 一家企业, 一件事: an article, not a count
    if match.chinese and quantity.base_unit == "个" and text[match.end : match.end + 2] in {"方面", "领域"}:
        return False
    if match.value_text == "四周" or text[max(0, match.start - 2) : match.start] in {"未来", "过去"}:
        return False  # 四周 (all around), 未来两年 (a period)
    return not (_inside(text, match.start, "《", "》") or _inside_short_quote(text, match.start))


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


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


def _period(text: str, article_start: int, sentence_start: int, position: int) -> str:
    found = list(_PERIOD.finditer(text, sentence_start, position))
    if found:
        return found[-1].group()
    paragraph_start = max(text.rfind("\n", article_start, sentence_start), article_start)
    earlier = list(_PERIOD.finditer(text, paragraph_start, sentence_start))
    return earlier[-1].group() if earlier else ""


def _metric(text: str, match: QuantityMatch, sentence_start: int, park_names: set[str]) -> str:
    metric = text[_clause_start(text, match.start, sentence_start) : match.start]
    metric = _PERIOD.sub("", metric)
    for name in park_names:
        metric = metric.replace(name, "")
    metric = _METRIC_TAIL.sub("", _METRIC_LEAD.sub("", metric))
    if not metric:  # 8家科研机构相继入驻科学城: the measured thing follows the number
        metric = text[match.end : _clause_end(text, match.end, min(len(text), match.end + 30))]
    return metric.strip("的")


def _implied_unit(text: str, sentence_start: int, position: int) -> str:
    """11万 with no unit counts people when the clause is about 人口."""
    return "人" if _ABOUT_PEOPLE.search(text, sentence_start, position) else ""


def _entities(text: str, start: int, end: int, parks: list[ParkMention]) -> list[Entity]:
    found = [Entity(p.name, p.start, True) for p in parks if start <= p.start < end]
    named = [
        *runs_ending_in(text, start, end, _ENTITY_ENDING, _ENTITY_CHARS, 2, 24),
        *((s, e, name) for s, e, name in runs_ending_in(text, start, end, _PROJECT_ENDING, _PROJECT_CHARS, 6, 24)),
        *((m.start(), m.end(), m.group()) for m in _CITY.finditer(text, start, end)),
    ]
    for run_start, _run_end, run in named:
        lead = _ENTITY_LEAD.end(run)
        offset = lead if lead < len(run) - 2 else 0
        name = run[offset:]
        is_project = name.endswith("项目")
        if len(name) < 4 or (is_project and (len(name) < 8 or _GENERIC_PROJECT.search(name))):
            continue
        found.append(Entity(name, run_start + offset, False))
    return sorted(found, key=lambda e: e.start)


class _Entities:
    """An article's entities, indexed once so that each figure's look-back is a binary search (linear in all).

    Looking back from every figure to its paragraph start or to the last named
    project would cost the paragraph's length per figure: quadratic in a long
    paragraph.
    """

    def __init__(self, entities: list[Entity], text: str, start: int, end: int) -> None:
        self.projects = [e for e in entities if e.name.endswith("项目")]
        self.project_starts = [e.start for e in self.projects]
        self.others = [e for e in entities if not e.name.endswith("项目")]
        self.other_starts = [e.start for e in self.others]
        self.line_breaks = [m.start() for m in re.finditer("\n", text[start:end])]
        self.offset = start

    def paragraph_start(self, position: int) -> int:
        """Just after the last line break before ``position`` in the article (the article start if none)."""
        index = bisect_right(self.line_breaks, position - 1 - self.offset) - 1
        return self.offset + self.line_breaks[index] + 1 if index >= 0 else self.offset


def _subject(entities: _Entities, text: str, sentence_start: int, position: int, main_park: str) -> str:
    """The nearest named park, company or facility before the figure in its paragraph, else the article's park.

    "该项目总投资…" points at the last named project, wherever it was named.
    """
    if _PROJECT_ANAPHORA.search(text, sentence_start, position):
        index = bisect_right(entities.project_starts, position) - 1
        if index >= 0:
            return entities.projects[index].name
    paragraph_start = entities.paragraph_start(sentence_start)
    # Project names are too loosely bounded to win on nearness alone; they come in through 该项目.
    index = bisect_right(entities.other_starts, position) - 1
    if index >= 0 and entities.others[index].start >= paragraph_start:
        return entities.others[index].name
    return main_park
