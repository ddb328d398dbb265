"""How sure a figure's labels are: a band (high, medium, low) from where each label was read.

The rule is data (extractor/data/confidence.toml): which scopes make a label safe and which make it a guess.
It runs in the pipeline on every backend's figures, after the validator and the period resolution.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import knowledge
from ..knowledge import load
from ..models import Figure, Status


@dataclass(frozen=True)
class _Scopes:
    """A band of confidence.toml ([high] or [low]): the scopes each label may come from; an entry's key is its field's name."""

    subject_from: frozenset[str]
    metric_from: frozenset[str]
    period_from: frozenset[str]
    metric_key_other: bool = False  # [high]: whether a metric the lexicon does not name can be high


_LABELS = ("subject_from", "metric_from", "period_from")


@cache
def _bands() -> tuple[_Scopes, _Scopes]:
    """(high, low)."""
    return load("confidence.toml", _Scopes, "high"), load("confidence.toml", _Scopes, "low")


def examples() -> list[dict]:
    """The data file's examples (for the tests)."""
    return knowledge.examples("confidence.toml")


def band(subject_from: str, metric_from: str, period_from: str, metric_key: str, verified: bool = True) -> str:
    """The confidence band of labels read from these scopes."""
    high, low = _bands()
    sources = dict(zip(_LABELS, (subject_from, metric_from, period_from), strict=True))
    if not verified or any(sources[label] in getattr(low, label) for label in _LABELS):
        return "low"
    if metric_key == "other" and not high.metric_key_other:
        return "medium"
    if all(sources[label] in getattr(high, label) for label in _LABELS):
        return "high"
    return "medium"


def assess(figures: list[Figure]) -> None:
    """Set every figure's ``confidence`` from its label sources and its status."""
    for figure in figures:
        figure.confidence = band(  # type: ignore[assignment]
            figure.subject_from, figure.metric_from, figure.period_from, figure.metric_key, figure.status is Status.verified
        )
