"""Zone names: what a spelling is made of, and the identity key its spellings share.

A zone name is read from its type word back (extractor/data/zone_words.toml):

    [place …] [proper name] [qualifier] [modifier] type
    山东省 威海             国家                    高新区
    武汉    东湖                                     新技术开发区
    包头                                  稀土      高新区

Places come from extractor/data/places.csv, proper names from zone_words.toml and the
registry. A type word with no place or proper name before it is not a name (许多开发区).
The identity key drops what does not tell zones apart (province and city prefixes,
qualifiers) and maps every type spelling to its short form, so 山东省威海高新区,
威海国家高新区 and 威海高技术产业开发区 share the key 威海高新区, while
武汉东湖新技术开发区 (东湖高新区) and 武汉经济技术开发区 (武汉经开区) stay two.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

import ahocorasick

from ..frozen import quick_init
from ..knowledge import csv_rows, load
from .firstchars import first_char_guard

_MEMO_SIZE = 50_000  # remembered zone-name readings per vocabulary
_UNSEEN = object()  # a memo miss (a remembered reading may be None)
MAX_MODIFIER = 4  # 包头稀土高新区, 西安软件产业园: a longer modifier is a phrase, not part of a name


@dataclass(frozen=True)
class Place:
    name: str
    stem: str
    kind: str  # province | city | county
    province: str
    city: str


@dataclass(frozen=True)
class ZoneType:
    spelling: str
    canonical: str
    zone_type: str
    generic: bool = False
    province_alone: bool = False
    max_modifier: int = MAX_MODIFIER
    registry_only: bool = False  # 武汉片区 names a zone only as a registered spelling (光谷片区 does not)
    city_alone: bool = True  # False: 银川市产业园区 (a city's parks together) is no name
    stands_for: tuple[str, ...] = ()  # a generic word (开发区): the zone types it may name in a document; () any
    suffixed_city_alone: bool = True  # False: 重庆市开发区 (a city written with 市, its zones together) is no name


@quick_init
@dataclass(frozen=True)
class Part:
    """One token before the type: a place, a proper name or a qualifier."""

    text: str
    role: str  # place | proper | qualifier
    place: Place | None = None
    level: str = ""


@quick_init
@dataclass(frozen=True)
class ZoneName:
    text: str
    parts: tuple[Part, ...]
    modifier: str
    types: tuple[ZoneType, ...]  # a chain: 长春新区高新技术产业开发区; the last one decides
    tail: str = ""  # a parenthesised district: 泰州医药高新区(高港区)

    @property
    def zone_type(self) -> ZoneType:
        return self.types[-1]

    # Read once per name: parse() hands out one memoized ZoneName per spelling, and the finders ask its key
    # at every mention (cached_property writes the instance's __dict__, which a frozen dataclass allows).
    @cached_property
    def core(self) -> str:
        """What tells this zone from others of its type: 威海, 东湖, 包头稀土, 望城."""
        parts = [p for p in self.parts if p.role != "qualifier"]
        while parts and _droppable(parts, self.modifier):
            parts = parts[1:]
        return "".join(_core_text(p) for p in parts) + self.modifier

    @cached_property
    def key(self) -> str:
        return self.core + self.zone_type.canonical

    @property
    def places(self) -> list[Place]:
        return [p.place for p in self.parts if p.place is not None]

    @property
    def level(self) -> str:
        return next((p.level for p in self.parts if p.level), "")

    @property
    def province(self) -> str:
        return next((p.province for p in self.places if p.province), "")

    @property
    def city(self) -> str:
        return next((p.city for p in self.places if p.city), "")

    @property
    def anchored_by_city(self) -> bool:
        """Only a city or county names it: 天津开发区, 广州开发区, 昆山开发区."""
        named = [p for p in self.parts if p.role != "qualifier"]
        return not self.modifier and len(named) == 1 and named[0].place is not None and named[0].place.kind != "province"


def _core_text(part: Part) -> str:
    return part.place.stem if part.place is not None and len(part.place.stem) >= 2 else part.text


def _droppable(parts: list[Part], modifier: str) -> bool:
    """Whether the first part is a prefix of a more specific name (山东省威海, 长沙望城, 上海张江)."""
    first, rest = parts[0], parts[1:]
    if first.role != "place" or first.place is None:
        return False
    following = rest[0] if rest else None
    if first.place.kind == "province":
        return bool(rest or modifier)
    if first.place.kind == "city":
        return following is not None and (following.role == "proper" or (following.place is not None and following.place.kind == "county"))
    # a county before a proper name, or before a modifier that names the zone (伊金霍洛旗蒙苏经开区)
    return (following is not None and following.role == "proper") or (following is None and len(modifier) >= 2)


@dataclass
class Vocabulary:
    """The data a zone name is read with; build once (``vocabulary()``) and share."""

    types: list[ZoneType]
    tokens: dict[str, Part]
    function_chars: frozenset[str]
    generic_modifiers: tuple[str, ...]
    short_name_cues: tuple[str, ...]
    traditional: dict[int, int]
    company_names: tuple[str, ...] = ()
    bodies: frozenset[str] = frozenset()  # a body alone between place and type names its office (青岛海关自贸区)
    max_token: int = field(init=False)
    type_by_spelling: dict[str, ZoneType] = field(init=False)
    # Zone names repeat across articles and pages: their readings are memoized, boundedly (a corpus is large).
    _spellings: list[str] = field(init=False, repr=False)
    _memo: dict[tuple, object] = field(init=False, repr=False, compare=False)
    type_chain: re.Pattern[str] = field(init=False)
    _automaton: ahocorasick.Automaton = field(init=False, repr=False, compare=False)
    _type_word: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _chains: dict = field(init=False, repr=False, compare=False)
    _changed_char: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.max_token = max(map(len, self.tokens), default=1)
        # One automaton over every place, proper name and qualifier: a prefix is read in one
        # pass, whatever the size of the registry whose names the vocabulary holds.
        self._automaton = ahocorasick.Automaton()
        for text, part in self.tokens.items():
            self._automaton.add_word(text, part)
        if self.tokens:
            self._automaton.make_automaton()
        self.type_by_spelling = {t.spelling: t for t in self.types}
        self._spellings = sorted(self.type_by_spelling, key=len, reverse=True)
        self._memo = {}
        alternatives = trie_pattern(self._spellings)  # one regex for every type word, factored by prefix
        self._type_word = re.compile(alternatives)  # one type word, longest spelling first
        self._chains: dict[str, tuple[tuple[ZoneType, ...], str]] = {}
        # A chain of type words (长春新区高新技术产业开发区), not 开发区域; then an optional (高港区).
        # Scanned over every page several times: led by a test of the characters a type word starts with.
        self.type_chain = first_char_guard(rf"(?:{alternatives})+(?![域])(?:[(（][\u4e00-\u9fff]{{2,5}}区[)）])?")
        changed = "".join(re.escape(chr(old)) for old, new in sorted(self.traditional.items()) if old != new)
        self._changed_char = re.compile(f"[{changed}]") if changed else None  # the characters simplify() changes

    def with_proper_names(self, names: Iterable[str]) -> Vocabulary:
        """A copy that also knows these proper names (the registry's)."""
        extra = {n: Part(n, "proper") for n in names if n and n not in self.tokens}
        if not extra:
            return self
        return Vocabulary(
            self.types,
            {**self.tokens, **extra},
            self.function_chars,
            self.generic_modifiers,
            self.short_name_cues,
            self.traditional,
            self.company_names,
            self.bodies,
        )

    def simplify(self, text: str) -> str:
        """Traditional characters of names as simplified ones, one for one (offsets stay).

        What ``text.translate(self.traditional)`` gives, found by one class search and replaced where found:
        translate looks every character of a page up in the table (0.8 ms a 7,000-character page), and a
        normalized page holds few or none of them.
        """
        if self._changed_char is None:
            return text
        return self._changed_char.sub(self._simplified, text)

    def _simplified(self, match: re.Match[str]) -> str:
        return chr(self.traditional[ord(match.group())])

    def split_types(self, chain: str) -> tuple[tuple[ZoneType, ...], str]:
        """The type words of a matched chain, and its parenthesised tail (chains repeat: read once each)."""
        found = self._chains.get(chain)
        if found is None:
            tail_at = min((i for i in (chain.find("("), chain.find("（")) if i >= 0), default=len(chain))
            words = tuple(self.type_by_spelling[m.group()] for m in self._type_word.finditer(chain, 0, tail_at))
            found = self._chains[chain] = (words, chain[tail_at:])
        return found

    def name_start(self, prefix: str, types: tuple[ZoneType, ...]) -> tuple[int, tuple[Part, ...], str] | None:
        """Where a zone name starts in the run of name characters before its type words.

        The leftmost place or proper name from which the rest reads as a name:
        刘文研西安 → 西安, 湖北省委书记到随州 → 随州, 简称合肥 → 合肥. Of several
        readings the one with the shortest modifier wins: 从江苏省苏州 is 江苏省苏州,
        not the county 从江 with the modifier 苏省苏州.
        """
        found = self._memo.get(key := ("start", prefix, types), _UNSEEN)
        return self._remembered(key, lambda: self._name_start(prefix, types)) if found is _UNSEEN else found

    def _name_start(self, prefix: str, types: tuple[ZoneType, ...]) -> tuple[int, tuple[Part, ...], str] | None:
        best = None
        for start in range(len(prefix)):
            parsed = self._parse_from(prefix, start)
            if parsed is not None and _city_zones_together(parsed[0], parsed[1], types):
                break  # 天津市开发区: the city's zones, and no later start inside it names one (津市开发区)
            valid = parsed is not None and self._is_name(parsed[0], parsed[1], types)
            if valid and (best is None or len(parsed[1]) < len(best[2])):
                best = (start, parsed[0], parsed[1])
        return best

    def parse(self, name: str, anchored: bool = True) -> ZoneName | None:
        """A whole spelling as a zone name, or None (许多开发区, 简称合肥高新区 → None).

        ``anchored=False`` reads a spelling already known to be a name (from the
        registry, a definition, a model's answer) even with no place in it: 蒙苏经开区.
        """
        found = self._memo.get(key := ("parse", name, anchored), _UNSEEN)  # a hit costs no closure (asked per run of a page)
        return self._remembered(key, lambda: self._parse(name, anchored)) if found is _UNSEEN else found

    def _parse(self, name: str, anchored: bool) -> ZoneName | None:
        text = _PRESENT_NAME_GLOSS.sub("", self.simplify(name))  # 开县(今开州区)工业园区 reads as 开县工业园区
        match = self.type_chain.search(text)
        if match is None or match.end() != len(text) or match.start() == 0:
            return None
        types, tail = self.split_types(match.group())
        prefix = unwrap_china(text[: match.start()])  # 中国（上海）自由贸易试验区 is 上海's
        parsed = self._parse_from(prefix, 0)
        if parsed is not None and self._is_name(parsed[0], parsed[1], types):
            return ZoneName(name, parsed[0], parsed[1], types, tail)
        if anchored:
            return None
        loose = parsed or ((), prefix)
        return ZoneName(name, loose[0], loose[1], types, tail)

    def _remembered(self, key: tuple, compute: Callable[[], Any]) -> Any:
        if key not in self._memo:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()  # bounded: a new corpus's names fill it again
            self._memo[key] = compute()
        return self._memo[key]

    def _parse_from(self, prefix: str, start: int) -> tuple[tuple[Part, ...], str] | None:
        """Tokens from ``start`` that cover the most of the prefix (江苏+省级, not 江苏省+级), and what is left."""
        table = self._token_table(prefix)  # read once here, not once per position
        first = table.get(start)
        if first is None or first[0].role == "qualifier":
            return None
        paths: dict[int, tuple[Part, ...]] = {start: ()}
        for position in range(start, len(prefix)):  # positions grow, so every path is complete when reached
            if position not in paths:
                continue
            for token in table.get(position, ()):
                paths.setdefault(position + len(token.text), (*paths[position], token))
        end = max(position for position in paths if paths[position] or position == start)
        parts = paths[end]
        if not parts or parts[0].role == "qualifier":
            return None
        return parts, prefix[end:]

    def _tokens_at(self, text: str, position: int) -> list[Part]:
        """Every token starting here, longest first."""
        return self._token_table(text).get(position, [])

    def _token_table(self, text: str) -> dict[int, list[Part]]:
        """Every token of the text by where it starts, longest first: one pass of the automaton."""
        found = self._memo.get(key := ("tokens", text), _UNSEEN)
        return self._remembered(key, lambda: self._scan(text)) if found is _UNSEEN else found

    def _scan(self, text: str) -> dict[int, list[Part]]:
        table: dict[int, list[Part]] = {}
        if not self.tokens:
            return table
        for end, part in self._automaton.iter(text):
            table.setdefault(end - len(part.text) + 1, []).append(part)
        for parts in table.values():
            parts.sort(key=lambda part: -len(part.text))
        return table

    def _is_name(self, parts: tuple[Part, ...], modifier: str, types: tuple[ZoneType, ...]) -> bool:
        if len(modifier) > types[-1].max_modifier or any(c in self.function_chars for c in modifier):
            return False
        if modifier.startswith(self.generic_modifiers) or modifier in self.bodies:
            return False
        named = [p for p in parts if p.role != "qualifier"]
        if self.company_names and ("".join(p.text for p in parts) + modifier).startswith(self.company_names):
            return False  # 宁德时代产业园: a company's park
        provinces_only = all(p.place is not None and p.place.kind == "province" for p in named)
        if not types[-1].city_alone and not modifier and all(p.place is not None and p.place.kind != "county" for p in named):
            return False  # 银川市产业园区: the city's parks together
        if _city_zones_together(parts, modifier, types):
            return False  # 重庆市开发区条例, 宜春市开发区综合考核: the city's zones together
        return not (provinces_only and not modifier and not types[-1].province_alone)


_PRESENT_NAME_GLOSS = re.compile(r"[（(]今[\u4e00-\u9fff]{2,8}[）)]")  # (今开州区): an old place's present name


def _city_zones_together(parts: tuple[Part, ...], modifier: str, types: tuple[ZoneType, ...]) -> bool:
    """A city written with its 市 and nothing else before a type that is then a collective (重庆市开发区)."""
    named = [p for p in parts if p.role != "qualifier"]
    return not types[-1].suffixed_city_alone and not modifier and bool(named) and all(_suffixed_city(p) for p in named)


def _suffixed_city(part: Part) -> bool:
    """A city written with its 市 (重庆市, 宜春市), not its stem (重庆, 宜春)."""
    return part.place is not None and part.place.kind in ("province", "city") and part.text == part.place.name != part.place.stem


@dataclass(frozen=True)
class _TypeEntry:
    """zone_words.toml [[type]]: one zone type and its spellings (see the file for each key)."""

    spellings: tuple[str, ...]
    canonical: str
    zone_type: str
    generic: bool = False
    province_alone: bool = False
    max_modifier: int = MAX_MODIFIER
    registry_only: bool = False
    city_alone: bool = True
    stands_for: tuple[str, ...] = ()
    suffixed_city_alone: bool = True
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Names:
    names: tuple[str, ...]
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Stems:
    stems: tuple[str, ...]
    counter_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Modifiers:
    words: tuple[str, ...]
    examples: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()  # words that are no name only as the whole modifier
    body_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Chars:
    chars: str


@dataclass(frozen=True)
class _Cues:
    cues: tuple[str, ...]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Pairs:
    pairs: str  # traditional and simplified character, two by two


@dataclass(frozen=True)
class _TextCase:
    text: str
    name: str


@dataclass(frozen=True)
class _CompanyParks:
    """zone_words.toml [company_parks]: a park named after a company the text names is the company's."""

    suffix: str  # a regular expression: the end of a company's name (有限公司, 集团 …)
    max_gap: int  # name characters between the park's words and that suffix
    before: str  # characters that may stand right before the company's name and end no name themselves
    examples: tuple[_TextCase, ...] = ()
    counter_examples: tuple[_TextCase, ...] = ()


@dataclass(frozen=True)
class _ListedParts:
    """zone_words.toml [listed_parts]: the parks a 一区N园 sentence lists are its zone's sub-parks."""

    cue: str  # a regular expression: 一区四园, 一区多园
    ends: tuple[str, ...]  # how a listed part's name ends (园区, 园)
    max_chars: int
    min_items: int
    openers: tuple[str, ...]  # words after which a list's first part starts (分为, 包括)
    examples: tuple[_TextCase, ...] = ()
    counter_examples: tuple[_TextCase, ...] = ()


@dataclass(frozen=True)
class _DocumentZone:
    """zone_words.toml [document_zone]: a page about one zone that names it only by its kind."""

    words: tuple[str, ...]
    min_count: int
    after: tuple[str, ...]  # words a clause may open with before the kind word (其中经济开发区实现…)
    not_before: str  # characters after the kind word that make it an item of a list of kinds
    examples: tuple[_TextCase, ...] = ()
    counter_examples: tuple[_TextCase, ...] = ()


@dataclass(frozen=True)
class _ZoneWords:
    """zone_words.toml: an entry's key is its field's name."""

    type: tuple[_TypeEntry, ...]
    qualifiers: dict[str, str]  # 国家级 = "national": a word between place and type, and the level it says
    proper_names: _Names
    not_place_stems: _Stems
    company_names: _Names
    company_parks: _CompanyParks
    listed_parts: _ListedParts
    document_zone: _DocumentZone
    generic_modifiers: _Modifiers
    function_chars: _Chars
    short_name_cues: _Cues
    traditional: _Pairs


@cache
def zone_words() -> _ZoneWords:
    """zone_words.toml, read once (the vocabulary below, and the mention finder's cues)."""
    return load("zone_words.toml", _ZoneWords)


@cache
def vocabulary() -> Vocabulary:
    """The packaged vocabulary (zone_words.toml, places.csv)."""
    words = zone_words()
    types = [
        ZoneType(
            spelling,
            entry.canonical,
            entry.zone_type,
            entry.generic,
            entry.province_alone,
            entry.max_modifier,
            entry.registry_only,
            entry.city_alone,
            tuple(entry.stands_for),
            entry.suffixed_city_alone,
        )
        for entry in words.type
        for spelling in entry.spellings
    ]
    tokens: dict[str, Part] = {}
    excluded = set(words.not_place_stems.stems)
    for place in places():
        for spelling in {place.name, place.stem}:
            if len(spelling) >= 2 and spelling not in excluded:
                tokens[spelling] = Part(spelling, "place", _merged(tokens.get(spelling), place))
    for name in words.proper_names.names:
        tokens.setdefault(name, Part(name, "proper"))
    for qualifier, level in words.qualifiers.items():
        tokens[qualifier] = Part(qualifier, "qualifier", level=level)
    pairs = words.traditional.pairs.split()
    return Vocabulary(
        types=types,
        tokens=tokens,
        function_chars=frozenset(words.function_chars.chars),
        generic_modifiers=words.generic_modifiers.words,
        short_name_cues=tuple(sorted(words.short_name_cues.cues, key=len, reverse=True)),
        traditional={ord(p[0]): ord(p[1]) for p in pairs if len(p) == 2},
        company_names=words.company_names.names,
        bodies=frozenset(words.generic_modifiers.bodies),
    )


def _merged(known: Part | None, place: Place) -> Place:
    """A stem several places share keeps the most telling one (see ``_rank``); 铁西 of two cities keeps neither city."""
    if known is None or known.place is None:
        return place
    other = known.place
    best = min(place, other, key=_rank)
    if best.kind != "county":
        return best
    same_province = other.province == place.province
    same_city = same_province and other.city == place.city
    return Place(best.name, best.stem, best.kind, best.province if same_province else "", best.city if same_city else "")


def _rank(place: Place) -> int:
    """吉林 is the city 吉林市 before the province; 海南 is the province before 海南藏族自治州."""
    if place.kind == "city" and place.name == place.stem + "市":
        return 0
    return {"province": 1, "city": 2, "county": 3}[place.kind]


@cache
@cache
def places() -> tuple[Place, ...]:
    """The places of extractor/data/places.csv (province and city by their short names), read once: the one reader
    of that file (the rules' subjects and initiatives take their place names from here)."""
    rows = csv_rows("places.csv")
    current = tuple(Place(r["name"], r["stem"], r["kind"], short_place_name(r["province"]), short_place_name(r["city"])) for r in rows)
    return current + _renamed(current)


def _renamed(current: tuple[Place, ...]) -> tuple[Place, ...]:
    """The old names of renamed places (place_renames.csv: 开县 → 开州区), each with its new place's stem, so that a
    zone named by the old one (開縣(今開州區)工業園區) has the new one's key (开州工业园区)."""
    by_name = {place.name: place for place in current}
    return tuple(
        Place(r["old_name"], new.stem, new.kind, new.province, new.city)
        for r in csv_rows("place_renames.csv")
        if (new := by_name.get(r["new_name"])) is not None
    )


def trie_pattern(words: Iterable[str]) -> str:
    """One regex for a set of literal words, factored by prefix (高新(?:技术…|园区|区)), longest first.

    A plain alternation tries every word at every position; a trie tries one branch per
    character, so matching costs the same however many spellings a vocabulary has.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: longer words first (greedy), then stop
        return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else f"{body}?"
    return body


_CHINA_WRAPPED = re.compile(r"^中国[（(]([\u4e00-\u9fff]{2,4})[)）]")
CHINA_WRAPPED_BEFORE = re.compile(r"中国[（(][\u4e00-\u9fff]{2,4}[)）]$")  # 中国（上海） right before a type word


def unwrap_china(prefix: str) -> str:
    """中国（上海） → 上海: official names of free trade zones put the place in brackets."""
    return _CHINA_WRAPPED.sub(r"\1", prefix)


def short_place_name(name: str) -> str:
    """Province and city as analysts write them: 山东, 威海 (not 山东省, 威海市)."""
    for suffix in ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市", "地区", "盟"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name
