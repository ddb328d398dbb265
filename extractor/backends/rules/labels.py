"""What a figure means: its metric words, metric key, measure and whether it is a target.

Mechanisms only. The words (metric lexicon, phrase breaks, measure and target cues)
live in extractor/data/metrics.toml and extractor/data/labels.toml, read and compiled by lexicon.py.

The metric is the noun phrase right before the number in its clause, cut after the
last word a metric never contains (a verb, a preposition, a pronoun, a subject name,
a period). A count may name its thing after the number (8家科研机构); a rate with no
words of its own (…169.65亿元，同比增长3.8%) qualifies the figure before it in the
sentence and takes its metric and key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from ...domain.numbers import DURATION_UNITS
from ...frozen import quick_init
from ...knowledge import data as knowledge_file
from ...models import Measure
from ...text.normalize import BULLETS
from .lexicon import Metric, knowledge
from .names import name_ends

# 【标题】…——…: an archive's field labels and a dash (not the — of 1—9月) end a clause too.
_CLAUSE_MARK = re.compile(r"(?s).*(?:[，,；;：:。！？!?\n（）()、【】]|——)")
_DIGITS = re.compile(r"[\d.%]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SHARE_FILLER = re.compile("比重|比例|比|的|达到|达|为|约|超过|超|到|已|了")
_HAS_NUMBER = re.compile(r"\d|[一二两三四五六七八九十百千]+(?:个|家|项|名|人|条|栋|所)")
_QUANTITY = re.compile(r"[\d.]+[%万亿千百]*[\u4e00-\u9fff]?")
_HEAD_BONUS = 100  # a counted head noun outranks any modifier's signal, however long
_MEMO_SIZE = 65_536
# An amount of money ending where a figure ends (超千万美元, 5000万元, 1.5亿元人民币): a class's bound when cued.
_AMOUNT_END = re.compile(r"(?:超过|超|过|逾)?(?:\d+(?:\.\d+)?)?[十百千万亿]*(?:美元|欧元|港元|日元|元)(?:人民币)?$")
# The values listed before a number and joined to it (42.4%、36.8%和, 0.74和): where 分别's list has got to.
_VALUE_LIST_END = re.compile(r"(?:\d+(?:\.\d+)?[^\d、和及与，,。；;]{0,5}[、和及与])*$")
_CLAUSE_BREAK = re.compile("[，,；;：:。]")
_GLOSS_END = re.compile(r"(?<=[\u4e00-\u9fff])[（(][A-Za-z&\u4e00-\u9fff]{1,12}[）)]$")  # a gloss glued to the words it glosses

MONEY_UNITS = {"元", "美元", "欧元", "日元", "港元", "英镑"}
AREA_UNITS = {"平方米", "平方公里", "平方千米", "亩", "公顷"}
MASS_UNITS = {"吨", "千克", "公斤", "斤"}


@quick_init
@dataclass(frozen=True)
class FigureLabels:
    metric: str
    metric_key: str
    measure: Measure
    target: bool
    unit_class: str = ""
    source: str = "clause"  # where the metric was read: clause, sentence (a figure before it), paragraph, none


def read_data(name: str) -> dict:
    """One knowledge file of the package (extractor/data/<name>)."""
    return knowledge_file(name)


def unit_class(base_unit: str) -> str:
    """money, count, area, time, mass, rate or other: what kind of quantity a base unit measures."""
    if base_unit in MONEY_UNITS:
        return "money"
    if base_unit in AREA_UNITS:
        return "area"
    if base_unit in DURATION_UNITS:
        return "time"
    if base_unit in MASS_UNITS:
        return "mass"
    if base_unit in {"%", "‰", "ratio", "百分点", "倍"}:
        return "rate"
    if base_unit in knowledge().count_units:
        return "count"
    return "other"


@lru_cache(maxsize=_MEMO_SIZE)  # metric words repeat across figures and pages
def metric_key(words: str, base_unit: str, measure: Measure, whole: str = "") -> str:
    """The canonical key whose longest signal occurs in ``words`` (nearest the end on a tie), else 'other'.

    ``whole`` is what a share is of (研发经费占营业收入的5% → 营业收入), for keys whose share is
    another key (R&D spending as a share of revenue is R&D intensity).
    A level takes only keys that fit its unit (企业 counts firms, not money); a rate
    named by a rate noun (设备联网率) takes no key of a counted thing.
    """
    facts = knowledge()
    part, of, rest = words.partition("占")
    if of and measure is Measure.share and part and _names_a_metric(part):  # 制造业增加值占地区生产总值比重: the part's
        return metric_key(part, base_unit, measure, whole or rest)  # share, not the whole's (园区占全市… names none)
    completes = facts.completion_noun.search(words)
    if completes and completes.start():  # 项目投资完成率: the share of the planned 项目投资 that was done
        return metric_key(words[: completes.start()], base_unit, measure, whole)
    wanted = unit_class(base_unit)
    rate_noun = bool(facts.rate_noun.search(words))
    best: tuple[int, int] = (0, -1)
    chosen: Metric | None = None
    for entry in facts.entries:
        if entry.refines or (entry.units and (rate_noun or (measure is Measure.level and wanted not in entry.units))):
            continue
        for pattern, weight in entry.signals_in(words):
            for found in pattern.finditer(words):
                if entry.head_only and found.end() != len(words):
                    continue
                at_head = found.end() == len(words)
                counted_head = at_head and (entry.head_outranks or (entry.head_wins and wanted == "count"))
                rank = (weight + (_HEAD_BONUS if counted_head else 0), found.end())
                if rank > best:
                    best, chosen = rank, entry
    if chosen is None:
        return next((e.key for e in facts.entries if base_unit in e.unit_fallback), "other")
    named_whole = _SHARE_FILLER.sub("", whole)  # 研发投入占比3.37%: no whole named, the usual one
    of_its_whole = not named_whole or chosen.share_of is None or bool(chosen.share_of.search(named_whole))
    if measure is Measure.share and chosen.share_key and of_its_whole:
        return chosen.share_key
    return chosen.key


def metric_scope(words: str, key: str) -> str:
    """The part of the metric words before the key's signal that narrows it: 高新技术产业营业收入 → 高新技术产业
    (a sub-metric of revenue that an analyst must not sum with the zone's whole revenue). Words that only
    frame the metric (全区, 实现, 全年) are no scope (labels.toml, [scope])."""
    if key == "other" or not words:
        return ""
    entry = next((e for e in knowledge().entries if e.key == key), None)
    if entry is None:
        return ""
    found = [(m.end(), m.end() - m.start(), m.start()) for pattern, _weight in entry.signals_in(words) for m in pattern.finditer(words)]
    if not found:
        return ""
    end, _length, start = max(found)  # the last signal, and of those ending there the longest (高新区, not 新区)
    part = next((scope for signal, scope in entry.parts if words[start:end] == signal), "")  # 基础设施投资: a part
    scope = knowledge().scope_framing.sub("", words[:start]) + part
    return scope if len(scope) >= 2 and not _DIGITS.search(scope) else ""


def refined_key(key: str, words: str, sentence_before: str) -> str:
    """A key that words earlier in the sentence make more specific (签约项目…总投资 → investment_attracted)."""
    for entry in knowledge().entries:
        if entry.refines != key or entry.context is None or not entry.context.search(_near_anchor(entry, sentence_before)):
            continue
        if entry.refine_words is None or entry.refine_words.search(words):
            return entry.key
    return key


def _near_anchor(entry: Metric, sentence: str) -> str:
    """The words around the last mention of the anchor (项目): 90个在建项目，投资额… is about projects
    under construction, whatever was signed earlier in the sentence."""
    at = sentence.rfind(entry.anchor) if entry.anchor else -1
    return sentence if at == -1 else sentence[max(0, at - 10) : at + len(entry.anchor)]


def time_limit_key(base_unit: str, after: str) -> str:
    """一周内, 3个工作日内: a duration before 内 is a time limit."""
    if unit_class(base_unit) == "time" and knowledge().time_limit_after.match(after):
        return next((e.key for e in knowledge().entries if e.time_limit), "")
    return ""


def measure_of(base_unit: str, before: str, after: str) -> Measure:
    """How the number relates to its metric, from its unit and the cue words around it."""
    facts = knowledge()
    growing = bool(facts.growth_before.search(before) or facts.growth_after.match(after))
    growing = growing or bool(facts.growth_verb_object.search(before))  # 降低运营成本45%
    if base_unit in facts.change_pp_units:
        return Measure.change_pp
    if base_unit in facts.multiple_units:
        return Measure.growth if growing else Measure.multiple
    if base_unit in facts.rate_units:
        rate_of_growth = bool(facts.growth_nouns.search(before))  # 工业发展的速度由100%降为70%
        return Measure.growth if growing or rate_of_growth else Measure.share
    return Measure.level


def is_target(scope: str) -> bool:
    """A goal, plan or forecast: a target cue in the sentence before the number, not part of a noun use."""
    facts = knowledge()
    if facts.outcome.search(scope):
        return False
    masked = facts.not_target_cues.sub(lambda m: "＿" * len(m.group()), scope)
    return bool(facts.target_cues.search(masked))


def in_plan_section(sections: Iterable[tuple[str, list[str]]], sentence: str) -> bool:
    """Under a heading that announces the work ahead (三、2026年重点工作, or 三、2026年主要工作 after a review), with none
    above or within it reviewing, in a sentence that reports no outcome: a target whatever cue its own sentence lacks.
    ``sections`` are the governing headings' titles, each with its elder siblings' titles."""
    facts = knowledge()
    found = list(sections)
    if facts.outcome.search(sentence) or any(facts.review_headings.search(title) for title, _ in found):
        return False
    return any(facts.plan_headings.search(title) or _year_work_ahead(title, earlier) for title, earlier in found)


def _year_work_ahead(title: str, earlier: list[str]) -> bool:
    """A year's work (2026年主要工作) after a heading of its level that reviews or plans: the work ahead."""
    facts = knowledge()
    if not facts.year_work_headings.search(title):
        return False
    return any(facts.review_headings.search(t) or facts.plan_headings.search(t) for t in earlier)


@quick_init
@dataclass(frozen=True)
class FigureContext:
    """A figure to label: where its number is printed, and what came before it.

    ``previous`` is the figure before it in the same sentence (ending at ``previous_end``), whose metric a bare
    rate or a relational word inherits. ``parallel`` are the figures of the sentence this one continues
    (``continues_sentence``), whose first figure of the same kind lends its metric to a first figure with no
    metric words. ``names`` are subject names to cut the phrase after; ``period`` the period words.
    """

    text: str
    start: int
    end: int
    base_unit: str
    sentence_start: int
    names: list[str]
    period: re.Pattern[str]
    previous: FigureLabels | None = None
    previous_end: int = 0
    parallel: tuple[FigureLabels, ...] = ()
    earlier: tuple[tuple[int, FigureLabels], ...] = ()  # the sentence's figures before it, each with where it ends


@quick_init
@dataclass(frozen=True)
class _Clause:
    """The clause a figure's number ends, read once: where its words start, the words around the number, and what
    the number is (its measure, unit class, whether a target), whatever metric is found for it."""

    start: int  # where the figure's words end: the number, or a gloss before it (地区生产总值(GDP)2118.65亿元)
    clause_start: int
    before_all: str  # the clause's words before the number
    after: str
    measure: Measure
    kind: str
    target: bool

    def labels(self, metric: str, key: str, source: str) -> FigureLabels:
        return FigureLabels(metric, key, self.measure, self.target, self.kind, source)


@quick_init
@dataclass(frozen=True)
class _Words:
    """What the figure's own words say: its metric phrase, the thing counted after it, and the words its key is read from."""

    before: str  # the clause's words this figure reads (after the figure before it, when both are in one clause)
    head: str  # those words without the measure's cue words
    phrase: str
    counted: str
    verb: str  # a bare verb before the number (投资35亿元): it names the key, not the metric
    key_words: str
    shares_clause: bool
    one_named: bool  # 总投资6.3亿元的中核钛白…: one named project's total
    source: str


def label_figure(context: FigureContext) -> FigureLabels:
    """Labels of the figure printed at text[start:end]: from a 拉动 contribution, else from the figure before it
    or a parallel sentence's when its own words name nothing, else from its own words and key."""
    context = _outer_previous(context)
    clause = _clause(context)
    driven = _driven(context, clause)
    if driven is not None:
        return driven
    words = _words(context, clause)
    labels = _from_previous(context, clause, words) or _from_parallel(context, clause, words) or _keyed(context, clause, words)
    bounded = _with_threshold(context, clause, labels) if labels.source == "clause" else labels.metric
    bounded = _part_of_total(context, clause, bounded) if labels.source == "clause" else bounded
    bounded = _through_conduit(context, clause, labels.metric_key, bounded)
    return labels if bounded == labels.metric else replace(labels, metric=bounded)


def _through_conduit(context: FigureContext, clause: _Clause, key: str, metric: str) -> str:
    """完善对俄贸易直销通道建设，…，实现出口过货2100万美元: a flow of goods after a clause that names a conduit (and
    no figure of its own) moved through it, so its metric keeps the conduit (labels.toml conduit) and is never summed
    with the place's whole flow."""
    facts = knowledge()
    if key not in facts.conduit_keys or not metric:
        return metric
    words = context.text[context.sentence_start : clause.clause_start]  # its own clause names its own conduit
    clauses = [part for part in _CLAUSE_BREAK.split(words) if not _HAS_NUMBER.search(part)]  # 新增开放口岸2个: its own
    found = [match.group("conduit") for part in clauses for match in facts.conduit.finditer(part)]
    conduit = found[-1] if found else ""
    return conduit + metric if conduit and conduit not in metric else metric


def _part_of_total(context: FigureContext, clause: _Clause, metric: str) -> str:
    """新开工项目15项，其中产业化项目12项，加速器项目3项: counts listed after 其中 are parts of the count right before it,
    so their metric words keep the qualifier that defines that count (新开工加速器项目, not every 加速器项目): the total's
    words before the head noun both share."""
    whole = _count_of_part(context, clause) if metric else None
    if whole is None:
        return metric
    total = whole.metric
    shared = next((size for size in range(len(total) - 1, 1, -1) if metric.endswith(total[-size:])), 0)
    qualifier = knowledge().scope_framing.sub("", total[: len(total) - shared]) if shared else ""
    return qualifier + metric if len(qualifier) >= 2 and qualifier not in metric else metric


def _count_of_part(context: FigureContext, clause: _Clause) -> FigureLabels | None:
    """The count a count after 其中 is part of: the figure right before 其中, when it is a count (else 其中 opens parts
    of something else)."""
    text, facts = context.text, knowledge()
    if clause.kind != "count":
        return None
    opened = text.rfind(facts.part_opens, context.sentence_start, clause.clause_start + len(facts.part_opens))
    if opened == -1:
        return None
    totals = [(end, labels) for end, labels in context.earlier if end <= opened]
    if not totals or totals[-1][1].unit_class != "count" or text[totals[-1][0] : opened].strip("，,；;：: "):
        return None
    return totals[-1][1]


def _outer_previous(context: FigureContext) -> FigureContext:
    """The figure a bare rate or share qualifies is not always the one printed just before it: 进出口总额10.1万亿元
    (其中，出口6万亿元，进口4.1万亿元)，同比增长1% grows the total, not the last item in the brackets; 财政收入157.8亿元，
    占全省42个园区的64.1% is a share of the revenue, not of the 42 zones its whole counts. Then the figure before the
    brackets, or before the clause that opens with 占, stands in for the one before it."""
    text, previous_end, previous = context.text, context.previous_end, context.previous
    if previous is None or len(context.earlier) < 2 or unit_class(context.base_unit) != "rate":
        return context
    gap = text[previous_end : context.start]
    closed = max(gap.rfind(")"), gap.rfind("）"))
    if closed != -1 and "(" not in gap[:closed] and "（" not in gap[:closed]:  # the brackets closed after the one before
        opened = max(text.rfind("(", context.sentence_start, previous_end), text.rfind("（", context.sentence_start, previous_end))
        return _before(context, opened) if opened != -1 else context
    mark = _CLAUSE_MARK.match(text, context.sentence_start, previous_end)
    clause_start = mark.end() if mark else context.sentence_start
    share = knowledge().share_opens.match(text, clause_start)
    if share and previous.unit_class == "count" and not _CLAUSE_BREAK.search(gap):  # 占全省42个园区的64.1%
        return _before(context, clause_start)
    return context


def _before(context: FigureContext, position: int) -> FigureContext:
    """The context with the sentence's last figure ending before ``position`` as the figure before it."""
    outer = [(end, labels) for end, labels in context.earlier if end <= position]
    if not outer:
        return context
    end, labels = outer[-1]
    return replace(context, previous=labels, previous_end=end, earlier=tuple(outer))


def _with_threshold(context: FigureContext, clause: _Clause, labels: FigureLabels) -> str:
    """签约超千万美元外商投资项目8个, 投入5000万元以上工业项目8个: a count right after the amount that bounds its class
    is of that class only, so its metric words keep the bound (超千万美元外商投资项目, 5000万元以上工业项目)."""
    metric, previous, text = labels.metric, context.previous, context.text
    if clause.kind != "count" or not metric or previous is None or previous.unit_class != "money":
        return metric
    at = text.rfind(metric, context.previous_end, clause.start)
    rest = text[at + len(metric) : clause.start]
    if context.previous_end <= clause.clause_start or at == -1 or (rest and not knowledge().tail.fullmatch(rest)):
        return metric  # the amount is in another clause, or the metric words are not the ones before the count (…共1765家)
    between = text[context.previous_end : at]
    bound = knowledge().threshold_bound_after.match(metric) or knowledge().threshold_bound_after.fullmatch(between)
    amount = _AMOUNT_END.search(text, max(clause.clause_start, context.previous_end - 16), context.previous_end)
    if amount is None or (between.strip("的") and not bound):
        return metric
    cue = knowledge().threshold_before.search(text, max(clause.clause_start, amount.start() - 2), amount.start())
    opens = knowledge().threshold_opens.match(amount.group())
    if not (cue or opens or bound):
        return metric  # 实现产值5亿元的企业3家: an amount with no bound word is a level, not a class's bound
    start = cue.start() if cue else amount.start()
    measured = text.rfind(previous.metric, clause.clause_start, start + len(previous.metric)) if previous.metric else -1
    if measured != -1 and measured < start <= measured + len(previous.metric):
        start = measured  # 年产值过100亿元企业, 税收500万元以上企业: and what the bound bounds (its metric may hold the cue)
    return text[start : context.previous_end] + between + metric


def _clause(context: FigureContext) -> _Clause:
    """Where the figure's clause starts, and its measure (shared along a list of numbers), unit class and target."""
    text, sentence_start, previous = context.text, context.sentence_start, context.previous
    gloss = knowledge().gloss_before.search(text, max(sentence_start, context.start - 16), context.start)
    start = gloss.start() if gloss else context.start  # 地区生产总值(GDP)2118.65亿元: read back from before the gloss
    mark = _CLAUSE_MARK.match(text, sentence_start, start)
    clause_start = mark.end() if mark else sentence_start
    glossed = _GLOSS_END.search(text, max(sentence_start, clause_start - 14), clause_start)
    if glossed:  # 园区生产总值(GDP)占全国比重为13.50%: a gloss's bracket is no clause mark
        mark = _CLAUSE_MARK.match(text, sentence_start, glossed.start())
        clause_start = mark.end() if mark else sentence_start
    after = text[context.end : context.end + 30]
    before_all = text[clause_start:start]
    measure = measure_of(context.base_unit, before_all, after)
    kind = unit_class(context.base_unit)
    if previous is not None and previous.unit_class == kind and not text[context.previous_end : start].strip("、，,和及与 "):
        measure = previous.measure  # 由100%降为70%、40%、20%: a list of numbers shares its measure
    target = is_target(text[sentence_start:start])
    return _Clause(start, clause_start, before_all, after, measure, kind, target)


def _driven(context: FigureContext, clause: _Clause) -> FigureLabels | None:
    """拉动全省投资增长3.7个百分点: the contribution to the growth of what the words name."""
    if clause.measure not in (Measure.growth, Measure.change_pp):
        return None
    driven = knowledge().driven.search(clause.before_all)
    return clause.labels(driven.group(1), knowledge().driven_key, "clause") if driven else None


def _words(context: FigureContext, clause: _Clause) -> _Words:
    """The figure's own metric words: the phrase before the number (or 分别's n-th name), the thing counted after it,
    and a bare verb; then what the phrase borrows from the clause before and how the counted noun joins it."""
    facts = knowledge()
    text, start, previous = context.text, clause.start, context.previous
    shares_clause = previous is not None and context.previous_end > clause.clause_start
    before = text[max(clause.clause_start, context.previous_end) : start] if shares_clause else clause.before_all
    head = _without_change_words(_head(facts.streak.sub("", before), clause.measure), context.period)
    numeral_first = text[start : start + 1].isdigit()
    enumerated = _enumerated(text[context.sentence_start : start], context.names, context.period) if numeral_first else ""
    phrase = enumerated or _phrase(head, context.names, context.period)
    if clause.kind in ("money", "rate") and facts.names_a_place.search(phrase):
        phrase = ""  # 南区完成251亿元: the words name where, not what
    last = "" if phrase else _last_word(head)
    verb = last if last in facts.not_a_metric else ""  # 企业将投资35亿元建设…: 投资 names the key, not the metric
    relational_alone = phrase in facts.relational and (previous is None or not previous.metric)
    takes_object = bool(facts.object_verbs.search(facts.tail.sub("", before)))  # 为优质项目提供5万—20万元的创业资金补贴
    counted = _after_noun(clause.after, clause.kind, clause.measure, bool(phrase) and not relational_alone and not takes_object)
    if not phrase and not counted and clause.kind == "count" and not enumerated:
        phrase = _counted_group(head, context.names, context.base_unit, clause.measure)  # 各类开发区838个
    # 总投资6.3亿元的中核钛白…: one named project's total, also when a verb before says how it came (引进落地总投资…的)
    named_total = _named_total(phrase, clause.after)
    one_named = bool(named_total)
    if one_named:
        counted, relational_alone = "", False
    if phrase and not counted and not shares_clause and not enumerated:  # 科技型中小企业、高新技术企业、专精特新企业219家
        phrase = "、".join([*_listed_before(text, clause.clause_start, context.sentence_start, context.names, context.period), phrase])
    phrase, source = _clause_before(context, clause, head, phrase, counted) if not phrase else (phrase, "clause")
    source = "sentence" if enumerated else source
    relational_word = phrase if relational_alone else ""  # 总投资180亿元的…项目 is an investment
    if (relational_alone or takes_object) and counted:  # 设立规模50亿元的产业引导基金
        phrase = ""
    if shares_clause and counted and phrase and phrase == previous.metric:
        phrase = ""  # 1个旅游度假区和2个出口加工区: a list of counts, each of its own noun (not 旅游度假区出口加工区)
    key_words = (named_total or phrase or relational_word or verb) + counted
    phrase = _with_counted(phrase, counted, before, clause.kind) if counted else phrase
    return _Words(before, head, phrase, counted, verb, key_words, shares_clause, one_named, source)


def _named_total(phrase: str, after: str) -> str:
    """The investment word (总投资, 投资额) that ends ``phrase`` when 的 and a name follow the figure: that one thing's
    total, keyed by the word alone (引进落地总投资21.18亿元的宁德时代…项目 is the project's, not investment attracted)."""
    if not after.startswith("的"):
        return ""
    facts = knowledge()
    return next((word for word in facts.relational if phrase.endswith(word) and facts.invested.search(word)), "")


def _counted_group(head: str, names: list[str], base_unit: str, measure: Measure) -> str:
    """目前世界上共有各类开发区838个: a count right after the name of a group of zones counts its zones, so the name, which
    cut the phrase as a subject's, is the metric words (labels.toml counted_group: a scope, level or count opens it)."""
    words = knowledge().tail.sub("", head)
    if not words:
        return ""
    for name in names:  # longest first
        if name and words.endswith(name) and knowledge().counted_group.match(name) and metric_key(name, base_unit, measure) == "parks":
            return name
    return ""


def _with_counted(phrase: str, counted: str, before: str, kind: str) -> str:
    """The metric of a figure that names what it counts: 签约114个项目 → 签约项目; 8家科研机构 → 科研机构."""
    enumeration = before.rstrip().endswith("等")  # 台湾光群、春秋电子等50余个…项目: the names are examples
    joined = phrase and kind == "count" and not enumeration and not phrase.endswith(counted)
    return phrase + counted if joined else counted


def _clause_before(context: FigureContext, clause: _Clause, head: str, phrase: str, counted: str) -> tuple[str, str]:
    """产业规模突破千亿元，达到1020亿元: a clause of cue words and periods takes its metric from the clause before;
    one with words of its own (一般的只不过是20年, 发现…在近三年) does not. Returns the phrase and where it was read."""
    text, sentence_start = context.text, context.sentence_start
    own_words = bool(knowledge().breaks.search(head))
    comma_before = text[clause.clause_start - 1 : clause.clause_start] in ("，", ",")  # not a bracket: （记者…）建区5年来
    if counted or own_words or not comma_before or context.previous is not None:
        return phrase, "clause"
    earlier = _CLAUSE_MARK.match(text, sentence_start, clause.clause_start - 1)
    words = text[earlier.end() if earlier else sentence_start : clause.clause_start - 1]
    return _phrase(_head(words, clause.measure), context.names, context.period), "sentence"


def _from_previous(context: FigureContext, clause: _Clause, words: _Words) -> FigureLabels | None:
    """The metric of the figure before it in the sentence, when this one's words only relate to it (总数, 同比增长,
    累计达到, 高于…平均水平)."""
    previous, facts = context.previous, knowledge()
    if previous is None or not previous.metric:
        return None
    phrase, kind = words.phrase, clause.kind
    relational = phrase in facts.relational and previous.unit_class in (kind, "count") and not words.one_named  # not 总建筑面积…，总投资
    bound = facts.threshold_after.match(clause.after)  # 投资额1000万美元以上的项目: a class's bound, not their total
    relational = relational and not (bound and bound.group() != "的")  # a bare 的 leads to a name (one_named's case)
    stem = facts.change_words.sub("", previous.metric) or previous.metric  # what the figure before counts, not its change
    if relational:  # 新增市场主体800家，总数达到1.5万家 → 市场主体总数
        joined_metric = stem if stem.endswith(phrase) else stem + phrase
        key = metric_key(joined_metric, context.base_unit, clause.measure)
        key = refined_key(key, joined_metric, _whole_sentence(context.text, clause.start))
        return clause.labels(joined_metric, key, "sentence")
    if not phrase and clause.measure is not Measure.level:  # 进出口额169.65亿元，同比增长3.8%
        return clause.labels(previous.metric, previous.metric_key, "sentence")
    if not phrase and not words.counted and not words.head and previous.unit_class == kind:  # 新增…企业21家，累计达到86家
        return clause.labels(stem, previous.metric_key, "sentence")
    if previous.unit_class == kind == "count" and not words.counted and _a_part_of_the_place(words, clause):
        return clause.labels(previous.metric, previous.metric_key, "sentence")  # …，中部地区9个 after 东部地区32个
    compared = facts.comparison.search(context.text, max(context.previous_end, context.sentence_start), clause.start)
    if compared:  # 增长15.2%，高于全市平均水平3.6个百分点
        return clause.labels(previous.metric, previous.metric_key, "sentence")
    return None


def _from_parallel(context: FigureContext, clause: _Clause, words: _Words) -> FigureLabels | None:
    """南区完成251亿元 after 北区…: the first figure of a sentence with no metric words takes the metric of the
    continued sentence's first figure of its kind."""
    if context.previous is not None or (words.phrase and not _a_part_of_the_place(words, clause)) or words.counted or words.verb:
        return None
    lender = next((labels for labels in context.parallel if labels.unit_class == clause.kind and labels.metric), None)
    return clause.labels(lender.metric, lender.metric_key, "paragraph") if lender is not None else None


def _a_part_of_the_place(words: _Words, clause: _Clause) -> bool:
    """其中：东部地区32个，中部地区9个: a count whose words name only a part of the place (a region, no zone word, no
    key) counts what the sentence before it counted there."""
    if clause.kind != "count" or not knowledge().part_of_place.search(words.phrase):
        return False
    return metric_key(words.phrase, "个", Measure.level) == "other"


def _keyed(context: FigureContext, clause: _Clause, words: _Words) -> FigureLabels:
    """The figure's own metric and the key its words name (a list's, a share's of its whole, a time limit's), else
    the sentence's key; refined by words earlier in the sentence."""
    before_all, base_unit = clause.before_all, context.base_unit
    whole = before_all[before_all.rfind("占") + 1 :] if "占" in before_all else ""
    key_words = words.key_words
    key = list_key(key_words, base_unit, clause.measure) if "、" in key_words else metric_key(key_words, base_unit, clause.measure, whole)
    if key == "other":
        key = time_limit_key(base_unit, clause.after) or key
    source = words.source
    if key == "other" and _inherits_key(context, clause, words):
        key = context.previous.metric_key if context.previous is not None else key  # 在建18家、投产22家: the sentence's metric
        source = "sentence"
    if key == "other" and not _names_other(words.phrase):  # 研发机构1630家，其中技术转移示范机构12家: a kind of them
        whole = _count_of_part(context, clause)
        key = whole.metric_key if whole is not None else key
    if not words.one_named:  # one named project's total stays project_investment, even when it was signed
        key = refined_key(key, key_words, _whole_sentence(context.text, clause.start))
    if key == "other" and not words.phrase:
        source = "none"
    return clause.labels(words.phrase, key, source)


def _inherits_key(context: FigureContext, clause: _Clause, words: _Words) -> bool:
    """A figure whose words name no key takes the key of the figure before it (在建18家、投产22家;
    占比39.76%，高出平均水平13个百分点), unless its words name a thing of their own."""
    previous, phrase = context.previous, words.phrase
    if previous is None or not (previous.unit_class == clause.kind or clause.measure is not Measure.level):
        return False
    # 厂房50万平方米，入驻率达96%: a rate that names itself is not the amount before it (开工率 of counted projects,
    # and 投产率 after it, are)
    after_amount = previous.unit_class not in ("count", "rate")
    own_rate = after_amount and bool(phrase) and bool(knowledge().rate_noun.search(phrase))
    keeps_own = own_rate or _names_other(phrase)  # 新增一般债券 after 专项资金: a thing the lexicon places outside every key
    completes = clause.measure is not Measure.level and bool(knowledge().plan_words.match(phrase))  # 完成年度任务的125%
    short = not phrase or len(phrase) <= 3
    return not keeps_own and (words.shares_clause or short or completes or bool(knowledge().comparison.search(words.before)))


def _names_other(words: str) -> bool:
    """The words end with a signal of a key = "other" entry (债券, 措施): a thing outside the list, not a gap in it."""
    return bool(words) and _blocked(words)  # the same test, memoised


def continues_sentence(text: str, sentence_start: int) -> bool:
    """The sentence at ``sentence_start`` goes on from the one before: it follows a semicolon, or opens with 其中."""
    before = text[max(0, sentence_start - 2) : sentence_start].rstrip()
    return before.endswith(("；", ";")) or bool(knowledge().continues.match(text[sentence_start : sentence_start + 4]))


@lru_cache(maxsize=_MEMO_SIZE)  # metric words repeat across figures and pages
def _blocked(words: str) -> bool:
    """The words end in a noun outside the key list (奖补措施, 单位产值能耗)."""
    outside = (pattern for entry in knowledge().entries if entry.key == "other" for pattern, _ in entry.signals_in(words))
    return any(found.end() == len(words) for pattern in outside for found in pattern.finditer(words))


def _whole_sentence(text: str, position: int) -> str:
    """The words from the last full stop (not a semicolon) up to ``position``, looking back 160 characters at most."""
    floor = max(0, position - 160)
    stop = _UP_TO_LAST_FULL_STOP.match(text, floor, position)  # one greedy match, not one rfind per mark
    return text[stop.end() if stop else floor : position]  # no stop in reach: not the whole page before it


_UP_TO_LAST_FULL_STOP = re.compile("(?s).*[。！？\n]")


def _last_word(head: str) -> str:
    """The words after the last break: what a bare verb before the number says (投资, 出资)."""
    cut = max((m.end() for m in knowledge().breaks.finditer(head)), default=0)
    return head[cut:]


def _listed_before(text: str, clause_start: int, sentence_start: int, names: list[str], period: re.Pattern[str]) -> list[str]:
    """Items before this one joined to it by 、 and holding no number of their own, first to last."""
    items: list[str] = []
    end = clause_start
    while end > sentence_start and text[end - 1] == "、":
        mark = _CLAUSE_MARK.match(text, sentence_start, end - 1)
        item_start = mark.end() if mark else sentence_start
        item = text[item_start : end - 1]
        if _HAS_NUMBER.search(item) or not item:
            break
        items.append(item)
        end = item_start
    if items:
        items[-1] = _phrase(items[-1], names, period)  # 现有科技型中小企业 → 科技型中小企业
    return [item for item in reversed(items) if item]


def list_key(words: str, base_unit: str, measure: Measure) -> str:
    """The key of a list (A、B、C): the one key its items name, or the family of several kinds of firms."""
    if metric_key(words.split("、")[-1], base_unit, measure) == "other" and _blocked(words):
        return "other"  # 场地支持、创业基金…等方面奖补措施: the head noun decides
    keys = {metric_key(item, base_unit, measure) for item in words.split("、")} - {"other"}
    if len(keys) == 1:
        return keys.pop()
    families = {knowledge().families.get(key, "") for key in keys}
    if len(keys) > 1 and len(families) == 1 and "" not in families:
        return families.pop()
    return metric_key(words, base_unit, measure)


def _head(before: str, measure: Measure) -> str:
    """The words before the number without the measure's cue words (同比增长, 占…的, 是…的)."""
    facts = knowledge()
    before = facts.tail.sub("", before)
    growth = facts.growth_before.search(before)
    if growth:
        before = before[: growth.start()]
    if measure in (Measure.share, Measure.multiple):
        cut = max(before.rfind("占"), before.rfind("是"), before.rfind("为"))
        if cut >= 0 and not before.startswith(("占地", "占有"), cut):
            before = before[:cut]
        before = re.sub("(?:占比|比重|份额)$", "", before)
    return facts.tail.sub("", before)


def _without_change_words(head: str, period: re.Pattern[str]) -> str:
    """地区生产总值由十二五末的 → 地区生产总值; 增加到2020年的 → '': the words of a change from a base to a new level
    and the periods of both name no metric."""
    stripped = head.removesuffix("的")
    last = None
    for last in period.finditer(stripped):  # noqa: B007 - the last period of the head
        pass
    if last is not None and last.end() == len(stripped):
        stripped = stripped[: last.start()]
    found = knowledge().change_ends.search(stripped)
    return stripped[: found.start()] if found else head


def _phrase(head: str, names: list[str], period: re.Pattern[str]) -> str:
    """The suffix of ``head`` after its last break word or period (hard cuts) or name or zone word (soft cuts).

    A soft cut that leaves nothing gives way to the cut before it (全省共有开发区 → 开发区);
    a hard cut that leaves nothing means the phrase names no metric.
    """
    facts = knowledge()
    head, breaks = _without_trailing_breaks(head)
    cuts = {m.end(): True for m in breaks}
    cuts |= {m.end(): True for m in period.finditer(head)}
    cuts |= {m.end(): True for m in _QUANTITY.finditer(head)}
    for soft in (*(m.end() for m in facts.zone_words.finditer(head)), *name_ends(head, names)):
        cuts.setdefault(soft, False)
    for cut in sorted(cuts, reverse=True):
        phrase = clean_metric(head[cut:])
        if phrase and phrase not in names:
            return phrase
        if cuts[cut]:
            return ""
    phrase = clean_metric(head)
    return phrase if phrase not in names else ""


def _without_trailing_breaks(head: str) -> tuple[str, list[re.Match[str]]]:
    """经济总量首次 → 经济总量: a break word right before the number is a cue, not a boundary.

    With the break words of what is left, in order: the caller cuts at them, and the last pass here found them.
    """
    while True:
        head = knowledge().tail.sub("", head)
        breaks = list(knowledge().breaks.finditer(head))
        last = [m for m in breaks if m.end() == len(head) and m.start() > 0]
        if not last:
            return head, breaks
        head = head[: last[-1].start()]


def clean_metric(words: str) -> str:
    """``words`` without edge cue words, or '' when what is left cannot name a metric."""
    facts = knowledge()
    words = facts.tail.sub("", words.strip("的“”‘’ 　" + BULLETS)).strip("的“”‘’ 　")
    words = facts.lead.sub("", words)
    if words.startswith(("”", "’")):
        words = words[1:]
    return words if is_metric(words) else ""


def is_metric(words: str) -> bool:
    """Two characters at least, not a function word or bare verb, not a number."""
    facts = knowledge()
    return len(words) >= 2 and words not in facts.not_a_metric and not _DIGITS.fullmatch(words[:1] or "x")


def _after_noun(after: str, kind: str, measure: Measure, has_phrase: bool) -> str:
    """The thing named right after the number: a count's noun (8家科研机构), a rate's
    (全市28.9%以上的规上工业总产值), or any figure's when nothing before it names one (设立两亿元创新创业基金)."""
    facts = knowledge()
    words = facts.after_lead.sub("", after)  # 以上, 左右, 不等 …
    if facts.change_opens.match(words):
        return ""  # 从0.94万家增加到1.55万家: the change's other end follows, not what is counted
    if kind == "count":
        return clean_metric(_counted_noun(words))
    if (measure is Measure.share and words.startswith("的")) or not has_phrase:
        words = words.removeprefix("的")
        end = facts.breaks_or_marks.search(words)
        return clean_metric(words[: end.start()] if end else words)
    return ""


def _counted_noun(words: str) -> str:
    """What a count counts: 50余个关联度高的制造业项目 → 制造业项目 (the head after 的);
    300家领军型、成长型、潜力型企业 → the whole list (、 before no number of its own); 54个签约项目 → 签约项目 (a verb
    that names a kind with the noun after it, labels.toml count_kind_verbs)."""
    verb = knowledge().count_kind_verb.match(words)
    if verb is None:
        return _counted_nouns(words)
    noun = _counted_nouns(words[verb.end() :])
    return verb.group() + noun if noun and "、" not in noun and _names_a_metric(noun) else ""


def _counted_nouns(words: str) -> str:
    """The noun (or list of nouns) a count counts, read up to the first word that stops it."""
    facts = knowledge()
    listed: list[str] = []
    rest = words
    for _ in range(4):
        stop = facts.after_stop.search(rest)
        while stop and stop.start() and stop.group() in facts.count_joiners and not _names_a_metric(rest[: stop.start()]):
            joined = facts.after_stop.search(rest, stop.end())  # 424家软件和信息技术服务业企业: 和 joins two sectors of firms
            second = rest[stop.end() : joined.start() if joined else len(rest)]
            if not _names_firms(second) or facts.numeral.search(second):
                break  # 4个地区和园区: two kinds counted together; 企业120家和…企业300家: the next count's own noun
            stop = joined
        piece = rest[: stop.start()] if stop else rest
        following = rest[stop.end() :] if stop else ""
        more = bool(following) and not facts.numeral.match(following)
        qualifier = listed or not piece or facts.adjective_end.search(piece) or not _names_a_metric(piece)
        if stop and stop.group() == "的" and more and qualifier:
            listed, rest = [], following  # 关联度高、配套性强的制造业项目: the words before 的 only qualify the head
            continue
        listed.append(piece)
        if stop and stop.group() == "、" and piece and more and not _next_item_has_number(following):
            rest = following
            continue
        break
    return "、".join(item for item in listed if item)


@lru_cache(maxsize=_MEMO_SIZE)  # metric words repeat across figures and pages
def is_kind_word(words: str) -> bool:
    """The words are exactly a signal of the lexicon (研发中心, 孵化器): a kind of thing, not a name."""
    return any(pattern.fullmatch(words) for entry in knowledge().entries for pattern, _ in entry.signals_in(words))


def _names_firms(words: str) -> bool:
    """The words count firms of some kind (信息技术服务业企业): a key of the enterprises family."""
    return knowledge().families.get(metric_key(words, "家", Measure.level), "") == "enterprises"


@lru_cache(maxsize=_MEMO_SIZE)  # metric words repeat across figures and pages
def _names_a_metric(words: str) -> bool:
    """Some signal of the lexicon occurs in the words."""
    return any(pattern.search(words) for entry in knowledge().entries for pattern, _ in entry.signals_in(words))


def _next_item_has_number(words: str) -> bool:
    """国家小巨人企业3家、山东省专精特新中小企业51家: the next item is a figure of its own."""
    stop = knowledge().after_stop.search(words)
    return bool(_HAS_NUMBER.search(words[: stop.start()] if stop else words))


def _enumerated(before: str, names: list[str], period: re.Pattern[str]) -> str:
    """A和B分别增长X%和Y%: the n-th number after 分别 takes the n-th name before it."""
    at = before.find("分别")
    if at == -1 or _CLAUSE_BREAK.search(before, at):
        return ""  # …比重分别为99.3%、84.6%，民间项目投资增长4.6%: 分别's list ended before this clause
    # the names run within the clause before 分别 (达到23562亿元，一般公共预算收入、税收收入年均分别…: not the amounts'
    # clause before it); a clause mark right before 分别 (工业总产值、税收收入，分别…) ends no list
    listing = re.split("[，,；;：:]", before[:at].rstrip("，,；;：: "))[-1]
    items = re.split("[和与及、]", listing)
    if not re.search("[和与及]", listing):  # 城镇和农村居民…收入: two groups, one metric
        items = _with_shared_head(items)
    if not all(_names_a_metric(item) for item in items):  # 开工、竣工项目占比: one head shared, not a list
        items = re.split("[和与及]", listing)
        if not all(_names_a_metric(item) for item in items):
            return ""  # 城镇和农村居民人均可支配收入分别增长4.3%、5.5%: one metric of two groups, not two metrics
    listed_before = _VALUE_LIST_END.search(before, max(at, len(before) - 120))  # 0.74和19.33: the value list only
    ordinal = len(_NUMBER.findall(listed_before.group())) if listed_before else 0
    return _phrase(items[ordinal], names, period) if len(items) > 1 and ordinal < len(items) else ""


def _with_shared_head(items: list[str]) -> list[str]:
    """固定资产、工业技改投资分别增长23.5%、29.5%: a list whose last item ends in a head the others leave out; each of
    them is named with that head (固定资产投资), the shortest end of the last item that joins it into a term of its own
    (a key the end alone does not name: 省、市重点项目 are two groups of 项目, not 省项目)."""
    last = items[-1]
    if any(_CLAUSE_BREAK.search(item) for item in items):
        return items  # a list runs within its clause
    named = []
    for item in items[:-1]:
        if item and not _names_a_metric(item):
            item = next((item + last[-size:] for size in range(1, len(last)) if _joins_a_term(item, last[-size:])), item)
        named.append(item)
    return [*named, last]


def _joins_a_term(item: str, head: str) -> bool:
    """固定资产 + 投资 is 固定资产投资, a key of its own; 省 + 项目 is still 项目."""
    joined = metric_key(item + head, "", Measure.growth)
    return joined != "other" and joined != metric_key(head, "", Measure.growth)
