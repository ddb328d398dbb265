"""The two extraction modes, chosen once from the settings: what the model is asked for and what its answer labels.

Anchored: the rules' candidates are marked in the prompt and the answer labels
them (figures by their N marks, quotes by their Q marks). Free: the model
extracts without marks, and its answer labels nothing (its figures that land
on a candidate's number still merge into it, in ``anchoring``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .answers import ChunkAnswer, CompactModel, FigureItem, FigureLabel, FreeChunkAnswer, MetricKey, QuoteItem, QuoteLabel
from .schematext import item_tokens


@dataclass(frozen=True)
class Mode:
    """Free mode: the answer carries no labels of candidates."""

    name: str = "free"
    answer_model: type[CompactModel] = FreeChunkAnswer
    figure_item: type[CompactModel] = FigureItem  # what the answer writes for each figure candidate: a whole figure ...
    quote_item: type[CompactModel] = QuoteItem  # ... and for each quote candidate

    @cached_property
    def per_figure(self) -> int:
        """Answer tokens per figure candidate: one item of the printed answer format, every field written, and a
        metric_key (not asked for, but models write one unasked, the oracle too: a budget without it gets cut off)."""
        schema = self.figure_item.model_json_schema()
        return item_tokens({**schema, "properties": {**schema["properties"], "metric_key": {"enum": [key.value for key in MetricKey]}}})

    @cached_property
    def per_quote(self) -> int:
        return item_tokens(self.quote_item.model_json_schema())

    def figure_labels(self, answer: Any) -> list[FigureLabel]:
        return []

    def quote_labels(self, answer: Any) -> list[QuoteLabel]:
        return []


@dataclass(frozen=True)
class AnchoredMode(Mode):
    """Anchored mode: the answer labels the marked candidates."""

    name: str = "anchored"
    answer_model: type[CompactModel] = ChunkAnswer
    figure_item: type[CompactModel] = FigureLabel  # a label per figure candidate
    quote_item: type[CompactModel] = QuoteLabel  # a speaker per quote candidate

    def figure_labels(self, answer: ChunkAnswer) -> list[FigureLabel]:
        return answer.labels

    def quote_labels(self, answer: ChunkAnswer) -> list[QuoteLabel]:
        return answer.quote_labels


MODES: dict[str, Mode] = {"anchored": AnchoredMode(), "free": Mode()}


def mode_for(extraction: str) -> Mode:
    """The mode ``--extraction`` names."""
    return MODES[extraction]
