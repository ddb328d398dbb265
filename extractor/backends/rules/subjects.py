"""What a figure is about: the nearest named zone, company, facility, place or group of zones.

Mechanisms only; the group terms, self-reference words and anaphora nouns live in
extractor/data/subjects.toml.

- A group (全国169家国家级高新区, 32个国家级经济技术开发区, 全省开发区) is a subject
  of its own: totals after it are about the group, not the nearest single zone.
- 全区, 该区, 开发区, 园区 standing alone point at the article's own subject.
- 该实验室, 该公司, 公司 point at the last entity named with the same noun.
- The article's own subject is its main park, unless a group is named more often
  (an article about all national high-tech zones that mentions 中关村 once).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any

from ...domain.firstchars import first_char_guard
from ...domain.periods import period_pattern
from ...domain.spans import LastWord, runs_ending_in
from ...domain.zonenames import places, short_place_name
from ...frozen import quick_init
from ...knowledge import load
from .labels import is_kind_word, knowledge
from .parks import ParkMention

_ENTITY_CHARS = r"[\u4e00-\u9fffA-Za-z0-9()（）]"
_PROJECT_ENDING = re.compile("项目")
_PROJECT_CHARS = r"[\u4e00-\u9fffA-Za-z“”·]"
_GENERIC_PROJECT = re.compile(r"新增|签约|开工|竣工|重点|优质|在建|入库|产业项目|配套|完成|引进|这些|上述|力争")
# What 公司/企业 and 项目 may point at besides names ending in the noun (引进传音控股。该项目…).
_POINTED_KINDS = {"公司": ("company",), "企业": ("company",), "项目": ("company", "institution")}
_LEADING_COUNT = re.compile(r"^(?:\d+(?:个|家|所|座|批|项|条|类)?|[一二两三四五六七八九十百几多]+(?:个|家|所|座|批|项|条|类))")
_LIST_MARKS = ("、", "和", "及", "与", ",", "，")
_PLACE_ENDINGS = re.compile("[省市区县旗州盟]")
_POINTERS = "该其此这"
_NAMED_KINDS = ("company", "institution", "project", "named")  # things a count or amount right after them measures (…等4家企业)


@quick_init
@dataclass(frozen=True)
class Entity:
    name: str
    start: int
    kind: str  # park, group, self, place, company, institution, project, named
    locative: bool = False  # after 在/落户/位于…: where something happens, not what a figure is about
    yardstick: bool = False  # a group the zone is measured against (居…之首, 在…中跻身十强)
    part: bool = False  # named in a breakdown (其中：东川工业园区增长…): not what a later 园区 means
    subset: bool = False  # a counted group of a region (中部12家国家级经开区): not the nation's collective

    @property
    def end(self) -> int:
        return self.start + len(self.name)


@dataclass(frozen=True)
class _Words:
    collective: re.Pattern[str]
    self_word: re.Pattern[str]
    anaphora: re.Pattern[str]
    short_company: re.Pattern[str]
    quoted: re.Pattern[str]
    company_ending: re.Pattern[str]
    institution_ending: re.Pattern[str]
    category: re.Pattern[str]
    generic_name: re.Pattern[str]  # 边境公路口岸, 对外开放口岸: a kind of facility, with no proper name in it
    counted_before: re.Pattern[str]
    counted_after: re.Pattern[str]
    listed_examples: re.Pattern[str]
    place_marks: str
    not_place_after: re.Pattern[str]
    entity_lead: LastWord
    locative: LastWord
    locative_near: re.Pattern[str]
    place_head: re.Pattern[str]
    place_describes: re.Pattern[str]  # 满洲里市位于…: a place introducing itself, whatever stands before it
    places: frozenset[str]
    province_stems: tuple[str, ...]
    self_boundary: re.Pattern[str]
    place_zone_kinds: tuple[str, ...]
    period_before_self: re.Pattern[str]
    not_period_before_self: re.Pattern[str]
    qualifies: re.Pattern[str]
    group_list_after: re.Pattern[str]
    comparison_set_after: re.Pattern[str]
    project_measure: re.Pattern[str]
    compared_before: re.Pattern[str]
    investment_before: re.Pattern[str]
    invested_thing: re.Pattern[str]
    part_name: re.Pattern[str]
    breakdown: re.Pattern[str]
    lead_chars: int
    titled_paragraph_kinds: frozenset[str]
    canonical_groups: dict[str, str]
    relative_kinds: dict[str, str]
    bare_kinds: dict[str, tuple[str, ...]]
    subset_before: re.Pattern[str]
    place_self: re.Pattern[str]
    not_place_self_after: re.Pattern[str]
    level_group: re.Pattern[str]
    group_term: re.Pattern[str]
    headline_zone: re.Pattern[str]
    government_report: re.Pattern[str]
    pointed_group_before: re.Pattern[str]
    listed_group: re.Pattern[str]
    defined_short_name: re.Pattern[str]
    photo_credit: re.Pattern[str]
    place_relative_group: re.Pattern[str]
    province_group: re.Pattern[str]  # 湖南产业园区: a province's name and a zone word


@dataclass(frozen=True)
class _SubjectWords:
    """subjects.toml: an entry's key is its field's name (see the file for each entry's job)."""

    collective_terms: tuple[str, ...]
    group_list_after: re.Pattern[str]
    comparison_set_after: re.Pattern[str]
    level_groups: tuple[str, ...]
    compared_before: re.Pattern[str]
    collective_scopes: str
    not_group_provinces: tuple[str, ...]
    part_name: re.Pattern[str]
    breakdown: re.Pattern[str]
    defined_short_name: re.Pattern[str]
    photo_credit: re.Pattern[str]
    self_words: tuple[str, ...]
    place_zone_kinds: tuple[str, ...]  # a self word glued to a place's short name names that place's zone (新田园区)
    period_before_self: re.Pattern[str]  # 今年全市…: a period right before a place-self word
    not_period_before_self: re.Pattern[str]  # 比去年全市…: …unless it is a comparison's base or a share's whole
    lead_chars: int
    titled_paragraph_kinds: list[str]  # kinds whose scope in a titled article ends at their sentence
    headline_zone: re.Pattern[str]
    government_report: re.Pattern[str]
    report_speaker: re.Pattern[str]  # 代市长陈冬…作政府工作报告: the speaker's title names the report's level
    place_self_words: tuple[str, ...]
    not_place_self_after: re.Pattern[str]
    subset_before: str
    self_boundary: re.Pattern[str]
    anaphora_nouns: tuple[str, ...]
    place_relative_group: re.Pattern[str]
    bare_anaphora_nouns: tuple[str, ...]
    bare_enterprise: str
    project_measures: str
    company_endings: tuple[str, ...]
    institution_endings: tuple[str, ...]
    entity_leads: list[str]
    category_words: re.Pattern[str]
    generic_names: str
    counted_before: re.Pattern[str]
    counted_after: re.Pattern[str]
    listed_examples: re.Pattern[str]
    locative_leads: list[str]
    source_before: re.Pattern[str]
    event_after: re.Pattern[str]
    source_after: re.Pattern[str]
    investment_before: re.Pattern[str]
    invested_thing: re.Pattern[str]
    qualifies: re.Pattern[str]
    short_company: re.Pattern[str]
    quoted_subject: re.Pattern[str]
    place_heads: str
    place_describes: str
    place_clause_marks: str
    not_place_after: re.Pattern[str]
    canonical_groups: dict[str, list[str]]  # a group's name and the spellings that mean it
    relative_kinds: dict[str, list[str]]  # a kind's spelling after a place-relative scope (全省…) and its long spellings
    bare_kinds: dict[str, list[str]]  # a zone's kind printed alone (高新区) and the endings of the names it stands for
    zone_counters: tuple[str, ...]  # 个, 家, 处: the measure words that count zones (169家国家级高新区)
    pointed_group_before: str  # 这, 上述 before a counted group: the group named earlier with that count
    listed_group: str  # A、B、C等5个…区域: listed zones closed by a count of zones are one group
    examples: tuple[dict[str, Any], ...] = ()
    document_examples: tuple[dict[str, Any], ...] = ()


@cache
def subject_words() -> _SubjectWords:
    """subjects.toml, read once."""
    return load("subjects.toml", _SubjectWords)


_COUNT = rf"(?:\d+|[一二两三四五六七八九十百]+)(?:{'|'.join(subject_words().zone_counters)})"  # 169家, 十四个: a count of zones


@cache
def _words() -> _Words:
    data = subject_words()
    terms = "|".join(sorted(data.collective_terms, key=len, reverse=True))
    count = _COUNT
    modifier = r"(?:(?![在于的是和与及了将把对从由向])[\u4e00-\u9fff]){0,6}?"  # 全国204个生物医药园区, not 113家在开发区
    levelled = "|".join(sorted(data.level_groups, key=len, reverse=True))
    provinces = "|".join(_province_scopes(data.not_group_provinces))
    collective = (
        rf"(?<![\d.])(?:(?:{data.collective_scopes})(?:{count}{modifier})?|{count}{modifier})(?:{terms})"
        # 湖南产业园区: the province's zones, after a clause mark, the text's start, a line's or a year (2020年山东综合保税区)
        rf"|(?:(?<={data.self_boundary.pattern})|(?<![\s\S])|(?<=\n)|(?<=\d年))(?:{provinces})(?:{terms})"
        rf"|(?:(?<=[，。；,;：:\n])|(?<=其中))(?:{levelled})"
    )
    nouns = "|".join(data.anaphora_nouns)
    head = "(?:^|(?<=[，。；,;：:\n]))"
    places, stems = read_places()
    return _Words(
        collective=first_char_guard(collective),  # scanned over every article (firstchars.py)
        self_word=re.compile("|".join(sorted(data.self_words, key=len, reverse=True))),
        anaphora=first_char_guard(
            rf"(?:该|这家|此)({nouns})|{head}({'|'.join(data.bare_anaphora_nouns)})|(项目(?={data.project_measures}))"
            rf"|{head}({data.bare_enterprise})"
        ),
        short_company=data.short_company,
        quoted=data.quoted_subject,
        company_ending=_alternatives(data.company_endings),
        institution_ending=_alternatives(data.institution_endings),
        category=data.category_words,
        generic_name=re.compile(data.generic_names),
        counted_before=data.counted_before,
        counted_after=data.counted_after,
        listed_examples=data.listed_examples,
        place_marks=data.place_clause_marks,
        not_place_after=data.not_place_after,
        entity_lead=LastWord(data.entity_leads, "在于与和及为将把的了是对从向让由以并等共、"),
        locative=LastWord(data.locative_leads),
        locative_near=_alternatives([word for word in data.locative_leads if len(word) > 1]),
        place_head=re.compile(rf"(?:{data.place_heads})?$"),
        place_describes=re.compile(data.place_describes),
        places=places,
        province_stems=stems,
        self_boundary=data.self_boundary,
        place_zone_kinds=tuple(data.place_zone_kinds),
        period_before_self=data.period_before_self,
        not_period_before_self=data.not_period_before_self,
        qualifies=data.qualifies,
        group_list_after=data.group_list_after,
        comparison_set_after=data.comparison_set_after,
        project_measure=re.compile(data.project_measures),
        compared_before=data.compared_before,
        investment_before=data.investment_before,
        invested_thing=data.invested_thing,
        part_name=data.part_name,
        breakdown=data.breakdown,
        lead_chars=data.lead_chars,
        titled_paragraph_kinds=frozenset(data.titled_paragraph_kinds),
        canonical_groups={alias: name for name, aliases in data.canonical_groups.items() for alias in aliases},
        relative_kinds={alias: name for name, aliases in data.relative_kinds.items() for alias in aliases},
        bare_kinds={kind: tuple(endings) for kind, endings in data.bare_kinds.items()},
        subset_before=re.compile(f"(?:{data.subset_before})$"),
        place_self=_alternatives(data.place_self_words),
        not_place_self_after=data.not_place_self_after,
        level_group=_alternatives(data.level_groups),
        group_term=_alternatives(data.collective_terms),
        headline_zone=data.headline_zone,
        government_report=data.government_report,
        pointed_group_before=re.compile(f"(?:{data.pointed_group_before})$"),
        listed_group=re.compile(data.listed_group.replace("{counters}", "|".join(data.zone_counters))),
        defined_short_name=data.defined_short_name,
        photo_credit=data.photo_credit,
        place_relative_group=data.place_relative_group,
        province_group=re.compile(rf"(?:{provinces})(?:{terms})"),
    )


def is_work_report(text: str, start: int) -> bool:
    """A government's work report (its lead: 政府工作报告, 我代表市人民政府向大会报告工作): it speaks for its place."""
    lead_end = min(start + _words().lead_chars, len(text))
    return bool(_words().government_report.search(text, start, lead_end))


def report_place(text: str, start: int) -> str:
    """The place a government's work report speaks for, as its lead names it (2026年浙江省政府工作报告 → 浙江省);
    "" for any other article."""
    lead_end = min(start + _words().lead_chars, len(text))
    report = _words().government_report.search(text, start, lead_end)
    if not report:
        return ""
    level = report["level"] or _speaker_level(text, start, lead_end)
    return _lead_place(text, start, lead_end) or _short_place(text, start, lead_end, level)


def _speaker_level(text: str, start: int, end: int) -> str:
    """The level the report's speaker holds (代市长陈冬昨日在政府工作报告中 → 市; subjects.toml report_speaker)."""
    speaker = subject_words().report_speaker.search(text, start, end)
    return speaker["level"] if speaker else ""


def place_names() -> frozenset[str]:
    """Place names of three characters or more (places.csv), as the subject readers know them."""
    return _words().places


def _whole_place_group(core: str) -> bool:
    """全省高新区, 我市园区, 湖南产业园区: the zones of a whole place, named relative to it or by a province's name."""
    return bool(_words().place_relative_group.match(core) or _words().province_group.fullmatch(core))


def _province_scopes(excluded: Iterable[str]) -> list[str]:
    """Provinces by full and short name (湖南省, 湖南), longest first, but those whose name before a zone word names one
    zone of their own (天津开发区, 北京经开区: subjects.toml not_group_provinces)."""
    skip = set(excluded)
    names = {n for p in places() if p.kind == "province" and p.stem not in skip for n in (p.name, p.stem) if len(n) >= 2}
    return sorted(names, key=len, reverse=True)


def _alternatives(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(sorted(words, key=len, reverse=True)))


@cache
def read_places() -> tuple[frozenset[str], tuple[str, ...]]:
    """Place names of three characters or more (extractor/data/places.csv) and the provinces' short names."""
    names = frozenset(place.name for place in places() if len(place.name) >= 3)
    stems = tuple(sorted({place.stem for place in places() if place.kind == "province"}, key=len, reverse=True))
    return names, stems


@cache
def city_prefixes() -> dict[str, tuple[str, ...]]:
    """For each county-level place (新北区), the ways its city may be printed before it, longest first (常州市, 常州)."""
    cities = {short_place_name(place.name): place for place in places() if place.kind == "city"}  # 常州 → 常州市
    return {
        place.name: tuple(sorted({cities[place.city].name, cities[place.city].stem} - {""}, key=len, reverse=True))
        for place in places()
        if place.kind == "county" and place.city in cities
    }


def find_entities(text: str, start: int, end: int, parks: list[ParkMention]) -> list[Entity]:
    """Every candidate subject in text[start:end], in text order."""
    words = _words()
    in_park = _SpanSet((p.start, p.end) for p in parks if p.start < end and p.end > start)
    found = [
        Entity(p.name, p.start, "park", _is_locative(text, p.start, p.end), part=_in_breakdown(text, p.start))
        for p in parks
        if start <= p.start < end
    ]
    for match in words.part_name.finditer(text, start, end):
        if not in_park.covers(match.start()):
            found.append(Entity(match.group(), match.start(), "area", part=_in_breakdown(text, match.start())))
    groups = []
    for match in words.collective.finditer(text, start, end):
        if not words.group_list_after.match(text, match.end()):  # 5个高新区、1个旅游度假区和2个…: an item of a list
            compared = bool(words.comparison_set_after.match(text, match.end()))  # 在全国43个国家级开发区中跻身十强
            base = bool(words.compared_before.search(text, max(start, match.start() - 10), match.start()))  # 高于…33个开发区
            region = words.subset_before.search(text, max(start, match.start() - 8), match.start())
            if region:  # 东部地区103家国家级经开区: the region's share of the group, named with its region, without its count
                name = region.group() + (_COUNT_PREFIX.sub("", match.group()) or match.group())
                groups.append(Entity(name, region.start(), "group", base, compared or base, subset=True))
                continue
            earlier = _pointed_group(text, match, groups, max(start, match.start() - 3))
            groups.append(Entity(earlier or match.group(), match.start(), "group", base, compared or base))
    groups += _listed_groups(text, start, end, groups)
    found += groups
    in_name = _SpanSet([*in_park.spans, *((g.start, g.end) for g in groups)])
    defined = _defined_groups(text, end, groups, in_name)
    found += defined
    in_name = _SpanSet([*in_name.spans, *((g.start, g.end) for g in defined)])
    for match in words.self_word.finditer(text, start, end):
        if in_name.covers(match.start()):
            continue
        if match.start() == 0 or words.self_boundary.match(text, match.start() - 1):
            found.append(Entity(match.group(), match.start(), "self", _is_locative(text, match.start(), match.end())))
        elif match.group() in words.place_zone_kinds:
            stem = _place_stem_before(text, match.start(), start)
            if stem:  # 新田园区: the county's zone, named by the county's short name and its kind
                at = match.start() - len(stem)
                found.append(Entity(stem + match.group(), at, "park", _is_locative(text, at, match.end())))
    for match in words.place_self.finditer(text, start, end):  # 我省, 全市 heading a clause: what the report speaks for
        # not 占全省…的1/3, 全市占比90%: the whole a share is of; 提出了今年全市经济社会发展…目标: a period's whole place
        heads = _heads_clause(text, match.start(), start) or _after_period(text, match.start(), start)
        if heads and not in_name.covers(match.start()) and not words.not_place_self_after.match(text, match.end()):
            found.append(Entity(match.group(), match.start(), "self_place"))
    found += [e for e in _places(text, start, end) if not in_park.covers(e.start)]
    for match in words.short_company.finditer(text, start, end):
        found.append(Entity(match.group(), match.start(), "company", _is_locative(text, match.start())))
    found += [Entity(m.group(), m.start(), "named") for m in words.quoted.finditer(text, start, end)]
    named = [
        *((s, e, name, "company") for s, e, name in runs_ending_in(text, start, end, words.company_ending, _ENTITY_CHARS, 2, 24)),
        *((s, e, n, "institution") for s, e, n in runs_ending_in(text, start, end, words.institution_ending, _ENTITY_CHARS, 2, 24)),
        *((s, e, name, "project") for s, e, name in runs_ending_in(text, start, end, _PROJECT_ENDING, _PROJECT_CHARS, 6, 24)),
    ]
    for run_start, _run_end, run, kind in named:
        name = _without_lead(run, words.entity_lead.end(run))
        offset = len(run) - len(name)
        if name[:1] in _POINTERS or run[:offset].endswith(tuple(_POINTERS)):
            continue  # 该项目研发中心: a pointer's phrase, resolved through 该…, never a name of its own
        if len(name) < 4 or (kind == "project" and (len(name) < 8 or _GENERIC_PROJECT.search(name))):
            continue  # a bare ending (…是项目, 的平台) names nothing
        if kind == "institution" and is_kind_word(name):
            continue  # 研发中心, 重点实验室: a kind of institution (a word of the metric lexicon), not one
        found.append(Entity(name, run_start + offset, kind, _is_locative(text, run_start + offset)))
    captions = _SpanSet(_captions(text, start, end))
    found = [e for e in found if not captions.covers(e.start)]
    return _without_categories(sorted(found, key=lambda e: e.start), text, start)


def _defined_groups(text: str, end: int, groups: list[Entity], taken: _SpanSet) -> list[Entity]:
    """海南省13个自贸港重点园区（以下简称重点园区）: every later 重点园区 names that group."""
    found: list[Entity] = []
    for group in groups:
        definition = _words().defined_short_name.match(text, group.end)
        if not definition:
            continue
        short = definition.group(1)
        at = text.find(short, definition.end(), end)
        while at >= 0:
            if not taken.covers(at):
                found.append(Entity(short, at, "group"))
            at = text.find(short, at + len(short), end)
    return found


def _captions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Photo captions (文昌航天超算中心。海南日报全媒体记者袁琛摄): the thing pictured is no subject of the text
    the layout glued after it. Each span runs from the caption's first character to the end of the credit."""
    spans = []
    for credit in _words().photo_credit.finditer(text, start, end):
        credit_line = max(text.rfind(mark, start, credit.start()) for mark in "。！？\n") + 1
        if credit_line <= start:
            continue
        caption = max(text.rfind(mark, start, credit_line - 1) for mark in "。！？\n") + 1
        spans.append((max(caption, start), credit.end()))
    return spans


class _SpanSet:
    """Membership of a position in a set of spans, in log time (a page can hold thousands of names)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._reach = list(accumulate((e for _, e in self.spans), max))  # the furthest end of the spans so far

    def covers(self, position: int) -> bool:
        before = bisect_right(self._starts, position)  # spans starting at or before the position
        return before > 0 and self._reach[before - 1] > position


def _without_categories(entities: list[Entity], text: str, floor: int) -> list[Entity]:
    """Drop kinds of things, and the names listed with them (A、B、C等4家企业 drops A and B too)."""
    kept: list[Entity] = []
    dropped_next: Entity | None = None
    for entity in reversed(entities):
        listed = dropped_next is not None and text[entity.end : dropped_next.start] in _LIST_MARKS
        if entity.kind in _NAMED_KINDS and (listed or _is_category(entity, text, floor)):
            dropped_next = entity
            continue
        dropped_next = None
        kept.append(entity)
    return kept[::-1]


def _is_category(entity: Entity, text: str, floor: int) -> bool:
    """省级企业技术中心, 10个…创新平台, …有限公司4家, …等: a kind of thing or examples of it, not a subject."""
    if entity.kind not in _NAMED_KINDS:
        return False
    words = _words()
    before = text[max(floor, entity.start - 6) : entity.start]
    return bool(
        words.category.search(entity.name)
        or words.generic_name.fullmatch(entity.name)
        or words.counted_before.search(before)
        or words.counted_after.match(text[entity.end : entity.end + 12])
        or words.listed_examples.match(text, entity.end, entity.end + 400)
    )


@cache
def _place_stems() -> frozenset[str]:
    """Short names (stems) of the listed places that no two places share, two to four characters long."""
    seen = Counter(p.stem for p in places())
    return frozenset(stem for stem, times in seen.items() if times == 1 and 2 <= len(stem) <= 4)


def _place_stem_before(text: str, position: int, floor: int) -> str:
    """The unique place stem right before ``position`` that itself starts after a boundary (新田 of ，新田园区), or ""."""
    stems, boundary = _place_stems(), _words().self_boundary
    for size in (4, 3, 2):
        at = position - size
        if at >= floor and text[at:position] in stems and (at == floor or boundary.match(text, at - 1)):
            return text[at:position]
    return ""


def _without_lead(run: str, lead: int) -> str:
    """The name in a run of name characters: after its lead word, without a count before it (8家…中心)."""
    name = run[lead:]
    return name if name[:4].isdigit() else _LEADING_COUNT.sub("", name)  # 2023昆山元宇宙国际装备展 keeps its year


def _in_breakdown(text: str, position: int) -> bool:
    """The name sits in a sentence that opens with 其中: a part of the total before it."""
    return bool(_words().breakdown.search(text, max(0, position - 60), position))


_UP_TO_LAST_LOCATIVE_MARK = re.compile("(?s).*[，。；：,;:\n的]")


def _is_locative(text: str, start: int, end: int = 0) -> bool:
    """The name is where something happens (落户…, 在…) or what is made or bought (建立…, 收购…).

    A lead word may stand a few characters before the name (落户化学与精细化工广东省实验室园区);
    在新余高新区，… sets the scene before a comma, and the scene is the topic.
    """
    window = text[max(0, start - 8) : start]
    mark = _UP_TO_LAST_LOCATIVE_MARK.match(window)  # one greedy match, not one rfind per mark
    window = window[mark.end() :] if mark else window  # 位于X的Y: Y is no place
    if window.endswith("在") and end and text[end : end + 1] in "，,":
        return False
    data = subject_words()
    if end and data.source_before.search(window) and data.source_after.match(text[end : end + 20]):
        return True  # 记者从…管委会获悉: where the news came from
    words = _words()
    return bool(window) and (words.locative.end(window) == len(window) or bool(words.locative_near.search(window)))


@cache
@cache  # asked at every place ending of every article, always of the same stems
def _province_endings(stems: tuple[str, ...]) -> tuple[str, ...]:
    """Every province prefix a lead may end in, for one endswith test before the ordered search (most leads end in none)."""
    return tuple(prefix for stem in stems for prefix in (stem + "省", stem))


@cache
def _place_tails(places: frozenset[str], shortest: int = 3) -> frozenset[str]:
    """The last ``shortest`` characters of every place name of ``shortest`` to 8 characters (the names _places and
    _lead_place read): a name ending at a position ends in one of them, so one set test turns away most of the 区
    and 市 of a page."""
    return frozenset(place[-shortest:] for place in places if shortest <= len(place) <= 8)


def _places(text: str, start: int, end: int) -> list[Entity]:
    """Listed places at the head of a clause (after a time word or a province's name at most)."""
    words = _words()
    found = []
    tails = _place_tails(words.places)
    for ending in _PLACE_ENDINGS.finditer(text, start, end):
        stop = ending.end()
        if text[stop - 3 : stop] not in tails or stop - 3 < start:
            continue  # 高新区, 开发区: no listed place ends in these three characters, so none of 3-8 ends here
        name = next((text[stop - n : stop] for n in range(8, 2, -1) if stop - n >= start and text[stop - n : stop] in words.places), "")
        if not name:
            continue
        place_start = stop - len(name)
        city = next((c for c in city_prefixes().get(name, ()) if text.endswith(c, start, place_start)), "")
        name, place_start = city + name, place_start - len(city)  # 常州新北区: the district with its city
        lead_start = max(start, place_start - 12)
        lead = text[lead_start:place_start]
        for stem in words.province_stems if lead.endswith(_province_endings(words.province_stems)) else ():  # 宁夏银川市, 江苏省苏州市
            for prefix in (stem + "省", stem):
                if lead.endswith(prefix):
                    lead = lead[: -len(prefix)]
                    break
            else:
                continue
            break
        marks = words.place_marks
        clause = re.split(f"[{marks}]", lead)[-1] if any(c in lead for c in marks) or lead_start == start else None
        heads = clause is not None and bool(words.place_head.match(clause))
        if (heads or words.place_describes.match(text, stop)) and not words.not_place_after.match(text, stop):
            found.append(Entity(name, place_start, "place"))
    return found


def article_subject(
    entities: list[Entity], main_park: str, text: str = "", start: int = 0, end: int | None = None, speaks_for: str = ""
) -> tuple[str, str]:
    """The article's own subject and where it was read: ``heading`` when the title names it (示范区1-3月主要经济指标分析;
    2026年西藏自治区政府工作报告, the place its lead names), ``document`` when it is only the most named.

    The own subject is its main park, or a group named more often than it, or (an article about no zone:
    海淀区北部15个重大产业项目…) the place it names most often. A park counts as the article's own only when the
    article is about it: named more than once, or in its lead. A name mentioned once far down a long report
    (…合作产业园签约项目5个) is not the subject of everything else; the report speaks for the place its lead names
    (在滨江区第五届人民代表大会上). ``speaks_for`` is that place (``report_place``, read once per article by the caller).
    """
    parks = sum(1 for e in entities if e.kind == "park" and e.name == main_park)
    lead_end = start + _words().lead_chars
    in_lead = any(e.kind == "park" and e.name == main_park and e.start < lead_end for e in entities)
    headline = _words().headline_zone.match(text, start)  # 示范区1-3月主要经济指标分析: the zone's own report
    if headline and not any(e.kind == "group" and e.start == headline.start("zone") for e in entities):  # 全国高新区2023年…: a group's
        return (main_park if main_park and in_lead else headline.group("zone")), "heading"
    # A government's work report speaks for its place: what it names further down, however often, is not its topic.
    lead_place = _lead_place(text, start, lead_end)
    if speaks_for and not in_lead:
        return speaks_for, "heading"
    # A group the zone is measured against (在全国217家国家级开发区综合考评中位列第13位) is no topic of the article.
    groups = Counter(_group_core(e.name) for e in entities if e.kind == "group" and not e.yardstick)
    if groups:
        # 全省高新区 over the parts it is split into (国家高新区…, 省级高新区…), however often each part is printed
        # and a province's zones by its name (湖南产业园区) are that whole too: each spelling counts for it
        relative = [(core, times) for core, times in groups.most_common() if _whole_place_group(core)]
        core, times = (relative[0][0], sum(t for _, t in relative)) if relative else groups.most_common(1)[0]
        # Like a park, a group is the article's topic only when named more than once or in the lead: 各类园区 printed
        # once in a 12,000-character work report is a mention, not what the report speaks for.
        group_in_lead = any(e.kind == "group" and _group_core(e.name) == core and e.start < lead_end for e in entities)
        if times > parks and (times > 1 or group_in_lead):
            return canonical_group(core), "document"
        # A collective the first line names (the headline, or a headline the page glued to its lead), in an article
        # whose first line names no zone of it: the collective is the topic, a member named further down (成都经开区…签约项目
        # 32个) speaks for its own sentences only. Not any line of the lead: a group named there may be where the zone
        # was ranked (郑州高新区… 在2023年度全省开发区高质量发展考核评价中获评四星级开发区).
        headline_end = text.find("\n", start, lead_end)
        park_starts = {e.start for e in entities if e.kind == "park"}  # 五家渠市青湖经济开发区: a zone's name, not a count (五家)
        in_headline = any(
            e.kind == "group" and not e.yardstick and e.start < headline_end and e.start not in park_starts for e in entities
        )
        park_in_headline = any(e.kind == "park" and e.name == main_park and e.start < headline_end for e in entities)
        if in_headline and main_park and not park_in_headline:
            return canonical_group(core), "document"
    if main_park and (parks > 1 or in_lead):
        return main_park, "document"
    places = Counter(e.name for e in entities if e.kind == "place")
    if places:
        place = places.most_common(1)[0][0]
        voiced = _voice_over(entities, place, text, start, len(text) if end is None else end)
        if voiced:
            return voiced, "document"
        return place, "heading" if place == lead_place else "document"
    if lead_place:
        return lead_place, "heading"
    # A park named once, far from the lead (…红山产业园获评国家级绿色工业园区 closing a city report's review), is mentioned,
    # not the topic: the place the text's own voice speaks for (全市…, 赤峰…) is, when it can be told.
    spoken = _spoken_place(entities, text, start, len(text) if end is None else end)
    if spoken:  # read from the heading when the lead's formula says whose report it is (我代表市人民政府…)
        return spoken, "heading" if _report_level(text, start) else "document"
    if main_park:
        return main_park, "document"
    return _first_bare_kind(entities, lead_end), "document"


def _report_level(text: str, start: int) -> str:
    """The level a work report's formula names in its lead (我代表市人民政府向大会报告工作 → 市), or ""."""
    report = _words().government_report.search(text, start, min(start + _words().lead_chars, len(text)))
    return (report["level"] or "") if report else ""


def _spoken_place(entities: list[Entity], text: str, start: int, end: int) -> str:
    """A report's voice cut from its title (过去一年，我们…。全省地区生产总值…): the self words heading its clauses
    (全省, 我省, 全市), or the level its lead's formula names (我代表市人民政府…), speak for the one province or city of
    that level that the text names most often, by its full or
    short name (《中共青海省委关于…》, 青海大地) — at least twice, and strictly more than any other, or once when no other
    of that level is named at all; else none."""
    levels = Counter(e.name[-1] for e in entities if e.kind == "self_place")
    level = levels.most_common(1)[0][0] if levels else _report_level(text, start)  # 我代表市人民政府: a city's report
    if not level or not text:
        return ""
    named = _short_places().get(_LEVEL_KINDS.get(level, ""), {})
    times = Counter({name: text.count(stem, start, end) for stem, name in named.items() if name}).most_common(2)
    rival = times[1][1] if len(times) > 1 else 0
    # named twice and more than any other; or named once where no other of its level is (是宜宾发展进程中…的五年)
    if not times or times[0][1] < (1 if rival == 0 else 2) or rival == times[0][1]:
        return ""
    return times[0][0]


def _voice_over(entities: list[Entity], place: str, text: str, start: int, end: int) -> str:
    """A text whose own voice speaks as a whole of one level (全市县域生产总值…, 我市坚持…) and names a place of another
    level most (岐山县, one of its counties): the whole it speaks as is the topic — the one place of the voice's level the
    text names (宝鸡融媒 → 宝鸡市, _spoken_place) — not the county it lists among others. "" when the voice's level is
    the place's own, or no place of the voice's level can be told."""
    levels = Counter(e.name[-1] for e in entities if e.kind == "self_place")
    if not levels or place.endswith(levels.most_common(1)[0][0]):
        return ""
    return _spoken_place(entities, text, start, end)


def caption_subject(text: str, start: int, end: int, entities: list[Entity]) -> str:
    """What a caption (2002-2006年国家高新区主要经济指标) says a table is about: a zone, group or place it names."""
    named = [e for e in entities if start <= e.start < end and e.kind in ("park", "group", "place") and not e.locative]
    if named:
        return named[0].name
    group = _words().level_group.search(text, start, end) or _words().group_term.search(text, start, end)
    return group.group() if group else _lead_place(text, start, end)


def _heads_clause(text: str, position: int, floor: int) -> bool:
    """Nothing but a period stands between the last clause mark and ``position`` (2023年，全省… / 全省…)."""
    clause = _CLAUSE_MARKS_OR_END.match(text, max(floor, position - 20), position)
    lead = text[clause.end() if clause else max(floor, position - 20) : position]
    return not lead or bool(period_pattern().fullmatch(lead))


def _after_period(text: str, position: int, floor: int) -> bool:
    """A period word right before ``position`` (今年全市…, 2025年全省…), itself not the base of a comparison or a share
    (比去年全市…, 占今年全省…): the place-self word after it is the whole the period's figures are of (subjects.toml
    period_before_self)."""
    window = text[max(floor, position - 12) : position]
    found = _words().period_before_self.search(window)
    return bool(found) and not _words().not_period_before_self.search(window[: found.start()])


_LEVEL_KINDS = {"省": "province", "市": "city"}


@cache
def _short_places() -> dict[str, dict[str, str]]:
    """Provinces and cities by the short name a report may print alone (大连 → 大连市), per kind; a short name two
    places share names neither."""
    found: dict[str, dict[str, str]] = {"province": {}, "city": {}}
    for place in places():
        if place.kind in found and len(place.stem) >= 2:
            named = found[place.kind]
            named[place.stem] = "" if place.stem in named and named[place.stem] != place.name else place.name
    return found


def _short_place(text: str, start: int, end: int, level: str) -> str:
    """The first province or city of the report's level (我代表市政府 → a city) that its lead names by a short name."""
    named = _short_places().get(_LEVEL_KINDS.get(level, ""), {})
    lead = text[start : min(end, len(text))]
    hits = [(lead.find(stem), name) for stem, name in named.items() if name and stem in lead]
    return min(hits)[1] if hits else ""


def _lead_place(text: str, start: int, end: int) -> str:
    """The first place the lead names, wherever it stands (2024年政府工作报告——在滨江区…人民代表大会上)."""
    words = _words()
    found, found_end = "", -1
    tails = _place_tails(words.places, 2)
    for ending in _PLACE_ENDINGS.finditer(text, start, min(end, len(text))):
        stop = ending.end()
        if text[stop - 2 : stop] not in tails or stop - 2 < start:
            continue  # no listed place of 2-8 characters ends here (_place_tails)
        name = next((text[stop - n : stop] for n in range(8, 1, -1) if stop - n >= start and text[stop - n : stop] in words.places), "")
        if name and found and stop - len(name) == found_end:
            return name  # 杭州市滨江区: the district, the most specific place printed
        if name and found:
            break
        if name:
            found, found_end = name, stop
    return found


def entity_kinds(entities: list[Entity]) -> dict[str, frozenset[str]]:
    """Each name's kinds, built once per article (titled_scope asks per figure)."""
    kinds: dict[str, set[str]] = {}
    for entity in entities:
        kinds.setdefault(entity.name, set()).add(entity.kind)
    return {name: frozenset(found) for name, found in kinds.items()}


def titled_scope(subject: str, subject_from: str, kinds_of: dict[str, frozenset[str]], own: str, own_from: str) -> tuple[str, str]:
    """In an article whose title or lead says whose it is (a work report for its place, a zone's own report: ``own_from``
    heading), a company or an institution that an earlier sentence of the paragraph names (包钢股份、东宝生物成功定向增发…)
    is that sentence's topic, not the paragraph's: the sentences after it speak for the article's own subject again
    (市级融资平台累计筹集建设资金468亿元 is 包头市's). In news with no such title a company stays the topic of its paragraph."""
    if own_from != "heading" or subject_from != "paragraph" or not own:
        return subject, subject_from
    kinds = kinds_of.get(subject, frozenset())
    return (own, own_from) if kinds and kinds <= _words().titled_paragraph_kinds else (subject, subject_from)


def canonical_group(name: str) -> str:
    """One spelling for a collective, so the table adds its rows up: 全国169家国家级高新区 → 国家高新区
    (the nation's count, which changes year by year, dropped; the spelling from subjects.toml
    [canonical_groups]). A region's counted subset (中部12家…) is no collective: its callers keep its printed name."""
    core = _NATION.sub("", _group_core(name)) or name
    relative = _words().place_relative_group.match(core)
    if relative:  # 全省高新技术产业开发区 is 全省高新区: one spelling of the kind after the place's scope too
        kind = core[relative.end() :]
        return relative.group() + _words().relative_kinds.get(kind, kind)
    return _words().canonical_groups.get(core, core)


def _group_core(name: str) -> str:
    """国家高新区 for 全国169家国家高新区, 全市省级以上开发区 for 全市12个省级以上开发区: the group without its count (a
    place-relative scope stays: the city's zones are not the nation's), for counting mentions."""
    return _COUNTED_GROUP.sub(r"\1", name) or name


_COUNTED_GROUP = re.compile(rf"^(全省|全市|全区|全县)?(?:全国|我国|中国)?{_COUNT}")
_COUNT_PREFIX = re.compile(f"^{_COUNT}")
_COUNT_ANYWHERE = re.compile(_COUNT)
_CLAUSE_MARKS = re.compile(r"(?s).*[，,；;：:（(）)]")
_NATION = re.compile("^(?:全国|我国|中国)")
_CLAUSE_MARKS_OR_END = re.compile(r"(?s).*[，,；;：:（(）)。！？\n—]")


_OBJECT_KINDS = ("group", "institution", "named", "project", "company")  # what a verb of an earlier sentence may act on


def subject_of(
    entities: list[Entity], starts: list[int], text: str, sentence_start: int, position: int, end: int, own: str
) -> tuple[str, str]:
    """What the figure at text[position:end] is about, and the scope it was read from
    (clause, sentence, paragraph, document, none); the article's own subject when nothing nearer says.

    In order: a name the figure's words qualify (总投资180亿元的“世界计算·长沙智谷”项目); the entity
    that 该项目, 该实验室, 公司… point at; the nearest entity before it in its paragraph that is
    neither a place where something happens (落户南昌高新区) nor the thing counted (…等4家企业).
    """
    index = bisect_left(starts, position) - 1
    paragraph_start = text.rfind("\n", 0, sentence_start) + 1
    clause = _CLAUSE_MARKS.match(text, sentence_start, position)
    clause_start = clause.end() if clause else sentence_start

    def scope(at: int) -> str:
        return "clause" if at >= clause_start else "sentence" if at >= sentence_start else "paragraph"

    qualified = _entity_after(entities, starts, text, end) or _invested_in(text, position, end)
    if qualified:
        return qualified, "clause"
    pointed = _pointed_at(entities[: index + 1], text, sentence_start, position, paragraph_start)
    if pointed:
        return pointed, "sentence"  # 该项目, 公司: the pointer stands in the sentence
    yardstick = ""  # 在全国157个国家级高新区中，有48个园区…: the yardstick, when nothing else in the paragraph is named
    for at in range(index, -1, -1):
        entity = entities[at]
        if entity.start < paragraph_start:
            break
        if entity.yardstick and not entity.locative and entity.end <= position:  # not 43个 in 全国43个国家级开发区
            yardstick = yardstick or (entity.name if entity.subset else canonical_group(entity.name))
            continue  # 兰州高新区…增速高居54个国家级高新区首位；实现增加值85亿元: the zone measured, not the yardstick
        if entity.locative or _is_measured(entity, text, position) or _counts_group(entity, text, position, end):
            continue
        if entity.kind in _OBJECT_KINDS and entity.end <= sentence_start and not _heads_clause(text, entity.start, paragraph_start):
            continue  # …覆盖各类园区。招商引资…, …举办首届…大会。民航…: what an earlier sentence acts on is no later topic
        if entity.end <= clause_start and _only_event(text, entity.end) and not _heads_sentence(text, entity.start):
            continue  # …，天目山实验室顺利揭牌，10家省实验室…: an item of a list of achievements, no later topic
        if entity.kind == "group" and entity.end <= sentence_start and _is_part_of_own(entity, own):
            continue  # 8个国家高新区…，省级高新区…。高新技术产业营业收入…: a part named before speaks for its own sentence only
        # Project names are too loosely bounded to win on nearness alone: they come in through 该项目, or
        # when their own measures follow the name (X项目总投资…, X项目占地…).
        if entity.kind == "project" and not _words().project_measure.match(text, entity.end):
            continue
        if entity.kind == "self_place":  # 我省, 全市: the place the report speaks for, when it is one
            if own in _words().places:
                return own, "document"
            place = _place_of_level(entities, entity.name[-1])  # 全市 in a report that names 安顺市
            return (place, "document") if place else (entity.name, "none")
        if entity.kind == "self":  # 全区, 园区: the zone named before in the paragraph, the document's own when none is
            found = _zone_before(entities, at, paragraph_start)
            if found and found != own:
                return found, scope(entity.start)
            # 保税区 in an article about 上海自贸区: the kind printed alone names a zone of its kind
            named, named_from = bare_kind_zone(entity.name, entities, own, scope(entity.start))
            # the article's own zone, named before in the paragraph (178家国家高新区…，园区…): read there, not by default
            return (named, scope(entity.start)) if found and named == own else (named, named_from)
        if entity.kind == "group" and position < entity.end:  # 全国169家国家级高新区: 169 counts the group as printed
            return entity.name, "clause"
        collective = entity.kind == "group" and not entity.subset
        name = _part_of(canonical_group(entity.name), entity.name, own) if collective else entity.name
        return name, scope(entity.start)
    if yardstick:
        return yardstick, "paragraph"
    return own, "document" if own else "none"


_CLAUSE_END = re.compile("[，。；,;！？\n]")


_SENTENCE_MARK = re.compile("[。！？!?\n]")
_HEAD_CHARS = 6  # what may stand before a name that heads its sentence (去年，, 同时)


def _heads_sentence(text: str, start: int) -> bool:
    """The name opens its sentence (汕头大学医学院重点实验室去年建成投用。): the sentences after it may go on about it."""
    before = text[max(0, start - 40) : start]
    marks = list(_SENTENCE_MARK.finditer(before))
    lead = before[marks[-1].end() :] if marks else before
    return len(lead) <= _HEAD_CHARS and not any(mark in lead for mark in "，,；;")


def _only_event(text: str, end: int) -> bool:
    """The clause after a name only tells an event of its status (获批创建, 揭牌, 落户) and holds no number."""
    if not subject_words().event_after.match(text[end : end + 24]):
        return False
    stop = _CLAUSE_END.search(text, end, end + 40)
    clause = text[end : stop.start() if stop else end + 40]
    return not any(char.isdigit() for char in clause)


def _entity_after(entities: list[Entity], starts: list[int], text: str, end: int) -> str:
    """总投资180亿元的XX项目, 占地500亩的XX产业园: the named thing right after the figure and 的."""
    link = _words().qualifies.match(text, end)
    if not link:
        return ""
    at = bisect_left(starts, link.end())
    if at < len(entities) and entities[at].start == link.end() and entities[at].kind in _NAMED_KINDS:
        return entities[at].name
    return ""


def _invested_in(text: str, position: int, end: int) -> str:
    """签约了总投资6.3亿元的中核钛白20万吨钛白后处理、…: what an investment figure is the total of, as printed."""
    words = _words()
    if not words.investment_before.search(text, max(0, position - 8), position):
        return ""
    named = words.invested_thing.match(text, end)
    return named.group(1) if named else ""


def _pointed_at(before: list[Entity], text: str, sentence_start: int, position: int, paragraph_start: int) -> str:
    """该项目, 该实验室, 公司…: the last entity named with the same noun (a project may be its company)."""
    pointers = list(_words().anaphora.finditer(text, sentence_start, position))
    if not pointers:
        return ""
    noun = next(group for group in pointers[-1].groups() if group)
    # 该… may look back anywhere; a bare 公司/项目/企业 only into the paragraph before.
    floor = text.rfind("\n", 0, max(0, paragraph_start - 1)) + 1 if pointers[-1].group(1) is None else 0
    if noun == "项目" and pointers[-1].group(1) is None:
        floor = paragraph_start  # a bare 项目 (项目总投资…) is a project of its own paragraph
    bare = pointers[-1].group(1) is None
    for entity in reversed(before):
        if entity.start < floor or (bare and entity.kind in ("park", "group") and not entity.locative):
            break  # a bare noun does not reach past a zone named as the topic (在新余高新区，…项目…)
        if entity.locative:
            continue  # …公司是由协鑫集团投资设立的。公司… points at the company, not its parent
        if entity.name.endswith(noun) or entity.kind in _POINTED_KINDS.get(noun, ()):
            return _named(entity)
    return ""


def _counts_group(entity: Entity, text: str, position: int, end: int) -> bool:
    """A count right after a group's name counts its zones (目前世界上共有各类开发区838个, 国家级经济技术开发区22个): the
    group is what is counted, and the figure is about the place that has them, not about the group."""
    return (
        entity.kind == "group"
        and entity.end <= position
        and text[end - 1 : end] in subject_words().zone_counters
        and (entity.end == position or bool(knowledge().tail.fullmatch(text, entity.end, position)))
        and "中" not in text[entity.end : position]  # 全市园区中2个…: some of the group, which stays the subject
    )



def _is_measured(entity: Entity, text: str, position: int) -> bool:
    """A company or facility right before the number is what it counts (…股份有限公司4家企业入选)."""
    return entity.kind in _NAMED_KINDS and entity.end <= position and (
        entity.end == position or bool(knowledge().tail.fullmatch(text, entity.end, position))
    )


def _part_of(name: str, printed: str, own: str) -> str:
    """国家高新区 in an article about 全省高新区 (其中国家高新区…, 省级高新区…) is that place's share of it: 全省国家高新区,
    grounded as the whole is (四川省国家高新区), so the table never adds a province's zones to the nation's. A group
    printed with the nation's scope (全国…国家高新区) stays the nation's."""
    scope = _words().place_relative_group.match(own)
    if scope is None or name == own or _NATION.match(printed) or not _words().level_group.fullmatch(name):
        return name
    return scope.group() + name


def _is_part_of_own(entity: Entity, own: str) -> bool:
    """A level group (国家高新区, 省级高新区) named in an article about its place's whole (全省高新区)."""
    canonical = canonical_group(entity.name)
    return not entity.subset and _part_of(canonical, entity.name, own) != canonical


def _listed_groups(text: str, start: int, end: int, groups: list[Entity]) -> list[Entity]:
    """苏州工业园区、…、海南洋浦开发区等5个经国务院批准享受国家级开发区政策的区域: zones listed and closed by 等 and a count
    of zones are one group, named by the words after the count (subjects.toml listed_group); not one printed already."""
    taken = _SpanSet((g.start, g.end) for g in groups)
    return [
        Entity(m.group("group"), m.start("group"), "group")
        for m in _words().listed_group.finditer(text, start, end)
        if not taken.covers(m.start("group"))
    ]


def _pointed_group(text: str, match: re.Match[str], groups: list[Entity], floor: int) -> str:
    """这49个国家级开发区: a counted group pointed back at (subjects.toml pointed_group_before) is the group named earlier
    with the same count (中国49个国家级经济技术开发区), printed as that one was; "" when none was."""
    if not _words().pointed_group_before.search(text, floor, match.start()):
        return ""
    count = _COUNT_ANYWHERE.search(match.group())
    if count is None:
        return ""
    for group in reversed(groups):
        if not group.subset and (found := _COUNT_ANYWHERE.search(group.name)) and found.group() == count.group():
            return group.name
    return ""


def grounded_collective(name: str, entities: list[Entity]) -> str:
    """全省高新区 in an article that names one province (四川省) is that province's collective: 四川省高新区, so
    the table never adds the zones of two provinces up. The relative scopes are subjects.toml place_relative_group;
    an article that names no place of the level, or several, keeps the name as printed."""
    match = _words().place_relative_group.match(name)  # 全省 of 全省高新区: relative to the province
    if match is None:
        return name
    level, rest = match.group("level"), name[match.end() :]
    rest = _words().relative_kinds.get(rest, rest)  # 全省高新技术产业开发区 → 全省高新区: one spelling
    named = {e.name for e in entities if e.kind == "place" and e.name.endswith(level) and len(e.name) > 1}
    return f"{named.pop()}{rest}" if len(named) == 1 and rest else name[: match.end()] + rest


def _place_of_level(entities: list[Entity], level: str) -> str:
    """The first place of a level (市, 省, 县) the article names at the head of a clause (安顺市大力推进…)."""
    return next((e.name for e in entities if e.kind == "place" and e.name.endswith(level)), "")


def bare_kind_zone(word: str, entities: list[Entity], own: str, printed: str) -> tuple[str, str]:
    """A zone's kind printed alone (高新区, 保税区) with no zone named before it in its paragraph: the document's own
    subject when that is of its kind (or a group of it: 全省高新区), else the document's one zone of its kind, else none
    when two are named (no guess between them), else the kind itself, read where it is ``printed`` (subjects.toml
    bare_kinds). Any other self word (全区, 园区, 区内) is the document's own subject."""
    endings = _words().bare_kinds.get(word)
    if not endings or own.endswith(endings) or word in own:
        return own, "document"
    zones = {e.name for e in entities if e.kind == "park" and e.name.endswith(endings)}
    if len(zones) == 1:
        return zones.pop(), "document"
    return ("", "none") if zones else (word, printed)


def _first_bare_kind(entities: list[Entity], lead_end: int) -> str:
    """The first zone's kind its lead prints alone (今年以来,高新区锚定…): the subject of an article that names no zone,
    group or place in full."""
    kinds = _words().bare_kinds
    return next((e.name for e in entities if e.kind == "self" and e.name in kinds and e.start < lead_end), "")


def _zone_before(entities: list[Entity], index: int, floor: int = 0) -> str:
    """全区, 园区, 开发区: the zone or group last named before in its paragraph, "" if none (a zone named in an
    earlier paragraph is not what a later 全区 means: the caller falls back to the article's own subject)."""
    for entity in reversed(entities[:index]):
        if entity.start < floor:
            break
        # A zone named as the place of an event (仪式在浒关开发区举行) or a group named as a yardstick
        # (居…之首, 在…中跻身十强) is not what a later 开发区 or 全区 points back at.
        if entity.part:
            continue  # 其中：…南川工业园增长23.19%。园区工业企业资产… is the whole zone's
        if (entity.kind == "park" and not entity.locative) or (entity.kind == "group" and not entity.yardstick):
            return _named(entity)
    return ""


def _named(entity: Entity) -> str:
    """The name a later 园区, 该区 or 全区 stands for: a collective in its one spelling (178家国家高新区…，园区生产总值… is
    国家高新区's, as when it heads the clause), a region's counted subset and anything else as printed."""
    return canonical_group(entity.name) if entity.kind == "group" and not entity.subset else entity.name
