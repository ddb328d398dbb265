"""The records: the single definition every output format derives from.

JSON Schema files in ``schemas/``, the JSONL fields and the evaluation all read
these classes; nothing else lists a record's fields by hand.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"


class Status(str, Enum):
    """What the validator found when it checked a record against the source."""

    verified = "verified"
    mismatch = "mismatch"  # found in the text, but it says something else
    not_found = "not_found"  # the evidence or the value is not in the text
    unchecked = "unchecked"  # not yet through the validator


class Qualifier(str, Enum):
    exact = "exact"
    approx = "approx"  # 约 近 左右
    lower = "lower"  # 超 逾 以上 多 余: at least
    upper = "upper"  # 不超过 最高 以内: at most
    range = "range"  # 5万—20万元


InitiativeKind = Literal["policy", "action_plan", "program", "reform", "platform", "project", "event", "other"]


class Evidence(BaseModel):
    """A span [start, end) of the normalized document and the text it covers."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Record(BaseModel):
    evidence: Evidence | None = None
    status: Status = Status.unchecked


class Park(Record):
    kind: Literal["park"] = "park"
    name: str
    aliases: list[str] = Field(default_factory=list)


class Initiative(Record):
    kind: Literal["initiative"] = "initiative"
    name: str
    initiative_kind: InitiativeKind = "other"
    park: str = ""


class Figure(Record):
    kind: Literal["figure"] = "figure"
    value_text: str = Field(description="the number with its unit as printed: 739.4亿元")
    value: float = Field(description="the number as printed, numerals converted: 两亿元 → 2")
    unit: str = Field(default="", description="unit as printed: 亿元, %, 个百分点, 万家")
    amount: float = Field(description="value with its multiplier applied, in base_unit")
    base_unit: str = Field(default="", description="bare unit: 元, %, 百分点, 家, ratio")
    qualifier: Qualifier = Qualifier.exact
    value_high: float | None = None
    amount_high: float | None = None
    metric: str = ""
    period: str = ""
    subject: str = ""


class Quote(Record):
    kind: Literal["quote"] = "quote"
    text: str
    speaker: str = ""
    speaker_title: str = ""


RECORD_TYPES: dict[str, type[Record]] = {
    "park": Park,
    "initiative": Initiative,
    "figure": Figure,
    "quote": Quote,
}


class Article(BaseModel):
    """One article of a page: where it is, and the records found in it."""

    index: int
    title: str = ""
    byline: str = ""
    park: str = Field(default="", description="the park the article is about")
    start: int
    end: int
    body_start: int
    prompt_tokens: int = 0
    completion_tokens: int = 0
    failed_chunks: int = 0
    parks: list[Park] = Field(default_factory=list)
    initiatives: list[Initiative] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)

    def records(self) -> list[Record]:
        return [*self.parks, *self.initiatives, *self.figures, *self.quotes]


class DocumentResult(BaseModel):
    """Everything extracted from one input: the text the spans point into, and the articles."""

    doc: str
    text: str
    articles: list[Article] = Field(default_factory=list)
    error: str | None = None

    def records(self) -> list[Record]:
        return [record for article in self.articles for record in article.records()]
