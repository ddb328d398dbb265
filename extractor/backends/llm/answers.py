"""What the model is asked to return for one chunk: schema-constrained through instructor.

These are the model's *answer* shapes, kept small because their JSON Schema
is sent with every call; they are turned into the records of models.py and
then checked by the validator like any other backend's output.

Checks that asking again can fix use instructor's validation ``context``
(the chunk text and the candidate ids): a label for an id that does not exist,
evidence or a quote that is not in the chunk. Labels are constrained in the
schema itself: ``metric_key`` to the keys of data/metrics.toml (or ``other``),
``measure`` to the Measure enum; any other value is re-asked, never written. Numbers are *not* checked here:
a wrong number is not a reason to re-ask, it is what the validator reports;
but a number that is no number (NaN, Infinity) is re-asked. An answer with
more than ``MAX_ITEMS`` items in a list (a runaway model) fails its chunk at
once: a re-ask would send the whole runaway answer back as prompt.
"""

from __future__ import annotations

import re
import tomllib
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ...models import InitiativeKind, Measure, Qualifier

_MARK = re.compile(r"\{[NQ]\d+\}")
MAX_ITEMS = 200  # per list of one answer: a chunk of a few thousand characters holds far fewer records
MAX_LABELS = 2000  # labels answer candidates, one each; a dense table in a long chunk has hundreds


@cache
def metric_keys() -> tuple[str, ...]:
    """The canonical metric keys of the lexicon (extractor/data/metrics.toml), then ``other``."""
    lexicon = tomllib.loads(resources.files("extractor").joinpath("data", "metrics.toml").read_text(encoding="utf-8"))
    keys = tuple(dict.fromkeys(entry["key"] for entry in lexicon["metric"]))
    return (*keys, "other") if "other" not in keys else keys


MetricKey = StrEnum("MetricKey", {key: key for key in metric_keys()})  # type: ignore[misc]
"""An enum (not a Literal) so that its JSON Schema is sent once, under $defs, however many fields use it."""


def without_marks(text: str) -> str:
    """Candidate marks ({N3}) removed, as a model may copy them into evidence or quotes."""
    return _MARK.sub("", text)


def _in_chunk(value: str, info: ValidationInfo, what: str) -> str:
    context: dict[str, Any] = info.context or {}
    text = context.get("text")
    if text is None or not value:
        return value
    cleaned = without_marks(value).strip()
    if "".join(cleaned.split()) not in "".join(text.split()):
        raise ValueError(f"{what} must be copied exactly from the text; not found: {cleaned[:40]!r}")
    return cleaned


def _known_id(value: str, info: ValidationInfo, kind: str) -> str:
    known = (info.context or {}).get(kind)
    if known is not None and value not in known:
        raise ValueError(f"no candidate {value!r}; use one of the marks in the prompt")
    return value


class CompactModel(BaseModel):
    """Answer models send a lean schema: every call pays for the schema's tokens.

    Titles, defaults and descriptions go (the prompt says what the fields
    mean), and an optional field is sent as its plain type: leaving it out is
    how a model says nothing (null is still accepted).
    NaN and Infinity are refused (JSON has neither; the model is asked again).
    """

    model_config = ConfigDict(allow_inf_nan=False)

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        schema = super().model_json_schema(*args, **kwargs)
        return {**_lean(schema), "title": schema.get("title", cls.__name__)}  # the root title names the tool


_DROPPED = ("title", "default", "description")


def _lean(node: Any) -> Any:
    if isinstance(node, list):
        return [_lean(item) for item in node]
    if not isinstance(node, dict):
        return node
    if isinstance(node.get("properties"), dict):
        required = set(node.get("required", []))
        properties = {name: value if name in required else _not_null(value) for name, value in node["properties"].items()}
        node = {**node, "properties": properties}
    return {key: _lean(value) for key, value in node.items() if key not in _DROPPED or key == "properties"}


def _not_null(node: dict[str, Any]) -> dict[str, Any]:
    """An optional field's schema without its null option: {"anyOf": [{"$ref": …}, {"type": "null"}]} → {"$ref": …}."""
    options = [option for option in node.get("anyOf", []) if option != {"type": "null"}]
    if "anyOf" in node and len(options) == 1:
        return {**{k: v for k, v in node.items() if k != "anyOf"}, **options[0]}
    if "anyOf" in node:
        return {**node, "anyOf": options}
    return node


class Meaning(CompactModel):
    """What a figure means. None (or empty) is no answer: the rules' label stands where there is one."""

    metric: str = ""
    metric_key: MetricKey | None = None
    measure: Measure | None = None
    target: bool | None = None
    subject: str = ""
    period: str = ""


class FigureLabel(Meaning):
    """A candidate's labels, and the model's reading of its number where it differs from the candidate's.

    A reading (a longer value_text, an implied base unit, a qualifier from a cue
    word) is a claim like any other: the validator compares it with the text.
    A range is read from value_text (5万—20万元); the unit follows from it.
    """

    id: str = Field(description="candidate mark, e.g. N3")
    is_figure: bool = True
    value_text: str = ""
    amount: float | None = None
    base_unit: str = ""
    qualifier: Qualifier | None = None

    @field_validator("id")
    @classmethod
    def _known_candidate(cls, value: str, info: ValidationInfo) -> str:
        return _known_id(value, info, "figure_ids")


class QuoteLabel(CompactModel):
    id: str = Field(description="quote candidate, e.g. Q1")
    speaker: str = ""
    speaker_title: str = ""

    @field_validator("id")
    @classmethod
    def _known_quote(cls, value: str, info: ValidationInfo) -> str:
        return _known_id(value, info, "quote_ids")


class AddedFigure(Meaning):
    """A figure the anchored mode's candidates missed. Its qualifier and range end are read by the grammar
    at the place it stands (a cue word such as 以上 after it); its base unit from its unit."""

    value_text: str
    value: float
    unit: str = ""
    amount: float | None = None
    evidence: str = ""

    @field_validator("evidence")
    @classmethod
    def _evidence_in_chunk(cls, value: str, info: ValidationInfo) -> str:
        return _in_chunk(value, info, "evidence")


class FigureItem(AddedFigure):
    """A figure of the free mode, which also says its base unit (implied ones too), qualifier and range end."""

    base_unit: str = ""
    qualifier: Qualifier | None = None
    value_high: float | None = None


class QuoteItem(CompactModel):
    text: str = Field(description="the words inside “”, copied exactly")
    speaker: str = ""
    speaker_title: str = ""

    @field_validator("text")
    @classmethod
    def _quote_in_chunk(cls, value: str, info: ValidationInfo) -> str:
        return _in_chunk(value, info, "quote text")


class ParkItem(CompactModel):
    name: str
    aliases: list[str] = Field(default_factory=list)


class InitiativeItem(CompactModel):
    name: str
    kind: InitiativeKind = "other"
    park: str = ""


class RunawayAnswer(Exception):
    """More items than a chunk can hold. Not a ValueError, so pydantic lets it through and instructor does not re-ask."""


class BoundedAnswer(CompactModel):
    """An answer whose lists are checked for length before anything in them is parsed.

    ``max_length`` on the lists puts the caps into the schema the model sees;
    this check comes first and ends the call instead of re-asking.
    """

    @model_validator(mode="before")
    @classmethod
    def _not_runaway(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for name, value in data.items():
                field = cls.model_fields.get(name)
                cap = next((m.max_length for m in field.metadata if hasattr(m, "max_length")), None) if field else None
                if isinstance(value, list) and cap is not None and len(value) > cap:
                    raise RunawayAnswer(f"{len(value)} {name}, more than the {cap} one answer may hold")
        return data


class ChunkAnswer(BoundedAnswer):
    """Everything found in one chunk."""

    labels: list[FigureLabel] = Field(default_factory=list, max_length=MAX_LABELS)
    quote_labels: list[QuoteLabel] = Field(default_factory=list, max_length=MAX_LABELS)
    figures: list[AddedFigure] = Field(default_factory=list, max_length=MAX_ITEMS)
    quotes: list[QuoteItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    parks: list[ParkItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    initiatives: list[InitiativeItem] = Field(default_factory=list, max_length=MAX_ITEMS)


class FreeChunkAnswer(BoundedAnswer):
    """The free mode's answer: no candidates to label."""

    figures: list[FigureItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    quotes: list[QuoteItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    parks: list[ParkItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    initiatives: list[InitiativeItem] = Field(default_factory=list, max_length=MAX_ITEMS)


ANSWER_MODELS: dict[str, type[CompactModel]] = {"anchored": ChunkAnswer, "free": FreeChunkAnswer}
