"""One way to build a Figure from a quantity, for every backend.

A reading of the number grammar (``Quantity``) carries the same number fields a Figure does; this module copies
them once, so the rules (text and tables) and the LLM backend's anchoring cannot drift apart on which fields a
reading fills. Where the builder's caller knows where the number is printed, the figure gets its ``value_span``
(the validator confirms it, or moves it, or clears it).
"""

from __future__ import annotations

from typing import Any

from ..domain.numbers import Quantity
from ..models import Figure, Span


def quantity_fields(quantity: Quantity) -> dict[str, Any]:
    """A Figure's number fields from a reading (the sign as the text prints it)."""
    return {
        "value": quantity.value,
        "unit": quantity.unit,
        "amount": quantity.amount,
        "base_unit": quantity.base_unit,
        "qualifier": quantity.qualifier,
        "value_high": quantity.value_high,
        "amount_high": quantity.amount_high,
    }


def build_figure(value_text: str, quantity: Quantity | None, at: tuple[int, int] | None = None, **fields: Any) -> Figure:
    """A Figure of ``value_text``: its number fields from ``quantity`` (None: the caller gives them), ``value_span``
    from ``at`` (start and end of the printed number in the normalized text, when known), then ``fields``, which
    win over the reading (a table's header unit, a model's own value)."""
    reading = quantity_fields(quantity) if quantity is not None else {}
    if at is not None:
        reading["value_span"] = Span(start=at[0], end=at[1])
    return Figure(value_text=value_text, **{**reading, **fields})
