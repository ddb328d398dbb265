"""Where the rules' labels of a number stand against a model's: the policies of data/model_labels.toml (--model-labels).

Its own module, light to import: the settings check a policy's name before any backend code loads.
"""

from __future__ import annotations

from functools import cache

from ...knowledge import data

DEFAULT_POLICY = "model"  # the model's label wins wherever it gives one (data/model_labels.toml)
# A label kind: the fields read together, and the field that says where the rules read them (data/model_labels.toml)
LABEL_KINDS = {
    "subject": (("subject",), "subject_from"),
    "metric": (("metric", "metric_key", "measure", "target"), "metric_from"),
    "period": (("period", "period_start", "period_end"), "period_from"),
}


def policies() -> list[str]:
    """The names of the label policies data/model_labels.toml defines (--model-labels)."""
    return list(data("model_labels.toml")["policies"])


@cache
def label_policy(name: str) -> dict[str, frozenset[str]]:
    """Per label kind, the scopes whose rules' label stands against the model's under the policy ``name``."""
    table = data("model_labels.toml")["policies"]
    if name not in table:
        raise ValueError(f"unknown label policy {name!r}: give one of {', '.join(table)}")
    return {kind: frozenset(table[name].get(kind, ())) for kind in LABEL_KINDS}
