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
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache

from .labels import read_data
from .parks import ParkMention
from .spans import LastWord, runs_ending_in

# Things a figure can be about, besides parks: companies, institutes, facilities, named projects.
_ENTITY_ENDING = re.compile(r"股份有限公司|有限责任公司|有限公司|集团|研究院|研究所|实验室|污水处理厂|驿站")
_ENTITY_CHARS = r"[\u4e00-\u9fffA-Za-z()（）]"
_PROJECT_ENDING = re.compile("项目")
_PROJECT_CHARS = r"[\u4e00-\u9fffA-Za-z“”·]"
_GENERIC_PROJECT = re.compile(r"新增|签约|开工|竣工|重点|优质|在建|入库|产业项目|配套|完成|引进|这些|上述|力争")
_ENTITY_LEAD = LastWord(
    ["位于", "落户", "引进", "推动", "支持", "围绕", "打造", "建设", "成立", "设立", "其中", "目前"],
    "在于与和及为将把的了是对从向让由以并等共、",
)
_CLAUSE_HEAD = "(?:(?<=[，。、；：\n“（(,])|^)"


@dataclass(frozen=True)
class Entity:
    name: str
    start: int
    kind: str  # park, group, self, place, company, project


@dataclass(frozen=True)
class _Words:
    collective: re.Pattern[str]
    boundary: re.Pattern[str]
    self_word: re.Pattern[str]
    anaphora: re.Pattern[str]
    place: re.Pattern[str]
    short_company: re.Pattern[str]
    not_places: tuple[str, ...]


@cache
def _words() -> _Words:
    data = read_data("subjects.toml")
    terms = "|".join(sorted(data["collective_terms"], key=len, reverse=True))
    count = r"(?:\d+|[一二两三四五六七八九十百]+)(?:个|家|处)"
    collective = rf"(?:(?:{data['collective_scopes']})(?:{count})?|{count})(?:{terms})"
    nouns = "|".join(data["anaphora_nouns"])
    return _Words(
        collective=re.compile(collective),
        boundary=re.compile(data["collective_boundary"]),
        self_word=re.compile("|".join(sorted(data["self_words"], key=len, reverse=True))),
        anaphora=re.compile(
            rf"(?:该|这家|此)({nouns})|(?:^|[，。；])({'|'.join(data['bare_anaphora_nouns'])})|({data['project_anaphora']})"
        ),
        place=re.compile(_CLAUSE_HEAD + data["place"]),
        short_company=re.compile(data["short_company"]),
        not_places=tuple(data["not_places"]),
    )


def find_entities(text: str, start: int, end: int, parks: list[ParkMention]) -> list[Entity]:
    """Every candidate subject in text[start:end], in text order."""
    words = _words()
    found = [Entity(p.name, p.start, "park") for p in parks if start <= p.start < end]
    park_spans = [(p.start, p.end) for p in parks]
    for match in words.collective.finditer(text, start, end):
        if match.start() == 0 or words.boundary.match(text, match.start() - 1) or text[match.start() - 1] in "个家":
            found.append(Entity(match.group(), match.start(), "group"))
    for match in words.self_word.finditer(text, start, end):
        inside_name = any(s <= match.start() < e for s, e in park_spans) or any(
            g.kind == "group" and g.start <= match.start() < g.start + len(g.name) for g in found
        )
        if not inside_name and (match.start() == 0 or words.boundary.match(text, match.start() - 1)):
            found.append(Entity(match.group(), match.start(), "self"))
    for match in words.place.finditer(text, start, end):
        if not match.group().endswith(words.not_places) and not any(s <= match.start() < e for s, e in park_spans):
            found.append(Entity(match.group(), match.start(), "place"))
    found += [Entity(m.group(), m.start(), "company") for m in words.short_company.finditer(text, start, end)]
    named = [
        *((s, e, name, "company") for s, e, name in runs_ending_in(text, start, end, _ENTITY_ENDING, _ENTITY_CHARS, 2, 24)),
        *((s, e, name, "project") for s, e, name in runs_ending_in(text, start, end, _PROJECT_ENDING, _PROJECT_CHARS, 6, 24)),
    ]
    for run_start, _run_end, run, kind in named:
        lead = _ENTITY_LEAD.end(run)
        offset = lead if lead < len(run) - 2 else 0
        name = run[offset:]
        if len(name) < 4 or (kind == "project" and (len(name) < 8 or _GENERIC_PROJECT.search(name))):
            continue
        found.append(Entity(name, run_start + offset, kind))
    return sorted(found, key=lambda e: e.start)


def article_subject(entities: list[Entity], main_park: str) -> str:
    """The article's own subject: its main park, or a group named more often than it."""
    parks = sum(1 for e in entities if e.kind == "park" and e.name == main_park)
    groups = Counter(_group_core(e.name) for e in entities if e.kind == "group")
    if groups:
        core, times = groups.most_common(1)[0]
        if times > parks:
            return core
    return main_park


def _group_core(name: str) -> str:
    """国家高新区 for 全国169家国家高新区: the group without its count, for counting mentions."""
    return re.sub(r"^(?:全国|全省|全市|我国|中国)?(?:\d+|[一二两三四五六七八九十百]+)(?:个|家|处)", "", name) or name


def subject_of(entities: list[Entity], starts: list[int], text: str, sentence_start: int, position: int, own: str) -> str:
    """The nearest entity before the figure in its paragraph; the article's own subject when there is none.

    "该项目总投资…", "该实验室由…", "公司…" point at the last entity named with that noun.
    """
    index = bisect_left(starts, position) - 1
    paragraph_start = text.rfind("\n", 0, sentence_start) + 1
    pointers = list(_words().anaphora.finditer(text, sentence_start, position))
    if pointers:
        noun = next(group for group in pointers[-1].groups() if group)
        floor = paragraph_start if pointers[-1].group(1) is None else 0  # bare 公司/项目 look back one paragraph only
        for entity in reversed(entities[: index + 1]):
            if entity.start < floor:
                break
            if entity.name.endswith(noun) or (noun in ("公司", "企业") and entity.kind == "company"):
                return entity.name
    # Project names are too loosely bounded to win on nearness alone; they come in through 该项目.
    while index >= 0 and entities[index].kind == "project":
        index -= 1
    if index >= 0 and entities[index].start >= paragraph_start:
        entity = entities[index]
        return _zone_before(entities, index, own) if entity.kind == "self" else entity.name
    return own


def _zone_before(entities: list[Entity], index: int, own: str) -> str:
    """全区, 园区, 开发区: the zone or group last named before (the article's own subject if none)."""
    for entity in reversed(entities[:index]):
        if entity.kind in ("park", "group"):
            return entity.name
    return own
