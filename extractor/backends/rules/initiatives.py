"""Initiatives: named policies, action plans, programs, reforms, platforms, projects and events.

Three shapes are recognised: a document title in 《》; a quoted name with or
without a kind word after it (“张江之星”行动, “并联审批”); and an unquoted
name that ends in a kind word (知识产权法治保护服务中心, 产业发展倍增行动).
"""

from __future__ import annotations

import re

from ...models import Evidence, Initiative, InitiativeKind
from .spans import LastWord, runs_ending_in

# Kind words, longest first within each kind; the first match decides the kind.
_KIND_WORDS: list[tuple[str, InitiativeKind]] = [
    ("行动方案", "action_plan"),
    ("专项行动", "action_plan"),
    ("行动计划", "action_plan"),
    ("行动", "action_plan"),
    ("实施方案", "policy"),
    ("若干措施", "policy"),
    ("措施", "policy"),
    ("办法", "policy"),
    ("意见", "policy"),
    ("政策", "policy"),
    ("制度", "policy"),
    ("规划", "policy"),
    ("战略", "policy"),
    ("清单", "policy"),
    ("改革试点", "reform"),
    ("改革", "reform"),
    ("模式", "reform"),
    ("机制", "reform"),
    ("审批", "reform"),
    ("计划", "program"),
    ("工程", "program"),
    ("服务", "program"),
    ("体系", "program"),
    ("活动", "program"),
    ("专班", "other"),
    ("品牌", "program"),
    ("赋能中心", "platform"),
    ("服务中心", "platform"),
    ("创新中心", "platform"),
    ("平台", "platform"),
    ("研究院", "platform"),
    ("实验室", "platform"),
    ("实训基地", "platform"),
    ("计划基地", "platform"),
    ("基地", "platform"),
    ("专窗", "platform"),
    ("专区", "platform"),
    ("驿站", "platform"),
    ("绿色通道", "reform"),
    ("产业园", "platform"),
    ("项目", "project"),
    ("推进会", "event"),
    ("对接会", "event"),
    ("研讨会", "event"),
    ("签约仪式", "event"),
    ("揭牌仪式", "event"),
    ("展会", "event"),
    ("装备展", "event"),
    ("博览会", "event"),
    ("大会", "event"),
    ("论坛", "event"),
]
_KIND_PATTERN = "|".join(re.escape(word) for word, _ in sorted(_KIND_WORDS, key=lambda w: -len(w[0])))
_KIND_OF_WORD: dict[str, InitiativeKind] = dict(reversed(_KIND_WORDS))  # the first listing of a word wins
# Kind words reversed, matched at the start of the reversed name: the longest one a name ends with, in one try.
_KIND_AT_END_REVERSED = re.compile("|".join(re.escape(w[::-1]) for w, _ in sorted(_KIND_WORDS, key=lambda w: -len(w[0]))))
_DOCUMENT = re.compile(r"《[^《》\n]{2,80}》")
_QUOTED = re.compile(rf"“[^“”\n，。]{{2,20}}”(?:{_KIND_PATTERN})?")
_KIND_WORD = re.compile(rf"(?:{_KIND_PATTERN})(?![\u4e00-\u9fff]?(?:{_KIND_PATTERN}))")
_NAME_CHARS = r"[\u4e00-\u9fffA-Za-z0-9“”‘’()（）、·]"
# Text before a name: the name starts after the last of these.
_LEAD = LastWord(
    [
        "打造",
        "建设",
        "建立",
        "成立",
        "设立",
        "推出",
        "开展",
        "举办",
        "召开",
        "启动",
        "实施",
        "推行",
        "推进",
        "深化",
        "构建",
        "依托",
        "借助",
        "通过",
        "围绕",
        "聚焦",
        "开启",
        "推动",
        "引进",
        "获批",
        "发布",
        "出台",
        "制定",
        "印发",
        "创建",
        "搭建",
        "组建",
        "开通",
        "上线",
        "完善",
        "提升",
        "探索",
        "积极",
        "大力",
        "全面",
        "持续",
        "加快",
        "加强",
        "释放",
        "入选",
        "纳入",
        "列入",
        "参与",
        "开工",
        "签约",
        "落户",
        "批复",
        "正式",
        "首个",
        "一批",
    ],
    "在于与和及为将把的了是对从向让由被以并而或也都还就已又再有这该其各等、，,：:；;。",
)
_NOT_NAMES = re.compile(r"^(?:相关|有关|各类|各项|重点|重大|一系列|系列|多项|这些|此次|本次|上述|其他|公司|企业|园区|项目)$")
_MIN_NAME = 4
_GENERIC_KINDS = {"服务", "项目", "政策", "平台", "战略", "工程", "体系", "审批", "规划", "机制", "模式", "改革", "活动", "制度"}
# Words that make a quoted term a working measure (“单体竣工即验收”, “一事全办”, “告知承诺”, “投贷联动”).
_MEASURE_WORDS = re.compile(r"即|一|办|批|受理|承诺|联动|零|跑|拿地|开工|验收|代办|并联|通办|全程|奖")
_LAUNCH_VERB = re.compile(r"推行|实施|开展|推出|实行|探索|打造|深化|建立|构建|推进|启动|开启|采取|出台|推广|落实|以|变")


def extract_initiatives(text: str, start: int, end: int, park: str) -> list[Initiative]:
    found: dict[str, Initiative] = {}
    candidates = [(m.start(), m.group(), True) for m in _DOCUMENT.finditer(text, start, end)]
    candidates += [(s, run, False) for s, _e, run in runs_ending_in(text, start, end, _QUOTED, r"[\u4e00-\u9fff]", 0, 8)]
    candidates += _named(text, start, end)
    names_so_far = ""  # every name found, joined: "inside one already found" is one substring search
    for candidate_start, candidate, is_document in candidates:
        name, offset = _trim(candidate, is_document)
        if not name or name in names_so_far:
            continue  # a name inside one already found (“张江之星” inside “张江之星”行动) adds nothing
        names_so_far += "\x00" + name
        name_start = candidate_start + offset
        evidence = Evidence(start=name_start, end=name_start + len(name), text=name)
        found[name] = Initiative(name=name, initiative_kind=_kind(name), park=park, evidence=evidence)
    return sorted(found.values(), key=lambda i: i.evidence.start if i.evidence else 0)


def _named(text: str, start: int, end: int) -> list[tuple[int, str, bool]]:
    """Unquoted names: the run of name characters that ends in a kind word."""
    return [(run_start, run, False) for run_start, _end, run in runs_ending_in(text, start, end, _KIND_WORD, _NAME_CHARS, 0, 40)]


def _trim(candidate: str, is_document: bool) -> tuple[str, int]:
    if is_document:
        return candidate, 0
    quote = candidate.find("“")
    lead = _LEAD.end(candidate if quote == -1 else candidate[:quote])  # never cut inside a quoted name
    offset = lead if lead < len(candidate) else 0
    name = candidate[offset:]
    if name.count("“") != name.count("”"):  # a cut through a quoted part
        quote = name.find("”")
        name, offset = name[quote + 1 :], offset + quote + 1
    bare = name.strip("“”‘’")
    if len(bare) < _MIN_NAME and "“" not in name:
        return "", offset
    kind_word = _kind_word(bare)
    if bare == kind_word or _NOT_NAMES.match(bare[: len(bare) - len(kind_word)] or bare):
        return "", offset
    if name.endswith("”") and not _names_a_measure(name, candidate[:offset]):
        return "", offset  # a quoted term with nothing naming it a measure: “链主”, “小巨人”, “主力军”
    if "“" not in name and len(name) <= 4 and kind_word in _GENERIC_KINDS:
        return "", offset  # 优质服务, 产业项目, 人才政策: a kind of thing, not a named one
    return name, offset


def _names_a_measure(name: str, before: str) -> bool:
    """A quoted term is an initiative when its words or the verb before it say so."""
    quoted = name[name.rfind("“") + 1 : -1]
    return bool(_kind_word(quoted) or _MEASURE_WORDS.search(quoted) or _LAUNCH_VERB.search(before[-6:]))


def _kind(name: str) -> InitiativeKind:
    bare = name.strip("《》“”")
    if name.startswith("《"):
        if re.search(r"报告|榜单|指数", bare):
            return "other"
        return "action_plan" if re.search(r"行动|方案", bare) and "实施方案" not in bare else "policy"
    word = _kind_word(bare)
    if word:
        return _KIND_OF_WORD[word]
    return "reform" if name.startswith("“") else "other"


def _kind_word(name: str) -> str:
    """The kind word a name ends with (the longest), or ""."""
    match = _KIND_AT_END_REVERSED.match(name[::-1])
    return match.group()[::-1] if match else ""
