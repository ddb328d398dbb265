"""The grammar of Chinese quantities: 739.4亿元, 两亿元, 5万—20万元, 逾50亿元, 三分之一.

``cn2an`` converts Chinese numerals (十七, 两, 一百零五) not written the canonical way (canonical ones are read here,
without importing it); this module adds what
it does not do: magnitude multipliers on decimals (2.5万亿), units, ranges,
fractions, 余/多 inside a quantity and the qualifier cues around it (约, 超,
以上 …). The same grammar serves the rules backend, which finds quantities,
and the validator, which re-parses what any backend claims. The units, the
characters that must not follow each, and the cue words live in extractor/data/units.toml.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from ..knowledge import load
from ..models import Qualifier
from .firstchars import first_char_guard

ARABIC = r"(?:\d+(?:,\d{3})*(?:\.\d+)?|(?<=[-−])\.\d+)"
_CN_DIGIT = "零〇一二两三四五六七八九"
# A Chinese numeral starts with a digit or 十 (零部件 and 〇 are not numbers on their own); 万 and 亿 inside it only
# when more numerals follow (两万五千, 一万零三百), so a trailing 万/亿 stays the unit's multiplier (三千万元 → 三千, 万元);
# 点 makes a decimal (十三点五, 零点六).
CHINESE = (
    rf"(?:(?:[一二两三四五六七八九十](?:[{_CN_DIGIT}十百千]|[万亿](?=[{_CN_DIGIT}十]))*|零(?=点))"
    rf"(?:点[{_CN_DIGIT}]+)?)"
)
# An Arabic number may go on past a 万/亿 inside it: 3亿2000万元, 1万2千元, 100万三千, 1万600.
_SECTION = rf"(?:\d+[千百]?|[一二两三四五六七八九][{_CN_DIGIT}十百千]*)"
ARABIC_COMPOUND = rf"(?:{ARABIC}(?:[万亿]零?(?={_SECTION}[万亿]?(?![\d.]))(?:\d+[千百](?=[^\d])|{_SECTION}))*)"
NUMBER = rf"(?:{ARABIC_COMPOUND}|{CHINESE})"
MULTIPLIERS = {
    "百": 100,
    "千万亿": 10**15,
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "千万": 10**7,
    "百万": 10**6,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
}
_MULTIPLIERS_LONGEST_FIRST = sorted(MULTIPLIERS, key=len, reverse=True)
# 千 and 百 multiply only an Arabic number (20千, 3百, 3.1千万); after a Chinese numeral they are its own places.
MULTIPLIER = r"千万亿|万亿|(?<=\d)(?:千亿|千万|百万|千|百)|亿|万"



@dataclass(frozen=True)
class _Words:
    """extractor/data/units.toml: an entry's key is its field's name."""

    guards: dict[str, str]  # a unit as printed → the characters that must not follow it (年度 is not a duration)
    base_unit_aliases: dict[str, str]  # a base unit written another way → the one it stands for
    cues_before: dict[str, str]  # a word before a number → its qualifier
    cues_after: dict[str, str]  # a word after a number → its qualifier


_WORDS = load("units.toml", _Words, skip=("examples",))
_UNIT_GUARDS = _WORDS.guards
UNITS = sorted(_UNIT_GUARDS, key=len, reverse=True)
_UNIT_PATTERN = "|".join(
    re.escape(unit) + (f"(?![{guard}])" if guard else "") + ("(?![A-Za-z])" if unit.isascii() and unit.isalpha() else "")
    for unit in UNITS
    for guard in (_UNIT_GUARDS[unit],)
)
UNIT_START = re.compile(rf"(?:{_UNIT_PATTERN}|[万亿千百](?:{_UNIT_PATTERN})?)")
_BASE_UNIT_ALIASES = _WORDS.base_unit_aliases
_RANGE_SEPARATOR = r"(?:——|--|[—–\-~～至到])"
_SIGN = r"(?P<sign>(?<![\d.])[-−]|负的?)?"

# A single quantity: number, 余/多, multiplier, 余/多, unit (unit optional only after a multiplier).
# A single quantity needs a multiplier or a unit (a bare number is no measurement; parse_quantity reads it loosely).
# A unit is tried before a multiplier, so 100千瓦 is 100 kilowatts, not 100 thousand.
_SINGLE = (
    rf"(?P<num>{NUMBER})(?P<fuzz>[余多])?"
    rf"(?:(?P<bare_unit>{_UNIT_PATTERN})|(?P<mult>{MULTIPLIER})(?P<fuzz2>[余多])?(?P<unit>{_UNIT_PATTERN})?)(?!零)"
)
_RANGE = (
    rf"(?P<lo>{NUMBER})(?P<lo_mult>{MULTIPLIER})?(?P<lo_unit>{_UNIT_PATTERN})?(?:[(（]含[)）])?"
    rf"{_RANGE_SEPARATOR}(?P<hi>{NUMBER})(?P<hi_mult>{MULTIPLIER})?(?P<hi_unit>{_UNIT_PATTERN})"
)
_FRACTION = (
    rf"(?<![\d/.\-])(?P<numer>\d+)/(?P<denom>\d+)(?![\d/])"  # not a piece of a date (2023/1/16) or a path
    rf"|(?P<cden>{CHINESE}[万亿]?|\d+|[十百千万])分之(?P<cnum>{CHINESE}|{ARABIC})|(?P<half_of>一半)"
)
_PERCENT_WORDS = rf"百分之?(?P<pct_sign>负)?(?P<pct>{CHINESE}|{ARABIC}|百)(?![分])"
# 近万家, 上百人, 超百亿元: a bare multiplier standing for one of it.
_VAGUE = rf"(?P<vcue>[近上逾超])(?P<vmult>百亿|千亿|万亿|千万|百万|万|千|百|亿)(?P<vunit>{_UNIT_PATTERN})"
# Vague numbers, read as ranges: 三五百, 八九亿, 十五六, 七百三四十, 十几万, 几十亿, 数百.
_PAIRS = "一二|二三|三四|四五|五六|六七|七八|八九|三五"
_FUZZY = (
    rf"(?:(?P<pair_pre>[一二两三四五六七八九]?[十百千]|[一二两三四五六七八九]百[一二三四五六七八九]?十?)?(?P<pair>{_PAIRS})(?P<pair_place>[十百千])?"
    rf"|(?P<some>[数几](?:十|百|千)|(?:[一二三四五六七八九]?十)几))"
    rf"(?P<fuzzy_mult>{MULTIPLIER})?(?P<fuzzy_unit>{_UNIT_PATTERN})?"
)

# The leading lookahead lets the engine skip, in one cheap test, the many positions where no quantity can start.
# A quantity never starts inside another number: not after a digit or decimal point when it starts with one, not after
# a Chinese numeral when it starts with one (壹万二千 is not 二千).
_NUMERAL_BEFORE = "零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟"
_START = rf"(?:(?<![\d.])(?=[-−\d.])|(?<![\d{_NUMERAL_BEFORE}])(?![-−\d.]))"
QUANTITY = re.compile(
    rf"(?=[-−负\d一二两三四五六七八九十百千零数几近上逾超]){_START}"
    rf"{_SIGN}(?:{_PERCENT_WORDS}|{_FRACTION}|{_RANGE}|{_VAGUE}|{_FUZZY}|{_SINGLE})"
)

_CUES_BEFORE = sorted(
    ((cue, Qualifier(qualifier)) for cue, qualifier in _WORDS.cues_before.items()),
    key=lambda cue: -len(cue[0]),  # 不低于 before 低于
)
_CUES_AFTER = [(cue, Qualifier(qualifier)) for cue, qualifier in _WORDS.cues_after.items()]
_CUE_AFTER = re.compile("|".join(cue for cue, _ in _CUES_AFTER))
_QUALIFIER_OF_CUE_AFTER = dict(_CUES_AFTER)
# 约 of 签约, 制约, 合约 … is no cue.
_CUE_BEFORE = first_char_guard(  # searched before every number (firstchars.py)
    "(?:" + "|".join(cue if cue != "约" else "(?<![签制合节预公条契邀])约" for cue, _ in _CUES_BEFORE) + ")$"
)
_QUALIFIER_OF_CUE_BEFORE = dict(_CUES_BEFORE)
_CAP_WORD = re.compile("最高|最多")
_ABOUT_WORD = re.compile("(?<![签制合节预公条契邀])约(?=[\u4e00-\u9fff]{1,3}$)")
_CLAUSE_BREAK = re.compile("[，。；,;]")
_CHINESE_START = re.compile(rf"(?:[-−]|负)?{CHINESE}")
_INCLUSIVE = re.compile(r"^[(（]含[)）]")
DURATION_UNITS = ("工作日", "月", "小时", "分钟", "周", "天", "年")  # base units of a time span


class Quantity(NamedTuple):
    """A parsed quantity, in the fields a Figure carries (a tuple: cheap to make by the thousand)."""

    value: float
    unit: str
    amount: float
    base_unit: str
    qualifier: Qualifier = Qualifier.exact
    value_high: float | None = None
    amount_high: float | None = None
    loose: bool = False  # a rank or count read loosely (第四位, 三大, 500强): its word is no measuring unit


class QuantityMatch(NamedTuple):
    """A quantity found in a text: the span of its value_text, and what it parses to."""

    start: int
    end: int
    value_text: str
    quantity: Quantity
    chinese: bool  # written in Chinese numerals (两个, 十七条)


_TRADITIONAL_NUMERALS = str.maketrans("萬億兩點臺", "万亿两点台")


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float:
    """Convert one numeral, Arabic, Chinese or mixed (3亿2000, 两万五千, 十三点五), to a float. Raises ValueError."""
    cleaned = text.replace(",", "").translate(_TRADITIONAL_NUMERALS)
    if re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", cleaned):
        return float(cleaned)
    if cleaned == "两":
        return 2.0
    if len(cleaned) > 1 and not re.search("[十百千万亿点]", cleaned):
        raise ValueError(f"digit string, not a numeral: {text!r}")  # 一一, 二〇二三
    plain = _canonical_value(cleaned.replace("两", "二"))
    if plain is not None:
        return plain
    try:
        import cn2an  # only for numerals not written the one canonical way (二万五, 一百五): its import costs 0.2 s

        return float(cn2an.cn2an(cleaned.replace("两", "二"), "smart"))
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        # 一亿两千三百: a full section after 亿 or 万 with its 零 left out (cn2an wants 一亿零二千三百)
        gap = re.fullmatch(r"(.*[亿万])([一二两三四五六七八九]千.*)", cleaned)
        if gap and not gap.group(2).endswith(("万", "亿")):
            return parse_number(gap.group(1) + "零" + gap.group(2))
        raise ValueError(f"not a number: {text!r}") from exc


_CANONICAL_DIGITS = "零一二三四五六七八九"
_CANONICAL_CHARS = frozenset(_CANONICAL_DIGITS + "十百千万亿点")
_PLACES = {"十": 10, "百": 100, "千": 1000}


def _canonical_value(numeral: str) -> float | None:
    """The value of a Chinese numeral written the one canonical way (十七, 三十, 一百零五, 二万五千, 十三点五), else None.

    Parsed loosely, then accepted only when the value, written out canonically, gives the numeral back:
    what cn2an reads differently (二万五 = 25000) is never accepted here, so it is left to cn2an.
    """
    if not numeral or not _CANONICAL_CHARS.issuperset(numeral):
        return None
    whole, point, fraction = numeral.partition("点")
    if not whole or (point and not fraction) or any(c not in _CANONICAL_DIGITS for c in fraction):
        return None
    value = _loose_integer(whole)
    if value >= 10**12 or _canonical_integer(value) != whole:
        return None
    if not point:
        return float(value)
    return float(f"{value}.{''.join(str(_CANONICAL_DIGITS.index(c)) for c in fraction)}")


def _loose_integer(numeral: str) -> int:
    """A reading of an integer numeral that is right whenever the numeral is canonical (the caller checks that)."""
    above, myriads, section, digit = 0, 0, 0, 0  # … 亿, … 万, the section being read, its last digit
    for char in numeral:
        if char in _CANONICAL_DIGITS:
            digit = _CANONICAL_DIGITS.index(char)
        elif char in _PLACES:
            section += (digit or (char == "十")) * _PLACES[char]  # 十三: a 十 at the head counts one ten
            digit = 0
        elif char == "万":
            myriads, section, digit = (section + digit) * 10**4, 0, 0
        else:  # 亿
            above, myriads, section, digit = (above + myriads + section + digit) * 10**8, 0, 0, 0
    return above + myriads + section + digit


def _canonical_integer(value: int) -> str:
    """How an integer below 10^12 is written: 一百零五, 十七, 二万零五百, 一亿零五十万 (10 to 19 at the head without 一)."""
    if value == 0:
        return "零"
    sections = [(value // 10**8, "亿"), (value // 10**4 % 10**4, "万"), (value % 10**4, "")]
    written, gap = "", False
    for amount, mark in sections:
        if amount == 0:
            gap = bool(written)
            continue
        if written and (gap or amount < 1000):
            written += "零"
        written += _canonical_section(amount) + mark
        gap = False
    return written[1:] if written.startswith("一十") else written


def _canonical_section(value: int) -> str:
    """How a number below 10,000 is written inside a numeral: 一千零五, 一百一十, 三十."""
    written, gap = "", False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // place % 10
        if digit == 0:
            gap = bool(written)
            continue
        if gap:
            written += "零"
        written += _CANONICAL_DIGITS[digit] + unit
        gap = False
    return written


@lru_cache(maxsize=1024)
def split_unit(unit: str) -> tuple[int, str]:
    """Split a printed unit into (multiplier, base unit): 万平方米 → (10000, 平方米); 成 → (10, %)."""
    multiplier = 1
    for prefix in _MULTIPLIERS_LONGEST_FIRST:
        if unit.startswith(prefix) and unit != prefix + "米" and not unit.startswith(("千瓦", "千米", "千克", "百分")):
            multiplier, unit = MULTIPLIERS[prefix], unit[len(prefix) :]
            break
    else:
        if unit in MULTIPLIERS:
            return MULTIPLIERS[unit], ""
    if unit == "成":
        return multiplier * 10, "%"  # 三成 is 30%
    unit = unit.replace("半", "")  # 两年半 → 年, 一个半月 → 月
    if unit.startswith("个") and len(unit) > 1:
        unit = unit[1:]  # 个月 → 月, 个工作日 → 工作日, 个百分点 → 百分点
    return multiplier, unit


@lru_cache(maxsize=1024)
def canonical_base_unit(unit: str) -> str:
    """The one spelling of a base unit: 个月 → 月, 人民币 → 元, 港币 → 港元."""
    unit = unit[1:] if unit.startswith("个") and len(unit) > 1 else unit
    return _BASE_UNIT_ALIASES.get(unit, unit)


def _scaled(value: float, multiplier: int) -> float:
    return float(Decimal(repr(value)) * multiplier)


def _from_parts(number: str, mult: str, unit: str, fuzzy: bool) -> Quantity:
    try:
        value = parse_number(number)
    except ValueError:
        if not (number.endswith("千") and unit in ("克", "米", "瓦", "瓦时")):
            raise
        number, unit = number[:-1], "千" + unit  # 二十五千克: 25 kilograms (两千米 stays 2000 metres)
        value = parse_number(number)
    printed_unit = (mult or "") + (unit or "")
    multiplier, base_unit = split_unit(printed_unit)
    if "半" in (unit or ""):
        value += 0.5
    qualifier = Qualifier.lower if fuzzy else Qualifier.exact
    return Quantity(value, printed_unit, _scaled(value, multiplier), canonical_base_unit(base_unit), qualifier)


def _ratio(numerator: float, denominator: float) -> Quantity | None:
    """1/3 and 三分之一 alike: a ratio rounded to four places, as the gold files give it."""
    if denominator == 0:
        return None
    value = round(numerator / denominator, 4) if numerator / denominator >= 0.001 else numerator / denominator
    return Quantity(value, "ratio", value, "ratio")


def _denominator(text: str) -> float:
    return {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 10000.0}.get(text) or parse_number(text)


def _range(lo: str, lo_mult: str, lo_unit: str, hi: str, hi_mult: str, hi_unit: str) -> Quantity:
    """两到三万元, 5万—20万元, 3到5年, 八到九百亿: the low end borrows what it leaves out from the high end."""
    high = _from_parts(hi, hi_mult, hi_unit, False)
    if not lo_mult and not lo_unit:
        place = re.fullmatch(r"[一二两三四五六七八九]([十百千])", hi)
        if place and re.fullmatch("[一二两三四五六七八九]", lo):
            lo += place.group(1)  # 八到九百亿: 八 is 八百
        if parse_number(lo) <= parse_number(hi):
            lo_mult = hi_mult or ""  # 两到三万元; but 从8500到3万港元 keeps 8500
    low = _from_parts(lo, lo_mult, hi_unit, False)
    return Quantity(low.value, high.unit, low.amount, high.base_unit, Qualifier.range, high.value, high.amount)


def _fuzzy(groups: dict, loose: bool) -> Quantity | None:
    """Vague numbers as ranges: 三五百 → 300–500, 十几万 → 10万–20万, 数十亿 → 10亿–100亿; never exact."""
    mult, unit = groups["fuzzy_mult"] or "", groups["fuzzy_unit"] or ""
    if not (mult or unit or loose):
        return None
    if groups["pair"]:
        pre, place = groups["pair_pre"] or "", groups["pair_place"] or ""
        low_digit, high_digit = groups["pair"]
        low, high = parse_number(pre + low_digit + place), parse_number(pre + high_digit + place)
    else:
        some = groups["some"]
        if some.endswith("几"):
            low = parse_number(some[:-1]) if len(some) > 1 else 1.0
            high = low + 10
        else:
            low = {"十": 10.0, "百": 100.0, "千": 1000.0}[some[1]]
            high = low * 10
    multiplier, base_unit = split_unit(mult + unit)
    base_unit = canonical_base_unit(base_unit)
    return Quantity(low, mult + unit, _scaled(low, multiplier), base_unit, Qualifier.range, high, _scaled(high, multiplier))


def _quantity(match: re.Match[str], loose: bool = False) -> Quantity | None:
    quantity = _unsigned_quantity(match.groupdict(), loose)
    if quantity is not None and match.group("sign"):
        high = {} if quantity.value_high is None else {"value_high": -quantity.value_high, "amount_high": -(quantity.amount_high or 0)}
        quantity = quantity._replace(value=-quantity.value, amount=-quantity.amount, **high)
    return quantity


def _unsigned_quantity(groups: dict, loose: bool) -> Quantity | None:
    if groups["pct"]:
        value = 100.0 if groups["pct"] == "百" else parse_number(groups["pct"])
        value = -value if groups["pct_sign"] else value
        return Quantity(value, "%", value, "%")
    if groups["numer"]:
        return _ratio(float(groups["numer"]), float(groups["denom"]))
    if groups["cden"]:
        return _ratio(parse_number(groups["cnum"]), _denominator(groups["cden"]))
    if groups["half_of"]:
        return Quantity(0.5, "ratio", 0.5, "ratio")
    if groups["hi"]:
        return _range(groups["lo"], groups["lo_mult"], groups["lo_unit"], groups["hi"], groups["hi_mult"], groups["hi_unit"])
    if groups["vmult"]:
        qualifier = Qualifier.approx if groups["vcue"] == "近" else Qualifier.lower
        if groups["vmult"] == "百":
            vague = _from_parts("100", "", groups["vunit"], False)  # 近百家: about 100
        else:
            vague = _from_parts("1", groups["vmult"], groups["vunit"], False)
        return vague._replace(qualifier=qualifier)
    if groups["pair"] or groups["some"]:
        return _fuzzy(groups, loose)
    unit = groups["unit"] or groups["bare_unit"]
    return _from_parts(groups["num"], groups["mult"], unit, bool(groups["fuzz"] or groups["fuzz2"]))


@lru_cache(maxsize=8192)
def parse_quantity(value_text: str) -> Quantity | None:
    """Parse a whole value_text (739.4亿元, 5万—20万元, 三分之一, 第14位); None if it is not one.

    Besides the quantities the rules extract, a value_text may be a rank or a
    count the guide allows as an optional figure (第一, 前四, top20, 500强,
    三大, 32周年, 千亿级); the validator must be able to read those too.
    """
    text = "".join(value_text.split()).translate(_TRADITIONAL_NUMERALS)
    match = QUANTITY.fullmatch(text)
    try:
        quantity = _quantity(match, loose=True) if match is not None else _loose_quantity(text)
    except ValueError:
        return None
    return quantity if quantity is None or is_finite(quantity) else None


def is_finite(quantity: Quantity) -> bool:
    """Whether every number of the quantity fits a float: a run of hundreds of digits becomes infinity."""
    finite = math.isfinite  # unrolled, no generator: the number grammar asks it of every quantity it reads
    value, amount, value_high, amount_high = quantity.value, quantity.amount, quantity.value_high, quantity.amount_high
    return (
        (value is None or finite(value))
        and (amount is None or finite(amount))
        and (value_high is None or finite(value_high))
        and (amount_high is None or finite(amount_high))
    )


# A rank or a count with any short word after it: 第14位, 前十名, top20, 500强, 三大, 两位数, 千亿级, 首位.
_LOOSE = re.compile(
    rf"(?P<sign>[-−]|负)?(?:第|前|top|TOP|Top)?(?P<num>{NUMBER}|[千百]|首)(?P<mult>{MULTIPLIER})?(?P<word>(?![兆零〇一二两三四五六七八九十百千万亿])[\u4e00-\u9fff]{{0,3}})"
)
_NUMERAL_ONLY = re.compile(r"(?!.*\d十)[-−负]?[\d.,零〇一二两三四五六七八九十百千万亿点]+")
# A proportion printed as a ratio: 1：2, 3:7.
_COLON_RATIO = re.compile(r"(?P<left>\d+(?:\.\d+)?)[:：](?P<right>\d+(?:\.\d+)?)")


def _loose_quantity(text: str) -> Quantity | None:
    ratio = _COLON_RATIO.fullmatch(text)
    if ratio:
        return _ratio(float(ratio.group("left")), float(ratio.group("right")))
    match = _LOOSE.fullmatch(text)
    if match is None:
        if _NUMERAL_ONLY.fullmatch(text):  # a bare numeral the patterns do not cover: 200亿零四千230, 一百点123, 零
            value = parse_number(text)
            return Quantity(value, "", value, "", loose=True)
        return None
    number = match.group("num")
    value = {"千": 1000.0, "百": 100.0, "首": 1.0}.get(number) or parse_number(number)
    value = -value if match.group("sign") else value
    multiplier = MULTIPLIERS.get(match.group("mult") or "", 1)
    word = match.group("word")
    unit = (match.group("mult") or "") + word
    base_unit = word[1:] if word.startswith("个") and len(word) > 1 else word
    qualifier = Qualifier.exact
    if text.lower().startswith(("前", "top")) or word.startswith("强"):
        qualifier = Qualifier.upper  # 前十名, top20, 500强: at most that rank
    elif word.startswith("级") or number in ("千", "百"):
        qualifier = Qualifier.lower  # 千亿级, 千亿产业集群: of that order or more
    return Quantity(value, unit, _scaled(value, multiplier), base_unit, qualifier, loose=True)


def qualifier_from_cues(before: str, after: str, quantity: Quantity) -> Qualifier:
    """The qualifier of a quantity, from the words right before and after it."""
    if quantity.qualifier is not Qualifier.exact:
        return quantity.qualifier
    after = _INCLUSIVE.sub("", after, count=1)  # 500万元（含）以上
    cue = _CUE_AFTER.match(after)
    if cue:
        return _QUALIFIER_OF_CUE_AFTER[cue.group()]
    if after.startswith("内") and quantity.base_unit.endswith(DURATION_UNITS):
        return Qualifier.upper
    cue = _CUE_BEFORE.search(before)
    if cue:
        return _QUALIFIER_OF_CUE_BEFORE[cue.group()]
    clause = _CLAUSE_BREAK.split(before)[-1]  # only words of the number's own clause
    if _CAP_WORD.search(clause):
        return Qualifier.upper  # 最高奖补1000万元: the cap may stand a word or two earlier
    if _ABOUT_WORD.search(clause):
        return Qualifier.approx  # 约全国13%: 约 may stand a word earlier
    return quantity.qualifier


_SHARED_CUE = re.compile(rf"[和、或及与](?:{NUMBER})(?:{MULTIPLIER})?(?:{_UNIT_PATTERN})?(以上|以下)")


def shared_cue_after(text: str, end: int) -> Qualifier | None:
    """5亿元和3000万元以上: a cue after the second of two joined quantities holds for the first too."""
    match = _SHARED_CUE.match(text, end, end + 24)
    return _QUALIFIER_OF_CUE_AFTER[match.group(1)] if match else None


# 2.9、2.3和1.3个百分点; 1.2、3.4亿元: Arabic numbers listed before the one that prints the unit share it
# (with its multiplier). Chinese numerals are left out: 一、二、三 number the items of a list.
_LIST_JOIN = "[、和及与]"
_SHARED_UNIT_TAIL = re.compile(
    rf"(?:{_LIST_JOIN}{ARABIC}(?![\d.,]))*{_LIST_JOIN}{ARABIC}(?P<unit>(?:{MULTIPLIER})?(?:{_UNIT_PATTERN}))"
)
_LISTED_NUMBER = first_char_guard(rf"(?<![\d.,/%])(?P<number>{ARABIC})(?={_LIST_JOIN}\d)")  # scanned per article


def shared_unit(text: str, end: int) -> str:
    """The unit (with multiplier) printed at the end of the list a bare number at ``end`` belongs to, or ""."""
    tail = _SHARED_UNIT_TAIL.match(text, end, end + 80)
    return tail.group("unit") if tail else ""


def _listed_quantities(text: str, taken: list[tuple[int, int]]) -> Iterator[QuantityMatch]:
    """The bare numbers of a list whose last member prints the unit (``taken``: the printed quantities, in order)."""
    starts = [start for start, _ in taken]
    for match in _LISTED_NUMBER.finditer(text):
        before = bisect_right(starts, match.start())  # the printed quantities do not overlap: one may hold it
        if before and taken[before - 1][1] > match.start():
            continue
        unit = shared_unit(text, match.end())
        quantity = parse_quantity(match.group("number") + unit) if unit else None
        if quantity is not None and quantity.unit:
            qualifier = qualifier_from_cues(text[max(0, match.start() - 6) : match.start()], "", quantity)
            yield QuantityMatch(match.start(), match.end(), match.group(), quantity._replace(qualifier=qualifier), False)


def find_quantities(text: str) -> Iterator[QuantityMatch]:
    """Every quantity in ``text`` with its span, in text order; qualifier cues around it are applied."""
    found = list(_printed_quantities(text))
    listed = list(_listed_quantities(text, [(m.start, m.end) for m in found]))
    yield from sorted(found + listed, key=lambda m: m.start) if listed else found


def _printed_quantities(text: str) -> Iterator[QuantityMatch]:
    for match in QUANTITY.finditer(text):
        try:
            quantity = _quantity(match)
        except ValueError:
            continue
        if quantity is None or not is_finite(quantity):
            continue  # 400 nines then 亿元: no float holds it, so it is no figure (and never fails its document)
        start, end = match.span()
        qualifier = qualifier_from_cues(text[max(0, start - 6) : start], text[end : end + 6], quantity)
        if qualifier is Qualifier.exact:
            qualifier = shared_cue_after(text, end) or qualifier
        if qualifier is not quantity.qualifier:
            quantity = quantity._replace(qualifier=qualifier)
        chinese = bool(_CHINESE_START.match(match.group()))
        yield QuantityMatch(start, end, match.group(), quantity, chinese)


def format_quantity(value: float, unit: str) -> str:
    """Print a value and unit the way Chinese news does (used by tests and tools)."""
    printed = f"{value:.6f}".rstrip("0").rstrip(".")
    return printed + unit
