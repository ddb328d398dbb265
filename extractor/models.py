"""The records: the single definition every output format derives from.

JSON Schema files in ``schemas/``, the JSONL fields and the evaluation all read
these classes; nothing else lists a record's fields by hand.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "2"


class Status(StrEnum):
    """What the validator found when it checked a record against the source."""

    verified = "verified"
    mismatch = "mismatch"  # found in the text, but it says something else
    not_found = "not_found"  # the evidence or the value is not in the text
    unchecked = "unchecked"  # not yet through the validator


class Qualifier(StrEnum):
    exact = "exact"
    approx = "approx"  # 约 近 左右
    lower = "lower"  # 超 逾 以上 多 余: at least
    upper = "upper"  # 不超过 最高 以内: at most
    range = "range"  # 5万—20万元


class Measure(StrEnum):
    """How a figure's number relates to its metric (seeds/gold/METRICS.md)."""

    level = "level"  # the quantity itself: 营业收入1.2万亿元, 300家
    growth = "growth"  # a growth or decline rate: 同比增长8.5%, 下降2.1% (a decline is negative)
    change_pp = "change_pp"  # a change in percentage points: 提高1.5个百分点
    share = "share"  # a part of a whole: 占全省比重41.4%
    multiple = "multiple"  # times another quantity: 全国平均水平的12倍


DatePrecision = Literal["day", "month", "year"]
Review = Literal["", "accepted", "corrected", "rejected"]  # a corrected record carries the editor's values
# Where a label came from, narrowest scope first: the figure's own clause, its sentence, its paragraph, a heading
# above it, a table's header, the document (its headline, its main zone, its publication date), a model, or nowhere.
LabelSource = Literal["clause", "sentence", "paragraph", "heading", "table", "document", "model", "none"]
Confidence = Literal["high", "medium", "low"]
InitiativeKind = Literal["policy", "action_plan", "program", "reform", "platform", "project", "event", "other"]


class Evidence(BaseModel):
    """A span [start, end) of the normalized document and the text it covers."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Span(BaseModel):
    """A span [start, end) of the normalized document, without its text."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Record(BaseModel):
    evidence: Evidence | None = None
    status: Status = Status.unchecked
    status_reason: str = Field(default="", description="why the validator did not verify it: 'base unit: text 元, record 美元'")
    review: Review = Field(default="", description="an editor's decision (extractor review); empty when nobody reviewed it")


class Park(Record):
    kind: Literal["park"] = "park"
    name: str = Field(description="the official name when the zone is registered, else the longest spelling seen")
    aliases: list[str] = Field(default_factory=list, description="every other spelling seen")
    park_id: str = Field(default="", description="stable identity across spellings and documents")
    registered: bool = Field(default=False, description="whether park_id comes from the zone registry")
    parent_id: str = Field(
        default="", description="the registered zone this park belongs to (a sub-park of 一区多园, a free trade zone's 片区); '' for none"
    )
    level: str = Field(default="", description="national, provincial, … as the registry says")
    province: str = ""
    city: str = ""


class Initiative(Record):
    kind: Literal["initiative"] = "initiative"
    name: str
    initiative_kind: InitiativeKind = "other"
    park: str = Field(default="", description="the zone that runs it; '' when no zone does (a state document, a national strategy)")
    park_id: str = ""
    owner: str = Field(
        default="", description="who runs or issued it, as named: the zone, or the government body a document's title names (国务院)"
    )


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
    value_span: Span | None = Field(default=None, description="where the printed number stands in the normalized text")
    unit_span: Span | None = Field(
        default=None, description="where the unit is printed when it stands apart from the number: a table's header (亿元)"
    )
    metric: str = Field(default="", description="the noun phrase that names what is measured: 规上工业增加值")
    metric_key: str = Field(default="other", description="canonical metric key (extractor/data/metrics.*) or 'other'")
    metric_scope: str = Field(
        default="", description="what narrows the metric within its key: 高新技术产业 for 高新技术产业营业收入 (revenue)"
    )
    measure: Measure = Measure.level
    target: bool = Field(default=False, description="a goal, plan or forecast rather than an outcome")
    period: str = Field(default="", description="the words that give the period: 今年上半年")
    period_start: str = Field(default="", description="ISO date, empty when the text gives nothing resolvable")
    period_end: str = Field(default="", description="ISO date, empty when the text gives nothing resolvable")
    subject: str = Field(default="", description="the zone, company, project or group the figure is about")
    park_id: str = Field(default="", description="the subject's park_id when the subject is a zone")
    subject_from: LabelSource = Field(default="none", description="the scope the subject was read from")
    metric_from: LabelSource = Field(default="none", description="the scope the metric was read from")
    period_from: LabelSource = Field(default="none", description="the scope the period was read from")
    confidence: Confidence = Field(
        default="low", description="how sure the labels are, from where they came (extractor/data/confidence.toml)"
    )


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

    def counts(self) -> dict[str, int]:
        """What a run adds up per document for run.json: records by kind, verified figures, tokens, failed chunks."""
        return {
            "parks": len(self.parks),
            "initiatives": len(self.initiatives),
            "figures": len(self.figures),
            "figures_verified": sum(figure.status is Status.verified for figure in self.figures),
            "quotes": len(self.quotes),
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "failed_chunks": self.failed_chunks,
        }


class DocumentMeta(BaseModel):
    """When and where a document was published: read from its headers, a manifest, or the library call."""

    published: str = Field(default="", description="ISO date (2024-03-05, 2024-03 or 2024), empty when unknown")
    published_precision: DatePrecision | None = None
    published_from: Literal["header", "manifest", "caller", ""] = ""
    source: str = ""
    title: str = ""
    url: str = ""


class DocumentResult(BaseModel):
    """Everything extracted from one input: the text the spans point into, and the articles."""

    doc: str
    text: str
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    articles: list[Article] = Field(default_factory=list)
    error: str | None = None

    def records(self) -> list[Record]:
        return [record for article in self.articles for record in article.records()]
