"""Zone mentions: zone names (成都高新区, 武汉东湖新技术开发区, 宁夏永宁工业园区) found from their type word back.

What a name is made of lives in extractor/domain/zonenames.py and its data files; here the
names are found in a text (the rules backend's parks and identity.py's spellings both
read them): each chain of type words, the run of name characters
before it, and where in that run the name starts (at a place or proper name). Names
with no place in them (蒙苏经开区) count where the document or the registry knows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..frozen import quick_init
from .firstchars import first_char_guard
from .registry import registry
from .spans import runs_ending_in
from .zonenames import CHINA_WRAPPED_BEFORE, Vocabulary, ZoneName, places, zone_words

_NAME_CHARS = r"[\u4e00-\u9fffA-Za-z]"
_MAX_PREFIX = 16  # 内蒙古鄂尔多斯市伊金霍洛旗蒙苏 is 15


@quick_init
@dataclass(frozen=True)
class ParkMention:
    name: str
    start: int
    end: int
    key: str = ""  # the identity key of the spelling (zonenames.ZoneName.key), the spelling itself if unparsed
    parent: str = ""  # a listed part of a 一区N园 zone: the park_id of that zone ("" unknown or none)


def find_park_mentions(text: str, start: int = 0, end: int | None = None, clean_names: set[str] | None = None) -> list[ParkMention]:
    """Every zone name in text[start:end].

    ``clean_names``: spellings the document or the registry knows as names
    (``clean_park_names``); they count even without a place in them.
    """
    end = len(text) if end is None else end
    words = _words()
    known = clean_park_names(text) if clean_names is None else clean_names
    page = _page(text, words)
    mentions = []
    for run_start, run_end, run in page.runs(start, end):
        mention = page.mention(run_start, run_end, run, known)
        if mention is None and mentions and mentions[-1].end == run_start and _names_a_park_in(mentions[-1], run, words):
            # 杭州未来科技城省级高新技术产业园区: an unregistered area's name, a level and a type right after it name
            # one zone, the park created in it (获批创建), not the area alone
            whole = mentions.pop()
            name = text[whole.start : run_end]
            mention = ParkMention(name, whole.start, run_end, words.simplify(name))
        if mention is not None:
            if mentions and mentions[-1].end == mention.start and _part_of(mention, mentions[-1]):
                whole = mentions.pop()
                mention = ParkMention(text[whole.start : mention.end], whole.start, mention.end, mention.key)
            mentions.append(mention)
    return _with_document_zone(page, start, end, _with_listed_parts(page, start, end, mentions))


def _with_document_zone(page: _Page, start: int, end: int, mentions: list[ParkMention]) -> list[ParkMention]:
    """The mentions, with the page's own zone where the page names it only by its kind (zone_words.toml
    [document_zone]): 经开区 opening clause after clause on a 新乡 page is the 新乡经开区, a park of the page."""
    rule = zone_words().document_zone
    opening = _kind_opening(rule.words, rule.after, rule.not_before)
    found: dict[str, list[re.Match[str]]] = {}
    for match in opening.finditer(page.shadow, start, end):
        if match.start() == 0 or not re.match(_NAME_CHARS, page.shadow[match.start() - 1]):  # 全省高新区 is no opening
            found.setdefault(match.group("kind"), []).append(match)
    for kind, matches in found.items():
        ending = next((t.canonical for t in page.words.types if t.spelling == kind), "")
        if len(matches) < rule.min_count or not ending:
            continue
        if any(m.key.endswith(ending) for m in mentions) or _page_names_a_zone_of(page, ending):
            continue  # the page names its zone of that kind (南昌经开区 … 经开区): the bare word is that zone's
        first = matches[0]
        name = page.text[first.start("kind") : first.end("kind")]
        mention = ParkMention(name, first.start("kind"), first.end("kind"), _page_zone_key(page.shadow, ending, kind))
        mentions = sorted([*mentions, mention], key=lambda m: m.start)
    return mentions


def _page_names_a_zone_of(page: _Page, ending: str) -> bool:
    """Whether the page names a zone of this kind anywhere (a caller may ask about one window of it only: an
    initiative's owner, an article): 西安高新区 in its title makes a later 高新区 that zone's, never a zone of its own."""
    return any(
        (mention := page.mention(run_start, run_end, run, _NO_NAMES)) is not None and mention.key.endswith(ending)
        for run_start, run_end, run in page.runs(0, len(page.shadow))
    )


@cache
def _kind_opening(words: tuple[str, ...], after: tuple[str, ...], not_before: str) -> re.Pattern[str]:
    """A kind word opening a clause, with the opener word before it if any (the caller checks the character before)."""
    kinds = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    openers = "|".join(map(re.escape, after))
    pattern = rf"(?:{openers})?(?P<kind>{kinds})(?![{re.escape(not_before)}])(?={_NAME_CHARS})"
    return first_char_guard(pattern)  # scanned over every window of every page: only where a match can start


def _page_zone_key(shadow: str, ending: str, kind: str) -> str:
    """The registry key of the zone of this kind of the one place the page names that has one, else the kind."""
    zones = registry()
    keys = {p.stem + ending for p in places() if len(p.stem) >= 2 and p.stem in shadow and zones.find(p.stem + ending)}
    keys = {k for k in keys if not any(o != k and o.endswith(k) for o in keys)}  # 满洲里 over 洲里 if both were places
    return keys.pop() if len(keys) == 1 else kind


_SENTENCE = re.compile(r"[^。！？；!?;\n]+")
_BRACKET_TAIL = re.compile(r"[(（][^()（）]*[)）]$")


def _with_listed_parts(page: _Page, start: int, end: int, mentions: list[ParkMention]) -> list[ParkMention]:
    """The mentions, with the parks a 一区N园 sentence lists (zone_words.toml [listed_parts]): sub-parks whose
    names need no place, for the sentence says what they are; each carries the zone named before it as parent."""
    rule = zone_words().listed_parts
    cue = _listed_cue(rule.cue)
    if cue.search(page.shadow, start, end) is None:  # most pages: one search, nothing more
        return mentions
    found = []
    for sentence in _SENTENCE.finditer(page.shadow, start, end):
        at = cue.search(sentence.group())
        if at is None:
            continue
        parts = _listed_part_spans(page.shadow, sentence.start() + at.end(), sentence.end())
        if len(parts) >= rule.min_items:
            parent = _zone_before(mentions, sentence.start() + at.start())
            found += [_listed_part(page, part_start, part_end, parent) for part_start, part_end in parts]
    if not found:
        return mentions
    taken = [(m.start, m.end) for m in found]
    kept = [m for m in mentions if not any(m.start < e and s < m.end for s, e in taken)]
    return sorted([*kept, *found], key=lambda m: m.start)


@cache
def _listed_cue(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _listed_part_spans(shadow: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each park a list names in shadow[start:end]: the pieces between 、, each cut before 等 and a
    bracketed alias; a piece that is more than a name (the first, or one where a list begins after a comma) from its
    last comma, colon or opener word and its last function character."""
    rule = zone_words().listed_parts
    spans = []
    piece_start = start
    for index, piece in enumerate(shadow[start:end].split("、")):
        text = _BRACKET_TAIL.sub("", piece.split("等")[0]).rstrip()
        whole = index > 0 and re.fullmatch(f"{_NAME_CHARS}+", text) is not None  # a later part: the whole piece
        first = 0 if whole else _first_part_start(text, rule.openers)
        name = text[first:]
        if _is_listed_part(name):
            spans.append((piece_start + first, piece_start + len(text)))
        piece_start += len(piece) + 1
    return spans


def _first_part_start(text: str, openers: tuple[str, ...]) -> int:
    """Where the first part of a list starts in its piece: after the words that introduce the list."""
    at = max([text.rfind(c) + 1 for c in "，,：:”\"" ] + [text.rfind(o) + len(o) for o in openers if o in text])
    stops = zone_words().function_chars.chars
    stop = len(text)
    while stop > at and text[stop - 1] not in stops:
        stop -= 1
    return stop


def _is_listed_part(name: str) -> bool:
    """A listed park's name: name characters only, a type end (园区, 园) after two or more of its own, not too long,
    and no collective's modifier before the end (特色园区)."""
    rule = zone_words().listed_parts
    body = next((name[: -len(e)] for e in rule.ends if name.endswith(e)), "")
    return (
        len(body) >= 2
        and len(name) <= rule.max_chars
        and re.fullmatch(f"{_NAME_CHARS}+", name) is not None
        and body not in zone_words().generic_modifiers.words
    )


def _zone_before(mentions: list[ParkMention], at: int) -> str:
    """The park_id of the last registered zone named before ``at`` (the zone a 一区N园 sentence is about)."""
    zones = registry()
    for mention in reversed([m for m in mentions if m.end <= at]):
        zone = zones.find(mention.key)
        if zone is not None:
            return zone.park_id
    return ""


def _listed_part(page: _Page, part_start: int, part_end: int, parent: str) -> ParkMention:
    name = page.text[part_start:part_end]
    parsed = page.words.parse(name)
    key = parsed.key if parsed is not None else page.words.simplify(name)
    zone = registry().find(key)
    return ParkMention(name, part_start, part_end, key, "" if zone is not None else parent)


def _names_a_park_in(area: ParkMention, run: str, words: Vocabulary) -> bool:
    """Whether run, right after an area the registry does not know (未来科技城), is only a level and a type
    (省级高新技术产业园区): the rest of the name of a park created in that area. After a registered zone the
    words are its title in apposition (苏州工业园区国家级经开区), and the zone stays itself."""
    return registry().find(area.key) is None and _qualified_type(words).fullmatch(run) is not None


_qualified: list[tuple[Vocabulary, re.Pattern[str]]] = []  # the last vocabulary's pattern (a vocabulary is unhashable)


def _qualified_type(words: Vocabulary) -> re.Pattern[str]:
    """A level and a chain of type words, nothing else, made once per vocabulary."""
    if not _qualified or _qualified[0][0] is not words:
        levels = sorted((t for t, part in words.tokens.items() if part.role == "qualifier"), key=len, reverse=True)
        _qualified[:] = [(words, re.compile(f"(?:{'|'.join(map(re.escape, levels))})(?:{words.type_chain.pattern})"))]
    return _qualified[0][1]


def _part_of(part: ParkMention, whole: ParkMention) -> bool:
    """A registered part named right after its whole (湖北自贸区武汉片区, 西宁经济技术开发区东川工业园区): one name, the part's."""
    zones = registry()
    inner, outer = zones.find(part.key), zones.find(whole.key)
    if inner is None or outer is None or not inner.parent_id:
        return False
    parent = inner
    while parent is not None and parent.parent_id:
        if parent.parent_id == outer.park_id:
            return True
        parent = zones.zone(parent.parent_id)
    return False


class KnownNames(set):
    """The document's clean names, and the registry's spellings looked up in place (never copied: the registry is large)."""

    def __init__(self, registered: frozenset[str]) -> None:
        super().__init__()
        self._registered = registered

    def __contains__(self, spelling: object) -> bool:
        return spelling in self._registered or set.__contains__(self, spelling)


def clean_park_names(text: str) -> set[str]:
    """Spellings known as names in this document: each anchored name, its short form, its defined short name, the registry's.

    Made once per page (the identities and the rules backend both ask): callers only read it.
    """
    words = _words()
    page = _page(text, words)
    if page.clean_names is None:
        page.clean_names = _clean_park_names(text, words, page)
    return page.clean_names


def _clean_park_names(text: str, words: Vocabulary, page: _Page) -> set[str]:
    names = KnownNames(registry().spellings)
    for run_start, run_end, run in page.runs(0, len(page.shadow)):
        mention = page.mention(run_start, run_end, run, _NO_NAMES)
        if mention is not None:
            parsed = words.parse(mention.name)
            names.add(words.simplify(mention.name))
            if parsed is not None and parsed.core:
                names.add(parsed.core + "".join(t.spelling for t in parsed.types))  # 伊金霍洛旗蒙苏经开区 → 蒙苏经开区
    names.update(alias for alias, _ in short_name_definitions(text))
    names.update(words.simplify(m.name) for m in _with_listed_parts(page, 0, len(text), []))  # 流平寺工业园区 again later
    return names


@dataclass(frozen=True)
class _Reading:
    """What a run says of its zone name whatever names the caller knows: where the name starts when a place,
    a proper name or 中国（…） starts it (``named``), else the prefix before its type words, whose longest known
    spelling the caller's names decide (蒙苏经开区)."""

    prefix: str
    types: tuple
    named: _Named | None


@dataclass(frozen=True)
class _Named:
    mention: ParkMention | None  # None: a company's plant (郑州比克产业园 beside 比克电池有限公司)
    unregistered_part: bool  # a registry-only type (片区) whose key the registry lacks: the caller's names must hold it
    simplified: str


def _reading(words: Vocabulary, text: str, run_start: int, run_end: int, run: str) -> _Reading | None:
    chain = words.type_chain.search(run)
    if chain is None:
        return None
    prefix = run[: chain.start()]
    types, _tail = words.split_types(chain.group())
    found = words.name_start(prefix, types)
    wrapped = CHINA_WRAPPED_BEFORE.search(text, max(0, run_start - 8), run_start) if not prefix else None
    if found is not None and _inside_a_longer_place(text, run_start + found[0], run_start):
        return _Reading(prefix, types, None)  # 黑龙江开发区: the province's zones, not 龙江县's 龙江开发区
    if found is not None:
        return _Reading(prefix, types, _named(words, text, run_start + found[0], run_end, types))
    if wrapped is not None:  # 中国（上海）自由贸易试验区
        return _Reading(prefix, types, _named(words, text, wrapped.start(), run_end, types))
    return _Reading(prefix, types, None)


def _with_known(
    words: Vocabulary,
    text: str,
    shadow: str,
    span: tuple[int, int, str],
    reading: _Reading | None,
    known: set[str],
) -> ParkMention | None:
    run_start, run_end, run = span
    if reading is None:
        return None
    named = reading.named
    if named is None and (start := _across_dash(shadow, run_start, run_end, reading.types)) is not None:
        named = _named(words, text, start, run_end, reading.types)  # 中国老挝磨憨—磨丁经济合作区
    if named is None and not reading.prefix and (glossed := _glossed(words, text, shadow, run_start, run_end)) is not None:
        return glossed  # 开县(今开州区)工业园区
    if named is None:  # no place: the longest spelling the document or the registry knows (蒙苏经开区)
        offset = next((i for i in range(len(reading.prefix) - 1) if run[i:] in known), None)
        if offset is None:
            return None
        named = _named(words, text, run_start + offset, run_end, reading.types)
    if named.unregistered_part and named.simplified not in known:
        return None  # 光谷片区: a district of a plan, not a registered free trade zone area
    return named.mention


def _named(words: Vocabulary, text: str, name_start: int, run_end: int, types: tuple) -> _Named:
    """The mention of the name from ``name_start``, before the caller's known names are asked about it."""
    name_start = _without_repeated_place(text, _with_partner_place(text, name_start))
    name = text[name_start:run_end]
    parsed = words.parse(name)
    key = parsed.key if parsed is not None else words.simplify(name)
    if parsed is not None and registry().find(key) is None and (listed := registry().find_spelling(name)) is not None:
        key = listed.name  # a key two zones share (苏州综保区): the listed spelling says which zone, one group per zone
    unregistered_part = types[-1].registry_only and registry().find(key) is None
    if parsed is not None and registry().find(key) is None and _named_after_a_company(parsed, text):
        return _Named(None, unregistered_part, words.simplify(name))  # 郑州比克产业园 beside 比克电池有限公司: the company's plant
    return _Named(ParkMention(name, name_start, run_end, key), unregistered_part, words.simplify(name))


@dataclass(frozen=True)
class _CompanyCue:
    suffix: re.Pattern[str]
    max_gap: int
    before: str


@cache
def _company_cue() -> _CompanyCue:
    cue = zone_words().company_parks
    return _CompanyCue(re.compile(cue.suffix), cue.max_gap, cue.before)


def _named_after_a_company(parsed: ZoneName, text: str) -> bool:
    """Whether a park's own words start the name of a company the text names (zone_words.toml: company_parks).

    Read only for a park the registry does not know, and only where its words stand in the text.
    """
    own = parsed.text[: len(parsed.text) - len(parsed.tail) - sum(len(t.spelling) for t in parsed.types)]
    proper = "".join(p.text for p in parsed.parts if p.role == "proper") + parsed.modifier
    return any(_starts_a_company(stem, text) for stem in {own, proper} if len(stem) >= 2)


def _starts_a_company(stem: str, text: str) -> bool:
    cue = _company_cue()
    at = text.find(stem)
    while at >= 0:
        after = at + len(stem)
        gap = re.match(rf"{_NAME_CHARS}{{0,{cue.max_gap}}}?(?={cue.suffix.pattern})", text[after : after + cue.max_gap + 8])
        starts = at == 0 or not re.match(_NAME_CHARS, text[at - 1]) or text[at - 1] in cue.before
        if gap is not None and starts:
            return True
        at = text.find(stem, at + 1)
    return False


_QUOTES = "“”\"'‘’「」《》"


def short_name_definitions(text: str) -> list[tuple[str, str]]:
    """(short name, full name) for each 简称 definition: 天津经济技术开发区（以下简称“泰达”）.

    Read once per page (its clean names and its identities both ask): callers only read the list.
    """
    words = _words()
    page = _page(text, words)
    if page.definitions is None:
        page.definitions = _short_name_definitions(text, words)
    return page.definitions


def _short_name_definitions(text: str, words: Vocabulary) -> list[tuple[str, str]]:
    cue = "|".join(re.escape(c) for c in words.short_name_cues)
    pattern = re.compile(rf"[(（,，]?(?:{cue})[：:]?[{_QUOTES}]?([\u4e00-\u9fffA-Za-z]{{2,12}})[{_QUOTES}]?")
    definitions = []
    for match in pattern.finditer(text):
        before = find_park_mentions(text, max(0, match.start() - 40), match.start(), _NO_NAMES)
        if before and before[-1].end == match.start():
            alias = match.group(1)
            if alias != before[-1].name:
                definitions.append((alias, before[-1].name))
    return definitions


_NO_NAMES: frozenset[str] = frozenset()  # no spelling known: a name needs a place


@dataclass
class _Page:
    """What the zone names of one page are read from, made once per page (its articles, its identities and
    its initiatives all look for zone names in it, over ranges that overlap)."""

    text: str
    words: Vocabulary
    shadow: str  # the page with simplified name characters
    clean_names: set[str] | None = None
    definitions: list[tuple[str, str]] | None = None  # short_name_definitions of the page
    _mentions: dict[tuple[int, int, int], ParkMention | None] = field(default_factory=dict)
    _known: dict[int, object] = field(default_factory=dict)  # holds each known set, so its id names it for the page's life
    _runs: dict[tuple[int, int], list[tuple[int, int, str]]] = field(default_factory=dict)
    _readings: dict[tuple[int, int], _Reading | None] = field(default_factory=dict)

    def runs(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The runs of name characters before a chain of type words in shadow[start:end], found once per range
        (the whole page is read for its clean names and again for its identities)."""
        found = self._runs.get((start, end))
        if found is None:
            runs = runs_ending_in(self.shadow, start, end, self.words.type_chain, _NAME_CHARS, 0, _MAX_PREFIX)
            found = self._runs[start, end] = list(runs)
        return found

    def mention(self, run_start: int, run_end: int, run: str, known: set[str] | frozenset[str]) -> ParkMention | None:
        """``_mention`` of a run, read once per run and set of known names (callers never change a set once passed);
        what the run says whatever the names is read once per run (the identities, the clean names and the
        initiatives' owners each ask with names of their own)."""
        key = (run_start, run_end, id(known))
        if key not in self._mentions:
            self._known[id(known)] = known
            span = (run_start, run_end)
            if span not in self._readings:
                self._readings[span] = _reading(self.words, self.text, run_start, run_end, run)
            reading = self._readings[span]
            self._mentions[key] = _with_known(self.words, self.text, self.shadow, (run_start, run_end, run), reading, known)
        return self._mentions[key]


_last_page: list[_Page] = []


def _page(text: str, words: Vocabulary) -> _Page:
    """The current page's memo; a new page (or a new vocabulary) replaces it, so memory stays one page's."""
    if _last_page and _last_page[0].text is text and _last_page[0].words is words:
        return _last_page[0]
    page = _Page(text, words, words.simplify(text))
    _last_page[:] = [page]
    return page


def _words() -> Vocabulary:
    """The vocabulary with the registry's proper names (its names' modifiers and nicknames)."""
    return registry().vocabulary


_DASHES = "—－–-"
_LONGEST_PARTNER = 4  # characters of a partner place before a dash (内蒙古 …)


def _with_partner_place(text: str, name_start: int) -> int:
    """Where a name starts that a place and a dash join to (深圳—汕尾合作产业园, 中国—东盟…): the
    partner's place is part of it, so 汕尾合作产业园 is no name of its own, only a fragment."""
    if name_start < 2 or text[name_start - 1] not in _DASHES:
        return name_start
    dash = name_start - 1
    for size in range(min(_LONGEST_PARTNER, dash), 1, -1):
        if text[dash - size : dash] in _place_spellings():
            return dash - size
    return name_start


def _without_repeated_place(text: str, name_start: int) -> int:
    """A place printed twice in a row is a line that ended in it glued to a name that opens with it (a breadcrumb
    资讯中心 天津 before the title 天津开发区…, once line breaks are gone): the name starts at the second copy."""
    for size in range(_LONGEST_PARTNER, 1, -1):
        place = text[name_start : name_start + size]
        if place in _place_spellings() and text.startswith(place, name_start + size):
            return name_start + size
    return name_start


def _across_dash(shadow: str, run_start: int, run_end: int, types: tuple) -> int | None:
    """Where a zone name starts that a dash splits and whose part after the dash names no place of China: a
    registered spelling ending at the run (中国老挝磨憨—磨丁经济合作区, 中蒙二连浩特—扎门乌德经济合作区), else for a
    cross-border type a place of China before the dash (中国东兴—越南芒街跨境经济合作区: the partner is abroad)."""
    if run_start < 2 or shadow[run_start - 1] not in _DASHES:
        return None
    for spelling in _dashed_spellings():
        start = run_end - len(spelling)
        if start >= 0 and _undashed(shadow[start:run_end]) == spelling:
            return start
    if types[-1].zone_type != "border":
        return None
    dash = run_start - 1
    for size in range(min(_LONGEST_PARTNER, dash), 1, -1):
        if shadow[dash - size : dash] in _place_spellings():
            start = dash - size
            return start - 2 if shadow[start - 2 : start] == _CHINA else start
    return None


_GLOSS = re.compile(r"[（(]今[\u4e00-\u9fff]{2,8}[）)]$")  # (今开州区): a place's present name glossed after its old one


def _glossed(words: Vocabulary, text: str, shadow: str, run_start: int, run_end: int) -> ParkMention | None:
    """A zone named after a place whose present name a gloss gives (开县(今开州区)工业园区): the name reads through the
    gloss; its key is the old place's with the type (开县工业园区), which the place renames resolve."""
    gloss = _GLOSS.search(shadow, max(0, run_start - 12), run_start)
    if gloss is None:
        return None
    for size in range(min(_LONGEST_PARTNER, gloss.start()), 1, -1):
        place = shadow[gloss.start() - size : gloss.start()]
        if place in _place_spellings():
            parsed = words.parse(place + shadow[run_start:run_end])
            if parsed is None:
                return None
            start = gloss.start() - size
            return ParkMention(text[start:run_end], start, run_end, parsed.key)
    return None


_CHINA = "中国"  # a cross-border zone's name opens with the country (中国东兴—越南芒街…, 中国老挝磨憨—磨丁…)


def _undashed(spelling: str) -> str:
    return re.sub(f"[{_DASHES}]", "—", spelling)


@cache
def _dashed_spellings() -> tuple[str, ...]:
    """The registry's spellings with a dash in them (one dash form), longest first: the name reader reads a run
    of name characters, which a dash ends."""
    dashed = {_undashed(s) for zone in registry().all_zones for s in zone.spellings if re.search(f"[{_DASHES}]", s)}
    return tuple(sorted(dashed, key=len, reverse=True))


def _inside_a_longer_place(text: str, name_start: int, run_start: int) -> bool:
    """A name whose place begins inside a longer place printed before it in the same run (黑龙江开发区 read from 龙江,
    a county of it): the characters before belong to that place, so the name is the longer place's, not a zone of the
    shorter one's."""
    for before in range(1, min(_LONGEST_PARTNER, name_start - run_start) + 1):
        head = name_start - before
        if any(text[head : head + size] in _place_spellings() for size in range(before + 2, before + _LONGEST_PARTNER + 1)):
            return True
    return False


@cache
def _place_spellings() -> frozenset[str]:
    """Every place's full and short spelling of two characters or more, built once (asked for each name read)."""
    return frozenset(s for place in places() for s in (place.name, place.stem) if len(s) >= 2)
