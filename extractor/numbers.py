"""The grammar of Chinese quantities: 739.4亿元, 两亿元, 5万—20万元, 逾50亿元, 三分之一.

``cn2an`` converts Chinese numerals (十七, 两, 一百零五); this module adds what
it does not do: magnitude multipliers on decimals (2.5万亿), units, ranges,
fractions, 余/多 inside a quantity and the qualifier cues around it (约, 超,
以上 …). The same grammar serves the rules backend, which finds quantities,
and the validator, which re-parses what any backend claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

import cn2an

from .models import Qualifier

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A Chinese numeral starts with a digit or 十 (零部件 and 〇 are not numbers on their own).
CHINESE = r"(?:[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*)"
NUMBER = rf"(?:{ARABIC}|{CHINESE})"
MULTIPLIERS = {"万亿": 10**12, "千亿": 10**11, "千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4, "千": 10**3}
_MULTIPLIERS_LONGEST_FIRST = sorted(MULTIPLIERS, key=len, reverse=True)
MULTIPLIER = "|".join(_MULTIPLIERS_LONGEST_FIRST)

# Units as printed, each with the characters that must not follow it (年度 is not a duration).
_UNIT_GUARDS = {
    "个百分点": "",
    "百分点": "",
    "%": "",
    "‰": "",
    "美元": "",
    "欧元": "",
    "日元": "",
    "港元": "",
    "英镑": "",
    "元": "宇",
    "个工作日": "",
    "工作日": "",
    "个月": "",
    "小时": "",
    "分钟": "",
    "周": "年边末",
    "天": "然津下地",
    "年": "度代级初底末中前后",
    "万人次": "",
    "人次": "",
    "车次": "",
    "平方公里": "",
    "平方千米": "",
    "平方米": "",
    "立方米": "",
    "公顷": "",
    "亩": "",
    "公里": "",
    "千米": "",
    "米": "",
    "英寸": "",
    "千瓦时": "",
    "千瓦": "",
    "兆瓦": "",
    "吉瓦": "",
    "万吨": "",
    "吨": "",
    "标准箱": "",
    "倍": "",
    "家": "庭属长乡",
    "个": "体别性人",
    "项": "目",
    "条": "例件",
    "件": "",
    "人": "民才员口",
    "名": "单片义称牌",
    "位": "数于置",
    "台": "阶湾",
    "套": "",
    "辆": "",
    "栋": "",
    "幢": "",
    "座": "",
    "所": "以有属谓",
    "只": "有是要能需",
    "款": "",
    "类": "",
    "次": "",
    "场": "景所地",
    "户": "",
    "支": "持",
    "架": "构",
    "部": "门署分委长",
    "张": "",
    "间": "接",
    "床": "",
    "笔": "",
    "份": "额",
    "种": "子",
    "层": "次面",
    "例": "",
}
UNITS = sorted(_UNIT_GUARDS, key=len, reverse=True)
_UNIT_PATTERN = "|".join(
    re.escape(unit) + (f"(?![{guard}])" if guard else "") for unit, guard in ((unit, _UNIT_GUARDS[unit]) for unit in UNITS)
)
_RANGE_SEPARATOR = r"[—–\-~～至]"

# A single quantity: number, 余/多, multiplier, 余/多, unit (unit optional only after a multiplier).
# A single quantity needs a multiplier or a unit (a bare number is no measurement; parse_quantity reads it loosely).
_SINGLE = (
    rf"(?P<num>{NUMBER})(?P<fuzz>[余多])?"
    rf"(?:(?P<mult>{MULTIPLIER})(?P<fuzz2>[余多])?(?P<unit>{_UNIT_PATTERN})?|(?P<bare_unit>{_UNIT_PATTERN}))"
)
_RANGE = (
    rf"(?P<lo>{NUMBER})(?P<lo_mult>{MULTIPLIER})?(?P<lo_unit>{_UNIT_PATTERN})?"
    rf"{_RANGE_SEPARATOR}(?P<hi>{NUMBER})(?P<hi_mult>{MULTIPLIER})?(?P<hi_unit>{_UNIT_PATTERN})"
)
_FRACTION = rf"(?P<numer>\d+)/(?P<denom>\d+)(?![\d/])|(?P<cden>{CHINESE})分之(?P<cnum>{CHINESE}|{ARABIC})"
_PERCENT_WORDS = rf"百分之(?P<pct>{CHINESE}|{ARABIC})"
# 近万家, 上万人: a bare multiplier standing for one of it.
_VAGUE = rf"(?P<vcue>[近上逾超])(?P<vmult>万|千|百)(?P<vunit>{_UNIT_PATTERN})"

# The leading lookahead lets the engine skip, in one cheap test, the many positions where no quantity can start.
QUANTITY = re.compile(rf"(?=[\d一二两三四五六七八九十百近上逾超])(?:{_PERCENT_WORDS}|{_FRACTION}|{_RANGE}|{_VAGUE}|{_SINGLE})")

_CUES_BEFORE = sorted(
    [
        ("不超过", Qualifier.upper),
        ("不高于", Qualifier.upper),
        ("最高", Qualifier.upper),
        ("最多", Qualifier.upper),
        ("不足", Qualifier.upper),
        ("低于", Qualifier.upper),
        ("不低于", Qualifier.lower),
        ("不少于", Qualifier.lower),
        ("至少", Qualifier.lower),
        ("超过", Qualifier.lower),
        ("超出", Qualifier.lower),
        ("突破", Qualifier.lower),
        ("逾", Qualifier.lower),
        ("超", Qualifier.lower),
        ("大约", Qualifier.approx),
        ("接近", Qualifier.approx),
        ("将近", Qualifier.approx),
        ("约", Qualifier.approx),
        ("近", Qualifier.approx),
    ],
    key=lambda cue: -len(cue[0]),  # 不低于 before 低于
)
_CUES_AFTER = [
    ("以上", Qualifier.lower),
    ("之多", Qualifier.lower),
    ("多", Qualifier.lower),
    ("以下", Qualifier.upper),
    ("以内", Qualifier.upper),
    ("左右", Qualifier.approx),
    ("上下", Qualifier.approx),
]
_CUE_AFTER = re.compile("|".join(cue for cue, _ in _CUES_AFTER))
_QUALIFIER_OF_CUE_AFTER = dict(_CUES_AFTER)
_CUE_BEFORE = re.compile("(?:" + "|".join(cue for cue, _ in _CUES_BEFORE) + ")$")
_QUALIFIER_OF_CUE_BEFORE = dict(_CUES_BEFORE)
_CAP_WORD = re.compile("最高|最多")
_CLAUSE_BREAK = re.compile("[，。；,;]")
_CHINESE_START = re.compile(CHINESE)
_DURATION_UNITS = ("工作日", "月", "小时", "分钟", "周", "天", "年")


class Quantity(NamedTuple):
    """A parsed quantity, in the fields a Figure carries (a tuple: cheap to make by the thousand)."""

    value: float
    unit: str
    amount: float
    base_unit: str
    qualifier: Qualifier = Qualifier.exact
    value_high: float | None = None
    amount_high: float | None = None


class QuantityMatch(NamedTuple):
    """A quantity found in a text: the span of its value_text, and what it parses to."""

    start: int
    end: int
    value_text: str
    quantity: Quantity
    chinese: bool  # written in Chinese numerals (两个, 十七条)


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float:
    """Convert one numeral, Arabic or Chinese, to a float. Raises ValueError."""
    cleaned = text.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return float(cleaned)
    if cleaned == "两":
        return 2.0
    if len(cleaned) > 1 and not re.search("[十百千]", cleaned):
        raise ValueError(f"digit string, not a numeral: {text!r}")  # 一一, 二〇二三
    try:
        return float(cn2an.cn2an(cleaned.replace("两", "二"), "smart"))
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"not a number: {text!r}") from exc


@lru_cache(maxsize=1024)
def split_unit(unit: str) -> tuple[int, str]:
    """Split a printed unit into (multiplier, base unit): 万平方米 → (10000, 平方米)."""
    multiplier = 1
    for prefix in _MULTIPLIERS_LONGEST_FIRST:
        if unit.startswith(prefix) and unit != prefix + "米" and unit not in ("千瓦", "千瓦时", "千米"):
            multiplier, unit = MULTIPLIERS[prefix], unit[len(prefix) :]
            break
    else:
        if unit in MULTIPLIERS:
            return MULTIPLIERS[unit], ""
    if unit.startswith("个") and len(unit) > 1:
        unit = unit[1:]  # 个月 → 月, 个工作日 → 工作日, 个百分点 → 百分点
    return multiplier, unit


def _scaled(value: float, multiplier: int) -> float:
    return float(Decimal(repr(value)) * multiplier)


def _from_parts(number: str, mult: str, unit: str, fuzzy: bool) -> Quantity:
    value = parse_number(number)
    printed_unit = (mult or "") + (unit or "")
    multiplier, base_unit = split_unit(printed_unit)
    qualifier = Qualifier.lower if fuzzy else Qualifier.exact
    return Quantity(value, printed_unit, _scaled(value, multiplier), base_unit, qualifier)


def _ratio(numerator: float, denominator: float) -> Quantity | None:
    """1/3 and 三分之一 alike: a ratio rounded to four places, as the gold files give it."""
    if denominator == 0:
        return None
    value = round(numerator / denominator, 4)
    return Quantity(value, "ratio", value, "ratio")


def _quantity(match: re.Match[str]) -> Quantity | None:
    groups = match.groupdict()
    if groups["pct"]:
        value = parse_number(groups["pct"])
        return Quantity(value, "%", value, "%")
    if groups["numer"]:
        return _ratio(float(groups["numer"]), float(groups["denom"]))
    if groups["cden"]:
        return _ratio(parse_number(groups["cnum"]), parse_number(groups["cden"]))
    if groups["hi"]:
        high = _from_parts(groups["hi"], groups["hi_mult"], groups["hi_unit"], False)
        low_mult = groups["lo_mult"] or ("" if groups["lo_unit"] else groups["hi_mult"] or "")
        low = _from_parts(groups["lo"], low_mult, groups["hi_unit"], False)
        return Quantity(low.value, high.unit, low.amount, high.base_unit, Qualifier.range, high.value, high.amount)
    if groups["vmult"]:
        vague = _from_parts("1", groups["vmult"], groups["vunit"], False)
        qualifier = Qualifier.approx if groups["vcue"] == "近" else Qualifier.lower
        return Quantity(vague.value, vague.unit, vague.amount, vague.base_unit, qualifier)
    unit = groups["unit"] or groups["bare_unit"]
    return _from_parts(groups["num"], groups["mult"], unit, bool(groups["fuzz"] or groups["fuzz2"]))


@lru_cache(maxsize=8192)
def parse_quantity(value_text: str) -> Quantity | None:
    """Parse a whole value_text (739.4亿元, 5万—20万元, 三分之一, 第14位); None if it is not one.

    Besides the quantities the rules extract, a value_text may be a rank or a
    count the guide allows as an optional figure (第一, 前四, top20, 500强,
    三大, 32周年, 千亿级); the validator must be able to read those too.
    """
    text = value_text.strip()
    match = QUANTITY.fullmatch(text)
    try:
        if match is not None:
            return _quantity(match)
        return _loose_quantity(text)
    except ValueError:
        return None


# A rank or a count with any short word after it: 第14位, 前十名, top20, 500强, 三大, 两位数, 千亿级, 首位.
_LOOSE = re.compile(rf"(?:第|前|top|TOP|Top)?(?P<num>{NUMBER}|[千百]|首)(?P<mult>{MULTIPLIER})?(?P<word>[\u4e00-\u9fff]{{0,3}})")


def _loose_quantity(text: str) -> Quantity | None:
    match = _LOOSE.fullmatch(text)
    if match is None:
        return None
    number = match.group("num")
    value = {"千": 1000.0, "百": 100.0, "首": 1.0}.get(number) or parse_number(number)
    multiplier = MULTIPLIERS.get(match.group("mult") or "", 1)
    word = match.group("word")
    unit = (match.group("mult") or "") + word
    return Quantity(value, unit, _scaled(value, multiplier), word[1:] if word.startswith("个") and len(word) > 1 else word)


def qualifier_from_cues(before: str, after: str, quantity: Quantity) -> Qualifier:
    """The qualifier of a quantity, from the words right before and after it."""
    if quantity.qualifier is not Qualifier.exact:
        return quantity.qualifier
    cue = _CUE_AFTER.match(after)
    if cue:
        return _QUALIFIER_OF_CUE_AFTER[cue.group()]
    if after.startswith("内") and quantity.base_unit.endswith(_DURATION_UNITS):
        return Qualifier.upper
    cue = _CUE_BEFORE.search(before)
    if cue:
        return _QUALIFIER_OF_CUE_BEFORE[cue.group()]
    if _CAP_WORD.search(before) and not _CLAUSE_BREAK.search(before):
        return Qualifier.upper  # 最高奖补1000万元: the cap may stand a word or two earlier
    return quantity.qualifier


def find_quantities(text: str) -> Iterator[QuantityMatch]:
    """Every quantity in ``text`` with its span; qualifier cues around it are applied."""
    for match in QUANTITY.finditer(text):
        try:
            quantity = _quantity(match)
        except ValueError:
            continue
        if quantity is None:
            continue
        start, end = match.span()
        qualifier = qualifier_from_cues(text[max(0, start - 6) : start], text[end : end + 2], quantity)
        if qualifier is not quantity.qualifier:
            quantity = quantity._replace(qualifier=qualifier)
        chinese = bool(_CHINESE_START.match(match.group()))
        yield QuantityMatch(start, end, match.group(), quantity, chinese)


def format_quantity(value: float, unit: str) -> str:
    """Print a value and unit the way Chinese news does (used by tests and tools)."""
    printed = f"{value:.6f}".rstrip("0").rstrip(".")
    return printed + unit
