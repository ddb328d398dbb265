"""Parks: zone names (南昌高新区, 长春新区高新技术产业开发区, 宁夏永宁工业园区) and their aliases."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ...models import Evidence, Park

# Longest first, so 高新技术产业开发区 wins over 开发区.
ZONE_SUFFIXES = (
    "高新技术产业开发区", "高新技术产业园区", "高技术产业开发区", "经济技术开发区", "经济开发区",
    "改革创新示范区", "高新区", "经开区", "开发区", "工业园区", "产业园区", "示范区", "工业园", "产业园",
)
_SHORT_FORMS = {
    "高新技术产业开发区": "高新区", "高新技术产业园区": "高新区", "高技术产业开发区": "高新区",
    "经济技术开发区": "经开区", "经济开发区": "经开区",
}
# A name's own characters: Chinese, Latin, and a parenthesised part (泰州医药高新区(高港区)).
_NAME_CHARS = r"[\u4e00-\u9fffA-Za-z]"
_PARK = re.compile(
    rf"{_NAME_CHARS}{{2,16}}?(?:{'|'.join(ZONE_SUFFIXES)})(?:[(（][\u4e00-\u9fff]{{2,5}}区[)）])?"
)
# Words that end the text before a name: a name starts after the last of them.
_LEADING_WORDS = re.compile(
    r".*(?:位于|落户|入驻|来到|走进|依托|推动|支持|围绕|聚焦|引进|获批|成为|加快|打造|建设|发布|召开|举行|"
    r"显示|介绍|表示|认为|作为|通过|全国|全省|全市|国家级|省级|首批|国家|这里|其中|目前|同时|此外|"
    r"[在于与和及为将把的了是对从向让由被以并而或也都还就已又再有个家这该其各等共])",
)
_GENERIC = {
    "高新区", "经开区", "开发区", "园区", "工业园区", "产业园区", "示范区", "产业园", "工业园",
    "全区", "辖区", "城区", "本区", "新区",
}
_NOT_A_PLACE = re.compile(r"^(?:全|各|本|该|两|多|国家|省|市|区|县|所在|相关|重点|特色|专业|周边|优质|新)")


@dataclass(frozen=True)
class ParkMention:
    name: str
    start: int
    end: int


def find_park_mentions(text: str, start: int = 0, end: int | None = None) -> list[ParkMention]:
    """Every zone name in text[start:end], trimmed of the words that run into it."""
    end = len(text) if end is None else end
    mentions = []
    for match in _PARK.finditer(text, start, end):
        name, offset = _trim(match.group())
        if name:
            mentions.append(ParkMention(name, match.start() + offset, match.end()))
    return mentions


def _trim(candidate: str) -> tuple[str, int]:
    lead = _LEADING_WORDS.match(candidate)
    offset = lead.end() if lead and lead.end() < len(candidate) else 0
    name = candidate[offset:]
    suffix = next((s for s in ZONE_SUFFIXES if name.endswith(s)), "")
    prefix = name[: len(name) - len(suffix)] if suffix else name
    if name in _GENERIC or len(prefix) < 2 or _NOT_A_PLACE.match(name):
        return "", offset
    return name, offset


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
        evidence = Evidence(start=first.start, end=first.end, text=text[first.start:first.end])
        parks.append(Park(name=canonical, aliases=group[1:], evidence=evidence))
    return parks


def _same_park(core: str, other: str) -> bool:
    if core == other:
        return True
    shorter, longer = sorted((core, other), key=len)
    # 湖北随州高新区 is 随州高新区 with its province; 国家高新区 is not every 高新区.
    return longer.endswith(shorter) and len(shorter) >= 5
