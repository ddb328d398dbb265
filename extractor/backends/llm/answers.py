"""What the model is asked to return for one chunk: schema-constrained through instructor.

These are the model's *answer* shapes, kept small because their JSON Schema
is sent with every call; they are turned into the records of models.py and
then checked by the validator like any other backend's output.

Every item of an answer is checked on its own (``BoundedAnswer``): one that
cannot be used (no number in value_text, a missing field, an unknown id,
evidence or a quote not in the chunk, a quote not between quotation marks) is
dropped and its reason listed in the answer's ``dropped``; an unknown enum value
(metric_key, measure, qualifier, kind) drops that field only, and so does a metric, subject or period that is a word
of the answer format itself (``"metric": "level"``: ``answer_keywords``). Asking again is
kept for answers that are no JSON object of the right shape: a small model
rarely fixes an item when asked, and a re-ask resends the whole conversation.
Labels are constrained in the schema itself: ``measure`` to the Measure enum.
``metric_key`` is not asked for (the key list cost every call about a hundred
tokens): the key is read from the model's metric words by the project's keyer;
one the model writes anyway must be a key of data/metrics.toml (or ``other``). Numbers are
*not* checked here: a wrong number is what the validator reports; but a number
that is no number (NaN, Infinity) is re-asked. An answer with more than
``MAX_ITEMS`` items in a list (a runaway model) fails its chunk at once: a
re-ask would send the whole runaway answer back as prompt.

Candidate ids are read the way small models write them: N3, n3, <N3>, {N3}, 3, 003
all name candidate N3; a quote id (Q1) is never taken for a figure's. Labels
may come as a list of items with ids, or as an object keyed by the marks
({"N3": {...}}); a label without an id is placed by its printed number where
that names one candidate, or by its position when no label has an id and
there is one for each candidate, in order (``placed_labels``).
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from ...domain.numbers import parse_quantity
from ...knowledge import metric_keys
from ...models import InitiativeKind, Measure, Qualifier

_MARK = re.compile(r"[{<][NQ]\d+[}>]")  # the prompt's marks (<N1>), and the braces of earlier prompts a model may still write
_FIGURE_MARK = re.compile(r"[{<]\s*[Nn]\s*0*(\d+)\s*[}>]")
_IDS = {"N": re.compile(r"[{<\s]*[Nn#]?\s*0*(\d+)[}>\s]*"), "Q": re.compile(r"[{<\s]*[Qq#]?\s*0*(\d+)[}>\s]*")}
_OPENING, _CLOSING = '“「『‘"', '”」』’"'  # the ASCII quotation mark both opens and closes
MAX_ITEMS = 200  # per list of one answer: a chunk of a few thousand characters holds far fewer records
MAX_LABELS = 2000  # labels answer candidates, one each; a dense table in a long chunk has hundreds


class ItemRefused(ValueError):
    """Why one item of an answer cannot be used; the message is a fixed phrase, so that run.json counts reasons."""


FIELD_REFUSED = "field_refused"  # the error type of a field that cannot be used: only that field goes, its reason counted


@cache
def answer_keywords() -> frozenset[str]:
    """The answer format's own words: the values of its enums (a measure, a qualifier, an initiative kind) and JSON's
    literals. Written as a field's words (metric, subject, period) they name nothing on the page: the value of the field
    beside it, put in the wrong place (Qwen2.5-Coder-1.5B wrote ``"metric": "level"`` in every label of a call)."""
    values = [*(member.value for member in Measure), *(member.value for member in Qualifier), *get_args(InitiativeKind)]
    return frozenset({str(value).lower() for value in values} | {"true", "false", "null", "none"})


def _not_a_keyword(value: str, info: ValidationInfo) -> str:
    if value.strip().lower() in answer_keywords():
        raise PydanticCustomError(FIELD_REFUSED, "{field} is a word of the answer format, not of the page", {"field": info.field_name})
    return value


MetricKey = StrEnum("MetricKey", {key: key for key in metric_keys()})  # type: ignore[misc]
"""An enum (not a Literal) so that its JSON Schema is sent once, under $defs, however many fields use it."""


def without_marks(text: str) -> str:
    """Candidate marks (<N3>, <Q1>) removed, as a model may copy them into evidence or quotes."""
    return _MARK.sub("", text)


def candidate_id(value: Any, prefix: str) -> str:
    """The candidate a model's id names: N3 for N3, n3, <N3>, {N3}, 3 or 003 (prefix N); ItemRefused for anything else.

    A quote's id (Q1) given for a figure, or a figure's for a quote, is refused: the letters are never guessed across.
    """
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ItemRefused("id is not a candidate mark")
    other = "Q" if prefix == "N" else "N"
    text = str(value).strip()
    if text.strip("{}<> ").upper().startswith(other):
        raise ItemRefused(f"a {'quote' if other == 'Q' else 'figure'} id where a {'figure' if prefix == 'N' else 'quote'} id belongs")
    match = _IDS[prefix].fullmatch(text)
    if match is None:
        raise ItemRefused("id is not a candidate mark")
    return f"{prefix}{int(match.group(1))}"


def _in_chunk(value: str, info: ValidationInfo, reason: str) -> str:
    context: dict[str, Any] = info.context or {}
    text = context.get("text")
    if text is None or not value:
        return value
    cleaned = without_marks(value).strip()
    if "".join(cleaned.split()) not in _flat(context):
        raise ItemRefused(reason)
    return cleaned


def _flat(context: dict[str, Any]) -> str:
    """The chunk text without whitespace, made once per answer (the context dict is the call's)."""
    if "_flat" not in context:
        context["_flat"] = "".join(context["text"].split())
    return context["_flat"]


def between_quotation_marks(words: str, text: str) -> bool:
    """Whether ``words`` stand somewhere in ``text`` inside a pair of quotation marks (whitespace ignored)."""
    flat, wanted = "".join(text.split()), "".join(words.split())
    position = flat.find(wanted)
    while position != -1 and wanted:
        before = max(flat.rfind(mark, 0, position) for mark in _OPENING)
        closed = max(flat.rfind(mark, 0, position) for mark in _CLOSING if mark != '"')
        end = position + len(wanted)
        after = [flat.find(mark, end) for mark in _CLOSING]
        opened_again = [flat.find(mark, end) for mark in _OPENING if mark != '"']
        next_close = min((a for a in after if a != -1), default=-1)
        next_open = min((o for o in opened_again if o != -1), default=len(flat))
        if before != -1 and before >= closed and next_close != -1 and next_close <= next_open:
            return True
        position = flat.find(wanted, position + 1)
    return False


def _known_id(value: str, info: ValidationInfo, kind: str) -> str:
    known = (info.context or {}).get(kind)
    if known is not None and value not in known:
        raise ItemRefused("unknown id")
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


def _first(schema: dict[str, Any], name: str) -> None:
    """The schema's property ``name`` moved to the front, in place (pydantic's json_schema_extra hook)."""
    properties = schema["properties"]
    reordered = {name: properties.pop(name), **properties}
    properties.clear()
    properties.update(reordered)


class Meaning(CompactModel):
    """What a figure means. None (or empty) is no answer: the rules' label stands where there is one."""

    metric: str = ""
    # not in the schema the model is sent (its 46 keys were a sixth of the fixed prefix): the project's keyer reads
    # the key from the metric words (anchoring.py); a model that writes a key anyway is read, an unknown one dropped
    metric_key: SkipJsonSchema[MetricKey | None] = None
    measure: Measure | None = None
    target: bool | None = None
    subject: str = ""
    period: str = ""

    @field_validator("metric", "subject", "period")
    @classmethod
    def _words_of_the_page(cls, value: str, info: ValidationInfo) -> str:
        return _not_a_keyword(value, info)


class FigureLabel(Meaning):
    """A candidate's labels, and the model's reading of its number where it differs from the candidate's.

    A reading (a longer value_text, an implied base unit, a qualifier from a cue
    word) is a claim like any other: it replaces the candidate's only where the
    text bears it out (the backend checks), otherwise the candidate's reading stands.
    A range is read from value_text (5万—20万元); the unit follows from it.
    """

    # the id printed first: a model writes fields in the order it is shown them, and a 1.5B model shown the id after
    # the labels (Meaning's fields come first by inheritance) left it out of every label
    model_config = ConfigDict(json_schema_extra=lambda schema, _: _first(schema, "id"))

    id: str
    value_text: str = ""
    amount: float | None = None
    base_unit: str = ""
    qualifier: Qualifier | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _known_candidate(cls, value: Any, info: ValidationInfo) -> str:
        return _known_id(candidate_id(value, "N"), info, "figure_ids")

    @field_validator("value_text")
    @classmethod
    def _marks_out(cls, value: str) -> str:
        return without_marks(value)


class QuoteLabel(CompactModel):
    id: str
    speaker: str = ""
    speaker_title: str = ""

    @field_validator("id", mode="before")
    @classmethod
    def _known_quote(cls, value: Any, info: ValidationInfo) -> str:
        return _known_id(candidate_id(value, "Q"), info, "quote_ids")


class OnPage(CompactModel):
    """An item a call's answer may say the page of (its number in the call: ``Page 2, …``). Left out, the item
    goes where its words stand; given, only to that page (a name two pages print is then not given to both)."""

    page: int | None = None

    @field_validator("page", mode="before")
    @classmethod
    def _page_number(cls, value: Any) -> int | None:
        """1, "1", "Page 1", "p1": a page number as models write it; anything else is no page (the words decide)."""
        if isinstance(value, bool) or value is None:
            return None
        digits = re.search(r"\d+", str(value))
        return int(digits.group()) if digits else None


class AddedFigure(Meaning, OnPage):
    """A figure the anchored mode's candidates missed. Its qualifier and range end are read by the grammar
    at the place it stands (a cue word such as 以上 after it); its base unit from its unit.
    A value left out is read from value_text; a value_text with no number in it is refused.

    value and unit are not in the schema the model is sent (value_text says both, and every call pays for each field
    printed); a model that writes them anyway is read as before, its value compared by the validator."""

    value_text: str
    value: SkipJsonSchema[float] = None  # type: ignore[assignment]  # set from value_text before validation
    unit: SkipJsonSchema[str] = ""
    amount: float | None = None
    evidence: str = ""

    @model_validator(mode="before")
    @classmethod
    def _value_from_text(cls, data: Any) -> Any:
        if not isinstance(data, dict) or data.get("value") is not None:
            return data
        quantity = parse_quantity("".join(without_marks(str(data.get("value_text") or "")).split()))
        return {**data, "value": quantity.value} if quantity is not None else data

    @field_validator("value_text")
    @classmethod
    def _a_number(cls, value: str) -> str:
        cleaned = "".join(without_marks(value).split())
        if not cleaned or parse_quantity(cleaned) is None:
            raise ItemRefused("no number in value_text")
        return cleaned

    @field_validator("evidence")
    @classmethod
    def _evidence_in_chunk(cls, value: str, info: ValidationInfo) -> str:
        return _in_chunk(value, info, "evidence not in the chunk")


class FigureItem(AddedFigure):
    """A figure of the free mode, which also says its base unit (implied ones too) and qualifier; its range end is
    read from value_text (5万—20万元), so the schema does not ask for it."""

    base_unit: str = ""
    qualifier: Qualifier | None = None
    value_high: SkipJsonSchema[float | None] = None


class QuoteItem(OnPage):
    text: str = Field(description="the words inside “”, copied exactly")
    speaker: str = ""
    speaker_title: str = ""

    @field_validator("text")
    @classmethod
    def _quote_in_chunk(cls, value: str, info: ValidationInfo) -> str:
        words = _in_chunk(value, info, "quote not in the chunk").strip('“”"「」 ')
        text = (info.context or {}).get("text")
        if text is not None and words and not between_quotation_marks(words, text):
            raise ItemRefused("quote not between quotation marks")
        return words


class ParkItem(OnPage):
    name: str
    aliases: list[str] = Field(default_factory=list)


class InitiativeItem(OnPage):
    name: str
    kind: InitiativeKind = "other"
    park: str = ""


class RunawayAnswer(Exception):
    """More items than a chunk can hold. Not a ValueError, so pydantic lets it through and instructor does not re-ask."""


_FIELD_ERRORS = ("enum", "literal_error", FIELD_REFUSED)  # an unknown enum value, or a refused field: only that field goes


class BoundedAnswer(CompactModel):
    """An answer whose lists are checked for length, then item by item, before the answer itself is built.

    ``max_length`` on the lists puts the caps into the schema the model sees;
    the length check comes first and ends the call instead of re-asking. Then
    every item is validated on its own: the ones that fail are left out and
    their reasons listed in ``dropped`` (not in the schema the model sees).
    """

    dropped: list[str] = Field(default_factory=list)

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        schema = super().model_json_schema(*args, **kwargs)
        schema["properties"] = {name: value for name, value in schema["properties"].items() if name != "dropped"}
        return schema

    @classmethod
    def _prepare(cls, data: dict[str, Any], context: dict[str, Any]) -> dict[str, Any]:
        """Reshape what a model commonly writes for this answer before its items are checked."""
        return data

    @model_validator(mode="before")
    @classmethod
    def _item_by_item(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict):
            return data
        for name, value in data.items():
            field = cls.model_fields.get(name)
            cap = next((m.max_length for m in field.metadata if hasattr(m, "max_length")), None) if field else None
            if isinstance(value, list) and cap is not None and len(value) > cap:
                raise RunawayAnswer(f"{len(value)} {name}, more than the {cap} one answer may hold")
        data = cls._prepare(dict(data), info.context or {})
        dropped = [str(reason) for reason in data.get("dropped") or []]
        for name, field in cls.model_fields.items():
            item_model = _item_model(field.annotation)
            if item_model is None or not isinstance(data.get(name), list):
                continue  # absent, or not a list at all: the answer's shape is wrong (asked again)
            kept = []
            for item in data[name]:
                parsed, reasons = _one_item(item_model, item, info.context)
                dropped += [f"{name}: {reason}" for reason in reasons]
                if parsed is not None:
                    kept.append(parsed)
            data[name] = kept
        data["dropped"] = dropped
        return data


def _item_model(annotation: Any) -> type[CompactModel] | None:
    """X for a field typed list[X] where X is an answer item model."""
    arguments = get_args(annotation)
    if len(arguments) == 1 and isinstance(arguments[0], type) and issubclass(arguments[0], CompactModel):
        return arguments[0]
    return None


def _one_item(model: type[CompactModel], item: Any, context: dict[str, Any] | None) -> tuple[CompactModel | None, list[str]]:
    """The item validated alone, and the reasons for what was dropped: a field with an unknown enum value, or the item."""
    if isinstance(item, model):
        return item, []
    if not isinstance(item, dict):
        return None, ["not an object"]
    reasons: list[str] = []
    while True:
        try:
            return model.model_validate(item, context=context), reasons
        except ValidationError as error:
            errors = error.errors()
            fields = {str(e["loc"][0]): _field_reason(e) for e in errors if e["type"] in _FIELD_ERRORS and len(e["loc"]) == 1}
            if not fields or len(fields) < len(errors):
                return None, [*reasons, _reason(errors[0])]
            reasons += [fields[name] for name in sorted(fields)]
            item = {key: value for key, value in item.items() if key not in fields}


def _field_reason(error: Any) -> str:
    """Why one field went: an unknown enum value, or the field's own refusal (its message)."""
    return str(error["msg"]) if error["type"] == FIELD_REFUSED else f"unknown {error['loc'][0]}"


def _reason(error: Any) -> str:
    """A short fixed phrase for what made an item unusable (our own refusals say it themselves)."""
    refused = (error.get("ctx") or {}).get("error")
    if isinstance(refused, ItemRefused):
        return str(refused)
    where = ".".join(str(part) for part in error["loc"]) or "item"
    if error["type"] == "missing":
        return f"missing {where}"
    if error["type"] in ("finite_number",):
        return f"{where} is not a finite number"
    return f"bad {where}"


def placed_labels(labels: Any, order: list[tuple[str, str]] | None) -> Any:
    """The labels as a list of items that carry their candidate's id, however the model wrote them.

    An object keyed by marks ({"N1": {...}, "2": {...}}) gives each item its key as id. An item without an id
    takes the one candidate of the call whose printed number its value_text is; failing that, its position, but
    only where no label has an id and there is one label per candidate (the model went through the marks in
    order). Anything else is left as it is, for the item checks to keep or drop with a reason.
    """
    if isinstance(labels, dict):
        labels = [{**item, "id": key} if isinstance(item, dict) else item for key, item in labels.items()]
    if not isinstance(labels, list) or not order:
        return labels
    unmarked = [index for index, item in enumerate(labels) if isinstance(item, dict) and item.get("id") in (None, "")]
    if not unmarked:
        return labels
    in_order = len(unmarked) == len(labels) == len(order)
    by_number: dict[str, list[str]] = {}
    for mark, printed in order:
        by_number.setdefault(printed, []).append(mark)
    placed = list(labels)
    for index in unmarked:
        item = labels[index]
        marks = by_number.get("".join(without_marks(str(item.get("value_text") or "")).split()), [])
        if len(marks) == 1:
            placed[index] = {**item, "id": marks[0]}
        elif in_order:
            placed[index] = {**item, "id": order[index][0]}
    return placed


class ChunkAnswer(BoundedAnswer):
    """Everything found in one chunk."""

    labels: list[FigureLabel] = Field(default_factory=list, max_length=MAX_LABELS)
    quote_labels: list[QuoteLabel] = Field(default_factory=list, max_length=MAX_LABELS)
    figures: list[AddedFigure] = Field(default_factory=list, max_length=MAX_ITEMS)
    quotes: list[QuoteItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    parks: list[ParkItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    initiatives: list[InitiativeItem] = Field(default_factory=list, max_length=MAX_ITEMS)

    @classmethod
    def _prepare(cls, data: dict[str, Any], context: dict[str, Any]) -> dict[str, Any]:
        """Labels read in every form a model writes them (``placed_labels``); a figure whose value_text is a candidate's
        mark (<N1>, <N1>%) labels that candidate: small models re-list them."""
        if "labels" in data:
            data = {**data, "labels": placed_labels(data["labels"], context.get("figure_order"))}
        figures, labels = data.get("figures"), data.get("labels")
        if not isinstance(figures, list) or not isinstance(labels if labels is not None else [], list):
            return data
        kept, moved = [], []
        for item in figures:
            mark = _FIGURE_MARK.search(str(item.get("value_text", ""))) if isinstance(item, dict) else None
            if mark is None:
                kept.append(item)
                continue
            label = {k: v for k, v in item.items() if k in FigureLabel.model_fields and k not in ("id", "value_text", "amount")}
            moved.append({**label, "id": f"N{int(mark.group(1))}"})
        return {**data, "figures": kept, "labels": [*(labels or []), *moved]} if moved else data


class FreeChunkAnswer(BoundedAnswer):
    """The free mode's answer: no candidates to label."""

    figures: list[FigureItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    quotes: list[QuoteItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    parks: list[ParkItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    initiatives: list[InitiativeItem] = Field(default_factory=list, max_length=MAX_ITEMS)


ANSWER_MODELS: dict[str, type[CompactModel]] = {"anchored": ChunkAnswer, "free": FreeChunkAnswer}
