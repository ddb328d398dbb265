"""Initiatives: named policies, action plans, programs, reforms, platforms, projects and events.

Mechanisms only; the words live in extractor/data/initiatives.toml.

Three shapes are recognised: a document title in 《》; a quoted name with or
without a kind word after it (“张江之星”行动, “并联审批”); and an unquoted
name that ends in a kind word (知识产权法治保护服务中心, 产业发展倍增行动).

An unquoted name is the run of name characters before its kind word. It starts
after the last cut in the run (a lead word, a cut character, a quotation that
never closed) or, when there is none, where the run starts, if that is a clause
mark; a run cut off in the middle of a word has no start of its own. A name is
then dropped when it is a reference, a count or a generic phrase. Every step
reads only the candidate (at most ~60 characters), so the whole pass stays linear
in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple, cast

from ...domain.firstchars import first_char_guard
from ...domain.registry import registry
from ...domain.spans import runs_ending_in
from ...domain.zonenames import places, trie_pattern, zone_words
from ...frozen import quick_init
from ...knowledge import load
from ...models import Evidence, Initiative, InitiativeKind
from ...text.normalize import to_simplified, without_pinyin_glosses
from .parks import ParkMention, clean_park_names, find_park_mentions

# 「」 are the quotation marks of traditional-character texts (「只租不售」模式, 「投資台灣三大方案」)
_OPEN, _CLOSE = "“‘「", "”’」"
_OPENING, _CLOSING = _OPEN + "(（", _CLOSE + ")）"  # marks that must pair inside a name
_QUOTE_MARK = re.compile(f"[{_OPEN}{_CLOSE}]")
_DASHES = "—－–-"  # the dash that joins two cities' or two countries' names in one zone's name
_QUOTE_MARKS = re.compile(f"[{_OPEN}{_CLOSE}]")
_OPEN_MARK = re.compile(f"[{_OPEN}]")  # one search for "is anything quoted" (any() over the marks costs a generator a name)
_MARKS = re.compile(f"[{re.escape(_OPENING + _CLOSING)}]")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
# Characters an unquoted name may hold; + joins the parts of a quoted name (“创投+银行+企业”联动平台).
_NAME_CHARS = r"[\u4e00-\u9fffA-Za-z0-9“”‘’「」()（）、·+＋]"
_MAX_QUOTED = 21  # characters of a quotation and its opening mark (the quoted shape reads at most 20 inside)
_MAX_QUOTED_PREFIX = 8  # words before a quoted name that may belong to it (工程规划施工许可“并联审批”)
_MAX_NAME = 40
_LONGEST_PLACE = 8  # characters of the longest place name tried at the start of a name's modifiers
_LONGEST_ZONE = 16  # characters of the longest zone spelling tried at the start of a name
_MASK = "\x00"
_CLAUSE_MARKS = "，。；：！？,;:!?\n"  # marks that end a clause (、 does not: it joins the items of one object)
_LOOK_BACK = 40  # text read before a quoted name for the verb that launches it
_LIST_LOOK_BACK = 80  # text read before a name for the items of a list it ends (A项目、B项目、C项目)
_OWNER_LOOK_BACK = 300  # text read before a name for the zone that runs it: about a paragraph
_LOOK_AHEAD = 80  # text read after a name: a count (加速器项目3项), a 的, the quotations of its list and what they label
# The quoted items of a list before a quoted name: the verb before the list launches them all (推进“A”和“B”).
_LIST_BEFORE = re.compile(r"(?:[“‘「][^“”‘’「」\n]{1,20}[”’」][和与及、]?)+$")
# The quoted items of a list after a quoted name: what follows the list labels them all (“并重”“并举”重要要求).
_LIST_AFTER = re.compile(r"^(?:[和与及、]?[“‘「][^“”‘’「」\n]{1,20}[”’」])+")
# The same with a field's words before each later item (、招商引资“百日会战”、优化营商环境“百日竞赛”为抓手): read only where
# a frame (以…为抓手) closes after the list, for a joiner must open every item.
_FIELD_LIST_AFTER = re.compile(r"^(?:[和与及、][\u4e00-\u9fff]{0,8}[“‘「][^“”‘’「」\n]{1,20}[”’」])+")


@quick_init
@dataclass(frozen=True)
class _Candidate:
    start: int
    text: str
    shape: str  # "document", "quoted" or "named"
    bounded: bool  # it starts at a clause mark or the article's start, not inside a run of words


class _Cuts:
    """The last place in a short text where a name may start: after a lead word, a cut character or a reference.

    One search from the end (in the reversed text), longest word first, so that a word
    holding a cut character but no cut (华为, 以上, 成都) is passed over whole.
    """

    def __init__(self, leads: list[str], cut_chars: str, references: list[str], not_cuts: list[str]) -> None:
        # Later lists win for a word in two: a word that is no cut stays whole whatever else it is.
        tags = {w: "lead" for w in [*leads, *cut_chars]} | {w: "reference" for w in references} | {w: "keep" for w in not_cuts}
        self._tags = {word[::-1]: tag for word, tag in tags.items()}
        # Factored by prefix (a trie): the same longest-first choice as an alternation, one branch per character.
        self._words = re.compile(trie_pattern(self._tags))

    def last(self, text: str) -> tuple[int, bool]:
        """(where the last cut ends, whether it is a reference); (0, False) when there is none."""
        _start, end, tag = self.last_word(text)
        return end, tag == "reference"

    def last_word(self, text: str) -> tuple[int, int, str]:
        """(where the last cut starts, where it ends, its tag); (0, 0, "") when there is none."""
        for match in self._words.finditer(text[::-1]):
            tag = self._tags[match.group()]
            if tag != "keep":
                return len(text) - match.end(), len(text) - match.start(), tag
        return 0, 0, ""


class _Around(NamedTuple):
    before: str  # the article's text just before a name
    after: str  # and just after it
    companies: tuple[str, ...] = ()  # the words right before each company suffix in the article (see _company_windows)
    list_before: str = ""  # the article's text before a name, far enough back for the items of a list
    zone_cores: frozenset[str] = frozenset()  # the proper words of the zones the article names (前海 of 前海合作区)


@dataclass(frozen=True)
class _Knowledge:
    kind_of_word: dict[str, InitiativeKind]
    kind_at_end_reversed: re.Pattern[str]
    kind_end: re.Pattern[str]
    quoted: re.Pattern[str]
    document: re.Pattern[str]
    document_kinds: tuple[tuple[re.Pattern[str], InitiativeKind], ...]
    not_action_plan: re.Pattern[str]
    document_word: re.Pattern[str]  # a word that says a title is a document of policy (方案, 意见, 条例)
    periodical_after: re.Pattern[str]
    certificate: re.Pattern[str]  # a title that a body hands to one firm (《联合验收合格意见书》)
    issuer: re.Pattern[str]  # the government body a title names before 关于
    national_title: re.Pattern[str]
    cuts: _Cuts
    min_name: int
    abbreviated: re.Pattern[str]  # short names below min_name that still name one thing (玉博会)
    abbreviated_heads: frozenset[str]
    not_names: frozenset[str]
    self_naming: frozenset[str]
    count: re.Pattern[str]
    sized: re.Pattern[str]
    sized_ok: tuple[str, ...]
    short_generic: int
    session: re.Pattern[str]  # a session of a state body (…人民代表大会第四次会议)
    period_plan: re.Pattern[str]  # the plan of a period (“十四五”规划)
    article_label: re.Pattern[str]  # a regulation's chapter number (第二章)
    state_strategy: re.Pattern[str]  # the country's strategies (人才强国战略)
    state_body: re.Pattern[str]  # the state's academies and institutes (中国电子信息产业发展研究院)
    national: re.Pattern[str]  # a name made of the state's strategies and their fillers (融入“一带一路”国家战略)
    goal_after: re.Pattern[str]  # after a generic system: how much better it gets (更加完善), a goal
    dated_only: re.Pattern[str]  # a year and nothing else before the kind word (2026年工作安排)
    level_before: re.Pattern[str]  # a level before generic words (省国民经济和社会发展规划)
    generic_kinds: frozenset[str]
    upkeep_heads: frozenset[str]
    upkeep_clause: re.Pattern[str]  # the clause before a name, when an upkeep verb stands in it
    proper_number: re.Pattern[str]
    package_only: re.Pattern[str]  # a package's number and nothing else before the kind word (十条)
    generic_modifiers: frozenset[str]
    modifier_starts: frozenset[str]  # every start of a generic modifier (高, 高新, 高新技 of 高新技术)
    zone_prefix: re.Pattern[str]
    joiners: str
    list_closers: frozenset[str]  # references that close a list (等): right before a kind word they name its items
    inner_references: frozenset[str]  # references that are part of a name after name characters (燕赵系列实验室)
    list_joiner: re.Pattern[str]  # a joiner between two quotations (masked): “A”和“B”改革 is one name
    counted_after: re.Pattern[str]
    listed_fields_after: re.Pattern[str]  # 等工作 after a name: the name is one of a report's fields of work
    measure_words: re.Pattern[str]
    launch_verb_at_end: re.Pattern[str]
    attribute_after: re.Pattern[str]
    measure_after: re.Pattern[str]  # words after a quotation that leave the launch verb its object (工作, 活动)
    removal: tuple[re.Pattern[str], re.Pattern[str]]  # 全面取消…制度, 清理…措施: the measure done away with
    lever_after: re.Pattern[str]  # 以“…”为抓手: the quotation is the measure the work is done with
    lever_before: re.Pattern[str]  # 以 earlier in the clause: the frame 以…为抓手 opens before a list of quoted levers
    listed_as_measure: re.Pattern[str]  # “…”等品牌活动: the quotation is one of the measures listed
    label_after: re.Pattern[str]  # what makes a quotation a label whatever its words (“…”的要求, “…”总体布局)
    replaced: tuple[re.Pattern[str], re.Pattern[str]]  # 变“串联审批”为…: the way a measure replaces, no measure
    new_description: re.Pattern[str]  # 城市治理新模式: a new kind of thing described, not one named
    not_heads: tuple[str, ...]
    named_by_quotation: tuple[str, ...]  # heads of not_heads that a quotation right before them names (“1650”产业体系)
    title: re.Pattern[str]
    designated_before: re.Pattern[str]
    designated_after: re.Pattern[str]
    selecting: tuple[str, ...]
    company_word: re.Pattern[str]
    company_suffix: re.Pattern[str]
    company_stem: tuple[int, int, int]  # shortest and longest stem, most words between stem and suffix
    built_heads: re.Pattern[str]
    investor_before: re.Pattern[str]
    phased: re.Pattern[str]
    phase_after: re.Pattern[str]
    known_companies: tuple[str, ...]  # zone_words.toml [company_names]: 比亚迪, 海尔 …
    plant_heads: tuple[str, ...]  # the heads that make a known company's name its plant (比亚迪常州基地)
    listed_among_firms: re.Pattern[str]  # 、郑州海尔创新产业园等“大块头”企业: the names listed are companies'
    listed_projects_after: re.Pattern[str]  # 、B项目、C项目 after a project: the items of a list of projects
    listed_projects_before: re.Pattern[str]  # A项目、B项目、 before one
    min_listed_projects: int
    measured_after: re.Pattern[str]  # 苏银产业园共签约…, …产业园产值达到…: a place whose figures are reported
    place_heads: tuple[str, ...]
    package: re.Pattern[str]
    principles: re.Pattern[str]  # a quoted count of principles (“两个毫不动摇”, “三个意识”)


@dataclass(frozen=True)
class _KindEndWords:
    """initiatives.toml [kind_end]."""

    not_after: str


@dataclass(frozen=True)
class _NameStartWords:
    """initiatives.toml [name_start]."""

    leads: list[str]
    cut_chars: str
    joiners: str
    list_joiners: str
    not_cuts: list[str]
    references: list[str]
    list_closers: list[str]
    inner_references: list[str]


@dataclass(frozen=True)
class _NoNameWords:
    """initiatives.toml [no_name]."""

    min_name: int
    abbreviated_heads: list[str]
    self_naming: list[str]
    not_names: list[str]
    count: str
    sized: str
    sized_ok: list[str]
    counted_after: str
    listed_fields_after: str
    session_heads: list[str]
    sessions: str
    period_plan: str
    article_label: str
    state_strategy: str
    state_body: str
    national_strategies: list[str]
    national_fillers: list[str]
    goal_after: str
    dated_only: str
    level_before: str
    short_generic: int
    generic_kinds: list[str]
    new_description: str
    removal_verbs: list[str]
    upkeep_heads: list[str]
    upkeep_verbs: list[str]
    proper_number: str
    generic_modifiers: list[str]
    zone_words: list[str]
    not_heads: list[str]
    named_by_quotation: list[str]


@dataclass(frozen=True)
class _DesignationWords:
    """initiatives.toml [designation]."""

    levels: list[str]
    title_heads: list[str]
    verbs_before: list[str]
    after: str
    selecting: list[str]


@dataclass(frozen=True)
class _CompanyWords:
    """initiatives.toml [company]."""

    in_name: str
    suffix: str
    min_stem: int
    max_stem: int
    max_gap: int
    built_heads: list[str]
    investor_before: str
    phase: str
    place_heads: list[str]
    measured_after: str
    plant_heads: list[str]
    listed_among_firms: str
    listed_project_after: str
    listed_project_before: str
    min_listed_projects: int


@dataclass(frozen=True)
class _QuotedWords:
    """initiatives.toml [quoted]."""

    measure_words: str
    launch_verbs: str
    package: str
    principles: str
    attribute_after: str
    label_after: str
    lever_after: str
    lever_before: str
    listed_as_measure: str
    measure_after: str
    replaced_before: str
    replaced_after: str


@dataclass(frozen=True)
class _DocumentsWords:
    """initiatives.toml [documents]."""

    other: str
    action_plan: str
    not_action_plan: str
    not_after: str
    words: str
    certificate: str
    issuer_body: str
    national_start: str


@dataclass(frozen=True)
class _ReportOwnerWords:
    """initiatives.toml [report_owner]."""

    own_voice: str
    min_mentions: int
    scope_words: dict[str, list[str]]  # a place kind (province, city) and the words of a report that speak at its level
    examples: tuple[dict[str, Any], ...] = ()  # the tests'
    counter_examples: tuple[dict[str, Any], ...] = ()  # the tests'


@dataclass(frozen=True)
class _InitiativeWords:
    """initiatives.toml: an entry's key is its field's name (see the file for each entry's job)."""

    kind_words: dict[str, list[str]]  # an initiative kind and the words that end a name of that kind
    kind_end: _KindEndWords
    name_start: _NameStartWords
    no_name: _NoNameWords
    designation: _DesignationWords
    company: _CompanyWords
    quoted: _QuotedWords
    documents: _DocumentsWords
    report_owner: _ReportOwnerWords
    examples: tuple[dict[str, Any], ...] = ()  # the tests'
    counter_examples: tuple[dict[str, Any], ...] = ()  # the tests'
    owners: tuple[dict[str, Any], ...] = ()  # the tests'


@cache
def initiative_words() -> _InitiativeWords:
    """initiatives.toml, read once."""
    return load("initiatives.toml", _InitiativeWords)


@cache
def _knowledge() -> _Knowledge:
    data = initiative_words()
    kind_of_word = {word: cast(InitiativeKind, kind) for kind, words in data.kind_words.items() for word in words}
    words = sorted(kind_of_word, key=len, reverse=True)
    kinds = "|".join(map(re.escape, words))
    kind = f"(?:{kinds})(?!{data.kind_end.not_after})"  # 改革委, 服务商: no kind word ends there
    start, no_name, quoted, documents = data.name_start, data.no_name, data.quoted, data.documents
    honour, company = data.designation, data.company
    return _Knowledge(
        kind_of_word=kind_of_word,
        kind_at_end_reversed=re.compile("|".join(re.escape(w[::-1]) for w in words)),
        kind_end=re.compile(rf"{kind}(?![\u4e00-\u9fff]?(?:{kinds}))"),  # 服务 in 服务平台 is no end
        quoted=re.compile(rf"(?:“[^“”\n，。]{{2,20}}”|‘[^‘’\n，。]{{2,20}}’|「[^「」\n，。]{{2,20}}」)(?:{kind}){{0,2}}"),
        document=re.compile(r"《[^《》\n]{2,80}》"),
        document_kinds=(
            (re.compile(documents.other), "other"),
            (re.compile(documents.action_plan), "action_plan"),
        ),
        not_action_plan=re.compile(documents.not_action_plan),
        document_word=re.compile(documents.words),
        periodical_after=re.compile(documents.not_after),
        certificate=re.compile(rf"(?:{documents.certificate})》$"),
        issuer=re.compile(rf"^《([^《》]{{0,24}}?(?:{documents.issuer_body}))关于"),
        national_title=re.compile(rf"^《(?:\d{{4}}年?度?)?(?:{documents.national_start})"),  # 《2024中国…百强园区》 too
        cuts=_Cuts(start.leads, start.cut_chars, start.references, start.not_cuts + _place_words(start.cut_chars)),
        min_name=no_name.min_name,
        abbreviated=re.compile(rf"^[\u4e00-\u9fff]{{1,2}}(?:{'|'.join(no_name.abbreviated_heads)})$"),
        abbreviated_heads=frozenset(no_name.abbreviated_heads),
        not_names=frozenset(no_name.not_names),
        self_naming=frozenset(no_name.self_naming),
        count=first_char_guard(no_name.count),  # searched in every candidate name (firstchars.py)
        sized=first_char_guard(no_name.sized),
        sized_ok=tuple(no_name.sized_ok),
        short_generic=no_name.short_generic,
        session=re.compile(rf"^(?=.*(?:{no_name.sessions})).*(?:{'|'.join(no_name.session_heads)})$"),
        period_plan=re.compile(no_name.period_plan),
        article_label=re.compile(no_name.article_label),
        state_strategy=re.compile(no_name.state_strategy),
        state_body=re.compile(no_name.state_body),
        national=re.compile(
            f"^(?:{'|'.join(map(re.escape, no_name.national_fillers))})*(?:{'|'.join(map(re.escape, no_name.national_strategies))})"
            f"(?:{'|'.join(map(re.escape, no_name.national_fillers + no_name.national_strategies))})*$"
        ),
        goal_after=re.compile(no_name.goal_after),
        dated_only=re.compile(no_name.dated_only),
        level_before=re.compile(no_name.level_before),
        generic_kinds=frozenset(no_name.generic_kinds),
        upkeep_heads=frozenset(no_name.upkeep_heads),
        # the verb anywhere in the clause that ends at the name (完善救灾应急响应机制, 健全政府与企业…机制)
        upkeep_clause=re.compile(rf"(?:{'|'.join(no_name.upkeep_verbs)})[^{_CLAUSE_MARKS}]*$"),
        proper_number=re.compile(no_name.proper_number),
        package_only=re.compile(no_name.proper_number),
        generic_modifiers=frozenset(no_name.generic_modifiers),
        modifier_starts=frozenset(word[:size] for word in no_name.generic_modifiers for size in range(1, len(word) + 1)),
        # a zone's name at the head of a name, not past a joiner: …论坛暨国家级开发区营商环境交流会 is two events, the first no zone
        zone_prefix=re.compile(rf"^[^{re.escape(start.joiners)}]*(?:{'|'.join(no_name.zone_words)})(?:[(（][^)）]{{0,12}}[)）])?"),
        joiners=start.joiners,
        list_closers=frozenset(start.list_closers),
        inner_references=frozenset(start.inner_references),
        list_joiner=re.compile(f"(?<={_MASK})[{re.escape(start.list_joiners)}](?={_MASK})"),
        measure_words=first_char_guard(quoted.measure_words),
        counted_after=re.compile(no_name.counted_after),
        listed_fields_after=re.compile(no_name.listed_fields_after),
        launch_verb_at_end=re.compile(rf"(?:{quoted.launch_verbs})[了的]?$"),  # 推行“…”, 推行了“…”, 开展的“…”
        attribute_after=re.compile(quoted.attribute_after),
        label_after=re.compile(quoted.label_after),
        lever_after=re.compile(quoted.lever_after),
        lever_before=re.compile(quoted.lever_before),
        listed_as_measure=re.compile(quoted.listed_as_measure),
        measure_after=re.compile(quoted.measure_after),
        # at the end of the text before a name, and at the name's own start
        removal=(re.compile(rf"(?:{'|'.join(no_name.removal_verbs)})$"), re.compile(f"(?:{'|'.join(no_name.removal_verbs)})")),
        replaced=(re.compile(quoted.replaced_before), re.compile(quoted.replaced_after)),
        new_description=re.compile(no_name.new_description),
        not_heads=tuple(no_name.not_heads),
        named_by_quotation=tuple(no_name.named_by_quotation),
        title=re.compile(rf"^(?:{'|'.join(honour.levels)}).*(?:{'|'.join(honour.title_heads)})$"),
        designated_before=re.compile(rf"(?:{'|'.join(honour.verbs_before)})$"),
        designated_after=re.compile(rf"(?:{honour.after})"),
        selecting=tuple(honour.selecting),
        company_word=re.compile(company.in_name),
        company_suffix=first_char_guard(company.suffix),  # scanned over every article
        company_stem=(company.min_stem, company.max_stem, company.max_gap),
        built_heads=re.compile(rf"(?:{'|'.join(company.built_heads)})项目$"),
        investor_before=re.compile(company.investor_before),
        phased=re.compile(rf"(?:{'|'.join(company.place_heads)})(?:{company.phase})+(?:项目|工程)?$"),
        phase_after=re.compile(company.phase),
        measured_after=re.compile(company.measured_after),
        known_companies=tuple(zone_words().company_names.names),
        plant_heads=tuple(company.plant_heads),
        listed_among_firms=re.compile(company.listed_among_firms),
        listed_projects_after=re.compile(f"^(?:{company.listed_project_after})+"),
        # the items before a name, and the words of its own item before it (、总投资100亿元的|信义…项目)
        listed_projects_before=re.compile(f"(?:{company.listed_project_before})+[^、，。；：！？,;:!?\\n]{{0,20}}$"),
        min_listed_projects=company.min_listed_projects,
        place_heads=tuple(company.place_heads),
        package=re.compile(quoted.package),
        principles=re.compile(quoted.principles),
    )


def _place_words(cut_chars: str) -> list[str]:
    """Place names and their stems that hold a cut character (成都, 和田): a name does not start inside them."""
    return sorted(s for s in _places() if any(c in cut_chars for c in s))


@cache
def _places() -> frozenset[str]:
    """Every place name and stem of two characters or more (places.csv, read by zonenames.places())."""
    return frozenset(spelling for place in places() for spelling in (place.name, place.stem) if len(spelling) >= 2)


def report_owner(text: str, start: int, end: int) -> str:
    """The place a work report speaks for when no title names it: its own voice, the level its scope words name most
    and the place of that level named most (initiatives.toml [report_owner]); "" for any other article."""
    words = initiative_words().report_owner
    if re.search(words.own_voice, text[start:end]) is None:
        return ""
    article = text[start:end]
    level = max(words.scope_words, key=lambda kind: sum(article.count(word) for word in words.scope_words[kind]))
    counts = sorted(((article.count(p.stem), p.name) for p in places() if p.kind == level and len(p.stem) >= 2), reverse=True)
    if not counts or counts[0][0] < words.min_mentions or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return ""
    return counts[0][1]


def extract_initiatives(text: str, start: int, end: int, park: str, government: str = "") -> list[Initiative]:
    """The initiatives of text[start:end]; a measure no zone is named near is ``park``'s, or, in a government's work
    report (``government``: the place it speaks for), that government's and no zone's."""
    known = _knowledge()
    companies = _company_windows(text, start, end, known)
    cores = _zone_cores(text, start, end) if companies else frozenset()
    found: dict[str, Evidence] = {}
    names_so_far = ""  # every name found, joined: "inside one already found" is one substring search
    for candidate in _candidates(text, start, end, known):
        if _inside_found(candidate, text, names_so_far):
            continue  # what _trim would make of it lies inside a name found: skipped below all the same
        name, offset = _trim(candidate, text, (start, end), known, (companies, cores))
        if not name or name in names_so_far:
            continue  # a name inside one already found (“张江之星” inside “张江之星”行动) adds nothing
        names_so_far += "\x00" + name
        name_start = candidate.start + offset
        found[name] = Evidence(start=name_start, end=name_start + len(name), text=name)
    spans = sorted(_longest(found), key=lambda e: e.start)
    mentions = _zone_mentions(text, start, [(e.start, e.end) for e in spans])
    zone_ends = {m.end for m in mentions}
    return [
        _initiative(e, _owner(mentions, e, _sentence_start(text, e.start), bool(government)) or park, known, government)
        for e in spans
        if e.end not in zone_ends  # 红山产业园, 专访大连高新技术产业园: a zone is what runs measures, not one of them
        and not _after_a_zones_dash(text, e, mentions)
    ]


def _after_a_zones_dash(text: str, name: Evidence, mentions: list[ParkMention]) -> bool:
    """A name that starts right after the dash inside a zone's name (汕尾市产业转移合作园…产业园 of 深圳市-汕尾市产业转移
    合作园): the zone's second half, cut off by the dash, is no measure of the zone."""
    return text[name.start - 1 : name.start] in _DASHES and any(m.start < name.start < m.end for m in mentions)


def _inside_found(candidate: _Candidate, text: str, names_so_far: str) -> bool:
    """Whether the whole candidate lies inside the names found so far, and its name could not reach back before it.

    _trim's name is the candidate's text or a tail of it, unless a quotation before 的 qualifies it
    (_with_quoted_attribute): with no 的 from the character before the candidate on, the name is a part of the
    candidate's text, so inside a name found; the caller would skip it after trimming (a repeat of a name
    costs a substring search, not a trim).
    """
    end = candidate.start + len(candidate.text)
    return candidate.text in names_so_far and "的" not in text[max(0, candidate.start - 1) : end]


def _initiative(name: Evidence, zone: str, known: _Knowledge, government: str = "") -> Initiative:
    """The record, with its owner: the government body its title names, else the zone that runs it.

    A government's document (《国务院关于…》, 《浙江省人民政府办公厅关于整合设立浙江文成经济开发区的复函》)
    is no zone's, whichever zone the article or the title is about, unless the issuer is the zone's own
    body (《青岛高新区经发局关于…》); a national one (《国家高新区…方案》) is no zone's unless its title names the zone.
    """
    kind = _kind(name.text, known)
    if issuer := known.issuer.match(name.text):
        zone = zone if zone and zone in issuer[1] else ""
        return Initiative(name=name.text, initiative_kind=kind, park=zone, owner=issuer[1], evidence=name)
    if known.national_title.match(name.text) and zone not in name.text:
        return Initiative(name=name.text, initiative_kind=kind, park="", owner="", evidence=name)
    return Initiative(name=name.text, initiative_kind=kind, park=zone, owner=zone or government, evidence=name)


def _longest(found: dict[str, Evidence]) -> list[Evidence]:
    """The names not inside a longer one found in the same article.

    工程规划施工许可“并联审批” and “并联审批”, 南昌实验室项目 and 南昌实验室: one measure
    named twice, once shorter; the fuller name stands for both. (A shorter name found
    after a longer one never gets here: candidates are checked against the names so far.)
    """
    kept: dict[str, Evidence] = {}
    for name in sorted(found, key=lambda n: len(_MARKS.sub("", n)), reverse=True):
        bare = _MARKS.sub("", name)
        if not any(bare in longer for longer in kept):
            kept[bare] = found[name]
    return list(kept.values())


def _zone_mentions(text: str, floor: int, names: list[tuple[int, int]]) -> list[ParkMention]:
    """The zones named in the text a paragraph before each name and in it, in order.

    Zones are looked for once in the union of the names' windows, so the pass reads each
    character once however many names there are.
    """
    windows: list[list[int]] = []
    for name_start, name_end in names:
        window_start = max(floor, name_start - _OWNER_LOOK_BACK)
        if windows and window_start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], name_end)
        else:
            windows.append([window_start, name_end])
    known = clean_park_names(text)  # the registry's spellings and the page's own names (a listed sub-park named again)
    return [m for w_start, w_end in windows for m in find_park_mentions(text, w_start, w_end, known)]


_UP_TO_LAST_SENTENCE_END = re.compile(r"(?s).*[。！？\n]")


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts: in a work report a zone owns only the measures of its sentence.
    Looked for no further back than an owner may stand (_OWNER_LOOK_BACK): an rfind per mark to the page's start made
    each name cost the length of the page before it."""
    lowest = max(0, position - _OWNER_LOOK_BACK)
    before = _UP_TO_LAST_SENTENCE_END.match(text, lowest, position)
    return before.end() if before else lowest


def _owner(mentions: list[ParkMention], name: Evidence, sentence: int = 0, report: bool = False) -> str:
    """The zone that runs a measure: the last one named before the end of its name, a paragraph back at most.

    从长子经开区的“上门审批”到上党经开区的“暖心驿站”: each measure is its own zone's, and a
    page that passes from one zone to the next gives each measure the zone of its passage, not
    the article's main park. A zone named across the name's start is a misread (方正抓紧实施保税港区
    in 省方正抓紧实施保税港区一期工程) and is passed over. "" when none is named (the article's park is used).
    In a work report (``report``) only a zone of the measure's own sentence owns it. A sub-park named as an item of a
    一区N园 list (mentions.py: it carries its zone as parent) owns only the measures of its own sentence: the list
    names the zone's parts, the measures after it are the zone's (矿山整治工程 after 洋河高科园区、…、高层次人才创新创业园).
    """
    for mention in reversed(mentions[: bisect_right([m.end for m in mentions], name.end)]):
        if mention.start < name.start - _OWNER_LOOK_BACK or (report and mention.start < sentence):
            break
        if mention.parent and mention.start < sentence:
            continue
        if mention.end <= name.start or mention.start >= name.start:
            return mention.name
    return ""


@cache
def _registry_spellings() -> set[str]:
    """The registry's spellings, the names a zone is known by even with no place before them (蒙苏经开区)."""
    return set(registry().spellings)


def _candidates(text: str, start: int, end: int, known: _Knowledge) -> Iterator[_Candidate]:
    """Documents first, then names ending in a kind word, then quoted terms: the fuller name wins a place."""
    for match in known.document.finditer(text, start, end):
        if not known.periodical_after.match(text, match.end()):  # 《财富》杂志 is a magazine
            yield _Candidate(match.start(), match.group(), "document", True)
    yield from _named(text, start, end, known)
    for run_start, _end, run in runs_ending_in(text, start, end, known.quoted, r"[\u4e00-\u9fff]", 0, _MAX_QUOTED_PREFIX):
        yield _Candidate(run_start, run, "quoted", _at_boundary(text, run_start, start))


def _named(text: str, start: int, end: int, known: _Knowledge) -> Iterator[_Candidate]:
    """Unquoted names: the run of name characters that ends in a kind word.

    A run stopped by the kind word before it (项目 in 工程建设项目审批全链条改革) goes on
    back to where that word's run started, and replaces that shorter run: names hold
    kind words. Not across a cut (江铜研究院等科创平台, 倍增行动和…壮大行动): there the
    next name starts. A run never gets longer than the longest name, so the pass stays linear.
    """
    previous: _Candidate | None = None
    for run_start, run_end, run in runs_ending_in(text, start, end, known.kind_end, _NAME_CHARS, 0, _MAX_NAME):
        bounded = _at_boundary(text, run_start, start)
        if previous and run_start == previous.start + len(previous.text) and not bounded and not _cut_after(previous, run, known):
            run_start = max(previous.start, run_end - _MAX_NAME)  # the same name goes on: it replaces the shorter one
            bounded = previous.bounded and run_start == previous.start
        elif previous and not _ends_in_quotation(text, previous):
            yield previous
        previous = _Candidate(run_start, text[run_start:run_end], "named", bounded)
    if previous and not _ends_in_quotation(text, previous):
        yield previous


def _ends_in_quotation(text: str, candidate: _Candidate) -> bool:
    """A kind word right before a closing mark ends a quoted name (“三年跨越计划”): the quoted shape reads it whole."""
    return text[candidate.start + len(candidate.text) : candidate.start + len(candidate.text) + 1] in tuple(_CLOSE)


def _cut_after(previous: _Candidate, run: str, known: _Knowledge) -> bool:
    """Whether a name could start in run, the words after previous (read together: 工程建设 is no cut)."""
    joined = previous.text + run
    return known.cuts.last(_mask_quoted(joined[: len(joined) - len(_kind_word(joined, known))]))[0] > len(previous.text)


def _at_boundary(text: str, index: int, floor: int) -> bool:
    """Whether a run starting at index starts a phrase: the article starts there or no word character precedes it.

    A run cut off by the longest name allowed, or by a digit before it (21个…), starts inside a phrase.
    """
    return index <= floor or not _WORD_CHAR.match(text, index - 1)


def _company_windows(text: str, start: int, end: int, known: _Knowledge) -> tuple[str, ...]:
    """The words before each company suffix in the article (…正威国际|集团): where a company's name ends.

    One pass over the article; a name is a company's when it starts with the end of one of them.
    """
    longest = known.company_stem[1] + known.company_stem[2]
    return tuple(text[max(start, m.start() - longest) : m.start()] for m in known.company_suffix.finditer(text, start, end))


def _zone_cores(text: str, start: int, end: int) -> frozenset[str]:
    """The proper words of the zones named in the article (前海 of 前海合作区, 张江 of 张江高新区): a company named after
    its zone (前海服务集团) does not make the zone's own forum (前海论坛) the company's."""
    words = registry().vocabulary
    parsed = (words.parse(m.name, anchored=False) for m in find_park_mentions(text, start, end, clean_park_names(text)))
    cores = [p.core for p in parsed if p is not None]
    return frozenset(core[:size] for core in cores for size in range(2, len(core) + 1))  # 前海 of 前海深港


def _trim(
    candidate: _Candidate,
    text: str,
    article: tuple[int, int],
    known: _Knowledge,
    firms: tuple[tuple[str, ...], frozenset[str]] = ((), frozenset()),
) -> tuple[str, int]:
    """The name in a candidate and its offset in it, or "" when the candidate holds none. ``firms``: the article's
    company windows (_company_windows) and its zones' proper words (_zone_cores)."""
    if candidate.shape == "document":
        # 《中国省级开发区高质量发展报告2024》: a national report or ranking rates zones; none of them runs it
        rating = known.national_title.match(candidate.text) and _kind(candidate.text, known) == "other"
        # 《联合验收合格意见书》: a paper one firm receives, no document of policy; 《藏海传》: a work, no document at all
        work = not known.document_word.search(to_simplified(without_pinyin_glosses(candidate.text)))
        return ("", 0) if rating or work or known.certificate.search(candidate.text) else (candidate.text, 0)
    run = candidate.text
    balanced = _balanced_start(run)
    offset = _name_start(run, balanced, candidate.bounded or balanced > 0, known)
    if offset < 0:
        return "", 0
    offset += _balanced_start(run[offset:])  # a cut inside brackets leaves their closing mark: （以下简称方案）暨…
    offset += len(run[offset:]) - len(run[offset:].lstrip(known.joiners))  # …暨“张江之星”行动: never starts with 暨
    name_end = candidate.start + len(run)
    name_start = _with_quoted_attribute(text, candidate.start + offset, article[0])
    name, offset = text[name_start:name_end], name_start - candidate.start
    around = _Around(
        text[max(article[0], name_start - _LOOK_BACK) : name_start],
        text[name_end : min(article[1], name_end + _LOOK_AHEAD)],
        firms[0],
        text[max(article[0], name_start - _LIST_LOOK_BACK) : name_start],
        firms[1],
    )
    return ("", offset) if _is_no_name(name, around, known) else (name, offset)


def _with_quoted_attribute(text: str, name_start: int, floor: int) -> int:
    """Where a name starts that a quotation before 的 qualifies: “小政府、大部制”的管理体制改革 is one name.

    The quotation says which reform; the words after 的 say only what kind it is. A
    quotation as long as a quoted name may be, opened and closed in the same clause.
    """
    close = name_start - 2
    if close < floor or text[name_start - 1] != "的" or text[close] not in _CLOSE:
        return name_start
    depth = 0
    for index in range(close, max(floor, close - _MAX_QUOTED) - 1, -1):  # its own opening mark, past nested ones
        depth += (text[index] in _CLOSE) - (text[index] in _OPEN)
        if depth == 0:
            return index
    return name_start


def _balanced_start(run: str) -> int:
    """Where the run's longest tail with balanced quotation marks and brackets starts.

    A closing mark with no opening one means the run started inside a quotation or
    a bracket (施工许可”“防空地下室…, 简称:行动方案)暨…); an opening mark never closed
    means the kind word sits inside a quotation that goes on (“立足陕西、服务全国”),
    or a speech (“接下来我们将…).
    """
    start, opened = 0, []
    for mark in _MARKS.finditer(run):  # only the marks, not every character of the run
        index = mark.start()
        if run[index] in _OPENING:
            opened.append(index)
        elif opened:
            opened.pop()
        else:
            start = index + 1
    return max(start, opened[-1] + 1) if opened else start


def _name_start(run: str, offset: int, bounded: bool, known: _Knowledge) -> int:
    """Where the name starts in run (at or after offset), or -1 when it has no start of its own."""
    kind_word = _kind_word(run, known)  # read once: the tests below ask it again
    head = run[offset : len(run) - len(kind_word)]  # never cut inside the kind word (对接会)
    # The quoted items of one list stay together (“一站式”和“一对一”跟踪服务机制): 和 between them is no cut.
    masked = known.list_joiner.sub(_MASK, _mask_quoted(head))
    cut_start, cut, tag = known.cuts.last_word(masked)
    listed = cut == len(head) and masked[cut_start:cut] in known.list_closers
    if tag == "reference" and listed and kind_word not in known.generic_kinds:
        # 实施冀货出海等行动: 等 right before the kind word; the items listed are names of that kind
        # (not before a generic kind: 康养等服务, …变压器等项目 list things of a sort, no measures)
        earlier = known.cuts.last(masked[:cut_start])[0]
        return offset + earlier if earlier or bounded else _first_quote(run, offset)
    if tag == "reference" and masked[cut_start:cut] in known.inner_references:
        earlier = known.cuts.last(masked[:cut_start])[0]
        if earlier < cut_start:  # 燕赵系列实验室: name characters before it, no cut between; the name goes on across it
            return offset + earlier if earlier or bounded else _first_quote(run, offset)
    if tag == "reference":
        return _first_quote(run, offset + cut)  # 这项“拿地即开工”改革: only the quoted name stands alone
    if cut and known.package_only.fullmatch(head[cut:]) and cut - cut_start > 1:
        # 出台算力利用支持十条政策: a package's number alone names nothing; the words before the lead
        # word say which package, so the name starts at the cut before that word
        earlier = known.cuts.last(masked[:cut_start])[0]
        return offset + earlier if earlier or bounded else offset + cut
    if cut:
        return offset + cut
    return offset if bounded else _first_quote(run, offset)  # mid-word: a quotation is a start of its own


def _first_quote(run: str, start: int) -> int:
    """Where the first quotation at or after start opens in run, or -1."""
    found = [index for index in (run.find(mark, start) for mark in _OPEN) if index >= 0]
    return min(found) if found else -1


def _mask_quoted(text: str) -> str:
    """Text with its quotations (marks included) blanked: nothing is read inside a quoted name."""
    out, depth, position = [], 0, 0  # position: where the stretch being kept or blanked began
    for mark in _QUOTE_MARK.finditer(text):  # only the marks, not every character of the text
        index = mark.start()
        if text[index] in _OPEN:
            if not depth:
                out.append(text[position:index])
                position = index
            depth += 1
        elif depth:
            depth -= 1
            if not depth:
                out.append(_MASK * (index + 1 - position))
                position = index + 1
    if not out:
        return text if not depth else _MASK * len(text)
    out.append(_MASK * (len(text) - position) if depth else text[position:])
    return "".join(out)


def _is_no_name(name: str, around: _Around, known: _Knowledge) -> bool:
    """Whether a name, its start settled, names nothing: too short, a bare kind, a count, a slogan, a generic phrase."""
    bare = name.strip(_OPEN + _CLOSE)
    quoted = _OPEN_MARK.search(name) is not None
    if len(bare) < known.min_name and not quoted and bare not in known.self_naming and not known.abbreviated.match(bare):
        return True
    kind_word = _kind_word(bare, known)
    if kind_word in known.abbreviated_heads and not known.abbreviated.match(bare):
        return True  # 博会 ends only a fair's short name (玉博会); before it, longer words are no part of that name
    stem = bare[: len(bare) - len(kind_word)] or bare
    if (bare == kind_word and not quoted and bare not in known.self_naming) or stem in known.not_names:
        return True
    if known.level_before.sub("", stem, count=1) in known.not_names:
        return True  # 省国民经济和社会发展规划: the plan every government keeps, its level before it
    outside = _mask_quoted(name)  # what the name's own words say, its quotations blanked
    if known.count.search(outside):
        return True  # 21个重点项目, 四大功能平台: things counted, not one named (counts inside quotes are names: “五个一”)
    if known.sized.search(outside) and not bare.endswith(known.sized_ok):
        return True  # 总投资616亿元项目, 3万吨聚乳酸原料项目: a plant sized by its owner (a fund is money: 两亿元创新创业基金)
    if not quoted and kind_word in known.generic_kinds and known.listed_fields_after.match(around.after):
        return True  # 参事馆员、驻京驻沪联络服务等工作: a field of a report's duties, no measure named
    if not quoted and known.counted_after.match(around.after):
        return True  # 加速器项目3项: a kind of thing tallied, not one named (“三早”项目78个 names the program it counts)
    if name[-1] in _CLOSE and not _names_a_measure(name, around, known):
        return True  # a quoted term with nothing naming it a measure: “链主”, “小巨人”, “第一等次”
    if quoted and _is_replaced(name, around, known):
        return True  # 变“串联审批”为“并联审批”: the old way, which the measure does away with
    removal_before, removal_start = known.removal
    if removal_before.search(around.before) or removal_start.match(bare):
        return True  # 全面取消…“三证”登记制度, 废止…办法: the measure is done away with, quoted or not
    if _is_designation(outside, around, known) or _is_companys(outside, around, known):
        return True
    if known.article_label.match(bare):
        return True  # 第二章 规划: a regulation's chapter title, not a measure named
    if known.session.search(outside) or known.period_plan.match(bare if not quoted else name) or known.state_strategy.search(outside):
        return True  # 区四届人大三次会议: held by law; “十四五”规划, 人才强国战略: the state's frame, not a zone's measure
    if known.state_body.match(outside):
        return True  # 中国科学院科技战略咨询研究院: the state's body that rates and advises, no zone's platform
    if known.national.match(_QUOTE_MARKS.sub("", bare)):
        return True  # “一带一路”战略, 粤港澳大湾区建设: the state's frame, no measure of the text's zone or government
    if not quoted and kind_word in known.generic_kinds and known.goal_after.match(around.after):
        return True  # 卫生健康体系更加完善: a goal for a generic system, no measure named
    if not quoted and known.dated_only.match(bare[: len(bare) - len(kind_word)]):
        return True  # 2026年工作安排: a report's section of the year
    if bare.endswith(known.not_heads) and not _named_by_quotation(name, known):
        return True  # 笔记本电脑生产基地, “五新”产业集群示范基地: a plant, a title or an economy's make-up
    if not quoted and known.new_description.search(bare):
        return True  # 探索城市治理新模式: a new kind of thing described, none named yet
    return not quoted and (_is_generic(bare, kind_word, known) or _is_upkept(bare, kind_word, around, known))


def _named_by_quotation(name: str, known: _Knowledge) -> bool:
    """A quotation right before the head names the plan (“1650”产业体系): the code is its own name, no economy's make-up."""
    return any(name.endswith(tuple(mark + head for mark in _CLOSE)) for head in known.named_by_quotation)


def _is_replaced(name: str, around: _Around, known: _Knowledge) -> bool:
    """A quoted way of working that a measure replaces (变“串联审批”为“并联审批”, 由“…”调整为“…”): the old one.

    The verb of change stands before the quotation (in the name's own prefix or just before it) and 为 or
    到 right after it; the measure is the quotation after 为.
    """
    before, after = known.replaced
    opening = min(i for i in (name.find(mark) for mark in _OPEN) if i >= 0)
    return bool(before.search(around.before + name[:opening]) and after.match(around.after))


def _is_upkept(bare: str, kind_word: str, around: _Around, known: _Knowledge) -> bool:
    """A system the clause keeps up rather than launches: 完善救灾应急响应机制, 落实离境退税政策.

    Verbs of upkeep (完善, 健全, 优化, 落实) take a standing system as their object: the words
    before its head describe which system, they do not name a measure someone launched. A
    numbered package (财政支持…十二条措施) is named all the same.
    """
    if kind_word not in known.upkeep_heads or known.proper_number.search(bare) or _has_proper_owner(bare, around):
        return False
    return bool(known.upkeep_clause.search(around.before))


def _has_proper_owner(bare: str, around: _Around) -> bool:
    """Whether a name says whose or which system it is: it starts with a zone's or a place's name
    (中关村自创区先行先试政策), or a quotation qualifies it (“一个项目、一位领导…”的重点项目包联机制)."""
    if around.before.endswith("的") and around.before[-2:-1] in _CLOSE:
        return True
    spellings = _registry_spellings()
    return any(bare[:size] in spellings or bare[:size] in _places() for size in range(2, min(len(bare), _LONGEST_ZONE) + 1))


def _is_designation(outside: str, around: _Around, known: _Knowledge) -> bool:
    """A title a zone receives or a list it enters (获批国家软件出口基地, 红山产业园获评…), not a measure it runs.

    ``outside``: the name with its quotations blanked.
    """
    if known.title.search(outside):
        return True  # 国家集成电路产业基地: a state title, whatever the verb
    if outside.endswith(known.selecting):
        return False  # 入选“珠峰英才”计划: a program selects people into it, and it stays a program
    before = around.before
    if match := _LIST_BEFORE.search(before):  # 荣获“A”“B”两项大奖: the verb before the list confers every title in it
        before = before[: match.start()]
    return bool(known.designated_before.search(before) or known.designated_after.match(around.after))


def _is_companys(outside: str, around: _Around, known: _Knowledge) -> bool:
    """A company's own project or plant (正威国际新材料项目, 比亚迪常州基地), not the zone's.

    The name holds a company word, or starts with the last words before a company
    suffix in the article (正威国际 in 正威国际集团). A project that builds a park
    or a platform for the zone (航天联志内江先进算力产业园项目) stays: the zone runs it with the company.
    ``outside``: the name with its quotations blanked.
    """
    if known.company_word.search(outside) or _is_place_in_phases(outside, around, known):
        return True
    if outside.startswith(known.known_companies) and outside.endswith(known.plant_heads):
        return True  # 比亚迪常州基地: a known company's plant
    if known.listed_among_firms.match(around.after):
        return True  # 上汽乘用车郑州基地、郑州海尔创新产业园等“大块头”企业: listed among firms, a firm's plant
    if outside.endswith("项目") and known.investor_before.search(around.before):
        return True  # 招引落地…项目: a project the zone courts is its investor's
    if outside.endswith("项目") and _listed_projects(around, known) >= known.min_listed_projects:
        return True  # A项目、B项目、C项目…等一批大项目签约落地: the investors' projects listed
    if not around.companies or known.built_heads.search(outside):
        return False
    own = known.zone_prefix.sub("", outside, count=1)  # 内江高新区…签约仪式: a zone's name is no company's
    shortest, longest, gap = known.company_stem
    for size in range(shortest, min(longest, len(own)) + 1):
        stem = own[:size]
        if _MASK in stem:
            break
        if stem in _places() or stem in around.zone_cores or _starts_a_common_word(stem, known):
            continue  # 西安 of 西安某某科技有限公司, 高新 of 高新控股, 前海 of 前海服务集团 beside 前海合作区: a place's or zone's words
        for window in around.companies:
            at = window.rfind(stem)
            if at >= 0 and len(window) - (at + size) <= gap:
                return True
    return False


def _listed_projects(around: _Around, known: _Knowledge) -> int:
    """How many projects a 、-list holds around a name that ends in 项目, the name included (1 when it stands alone)."""
    after = known.listed_projects_after.match(around.after)
    before = known.listed_projects_before.search(around.list_before)
    return 1 + (after.group().count("、") if after else 0) + (before.group().count("、") if before else 0)


def _is_place_in_phases(outside: str, around: _Around, known: _Knowledge) -> bool:
    """A park or campus built in phases (…产业园一期项目; …产业园 followed by 一期、二期) or whose figures the text
    reports (…产业园共签约4个项目): a place, no measure."""
    if known.phased.search(outside):
        return True
    if not outside.endswith(known.place_heads):
        return False
    return bool(known.phase_after.match(around.after) or known.measured_after.match(around.after))


def _starts_a_common_word(stem: str, known: _Knowledge) -> bool:
    """Whether stem starts a generic modifier (高新 of 高新技术): no company's own words."""
    return stem in known.modifier_starts


def _is_generic(bare: str, kind_word: str, known: _Knowledge) -> bool:
    """A kind of thing rather than a named one: a generic head that is short or has only generic modifiers."""
    if kind_word not in known.generic_kinds:
        return False
    if len(bare) <= known.short_generic:
        return True  # 优质服务, 产业项目, 人才政策
    modifiers = known.zone_prefix.sub("", bare[: len(bare) - len(kind_word)], count=1)  # 青岛高新区重点项目
    return _made_of(_without_place(modifiers), known.generic_modifiers)


def _without_place(words: str) -> str:
    """Words without the place name they start with (宝鸡重大项目 → 重大): a place is no proper modifier either."""
    for size in range(min(len(words), _LONGEST_PLACE), 1, -1):
        if words[:size] in _places():
            return words[size:]
    return words


def _made_of(text: str, words: frozenset[str]) -> bool:
    """Whether text splits into a sequence of the words (the empty text does): one pass, no backtracking."""
    longest = _longest_word(words)
    reachable = [True] + [False] * len(text)
    for start in range(len(text)):
        if reachable[start]:
            for end in range(start + 1, min(len(text), start + longest) + 1):
                reachable[end] = reachable[end] or text[start:end] in words
    return reachable[-1]


@cache  # one word list, asked for every generic name
def _longest_word(words: frozenset[str]) -> int:
    return max(map(len, words))


def _names_a_measure(name: str, around: _Around, known: _Knowledge) -> bool:
    """A quoted term is an initiative when its own words say so, or the verb right before it.

    Before 的 or 为 it qualifies something else (“立足本地”的定位, 以“…”为目标): only its
    own words count there.
    """
    quoted = name[max(name.rfind(mark) for mark in _OPEN) + 1 : -1]
    after = around.after[len(match.group()) :] if (match := _LIST_AFTER.match(around.after)) else around.after
    if known.label_after.match(after):
        return False  # “领导包联、分级负责…”的要求, “五位一体”总体布局: the quotation labels a requirement or a layout
    if _kind_word(quoted, known) or known.measure_words.search(quoted):
        return True
    if known.listed_as_measure.match(after):
        return True  # “跟着苏超游江苏”等品牌活动: the class after 等 says what the listed quotations name
    if known.lever_after.match(after) and known.launch_verb_at_end.search(around.before):
        return True  # 以“三个攻坚年”为抓手: the quotation is the lever the work is done with
    if _is_listed_lever(around, known):
        return True  # 以重大项目建设“百日攻坚”、招商引资“百日会战”为抓手: each quoted item of the list is a lever
    if _WORD_CHAR.match(after) and not known.measure_after.match(after):
        return False  # 深化“五共五固”结对共建, 打造“四新”经济: the verb launches the noun the quotation qualifies
    if known.attribute_after.match(after) or known.principles.match(quoted):
        return False  # “两个毫不动摇”: principles counted, which no launch verb makes a measure
    before = around.before
    verb_place = before[: len(before) - len(match.group())] if (match := _LIST_BEFORE.search(before)) else before
    return bool(known.launch_verb_at_end.search(verb_place))


def _is_listed_lever(around: _Around, known: _Knowledge) -> bool:
    """A quotation among the items of a 以…为抓手 frame, each item with its field's words before it."""
    match = _FIELD_LIST_AFTER.match(around.after)
    after = around.after[match.end() :] if match else around.after
    return bool(known.lever_after.match(after) and known.lever_before.search(around.before))


def _kind(name: str, known: _Knowledge) -> InitiativeKind:
    bare = name.strip("《》" + _OPEN + _CLOSE)
    if name.startswith("《"):
        for pattern, kind in known.document_kinds:
            if pattern.search(bare) and not (kind == "action_plan" and known.not_action_plan.search(bare)):
                return kind
        return "policy"
    word = _kind_word(bare, known)
    if word:
        return known.kind_of_word[word]
    if any(mark in name for mark in _OPEN):  # 审批事项“全程网办、智能秒批”: the quotation names the measure
        return "policy" if known.package.search(bare) else "reform"
    return "other"


def _kind_word(name: str, known: _Knowledge) -> str:
    """The kind word a name ends with (the longest), or ""."""
    match = known.kind_at_end_reversed.match(name[::-1])
    return match.group()[::-1] if match else ""
