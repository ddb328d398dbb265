"""The two extraction modes, chosen once from the settings: what the model is asked for and what its answer labels.

Anchored: the rules' candidates are marked in the prompt and the answer labels
them (figures by their N marks, quotes by their Q marks). Free: the model
extracts without marks, and its answer labels nothing (its figures that land
on a candidate's number still merge into it, in ``anchoring``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .answers import ChunkAnswer, CompactModel, FigureLabel, FreeChunkAnswer, QuoteLabel


@dataclass(frozen=True)
class Mode:
    """Free mode: the answer carries no labels of candidates."""

    name: str = "free"
    answer_model: type[CompactModel] = FreeChunkAnswer
    per_figure: int = 192  # answer tokens per figure candidate: the model writes a whole figure for each ...
    per_quote: int = 128  # ... and per quote candidate

    def figure_labels(self, answer: Any) -> list[FigureLabel]:
        return []

    def quote_labels(self, answer: Any) -> list[QuoteLabel]:
        return []


@dataclass(frozen=True)
class AnchoredMode(Mode):
    """Anchored mode: the answer labels the marked candidates."""

    name: str = "anchored"
    answer_model: type[CompactModel] = ChunkAnswer
    per_figure: int = 128  # a label per figure candidate
    per_quote: int = 64  # a speaker per quote candidate

    def figure_labels(self, answer: ChunkAnswer) -> list[FigureLabel]:
        return answer.labels

    def quote_labels(self, answer: ChunkAnswer) -> list[QuoteLabel]:
        return answer.quote_labels


MODES: dict[str, Mode] = {"anchored": AnchoredMode(), "free": Mode()}


def mode_for(extraction: str) -> Mode:
    """The mode ``--extraction`` names."""
    return MODES[extraction]
