"""How sure a figure's labels are: a band (high, medium, low) from where each label was read.

The rule is data (extractor/data/confidence.toml): which scopes make a label safe and which make it a guess.
It runs in the pipeline on every backend's figures, after the validator and the period resolution.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .models import Figure, Status


@dataclass(frozen=True)
class _Bands:
    high: dict[str, frozenset[str]]
    low: dict[str, frozenset[str]]
    other_high: bool


_LABELS = ("subject_from", "metric_from", "period_from")


@cache
def _bands() -> _Bands:
    data = tomllib.loads(resources.files("extractor").joinpath("data/confidence.toml").read_text(encoding="utf-8"))
    return _Bands(
        high={label: frozenset(data["high"][label]) for label in _LABELS},
        low={label: frozenset(data["low"][label]) for label in _LABELS},
        other_high=bool(data["high"]["metric_key_other"]),
    )


def examples() -> list[dict]:
    """The data file's examples (for the tests)."""
    return tomllib.loads(resources.files("extractor").joinpath("data/confidence.toml").read_text(encoding="utf-8"))["examples"]


def band(subject_from: str, metric_from: str, period_from: str, metric_key: str, verified: bool = True) -> str:
    """The confidence band of labels read from these scopes."""
    rules = _bands()
    sources = dict(zip(_LABELS, (subject_from, metric_from, period_from), strict=True))
    if not verified or any(sources[label] in rules.low[label] for label in _LABELS):
        return "low"
    if metric_key == "other" and not rules.other_high:
        return "medium"
    if all(sources[label] in rules.high[label] for label in _LABELS):
        return "high"
    return "medium"


def assess(figures: list[Figure]) -> None:
    """Set every figure's ``confidence`` from its label sources and its status."""
    for figure in figures:
        figure.confidence = band(  # type: ignore[assignment]
            figure.subject_from, figure.metric_from, figure.period_from, figure.metric_key, figure.status is Status.verified
        )
