"""How sure a figure's labels are: a band (high, medium, low) from where each label was read.

The rule is data (extractor/data/confidence.toml): which scopes make a label safe and which make it a guess.
It runs in the pipeline on every backend's figures, after the validator and the period resolution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import knowledge
from ..frozen import quick_init
from ..knowledge import load
from ..models import Figure, Status


@dataclass(frozen=True)
class _Scopes:
    """A band of confidence.toml ([high] or [low]): the scopes each label may come from; an entry's key is its field's name."""

    subject_from: frozenset[str]
    metric_from: frozenset[str]
    period_from: frozenset[str]
    metric_key_other: bool = False  # [high]: whether a metric the lexicon does not name can be high


@dataclass(frozen=True)
class _DocumentSubject:
    """[document_subject] of confidence.toml: the scopes of metric and period with which a subject read from the
    document is as safe as one read from the clause."""

    subject_from: frozenset[str]
    metric_from: frozenset[str]
    period_from: frozenset[str]


@cache
def _document_subject() -> _DocumentSubject:
    return load("confidence.toml", _DocumentSubject, "document_subject")


@dataclass(frozen=True)
class _NeverHigh:
    """[never_high] of confidence.toml: labels that stay below high whatever scopes they were read from."""

    subject: re.Pattern[str]  # a subject a reader may name by its place instead (全市园区 → 安顺市)
    lent_measures: frozenset[str]  # measures whose metric lent by another figure (metric_from sentence) is a guess
    lent_period_from: frozenset[str]  # the only period scopes with which a lent metric (metric_from sentence) is high
    broad_keys: frozenset[str]  # keys that also catch finer things the lexicon misses (企业 of 专精特新企业)
    broad_keys_from: frozenset[str]  # metric scopes that name a broad key whole (a table's row header 企业数)
    attribute_keys: frozenset[str]  # keys of a thing's attribute: only a period of their own sentence dates them
    attribute_period_from: frozenset[str]
    scope_actor: re.Pattern[str]  # metric words that name who the figure is of (红旗品牌汽车产量, 国资委监管企业利润)
    inherited_subject_from: frozenset[str]  # subject scopes such an actor in the clause outranks
    scope_zone: re.Pattern[str]  # a zone's kind word in the metric words (保税区经营总收入): the figure is that zone's
    scope_zone_subject_from: frozenset[str]  # subject scopes such a zone outranks unless the subject is of that kind
    counted_kind: re.Pattern[str]  # kinds a count may count (10家省实验室, 3-4家国家级高新区) that a subject may be one of
    counted_units: frozenset[str]  # units of a count
    counted_subject_from: frozenset[str]  # subject scopes a count of the subject's own kind holds back
    measures: frozenset[str]  # measures whose key names one of two quantities (a share: the part's or the whole's)
    bare_subject: re.Pattern[str]  # a subject that is only a kind word (园区, 经开区): whose zones, the text does not say
    bare_subject_from: frozenset[str]  # subject scopes where such a subject is a guess (a table's caption is not)
    value_keys: frozenset[str]  # keys that are an amount of money and nothing else (revenue, 增加值, investment, exports)
    money_units: frozenset[str]  # the base units of money ("" for a bare 亿: the unit left unsaid)
    channel_subject: re.Pattern[str]  # a subject that names a channel or a means (跨境电商平台, 利用…平台), not whose
    unsplit_list: re.Pattern[str]  # metric words still holding a list of quantities before 分别/依次: which item is this?
    respectively: re.Pattern[str]  # 分别/依次 in the clause after metric words that still hold a 、-list (案损数分别下降16%)
    verb_subject: re.Pattern[str]  # a subject led by a verb (引进上海电气): the object of what was done, not whose figure
    duration_units: frozenset[str]  # units of time (年, 天): a level in them is a duration
    duration_keys: frozenset[str]  # keys that are durations; any other key's level in a unit of time counts something else
    scope_zone_before_from: frozenset[str]  # subject scopes a zone's kind word heading the clause outranks (园区规上工业总产值)
    this_year: re.Pattern[str]  # a period that is only "this year" (今年, 今年以来): which year, the date must say
    year_end_months: frozenset[str]  # publication months (01) in which "this year" is as often the year just ended


_LABELS = ("subject_from", "metric_from", "period_from")


@cache
def _bands() -> tuple[_Scopes, _Scopes]:
    """(high, low)."""
    return load("confidence.toml", _Scopes, "high"), load("confidence.toml", _Scopes, "low")


@cache
def _never_high() -> _NeverHigh:
    return load("confidence.toml", _NeverHigh, "never_high")


@quick_init
@dataclass(frozen=True)
class Labels:
    """What a figure's labels say, beside where they were read from."""

    subject: str = ""
    measure: str = ""
    metric_scope: str = ""
    metric: str = ""  # the metric words as printed (省实验室, 国家级高新区)
    unit: str = ""  # the base unit (个, 家, 元)
    period: str = ""  # the period words as printed (今年以来, 2024年)
    published: str = ""  # the document's publication date (ISO), empty when unknown
    clause: str = ""  # the clause the figure was read from (its evidence text)


def _held_back(labels: Labels, sources: dict[str, str], metric_key: str) -> bool:
    """Labels whose scopes would make them high but that measurement found unsafe (confidence.toml [never_high])."""
    rule = _never_high()
    metric_from, period_from = sources["metric_from"], sources["period_from"]
    return (
        bool(rule.subject.search(labels.subject))
        or (metric_from == "sentence" and labels.measure in rule.lent_measures)
        or (metric_from == "sentence" and period_from not in rule.lent_period_from)
        or (metric_key in rule.broad_keys and metric_from not in rule.broad_keys_from)
        or (metric_key in rule.attribute_keys and period_from not in rule.attribute_period_from)
        or (sources["subject_from"] in rule.inherited_subject_from and bool(rule.scope_actor.search(labels.metric_scope)))
        or (sources["subject_from"] in rule.scope_zone_subject_from and _other_zone_in_scope(rule, labels))
        or (sources["subject_from"] in rule.counted_subject_from and _counts_own_kind(rule, labels))
        or labels.measure in rule.measures
        or (sources["subject_from"] in rule.bare_subject_from and bool(rule.bare_subject.fullmatch(labels.subject)))
        or _unit_not_of_key(rule, labels, metric_key)
        or bool(rule.channel_subject.search(labels.subject))
        or bool(rule.unsplit_list.search(labels.metric))
        or _list_left_whole(rule, labels, metric_from)
        or bool(rule.verb_subject.search(labels.subject))
        or (labels.measure == "level" and labels.unit in rule.duration_units and metric_key not in rule.duration_keys)
        or (sources["subject_from"] in rule.scope_zone_before_from and _other_zone_before_metric(rule, labels))
        or (labels.published[5:7] in rule.year_end_months and bool(rule.this_year.fullmatch(labels.period)))
    )


def _list_left_whole(rule: _NeverHigh, labels: Labels, metric_from: str) -> bool:
    """Metric words that still hold a 、-list (受理数、案损数) for a value that is one item's: the clause says 分别 after
    them (案损数分别下降16%), or the metric was lent by the figure before (36% of 分别下降16%、36%)."""
    if "、" not in labels.metric:
        return False
    return metric_from == "sentence" or bool(rule.respectively.search(_after_metric(labels)))


def _after_metric(labels: Labels) -> str:
    """The clause after its metric words' last item (the clause of 受理数、案损数分别下降16% begins at 案损数)."""
    last = labels.metric.rsplit("、", 1)[-1]
    at = labels.clause.find(last) if last else -1
    return labels.clause[at + len(last) :] if at >= 0 else labels.clause


def _other_zone_before_metric(rule: _NeverHigh, labels: Labels) -> bool:
    """A zone's kind word heading the clause before the metric words (园区规上工业总产值突破1000亿元 under 玉林市) says whose
    figure it is, as the metric words' own scope does (_other_zone_in_scope): an inherited subject not of that kind is a
    guess."""
    at = labels.clause.find(labels.metric) if labels.metric else -1
    head = labels.clause[:at] if at > 0 else ""
    return any(kind not in labels.subject for kind in rule.scope_zone.findall(head))


def _unit_not_of_key(rule: _NeverHigh, labels: Labels, metric_key: str) -> bool:
    """A level whose unit its key cannot be counted in: 17个 under 重点传统制造业增加值 (a value added is money), 惠及124万名
    under 育儿补贴 (a subsidy's money does not count people), 出口集装箱3159个 (containers, not the exports' value). The
    number then belongs to another metric the words before it do not name."""
    return labels.measure == "level" and metric_key in rule.value_keys and labels.unit not in rule.money_units


def _counts_own_kind(rule: _NeverHigh, labels: Labels) -> bool:
    """A count of things of the subject's own kind (3-4家国家级高新区 under 河北省国家高新区, 10家省实验室 under 天目山实验室)
    counts a group the subject is one of, or is made of: whose count it is, the text does not say. Not when the metric
    words hold the subject whole (在常州高新区投资了52个项目: counted in it) or the kind is a level (自治区级平台)."""
    if labels.unit not in rule.counted_units or not labels.subject or labels.subject in labels.metric:
        return False
    kind = rule.counted_kind.search(labels.subject)
    return bool(kind and kind.end() == len(labels.subject) and re.search(f"{kind.group()}(?!级)", labels.metric))


def _other_zone_in_scope(rule: _NeverHigh, labels: Labels) -> bool:
    """The metric words name a zone (保税区经营总收入, 郑州航空港区地区生产总值) that the inherited subject is not of
    that kind (上海自贸区, 河南省): the figure may well be that zone's. 常州高新区投资 under 常州高新区 is not held back."""
    return any(kind not in labels.subject for kind in rule.scope_zone.findall(labels.metric_scope))


def examples() -> list[dict]:
    """The data file's examples (for the tests)."""
    return knowledge.examples("confidence.toml")


def band(subject_from: str, metric_from: str, period_from: str, metric_key: str, verified: bool = True, labels: Labels = Labels()) -> str:
    """The confidence band of labels read from these scopes (``labels``: what the subject and measure say)."""
    high, low = _bands()
    sources = dict(zip(_LABELS, (subject_from, metric_from, period_from), strict=True))
    if not verified or any(sources[label] in getattr(low, label) for label in _LABELS):
        return "low"
    if metric_key == "other" and not high.metric_key_other:
        return "medium"
    if _high_scopes(high, sources) and not _held_back(labels, sources, metric_key):
        return "high"
    return "medium"


def _high_scopes(high: _Scopes, sources: dict[str, str]) -> bool:
    """Every label read from a [high] scope, or the subject the title names under [document_subject]'s metric and
    period."""
    if all(sources[label] in getattr(high, label) for label in _LABELS):
        return True
    section = _document_subject()
    return (
        sources["subject_from"] in section.subject_from
        and sources["metric_from"] in section.metric_from
        and sources["period_from"] in section.period_from
    )


def assess(figures: list[Figure], published: str = "") -> None:
    """Set every figure's ``confidence`` from its label sources and its status (``published``: the document's date)."""
    for figure in figures:
        measure = figure.measure.value if figure.measure else ""
        clause = figure.evidence.text if figure.evidence else ""
        labels = Labels(
            figure.subject, measure, figure.metric_scope, figure.metric, figure.base_unit, figure.period, published, clause
        )
        figure.confidence = band(  # type: ignore[assignment]
            figure.subject_from, figure.metric_from, figure.period_from, figure.metric_key, figure.status is Status.verified, labels
        )
