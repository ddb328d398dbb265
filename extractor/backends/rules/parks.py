"""Parks: zone names (南昌高新区, 长春新区高新技术产业开发区, 宁夏永宁工业园区) and their aliases."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...models import Evidence, Park
from .spans import runs_ending_in

# Longest first, so 高新技术产业开发区 wins over 开发区.
ZONE_SUFFIXES = (
    "高新技术产业开发区",
    "高新技术产业园区",
    "高技术产业开发区",
    "经济技术开发区",
    "经济开发区",
    "改革创新示范区",
    "高新区",
    "经开区",
    "开发区",
    "工业园区",
    "产业园区",
    "示范区",
    "工业园",
    "产业园",
)
_SHORT_FORMS = {
    "高新技术产业开发区": "高新区",
    "高新技术产业园区": "高新区",
    "高技术产业开发区": "高新区",
    "经济技术开发区": "经开区",
    "经济开发区": "经开区",
}
# A name's own characters: Chinese, Latin, and a parenthesised part (泰州医药高新区(高港区)).
_NAME_CHARS = r"[\u4e00-\u9fffA-Za-z]"
_ZONE_ENDING = re.compile(
    rf"(?:{'|'.join(ZONE_SUFFIXES)})(?!高新技术|经济技术|高新区|开发区|经开区)(?:[(（][\u4e00-\u9fff]{{2,5}}区[)）])?"
)
# Words after which a name can start: a spelling counts as a park name only where it
# stands clean, after punctuation or one of these, somewhere in the document.
_LEAD_WORDS = (
    "位于",
    "落户",
    "来到",
    "走进",
    "依托",
    "其中",
    "目前",
    "同时",
    "此外",
    "近日",
    "日前",
    "今年",
    "去年",
    "近年来",
    "截至目前",
    "作为",
    "显示",
    "获悉",
    "据",
    "在",
    "于",
    "从",
    "与",
    "和",
    "及",
    "对",
    "将",
    "把",
    "让",
    "是",
    "由",
    "向",
    "为",
    "以",
    "等",
    "被",
    "给",
    "至",
    "到",
    "经",
    "了",
    "的",
)
_NOT_A_PLACE = re.compile(
    r"^(?:全|各|本|该|两|多|个|家|座|批|中国|国家|国内|省|市|区|县|所在|相关|重点|特色|专业|周边|优质|新区|新型|首批|同类|其他|一批|这|那|每|"
    r"助力|谱写|完善|设立|促进|帮助|引领|率先|成为|建设|谋划|标志|推动|支持|打造|发展|实现|加快|聚焦|围绕|服务|带动|培育|"
    r"位列|数量|图为|生物|领域)"
)
_FUNCTION_CHARS = re.compile(r"[了的在是为将把被对从与和及向让由以并而或也都还就已又再有这该其各等]")
_MAX_WEAK_PREFIX = 5  # a long run that only starts at punctuation is likely a headline glued to a name
_GENERIC = {"高新区", "经开区", "开发区", "园区", "工业园区", "产业园区", "示范区", "产业园", "工业园"}
# Every place a lead word ends (overlapping matches: 位于 and 于 both count).
_LEAD_WORD = re.compile("(?=(" + "|".join(sorted(_LEAD_WORDS, key=len, reverse=True)) + "))")
_ZONE_AT_END = re.compile(f"(?:{'|'.join(ZONE_SUFFIXES)})(?:[(（][\u4e00-\u9fff]{{2,5}}区[)）])?$")


@dataclass(frozen=True)
class ParkMention:
    name: str
    start: int
    end: int


def find_park_mentions(text: str, start: int = 0, end: int | None = None, clean_names: set[str] | None = None) -> list[ParkMention]:
    """Every zone name in text[start:end].

    OCR glues headlines, captions and bylines onto names (刘文研西安高新区), so
    a candidate keeps the shortest spelling that stands clean here or anywhere
    in the document (``clean_names``).
    """
    end = len(text) if end is None else end
    if clean_names is None:
        clean_names = clean_park_names(text)
    mentions = []
    for _run_start, run_end, candidate in _candidates(text, start, end):
        spellings = _spellings(candidate)
        # The shortest clean spelling: 正值内江高新区 and 湖北随州高新区 are 内江高新区 and 随州高新区.
        clean = [name for name, here in spellings if (here and _is_place(name)) or name in clean_names]
        chosen = clean[-1] if clean else ""
        if chosen:
            mentions.append(ParkMention(chosen, run_end - len(chosen), run_end))
    return mentions


def clean_park_names(text: str) -> set[str]:
    """Spellings that stand clean (after punctuation or a lead word) somewhere in the text."""
    names = set()
    for run_start, _run_end, candidate in _candidates(text, 0, len(text)):
        at_boundary = run_start == 0 or not _is_name_char(text[run_start - 1])
        for name, clean in _spellings(candidate):
            weak = at_boundary and name == candidate and len(_prefix(name)) <= _MAX_WEAK_PREFIX
            if (clean or weak) and _is_place(name):
                names.add(name)
    return names


def _candidates(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    return runs_ending_in(text, start, end, _ZONE_ENDING, _NAME_CHARS, 2, 16)


@lru_cache(maxsize=4096)
def _spellings(candidate: str) -> list[tuple[str, bool]]:
    """Suffixes of a candidate that are still names, longest first, each with: does a lead word precede it?"""
    suffix = _ZONE_AT_END.search(candidate)
    suffix_start = suffix.start() if suffix else len(candidate)
    after_lead = {match.end(1) for match in _LEAD_WORD.finditer(candidate)}
    return [(candidate[index:], index in after_lead) for index in range(0, max(0, suffix_start - 1))]


def _prefix(name: str) -> str:
    name = re.sub(r"[(（].*?[)）]$", "", name)
    suffix = next((s for s in ZONE_SUFFIXES if name.endswith(s)), "")
    return name[: len(name) - len(suffix)]


def _is_place(name: str) -> bool:
    prefix = _prefix(name)
    return (
        name not in _GENERIC
        and len(prefix) >= 2
        and not _NOT_A_PLACE.match(name)
        and not name.startswith(_LEAD_WORDS)
        and not _FUNCTION_CHARS.search(prefix)
    )


def _is_name_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or (char.isascii() and char.isalpha())


def core_name(name: str) -> str:
    """One key per park for its spellings: 望城经济技术开发区 and 长沙望城经开区 share 望城经开区."""
    name = re.sub(r"[(（].*?[)）]$", "", name)
    for long_form, short_form in _SHORT_FORMS.items():
        if name.endswith(long_form):
            return name[: -len(long_form)] + short_form
    return name


def collect_parks(mentions: list[ParkMention], text: str) -> list[Park]:
    """Group mentions into parks: spellings that share a core, or where one ends with the other."""
    counts = Counter(m.name for m in mentions)
    groups: list[list[str]] = []
    for name in sorted(counts, key=lambda n: (-counts[n], len(n))):
        core = core_name(name)
        for group in groups:
            if any(_same_park(core, core_name(other)) for other in group):
                group.append(name)
                break
        else:
            groups.append([name])
    parks = []
    for group in groups:
        canonical = group[0]
        first = next(m for m in mentions if m.name == canonical)
        evidence = Evidence(start=first.start, end=first.end, text=text[first.start : first.end])
        parks.append(Park(name=canonical, aliases=group[1:], evidence=evidence))
    return parks


def _same_park(core: str, other: str) -> bool:
    if core == other:
        return True
    shorter, longer = sorted((core, other), key=len)
    # 湖北随州高新区 is 随州高新区 with its province; 国家高新区 is not every 高新区.
    return longer.endswith(shorter) and len(shorter) >= 5
