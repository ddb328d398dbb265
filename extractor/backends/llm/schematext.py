"""The answer schema as the project writes it for a prompt: one short line per shape, not JSON Schema.

instructor's JSON modes print the answer model's JSON Schema in the system
message; most of its tokens are JSON Schema's own keys ("type", "properties",
"$ref", "items"). This renders the same schema in the notation a model reads
as easily, about half the tokens:

    Answer: {labels: FigureLabel[], figures: AddedFigure[], …}
    FigureLabel: {id: string, metric?: string, measure?: Measure, …}
    Measure: level|growth|change_pp|share|multiple

A ``?`` marks a field that may be left out. instructor still parses and
validates the answer against the model, so nothing is checked less.
"""

from __future__ import annotations

from typing import Any

INTRODUCTION = "Answer with one JSON object of the shape Answer (field?: may be left out; A[]: a list of A; a|b: one of these strings):"


def schema_text(schema: dict[str, Any]) -> str:
    """The schema's root and its definitions, one line each, the root first (named Answer)."""
    definitions = schema.get("$defs", {})
    lines = [f"Answer: {_shape(schema)}"]
    lines += [f"{name}: {_shape(definition)}" for name, definition in definitions.items()]
    return "\n".join([INTRODUCTION, *lines])


def _shape(node: dict[str, Any]) -> str:
    if "$ref" in node:
        return str(node["$ref"]).rsplit("/", 1)[-1]
    if "enum" in node:
        return "|".join(str(value) for value in node["enum"])
    if "anyOf" in node:
        return " or ".join(_shape(option) for option in node["anyOf"])
    kind = node.get("type")
    if kind == "array":
        return f"{_shape(node.get('items', {}))}[]"
    if kind == "object" or "properties" in node:
        required = set(node.get("required", []))
        fields = (f"{name}{'' if name in required else '?'}: {_shape(value)}" for name, value in node.get("properties", {}).items())
        return "{" + ", ".join(fields) + "}"
    return str(kind or "any")
