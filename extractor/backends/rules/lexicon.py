"""The labeller's knowledge: the metric lexicon (extractor/data/metrics.toml) and the phrase, measure, target
and scope words (extractor/data/labels.toml), each file read through its schema and compiled once into a ``Lexicon``.

labels.py holds the mechanisms that read a figure's labels with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any

from ...domain.firstchars import first_char_guard
from ...knowledge import load

_GAP = "…"  # a signal's gap: 规上…增加值 matches up to eight characters between its parts


@dataclass(frozen=True)
class Metric:
    """One key of the lexicon, compiled: its signals as patterns with their weights, and where it applies."""

    key: str
    signals: tuple[tuple[re.Pattern[str], int], ...]  # (pattern, weight = characters of the signal)
    units: frozenset[str]
    unit_fallback: frozenset[str]
    share_key: str
    head_only: bool  # its signals name the metric only as the last word (措施 of 奖补措施; 高新区 of 国家级高新区)
    context: re.Pattern[str] | None  # words earlier in the sentence that make this key (签约…, 总投资…)
    refines: str  # the key that ``context`` turns into this one
    time_limit: bool  # a duration before 内 (一周内, 3个工作日内) is this key
    refine_words: re.Pattern[str] | None  # the metric words a refinement applies to (总投资, not 完成投资)
    anchor: str  # the context is read around the last mention of this word (项目)
    share_of: re.Pattern[str] | None  # the wholes a share must be of to take ``share_key``
    parts: tuple[tuple[str, str], ...] = ()  # signals that name a part of the key, with the scope they give
    head_wins: bool = False  # as the last word of a count's metric it names what is counted (加速器项目3项)
    head_outranks: bool = False  # as the last word of any figure's metric it names what is measured (…企业…能耗)
    heads: tuple[str, ...] = ()  # each signal's first literal part: words without it hold no match of that signal

    def signals_in(self, words: str) -> list[tuple[re.Pattern[str], int]]:
        """The signals that may occur in words, in order: a substring test each instead of a regex scan each."""
        return [signal for signal, head in zip(self.signals, self.heads, strict=True) if head in words]


@dataclass(frozen=True)
class Lexicon:
    """What the labeller knows, compiled once: the metric keys, and the words that cut, lead, tail and qualify a phrase."""

    entries: tuple[Metric, ...]
    breaks: re.Pattern[str]
    zone_words: re.Pattern[str]
    tail: re.Pattern[str]
    lead: re.Pattern[str]
    invested: re.Pattern[str]
    respectively: re.Pattern[str]
    average_after: re.Pattern[str]
    period_phrase_before: re.Pattern[str]
    scope_framing: re.Pattern[str]
    period_phrase_after: re.Pattern[str]
    named_period_before: re.Pattern[str]
    named_period_after: re.Pattern[str]
    threshold_before: re.Pattern[str]
    threshold_opens: re.Pattern[str]  # the same words read at the head of a value text (超亿元)
    threshold_after: re.Pattern[str]
    threshold_bound_after: re.Pattern[str]
    not_a_metric: frozenset[str]
    relational: tuple[str, ...]
    after_stop: re.Pattern[str]
    after_lead: re.Pattern[str]
    count_kind_verb: re.Pattern[str]  # 54个签约项目: a verb that opens the counted noun
    part_opens: str  # 其中: the counts after it are parts of the count before it
    conduit: re.Pattern[str]  # 对俄贸易直销通道: a flow's conduit named earlier in its sentence
    conduit_keys: frozenset[str]
    breaks_or_marks: re.Pattern[str]
    rate_noun: re.Pattern[str]
    completion_noun: re.Pattern[str]
    plan_words: re.Pattern[str]
    count_units: frozenset[str]
    growth_before: re.Pattern[str]
    growth_after: re.Pattern[str]
    share_cues: re.Pattern[str]
    multiple_units: frozenset[str]
    change_pp_units: frozenset[str]
    rate_units: frozenset[str]
    target_cues: re.Pattern[str]
    target_lead: re.Pattern[str]
    outcome: re.Pattern[str]
    change_words: re.Pattern[str]
    not_target_cues: re.Pattern[str]
    change_ends: re.Pattern[str]  # 由, 增加到 … ending the words before a number
    change_opens: re.Pattern[str]  # 增加到 … opening the words after a number (从0.94万家增加到1.55万家)
    plan_headings: re.Pattern[str]
    year_work_headings: re.Pattern[str]
    review_headings: re.Pattern[str]
    streak: re.Pattern[str]
    time_limit_after: re.Pattern[str]
    families: dict[str, str]
    growth_verb_object: re.Pattern[str]
    numeral: re.Pattern[str]
    adjective_end: re.Pattern[str]
    object_verbs: re.Pattern[str]
    comparison: re.Pattern[str]
    driven: re.Pattern[str]
    driven_key: str
    growth_nouns: re.Pattern[str]
    names_a_place: re.Pattern[str]
    continues: re.Pattern[str]
    counted_group: re.Pattern[str]
    share_opens: re.Pattern[str]
    part_of_place: re.Pattern[str]
    count_joiners: tuple[str, ...]
    gloss_before: re.Pattern[str]


@dataclass(frozen=True)
class _MetricEntry:
    """metrics.toml [[metric]]: one canonical key, the signals that name it, and where it applies (see the file)."""

    key: str
    signals: tuple[str, ...]
    label: str = ""
    units: tuple[str, ...] = ()
    unit_fallback: tuple[str, ...] = ()
    share_key: str = ""
    head_only: bool = False
    context: str = ""
    refines: str = ""
    time_limit: bool = False
    refine_words: str = ""
    anchor: str = ""
    share_of: str = ""
    parts: dict[str, str] = field(default_factory=dict)
    head_wins: bool = False
    head_outranks: bool = False
    family: str = ""
    examples: tuple[dict[str, Any], ...] = ()
    counter: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class _Metrics:
    metric: tuple[_MetricEntry, ...]


@dataclass(frozen=True)
class _PhraseWords:
    """labels.toml [phrase]: what cuts, leads and tails a metric phrase, and the cue words read around it."""

    breaks: tuple[str, ...]
    zone_words: tuple[str, ...]
    names_a_place: re.Pattern[str]
    continues: re.Pattern[str]
    counted_group: re.Pattern[str]
    tail: re.Pattern[str]
    lead: re.Pattern[str]
    invested: re.Pattern[str]
    respectively: re.Pattern[str]
    average_after: re.Pattern[str]
    period_phrase_before: str
    period_phrase_after: re.Pattern[str]
    named_period_before: str
    named_period_after: re.Pattern[str]
    threshold_before: str
    threshold_after: re.Pattern[str]
    threshold_bound_after: re.Pattern[str]
    not_a_metric: frozenset[str]
    relational: tuple[str, ...]
    change_words: re.Pattern[str]
    change_from: str
    change_to: str
    after_count_stop: str
    after_count_lead: re.Pattern[str]
    count_kind_verbs: re.Pattern[str]
    part_opens: str
    conduit: re.Pattern[str]
    conduit_keys: tuple[str, ...]
    count_joiners: tuple[str, ...]
    gloss_verbs: str
    footnote_mark: str
    share_opens: re.Pattern[str]
    part_of_place: re.Pattern[str]
    numeral: re.Pattern[str]
    adjective_end: re.Pattern[str]
    object_verbs: re.Pattern[str]
    comparison: re.Pattern[str]
    driven: re.Pattern[str]
    driven_key: str
    streak: re.Pattern[str]
    time_limit_after: re.Pattern[str]
    count_units: frozenset[str]
    examples: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class _ScopeWords:
    framing: re.Pattern[str]
    examples: tuple[Any, ...] = ()


@dataclass(frozen=True)
class _MeasureWords:
    """labels.toml [measure]: the units and cue words that tell growth, share, multiple and level apart."""

    growth_before: re.Pattern[str]
    growth_verb_object: re.Pattern[str]
    growth_after: re.Pattern[str]
    share_cues: re.Pattern[str]
    growth_nouns: re.Pattern[str]
    multiple_units: frozenset[str]
    change_pp_units: frozenset[str]
    rate_units: frozenset[str]
    rate_nouns: re.Pattern[str]
    completion_nouns: re.Pattern[str]
    plan_words: re.Pattern[str]
    examples: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class _TargetWords:
    cues: re.Pattern[str]
    lead_cues: re.Pattern[str]  # a cue that opens a sentence and scopes over its ；-list (预计,…；…；…。)
    outcome: re.Pattern[str]
    not_cues: re.Pattern[str]
    plan_headings: re.Pattern[str]  # a heading that announces the work ahead: its section holds targets
    year_work_headings: re.Pattern[str]  # a year's work (三、2026年主要工作): ahead when it follows a review
    review_headings: re.Pattern[str]
    examples: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class _LabelWords:
    """labels.toml: an entry's key is its field's name."""

    phrase: _PhraseWords
    scope: _ScopeWords
    measure: _MeasureWords
    target: _TargetWords
    period_phrase_examples: tuple[dict[str, Any], ...] = ()  # spans of time that frame something else (the tests')
    threshold_examples: tuple[dict[str, Any], ...] = ()  # amounts that bound a class of things (the tests')


def metric_entries() -> tuple[_MetricEntry, ...]:
    """The lexicon's entries as the file writes them (metrics.toml [[metric]])."""
    return load("metrics.toml", _Metrics).metric


@cache
def knowledge() -> Lexicon:
    return _guarded(_lexicon(metric_entries(), load("labels.toml", _LabelWords)))


def _guarded(lexicon: Lexicon) -> Lexicon:
    """The lexicon with every pattern led by a test of the characters a match can start with (firstchars.py).

    Its word lists are searched in every figure's clause (the tail ``(?:…)+$`` alone some 65,000 times on 30 copies of the
    seeds); as alternations the regex engine tried them word by word at every position. The matches stay the same."""
    patterns = {f.name: getattr(lexicon, f.name) for f in fields(lexicon) if isinstance(getattr(lexicon, f.name), re.Pattern)}
    return replace(lexicon, **{name: first_char_guard(pattern) for name, pattern in patterns.items()})


def _lexicon(metrics: tuple[_MetricEntry, ...], words: _LabelWords) -> Lexicon:
    phrase, measure, target = words.phrase, words.measure, words.target
    return Lexicon(
        entries=tuple(_entry(item) for item in metrics),
        breaks=re.compile("|".join(phrase.breaks)),
        zone_words=re.compile("|".join(phrase.zone_words)),
        tail=phrase.tail,
        lead=phrase.lead,
        invested=phrase.invested,
        respectively=phrase.respectively,
        average_after=phrase.average_after,
        period_phrase_before=re.compile(f"(?:{phrase.period_phrase_before})$"),
        scope_framing=words.scope.framing,
        period_phrase_after=phrase.period_phrase_after,
        named_period_before=re.compile(f"(?:{phrase.named_period_before})$"),
        named_period_after=phrase.named_period_after,
        threshold_before=re.compile(f"(?:{phrase.threshold_before})$"),
        threshold_opens=re.compile(f"(?:{phrase.threshold_before})"),
        threshold_after=phrase.threshold_after,
        threshold_bound_after=phrase.threshold_bound_after,
        not_a_metric=phrase.not_a_metric,
        relational=phrase.relational,
        after_stop=re.compile(phrase.after_count_stop + "|" + "|".join(phrase.breaks)),
        after_lead=phrase.after_count_lead,
        count_kind_verb=phrase.count_kind_verbs,
        part_opens=phrase.part_opens,
        conduit=phrase.conduit,
        conduit_keys=frozenset(phrase.conduit_keys),
        breaks_or_marks=re.compile("[，。、；：,;:（）()！？的\\d]|" + "|".join(phrase.breaks)),  # 增长44%和81.18%: no number
        rate_noun=measure.rate_nouns,
        completion_noun=measure.completion_nouns,
        plan_words=measure.plan_words,
        count_units=phrase.count_units,
        growth_before=measure.growth_before,
        growth_after=measure.growth_after,
        share_cues=measure.share_cues,
        multiple_units=measure.multiple_units,
        change_pp_units=measure.change_pp_units,
        rate_units=measure.rate_units,
        target_cues=target.cues,
        target_lead=target.lead_cues,
        outcome=target.outcome,
        change_words=phrase.change_words,
        not_target_cues=target.not_cues,
        change_ends=re.compile(f"(?:{phrase.change_from}|{phrase.change_to})$"),
        change_opens=re.compile(f"^(?:{phrase.change_to})"),
        plan_headings=target.plan_headings,
        year_work_headings=target.year_work_headings,
        review_headings=target.review_headings,
        streak=phrase.streak,
        time_limit_after=phrase.time_limit_after,
        families={item.key: item.family for item in metrics if item.family},
        growth_verb_object=measure.growth_verb_object,
        numeral=phrase.numeral,
        adjective_end=phrase.adjective_end,
        object_verbs=phrase.object_verbs,
        comparison=phrase.comparison,
        driven=phrase.driven,
        driven_key=phrase.driven_key,
        growth_nouns=measure.growth_nouns,
        names_a_place=phrase.names_a_place,
        continues=phrase.continues,
        counted_group=phrase.counted_group,
        count_joiners=phrase.count_joiners,
        share_opens=phrase.share_opens,
        part_of_place=phrase.part_of_place,
        # (GDP) between a metric and its number, or before the verb that leads to it (园区生产总值(GDP)达到12.33万亿元)
        # a note's mark (生产总值[2]1002.18亿元) stands there the same way
        gloss_before=re.compile(f"(?:[（(][^（）()，。；、\\d]{{1,12}}[）)]|{phrase.footnote_mark})(?:{phrase.gloss_verbs})?$"),
    )


def _entry(item: _MetricEntry) -> Metric:
    signals = []
    for signal in item.signals:
        pattern = ".{0,8}?".join(re.escape(part) for part in signal.split(_GAP))
        signals.append((re.compile(pattern), len(signal.replace(_GAP, ""))))
    return Metric(
        item.key,
        tuple(signals),
        frozenset(item.units),
        frozenset(item.unit_fallback),
        item.share_key,
        item.head_only,
        re.compile(item.context) if item.context else None,
        item.refines,
        item.time_limit,
        re.compile(item.refine_words) if item.refine_words else None,
        item.anchor,
        re.compile(item.share_of) if item.share_of else None,
        tuple(item.parts.items()),
        item.head_wins,
        item.head_outranks,
        tuple(signal.split(_GAP)[0] for signal in item.signals),
    )
