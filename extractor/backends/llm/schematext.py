"""The answer schema as the project writes it for a prompt: one short line per shape, not JSON Schema.

instructor's JSON modes print the answer model's JSON Schema in the system
message; most of its tokens are JSON Schema's own keys ("type", "properties",
"$ref", "items"). This renders the same schema in the notation a model reads
as easily, about half the tokens:

    Answer: {labels?: FigureLabel[], figures?: AddedFigure[], …}
    FigureLabel: {id, metric?, measure?: Measure, target?: boolean, …}
    Measure: level growth change_pp share multiple

A ``?`` marks a field that may be left out, a field without a type is a string,
and a definition's enum lists its values. instructor still parses and
validates the answer against the model, so nothing is checked less.
"""

from __future__ import annotations

import json
from typing import Any

from ...text.tokens import estimate_tokens

INTRODUCTION = "Reply with one JSON Answer (x?: optional; a b: one of):"
INLINE_ENUM = 8  # values of an enum used once that are printed where it is used, not on a line of their own


def schema_text(schema: dict[str, Any]) -> str:
    """The schema's root and its definitions, one line each, the root first (named Answer). A shape or a short enum used
    once is printed where it is used (its name and line would cost more than they say); shapes and enums used twice,
    and a long enum (MetricKey: a list of its own is easier to read than one inside a field list), get a line."""
    definitions = schema.get("$defs", {})
    uses = json.dumps(schema)
    inline = {name: d for name, d in definitions.items() if uses.count(f'"#/$defs/{name}"') == 1 and len(d.get("enum", ())) <= INLINE_ENUM}
    lines = [f"Answer: {_shape(schema, inline)}"]
    lines += [f"{name}: {_definition(d, inline)}" for name, d in definitions.items() if name not in inline]
    return "\n".join([INTRODUCTION, *lines])


def _definition(node: dict[str, Any], inline: dict[str, Any]) -> str:
    """A definition's shape; an enum's values separated by spaces, not bars (a bar is a token each; a space is not)."""
    if "enum" in node:
        return " ".join(str(value) for value in node["enum"])
    return _shape(node, inline)


def _shape(node: dict[str, Any], inline: dict[str, Any]) -> str:
    if "$ref" in node:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        return _shape(inline[name], inline) if name in inline else name
    if "enum" in node:  # an enum used once, printed where it is used: its values as a definition prints them
        return _definition(node, inline)
    if "anyOf" in node:
        return " or ".join(_shape(option, inline) for option in node["anyOf"])
    kind = node.get("type")
    if kind == "array":
        return f"{_shape(node.get('items', {}), inline)}[]"
    if kind == "object" or "properties" in node:
        required = set(node.get("required", []))
        fields = (_field(name, name in required, value, inline) for name, value in node.get("properties", {}).items())
        return "{" + ", ".join(fields) + "}"
    return str(kind or "any")


def _field(name: str, required: bool, node: dict[str, Any], inline: dict[str, Any]) -> str:
    """``name`` (a string), ``name?``, or ``name: Type``: a string field is the usual one, so it goes untyped."""
    shape = _shape(node, inline)
    return f"{name}{'' if required else '?'}" + ("" if shape == "string" else f": {shape}")


# What one answer item's values typically take, for sizing an answer (``item_tokens``): a string field holds a few
# Chinese words (a metric, a subject, a speaker) unless it is one of the short or copied fields named here.
TYPICAL_TEXT = "规上工业增加值"
TYPICAL_VALUES = {
    "id": "N12",
    "value_text": "1.88亿美元",
    "unit": "亿美元",
    "base_unit": "美元",
    "period": "今年上半年",
    "evidence": "全年实现规上工业增加值同比增长百分之十二点五",  # the clause a figure stands in
    "text": "我们将进一步优化营商环境，加快推动园区产业转型升级，努力实现高质量发展的新突破",  # a quote
}
TYPICAL_NUMBER = 12345.67


def item_tokens(schema: dict[str, Any]) -> int:
    """Estimated tokens of one answer item of this JSON Schema written out whole: every field's key as the JSON answer
    prints it, and a typical value for its type (an enum's longest member). An answer's budget is a sum of these."""
    definitions = schema.get("$defs", {})
    sample = {name: _typical(name, node, definitions) for name, node in schema.get("properties", {}).items()}
    return estimate_tokens(json.dumps(sample, ensure_ascii=False, separators=(",", ":")))


def _typical(name: str, node: dict[str, Any], definitions: dict[str, Any]) -> Any:
    if "$ref" in node:
        return _typical(name, definitions.get(str(node["$ref"]).rsplit("/", 1)[-1], {}), definitions)
    if "enum" in node:
        return max((str(value) for value in node["enum"]), key=len)
    if "anyOf" in node:
        return _typical(name, node["anyOf"][0], definitions)
    kind = node.get("type")
    if kind == "array":
        return [_typical(name, node.get("items", {}), definitions)]
    if kind in ("number", "integer"):
        return TYPICAL_NUMBER if kind == "number" else 12
    if kind == "boolean":
        return False
    return TYPICAL_VALUES.get(name, TYPICAL_TEXT)
